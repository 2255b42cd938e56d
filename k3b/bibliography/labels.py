"""Author-year labels: „Müller 2015“, „Müller und Schmidt 2015“, „Müller u. a. 2015a“.

Works whose label would be the same get the letters a, b, c … after the year, ordered by
month and title (biblatex's extrayear, ``nyt`` sorting). The same letters are printed in
the text citation and in the work's bibliography entry, because both come from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from .model import NO_YEAR, Name

LETTERS = "abcdefghijklmnopqrstuvwxyz"


class Labelled(Protocol):
    key: str
    title: str
    year: str
    cited_year: str
    month: int | None
    authors: tuple[Name, ...]
    editors: tuple[Name, ...]
    more_authors: bool
    more_editors: bool


def who(names: Sequence[Name], more: bool, title: str) -> str:
    """The name part of a label; the title (shortened) for works without names."""
    families = [n.family() for n in names]
    if not families:
        return title if len(title) <= 40 else title[:37].rstrip() + "…"
    if len(families) == 1:
        return f"{families[0]} u. a." if more else families[0]
    if len(families) == 2 and not more:
        return f"{families[0]} und {families[1]}"
    return f"{families[0]} u. a."


def name_part(work: Labelled) -> str:
    if work.authors:
        return who(work.authors, work.more_authors, work.title)
    return who(work.editors, work.more_editors, work.title)


def year_letters(works: Iterable[Labelled]) -> dict[str, str]:
    """key → the year as cited (``2015a``), for every work of one bibliography."""
    groups: dict[tuple[str, str], list[Labelled]] = {}
    for work in works:
        groups.setdefault((name_part(work), work.cited_year or work.year or NO_YEAR), []).append(work)
    result: dict[str, str] = {}
    for (_name, year), members in groups.items():
        if len(members) == 1:
            result[members[0].key] = year
            continue
        ordered = sorted(members, key=lambda w: (w.month or 0, w.title.casefold(), w.key))
        for index, work in enumerate(ordered):
            result[work.key] = year + LETTERS[index] if index < len(LETTERS) else year
    return result
