"""German citation style.

``Müller, Anna und Schmidt, Peter (2020): Titel. Untertitel. In: Zeitschrift 12 (3), S. 45–67.``

Titles keep their capitals (German nouns must not be sentence-cased, as pybtex's plain
style does). Field values arrive as escaped HTML (``latex.convert``), names as text that
is escaped here; the output is safe HTML.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from html import escape

from ..safehtml import Html, require_html
from .german import edition, editor_role
from .model import NO_YEAR, Name

# Types whose title is a work of its own (emphasised), not a part of something else.
PARTS = frozenset({"article", "inbook", "incollection", "inproceedings", "inreference", "suppbook",
                   "suppcollection", "suppperiodical"})
EPRINT_LABELS = {"arxiv": "arXiv", "hdl": "Handle", "handle": "Handle", "pubmed": "PubMed",
                 "jstor": "JSTOR", "googlebooks": "Google Books", "urn": "URN", "doi": "DOI"}
IN_BOOK = frozenset({"inbook", "incollection", "inproceedings", "inreference", "suppbook",
                     "suppcollection", "bookinbook"})


def join_names(names: Sequence[Name], more: bool = False) -> str:
    """``A``, ``A und B``, ``A; B und C``, ``A u. a.``, names inverted (``Nachname, Vorname``)."""
    inverted = [n.inverted() for n in names]
    if more:
        return "; ".join(inverted) + " u. a." if inverted else ""
    if len(inverted) <= 1:
        return "".join(inverted)
    return "; ".join(inverted[:-1]) + " und " + inverted[-1]


def natural_names(names: Sequence[Name], more: bool = False) -> str:
    """``Anna Müller und Peter Schmidt``, ``Anna Müller u. a.``: names in reading order."""
    natural = [n.natural() for n in names]
    if more:
        return ", ".join(natural) + " u. a." if natural else ""
    if len(natural) <= 1:
        return "".join(natural)
    return ", ".join(natural[:-1]) + " und " + natural[-1]


def pages(value: str) -> str:
    """``45--67`` (already ``45–67`` after decoding) → ``S. 45–67``."""
    return "S. " + value.replace("-", "–") if value else ""


def _sentence(text: str) -> str:
    """End with exactly one full stop, unless the text ends in ? or ! (or a closing tag)."""
    text = text.strip()
    if not text:
        return ""
    bare = text
    while bare.endswith(">") and "<" in bare:  # look past closing tags: <em>Titel?</em>
        bare = bare[:bare.rfind("<")].rstrip()
    return text if bare and bare[-1] in ".?!…" else text + "."


@dataclass(frozen=True)
class Work:
    """Everything a citation is made of, decoded; ``html`` holds escaped field values."""

    entry_type: str
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    translators: tuple[Name, ...] = ()
    more_authors: bool = False
    more_editors: bool = False
    more_translators: bool = False
    year: str = ""  # as cited: "2015a", "2019–2020", "im Druck"
    html: Mapping[str, Html] = field(default_factory=dict)
    language: str = "de"
    kind: str = ""  # the German thesis or report type, as text: "Dissertation", "Forschungsbericht"
    bibtex_inbook: bool = False

    def __post_init__(self) -> None:
        require_html(self.html, f"Work({self.entry_type})")

    def get(self, name: str) -> str:
        return self.html.get(name, "")


def _joined(*values: str, between: str = ". ") -> str:
    """Title, subtitle and addon: „Titel. Untertitel“, without doubling „?“ or „.“."""
    out = ""
    for value in (v.strip() for v in values):
        if not value:
            continue
        out = value if not out else (out + " " if _sentence(out) == out else out + between) + value
    return out


def _title(work: Work, emphasis: bool, full_stop: bool = True) -> str:
    title = _joined(work.get("title"), work.get("subtitle"), work.get("titleaddon"))
    attrs = f' lang="{escape(work.language)}"' if work.language and work.language != "de" else ""
    inner = _sentence(title) if full_stop else title.strip()
    if not full_stop and inner.endswith(".") and not inner.endswith("..."):
        inner = inner[:-1]
    if emphasis:
        return f"<em{attrs}>{inner}</em>" if inner else ""
    return f"<span{attrs}>{inner}</span>" if attrs and inner else inner


def _place(work: Work, publisher: str = "publisher") -> str:
    return ": ".join(v for v in (work.get("location"), work.get(publisher)) if v)


def format_citation(work: Work) -> Html:
    """The citation as HTML (escaped); ``strip_tags`` of it is the plain-text form."""
    kind = work.entry_type
    parts: list[str] = []
    year = escape(work.year or NO_YEAR)
    role = editor_role(work.html.get("editortype", ""))
    if work.authors:
        head = escape(join_names(work.authors, work.more_authors))
    elif work.editors and kind not in IN_BOOK:
        head = escape(join_names(work.editors, work.more_editors)) + f" ({role})"
    else:
        head = ""
    emphasis = kind not in PARTS
    if head:
        parts += [f"{head} ({year}):", _title(work, emphasis)]
    else:
        # Without author or editor the title leads, as in "Titel (2020)."
        parts.append(f"{_title(work, emphasis, full_stop=False)} ({year}).")
    parts += _roles(work, role)
    parts += _body(work)
    if work.get("eprint"):
        label = EPRINT_LABELS.get(work.get("eprinttype").lower(), work.get("eprinttype"))
        parts.append(_sentence(f"{label}: {work.get('eprint')}" if label else work.get("eprint")))
    for extra in (work.get("note"), work.get("addendum")):
        if extra:
            parts.append(_sentence(extra))
    # Made only of Work.html values (Html), escaped names and our own literals.
    return Html.trusted(" ".join(p for p in parts if p))


def _roles(work: Work, role: str) -> list[str]:
    """„Übers. von …“, „Hrsg. von …“, or „Hrsg. und übers. von …“ for the same people."""
    translators = escape(natural_names(work.translators, work.more_translators))
    editors = ""
    if work.authors and work.editors and work.entry_type not in IN_BOOK and work.entry_type != "article":
        editors = escape(natural_names(work.editors, work.more_editors))
    if translators and translators == editors and role == "Hrsg.":
        return [_sentence(f"Hrsg. und übers. von {editors}")]
    return [_sentence(f"Übers. von {translators}") if translators else "",
            _sentence(f"{role} von {editors}") if editors else ""]


def _body(work: Work) -> list[str]:
    kind, get = work.entry_type, work.get
    if kind == "article":
        journal = _joined(get("journaltitle"), get("journalsubtitle"))
        number = get("number") or get("issue")
        volume = " ".join(v for v in (get("volume"), f"({number})" if number and get("volume") else
                                      f"Nr. {number}" if number else "") if v)
        where = f"In: <em>{journal}</em>" if journal else ""
        where = " ".join(p for p in (where, volume) if p)
        if get("issuetitle"):
            where += f": {get('issuetitle')}"
        locator = pages(get("pages")) or (f"Art. {get('eid')}" if get("eid") else "")
        return [_sentence(", ".join(x for x in (where, locator) if x))]
    if kind in IN_BOOK or work.bibtex_inbook:
        return _in_book(work)
    parts = _volume_edition_series(work)
    if kind == "report":
        if work.kind or get("number"):
            parts.append(_sentence(" ".join(v for v in (escape(work.kind) or "Bericht", get("number")) if v)))
        parts.append(_sentence(_place(work, "institution")))
    elif kind == "thesis":
        kind_label = escape(work.kind) or "Hochschulschrift"
        parts.append(_sentence(", ".join(v for v in (kind_label, get("institution"), get("location")) if v)))
    elif kind == "patent":
        parts.append(_sentence(" ".join(v for v in (escape(work.kind) or "Patent", get("number")) if v)))
    else:
        if kind in ("dataset", "software") and get("version"):
            parts.append(_sentence("Version " + get("version")))
        if kind in ("misc", "booklet", "unpublished", "online") and get("howpublished"):
            parts.append(_sentence(get("howpublished")))
        if kind == "periodical":
            issue = get("number") or get("issue")
            parts.append(_sentence(", ".join(v for v in (f"Nr. {issue}" if issue else "",
                                                         get("issuetitle")) if v)))
        parts.append(_sentence(": ".join(v for v in (get("location"), get("publisher") or get("organization"))
                                         if v)))
        if kind == "online" and get("url"):
            seen = f" (abgerufen am {get('urldate')})" if get("urldate") else ""
            parts.append(_sentence(f"URL: {get('url')}{seen}"))
    if get("pagetotal"):
        parts.append(_sentence(f"{get('pagetotal')} S"))
    return parts


def _volume_edition_series(work: Work) -> list[str]:
    get = work.get
    parts = []
    if get("maintitle"):
        parts.append(_sentence(_joined(get("maintitle"), get("mainsubtitle"))))
    if get("volume"):
        parts.append(_sentence(("Jg. " if work.entry_type == "periodical" else "Bd. ") + get("volume")))
    if get("volumes"):
        parts.append(_sentence(get("volumes") + " Bde"))
    if get("edition"):
        parts.append(_sentence(edition(get("edition"))))
    if get("series"):
        series = " ".join(v for v in (get("series"), get("number") if work.entry_type not in (
            "report", "patent", "periodical") else "") if v)
        parts.append(f"({series}).")
    return parts


def _in_book(work: Work) -> list[str]:
    get = work.get
    parts: list[str] = []
    if work.bibtex_inbook:
        chapter = f"Kap. {get('chapter')}" if get("chapter") else ""
        parts += _volume_edition_series(work)
        parts.append(_sentence(", ".join(v for v in (chapter, pages(get("pages"))) if v)))
        parts.append(_sentence(_place(work)))
        return parts
    where = "In: "
    if work.editors:
        role = editor_role(work.html.get("editortype", ""))
        where += escape(join_names(work.editors, work.more_editors)) + f" ({role}): "
    book = _joined(get("booktitle"), get("booksubtitle"), get("booktitleaddon"))
    where += f"<em>{_sentence(book)}</em>" if book else ""
    parts.append(where)
    if get("eventtitle") and work.entry_type == "inproceedings" and get("eventtitle") not in book:
        venue = f" ({get('venue')})" if get("venue") else ""
        parts.append(_sentence(get("eventtitle") + venue))
    parts += _volume_edition_series(work)
    chapter = f"Kap. {get('chapter')}" if get("chapter") else ""
    tail = ", ".join(x for x in (_place(work) or get("organization"), chapter, pages(get("pages"))) if x)
    if tail:
        parts.append(_sentence(tail))
    return parts
