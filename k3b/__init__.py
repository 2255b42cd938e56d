"""Domain core of the K3B Wissensportal.

Nothing in this package imports MkDocs: the content model, the topic vocabulary and its
detection, and (later) bibliography formatting can be used and tested without a build.
The MkDocs hooks in ``hooks/`` are thin adapters over these modules.
"""
