"""Every link of every page checked against the site, before anything is rendered.

A link goes to a page (a Markdown file in ``docs/`` or a generated page: hubs, listings,
publications), to a file (``docs/downloads/x.pdf``, a feed, a ``.bib``) or outside the
site (``https:``, ``mailto:``; not checked). Targets are resolved as MkDocs and the browser
resolve them: a path with a file extension (``../fallbeispiele/fall.md``,
``bilder/x.jpg``) relative to the Markdown file, a path without (``../fall/``) relative to
the page's URL, a path starting with ``/`` from the site's root. A missing page, anchor or
file, or a page the published build leaves out (a draft, a scheduled page), is a German
problem with the line and, where one is close, a suggestion („meinten Sie …?“).
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from .frontmatter import body_of
from .links import Link, anchors
from .plan import Plan
from .problems import ProblemList
from .publishing import DRAFT, SCHEDULED
from .render import page_url, relative_url
from .site import Site

EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Ids that every page has, or that the build adds to it (the skip link's target).
PAGE_IDS = frozenset({"hauptinhalt"})
# Files MkDocs and our hooks write besides the pages.
BUILD_FILES = frozenset({"sitemap.xml", "sitemap.xml.gz", "404.html", "robots.txt", "_headers",
                         "search/search_index.json"})


@dataclass(frozen=True)
class Target:
    """What a link points at once resolved: a page (by its source) or a file, and an anchor."""

    page: str = ""  # source path of the page below docs/ ("artikel/x.md"); "" for a file
    file: str = ""  # path of the file below the site ("bilder/x.jpg")
    anchor: str = ""
    wanted: str = ""  # what was looked for when nothing was found ("artikel/x.md" or a URL)
    url_style: bool = False  # written as a URL ("../x/"), not as a file ("x.md")


@dataclass
class SiteMap:
    """Every page and file one build will have, to resolve links against."""

    pages: dict[str, str]  # page source → URL
    files: set[str]  # files below the site
    by_url: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_url = {url: src for src, url in self.pages.items()}

    def resolve(self, page: str, url: str, target: str) -> Target | None:
        """Where ``target``, written in the page with source ``page`` and URL ``url``, leads;
        None for a link outside the site."""
        if EXTERNAL.match(target):
            return None
        path, _, anchor = target.partition("#")
        path = unquote(path.split("?", 1)[0])
        if not path:
            return Target(page=page, anchor=anchor)
        has_extension = "." in path.rstrip("/").rsplit("/", 1)[-1] and not path.endswith("/")
        if has_extension:  # a file, from the Markdown file's folder (or docs/ for "/…")
            base = "" if path.startswith("/") else posixpath.dirname(page)
            wanted = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
            if wanted.endswith(".md"):
                return Target(page=wanted if wanted in self.pages else "", anchor=anchor, wanted=wanted)
            return Target(file=wanted if wanted in self.files else "", anchor=anchor, wanted=wanted)
        base = "/" if path.startswith("/") else "/" + url
        wanted = posixpath.normpath(posixpath.join(base, path)).strip("/")
        wanted = wanted + "/" if wanted else ""
        return Target(page=self.by_url.get(wanted, ""), anchor=anchor, wanted=wanted, url_style=True)


def site_map(site: Site, plan: Plan, static_files: Iterable[str]) -> SiteMap:
    pages = {src: source.url for src, source in site.sources.items()}
    pages.update({src: page_url(src) for src in plan.pages})
    files = set(static_files) | {f.src for f in plan.files} | BUILD_FILES
    return SiteMap(pages, files)


def check_links(site: Site, plan: Plan, static_files: Iterable[str], problems: ProblemList,
                info: Callable[[str], None] = lambda line: None, site_url: str = "") -> SiteMap:
    """Report every broken link of every page; links of drafts become their notes.

    ``site_url`` is the public address: below a folder (``https://k3b.github.io/wissen/``) a
    link starting with "/" would leave the site, so it must be relative.
    """
    pages = site_map(site, plan, static_files)
    base = urlsplit(site_url).path.strip("/")
    ids: dict[str, set[str]] = {}
    for src, links in site.links.items():
        source = site.sources[src]
        own = ProblemList()
        for link in links:
            if link.is_image:
                continue  # k3b.imagecheck
            message = _problem(site, pages, ids, src, source.url, link) or _root_problem(base, source.url,
                                                                                           link, pages)
            if message:
                own.add(source.display, link.line, message)
        report_page_problems(site, src, own, problems, info)
    return pages


def report_page_problems(site: Site, src: str, own: ProblemList, problems: ProblemList, info) -> None:
    """A published page's problems are errors; a withheld page's are notes."""
    if not own:
        return
    held = site.withheld.get(src)
    if held is not None and held.status == DRAFT:
        site.notes.setdefault(src, []).extend(own.items)
        for line in own.lines():
            info(f"{line} (im Entwurf noch erlaubt, beim Veröffentlichen ein Fehler)")
    else:
        problems.extend(own)


def _problem(site: Site, pages: SiteMap, ids: dict[str, set[str]], src: str, url: str, link: Link) -> str:
    scheme = SCHEME.match(re.sub(r"[\x00-\x20]", "", link.target))
    if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
        # The sanitiser (k3b/rawhtml.py) removes such a link from the page in any case.
        return (f"Link „{link.target}“: Adressen mit „{scheme.group(1).lower()}:“ sind nicht erlaubt – nur "
                "http(s), mailto, tel oder Seiten dieser Website")
    target = pages.resolve(src, url, link.target)
    if target is None:
        return ""
    if not target.page and not target.file:
        return f"Link „{link.target}“ führt ins Leere: {_missing(target)}{_suggest(pages, src, url, target)}"
    if target.page:
        held = site.withheld.get(target.page)
        if held is not None and not site.preview and _published_before(site, src, held):
            return (f"Link „{link.target}“ führt auf {held.reason()} – im veröffentlichten Build fehlt "
                    "diese Seite; Link entfernen oder die Seite zuerst veröffentlichen")
        if target.anchor and target.page in site.sources:
            known = ids.get(target.page)
            if known is None:
                known = ids[target.page] = _page_ids(site, target.page)
            if target.anchor not in known:
                where = "auf dieser Seite" if target.page == src else f"auf der Seite „{target.page}“"
                close = difflib.get_close_matches(target.anchor, sorted(known), n=1, cutoff=0.6)
                prefix = link.target.partition("#")[0]
                hint = f" – meinten Sie „{prefix}#{close[0]}“?" if close else ""
                return f"Link „{link.target}“: einen Abschnitt „#{target.anchor}“ gibt es {where} nicht{hint}"
    return ""


def _root_problem(base: str, url: str, link: Link, pages: SiteMap) -> str:
    """A link from the root ("/themen/…/") when the site lies in a folder of its host."""
    if not base or not link.target.startswith("/") or link.target.startswith("//"):
        return ""
    target = pages.resolve("", "", link.target)
    if target is None or not target.url_style:
        return ""  # "/artikel/x.md" is resolved from docs/ and made relative by the engine
    relative = relative_url(url, target.wanted) + ("#" + target.anchor if target.anchor else "")
    return (f"Link „{link.target}“ beginnt mit „/“ und führt an der öffentlichen Adresse (…/{base}/) "
            f"aus der Seite hinaus – bitte relativ schreiben: „{relative}“")


def _published_before(site: Site, src: str, held) -> bool:
    """Is the page ``src`` published while the page it links to (``held``) is not yet?"""
    mine = site.withheld.get(src)
    if mine is None:
        return True
    if mine.status != SCHEDULED:
        return False
    return held.status == DRAFT or (held.release or mine.release) > mine.release


def _page_ids(site: Site, src: str) -> set[str]:
    try:
        found = anchors(body_of(site.sources[src].read()))
    except (OSError, ValueError):
        return set(PAGE_IDS)
    found |= PAGE_IDS
    if site.citations.get(src):
        found.add("literatur")
    if site.related.get(src):
        found.add("verwandte-inhalte")
    return found


def _missing(target: Target) -> str:
    if target.url_style:
        return f"keine Seite unter „/{target.wanted}“"
    if target.wanted.endswith(".md"):
        return f"keine Seite „docs/{target.wanted}“"
    return f"keine Datei „docs/{target.wanted}“"


def _suggest(pages: SiteMap, src: str, url: str, target: Target) -> str:
    """„ – meinten Sie „…“?“ with the closest existing target, written as the link was."""
    if target.url_style:
        close = difflib.get_close_matches(target.wanted, list(pages.by_url), n=1, cutoff=0.6)
        return f" – meinten Sie „{relative_url(url, close[0])}“?" if close else ""
    candidates = list(pages.pages) if target.wanted.endswith(".md") else sorted(pages.files)
    close = closest_path(target.wanted, candidates, src)
    return f" – meinten Sie „{close}“?" if close else ""


def closest_path(wanted: str, candidates: Iterable[str], page: str) -> str:
    """The candidate closest to ``wanted`` (paths below docs/), relative to the page ``page``;
    "" if none is close. Compared by file name: a shared folder alone makes no suggestion."""
    def stem(path: str) -> str:
        return posixpath.splitext(posixpath.basename(path))[0]

    by_name: dict[str, list[str]] = {}
    for candidate in candidates:
        by_name.setdefault(stem(candidate), []).append(candidate)
    close = difflib.get_close_matches(stem(wanted), list(by_name), n=1, cutoff=0.6)
    if not close:
        return ""
    best = difflib.get_close_matches(wanted, by_name[close[0]], n=1, cutoff=0) or by_name[close[0]]
    return posixpath.relpath(best[0], posixpath.dirname(page) or ".")
