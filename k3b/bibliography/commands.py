"""The commands of ``latex.py``'s converter: accents, symbols, formatting, links, math.

A mixin: it works on the converter's position and output buffers (``self.s``,
``self.pos``, ``self.out`` …) and calls back into its scanning (``self.run``,
``self.argument``), so that one pass over a value handles both.
"""

from __future__ import annotations

import re
import unicodedata
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

CONTROL_WORD = re.compile(r"\\([A-Za-z]+)\*?([ \t\r\n]*)")
DIMENSION = re.compile(r"\s*=?\s*-?[\d.]+\s*(?:true)?(?:pt|em|ex|mm|cm|in|bp|sp|pc|dd|cc|mu)"
                       r"(?:\s*(?:plus|minus)\s*-?[\d.]+\s*(?:pt|em|ex|fil+))*", re.IGNORECASE)
CHAR_CODE = re.compile(r"\s*(?:'([0-7]+)|\"([0-9A-Fa-f]+)|`\\?(.)|(\d+))")


WHITESPACE = re.compile(r"[ \t\r\n]+")


def tidy(text: str) -> str:
    """One space between words, composed characters (u + ¨ → ü), no space at the ends."""
    return unicodedata.normalize("NFC", WHITESPACE.sub(" ", text)).strip()


class Commands:
    """Everything after a backslash."""

    def command(self, math: bool) -> None:
        s = self.s
        match = CONTROL_WORD.match(s, self.pos)
        if match is None:
            symbol = s[self.pos + 1:self.pos + 2]
            self.pos += 2
            self.control_symbol(symbol, math)
            return
        self.pos = match.end()
        name = match.group(1)
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
            if tag:
                self.wrap(tag, inner)
            else:
                self.wrap_plain(inner)
        elif name in SPACES:
            self.out(SPACES[name])
        elif name in IGNORED:
            pass
        elif name in DROP_ARGUMENT:
            self.skip_arguments(DROP_ARGUMENT[name])
        elif math and name in MATH_WORDS:
            self.out(MATH_WORDS[name] or name)
        else:
            self.special(name)

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
        inner = type(self)(self.s[self.pos:stop], self.unknown, self.german)
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
                plain = tidy(inner[1])
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
            if tag:
                self.wrap("span", inner, f' lang="{tag}"')
            else:
                self.wrap_plain(inner)
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

    def special(self, name: str) -> None:
        """Commands without a table entry: keep the text of what follows, report the name."""
        if self.unknown is not None:
            self.unknown(name)
        following = self.peek()
        if following == "{" and self.s[self.pos:self.pos + 2] != "{}":
            return  # the argument's text follows as an ordinary group
        if following == "{":
            self.pos += 2
        self.out(name)
