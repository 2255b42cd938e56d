"""Reading one .bib file: its encoding, then its entries, with every problem on its line.

Bytes are decoded as UTF-8; UTF-16 (with or without byte order mark) and
Windows-1252/Latin-1 are recognised and read with a note, anything else stops with the
German „nicht in UTF-8“ line. Then pybtex's low-level BibTeX scanner reads the text once,
as BibTeX would: ``@string`` defines macros in file order, ``@preamble`` is kept,
``@comment`` is skipped (braced or not), field names are case-insensitive. Its errors are
collected, not raised: each becomes a German line at the place it happened, and scanning
continues with the next entry. An entry without a key is reported on its own line.
Well-formed fields are read by a faster path of our own that gives the same fields, lines
and positions; everything else goes through pybtex's scanner (``_Scanner.parse_entry_fields``).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from pybtex.database.input.bibtex import LowLevelParser, SkipEntry, month_names
from pybtex.exceptions import PybtexError
from pybtex.scanner import PrematureEOF, PybtexSyntaxError, TokenRequired
from pybtex.textutils import normalize_whitespace
from pybtex.utils import CaseInsensitiveDict

from ..limits import MAX_STRING_EXPANSION, german_number
from .datamodel import ENTRY_TYPES, TYPE_ALIASES
from .messages import MISSING_COMMA, MISSING_KEY, german

# The macros of BibTeX's standard styles (plain.bst): months and journal abbreviations.
STANDARD_MACROS = {
    **month_names,
    "acmcs": "ACM Computing Surveys", "acta": "Acta Informatica",
    "cacm": "Communications of the ACM", "ibmjrd": "IBM Journal of Research and Development",
    "ibmsj": "IBM Systems Journal", "ieeese": "IEEE Transactions on Software Engineering",
    "ieeetc": "IEEE Transactions on Computers",
    "ieeetcad": "IEEE Transactions on Computer-Aided Design of Integrated Circuits",
    "ipl": "Information Processing Letters", "jacm": "Journal of the ACM",
    "jcss": "Journal of Computer and System Sciences", "scp": "Science of Computer Programming",
    "sicomp": "SIAM Journal on Computing", "tocs": "ACM Transactions on Computer Systems",
    "tods": "ACM Transactions on Database Systems", "tog": "ACM Transactions on Graphics",
    "toms": "ACM Transactions on Mathematical Software",
    "toois": "ACM Transactions on Office Information Systems",
    "toplas": "ACM Transactions on Programming Languages and Systems",
    "tcs": "Theoretical Computer Science",
}
JABREF_ENCODING = re.compile(rb"\A%\s*Encoding:\s*([A-Za-z0-9_.:-]+)")
COMMAND_NAME = re.compile(r"[ \t\r\n]*([^\s{(]*)")
FIELD_START = re.compile(r"[ \t\r\n]*[A-Za-z][\w:.+-]*[ \t\r\n]*=")
NEXT_HEADER = re.compile(r"\n[ \t]*@[ \t]*[A-Za-z]+[ \t]*[{(]")
# Windows-1252 and Latin-1 text: letters and the punctuation German text uses.
LATIN = re.compile(r"[\u00a0-\u00ff\u20ac\u201a-\u201e\u2018\u2019\u2013\u2014\u2022\u2026\u0152\u0153"
                   r"\u0160\u0161\u017d\u017e\u0178\u02c6\u02dc\u2020\u2021\u2030\u2039\u203a\u2122]")


@dataclass(frozen=True, slots=True)
class RawEntry:
    """An entry as written: type and field names lower-cased, values with their LaTeX."""

    type: str
    original_type: str
    key: str
    line: int
    fields: tuple[tuple[str, str], ...]  # (name as written, value), first of each name
    duplicates: tuple[tuple[str, str], ...] = ()  # later fields of a name seen before


@dataclass
class ReadFile:
    entries: list[RawEntry] = field(default_factory=list)
    preamble: list[str] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    notes: list[tuple[int, str]] = field(default_factory=list)
    broken: list[tuple[str, int]] = field(default_factory=list)  # keys that could not be read


UNCLOSED = ("BibTeX-Syntaxfehler: der Eintrag, der hier beginnt, wird nicht geschlossen – eine "
            "schließende „}“ fehlt")


class MissingKey(PybtexSyntaxError):
    """``@book{author = …``: the entry starts with a field, not with its key."""

    def __init__(self, parser: LowLevelParser) -> None:
        super().__init__("entry key expected", parser)


def decode(data: bytes) -> tuple[str | None, str]:
    """(text, note) of a file's bytes; text is None if no encoding fits (note says why)."""
    for bom, encoding in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                return None, "Datei ist nicht lesbar: sie beginnt wie UTF-16/UTF-8, ist es aber nicht"
            note = "" if encoding == "utf-8-sig" else "Datei ist in UTF-16 gespeichert; so gelesen " \
                "(besser als UTF-8 speichern)"
            return text, note
    if len(data) >= 4 and data.count(0) * 3 > len(data):  # UTF-16 without byte order mark
        order = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        try:
            return data.decode(order), "Datei ist in UTF-16 (ohne Byte-Order-Mark) gespeichert; so " \
                "gelesen (besser als UTF-8 speichern)"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    declared = JABREF_ENCODING.match(data)
    if declared:  # JabRef's first line: "% Encoding: windows-1252"
        try:
            codecs.lookup(declared.group(1).decode("ascii"))
            return data.decode(declared.group(1).decode("ascii")), (
                f"Datei ist nicht in UTF-8 gespeichert, sondern in {_encoding_name(declared.group(1))} "
                "(so steht es in ihrer ersten Zeile); so gelesen – bitte als UTF-8 speichern")
        except (LookupError, UnicodeDecodeError):
            pass
    for encoding in ("cp1252", "latin-1"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _plausibly_latin(text):
            return text, ("Datei ist nicht in UTF-8 gespeichert, sondern in Windows-1252 (Latin-1); "
                          "so gelesen – bitte als UTF-8 speichern")
    return None, "Datei ist nicht in UTF-8 gespeichert (und in keiner anderen erkennbaren Kodierung) – " \
        "bitte als UTF-8 speichern"


def _encoding_name(declared: bytes) -> str:
    name = declared.decode("ascii")
    return "Windows-1252 (Latin-1)" if name.lower() in ("windows-1252", "cp1252") else name


def _plausibly_latin(text: str) -> bool:
    """German or Western European text: single accented letters between ASCII letters.

    Text in another encoding (GBK, Shift-JIS …) read as Windows-1252 gives runs of
    accented letters and C1 control characters instead.
    """
    non_ascii = [i for i, c in enumerate(text) if ord(c) > 127]
    if not non_ascii:
        return True
    if any(not LATIN.match(text[i]) for i in non_ascii):
        return False
    adjacent = sum(1 for a, b in zip(non_ascii, non_ascii[1:], strict=False) if b == a + 1)
    return adjacent * 5 <= len(non_ascii)


class ValueTooLong(PybtexError):
    """A value that ``@string`` macros joined with „#“ made longer than MAX_STRING_EXPANSION."""


def _too_long(parts: list[str], scanner: _Scanner) -> bool:
    if sum(map(len, parts)) <= MAX_STRING_EXPANSION:
        return False
    scanner.record(ValueTooLong("value too long"))
    return True


class _Scanner(LowLevelParser):
    """pybtex's scanner, collecting its errors and skipping ``@comment`` as BibTeX does."""

    def __init__(self, text: str, macros: CaseInsensitiveDict) -> None:
        super().__init__(text, macros=macros, handle_error=self.record)
        self.errors: list[tuple[int, str, PybtexError]] = []  # (command start, its name, error)
        self.command_name = ""

    def record(self, error: PybtexError) -> None:
        self.errors.append((self.command_start or 0, self.command_name, error))

    def parse_command(self):
        match = COMMAND_NAME.match(self.text, self.pos)
        self.command_name = match.group(1) if match else ""
        if self.command_name.lower() == "comment":
            self.update_lineno(self.text[self.pos:match.end()])
            self.pos = match.end()
            self._skip_comment()
            raise SkipEntry
        return super().parse_command()

    def _skip_comment(self) -> None:
        """A braced (or parenthesised) comment is skipped whole, an unbraced one is just text."""
        start = self.pos
        while start < self.end_pos and self.text[start] in " \t\r\n":
            start += 1
        if start >= self.end_pos or self.text[start] not in "{(":
            return
        opening = self.text[start]
        closing = "}" if opening == "{" else ")"
        depth, at = 0, start
        while at < self.end_pos:
            char = self.text[at]
            if char == opening:
                depth += 1
            elif char == closing:
                depth -= 1
                if depth == 0:
                    break
            at += 1
        self.update_lineno(self.text[self.pos:at + 1])
        self.pos = min(at + 1, self.end_pos)

    def parse_value(self):
        # Each @string is capped, so a value is at most as long as its parts: doubling a macro
        # 40 times in 41 lines would otherwise need 2**40 characters (MemoryError).
        super().parse_value()
        if _too_long(self.current_value, self):
            self.current_value = [""]

    def parse_entry_body(self, body_end):
        if FIELD_START.match(self.text, self.pos):
            raise MissingKey(self)
        super().parse_entry_body(body_end)

    # pybtex reads fields token by token and values brace by brace, a few Python calls
    # for each; that was most of the time of reading a file. A well-formed field (name, "=",
    # values joined by "#", a comma or not) is read here with a few regex matches and gives
    # the same fields, position and line number. At the first thing that is not (an
    # undefined macro, an unclosed or unbalanced value, a syntax error), reading goes back
    # to the start of that field and pybtex reads the rest of the entry, reporting what it
    # finds. tests/test_bib_reader.py compares both ways on every .bib fixture.
    fast_fields = True

    def parse_entry_fields(self):
        if not self.fast_fields:
            return super().parse_entry_fields()
        text = self.text
        while True:  # as pybtex: a field or none (the comma after the key), then a comma or the end
            start = self.pos
            field = _FIELD_START.match(text, start)
            if field is not None:
                parts, pos = _value(self, text, field.end())
                if parts is None:
                    break
                if _too_long(parts, self):
                    parts = [""]
            else:
                pos = _skip_space(text, start)
                if self.NAME.match(text, pos):
                    break  # a name without "=": pybtex reports it
            pos = _skip_space(text, pos)
            comma = text.startswith(",", pos)
            self.update_lineno(text[start:pos + comma])
            self.pos = pos + comma
            if field is not None:
                self.current_fields.append((field.group(1), parts))
            if not comma:
                return None
        self.pos = start
        return super().parse_entry_fields()


def _value(scanner: _Scanner, text: str, pos: int) -> tuple[list[str] | None, int]:
    """The parts of the value at ``pos`` (joined by "#") and the position after them."""
    parts = []
    while True:
        part, pos = _value_part(scanner, text, pos)
        if part is None:
            return None, pos
        parts.append(part)
        after = _skip_space(text, pos)
        if not text.startswith("#", after):
            return parts, pos
        pos = _skip_space(text, after + 1)


def _skip_space(text: str, pos: int) -> int:
    return _SPACE.match(text, pos).end()


def _value_part(scanner: _Scanner, text: str, pos: int) -> tuple[str | None, int]:
    """(value, position after it) of the value part at ``pos``; (None, pos) for pybtex."""
    char = text[pos:pos + 1]
    if char in ("{", '"'):
        closing = _delimited(text, pos)
        return (None, pos) if closing is None else (text[pos + 1:closing], closing + 1)
    number = scanner.NUMBER.match(text, pos)
    if number:
        return number.group(), number.end()
    name = scanner.NAME.match(text, pos)
    if name and name.group() in scanner.macros:
        return scanner.macros[name.group()], name.end()
    return None, pos


# Whitespace, a field name (pybtex's NAME), whitespace, "=", whitespace.
_FIELD_START = re.compile(r"\s*(" + LowLevelParser.NAME.match.__self__.pattern + r")\s*=\s*")
_SPACE = re.compile(r"\s*")
_BRACES = re.compile(r"[{}]")
_QUOTE_OR_BRACES = re.compile(r'["{}]')
_MAX_DEPTH = 100  # pybtex: "too many nested braces"


def _delimited(text: str, opening: int) -> int | None:
    """Where the value that opens at ``text[opening]`` (``{`` or ``"``) closes, as pybtex's
    ``parse_string`` would find it; None where pybtex would raise an error."""
    quoted = text[opening] == '"'
    depth = 0
    for match in (_QUOTE_OR_BRACES if quoted else _BRACES).finditer(text, opening + 1):
        char = match.group()
        if char == '"':
            if depth == 0:
                return match.start()
        elif char == "{":
            depth += 1
            if depth > _MAX_DEPTH:
                return None
        elif depth == 0:
            return None if quoted else match.start()  # "}" in a quoted value: unbalanced
        else:
            depth -= 1
    return None


def read(text: str) -> ReadFile:
    """Every entry of one file, with the errors and notes of reading it."""
    result = ReadFile()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    macros = CaseInsensitiveDict(STANDARD_MACROS)
    offset = 0
    while offset < len(text):
        offset = _read_from(text, offset, macros, result)
    return result


def _read_from(text: str, offset: int, macros: CaseInsensitiveDict, result: ReadFile) -> int:
    """Scan ``text[offset:]``; returns where to go on after an unclosed entry, or the end.

    An entry that is not closed swallows the entries after it (BibTeX reads on to the next
    balancing brace). Where that happened, the entry is reported at its first line and
    reading starts again at the next line that begins with ``@type{``.
    """
    scanner = _Scanner(text[offset:] if offset else text, macros)
    base = text.count("\n", 0, offset)
    lines = _LineCounter(scanner.text, base)
    reported = 0
    for command, body in scanner:
        start = scanner.command_start
        swallowed = NEXT_HEADER.search(scanner.text, start + 1)
        if swallowed is not None and swallowed.start() < scanner.pos \
                and command.lower() not in ("preamble", "string"):
            scanner.errors = [e for e in scanner.errors if e[0] != start]
            _report(scanner, reported, base, result)
            key = body[0] if body else None
            line = lines.line(start)
            result.errors.append((line, UNCLOSED))
            if key:
                result.broken.append((key, line))
            return offset + swallowed.start() + 1
        reported = _report(scanner, reported, base, result)
        failed = any(at == start for at, _name, _error in scanner.errors)
        kind = command.lower()
        if kind == "preamble":
            result.preamble.append(normalize_whitespace("".join(body[0])))
        elif kind != "string":
            key, fields = body
            line = lines.line(start)
            if failed or key is None:
                if key:
                    result.broken.append((key, line))
                continue
            result.entries.append(_entry(command, key, line, fields))
    _report(scanner, reported, base, result)
    return len(text)


def _entry(command: str, key: str, line: int, fields) -> RawEntry:
    seen: dict[str, None] = {}
    first, later = [], []
    for name, parts in fields:
        value = normalize_whitespace("".join(parts))
        if name.lower() in seen:
            later.append((name, value))
        else:
            seen[name.lower()] = None
            first.append((name, value))
    return RawEntry(command.lower(), command, key, line, tuple(first), tuple(later))


class _LineCounter:
    """Line numbers of offsets that only grow: counts newlines since the last call."""

    def __init__(self, text: str, base: int) -> None:
        self.text, self.at, self.number = text, 0, base + 1

    def line(self, position: int) -> int:
        if position < self.at:
            return self.number - self.text.count("\n", position, self.at)
        self.number += self.text.count("\n", self.at, position)
        self.at = position
        return self.number


def _report(scanner: _Scanner, done: int, base: int, result: ReadFile) -> int:
    """Turn the scanner's new errors into German lines; returns how many are done."""
    for start, name, error in scanner.errors[done:]:
        line = base + scanner.text.count("\n", 0, start) + 1
        message = PybtexError.__str__(error)
        kind = re.match(r"[A-Za-z]*", name).group().lower()
        if isinstance(error, MissingKey) or (isinstance(error, TokenRequired) and message == "entry key "
            "expected"):
            result.errors.append((line, MISSING_KEY.format(type=name or "typ")))
        elif isinstance(error, TokenRequired) and message == "'(' or '{' expected" \
                and kind not in ENTRY_TYPES and kind not in TYPE_ALIASES and kind not in ("string",
                                                                                          "preamble"):
            # "@" in the text between entries (an e-mail address, a remark): not an entry.
            result.notes.append((line, f"„@{name}“ ohne „{{“ ist kein Eintrag und wird übersprungen"))
        elif isinstance(error, TokenRequired) and message == "'(' or '{' expected":
            result.errors.append((line, f"BibTeX-Syntaxfehler: nach „@{kind}“ fehlt „{{“"))
        elif isinstance(error, TokenRequired) and message in ("'}' expected", "')' expected") \
                and FIELD_START.match(scanner.text, error.error_context_info[2]):
            result.errors.append((base + _line_before(scanner.text, error.error_context_info[2]),
                                  f"BibTeX-Syntaxfehler: {MISSING_COMMA}"))
        elif isinstance(error, ValueTooLong):
            limit = german_number(MAX_STRING_EXPANSION)
            result.errors.append((line, f"ein Wert wird durch „#“ und @string-Kürzel länger als {limit} "
                                        "Zeichen – bitte die Kürzel prüfen"))
        elif isinstance(error, PrematureEOF):
            result.errors.append((line, UNCLOSED))
        else:
            error_line = base + (getattr(error, "lineno", None) or scanner.text.count("\n", 0, start) + 1)
            result.errors.append((error_line, f"BibTeX-Syntaxfehler: {german(error)}"))
    return len(scanner.errors)


def _line_before(text: str, position: int) -> int:
    """The line of the last non-blank text before ``position`` (where a comma is missing)."""
    return text[:position].rstrip(" \t\n").count("\n") + 1
