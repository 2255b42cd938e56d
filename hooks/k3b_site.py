"""MkDocs adapter: hands pages and .bib files to the ``k3b`` package and back.

All domain work happens in ``k3b`` (no MkDocs imports there). Order of a build:

1. ``on_config``: load the topic vocabulary; require an absolute ``site_url`` (feeds).
2. ``on_files``: parse publications (cached across ``mkdocs serve`` rebuilds), read and
   validate every page, check its citations; report all Markdown and BibTeX problems
   together and stop once. Then plan every generated page and file (publication pages,
   listings, hubs, feeds) and add them with ``File.generated``.
3. ``on_page_markdown``: fill in what was planned for each page, and what the search
   index should know of it (``k3b.search``).
4. ``on_post_build``: index the built site for the search (Pagefind).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import signal
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, get_toc

from k3b import preview, rebuild, timing
from k3b.assemble import assemble
from k3b.bibliography.parse import Bibliography, load_bibliography
from k3b.builddate import BuildDateError, build_date
from k3b.buildlog import PER_FILE, report
from k3b.citations import BIBLIOGRAPHY_ID, BIBLIOGRAPHY_TITLE
from k3b.compose import compose
from k3b.generated import Plan, front_matter
from k3b.imagecache import cache_dir, make_all, stripped_copies
from k3b.imagecheck import ImagePlan
from k3b.linkcheck import BUILD_FILES
from k3b.navcheck import Navigation
from k3b.problems import ProblemList
from k3b.project import ConfigError, Settings, publication_sources
from k3b.publishing import without_pages
from k3b.rawhtml import sanitize
from k3b.render import topic_url
from k3b.search.indexer import SearchIndexError, build_index
from k3b.search_page import SRC as SEARCH_PAGE
from k3b.site import ReadMemo, Site, SourcePage
from k3b.symlinks import escaping_links, is_below, report_links
from k3b.topics import Vocabulary, VocabularyError, load_vocabulary

log = logging.getLogger("mkdocs.plugins.k3b")

# Material's search box reads its settings from this file (the separator it highlights
# words by); the entries come from our worker (Pagefind), so the list stays empty.
MATERIAL_SEARCH_SETTINGS = "search/search_index.json"
MATERIAL_SEARCH_STUB = '{"config":{"lang":["de"],"separator":"[\\\\s\\\\-]+","pipeline":[]},"docs":[]}'


@dataclass
class _Build:
    vocabulary: Vocabulary
    today: dt.date
    refused: dict[Path, str]  # symlinks that lead outside the project (k3b.symlinks)
    site: Site | None = None
    plan: Plan | None = None


_build: _Build | None = None
# The preview (`mkdocs serve`, or K3B_PREVIEW=1) shows drafts and scheduled items with a
# banner; a build for publishing leaves them out. Set once per process in on_startup.
_preview = False
# `mkdocs serve` itself (not K3B_PREVIEW=1 make build): problems do not stop it (k3b.preview).
_serving = False
_broken: list[str] | None = None  # the problems of this build, while previewing
# `make serve` (`serve --dirty`): render only what changed (k3b.rebuild); the search index
# is made after the page has reloaded, in _background.
_incremental = False
_memory = rebuild.RenderMemory()
_read_memo = ReadMemo()
_background: threading.Thread | None = None
_indexer: subprocess.Popen | None = None  # Pagefind in _background, stopped by the next edit
_stopping = False
_had_good_build = False  # in this process (the copy of the last good site is only its templates)
_files: Files | None = None  # this build's files, for what it wrote
# Per page: placeholder → HTML that skips Markdown (see _deferrer).
_deferred: dict[str, dict[str, str]] = {}
TOKEN = re.compile(r"<p>(K3BDEFERRED\d+X)</p>|(K3BDEFERRED\d+X)")
# A page whose Markdown is nothing but placeholders (a publication's page, a listing) needs
# no Markdown: what Markdown would write for it is known (see _without_markdown).
ONLY_TOKENS = re.compile(r"\n*K3BDEFERRED\d+X(?:\n\n+K3BDEFERRED\d+X)*\n*")
# Per page: the placeholder of the end block that starts with its bibliography, which gets
# its heading in on_page_content.
_bibliographies: dict[str, str] = {}
# Survives rebuilds in `mkdocs serve`: (cache key, bibliography, errors, notes).
_bib_cache: tuple[tuple, Bibliography, ProblemList, list[str]] | None = None


def _base(config: MkDocsConfig) -> Path:
    return Path(os.path.dirname(config.config_file_path or "."))


def _shown(config: MkDocsConfig, path: str | Path) -> str:
    """A path as staff see it: relative to the project folder (``docs/artikel/x.md``)."""
    return os.path.relpath(path, _base(config)).replace(os.sep, "/")


class _Broken(Exception):  # noqa: N818 - not an error of ours: the state of the content
    """Problems found while ``mkdocs serve`` previews: shown on the pages, the preview goes on."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(lines)
        self.lines = lines


