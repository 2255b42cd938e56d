"""Read ``publications/*.bib`` with pybtex and turn every entry into a ``Publication``.

Problems that make an entry unusable (syntax errors, duplicate keys, slug collisions,
missing required fields) are collected as errors, with file and line. Problems that only
lose a detail (an unknown keyword, a link with a forbidden scheme) are notes: the entry is
published without that detail.
"""

from __future__ import annotations

import fnmatch
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape
from pathlib import Path
from urllib.parse import quote, urlsplit

from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.database import BibliographyData, Entry, Person
from pybtex.database.input.bibtex import Parser as BibTeXParser
from pybtex.exceptions import PybtexError
from pybtex.richtext import Text

from ..detection import detect_topics
from ..problems import ProblemList
from ..slugs import slugify
from ..topics import Vocabulary
from .model import DEFAULT_PRIVATE_FIELDS, REQUIRED_FIELDS, Name, Publication
from .style import format_citation

HEADER = re.compile(r"^[ \t]*@[ \t]*(\w+)[ \t]*[{(][ \t]*([^,\s{}()]+)[ \t]*,", re.MULTILINE)
STRING_DEF = re.compile(r"^[ \t]*@[ \t]*string[ \t]*[{(][^\n]*$", re.MULTILINE | re.IGNORECASE)
NOT_ENTRIES = {"string", "preamble", "comment"}
MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), start=1)}
MONTHS.update({name[:3]: number for name, number in list(MONTHS.items())})
LANGUAGES = {"english": "en", "american": "en", "british": "en", "en": "en", "ngerman": "de",
             "german": "de", "deutsch": "de", "de": "de", "french": "fr", "francais": "fr"}
DOI = re.compile(r"^10\.\d{4,9}/\S+$")
TAGS = re.compile(r"<[^>]+>")
# Text with none of these is plain already; anything else goes through pybtex's LaTeX decoder.
LATEX = re.compile(r"[\\{}~$]|--")
_PLAIN_TEXT = PlainTextBackend()
COMMAND = re.compile(r"\\[A-Za-z]+\s*")
ACCENT_MARKS = {'"': "\u0308", "'": "\u0301", "`": "\u0300", "^": "\u0302", "~": "\u0303", "=": "\u0304",
                ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "k": "\u0328",
                "r": "\u030a"}
SYMBOLS = {"ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
           "l": "ł", "L": "Ł", "i": "ı", "&": "&", "%": "%", "_": "_", "#": "#", "$": "$"}
ACCENT = re.compile(r"""\\(["'`^~=.])\s*(?:\{(\w)\}|(\w))|\\([cvuHkr])(?:\s*\{(\w)\}|\s+(\w))""")
SYMBOL = re.compile(r"\\(ss|ae|AE|oe|OE|aa|AA|[oOlLi])(?![A-Za-z])(?:\{\})?\s?|\\([&%_#$])")


def _parse(text: str) -> BibliographyData:
    """pybtex's BibTeX parser, without its plugin lookup through entry points."""
    return BibTeXParser().parse_string(text)


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


def _decode_common(value: str) -> str | None:
    """Accents, special letters, dashes, ties and braces without a LaTeX parser; None if more.

    latexcodec reads text character by character (about 1 ms per entry); almost all
    BibTeX text only needs these replacements. The results are the same (checked in tests).
    """
    text = ACCENT.sub(lambda m: (m.group(2) or m.group(3) or m.group(5) or m.group(6))
                      + ACCENT_MARKS[m.group(1) or m.group(4)], value)
    text = SYMBOL.sub(lambda m: SYMBOLS[m.group(1) or m.group(2)], text)
    if "\\" in text or "$" in text:
        return None
    text = text.replace("---", "\u2014").replace("--", "\u2013").replace("~", "\u00a0")
    return " ".join(unicodedata.normalize("NFC", text.replace("{", "").replace("}", "")).split())


def decode(value: str) -> str:
    """LaTeX to Unicode text: ``{\\"u}`` → ü, ``{\\ss}`` → ß, braces dropped."""
    if not LATEX.search(value):
        return " ".join(value.split())
    common = _decode_common(value)
    if common is not None:
        return common
    try:
        # A backend instance, not render_as("text"): that looks the plugin up through
        # importlib.metadata entry points on every call (about 4 ms each).
        text = Text.from_latex(value).render(_PLAIN_TEXT)
    except (PybtexError, ValueError, IndexError):
        text = value.replace("{", "").replace("}", "")
    # Commands pybtex does not know (\textit, \emph …) would show as text; keep their argument.
    return " ".join(COMMAND.sub("", text).split())


def _name(person: Person) -> Name:
    last = decode(" ".join(person.prelast_names + person.last_names + person.lineage_names))
    first = decode(" ".join(person.first_names + person.middle_names))
    return Name(last, first)


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
    doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:\s*)", "", value.strip(), flags=re.IGNORECASE)
    if not DOI.match(doi):
        return None
    return "https://doi.org/" + quote(doi, safe="/:;()._-")


