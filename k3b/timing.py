"""Time spent in our build steps, by phase, for the benchmark.

The hooks wrap each step in ``phase("name")``. When the environment variable
``K3B_TIMINGS`` names a file, the totals of one build are written there as JSON
(seconds per phase) at the end of the build; otherwise nothing is written. Other figures
of a build (``record``, such as the search indexer's memory in MB) go into the same file
under their own names, which end in their unit (``-mb``).
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

PHASES = ("content", "detection", "bibtex", "citations", "hubs", "related", "feeds", "listings",
          "search-terms", "search-index")

_totals: defaultdict[str, float] = defaultdict(float)
_figures: dict[str, float] = {}


def reset() -> None:
    _totals.clear()
    _figures.clear()


def record(name: str, value: float) -> None:
    """A figure of this build that is not a time (``search-index-rss-mb``)."""
    _figures[name] = round(value, 3)


@contextmanager
def phase(name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        _totals[name] += time.perf_counter() - start


def totals() -> dict[str, float]:
    return {name: round(_totals.get(name, 0.0), 6) for name in sorted(set(PHASES) | set(_totals))}


def write_if_requested() -> None:
    target = os.environ.get("K3B_TIMINGS")
    if target:
        with open(target, "w", encoding="utf-8") as out:
            json.dump(totals() | _figures, out, indent=2, sort_keys=True)
