"""The navigation of ``mkdocs.yml`` (``nav:``) checked against the pages of the build.

MkDocs only warns, in English and without a line, about a ``nav`` entry whose page does
not exist, and with ``mkdocs build -q --strict`` that warning does not even fail the
build. Here every entry that names a page or file below ``docs/`` (``ueber-uns.md``, also
``publikationen/index.md`` of a generated page) must lead to one, or it is a German problem
on its line of ``mkdocs.yml``. Addresses (``https://…``, ``/…``) are left alone, as MkDocs
leaves them. An entry for a draft is fine: the published build drops it from the menu.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .linkcheck import EXTERNAL, SiteMap, closest_path
from .problems import ProblemList


@dataclass(frozen=True)
class Navigation:
    """``nav:`` as read from ``mkdocs.yml`` (lists of titles → paths or sections)."""

    entries: Any
    display: str = "mkdocs.yml"  # the file as staff see it
    text: str = ""  # its text, for the line of an entry


def entries(nav: Any, title: str = "") -> Iterator[tuple[str, str]]:
    """Every (title, path) of a navigation, sections included."""
    if isinstance(nav, str):
        yield title, nav
    elif isinstance(nav, list):
        for entry in nav:
            yield from entries(entry, title)
    elif isinstance(nav, dict):
        for name, value in nav.items():
            yield from entries(value, str(name))


def check_nav(navigation: Navigation, pages: SiteMap, problems: ProblemList) -> None:
    for title, path in entries(navigation.entries):
        if EXTERNAL.match(path) or path.startswith("/"):
            continue
        wanted = posixpath.normpath(path)
        if wanted in pages.pages or wanted in pages.files:
            continue
        close = closest_path(wanted, pages.pages, "")
        hint = f" – meinten Sie „{close}“?" if close else ""
        shown = f"{title}: {path}" if title else path
        problems.add(navigation.display, _line_of(path, navigation.text),
                     f"Eintrag „{shown}“ in „nav“ führt ins Leere: keine Seite „docs/{wanted}“{hint}")


def _line_of(path: str, text: str) -> int:
    """The first line of ``text`` that names ``path`` as a value (1 if none does)."""
    value = re.compile(rf"(?:^|[\s:\[,'\"-]){re.escape(path)}(?:$|[\s,\]'\"#])")
    for number, line in enumerate(text.splitlines(), 1):
        if value.search(line):
            return number
    return 1
