"""Time spent in our build steps, by phase, for the benchmark.

The hooks wrap each step in ``phase("name")``. When the environment variable
``K3B_TIMINGS`` names a file, the totals of one build are written there as JSON
(seconds per phase) at the end of the build; otherwise nothing is written.
"""

from __future__ import annotations

import json
import os
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

PHASES = ("content", "detection", "bibtex", "citations", "hubs", "related", "feeds", "listings")

_totals: defaultdict[str, float] = defaultdict(float)


def reset() -> None:
    _totals.clear()


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
            json.dump(totals(), out, indent=2, sort_keys=True)
