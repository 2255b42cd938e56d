"""Citations in Markdown: ``[@key]``, ``[@a; @b]``, ``[vgl. @key, S. 12]``.

Finding citations (with line numbers, outside code) and rendering them are pure functions
on text and an already formatted bibliography, so a citation costs a regex match and a
dictionary lookup: every entry was formatted once per build before.

Inline, a citation becomes an author-year link to the page's bibliography
(„(Müller 2020, S. 12; Schmidt und Weber 2019)“); the bibliography at the end of the page
lists the cited works in the German style and links each to its publication page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from html import escape

from .bibliography.labels import name_part, year_letters
from .bibliography.model import NO_YEAR, Publication
from .masking import masked as masked_markdown

# A bracket group that contains at least one @key; not a link text (followed by "(" or "[").
GROUP = re.compile(r"\[(?P<body>[^\[\]\n]*?@[^\[\]\n]*?)\](?![(\[:])")
# One item of a group: optional prefix, @key, optional locator after a comma.
ITEM = re.compile(
    r"^\s*(?:(?P<prefix>[^@]*?)\s+)?@(?P<key>[\w][\w:.#$%&+?<>~/-]*?)\s*(?:,\s*(?P<locator>.+?))?\s*$")
# The usual item, a bare "@key": the same key as ITEM finds, without its backtracking.
BARE_ITEM = re.compile(r"\s*@([\w][\w:.#$%&+?<>~/-]*)\s*")


# A citation is a plain tuple (start, end, line, items): one bracket group, its position in
# the text and its 1-based line; an item is (key, prefix, locator). Plain tuples, not
# objects: a site keeps every citation for the whole build, and tuples of strings and
# numbers drop out of the garbage collector's view (20,000 citation objects cost more time
# in collections than finding them again); they are also cheaper to make.
CiteItem = tuple[str, str, str]
Citation = tuple[int, int, int, tuple[CiteItem, ...]]


def _items(body: str) -> tuple[CiteItem, ...] | None:
    items = []
    for part in body.split(";"):
        bare = BARE_ITEM.fullmatch(part)
        if bare is not None:
            items.append((bare.group(1).rstrip(".:,"), "", ""))
            continue
        match = ITEM.match(part)
        if match is None:
            return None
        key = match.group("key").rstrip(".:,")
        prefix, locator = (match.group(g) or "" for g in ("prefix", "locator"))
        items.append((key, prefix.strip(), locator.strip()))
    return tuple(items)


def find_citations(markdown: str, first_line: int = 1) -> list[Citation]:
    """Every citation outside code blocks, inline code and HTML comments."""
    masked = masked_markdown(markdown)
    found = []
    line, counted = first_line, 0
    for match in GROUP.finditer(masked):
        items = _items(match.group("body"))
        if items is None:
            continue
        line += masked.count("\n", counted, match.start())
        counted = match.start()
        found.append((match.start(), match.end(), line, items))
    return found


def cited_keys(citations: Iterable[Citation]) -> list[str]:
    """Keys in order of first citation, without repeats."""
    keys: dict[str, None] = {}
    for _start, _end, _line, items in citations:
        for key, _prefix, _locator in items:
            keys.setdefault(key, None)
    return list(keys)


def short_label(pub: Publication) -> str:
    """``Müller``, ``Müller und Schmidt``, ``Müller u. a.`` plus year: the in-text label."""
    return f"{name_part(pub)} {pub.label_year or pub.year or NO_YEAR}"


def labels(publications: Iterable[Publication]) -> dict[str, str]:
    """In-text labels for a whole bibliography, once per build; equal labels get a, b, c.

    The letters come from the same function that gave each work's bibliography entry its
    year (``year_letters``), so „Müller 2015a“ in the text is „Müller (2015a)“ below.
    """
    pubs = list(publications)
    letters = year_letters(pubs)
    return {pub.key: f"{name_part(pub)} {letters[pub.key]}" for pub in pubs}


BIBLIOGRAPHY_TITLE = "Literatur"
BIBLIOGRAPHY_ID = "literatur"


def anchor(pub: Publication) -> str:
    return f"lit-{pub.slug}"


def render_citations(
    markdown: str,
    lookup: Callable[[str], Publication | None],
    label_of: Callable[[Publication], str],
    folder: str,
    wrap: Callable[[str], str] = lambda html: html,
    citations: Sequence[Citation] | None = None,
    memo: dict[str, CitedWork] | None = None,
) -> tuple[str, str]:
    """(markdown with citations as links, bibliography HTML or ""). Unknown keys stay as text.

    ``folder`` is the link from this page to the publications' folder: a work's page is
    ``<folder><slug>/``. Unknown keys were reported as errors before rendering, so a
    published page never has one; leaving the text alone keeps this function total.
    ``wrap`` receives each in-text citation's HTML and returns what goes into the Markdown:
    the build passes a function that returns a plain placeholder and inserts the HTML after
    Markdown has run, which spares Markdown from parsing it (cheaper by about a third per
    citation). The bibliography is returned as HTML for the caller to place.
    ``citations`` are those of exactly this text if they were found before. ``memo`` keeps
    each work's page-independent pieces for the next text (one dict per build; ``label_of``
    must give the same label for a work all along).
    """
    if citations is None:
        citations = find_citations(markdown)
    if not citations:
        return markdown, ""
    memo = {} if memo is None else memo
    cited: dict[str, CitedWork] = {}
    parts: list[str] = []
    position = 0
    for start, end, _line, items in citations:
        rendered = []
        for key, prefix, locator in items:
            work = memo.get(key)
            if work is None:
                pub = lookup(key)
                if pub is None:
                    rendered = None
                    break
                work = memo[key] = cited_work(pub, label_of(pub))
            order, inline, _head, _tail = work
            cited[order] = work
            link = inline + ", " + escape(locator) + "</a>" if locator else inline + "</a>"
            rendered.append(escape(prefix) + " " + link if prefix else link)
        if rendered is None:
            continue
        parts.append(markdown[position:start])
        parts.append(wrap('<span class="k3b-cite-group" data-pagefind-ignore>('
                          + "; ".join(rendered) + ")</span>"))
        position = end
    parts.append(markdown[position:])
    return "".join(parts), _bibliography([cited[order] for order in sorted(cited)], folder)


# A cited work's HTML pieces that are the same on every page that cites it, a plain tuple
# like Citation: (its place in a bibliography, unique per work; the in-text link, open for a
# locator; its bibliography entry up to the link to its page; the rest after the folder).
CitedWork = tuple[tuple[str, str], str, str, str]


def cited_work(pub: Publication, label: str) -> CitedWork:
    return ((pub.citation_text.casefold(), pub.key),
            f'<a class="k3b-cite" href="#{anchor(pub)}">{escape(label)}',
            f'<li id="{anchor(pub)}"><a href="',
            f'{escape(pub.slug, quote=True)}/">{pub.citation_html}</a></li>')


def bibliography_html(publications: Iterable[Publication], folder: str) -> str:
    """The cited works, alphabetical, each linked to its page ``<folder><slug>/``.

    The list is left out of the search index: the works are found on their own pages.
    """
    works = {work[0]: work for work in (cited_work(p, "") for p in publications)}
    return _bibliography([works[order] for order in sorted(works)], folder)


def _bibliography(works: list[CitedWork], folder: str) -> str:
    if not works:
        return ""
    folder = escape(folder, quote=True)
    entries = "".join(head + folder + tail for _order, _inline, head, tail in works)
    # The heading ("Literatur", BIBLIOGRAPHY_ID) and its entry in the table of contents are
    # the build adapter's: they depend on how the engine renders headings.
    return f'<ol class="k3b-bibliography" data-pagefind-ignore>{entries}</ol>'
