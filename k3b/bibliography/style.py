"""German citation style.

``Müller, Anna und Schmidt, Peter (2020): Titel. In: Zeitschrift 12 (3), S. 45–67.``

Titles keep their capitals (German nouns must not be sentence-cased, as pybtex's plain
style does). Every value is escaped here; the output is safe HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from html import escape

from .model import NO_YEAR, Name

Field = Callable[[str], str]


def join_names(names: Sequence[Name]) -> str:
    """``A``, ``A und B``, ``A; B und C``, names inverted (``Nachname, Vorname``)."""
    inverted = [n.inverted() for n in names]
    if len(inverted) <= 1:
        return "".join(inverted)
    return "; ".join(inverted[:-1]) + " und " + inverted[-1]


def pages(value: str) -> str:
    """``45--67`` → ``S. 45–67``."""
    return "S. " + value.replace("--", "–").replace("-", "–") if value else ""


def _sentence(text: str) -> str:
    """End with exactly one full stop, unless the text ends in ? or !."""
    text = text.strip()
    return text if not text or text[-1] in ".?!" else text + "."


def _title(title: str, language: str, emphasis: bool, full_stop: bool = True) -> str:
    attrs = f' lang="{escape(language)}"' if language and language != "de" else ""
    inner = escape(_sentence(title) if full_stop else title.strip().rstrip("."))
    if emphasis:
        return f"<em{attrs}>{inner}</em>"
    return f"<span{attrs}>{inner}</span>" if attrs else inner


def format_citation(
    entry_type: str,
    authors: Sequence[Name],
    editors: Sequence[Name],
    title: str,
    year: str,
    fields: Mapping[str, str],
    language: str = "de",
) -> str:
    """The citation as HTML (escaped); ``strip_tags`` of it is the plain-text form."""
    get = fields.get
    parts: list[str] = []
    if authors:
        head = escape(join_names(authors))
    elif editors:
        head = escape(join_names(editors)) + " (Hrsg.)"
    else:
        head = ""
    year_text = escape(year or NO_YEAR)
    standalone = entry_type in {"book", "techreport", "report", "phdthesis", "mastersthesis", "misc",
                                "online"}
    if head:
        parts.append(f"{head} ({year_text}):")
        parts.append(_title(title, language, emphasis=standalone))
    else:
        # Without author or editor the title leads, as in "Titel (2020)."
        parts.append(_title(title, language, standalone, full_stop=False) + f" ({year_text}).")

    place = ": ".join(escape(v) for v in (get("address", ""), get("publisher", "")) if v)
    if entry_type == "article":
        journal = f"<em>{escape(get('journal', ''))}</em>"
        volume = escape(get("volume", ""))
        number = f" ({escape(get('number', ''))})" if get("number") else ""
        where = f"In: {journal} {volume}{number}".rstrip()
        tail = ", ".join(x for x in (where, pages(get("pages", ""))) if x)
        parts.append(_sentence(tail))
    elif entry_type in {"incollection", "inbook", "inproceedings"}:
        where = "In: "
        if authors and editors:
            where += escape(join_names(editors)) + " (Hrsg.): "
        booktitle = get("booktitle", "") or (get("title", "") if entry_type == "inbook" else "")
        where += f"<em>{escape(_sentence(booktitle))}</em>" if booktitle else ""
        parts.append(where)
        tail = ", ".join(x for x in (place, escape(pages(get("pages", "")))) if x)
        if tail:
            parts.append(_sentence(tail))
    else:
        if get("edition"):
            parts.append(_sentence(f"{escape(get('edition', ''))}. Aufl"))
        if entry_type in {"techreport", "report"}:
            series = " ".join(escape(v) for v in (get("type", ""), get("number", "")) if v)
            if series:
                parts.append(_sentence(series))
            institution = ": ".join(escape(v) for v in (get("address", ""), get("institution", "")) if v)
            if institution:
                parts.append(_sentence(institution))
        elif entry_type in {"phdthesis", "mastersthesis"}:
            kind = "Dissertation" if entry_type == "phdthesis" else "Abschlussarbeit"
            parts.append(_sentence(", ".join(x for x in (kind, escape(get("school", ""))) if x)))
        elif entry_type == "misc" and get("howpublished"):
            parts.append(_sentence(escape(get("howpublished", ""))))
        if place and entry_type not in {"techreport", "report"}:
            parts.append(_sentence(place))
    return " ".join(p for p in parts if p)
