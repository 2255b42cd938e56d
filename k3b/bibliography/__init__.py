"""BibTeX publications: parsing with pybtex, a German citation style, safe output.

Convention: entries in ``publications/k3b.bib`` are K3B's own publications; every other
``publications/*.bib`` file holds cited literature. Both get a page and can be cited.
"""
