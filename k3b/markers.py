"""Placeholders in Markdown that the build fills with listings: their syntax and checks.

Staff place them in a page, one per line:

- ``<!-- k3b:liste typ=artikel -->``: all items of a content type (``typ=`` is the type's
  folder: ``artikel``, ``fallbeispiele``, ``veranstaltungen`` …) in the type's order, in pages
  of 50, or ``typ=publikationen``; ``anzahl=5`` for the first five of the type's short list
  only (for events: the next five coming ones);
- ``<!-- k3b:themen -->``: the topics with their number of items of each type, each
  linking to its hub.

Broken placeholders are reported while collecting (``check_markers``); ``k3b.placeholders``
fills the valid ones when a page is rendered.
"""

from __future__ import annotations

import re

from .content import CONTENT_TYPES
from .problems import ProblemList

MARKER = re.compile(r"^<!--\s*k3b:(?P<name>[\w-]+)(?P<args>[^>]*?)\s*-->[ \t]*$", re.MULTILINE)
ARG = re.compile(r"(\w+)=(\S+)")
PUBLICATIONS = "publikationen"


def arguments(match: re.Match[str]) -> dict[str, str]:
    return dict(ARG.findall(match.group("args")))


def problem(match: re.Match[str]) -> str | None:
    """What is wrong with a marker, in German, or None."""
    name = match.group("name")
    args = arguments(match)
    if name == "themen":
        return None
    if name != "liste":
        return f"unbekannter Platzhalter „k3b:{name}“ – erlaubt: liste, themen"
    kinds = [t.name for t in CONTENT_TYPES] + [PUBLICATIONS]
    if args.get("typ") not in kinds:
        options = ", ".join(f"typ={k}" for k in kinds[:-1]) + f" oder typ={kinds[-1]}"
        return f"Platzhalter „k3b:liste“ braucht {options}"
    if not args.get("anzahl", "0").isdigit():
        return f"„anzahl={args['anzahl']}“ ist keine Zahl"
    return None


def check_markers(markdown: str, path: str, problems: ProblemList, body_line: int = 1) -> None:
    """Report broken markers; runs with validation, before anything is rendered."""
    for match in MARKER.finditer(markdown):
        message = problem(match)
        if message:
            problems.add(path, body_line + markdown.count("\n", 0, match.start()), message)
