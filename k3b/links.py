"""Links, images and anchors in Markdown source, with their lines, found without rendering.

``find_links`` returns every link and image a page's Markdown makes: inline
(``[Text](ziel.md#abschnitt)``, ``![Alt](bilder/x.jpg){ .klasse }``), by reference
(``[Text][ref]`` with ``[ref]: ziel.md``) and in raw HTML (``<a href>``, ``<img src>``),
outside code and HTML comments. ``anchors`` returns the ids a page's HTML will have, as
Python-Markdown's ``toc`` and ``attr_list`` extensions give them (``tests/test_links.py``
compares both with the built site). ``k3b.linkcheck`` checks the targets against the site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape

from markdown.extensions.toc import slugify, unique

from .masking import masked

LINK = "link"
IMAGE = "image"
HTML_LINK = "html-link"
HTML_IMAGE = "html-image"

# Link text: anything but brackets, or one level of nested brackets (an image in a link).
_TEXT = r"(?:[^\[\]\\\n]|\\.|\[(?:[^\[\]\\\n]|\\.)*\])*"
_URL = r"<[^>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()]*)*"
_TITLE = r"\"[^\"\n]*\"|'[^'\n]*'|\([^)\n]*\)"
INLINE = re.compile(
    r"(?P<bang>!?)\[(?P<text>" + _TEXT + r")\]"
    r"(?:\(\s*(?P<url>" + _URL + r")(?:\s+(?P<title>" + _TITLE + r"))?\s*\)"
    r"|\[(?P<ref>[^\[\]\n]*)\])"
    r"(?P<attrs>[ \t]?\{:?[^}\n]*\})?")
DEFINITION = re.compile(r"^ {0,3}\[(?P<label>[^\]\n]+)\]:[ \t]*(?P<url><[^>\n]*>|\S+)", re.MULTILINE)
HTML_TAG = re.compile(r"<(?P<tag>a|img)\b(?P<attrs>[^>]*)>", re.IGNORECASE)
HTML_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
EXPLICIT_ID = re.compile(r"\{:?[^}\n]*?#(?P<id>[\w-]+)[^}\n]*\}")
HTML_ID = re.compile(r"""\b(?:id|name)\s*=\s*["']([^"']+)["']""")
ATX = re.compile(r"^[ \t]*(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*$")
SETEXT = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
HEADING_ATTRS = re.compile(r"[ \t]*\{:?(?P<body>[^}]*)\}[ \t]*$")
_INLINE_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|<[^>]+>|[*_`]")
_BLOCK_START = re.compile(r"^[ \t]*(?:[-*+]\s|\d+[.)]\s|>|#|\||!!!|\?\?\?|<)")


@dataclass(frozen=True, slots=True)
class Link:
    """One link or image, as written: target, its 1-based line, and for images the alt text."""

    line: int
    target: str
    kind: str = LINK  # LINK, IMAGE, HTML_LINK or HTML_IMAGE
    alt: str | None = None  # images: the alt text (None: a raw <img> without alt)
    attrs: str = ""  # images: the attribute list after them, "{ .klasse }"
    start: int = 0  # offsets of the whole construct in the text
    end: int = 0

    @property
    def is_image(self) -> bool:
        return self.kind in (IMAGE, HTML_IMAGE)


def _clean_url(url: str) -> str:
    url = url.strip()
    return url[1:-1] if url.startswith("<") and url.endswith(">") else url


def find_links(markdown: str, first_line: int = 1) -> list[Link]:
    """Every link and image of ``markdown`` outside code and comments, in text order."""
    text = masked(markdown)
    if "[" not in text and "<" not in text:
        return []
    definitions = {m.group("label").strip().casefold(): m for m in DEFINITION.finditer(text)}
    found: list[Link] = []
    lines = _LineCounter(text, first_line)
    _inline(text, 0, len(text), definitions, lines, found)
    for match in definitions.values():
        found.append(Link(lines.at(match.start()), _clean_url(match.group("url")), LINK,
                          start=match.start(), end=match.end()))
    for match in HTML_TAG.finditer(text):
        attrs = {m.group(1).lower(): next(g for g in m.groups()[1:] if g is not None)
                 for m in HTML_ATTR.finditer(match.group("attrs"))}
        is_img = match.group("tag").lower() == "img"
        target = attrs.get("src" if is_img else "href")
        if target is not None:
            found.append(Link(lines.at(match.start()), unescape(target), HTML_IMAGE if is_img else HTML_LINK,
                              alt=attrs.get("alt") if is_img else None, start=match.start(), end=match.end()))
    found.sort(key=lambda link: link.start)
    return found


def _inline(text: str, start: int, end: int, definitions: dict, lines: _LineCounter,
            found: list[Link]) -> None:
    for match in INLINE.finditer(text, start, end):
        url, ref = match.group("url"), match.group("ref")
        if url is None:  # [Text][ref] or [Text][]
            label = (ref or match.group("text")).strip().casefold()
            definition = definitions.get(label)
            if definition is None:
                continue  # plain text in brackets, not a link (Markdown leaves it as it is)
            if not match.group("bang"):
                continue  # the target is checked where it is defined, "[ref]: ziel.md"
            url = definition.group("url")
        is_image = bool(match.group("bang"))
        found.append(Link(lines.at(match.start()), _clean_url(url), IMAGE if is_image else LINK,
                          alt=match.group("text") if is_image else None,
                          attrs=(match.group("attrs") or "").strip(),
                          start=match.start(), end=match.end()))
        if not is_image and "![" in match.group("text"):  # [![Alt](bild.jpg)](ziel.md)
            _inline(text, match.start("text"), match.end("text"), definitions, lines, found)


class _LineCounter:
    """Line numbers of increasing offsets without counting from the start each time."""

    def __init__(self, text: str, first_line: int) -> None:
        self.text, self.offset, self.line = text, 0, first_line

    def at(self, offset: int) -> int:
        if offset < self.offset:
            self.line -= self.text.count("\n", offset, self.offset)
        else:
            self.line += self.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line


def heading_text(raw: str) -> str:
    """The text of a heading as it renders: no inline markup, no attribute list."""
    raw = HEADING_ATTRS.sub("", raw)
    return unescape(_INLINE_MARKUP.sub(lambda m: m.group(1) or "", raw)).strip()


def anchors(markdown: str) -> set[str]:
    """The ids the rendered page will have: explicit ones and one per heading."""
    text = masked(markdown)
    ids: set[str] = set(EXPLICIT_ID.findall(text)) | set(HTML_ID.findall(text))
    headings: list[str] = []
    # Python-Markdown takes a setext heading ("Titel" over "====") only from the first line
    # of a block.
    previous, previous_source, previous_starts_block, blank_before = "", "", False, True
    # Code blocks are blanked in ``text``; the heading's own text (with inline code) is
    # taken from the source line at the same place.
    for line, source_line in zip(text.splitlines(), markdown.splitlines(), strict=False):
        atx = ATX.match(line)
        if atx:
            headings.append(ATX.match(source_line).group("text"))
        elif SETEXT.match(line) and previous.strip() and previous_starts_block \
                and not _BLOCK_START.match(previous) and not SETEXT.match(previous):
            headings.append(previous_source.strip())
        previous, previous_starts_block = ("", False) if atx else (line, blank_before)
        previous_source = source_line
        blank_before = not line.strip() or bool(atx)
    for raw in headings:
        if HEADING_ATTRS.search(raw) and "#" in HEADING_ATTRS.search(raw).group("body"):
            continue  # its id is explicit and already counted
        unique(slugify(heading_text(raw), "-"), ids)
    return ids
