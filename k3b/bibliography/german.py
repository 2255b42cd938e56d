"""German wording of bibliographic details: editions, dates, publication states, roles.

``edition("3")`` → „3. Aufl.“, ``edition("Second")`` → „2. Aufl.“, and a German edition
statement („3., erw. und aktualisierte Aufl.“) stays as written. Dates follow biblatex's
``date`` field (ISO 8601 with ranges ``2019/2020``, open ends ``2019/``, ``~`` and ``?``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")
MONTH_NUMBERS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}
MONTH_NUMBERS.update({name[:3]: number for name, number in list(MONTH_NUMBERS.items())})
MONTH_NUMBERS.update({m.lower(): i for i, m in enumerate(MONTHS, start=1)})
MONTH_NUMBERS.update({"mär": 3, "mrz": 3, "okt": 10, "dez": 12, "sept": 9})

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "erste": 1, "zweite": 2,
    "dritte": 3, "vierte": 4, "fünfte": 5, "sechste": 6, "siebte": 7, "achte": 8, "neunte": 9,
    "zehnte": 10, "premier": 1, "première": 1, "deuxième": 2, "seconde": 2, "troisième": 3,
}
# "2nd", "2nd ed.", "Second edition", "zweite Auflage", "2. Aufl.", "2": one number, nothing else.
PLAIN_EDITION = re.compile(
    r"^\s*(?P<number>\d+|[a-zäöüéè]+)\s*(?:\.|st|nd|rd|th|e|er|re|ème)?\s*"
    r"(?:(?:edition|ed\.?|ed|auflage|aufl\.?|ausgabe|ausg\.?|édition|éd\.?)\s*)?$",
    re.IGNORECASE)
GERMAN_EDITION = re.compile(r"\b(aufl|ausg|neuausgabe|auflage)", re.IGNORECASE)

PUBSTATES = {
    "inpreparation": "in Vorbereitung", "submitted": "eingereicht", "forthcoming": "im Erscheinen",
    "inpress": "im Druck", "prepublished": "Vorabveröffentlichung", "published": "",
}
EDITOR_ROLES = {
    "editor": "Hrsg.", "compiler": "Zusammenst.", "founder": "Begr.", "continuator": "Fortgef.",
    "redactor": "Red.", "reviser": "Überarb.", "collaborator": "Mitarb.", "organizer": "Veranst.",
    "director": "Regie",
}


def edition(value: str) -> str:
    """The edition as a German citation prints it."""
    value = value.strip().rstrip(",")
    if not value:
        return ""
    match = PLAIN_EDITION.match(value)
    if match:
        number = match.group("number").lower()
        if number.isdigit():
            return f"{int(number)}. Aufl."
        if number in ORDINAL_WORDS:
            return f"{ORDINAL_WORDS[number]}. Aufl."
    if GERMAN_EDITION.search(value):
        return value if value.endswith(".") or not value[-1].isalpha() else value
    return value


@dataclass(frozen=True, slots=True)
class Date:
    """A publication date: what is shown, what sorts, and the ISO form for metadata."""

    shown: str  # "2020", "2019–2020", "2020/21"
    year: str  # the (first) four-digit year, "" if none
    month: int | None = None
    day: int | None = None
    iso: str = ""  # "2020-07-15", "2020-07", "2020"

    def highwire(self) -> str:
        """Google Scholar's ``citation_publication_date`` form: ``2020/07/15``."""
        return self.iso.replace("-", "/")


ISO = re.compile(r"^(?P<y>-?\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?:T[\d:.+Z-]*)?[~?%]?$")
YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


def parse_date(date: str, year: str, month: str) -> Date:
    """biblatex's ``date`` (or ``year`` and ``month``) as a ``Date``."""
    date = date.strip()
    if date:
        start, _, end = date.partition("/")
        first = ISO.match(start.strip())
        if first:
            y, m, d = first.group("y"), first.group("m"), first.group("d")
            last = ISO.match(end.strip()) if end.strip() not in ("", "..") else None
            shown = y
            if last and last.group("y") != y:
                shown = f"{y}–{last.group('y')}"
            elif end.strip() in ("", "..") and "/" in date:
                shown = f"{y}–"
            iso = "-".join(p for p in (y, m, d) if p)
            return Date(shown, y, int(m) if m and 1 <= int(m) <= 12 else None,
                        int(d) if d else None, iso)
    year = year.strip()
    found = YEAR.search(year) or (YEAR.search(date) if date else None)
    number = _month(month)
    if not found:
        return Date(year or date, "", number)
    iso = found.group(1) + (f"-{number:02d}" if number else "")
    return Date(year or date, found.group(1), number, None, iso)


def _month(value: str) -> int | None:
    value = value.strip().lower().rstrip(".")
    if value.isdigit():
        return int(value) if 1 <= int(value) <= 12 else None
    return MONTH_NUMBERS.get(value) or MONTH_NUMBERS.get(value[:3])


def day_month_year(value: str) -> str:
    """``2021-01-05`` → „5. Januar 2021“ (``urldate``); other text as written."""
    match = ISO.match(value.strip())
    if not match:
        return value.strip()
    y, m, d = match.group("y"), match.group("m"), match.group("d")
    if not m or not 1 <= int(m) <= 12:
        return y
    month = MONTHS[int(m) - 1]
    return f"{int(d)}. {month} {y}" if d else f"{month} {y}"


def pubstate(value: str) -> str:
    return PUBSTATES.get(value.strip().lower(), value.strip())


def editor_role(editortype: str) -> str:
    return EDITOR_ROLES.get(editortype.strip().lower(), "Hrsg.")
