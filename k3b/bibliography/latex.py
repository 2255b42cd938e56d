"""LaTeX in BibTeX values to readable text and safe HTML.

``convert("H$_2$O und \\emph{mehr}")`` gives ``("H₂O und <em>mehr</em>", "H₂O und mehr")``:
accents and special letters as Unicode, logos as words (``\\TeX`` → TeX), LaTeX quotes as
German typographic quotes, simple math as readable text (sub- and superscripts as Unicode
where it has them), ``\\emph``/``\\textbf`` as ``<em>``/``<strong>``. An unknown command
keeps the text of its argument (or its own name, if it has none: ``\\VAX`` → VAX) and is
passed to ``unknown`` so that the caller can report it once.

The HTML is escaped; the only tags it contains are ``em``, ``strong``, ``code``, ``sub``,
``sup`` and ``span lang`` (never links: a citation is itself a link in listings).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from html import escape

from ..safehtml import Html
from .commands import Commands, tidy
from .symbols import SUBSCRIPTS, SUPERSCRIPTS

# Values with none of these are plain text already (most values of a Zotero export).
SPECIAL = re.compile(r"[\\{}~$`'\"]|--|,,")
PLAIN = re.compile(r"[^\\{}$~`'\",^_\-]+")
GERMAN_SHORTHANDS = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü", "s": "ß", "z": "ß",
                     "S": "SS", "Z": "SZ", "-": "", "=": "-", '"': "", "|": "", "~": "-"}

Unknown = Callable[[str], None]


def convert(value: str, unknown: Unknown | None = None, german: bool = False) -> tuple[Html, str]:
    """(HTML, plain text) of a BibTeX value; ``german`` enables babel's ``"a`` shorthands."""
    if not SPECIAL.search(value):
        text = " ".join(value.split())
        return Html(escape(text, quote=False)), text
    html, text, commands = _converted(value, german)
    if unknown is not None:
        for command in commands:
            unknown(command)
    return Html.trusted(html), text  # every character of the value went through out()


@lru_cache(maxsize=16384)
def _converted(value: str, german: bool) -> tuple[str, str, tuple[str, ...]]:
    """One value converted, with the unknown commands it has; journal names, places and
    publishers repeat across entries, so each is converted once (TUGboat: 40 % of values)."""
    commands: list[str] = []
    converter = _Converter(value, commands.append, german)
    converter.run()
    return (*converter.result(), tuple(commands))


def to_text(value: str, unknown: Unknown | None = None, german: bool = False) -> str:
    return convert(value, unknown, german)[1]


