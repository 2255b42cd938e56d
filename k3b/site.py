"""The whole site of one build: pages, publications, citations and what joins them.

``collect_site`` reads every page once, validates it, finds its citations and checks them
against the bibliography, so Markdown and BibTeX problems end up in one report. After
that, everything that needs the whole site ("Zitiert in", related content, hubs, feeds)
is computed once from the ``Site``, never per page by scanning all others.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace

from . import timing
from .bibliography.model import Publication
from .bibliography.parse import Bibliography
from .bibliography.render import newest_first as pubs_newest_first
from .citations import Citation, CitedWork, cited_keys, find_citations, labels
from .content import CONTENT_TYPES, ContentItem, Unfinished, newest_first, unfinished, validate
from .fields import Context
from .frontmatter import FrontMatterError, parse_front_matter
from .images import ImageFile
from .index import ContentIndex
from .limits import check_characters, check_markdown
from .links import Link, find_links
from .markers import check_markers
from .problems import Problem, ProblemList
from .publishing import DRAFT, Withheld, banner_html, log_line
from .rawhtml import check_raw_html
from .related import Node, related
from .render import relative_url
from .topics import Vocabulary

PUBLICATIONS = "publikationen"
RELATED_SHOWN = 5
RELATED_SPARE = 5
TOPICS = "themen"


@dataclass(frozen=True)
class SourcePage:
    """A Markdown page as the build engine hands it over."""

    src_path: str  # below docs/, with "/"
    url: str  # site-relative URL, as in links ("artikel/x/")
    display: str  # the path staff see in messages ("docs/artikel/x.md")
    read: Callable[[], str]


@dataclass(frozen=True, slots=True)
class Entry:
    """What listings, hubs, feeds and "Verwandte Inhalte" show of any item."""

    id: str
    kind: str  # the type's label: "Artikel", "Fallbeispiel", "Publikation"
    title: str
    url: str
    date: dt.date | None
    summary: str
    topics: tuple[str, ...]
    lang: str = ""  # language of the title when it is not German


@dataclass
class Site:
    vocabulary: Vocabulary
    index: ContentIndex
    bibliography: Bibliography
    # Tuples, not lists, in what the site keeps for the whole build (see Citation).
    citations: dict[str, tuple[str, ...]] = field(default_factory=dict)  # page src → keys
    cited_by: dict[str, tuple[str, ...]] = field(default_factory=dict)  # key → page srcs, newest first
    labels: dict[str, str] = field(default_factory=dict)  # key → "Müller 2020"
    related: dict[str, list[str]] = field(default_factory=dict)  # entry id → entry ids
    intros: dict[str, str] = field(default_factory=dict)  # topic slug → docs/themen/<slug>.md
    # page src → (hash of the body, its citations): found once, reused when rendering.
    found: dict[str, tuple[int, tuple[int | str, ...]]] = field(default_factory=dict)
    # Escaped HTML pieces that many pages repeat, made once per build: "Zitiert in" entries
    # by page src, cited works by key (render_citations' memo).
    fragments: dict[str, str] = field(default_factory=dict)
    cited_works: dict[str, CitedWork] = field(default_factory=dict)
    # The preview (`make serve`) shows drafts and scheduled items; the published build
    # leaves every page in ``withheld`` out. Problems of a draft do not stop a build: they
    # are its ``notes``, shown in its banner.
    preview: bool = False
    withheld: dict[str, Withheld] = field(default_factory=dict)  # page src → why
    notes: dict[str, list[Problem]] = field(default_factory=dict)  # draft src → problems
    # Every page read (also withheld ones) for the checks of links and images.
    sources: dict[str, SourcePage] = field(default_factory=dict)
    links: dict[str, tuple[Link, ...]] = field(default_factory=dict)  # page src → links, images
    images: dict[str, ImageFile] = field(default_factory=dict)  # measured originals by src (imagecheck)

    def is_published(self, src: str) -> bool:
        return src not in self.withheld

    def banner(self, src: str) -> str:
        """The preview's banner for a draft or scheduled page; "" in the published build."""
        held = self.withheld.get(src)
        if not self.preview or held is None:
            return ""
        notes = [f"Zeile {p.line}: {p.message}" for p in sorted(self.notes.get(src, ()))]
        return banner_html(held.status, held.release, notes)
    # Every file below docs/ (src paths with "/"), for fields that name a file (a logo).
    files: frozenset[str] = frozenset()
    # Pages whose front matter has problems (not items), for the checks that need the site.
    unfinished: dict[str, Unfinished] = field(default_factory=dict)
    # Project slug → ids of what belongs to it (item src paths, "pub:<key>"), newest first.
    projects: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def remember_citations(self, src: str, body: str, citations: list[Citation]) -> None:
        # One flat tuple per text, (start, end, line, number of items, key, prefix, locator,
        # …, start, …): as 60,000 small tuples, 20,000 citations made the garbage collector
        # run about a hundred times more while collecting.
        flat: list[int | str] = []
        for start, end, line, items in citations:
            flat += (start, end, line, len(items))
            for item in items:
                flat += item
        self.found[src] = (hash(body), tuple(flat))

    def citations_in(self, src: str, body: str) -> list[Citation] | None:
        """The citations found in ``body`` while collecting, if it is still that text."""
        known = self.found.get(src)
        if known is None or known[0] != hash(body):
            return None
        flat, citations, at = known[1], [], 0
        while at < len(flat):
            start, end, line, count = flat[at:at + 4]
            at += 4 + 3 * count
            citations.append((start, end, line, tuple(
                flat[i:i + 3] for i in range(at - 3 * count, at, 3))))
        return citations

    def publication_url(self, pub: Publication) -> str:
        return f"{PUBLICATIONS}/{pub.slug}/"

    def publications_folder(self, page_url: str) -> str:
        """The link from ``page_url`` to the folder of all publication pages."""
        return relative_url(page_url, f"{PUBLICATIONS}/")

    def publications(self, topic: str | None = None) -> list[Publication]:
        """Publications, optionally of one topic, newest first."""
        chosen = [p for p in self.bibliography.entries.values() if topic is None or topic in p.topics]
        return pubs_newest_first(chosen)

    def entry(self, entry_id: str) -> Entry | None:
        if entry_id.startswith("pub:"):
            pub = self.bibliography.get(entry_id[4:])
            return None if pub is None else publication_entry(pub, self.publication_url(pub))
        item = self.index.get(entry_id)
        return None if item is None else item_entry(item)

    def citing_items(self, key: str) -> list[ContentItem]:
        return [i for i in map(self.index.get, self.cited_by.get(key, ())) if i]