class _Reader:
    """Reads all sources of one build; keeps the problem lists and the seen keys."""

    def __init__(self, vocabulary: Vocabulary, private: tuple[str, ...]) -> None:
        self.vocabulary = vocabulary
        self.private = private
        self.errors = ProblemList()
        self.notes = ProblemList()
        self.bibliography = Bibliography()
        self.seen: dict[str, tuple[str, int]] = {}
        self.slugs: dict[str, str] = {}

    def read(self, source: BibSource) -> None:
        try:
            text = source.path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            self.errors.add(source.display, 1, "Datei ist nicht lesbar oder nicht in UTF-8 gespeichert")
            return
        headers = []
        line, counted = 1, 0
        for m in HEADER.finditer(text):
            # Count newlines since the previous header only: counting from the file start for
            # every entry is quadratic (5,000 entries: seconds).
            line += text.count("\n", counted, m.start())
            counted = m.start()
            if m.group(1).lower() not in NOT_ENTRIES:
                headers.append((m.group(1).lower(), m.group(2), line, m.start()))
        lines = {}
        for _, key, line, _ in headers:
            lines.setdefault(key, line)
        keys = [key for _, key, _, _ in headers]
        if len(set(keys)) == len(keys):
            try:
                data = _parse(text)
            except PybtexError:
                data = None
            if data is not None:
                for key, entry in data.entries.items():
                    self.add(source, key, entry, lines.get(key, 1))
                return
        self._read_entry_by_entry(source, text, headers)

    def _read_entry_by_entry(self, source: BibSource, text: str, headers) -> None:
        """Slow path after an error: each entry alone, so every problem gets its line."""
        strings = "\n".join(STRING_DEF.findall(text))
        offset = strings.count("\n") + 1 if strings else 0
        for index, (_, key, line, start) in enumerate(headers):
            end = headers[index + 1][3] if index + 1 < len(headers) else len(text)
            chunk = text[start:end]
            if self.duplicate(source, key, line):
                continue
            try:
                data = _parse((strings + "\n" if strings else "") + chunk)
            except PybtexError as error:
                last_line = line + chunk.rstrip().count("\n")
                error_line = min(line + max(getattr(error, "lineno", 1) - 1 - offset, 0), last_line)
                message = _german(error)
                # pybtex notices a missing comma on the next field's line; staff must fix the one before.
                previous = text.splitlines()[error_line - 2].rstrip() if error_line > line else ""
                if "erwartet" in message and previous and previous[-1] not in ",{(":
                    error_line -= 1
                    message = "am Zeilenende fehlt ein Komma (oder eine schließende Klammer)"
                self.errors.add(source.display, error_line, f"BibTeX-Syntaxfehler: {message}")
                self.seen[key] = (source.display, line)
                continue
            for parsed_key, entry in data.entries.items():
                self.add(source, parsed_key, entry, line)

    def duplicate(self, source: BibSource, key: str, line: int) -> bool:
        """Report ``key`` if an earlier entry (in any file) has it already."""
        if key not in self.seen:
            return False
        first_file, first_line = self.seen[key]
        where = "weiter oben" if first_file == source.display else f"in {first_file}"
        self.errors.add(source.display, line,
                        f"Schlüssel „{key}“ gibt es schon ({where}, Zeile {first_line})")
        return True

    def add(self, source: BibSource, key: str, entry: Entry, line: int) -> None:
        if self.duplicate(source, key, line):
            return
        self.seen[key] = (source.display, line)
        slug = slugify(key)
        if slug in self.slugs:
            self.errors.add(source.display, line, f"Schlüssel „{key}“ ergibt dieselbe Adresse "
                            f"/publikationen/{slug}/ wie „{self.slugs[slug]}“ – bitte umbenennen")
            return
        self.slugs[slug] = key
        publication = self.build(source, key, slug, entry, line)
        if publication is not None:
            self.bibliography.entries[key] = publication

    def build(self, source: BibSource, key: str, slug: str, entry: Entry, line: int) -> Publication | None:
        entry_type = entry.type.lower()
        raw = {name.lower(): value for name, value in entry.fields.items()}
        missing = [need for need in REQUIRED_FIELDS.get(entry_type, ("title",))
                   if not any(raw.get(n) or entry.persons.get(n) for n in need.split("|"))]
        if missing:
            names = ", ".join("„" + m.replace("|", "“ oder „") + "“" for m in missing)
            self.errors.add(source.display, line, f"Eintrag „{key}“ ({entry_type}): es fehlt {names}")
            return None
        fields = {n: decode(v) for n, v in raw.items() if not is_private(n, self.private)}
        authors = tuple(_name(p) for p in entry.persons.get("author", []))
        editors = tuple(_name(p) for p in entry.persons.get("editor", []))
        year_match = re.search(r"\d{4}", fields.get("year") or fields.get("date") or "")
        year = year_match.group(0) if year_match else ""
        language = LANGUAGES.get((fields.get("langid") or fields.get("language") or "").lower(), "")
        links = {}
        for name in ("url", "pdf"):
            if fields.get(name):
                links[name] = safe_link(raw[name].strip())
                if links[name] is None:
                    self.notes.add(source.display, line, f"Eintrag „{key}“: Link in „{name}“ "
                                   "verworfen – erlaubt sind nur http(s)-Adressen")
        doi = doi_url(raw["doi"]) if raw.get("doi") else ""
        if doi is None:
            self.notes.add(source.display, line, f"Eintrag „{key}“: DOI „{fields['doi']}“ ist ungültig")
        keywords = tuple(k.strip() for k in re.split(r"[,;]", fields.get("keywords", "")) if k.strip())
        topics = self.topics_for(keywords, fields.get("title", ""), source, key, line)
        citation = format_citation(entry_type, authors, editors, fields.get("title", ""), year,
                                   fields, language)
        return Publication(
            key=key, slug=slug, entry_type=entry_type, source=source.display, line=line, own=source.own,
            authors=authors, editors=editors, title=fields.get("title", ""), year=year,
            month=_month(fields.get("month", "") or fields.get("date", "")),
            fields=tuple(sorted(fields.items())), doi=doi or "", url=links.get("url") or "",
            pdf=links.get("pdf") or "", abstract=fields.get("abstract", ""), keywords=keywords,
            topics=topics, language=language, citation_html=citation,
            citation_text=unescape(TAGS.sub("", citation)),
            bibtex=self.export(key, entry, dropped={n for n, v in links.items() if v is None}
                               | ({"doi"} if doi is None else set())),
        )

    def topics_for(self, keywords, title, source, key, line) -> tuple[str, ...]:
        """Keywords through the vocabulary: a label, a slug or one of a topic's keywords."""
        found: list[str] = []
        for keyword in keywords:
            topic = self.vocabulary.resolve(keyword)
            slugs = [topic.slug] if topic else [
                d.topic.slug for d in detect_topics(keyword, _single_hit(self.vocabulary))]
            if not slugs:
                self.notes.add(source.display, line,
                               f"Eintrag „{key}“: Schlagwort „{keyword}“ gehört zu keinem Thema")
            found.extend(s for s in slugs if s not in found)
        return tuple(found)

    def export(self, key: str, entry: Entry, dropped: set[str]) -> str:
        """The entry as BibTeX without private or rejected fields, as offered for download.

        Values are written as staff wrote them (pybtex keeps the raw LaTeX), in braces.
        pybtex's own writer would encode them as LaTeX a second time (``~`` becomes
        ``\\textasciitilde``, ``\\&`` becomes ``\\\\&``) and costs 2 ms per entry.
        """
        lines = [f"@{entry.original_type}{{{key},"]
        for role, persons in entry.persons.items():
            if not is_private(role, self.private):
                lines.append(f"  {role} = {{{' and '.join(str(p) for p in persons)}}},")
        for name, value in entry.fields.items():
            if not is_private(name, self.private) and name.lower() not in dropped:
                lines.append(f"  {name} = {{{value}}},")
        lines[-1] = lines[-1].rstrip(",")
        return "\n".join(lines) + "\n}\n"


