"""Limits on what a source file may hold, so that no file can stop or flood a build.

A file written by staff, or exported by Zotero, can hold characters that no page, feed or
calendar may contain (NUL, other control characters, U+FFFE), or structures that make a
parser run out of memory or time (a list nested 2,000 deep, 50,000 opening brackets, a
line of megabytes). Each limit is far above what a real text needs; reaching it is a
German error with file and line, before any parser sees the text.

The limits were set from the real content and the 817 public .bib files of
``tests/fixtures/bib-real``: the longest real Markdown line there is under 3,000 characters,
the deepest list 4 levels, the deepest bracket nesting 3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .masking import masked
from .problems import ProblemList, german_number

# C0 controls except tab, newline and carriage return; DEL; C1 controls; surrogates; and
# the noncharacters U+FFFE/U+FFFF and U+FDD0–U+FDEF. XML (feeds) refuses most of them,
# HTML shows them as nothing, and C1 controls are nearly always text decoded as Latin-1
# that was Windows-1252 (\x96 is an en dash there).
FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
SHOWN_PER_FILE = 5  # lines with forbidden characters reported per file; the rest as a count


@dataclass(frozen=True)
class Limits:
    """The limits of one kind of source file."""

    max_bytes: int
    max_line: int  # characters in one line
    max_depth: int = 0  # nesting of lists, quotes and brackets (Markdown only)


MARKDOWN = Limits(max_bytes=2 * 1024 * 1024, max_line=20_000, max_depth=32)
BIBTEX = Limits(max_bytes=20 * 1024 * 1024, max_line=100_000)
MAX_ENTRIES = 20_000  # entries in one .bib file (TUGboat's has 2,806)
MAX_STRING_EXPANSION = 100_000  # characters one @string or field may grow to through „#“


def _describe(char: str) -> str:
    code = ord(char)
    if code == 0:
        return "ein NUL-Zeichen (U+0000)"
    if 0x80 <= code <= 0x9F:
        return f"ein Steuerzeichen (U+{code:04X}; oft ein falsch kodiertes Zeichen aus Word oder Windows)"
    if 0xD800 <= code <= 0xDFFF:
        return f"ein halbes Unicode-Zeichen (U+{code:04X})"
    if code < 0x20 or code == 0x7F:
        return f"ein unsichtbares Steuerzeichen (U+{code:04X})"
    return f"ein Zeichen, das es in Texten nicht gibt (U+{code:04X})"


def check_characters(text: str, path: str, problems: ProblemList, first_line: int = 1) -> bool:
    """Report every line with a forbidden character; True if there was none."""
    if not FORBIDDEN.search(text):
        return True
    found = [(number, match.group(0)) for number, line in enumerate(text.split("\n"), first_line)
             if (match := FORBIDDEN.search(line))]
    for number, char in found[:SHOWN_PER_FILE]:
        problems.add(path, number, f"die Zeile enthält {_describe(char)} – bitte löschen oder den Text "
                                   "neu einfügen (z. B. ohne Formatierung)")
    if len(found) > SHOWN_PER_FILE:
        problems.add(path, found[SHOWN_PER_FILE][0], f"und {len(found) - SHOWN_PER_FILE} weitere Zeilen mit "
                                                      "solchen Zeichen")
    return False


def check_size(text: str, path: str, problems: ProblemList, limits: Limits, first_line: int = 1) -> bool:
    """File size and line length; True if the text is within both."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > limits.max_bytes:
        problems.add(path, 1, f"die Datei ist {_mb(size)} groß, höchstens {_mb(limits.max_bytes)} sind "
                              "erlaubt – bitte aufteilen")
        return False
    for number, line in enumerate(text.split("\n"), first_line):
        if len(line) > limits.max_line:
            length, limit = german_number(len(line)), german_number(limits.max_line)
            problems.add(path, number, f"die Zeile ist {length} Zeichen lang, höchstens {limit} sind "
                                       "erlaubt – bitte Absätze umbrechen")
            return False
    return True


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB".replace(".", ",")


LIST_OR_QUOTE = re.compile(r"^((?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$))+)")


def check_nesting(markdown: str, path: str, problems: ProblemList, first_line: int = 1,
                  limit: int = MARKDOWN.max_depth) -> bool:
    """Lists, quotes and ``[`` nested deeper than ``limit``: Python-Markdown recurses on
    them (RecursionError at 250 levels, hours at 2,000) and no text needs it."""
    depth = 0
    for number, line in enumerate(markdown.split("\n"), first_line):
        expanded = line.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip(" "))
        marks = LIST_OR_QUOTE.match(expanded)
        levels = indent // 2 + len(re.findall(r">|[-*+]|\d[.)]", marks.group(1))) if marks else 0
        if levels > limit:
            problems.add(path, number, f"Listen oder Zitate sind hier {levels} Ebenen tief verschachtelt, "
                                       f"höchstens {limit} sind erlaubt – bitte flacher gliedern")
            return False
        for char in line:
            if char == "[":
                depth += 1
                if depth > limit:
                    problems.add(path, number, f"mehr als {limit} eckige Klammern „[“ sind ineinander "
                                               "verschachtelt – bitte schließende Klammern „]“ ergänzen "
                                               "oder die Klammern mit \\[ schreiben")
                    return False
            elif char == "]" and depth:
                depth -= 1
        if not line.strip():
            depth = 0  # a link never spans a blank line
    return True


def check_markdown(text: str, path: str, problems: ProblemList, first_line: int = 1) -> bool:
    """All limits of a Markdown file's body; True if it may go to Markdown."""
    return check_size(text, path, problems, MARKDOWN, first_line) \
        and check_nesting(masked(text), path, problems, first_line)
