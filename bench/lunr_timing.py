"""Benchmark only (the plain-Material peer's hook): time spent on Material's Lunr index.

Material's search plugin builds its index in ``on_page_context`` (every page) and writes
it in ``on_post_build``. This hook wraps those two events and writes their total as the
``search-index`` phase to ``$K3B_TIMINGS``, like our own build's phases.
"""

from __future__ import annotations

import json
import os
import time

_total = [0.0]


def _timed(method):
    def timed(*args, **kwargs):
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            _total[0] += time.perf_counter() - start
    return timed


def on_config(config):
    _total[0] = 0.0
    events = config.plugins.events  # MkDocs 1.6: event name → registered methods
    for name in ("page_context", "post_build"):
        events[name] = [_timed(m) if type(getattr(m, "__self__", None)).__name__ == "SearchPlugin" else m
                        for m in events[name]]
    return config


def on_post_build(config):
    target = os.environ.get("K3B_TIMINGS")
    if target:
        with open(target, "w", encoding="utf-8") as out:
            json.dump({"search-index": round(_total[0], 6)}, out)
