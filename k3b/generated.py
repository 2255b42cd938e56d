"""Every page and file the build generates, planned once from the collected ``Site``.

Publication pages, the paged listings of every content type and publication, topic hubs
with their listings, and feeds; then whatever each content type adds (``ContentType.plan``).
If staff wrote a page at the same path (a hub intro ``docs/themen/<slug>.md``,
``docs/publikationen/index.md``), theirs is kept and the rendered part is appended to it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from . import search_page, timing
from .bibliography.listing import BIBTEX_FILE, DATA_FILE, bibtex_json, data_json, filter_form, grouped_html
from .bibliography.model import Publication
from .bibliography.parse import Bibliography
from .bibliography.render import page_html
from .cards import item_card, listing_html
from .content import CONTENT_TYPES, FILTER_DATA, ContentType, Listing
from .content.project import project_notice
from .crosslinks import cited_in_html, related_html
from .feeds import site_feed, topic_feed
from .hubs import hub_sections, topic_counts, topic_listing_url
from .listings import ARTICLES_PER_PAGE, PUBLICATIONS_PER_PAGE, Paging, pager_html
from .plan import Plan, PlannedFile, PlannedPage, front_matter
from .render import german_month
from .search.facets import SearchFacets
from .site import PUBLICATIONS, Site, publication_date
from .topics import Topic, Vocabulary

__all__ = ["Plan", "PlannedFile", "PlannedPage", "Planner", "front_matter", "plan"]


def plan(site: Site, site_url: str, site_name: str) -> Plan:
    result = Plan()
    with timing.phase("listings"):
        _publications(site, result)
        _section_listings(site, result)
    with timing.phase("hubs"):
        counts = topic_counts(site)
        for topic in site.vocabulary.topics:
            _hub(site, topic, counts, result)
    with timing.phase("feeds"):
        result.files.append(PlannedFile("feed.xml", site_feed(site, site_url, site_name)))
        for topic in site.vocabulary.topics:
            result.files.append(PlannedFile(f"themen/{topic.slug}/feed.xml",
                                            topic_feed(site, topic, site_url, site_name)))
    _add(result, PlannedPage(search_page.SRC, search_page.TITLE, search_page.DESCRIPTION,
                             lambda page_url: search_page.search_page_html(site, page_url)))
    with timing.phase("types"):
        planner = Planner(site, result, site_url if site_url.endswith("/") else site_url + "/", site_name)
        for kind in CONTENT_TYPES:
            kind.plan(site, planner)
    return result


@dataclass(frozen=True)
class Planner:
    """What a content type's ``plan`` may add: pages and files (its paged listings come from
    ``ContentType.listings``)."""

    site: Site
    result: Plan
    site_url: str  # absolute, ends with "/"
    site_name: str

    def page(self, page: PlannedPage) -> None:
        _add(self.result, page)

    def file(self, src: str, content: bytes) -> None:
        self.result.files.append(PlannedFile(src, content))


def _add(result: Plan, page: PlannedPage) -> None:
    result.add(page)


def _publications(site: Site, result: Plan) -> None:
    vocabulary = site.vocabulary
    for pub in site.bibliography.entries.values():
        def render(page_url: str, pub=pub) -> str:
            return page_html(pub, vocabulary, page_url) + project_notice(site, pub.field("project"), page_url)

        def links(page_url: str, pub=pub) -> str:
            parts = [cited_in_html(site, pub.key, page_url), related_html(site, "pub:" + pub.key, page_url)]
            return "\n\n".join(p for p in parts if p)
        date = publication_date(pub)
        facets = SearchFacets("Publikation", pub.title, date, pub.topics, year=pub.year,
                              date_label=german_month(date) if pub.month and date else pub.year,
                              text="\n".join((pub.title, pub.abstract, " ".join(pub.keywords))))
        _add(result, PlannedPage(f"{PUBLICATIONS}/{pub.slug}.md", pub.title,
                                 pub.description, render, search=facets,
                                 publication=pub.key, late=links))
        result.files.append(PlannedFile(f"{PUBLICATIONS}/{pub.slug}/{pub.slug}.bib", pub.bibtex.encode()))
    pubs = site.publications()
    _paged_publications(site, result, pubs, f"{PUBLICATIONS}/", "Publikationen",
                        "Publikationen des K3B und zitierte Literatur, nach Jahr.", with_filter=True)
    result.files.extend(_publication_files(site, pubs))


# The last bibliography's data files: the preview (`make serve`) plans again after every edit,
# with the same bibliography object unless a .bib file changed.
_publication_memo: tuple[Bibliography, Vocabulary, list[PlannedFile]] | None = None


def _publication_files(site: Site, pubs: list[Publication]) -> list[PlannedFile]:
    global _publication_memo
    memo = _publication_memo
    if memo is not None and memo[0] is site.bibliography and memo[1] == site.vocabulary:
        return memo[2]
    files = [PlannedFile(f"{PUBLICATIONS}/{DATA_FILE}",
                         data_json(pubs, site.vocabulary, site.publication_url, f"{PUBLICATIONS}/").encode()),
             PlannedFile(f"{PUBLICATIONS}/{BIBTEX_FILE}", bibtex_json(pubs).encode())]
    _publication_memo = (site.bibliography, site.vocabulary, files)
    return files


def _paged(result: Plan, paging: Paging, title: str, description: str,
           render_page: Callable[[int, str], str], first: int = 1,
           search_first: SearchFacets | None = None) -> None:
    """Plan pages ``first``…n of a listing; ``render_page(number, page_url)`` fills one.
    Listings are not in the search index (the items they list are), except page 1 of one
    with ``search_first``, found by its title and introduction."""
    for number in range(first, paging.count + 1):
        _add(result, PlannedPage(
            paging.src(number), title if number == 1 else f"{title} – Seite {number}", description,
            lambda page_url, number=number: render_page(number, page_url),
            search=search_first if number == 1 else None))


def _paged_publications(site: Site, result: Plan, pubs, base: str, title: str, description: str,
                        with_filter: bool = False) -> None:
    paging = Paging(base, len(pubs), PUBLICATIONS_PER_PAGE)

    def render_page(number: int, page_url: str) -> str:
        body = grouped_html(paging.items(pubs, number), site.vocabulary, page_url, site.publication_url)
        pager = pager_html(paging, number, page_url)
        form = filter_form(pubs, site.vocabulary, page_url, base) if with_filter and number == 1 else ""
        return f'{form}\n\n<div class="k3b-pub-listing" id="k3b-results">{body}\n{pager}</div>'

    _paged(result, paging, title, description, render_page)


def _paged_items(site: Site, result: Plan, kind: ContentType, items, base: str, title: str,
                 description: str, first_page: bool, listing: Listing | None = None) -> None:
    paging = Paging(base, len(items), ARTICLES_PER_PAGE)
    intro = listing.intro if listing else None

    found = listing is not None and listing.search

    def render_page(number: int, page_url: str) -> str:
        body = listing_html(kind, list(paging.items(items, number)), site, page_url,
                            listing.group if listing else None)
        head = intro(page_url) + "\n\n" if intro and number == 1 else ""
        tail = body + "\n\n" + pager_html(paging, number, page_url)
        if found and number == 1:  # the search reads the introduction, not the list
            tail = f'<div class="k3b-listing-items" data-pagefind-ignore>\n{tail}\n</div>'
        return head + tail

    _paged(result, paging, title, description, render_page, first=1 if first_page else 2,
           search_first=SearchFacets("Übersicht", title) if found else None)


def _section_listings(site: Site, result: Plan) -> None:
    """Pages 2…n of each type's listing, /artikel/ … (page 1 is the staff-written index),
    and the type's own listings (case studies per Land)."""
    for kind in CONTENT_TYPES:
        _paged_items(site, result, kind, site.index.of_kind(kind), f"{kind.name}/", kind.plural,
                     f"Alle {kind.plural}.", first_page=False)
        _filter_data(site, result, kind)
        for listing in kind.listings(site):
            _paged_items(site, result, kind, listing.items, listing.base, listing.title,
                         listing.description, first_page=True, listing=listing)


