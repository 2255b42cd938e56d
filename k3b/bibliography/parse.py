"""Read ``publications/*.bib`` and turn every entry into a ``Publication``.

The steps, each in its own module: ``reader`` (encoding and BibTeX syntax, one file),
``resolve`` (biblatex's types, aliases and inheritance, across all files), ``build`` (one
entry decoded and checked), ``labels`` (2015a, 2015b) and ``style`` (the German citation).

Problems that make an entry unusable (syntax errors, duplicate keys, slug collisions,
missing essential fields) are collected as errors, with file and line. Problems that only
lose a detail (an unknown keyword, a link with a forbidden scheme, an unknown LaTeX
command) are notes: the entry is published without that detail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from html import unescape
from pathlib import Path

from ..detection import detect_topics
from ..limits import BIBTEX, FORBIDDEN, MAX_ENTRIES, check_characters, check_size, german_number
from ..problems import ProblemList
from ..slugs import slugify
from ..topics import Vocabulary
from .build import Built, Messages, build, doi_url, export, is_private, safe_link
from .labels import year_letters
from .latex import to_text
from .model import DEFAULT_PRIVATE_FIELDS, Publication
from .reader import decode as decode_bytes
from .reader import read
from .resolve import Located, resolve
from .style import format_citation

__all__ = ["BibSource", "Bibliography", "decode", "doi_url", "is_private", "load_bibliography",
           "safe_link"]
TAGS = re.compile(r"<[^>]+>")

FOLD_KEYWORDS = 3  # more unmapped keywords in one file than this: one line with their count


def decode(value: str) -> str:
    """LaTeX to Unicode text: ``{\\"u}`` → ü, ``{\\ss}`` → ß, braces dropped."""
    return to_text(value)


@dataclass(frozen=True)
class BibSource:
    """One .bib file: where it is, how staff see its path, and whether it is K3B's own."""

    path: Path
    display: str
    own: bool


@dataclass
class Bibliography:
    """All entries of one build, by key, in file order."""

    entries: dict[str, Publication] = field(default_factory=dict)
    # Keys that a .bib file defines but that could not be used; their problem is reported
    # in the .bib file, so citing them is not a second problem.
    broken: set[str] = field(default_factory=set)

    def get(self, key: str) -> Publication | None:
        return self.entries.get(key)


class _Loader:
    """Reads all sources of one build; keeps the problem lists and the seen keys."""

    def __init__(self, vocabulary: Vocabulary, private: tuple[str, ...]) -> None:
        self.vocabulary = vocabulary
        self.private = private
        self.errors = ProblemList()
        self.notes = ProblemList()
        self.seen: dict[str, tuple[str, int]] = {}
        self.slugs: dict[str, str] = {}
        self.located: list[Located] = []
        self.unknown: dict[tuple[str, str], int] = {}  # (file, command) → first line
        self.every_note = False  # make check ALLE=1: each unmapped keyword on its own line
        self.unmapped: dict[str, list[tuple[int, str, str]]] = {}  # file → (line, key, keyword)

    def read(self, source: BibSource) -> None:
        try:
            data = source.path.read_bytes()
        except OSError:
            self.errors.add(source.display, 1, "Datei ist nicht lesbar")
            return
        text, note = decode_bytes(data)
        if text is None:
            self.errors.add(source.display, 1, note)
            return
        if note:
            self.notes.add(source.display, 1, note)
        if not check_size(text, source.display, self.errors, BIBTEX):
            return
        if not check_characters(text, source.display, self.errors):
            text = FORBIDDEN.sub("", text)  # reported; read on for the file's other problems
        result = read(text)
        for line, message in result.errors:
            self.errors.add(source.display, line, message)
        for line, message in result.notes:
            self.notes.add(source.display, line, message)
        if len(result.entries) > MAX_ENTRIES:  # reported; none of them is formatted
            count = german_number(len(result.entries))
            self.errors.add(source.display, 1, f"die Datei hat {count} Einträge, "
                            f"höchstens {german_number(MAX_ENTRIES)} sind erlaubt – bitte aufteilen")
            return
        for key, line in result.broken:
            self.seen.setdefault(key, (source.display, line))
        for entry in result.entries:
            if self.duplicate(source, entry.key, entry.line):
                continue
            self.seen[entry.key] = (source.display, entry.line)
            self.located.append(Located(entry, source.display, source.own))

    def duplicate(self, source: BibSource, key: str, line: int) -> bool:
        """Report ``key`` if an earlier entry (in any file) has it already."""
        if key not in self.seen:
            return False
        first_file, first_line = self.seen[key]
        where = "weiter oben" if first_file == source.display else f"in {first_file}"
        self.errors.add(source.display, line,
                        f"Schlüssel „{key}“ gibt es schon ({where}, Zeile {first_line})")
        return True

    def publications(self) -> dict[str, Publication]:
        resolved, errors, notes = resolve(self.located)
        for problems, found in ((self.errors, errors), (self.notes, notes)):
            for path, line, message in found:
                problems.add(path, line, message)
        built: list[tuple[Publication, Built]] = []
        for item in resolved:
            pub = self.publication(item)
            if pub is not None:
                built.append(pub)
        letters = year_letters(pub for pub, _ in built)
        entries = {}
        for pub, parts in built:
            label_year = letters[pub.key]
            citation = format_citation(replace(parts.work, year=label_year))
            entries[pub.key] = replace(pub, label_year=label_year, citation_html=citation,
                                       citation_text=unescape(TAGS.sub("", citation)))
        self.report_unmapped()
        for (path, command), line in self.unknown.items():
            self.notes.add(path, line, f"unbekannter LaTeX-Befehl „\\{command}“ – gezeigt wird nur sein Text")
        return entries

    def publication(self, item) -> tuple[Publication, Built] | None:
        entry, source = item.located.entry, item.located.source
        key, line = entry.key, entry.line
        slug = slugify(key)
        if slug in self.slugs:
            self.errors.add(source, line, f"Schlüssel „{key}“ ergibt dieselbe Adresse /publikationen/{slug}/ "
                            f"wie „{self.slugs[slug]}“ – bitte umbenennen")
            return None
        self.slugs[slug] = key
        messages = Messages(
            error=lambda at, message: self.errors.add(source, at, message),
            note=lambda at, message: self.notes.add(source, at, message),
            unknown=lambda command, at: self.unknown.setdefault((source, command), at),
        )
        parts = build(item, key, self.private, messages)
        if parts is None:
            return None
        text = dict(parts.fields)
        work = parts.work
        topics = self.topics_for(parts.keywords, source, key, line)
        dropped = {n for n in ("url", "pdf") if item.fields.get(n) and n not in parts.links}
        if item.fields.get("doi") and "doi" not in parts.links:
            dropped.add("doi")
        pub = Publication(
            key=key, slug=slug, entry_type=item.entry_type, source=source, line=line, own=item.located.own,
            authors=work.authors, editors=work.editors, title=text.get("title", ""),
            year=parts.date.year or parts.date.shown, month=parts.date.month, fields=parts.fields,
            doi=parts.links.get("doi", ""), url=parts.links.get("url", ""), pdf=parts.links.get("pdf", ""),
            abstract=parts.abstract[1], keywords=parts.keywords, topics=topics, language=parts.language,
            citation_html="", citation_text="", bibtex=export(item, key, self.private, dropped),
            translators=work.translators, more_authors=work.more_authors, more_editors=work.more_editors,
            more_translators=work.more_translators, date=parts.date.iso, cited_year=work.year,
            subtype=parts.subtype, kind=work.kind, abstract_html=parts.abstract[0], links=parts.extra_links,
        )
        return pub, parts

    def report_unmapped(self) -> None:
        """Keywords outside the vocabulary: a few on their own lines, many as one line per file.

        A Zotero export carries dozens of keywords no topic needs („Akzeptanz“, „Macht“); one
        line each buried the one problem staff had to fix."""
        for source, found in self.unmapped.items():
            if self.every_note or len(found) <= FOLD_KEYWORDS:
                for line, key, keyword in found:
                    self.notes.add(source, line, f"Eintrag „{key}“: Schlagwort „{keyword}“ gehört zu keinem "
                                                 "Thema")
                continue
            words = list(dict.fromkeys(keyword for _line, _key, keyword in found))
            examples = ", ".join(f"„{w}“" for w in words[:3])
            self.notes.add(source, found[0][0], f"{len(found)} Schlagwörter ({len(words)} verschiedene) "
                           f"gehören zu keinem Thema, z. B. {examples} – alle mit „make check ALLE=1“; ein "
                           "Schlagwort, das ein Thema finden soll, in data/themen.yml eintragen")

    def topics_for(self, keywords, source, key, line) -> tuple[str, ...]:
        """Keywords through the vocabulary: a label, a slug or one of a topic's keywords."""
        found: list[str] = []
        for keyword in keywords:
            slugs = _keyword_topics(self.vocabulary, keyword)
            if not slugs:
                self.unmapped.setdefault(source, []).append((line, key, keyword))
            found.extend(s for s in slugs if s not in found)
        return tuple(found)


@lru_cache(maxsize=8192)
def _keyword_topics(vocabulary: Vocabulary, keyword: str) -> tuple[str, ...]:
    """The topics of one keyword; keywords repeat across entries (TUGboat: 20 distinct)."""
    topic = vocabulary.resolve(keyword)
    if topic:
        return (topic.slug,)
    return tuple(d.topic.slug for d in detect_topics(keyword, _single_hit(vocabulary)))


@lru_cache(maxsize=16)
def _single_hit(vocabulary: Vocabulary) -> Vocabulary:
    """The vocabulary with threshold 1: one keyword of a topic is enough for a BibTeX keyword."""
    # Keyed on the (frozen, hashable) vocabulary itself, not on id(), which can be reused.
    return Vocabulary(vocabulary.topics, threshold=1)


def load_bibliography(
    sources: list[BibSource],
    vocabulary: Vocabulary,
    private: tuple[str, ...] = DEFAULT_PRIVATE_FIELDS,
    every_note: bool = False,
) -> tuple[Bibliography, ProblemList, ProblemList]:
    """Parse and format every entry once. Returns (bibliography, errors, notes); notes that
    repeat per entry are folded unless ``every_note``."""
    loader = _Loader(vocabulary, tuple(p.lower() for p in private))
    loader.every_note = every_note
    for source in sources:
        loader.read(source)
    bibliography = Bibliography(loader.publications())
    bibliography.broken = set(loader.seen) - set(bibliography.entries)
    return bibliography, loader.errors, loader.notes
