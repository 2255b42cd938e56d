"""Reporting collected problems through a logger, one line each (no MkDocs import)."""

from __future__ import annotations

import logging

from .problems import ProblemList

PER_FILE = 50  # lines per file; the rest of that file's problems as one line with their count


def report(problems: ProblemList, log: logging.Logger, level: int = logging.ERROR) -> str:
    """Log every problem on its own line; return the one-line summary for the abort."""
    for line in problems.lines(per_file=PER_FILE):
        log.log(level, line)
    count = len(problems)
    return f"{count} Problem{'e' if count != 1 else ''} gefunden – Build abgebrochen."
