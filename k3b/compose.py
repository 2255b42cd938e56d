"""What a page becomes: its Markdown with everything the build adds, and its head.

The engine adapter (``hooks/k3b_site.py`` for MkDocs and ProperDocs) hands each page's
Markdown here and gets back the finished Markdown, the tags for ``<head>``, the title,
description and topics, and what the search index should know. Nothing here depends on the
engine: finished HTML goes into the Markdown through ``wrap``. MkDocs' adapter turns it into
placeholders that skip Markdown; an adapter for another engine can leave the HTML as it is.
Parts that are not searchable content (citations, bibliography, „Zitiert in“, related
content) carry ``data-pagefind-ignore``; Pagefind reads the finished pages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from . import timing
from .bibliography.render import head_tags
from .cards import item_footer, item_header
from .citations import render_citations
from .crosslinks import related_html
from .pictures import og_image_tags, render_images
from .placeholders import expand_markers
from .plan import Plan
from .render import jsonld_script, relative_url
from .search.markup import search_markup, summary_markup
from .search.terms import extra_terms
from .site import Site

Wrap = Callable[[str], str]


@dataclass(frozen=True)
class Composed:
    markdown: str
    head: str  # tags for <head>: feed link, citation_*, JSON-LD, Open Graph image
    title: str
    description: str
    topics: tuple[str, ...]  # topic slugs, for the chips above the title
    search: str  # hidden search data (facets, extra terms); "" keeps the page out
    # The wrapped end block that starts with the page's bibliography ("" without one): the
    # adapter puts the „Literatur“ heading in front of it, with its table-of-contents entry.
    bibliography: str


def compose(site: Site, plan: Plan, src: str, markdown: str, page_url: str, site_url: str,
            wrap: Wrap, searchable: bool = True) -> Composed:
    """Everything the build adds to the page ``src`` at ``page_url`` (site-relative).

    ``site_url`` is absolute (canonical links, JSON-LD); ``searchable`` is False when the
    page's own front matter keeps it out of the search.
    """
    item = site.index.get(src)
    planned = plan.pages.get(src)
    topics = item.topics if item else ()
    head = [feed_link(site, page_url, src)]
    if planned is not None and planned.publication:
        pub = site.bibliography.entries[planned.publication]
        topics = pub.topics
        head.append(head_tags(pub, site_url + page_url))
    elif item is not None:
        head.append(jsonld_script(item.kind.jsonld(item, site, site_url + page_url)))
        head.append(og_image_tags(item.image, site_url))
    facets = planned.search if planned is not None else item.kind.search_facets(item) if item else None
    search = lead = ""
    if facets is not None and searchable:
        with timing.phase("search-terms"):
            heavy = extra_terms(facets.title, site.vocabulary)
            terms = extra_terms("\n".join((markdown, facets.text, facets.summary)), site.vocabulary)
        search = search_markup(facets, site.vocabulary, [t for t in terms if t not in heavy], heavy)
        # The page does not show its summary; the index has it under the title.
        lead = summary_markup(facets.summary)
    banner = site.banner(src)
    if banner:
        markdown = wrap(banner) + "\n\n" + markdown
    end = ""
    if item is not None:
        markdown, end, has_bibliography = _item_body(site, item, markdown, page_url, wrap, lead)
    if planned is not None:
        markdown += "\n\n" + wrap(planned.render(page_url)) + "\n"
        links = planned.late(page_url) if planned.late is not None else ""
        if links:
            markdown += "\n" + wrap(links) + "\n"
    return Composed(
        markdown=markdown,
        head="\n".join(h for h in head if h),
        title=item.title if item else planned.title if planned else "",
        description=item.summary if item else planned.description if planned else "",
        topics=topics,
        search=search,
        bibliography=end if item is not None and has_bibliography else "",
    )


def _item_body(site: Site, item, markdown: str, page_url: str, wrap: Wrap, lead: str = ""):
    """An item's byline and facts (then ``lead``, its summary for the search), filled
    placeholders, citations and images, and its end block (bibliography and related
    content). Returns (markdown, end block, has bibliography)."""
    src = item.src_path
    markdown = expand_markers(markdown, site, page_url, wrap)
    bibliography = ""
    if site.citations.get(src):  # found while collecting; most pages cite nothing
        markdown, bibliography = render_citations(
            markdown, site.bibliography.get, lambda p: site.labels[p.key],
            site.publications_folder(page_url), wrap=wrap,
            citations=site.citations_in(src, markdown), memo=site.cited_works)
    markdown = render_images(markdown, src, page_url, site.images, wrap)
    header = item_header(item, site, page_url) + lead
    # Bibliography, the type's footer (a project's funders, the notice of an item's project)
    # and related content: one block at the end, one paragraph for Markdown.
    end = bibliography + item_footer(item, site, page_url) + related_html(site, src, page_url)
    if end:
        end = wrap(end)
    markdown = "\n\n".join(p for p in (header and wrap(header), markdown, end) if p)
    return markdown, end, bool(bibliography)


def feed_link(site: Site, page_url: str, src: str) -> str:
    """The feed a page announces in <head>: on a topic's pages its feed, else the site's."""
    parts = src.split("/")
    topic = site.vocabulary.by_slug(parts[1].removesuffix(".md")) if parts[0] == "themen" \
        and len(parts) >= 2 else None
    title, target = ("Neues im K3B Wissensportal", "feed.xml") if topic is None else (
        f"Neues zum Thema {topic.label}", f"themen/{topic.slug}/feed.xml")
    # "alternate feed", not just "alternate": Material fetches <href>/../sitemap.xml for every
    # link[rel=alternate] (meant for language versions), which 404s below /themen/<slug>/.
    return (f'<link rel="alternate feed" type="application/atom+xml" title="{escape(title, quote=True)}" '
            f'href="{escape(relative_url(page_url, target), quote=True)}">')