@lru_cache(maxsize=16)
def _single_hit(vocabulary: Vocabulary) -> Vocabulary:
    """The vocabulary with threshold 1: one keyword of a topic is enough for a BibTeX keyword."""
    # Keyed on the (frozen, hashable) vocabulary itself, not on id(), which can be reused.
    return Vocabulary(vocabulary.topics, threshold=1)


def _month(value: str) -> int | None:
    value = value.strip().lower()
    if re.match(r"^\d{4}-\d{2}", value):
        return int(value[5:7])
    if value.isdigit() and 1 <= int(value) <= 12:
        return int(value)
    return MONTHS.get(value[:3]) if value[:3] in MONTHS else None


def _german(error: PybtexError) -> str:
    message = str(error)
    message = re.sub(r"^syntax error in line \d+: ", "", message)
    translations = {"premature end of file": "Datei endet mitten im Eintrag (schließende Klammer fehlt?)",
                    "'}' expected": "„}“ erwartet (fehlt ein Komma oder eine Klammer?)",
                    "',' expected": "„,“ erwartet"}
    if message.startswith("undefined string"):
        return "unbekanntes Kürzel „" + message.split(": ", 1)[-1] + "“ (Text in { } setzen)"
    return translations.get(message, message)


def load_bibliography(
    sources: list[BibSource],
    vocabulary: Vocabulary,
    private: tuple[str, ...] = DEFAULT_PRIVATE_FIELDS,
) -> tuple[Bibliography, ProblemList, ProblemList]:
    """Parse and format every entry once. Returns (bibliography, errors, notes)."""
    reader = _Reader(vocabulary, tuple(p.lower() for p in private))
    for source in sources:
        reader.read(source)
    reader.bibliography.broken = set(reader.seen) - set(reader.bibliography.entries)
    return reader.bibliography, reader.errors, reader.notes
