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
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from html import escape

from .symbols import (
    ACCENTS,
    DECLARATIONS,
    DROP_ARGUMENT,
    IGNORED,
    LANGUAGE_TAGS,
    MATH_ACCENTS,
    MATH_WORDS,
    SPACES,
    SUBSCRIPTS,
    SUPERSCRIPTS,
    WRAPPERS,
    symbol_table,
)

# Values with none of these are plain text already (most values of a Zotero export).
SPECIAL = re.compile(r"[\\{}~$`'\"]|--|,,")
WHITESPACE = re.compile(r"[ \t\r\n]+")
CONTROL_WORD = re.compile(r"\\([A-Za-z]+)\*?([ \t\r\n]*)")
PLAIN = re.compile(r"[^\\{}$~`'\",^_\-]+")
DIMENSION = re.compile(r"\s*=?\s*-?[\d.]+\s*(?:true)?(?:pt|em|ex|mm|cm|in|bp|sp|pc|dd|cc|mu)"
                       r"(?:\s*(?:plus|minus)\s*-?[\d.]+\s*(?:pt|em|ex|fil+))*", re.IGNORECASE)
CHAR_CODE = re.compile(r"\s*(?:'([0-7]+)|\"([0-9A-Fa-f]+)|`\\?(.)|(\d+))")
GERMAN_SHORTHANDS = {"a": "ä", "o": "ö", "u": "ü", "A": "Ä", "O": "Ö", "U": "Ü", "s": "ß", "z": "ß",
                     "S": "SS", "Z": "SZ", "-": "", "=": "-", '"': "", "|": "", "~": "-"}

Unknown = Callable[[str], None]


def convert(value: str, unknown: Unknown | None = None, german: bool = False) -> tuple[str, str]:
    """(HTML, plain text) of a BibTeX value; ``german`` enables babel's ``"a`` shorthands."""
    if not SPECIAL.search(value):
        text = " ".join(value.split())
        return escape(text, quote=False), text
    html, text, commands = _converted(value, german)
    if unknown is not None:
        for command in commands:
            unknown(command)
    return html, text


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


def _tidy(text: str) -> str:
    return unicodedata.normalize("NFC", WHITESPACE.sub(" ", text)).strip()