def _filter_data(site: Site, result: Plan, kind: ContentType) -> None:
    """``<folder>/daten.json`` for a type with a filter: its facets, group and card per item."""
    today, records = site.index.today, []
    for item in site.index.of_kind(kind):
        record = kind.filter_record(item, today)
        if record is None:
            return
        records.append({**record, "g": kind.group(item, today),
                        "h": item_card(item, site.vocabulary, f"{kind.name}/", 3)})
    if records:
        payload = json.dumps(records, ensure_ascii=False, separators=(",", ":"))
        result.files.append(PlannedFile(f"{kind.name}/{FILTER_DATA}", payload.encode()))


def _hub(site: Site, topic: Topic, counts, result: Plan) -> None:
    def render(page_url: str) -> str:
        return hub_sections(site, topic, counts[topic.slug], page_url)
    # A hub is found under its topic (its introduction; the lists on it are left out).
    _add(result, PlannedPage(f"themen/{topic.slug}.md", topic.label, topic.description, render,
                             search=SearchFacets("Thema", topic.label, topics=(topic.slug,),
                                                 text=topic.description)))
    for kind in CONTENT_TYPES:
        if kind.on_hubs:
            _paged_items(site, result, kind, site.index.of_kind(kind, topic.slug),
                         topic_listing_url(topic, kind.name), f"{kind.plural} zum Thema {topic.label}",
                         f"Alle {kind.plural} zum Thema {topic.label}.", first_page=True)
    _paged_publications(site, result, site.publications(topic.slug),
                        topic_listing_url(topic, "publikationen"), f"Publikationen zum Thema {topic.label}",
                        f"Alle Publikationen zum Thema {topic.label}.")

