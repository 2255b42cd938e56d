"""One resolved entry to one ``Publication``: decoded, checked, formatted once.

Only the fields the site shows or hands to clients (``SHOWN``) are decoded from LaTeX;
the rest (TUGboat's ``acknowledgement``, ``bibsource`` …) stays as written and only goes
into the BibTeX download. That saves most of the decoding time on real files.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, urlsplit

from pybtex.bibtex.utils import split_name_list

from ..safehtml import Html, escape_html
from .datamodel import FIELD_ALIASES, subtype, subtype_label
from .german import Date, day_month_year, parse_date, pubstate
from .latex import convert
from .names import parse_names
from .resolve import Resolved, check_required
from .style import Work
from .symbols import LANGUAGE_TAGS

SHOWN = frozenset({
    "title", "subtitle", "titleaddon", "journaltitle", "journalsubtitle", "journaltitleaddon",
    "issuetitle", "issuesubtitle", "booktitle", "booksubtitle", "booktitleaddon", "maintitle",
    "mainsubtitle", "maintitleaddon", "series", "number", "volume", "volumes", "issue", "pages",
    "pagetotal", "eid", "chapter", "edition", "publisher", "location", "institution",
    "organization", "howpublished", "note", "addendum", "type", "version", "eventtitle", "venue",
    "pubstate", "editortype", "urldate", "isbn", "issn", "eprint", "eprinttype", "eprintclass",
    "abstract", "keywords",
    "project",  # the project it belongs to (k3b/content/project.py)
})
PEOPLE = ("author", "editor", "translator")
# biblatex's literal lists: "Berlin and New York" is printed „Berlin und New York“.
LISTS = frozenset({"location", "publisher", "institution", "organization"})
# Localisation keys biblatex's patents use as places (german.lbx).
LOCALISED = {"countryde": "Deutschland", "countryeu": "Europäische Union", "countryep": "Europäische Union",
             "countryfr": "Frankreich", "countryuk": "Vereinigtes Königreich", "countryus": "USA"}
LOCALISED_HTML = {key: (Html(value), value) for key, value in LOCALISED.items()}
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
URL_IN_TEXT = re.compile(r"\\url\{([^{}]+)\}|(https?://[^\s{}]+)")
EPRINTS = {
    "arxiv": ("arXiv", "https://arxiv.org/abs/{}"), "hdl": ("Handle", "https://hdl.handle.net/{}"),
    "handle": ("Handle", "https://hdl.handle.net/{}"), "pubmed": ("PubMed",
                                                                  "https://pubmed.ncbi.nlm.nih.gov/{}/"),
    "jstor": ("JSTOR", "https://www.jstor.org/stable/{}"),
    "googlebooks": ("Google Books", "https://books.google.com/books?id={}"),
    "urn": ("URN", "https://nbn-resolving.org/{}"),
}
GERMAN = {"de"}


@dataclass
class Messages:
    """Where an entry's problems go: errors stop the build, notes are info lines."""

    error: Callable[[int, str], None]
    note: Callable[[int, str], None]
    unknown: Callable[[str, int], None]  # an unknown LaTeX command and the entry's line


@dataclass(frozen=True, slots=True)
class Built:
    """An entry ready to be cited: everything but its citation, which needs the labels."""

    work: Work
    fields: tuple[tuple[str, str], ...]
    date: Date
    language: str
    links: dict[str, str]
    extra_links: tuple[tuple[str, str], ...]
    keywords: tuple[str, ...]
    abstract: tuple[str, str]
    subtype: str


def is_private(name: str, private: tuple[str, ...]) -> bool:
    return _private_pattern(private).match(name.lower()) is not None


@lru_cache(maxsize=8)
def _private_pattern(private: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{fnmatch.translate(p.lower())})" for p in private) or "(?!)")


def safe_link(value: str) -> str | None:
    """The URL if it is http(s) or site-relative, else None."""
    value = value.strip()
    if value.startswith("/") and not value.startswith("//"):
        return value
    parts = urlsplit(value)
    if parts.scheme in {"http", "https"} and parts.netloc:
        return value
    return None


def doi_url(value: str) -> str | None:
    doi = re.sub(r"^(https?://(dx\.)?doi\.(org|acm\.org)/|doi:\s*)", "", value.strip(), flags=re.IGNORECASE)
    if not DOI.match(doi):
        return None
    return "https://doi.org/" + quote(doi, safe="/:;()._-")


def language_of(fields: dict[str, str]) -> str:
    for name in ("langid", "language"):
        value = fields.get(name, "").strip().strip("{}").lower()
        first = re.split(r"\s+and\s+|[,;]", value)[0].strip() if value else ""
        if first in LANGUAGE_TAGS:
            return LANGUAGE_TAGS[first]
        if re.fullmatch(r"[a-z]{2,3}(-[a-z0-9]+)*", first):
            return first.split("-")[0]
    return ""