def item_entry(item: ContentItem) -> Entry:
    return Entry(item.src_path, item.kind.label, item.title, item.url, item.date,
                 item.kind.feed_summary(item), item.topics)


def publication_date(pub: Publication) -> dt.date | None:
    return dt.date(int(pub.year), pub.month or 1, 1) if pub.year.isdigit() else None


def publication_entry(pub: Publication, url: str) -> Entry:
    summary = pub.abstract if len(pub.abstract) <= 300 else pub.abstract[:297].rstrip() + "…"
    lang = pub.language if pub.language and pub.language != "de" else ""
    return Entry("pub:" + pub.key, "Publikation", pub.title, url, publication_date(pub),
                 summary or pub.citation_text, pub.topics, lang)


class ReadMemo:
    """What reading each page found, kept across the builds of one preview (``make serve``).

    Reading a page (checks, front matter, fields, topic detection, citations, links) depends
    on its text and on the build's vocabulary, bibliography, date and files, and touches only
    the site's entries for that page. So a page whose text is unchanged, in a build with the
    same of those, is not read again: what it added to the site, its problems and its notes
    are put in as recorded. ``tests/test_preview_rebuild.py`` compares a preview after edits
    with a fresh one.
    """

    def __init__(self) -> None:
        self._context: tuple | None = None
        self._bibliography: Bibliography | None = None
        self._pages: dict[tuple[str, str, str, str], tuple[Site, list[Problem], list[str]]] = {}
        self._seen: set[tuple[str, str, str, str]] = set()

    def begin(self, site: Site) -> None:
        context = (site.vocabulary, id(site.bibliography), site.index.today, site.preview, site.files)
        if self._context != context:
            self._pages.clear()
        else:  # only the pages of the last build
            self._pages = {key: value for key, value in self._pages.items() if key in self._seen}
        self._context, self._seen = context, set()
        self._bibliography = site.bibliography  # held, so that its id stays its own

    def read(self, site: Site, page: SourcePage, problems: ProblemList, info: Callable[[str], None]) -> None:
        try:
            text = page.read()
        except (OSError, ValueError):
            _read_page(site, page, problems, info)  # says what is wrong with the file
            return
        key = (page.src_path, page.url, page.display, hashlib.blake2b(
            text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest())
        self._seen.add(key)
        recorded = self._pages.get(key)
        if recorded is None:
            scratch = Site(site.vocabulary, ContentIndex(site.vocabulary, site.index.today),
                           site.bibliography, preview=site.preview, files=site.files)
            own, lines = ProblemList(), []
            _read_page(scratch, replace(page, read=lambda: text), own, lines.append)
            recorded = self._pages[key] = (scratch, own.items, lines)
        scratch, found, lines = recorded
        for spec in fields(Site):
            value = getattr(scratch, spec.name)
            if isinstance(value, dict):
                getattr(site, spec.name).update(value)
        site.index.items.update(scratch.index.items)
        problems.extend(found)
        for line in lines:
            info(line)


def collect_site(
    pages: Iterable[SourcePage],
    vocabulary: Vocabulary,
    bibliography: Bibliography,
    problems: ProblemList,
    info: Callable[[str], None] = lambda line: None,
    today: dt.date | None = None,
    preview: bool = False,
    files: Iterable[str] = (),
    memo: ReadMemo | None = None,
) -> Site:
    """Validate every page, check its citations, and build the cross-references.

    ``today`` is the build date (``k3b.builddate``): it decides which events are upcoming
    and which items are published yet. With ``preview`` drafts and scheduled items are part
    of the site (``make serve``); without, they are only listed in ``Site.withheld``.
    ``files`` are the paths of all files below ``docs/`` (for fields that name one, a logo).
    ``memo`` (the preview) reads only pages that changed since its last build.
    """
    site = Site(vocabulary, ContentIndex(vocabulary, today or dt.date.today()), bibliography,
                preview=preview, files=frozenset(files))
    displays: dict[str, str] = {}
    if memo is not None:
        memo.begin(site)
    read = memo.read if memo is not None else _read_page
    with timing.phase("content"):
        for page in pages:
            read(site, page, problems, info)
            displays[page.src_path] = page.display
        for item in site.index.content():  # references between items, once all are known
            item.kind.check_site(item, site, Context("", 1, displays[item.src_path], problems, vocabulary))
        for page in site.unfinished.values():  # and those of pages with problems of their own
            page.kind.check_unfinished(page, site, Context("", 1, page.display, problems, vocabulary))
        for kind in CONTENT_TYPES:
            kind.check_collected(site, problems, displays)
    with timing.phase("citations"):
        site.labels = labels(bibliography.entries.values())
        # Who cites what, newest text first: one walk over the texts in that order.
        citers: dict[str, list[str]] = {}
        for item in newest_first([site.index.items[src] for src in site.citations]):
            for key in site.citations[item.src_path]:
                citers.setdefault(key, []).append(item.src_path)
        site.cited_by = {key: tuple(srcs) for key, srcs in citers.items()}
    with timing.phase("related"):
        # More than shown: a page leaves out the works in its own bibliography.
        site.related = related(_nodes(site), limit=RELATED_SHOWN + RELATED_SPARE)
    return site


def _read_page(site: Site, page: SourcePage, problems: ProblemList, info: Callable[[str], None]) -> None:
    site.sources[page.src_path] = page
    try:
        text = page.read()
        # Before any parser: characters no page may hold, and sizes that would stop the build.
        if not check_characters(text, page.display, problems) \
                or not check_markdown(text, page.display, problems):
            return
        front_matter = parse_front_matter(text)
    except FrontMatterError as error:
        problems.add(page.display, error.line, error.message)
        return
    except (OSError, ValueError):
        problems.add(page.display, 1, "Datei ist nicht lesbar oder nicht in UTF-8 gespeichert")
        return
    if front_matter.data.get("draft") is True:
        # A draft may be unfinished: its problems are notes, not errors.
        notes = ProblemList()
        item = _read_valid_page(site, page, front_matter, notes, info, draft=True)
        if notes:
            site.notes[page.src_path] = notes.items
            for note in notes.lines():
                info(f"{note} (im Entwurf noch erlaubt, beim Veröffentlichen ein Fehler)")
        if item is None:
            site.withheld[page.src_path] = Withheld(page.url, DRAFT)
            info(log_line(page.display, DRAFT, None))
        return
    _read_valid_page(site, page, front_matter, problems, info)


def _read_valid_page(site: Site, page: SourcePage, front_matter, problems: ProblemList,
                     info: Callable[[str], None], draft: bool = False) -> ContentItem | None:
    check_markers(front_matter.body, page.display, problems, front_matter.body_line)
    check_raw_html(front_matter.body, page.display, problems, front_matter.body_line)
    intro = _topic_intro(site, page, problems)
    with timing.phase("links"):
        links = find_links(front_matter.body, front_matter.body_line)
    if links:
        site.links[page.src_path] = tuple(links)
    # Citations are found in the body as MkDocs hands it on, without its leading blank
    # lines, so that rendering can reuse them as they are.
    body = front_matter.body.lstrip("\n")
    with timing.phase("citations"):
        citations = find_citations(body, front_matter.body_line + len(front_matter.body) - len(body))
        for _start, _end, line, items in citations:
            for key, _prefix, _locator in items:
                if site.bibliography.get(key) is None and key not in site.bibliography.broken:
                    problems.add(page.display, line, _unknown_source(key, site.bibliography))
    item = validate(page.src_path, page.url, front_matter, site.vocabulary, problems, page.display,
                    site.index.today)
    if item is None:
        if not draft:  # a draft's problems are notes; its references wait until it is finished
            site.unfinished[page.src_path] = unfinished(page.src_path, front_matter, site.vocabulary,
                                                        page.display)
        return None
    if item.status:
        site.withheld[item.src_path] = Withheld(item.url, item.status, item.release, item)
        info(log_line(page.display, item.status, item.release))
        if not site.preview:
            return item
    if intro:
        site.intros[intro] = page.src_path
    site.index.add(item)
    keys = [k for k in cited_keys(citations) if site.bibliography.get(k) is not None]
    if keys:
        site.citations[item.src_path] = tuple(keys)
        site.remember_citations(item.src_path, body, citations)
    if item.kind.is_content and not item.topics:
        info(f"{page.display}: keine Themen angegeben und keine erkannt")
    elif item.detections:
        info(f"{page.display}: Themen erkannt: " + ", ".join(d.explain() for d in item.detections))
    return item


def _topic_intro(site: Site, page: SourcePage, problems: ProblemList) -> str:
    """``docs/themen/<slug>.md`` is a hub's intro; its slug must be in the vocabulary.

    Returns the slug of the hub it introduces, or "".
    """
    parts = page.src_path.split("/")
    if len(parts) != 2 or parts[0] != TOPICS or parts[1] == "index.md" or not parts[1].endswith(".md"):
        return ""
    slug = parts[1][:-3]
    if site.vocabulary.by_slug(slug) is not None:
        return slug
    close = difflib.get_close_matches(slug, [t.slug for t in site.vocabulary.topics], n=1)
    hint = f" – meinten Sie „{close[0]}.md“?" if close else ""
    problems.add(page.display, 1, f"kein Thema „{slug}“ im Vokabular: eine Themenseite braucht "
                 f"einen Eintrag in der Themenliste{hint}")
    return ""


def _unknown_source(key: str, bibliography: Bibliography) -> str:
    close = difflib.get_close_matches(key, list(bibliography.entries), n=1)
    hint = f" – meinten Sie „{close[0]}“?" if close else ""
    return f"unbekannte Quelle „{key}“{hint}"


def _nodes(site: Site) -> list[Node]:
    nodes = [
        Node(item.src_path, item.title, item.date.toordinal() if item.date else 0,
             frozenset(item.topics), frozenset(site.citations.get(item.src_path, ())))
        for item in site.index.content() if item.kind.in_related
    ]
    for pub in site.bibliography.entries.values():
        date = publication_date(pub)
        nodes.append(Node("pub:" + pub.key, pub.title, date.toordinal() if date else 0,
                          frozenset(pub.topics), frozenset((pub.key,))))
    return nodes
