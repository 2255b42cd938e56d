"""Benchmarks: a reproducible German corpus and builds of our site against plain Material.

Run from the repository root: ``python -m bench.generate``, ``python -m bench.run``,
``python -m bench.browser`` (or ``make bench`` / ``make bench-scaling``).
"""