class _Converter(Commands):
    """One value, scanned once from left to right; output goes to two parallel buffers.

    Characters, groups, quotes and math are handled here, commands in ``Commands``.
    """

    def __init__(self, source: str, unknown: Unknown | None, german: bool) -> None:
        self.s = source
        self.pos = 0
        self.unknown = unknown
        self.german = german
        self.html: list[str] = []
        self.text: list[str] = []
        self.single_quotes = 0
        self.double_open = False
        self.quote_depth = 0

    def result(self) -> tuple[str, str]:
        # BBT writes {\mkbibemph{The Concept}}{\mkbibemph{ of }}…: one emphasis, not three.
        html = "".join(self.html).replace("</em><em>", "").replace("</strong><strong>", "")
        return tidy(html), tidy("".join(self.text))

    # Output ------------------------------------------------------------------------------
    def out(self, text: str) -> None:
        self.html.append(escape(text, quote=False))
        self.text.append(text)

    def collect(self, parse: Callable[[], None]) -> tuple[str, str]:
        """Run ``parse`` into fresh buffers and return what it wrote."""
        saved = self.html, self.text
        self.html, self.text = [], []
        try:
            parse()
            return "".join(self.html), "".join(self.text)
        finally:
            self.html, self.text = saved

    def wrap(self, tag: str, inner: tuple[str, str], attrs: str = "") -> None:
        html, text = inner
        if html.strip():
            self.html.append(f"<{tag}{attrs}>{html}</{tag}>")
        self.text.append(text)

    # Scanning ----------------------------------------------------------------------------
    def peek(self, offset: int = 0) -> str:
        at = self.pos + offset
        return self.s[at] if at < len(self.s) else ""

    def run(self, math: bool = False, in_group: bool = False) -> None:
        """Until the end, or the ``}`` that closes the current group (not consumed)."""
        s = self.s
        while self.pos < len(s):
            char = s[self.pos]
            if char == "}":
                if in_group:
                    return
                self.pos += 1  # a stray closing brace: BibTeX would have complained already
            elif char == "{":
                self.pos += 1
                self.run(math, in_group=True)
                self.pos += 1
            elif char == "\\":
                self.command(math)
            elif char == "$":
                self.math_shift(math, in_group)
                if math:
                    return
            elif math and char in "_^":
                self.pos += 1
                self.script(char)
            else:
                self.character(char, math)

    def character(self, char: str, math: bool) -> None:
        s = self.s
        if char == "~":
            self.pos += 1
            self.out("\u00a0")
        elif char == "-":
            if s.startswith("---", self.pos):
                self.pos += 3
                self.out("\u2014")
            elif s.startswith("--", self.pos):
                self.pos += 2
                self.out("\u2013")
            else:
                self.pos += 1
                self.out("\u2212" if math else "-")
        elif char == "`":
            if s.startswith("``", self.pos):
                self.pos += 2
                self.out("„")
            else:
                self.pos += 1
                self.single_quotes += 1
                self.out("‚")
        elif char == "'":
            if s.startswith("''", self.pos):
                self.pos += 2
                self.out("“" if not math else "″")
            else:
                self.pos += 1
                following = self.peek()
                if math:
                    self.out("′")
                elif self.single_quotes and not following.isalnum():
                    self.single_quotes -= 1
                    self.out("‘")
                else:
                    self.out("’")
        elif char == '"':
            self.straight_quote()
        elif char == "," and s.startswith(",,", self.pos):
            self.pos += 2
            self.out("„")
        else:
            match = PLAIN.match(s, self.pos)
            if match:
                self.pos = match.end()
                self.out(match.group())
            else:
                self.pos += 1
                self.out(char)

    def straight_quote(self) -> None:
        following = self.peek(1)
        self.pos += 1
        if following == "`":
            self.pos += 1
            self.out("„")
        elif following == "'":
            self.pos += 1
            self.out("“")
        elif self.german and following in GERMAN_SHORTHANDS:
            self.pos += 1
            self.out(GERMAN_SHORTHANDS[following])
        else:
            before = "".join(self.text)[-1:]
            opening = not self.double_open and (not before or before in " (\u00a0[/–—") \
                and following not in ("", " ")
            self.double_open = opening
            self.out("„" if opening else "“")

    def math_shift(self, math: bool, in_group: bool) -> None:
        if math:  # the closing $ (or $$) of the math this run was called for
            self.pos += 2 if self.s.startswith("$$", self.pos) else 1
            return
        self.pos += 2 if self.s.startswith("$$", self.pos) else 1
        self.run(math=True, in_group=in_group)

    def argument(self, math: bool = False) -> tuple[str, str]:
        """The next argument: a group, a command or one character (spaces before it skipped)."""
        while self.peek() in (" ", "\t", "\r", "\n"):
            self.pos += 1
        char = self.peek()
        if char == "{":
            self.pos += 1
            inner = self.collect(lambda: self.run(math, in_group=True))
            self.pos += 1
            return inner
        if char == "\\":
            return self.collect(lambda: self.command(math))
        if not char or char in "}$":
            return "", ""
        self.pos += 1
        return escape(char, quote=False), char

    def raw_argument(self) -> str:
        """A group's text exactly as written (URLs, verbatim), or one character."""
        while self.peek() in (" ", "\t", "\n"):
            self.pos += 1
        if self.peek() != "{":
            char = self.peek()
            self.pos += len(char)
            return char
        depth, start = 0, self.pos
        while self.pos < len(self.s):
            char = self.s[self.pos]
            if char == "\\":
                self.pos += 2
                continue
            depth += {"{": 1, "}": -1}.get(char, 0)
            self.pos += 1
            if depth == 0:
                break
        return self.s[start + 1:self.pos - 1]

    def skip_arguments(self, count: int) -> None:
        for _ in range(count):
            self.raw_argument()

    def script(self, kind: str) -> None:
        html, text = self.argument(math=True)
        table = SUBSCRIPTS if kind == "_" else SUPERSCRIPTS
        plain = tidy(text)
        if plain and all(c in table for c in plain):
            self.out("".join(table[c] for c in plain))
        else:
            self.html.append(f"<{'sub' if kind == '_' else 'sup'}>{html}</{'sub' if kind == '_' else 'sup'}>")
            self.text.append(kind + plain if len(plain) == 1 else f"{kind}({plain})")