def _fail(problems: ProblemList) -> None:
    if _serving:
        raise _Broken(problems.lines(per_file=PER_FILE))
    raise PluginError(report(problems, log))


# The preview's problems are logged outside the "mkdocs" loggers: MkDocs counts every error
# there and would abort the build in strict mode, which stops its server from answering.
_preview_log = logging.getLogger("k3b.vorschau")
if not _preview_log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("ERROR   -  %(message)s"))
    _preview_log.addHandler(_handler)
    _preview_log.setLevel(logging.INFO)


def _broken_preview(lines: list[str]) -> None:
    global _broken
    _broken = lines
    for line in lines:
        _preview_log.error(line)
    count = len(lines)
    _preview_log.error(f"{count} Problem{'e' if count != 1 else ''} gefunden – die Vorschau zeigt den "
                       "letzten Stand ohne Fehler und die Probleme oben auf jeder Seite.")


PREVIEW_VALUES = {"": False, "0": False, "nein": False, "1": True, "ja": True}


class _NoDirtyWarning(logging.Filter):
    """MkDocs warns of every ``--dirty`` build (wrong navigation, stale files); ours renders
    whatever a change touches and removes stale files (k3b.rebuild), and strict mode would
    count the warning as an error."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this process previews (``serve``) or builds for publishing."""
    global _preview, _serving, _incremental
    _serving = command == "serve"
    _incremental = _serving and dirty
    if _incremental:
        for engine in ("mkdocs", "properdocs"):  # the warning's logger in either engine
            logging.getLogger(f"{engine}.commands.build").addFilter(_NoDirtyWarning())
    asked = os.environ.get("K3B_PREVIEW", "").strip().lower()
    _preview = command == "serve" or PREVIEW_VALUES.get(asked, False)  # other values: on_config stops


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Start a fresh build state; in the preview, problems are shown instead of stopping it."""
    global _broken
    _settle()  # the last build's search index, before this build touches the site
    _broken = None
    config.extra["k3b_preview_script"] = _serving  # overrides/main.html loads k3b-vorschau.js
    try:
        return _configure(config)
    except _Broken as broken:
        _broken_preview(broken.lines)
        return config


def _configure(config: MkDocsConfig) -> MkDocsConfig:
    """Load the vocabulary and start a fresh build state."""
    global _build
    timing.reset()
    path = _base(config) / (config.extra.get("k3b") or {}).get("vocabulary", "data/themen.yml")
    refused = escaping_links(_base(config))
    if is_below(path, refused):  # nothing is read through such a link, not even the vocabulary
        problems = ProblemList()
        report_links(refused, problems, lambda p: _shown(config, p))
        _fail(problems)
    try:
        vocabulary = load_vocabulary(path, _shown(config, path))
        today = build_date()
    except VocabularyError as error:
        _fail(ProblemList(error.problems))
    except BuildDateError as error:
        raise PluginError(str(error)) from None
    problems = ProblemList()
    shown = _shown(config, config.config_file_path or "mkdocs.yml")
    try:
        Settings.from_config(_base(config), config)
    except ConfigError as error:
        problems.add(shown, error.line_in(_config_text(config)), error.message)
    asked = os.environ.get("K3B_PREVIEW", "")
    if asked.strip().lower() not in PREVIEW_VALUES:  # "false" or "no" must not show drafts
        problems.add("K3B_PREVIEW", 1, f"„{asked}“ ist kein erlaubter Wert – K3B_PREVIEW=1 (oder ja) "
                     "baut die Vorschau mit Entwürfen, K3B_PREVIEW=0 (oder nein, oder weglassen) die "
                     "öffentliche Seite")
    if not (config.site_url or "").startswith(("http://", "https://")):
        problems.add(shown, 1, "„site_url“ fehlt: Feeds und kanonische Links brauchen die öffentliche "
                     "Adresse (z. B. site_url: https://wissen.k3b.example/)")
    if problems:
        _fail(problems)
    _build = _Build(vocabulary, today, refused)
    _deferred.clear()
    _bibliographies.clear()
    return config


def _publications(config: MkDocsConfig, vocabulary: Vocabulary) -> tuple[Bibliography, ProblemList]:
    """Parse all publications/*.bib, or reuse the last result if nothing changed."""
    global _bib_cache
    settings = Settings.from_config(_base(config), config)
    sources = publication_sources(settings, _build.refused if _build else ())
    key = (tuple((str(s.path), s.path.stat().st_mtime_ns, s.path.stat().st_size) for s in sources),
           settings.vocabulary.stat().st_mtime_ns, settings.private_fields)
    if _bib_cache is None or _bib_cache[0] != key:
        with timing.phase("bibtex"):
            bibliography, errors, notes = load_bibliography(sources, vocabulary, settings.private_fields)
        _bib_cache = (key, bibliography, errors, notes.lines(per_file=PER_FILE))
    for line in _bib_cache[3]:
        log.info(line)
    return _bib_cache[1], _bib_cache[2]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Collect and check everything, fail once with all problems, then add generated files.

    In the preview a build with problems renders no page: ``on_post_build`` puts the last good
    site back (``k3b.preview``)."""
    global _files
    _files = files
    if _serving:
        files.append(File.generated(config, preview.SCRIPT_SRC, content=preview.SCRIPT))
    if _broken is None:
        try:
            return _collect(files, config)
        except _Broken as broken:
            _broken_preview(broken.lines)
    for page in files.documentation_pages():
        files.remove(page)
    config.nav = []
    return files


def _collect(files: Files, config: MkDocsConfig) -> Files:
    assert _build is not None
    bibliography, bib_errors = _publications(config, _build.vocabulary)
    problems = ProblemList()
    problems.extend(bib_errors)
    report_links(_build.refused, problems, lambda p: _shown(config, p))
    for file in [f for f in files if f.abs_src_path and is_below(f.abs_src_path, _build.refused)]:
        files.remove(file)  # MkDocs would copy or render what the link points to
    pages = [
        SourcePage(f.src_uri, f.url, _shown(config, os.path.join(config.docs_dir, f.src_path)),
                   lambda f=f: f.content_string)
        for f in files.documentation_pages()
    ]
    static = [f.src_uri for f in files if not f.is_documentation_page()]
    settings = Settings.from_config(_base(config), config)
    result = assemble(pages, static, _build.vocabulary, bibliography, problems, site_url=config.site_url,
                      site_name=config.site_name, today=_build.today, docs_dir=settings.docs_dir,
                      preview=_preview, max_image_mb=settings.max_image_mb, info=log.info,
                      navigation=_navigation(config), memo=_read_memo if _incremental else None)
    if problems:
        _fail(problems)
    site = _build.site = result.site
    if not site.preview:  # drafts and scheduled pages: no page, no nav entry, no sitemap or search entry
        for src in site.withheld:
            files.remove(files.get_file_from_path(src))
        config.nav = without_pages(config.nav, site.withheld)
    _add_image_sizes(files, config, result.images, problems)
    _build.plan = result.plan
    for src, page in _build.plan.pages.items():
        if files.get_file_from_path(src) is None:
            files.append(File.generated(config, src, content=front_matter(page)))
    for planned in _build.plan.files:
        files.append(File.generated(config, planned.src, content=planned.content))
    files.append(File.generated(config, MATERIAL_SEARCH_SETTINGS, content=MATERIAL_SEARCH_STUB))
    if _incremental:
        _choose_pages(files, config, site)
    return files


def _choose_pages(files: Files, config: MkDocsConfig, site: Site) -> None:
    """Render only the pages an edit changed, and write only the generated files whose content
    changed (k3b.rebuild); MkDocs' ``--dirty`` asks ``is_modified`` of every page and file."""
    pages = files.documentation_pages()
    made = [f for f in files if not f.is_documentation_page() and f.generated_by and f.abs_src_path is None]
    own = {f.src_uri: rebuild.digest(f.content_string) for f in pages}
    own.update({f"datei:{f.src_uri}": rebuild.digest(f.content_bytes) for f in made})
    theme = config.theme.custom_dir
    templates = sorted((str(p), p.stat().st_mtime_ns) for p in Path(theme).rglob("*") if p.is_file()) \
        if theme else []
    settings = (_config_text(config), config.site_url, sorted(k for k in os.environ.items()
                if k[0].startswith("K3B_")), templates, _bib_cache[0] if _bib_cache else None,
                sorted((f.src_uri, f.dest_uri, f.url) for f in files))
    chosen = _memory.choose(rebuild.site_key(site, settings), own)
    for file in pages:
        file.is_modified = _ALWAYS if file.src_uri in chosen else _NEVER  # type: ignore[method-assign]
    for file in made:
        file.is_modified = _ALWAYS if f"datei:{file.src_uri}" in chosen else _NEVER  # type: ignore[method-assign]
    log.debug(f"Vorschau: {len(chosen)} von {len(own)} Seiten und Dateien neu")


def _ALWAYS() -> bool:  # noqa: N802 - a constant answer
    return True


def _NEVER() -> bool:  # noqa: N802
    return False


def _config_text(config: MkDocsConfig) -> str:
    """mkdocs.yml as text, for the lines of its problems."""
    path = config.config_file_path
    return Path(path).read_text(encoding="utf-8") if path and os.path.isfile(path) else ""


def _navigation(config: MkDocsConfig) -> Navigation:
    shown = _shown(config, config.config_file_path or "mkdocs.yml")
    return Navigation(config.nav, shown, _config_text(config))


def _add_image_sizes(files: Files, config: MkDocsConfig, images: ImagePlan, problems: ProblemList) -> None:
    """Publish the sizes of every image (from the cache) instead of the originals."""
    with timing.phase("images"):
        made, failed = make_all(images.published.values(), Path(config.docs_dir), cache_dir(_base(config)))
    for src in failed:
        problems.add(_shown(config, os.path.join(config.docs_dir, src)), 1, "Bild ließ sich nicht "
                     "verkleinern (Datei beschädigt oder unvollständig) – bitte neu speichern oder "
                     "exportieren")
    if problems:
        _fail(problems)
    theme_files = {config.theme.get("logo"), config.theme.get("favicon")}  # Material shows them
    for src in images.replaced | (images.unused - theme_files):
        files.remove(files.get_file_from_path(src))
    # Originals still published (linked, in raw HTML, logos) go out without their camera data.
    originals = [f.src_uri for f in files if not f.is_documentation_page() and f.generated_by is None]
    stripped, unstripped = stripped_copies(originals, Path(config.docs_dir), cache_dir(_base(config)))
    for src in unstripped:
        problems.add(_shown(config, os.path.join(config.docs_dir, src)), 1, "Bild enthält Metadaten (z. B. "
                     "GPS-Standort), die sich nicht entfernen ließen – bitte ohne Metadaten neu exportieren")
    if problems:
        _fail(problems)
    for src, path in stripped.items():
        files.remove(files.get_file_from_path(src))
        made[src] = path
    for src, path in made.items():
        files.append(File.generated(config, src, abs_src_path=str(path)))


# Seconds one page may take from its Markdown to its HTML. k3b.limits keeps the known parser
# bombs out; this is the stop for any other input that makes Python-Markdown run away. Only
# where signals can be had (the main thread: make build; the preview builds in another one).
PAGE_SECONDS = "30"  # K3B_PAGE_SECONDS overrides it (the test sets a tiny limit)


def _start_timer(shown: str) -> None:
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        return
    limit = float(os.environ.get("K3B_PAGE_SECONDS", PAGE_SECONDS))

    def too_slow(signum: int, frame: object) -> None:
        seconds = f"{limit:g}".replace(".", ",")
        raise PluginError(f"{shown}:1: die Seite war nach {seconds} s noch nicht in HTML umgewandelt – "
                          "bitte sehr lange Listen, Tabellen oder verschachtelte Klammern vereinfachen "
                          "(oder die Seite teilen)")

    signal.signal(signal.SIGALRM, too_slow)
    signal.setitimer(signal.ITIMER_REAL, limit)


def _stop_timer() -> None:
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        signal.setitimer(signal.ITIMER_REAL, 0)


def on_build_error(error: Exception) -> None:
    _stop_timer()


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill in topics, byline, listings, citations, generated parts and related content."""
    assert _build is not None and _build.site is not None and _build.plan is not None
    src = page.file.src_uri
    composed = compose(_build.site, _build.plan, src, markdown, page.url, config.site_url,
                       _deferrer(src),
                       searchable=not (page.meta.get("search") or {}).get("exclude"))
    page.meta["k3b_head"] = composed.head
    planned = _build.plan.pages.get(src)
    # On a publication's page the template adds no site-wide description or author (Zotero).
    page.meta["k3b_publication"] = bool(planned is not None and planned.publication)
    if composed.search:
        page.meta["k3b_search"] = composed.search
    # The results page has its own search field in place of the one in the header.
    page.meta["k3b_own_search"] = src == SEARCH_PAGE
    _set_meta(page, composed.title, composed.description, composed.topics)
    if composed.bibliography:
        _bibliographies[src] = composed.bibliography  # its heading comes in on_page_content
    if ONLY_TOKENS.fullmatch(composed.markdown) and os.environ.get("K3B_SKIP_MARKDOWN", "1") != "0":
        _without_markdown(page, composed.markdown)
    else:
        _start_timer(_shown(config, page.file.abs_src_path or src))  # stopped in on_page_content
    return composed.markdown


def _without_markdown(page: Page, markdown: str) -> None:
    """Give ``page`` what ``Page.render`` would make of ``markdown`` (placeholders only).

    Markdown writes one paragraph per placeholder, no table of contents, no title and no
    anchors; setting up Markdown for that cost more than the rest of a publication's page.
    ``tests/test_shortcuts.py`` builds sites with and without this and compares every file.
    """
    content = "\n".join(f"<p>{token}</p>" for token in markdown.split())

    def render(config: MkDocsConfig, files: Files) -> None:
        page.content = content
        page.toc = get_toc([])
        page.present_anchor_ids = set()
        page.links_to_anchors = {}

    page.render = render  # type: ignore[method-assign]  # only this page, only this build


def _deferrer(src: str) -> Callable[[str], str]:
    """wrap(html) → a plain-text placeholder for Markdown; the HTML goes in after Markdown ran.

    Finished HTML does not need Markdown, and Markdown's raw-HTML handling costs more than
    the rest of a citation or a listing. ``on_page_content`` puts the HTML back.
    """
    store = _deferred.setdefault(src, {})

    def wrap(html: str) -> str:
        token = f"K3BDEFERRED{len(store)}X"
        store[token] = html
        return token

    return wrap


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Remove what the allow-list forbids from Markdown's HTML (``k3b.rawhtml``), then put
    the deferred HTML, our own, in place of its placeholders."""
    _stop_timer()
    html = sanitize(html)
    store = _deferred.pop(page.file.src_uri, None)
    if not store:
        return html
    bibliography = _bibliographies.pop(page.file.src_uri, None)
    if bibliography in store:
        store[bibliography] = _bibliography_heading(page, config, html) + store[bibliography]

    return TOKEN.sub(lambda match: store[match.group(1) or match.group(2)], html)


def _bibliography_heading(page: Page, config: MkDocsConfig, html: str) -> str:
    """The "Literatur" heading, as Markdown's toc extension would write it, and its entry in
    the page's table of contents.

    It is not written as a Markdown heading: Markdown's heading, attribute and toc handling
    cost more than the rest of a page's citations, and the heading is left out of the search
    index (no empty "Literatur" hit on every citing text).
    """
    anchor, number = BIBLIOGRAPHY_ID, 1
    while f'id="{anchor}"' in html:  # an id the page already uses, heading or not
        anchor, number = f"{BIBLIOGRAPHY_ID}_{number}", number + 1
    entry = AnchorLink(BIBLIOGRAPHY_TITLE, anchor, 2)
    items = page.toc.items if page.toc is not None else None
    if items is not None:
        # Under the page's h1 if the table of contents has one, like Markdown would nest it.
        parent = items[-1].children if items and items[-1].level < 2 else items
        parent.append(entry)
    toc = config.mdx_configs.get("toc", {})
    permalink = toc.get("permalink")
    link = ""
    if permalink:
        symbol = "&para;" if permalink is True else escape(str(permalink))
        title = escape(str(toc.get("permalink_title", "Permanent link")), quote=True)
        link = f'<a class="headerlink" href="#{anchor}" title="{title}">{symbol}</a>'
    return f'<h2 id="{anchor}" data-pagefind-ignore>{BIBLIOGRAPHY_TITLE}{link}</h2>'


def _set_meta(page: Page, title: str, summary: str, topics: tuple[str, ...]) -> None:
    """Title, description and topic links; Material prints title and description unescaped."""
    assert _build is not None
    vocabulary = _build.vocabulary
    chosen = [t for t in map(vocabulary.by_slug, topics) if t is not None]
    page.meta["tags"] = [t.label for t in chosen]
    page.meta["k3b_topic_links"] = [(t.label, topic_url(t)) for t in chosen]
    if title:
        page.meta["title"] = escape(title)
    if summary:
        page.meta["description"] = escape(summary)


def on_post_build(config: MkDocsConfig) -> None:
    """Index the built site for the search, after every build (also in ``mkdocs serve``).

    The preview keeps the site of its last build without problems, and after a build with
    problems puts it back, with the problems in k3b-vorschau.json. Rendering only what
    changed (``--dirty``), a build with problems writes no page, so the folder still holds the
    last good site but for the engine's own templates (404.html, sitemap.xml), which are kept
    and put back; a good build removes what it no longer produces, tells open pages to reload,
    and then makes the search index (``_background``; the next edit stops it)."""
    global _background, _had_good_build
    site, kept = Path(config.site_dir), cache_dir(_base(config)) / "vorschau-letzter-stand"
    if _serving and _broken is not None:
        if (_incremental and not _had_good_build) or not preview.restore(kept, site):
            # no good build yet: every address lists the problems
            page = preview.first_build_page(_broken, config.extra.get("k3b_csp_meta", ""))
            for name in ("index.html", "404.html"):
                (site / name).write_text(page, encoding="utf-8")
        _write_state(site, _broken)
        return
    if _incremental:
        _memory.finished()
        _had_good_build = True
        preview.remove_stale(site, _produced())
        preview.keep(site, kept, only=ENGINE_TEMPLATES)
        stand = str(time.time_ns())
        _write_state(site, [], stand, search=False)
        _background = threading.Thread(target=_index_in_background, args=(site, stand), daemon=True)
        _background.start()
        return
    _index(site)
    timing.write_if_requested()
    if _serving:
        _write_state(site, [])
        preview.keep(site, kept)


# What MkDocs writes in every build, also in one that renders no page.
ENGINE_TEMPLATES = ("404.html", "sitemap.xml", "sitemap.xml.gz")


def _index(site: Path, started: Callable[[subprocess.Popen], None] | None = None) -> None:
    try:
        with timing.phase("search-index"):
            result = build_index(site, started=started)
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
    timing.record("search-index-rss-mb", result.peak_rss_mb)
    log.debug(f"Suchindex: {result.pages} Seiten in {result.seconds:.1f} s".replace(".", ","))


def _index_in_background(site: Path, stand: str) -> None:
    global _indexer

    def started(process: subprocess.Popen) -> None:
        global _indexer
        _indexer = process
        if _stopping:
            process.terminate()

    try:
        _index(site, started)
    except PluginError as error:
        if not _stopping:
            _preview_log.error(str(error))
        return
    finally:
        _indexer = None
    _write_state(site, [], stand)


def _settle() -> None:
    """Before a build touches the site: stop the search index of the last one (``make serve``
    with ``--dirty``: the build after this one indexes again) and wait for it."""
    global _background, _stopping
    if _background is None:
        return
    _stopping = True
    if _indexer is not None:
        _indexer.terminate()
    _background.join()
    _background, _stopping = None, False


def on_shutdown() -> None:
    _settle()


def _produced() -> set[str]:
    """Every file this build wrote, relative to the site folder (MkDocs' own and ours)."""
    assert _files is not None
    return {f.dest_uri for f in _files} | BUILD_FILES | {preview.PROBLEMS_FILE}


def _write_state(site: Path, problems: list[str], stand: str | None = None, search: bool = True) -> None:
    """This build, for open preview pages: a new ``stand`` reloads them (k3b.preview)."""
    state = preview.state_json(stand or str(time.time_ns()), problems, search)
    preview.write_atomically(site / preview.PROBLEMS_FILE, state)