def build(resolved: Resolved, key: str, private: tuple[str, ...], messages: Messages) -> Built | None:
    """Decode and check one entry; None if it cannot be published (errors were reported)."""
    entry = resolved.located.entry
    line = entry.line
    fields = resolved.fields
    for name, value in entry.duplicates:
        first = next(v for n, v in entry.fields if n.lower() == name.lower())
        if not is_private(name, private) and value != first:
            messages.note(line, f"Eintrag „{key}“: das Feld „{name.lower()}“ steht zweimal; wie bei "
                                "BibTeX gilt der erste Wert – bitte den anderen löschen")
    essential, other = check_required(resolved)
    label = f"Eintrag „{key}“ (@{entry.type})"
    if essential:
        messages.error(line, f"{label}: es fehlt {' und '.join(essential)}")
    if other:
        messages.note(line, f"{label}: es fehlt {' und '.join(other)} (verlangt biblatex; gezeigt wird, "
                            "was da ist)")
    if essential:
        return None
    language = language_of(fields)
    german = language in GERMAN

    def unknown(command: str) -> None:
        messages.unknown(command, line)

    html: dict[str, Html] = {}
    text: dict[str, str] = {}
    for name in SHOWN.intersection(fields):
        if is_private(name, private):
            continue
        if name in LISTS and " and " in fields[name] or fields[name].strip() in LOCALISED:
            items = [LOCALISED_HTML.get(item.strip()) or convert(item, unknown, german)
                     for item in split_name_list(fields[name])]
            html[name] = Html.trusted(_german_list([i[0] for i in items]))
            text[name] = _german_list([i[1] for i in items])
        else:
            html[name], text[name] = convert(fields[name], unknown, german)
    people = {}
    for role in PEOPLE:
        if fields.get(role) and not is_private(role, private):
            people[role] = parse_names(fields[role], lambda message: messages.note(line, message), unknown,
                                       useprefix=_useprefix(fields.get("options", "")))
    date = parse_date(fields.get("date", ""), fields.get("year", ""), fields.get("month", ""))
    kind = ""
    standard = ""
    if resolved.entry_type in ("thesis", "report", "patent", "misc", "software", "dataset") \
            and text.get("type"):
        standard = subtype(text["type"])
        kind = subtype_label(text["type"])
    links, extra = _links(key, fields, text, line, messages)
    text["url"] = links.get("url", "")
    html["url"] = escape_html(text["url"])
    if "urldate" in text:
        text["urldate"] = day_month_year(text["urldate"])
        html["urldate"] = escape_html(text["urldate"])
    html["editortype"] = escape_html(text.get("editortype", ""))
    year = date.shown or ""
    if not year and text.get("pubstate"):
        year = pubstate(text["pubstate"])
    (authors, more_authors) = people.get("author", ((), False))
    (editors, more_editors) = people.get("editor", ((), False))
    (translators, more_translators) = people.get("translator", ((), False))
    work = Work(resolved.entry_type, authors, editors, translators, more_authors, more_editors,
                more_translators, year, html, language or "de", kind, resolved.bibtex_inbook)
    keywords = tuple(k.strip() for k in re.split(r"[,;]", text.get("keywords", "")) if k.strip())
    return Built(work, tuple(sorted(text.items())), date, language, links, extra, keywords,
                 (html.get("abstract", ""), text.get("abstract", "")), standard)


def _german_list(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " und " + items[-1]


def _useprefix(options: str) -> bool:
    match = re.search(r"useprefix\s*(?:=\s*(\w+))?", options)
    return bool(match) and (match.group(1) or "true").lower() == "true"


def _links(key, fields, text, line, messages) -> tuple[dict[str, str], tuple[tuple[str, str], ...]]:
    links: dict[str, str] = {}
    for name in ("url", "pdf"):
        value = fields.get(name, "").strip()
        if not value:
            continue
        value = re.sub(r"^\\url\{(.*)\}$", r"\1", value)
        safe = safe_link(value)
        if safe is None:
            messages.note(line, f"Eintrag „{key}“: Link in „{name}“ verworfen – erlaubt sind nur "
                                "http(s)-Adressen")
        else:
            links[name] = safe
    if "url" not in links:
        for name in ("howpublished", "note"):
            match = URL_IN_TEXT.search(fields.get(name, ""))
            if match and safe_link(match.group(1) or match.group(2)):
                links["url"] = safe_link(match.group(1) or match.group(2)) or ""
                break
    if fields.get("doi"):
        doi = doi_url(fields["doi"])
        if doi is None:
            messages.note(line, f"Eintrag „{key}“: DOI „{text.get('doi') or fields['doi']}“ ist ungültig")
        else:
            links["doi"] = doi
    extra = []
    eprint_type = fields.get("eprinttype", "").strip().lower()
    if fields.get("eprint") and eprint_type in EPRINTS:
        label, pattern = EPRINTS[eprint_type]
        extra.append((label, pattern.format(quote(text.get("eprint", "").strip(), safe="/:.-_"))))
    return links, tuple(extra)


def export(resolved: Resolved, key: str, private: tuple[str, ...], dropped: set[str]) -> str:
    """The entry as BibTeX, as offered for download: self-contained and without private fields.

    Values are written as staff wrote them, in braces; inherited fields (crossref, xdata)
    are added, so the download needs no other entry. pybtex's own writer would encode the
    values a second time (``~`` → ``\\textasciitilde``) and costs 2 ms per entry.
    """
    entry = resolved.located.entry
    lines = [f"@{entry.original_type}{{{key},"]
    written = set()
    for name, value in entry.fields:
        lower = name.lower()
        if lower in ("crossref", "xdata") or is_private(lower, private) or lower in dropped:
            continue
        written.add(lower)
        lines.append(f"  {name} = {{{value}}},")
    present = written | {FIELD_ALIASES.get(n, n) for n in written}
    for name, value in resolved.fields.items():
        if name not in present and name not in ("crossref", "xdata") and not is_private(name, private) \
                and name not in dropped:
            lines.append(f"  {name} = {{{value}}},")
    lines[-1] = lines[-1].rstrip(",")
    return "\n".join(lines) + "\n}\n"