class _Converter:
    """One value, scanned once from left to right; output goes to two parallel buffers."""

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
        return _tidy(html), _tidy("".join(self.text))

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
        if not char or char == "}":
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
        plain = _tidy(text)
        if plain and all(c in table for c in plain):
            self.out("".join(table[c] for c in plain))
        else:
            self.html.append(f"<{'sub' if kind == '_' else 'sup'}>{html}</{'sub' if kind == '_' else 'sup'}>")
            self.text.append(kind + plain if len(plain) == 1 else f"{kind}({plain})")

    # Commands ----------------------------------------------------------------------------
    def command(self, math: bool) -> None:
        s = self.s
        match = CONTROL_WORD.match(s, self.pos)
        if match is None:
            symbol = s[self.pos + 1:self.pos + 2]
            self.pos += 2
            self.control_symbol(symbol, math)
            return
        self.pos = match.end()
        name, space = match.group(1), match.group(2)
        if name in ACCENTS:
            self.accent(ACCENTS[name], math)
        elif math and name in MATH_ACCENTS:
            self.accent(MATH_ACCENTS[name], math)
        elif name in symbol_table():
            self.out(symbol_table()[name])
        elif name in WRAPPERS:
            self.wrapper(name, math)
        elif name in DECLARATIONS:
            tag = DECLARATIONS[name]
            inner = self.collect(lambda: self.run(math, in_group=True))
            self.wrap(tag, inner) if tag else (self.html.append(inner[0]), self.text.append(inner[1]))
        elif name in SPACES:
            self.out(SPACES[name])
        elif name in IGNORED:
            pass
        elif name in DROP_ARGUMENT:
            self.skip_arguments(DROP_ARGUMENT[name])
        elif math and name in MATH_WORDS:
            self.out(MATH_WORDS[name] or name)
        else:
            self.special(name, space, math)

    def control_symbol(self, symbol: str, math: bool) -> None:
        if symbol in ACCENTS:
            self.accent(ACCENTS[symbol], math)
        elif symbol in "&%$#_{}":
            self.out(symbol)
        elif symbol == ",":
            self.out("\u202f")
        elif symbol in ";: >":
            self.out(" ")
        elif symbol == "\\":
            while self.peek() == "*" or self.peek() == "[":
                # \\[2pt] or \\*: a line break in a title; a space here
                self.pos = self.s.find("]", self.pos) + 1 if self.peek() == "[" else self.pos + 1
            self.out(" ")
        elif symbol == "(" and not math:
            self.run_until(r"\)", math=True)
        elif symbol == "[" and not math:
            self.run_until(r"\]", math=True)
        elif symbol in ("/", "-", "@", "!", ")", "]", ""):
            pass
        elif symbol in ("\n", "\t", "\r"):
            self.out(" ")
        else:
            self.out(symbol)

    def run_until(self, end: str, math: bool) -> None:
        stop = self.s.find(end, self.pos)
        stop = len(self.s) if stop < 0 else stop
        inner = _Converter(self.s[self.pos:stop], self.unknown, self.german)
        inner.run(math=math)
        self.html.append("".join(inner.html))
        self.text.append("".join(inner.text))
        self.pos = stop + len(end)

    def accent(self, mark: str, math: bool) -> None:
        html, text = self.argument(math)
        if not text:
            self.out(unicodedata.normalize("NFC", " " + mark).strip() or "")
            return
        base = {"ı": "i", "ȷ": "j"}.get(text[0], text[0])
        self.out(unicodedata.normalize("NFC", base + mark) + text[1:])

    def wrapper(self, name: str, math: bool) -> None:
        kind = WRAPPERS[name]
        if kind in ("em", "strong", "code", "sub", "sup"):
            inner = self.argument(math)
            if kind in ("sub", "sup"):
                # In text (CO\textsubscript{2}) only digits and signs: 1\textsuperscript{st} stays "st".
                plain = _tidy(inner[1])
                if plain and all(c in "0123456789+-=()" for c in plain):
                    table = SUBSCRIPTS if kind == "sub" else SUPERSCRIPTS
                    self.out("".join(table[c] for c in plain))
                    return
            self.wrap(kind, inner)
        elif kind == "text":
            html, text = self.argument(math)
            self.html.append(html)
            self.text.append(text)
        elif kind in ("upper", "lower"):
            html, text = self.argument(math)
            self.out(text.upper() if kind == "upper" else text.lower())
        elif kind in ("quote", "quote*"):
            inner = kind == "quote*" or self.quote_depth % 2 == 1
            self.quote_depth += 1
            opening, closing = ("‚", "‘") if inner else ("„", "“")
            html, text = self.argument(math)
            self.quote_depth -= 1
            self.html.append(escape(opening) + html + escape(closing))
            self.text.append(opening + text + closing)
        elif kind in ("parens", "brackets"):
            opening, closing = ("(", ")") if kind == "parens" else ("[", "]")
            html, text = self.argument(math)
            self.html.append(opening + html + closing)
            self.text.append(opening + text + closing)
        elif kind == "url":
            self.out(re.sub(r"\\([_%#&~$])", r"\1", self.raw_argument()).strip())
        elif kind == "verb":
            self.verbatim()
        elif kind == "second":  # \href{url}{text}, \texorpdfstring{tex}{pdf}, \textcolor{c}{text}
            self.raw_argument()
            html, text = self.argument(math)
            self.html.append(html)
            self.text.append(text)
        elif kind == "third":  # \discretionary{pre}{post}{nobreak}, \resizebox{w}{h}{text}
            self.skip_arguments(2)
            html, text = self.argument(math)
            self.html.append(html)
            self.text.append(text)
        elif kind == "language":
            language = self.raw_argument().strip().lower()
            inner = self.argument(math)
            tag = LANGUAGE_TAGS.get(language, "")
            self.wrap("span", inner, f' lang="{tag}"') if tag else self.wrap_plain(inner)
        elif kind == "math":
            inner = self.collect(lambda: self.argument_into(math=True))
            self.html.append(inner[0])
            self.text.append(inner[1])
        elif kind == "frac":
            numerator = self.argument(True)
            denominator = self.argument(True)
            self.html.append(numerator[0] + "/" + denominator[0])
            self.text.append(numerator[1] + "/" + denominator[1])
        elif kind == "sqrt":
            if self.peek() == "[":
                self.pos = self.s.find("]", self.pos) + 1
            html, text = self.argument(True)
            self.html.append("√" + html)
            self.text.append("√" + text)
        elif kind == "ordinal":
            html, text = self.argument(math)
            self.out(text.strip() + ".")
        elif kind == "char":
            self.char_code()
        elif kind == "dimension":
            match = DIMENSION.match(self.s, self.pos)
            if match:
                self.pos = match.end()
        elif kind == "space-argument":
            self.raw_argument()
            self.out(" ")

    def wrap_plain(self, inner: tuple[str, str]) -> None:
        self.html.append(inner[0])
        self.text.append(inner[1])

    def argument_into(self, math: bool) -> None:
        html, text = self.argument(math)
        self.html.append(html)
        self.text.append(text)

    def verbatim(self) -> None:
        """``\\verb|x|``, ``\\path|x|`` or ``\\path{x}``: the text as written, in code."""
        if self.peek() == "{":
            value = self.raw_argument()
        else:
            delimiter = self.peek()
            end = self.s.find(delimiter, self.pos + 1) if delimiter else -1
            if end < 0:
                return
            value = self.s[self.pos + 1:end]
            self.pos = end + 1
        self.html.append(f"<code>{escape(value, quote=False)}</code>")
        self.text.append(value)

    def char_code(self) -> None:
        match = CHAR_CODE.match(self.s, self.pos)
        if match is None:
            return
        self.pos = match.end()
        octal, hexadecimal, literal, decimal = match.groups()
        if literal:
            self.out(literal)
            return
        code = int(octal, 8) if octal else int(hexadecimal, 16) if hexadecimal else int(decimal)
        if 32 <= code < 0x110000:
            self.out(chr(code))

    def special(self, name: str, space: str, math: bool) -> None:
        """Commands without a table entry: keep the text of what follows, report the name."""
        if self.unknown is not None:
            self.unknown(name)
        following = self.peek()
        if following == "{" and self.s[self.pos:self.pos + 2] != "{}":
            return  # the argument's text follows as an ordinary group
        if following == "{":
            self.pos += 2
        self.out(name)
