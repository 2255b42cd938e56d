"""What every content type is made of: the type's description and the validated item.

A content type is one module in this package: a subclass of ``ContentType`` and its one
instance. It says where its files lie (the folder below ``docs/``, which is also the first
part of its URLs), which front matter fields it has, how its cards and facts look, how its
items are ordered, and where it appears (hubs, feeds, related content, search).
Listings, hubs, feeds and the generated pages iterate over ``k3b.content.CONTENT_TYPES``
and never name a type, so adding one touches neither them nor the MkDocs hook.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from ..detection import Detection
from ..fields import COMMON_FIELDS, Context, FieldSpec
from ..frontmatter import FrontMatter
from ..images import Teaser
from ..render import german_date
from ..search.facets import SearchFacets

if TYPE_CHECKING:
    from ..generated import Planner
    from ..problems import ProblemList
    from ..site import Site


@dataclass(frozen=True, slots=True)
class ContentItem:
    """A validated page of any content type."""

    kind: ContentType
    src_path: str
    url: str
    title: str
    date: dt.date | None = None
    authors: tuple[str, ...] = ()
    summary: str = ""
    topics: tuple[str, ...] = ()
    detections: tuple[Detection, ...] = ()
    details: Any = None  # the type's own facts (a frozen dataclass), or None
    status: str = ""  # k3b.publishing: "" (published), DRAFT or SCHEDULED on the build date
    release: dt.date | None = None  # the day it is published from (ContentType.published_on)
    image: Teaser | None = None  # the teaser on cards and in shared links
    project: str = ""  # slug of the project it belongs to (``project:``), or ""
    # Lines of its front-matter keys, flat (key, line, key, line …), for checks after
    # collecting; one tuple of atoms per item keeps the garbage collector out of it.
    lines: tuple[str | int, ...] = ()

    @property
    def topics_detected(self) -> bool:
        return bool(self.detections)

    def line_of(self, key: str) -> int:
        """The line of ``key`` in the item's file (1 if it has none)."""
        for at in range(0, len(self.lines), 2):
            if self.lines[at] == key:
                return int(self.lines[at + 1])
        return 1


@dataclass(frozen=True)
class Unfinished:
    """A page whose front matter has problems: not an item, but what could be read of it, for
    the checks against the rest of the site (``ContentType.check_unfinished``)."""

    kind: ContentType
    values: Mapping[str, Any]  # the fields that could be read, cleaned
    lines: Mapping[str, int]  # the front matter's key lines (``funders.0.logo`` too)
    display: str  # the path staff see

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)


FILTER_DATA = "daten.json"  # beside a type's listing: what its filter needs (``filter_record``)


@dataclass(frozen=True)
class Listing:
    """A paged listing of a type's own (the case studies of one Land), planned like the full one."""

    base: str  # URL of page 1: "fallbeispiele/brandenburg/"
    title: str
    description: str
    items: Sequence[ContentItem]  # in the order shown
    intro: Callable[[str], str] | None = None  # page_url → HTML above the first page
    group: Callable[[ContentItem], str] | None = None  # headings; None: the type's ``group``
    # Page 1 is found by the search as an „Übersicht“, by its title and introduction (the
    # items it lists are found themselves).
    search: bool = True


# Who publishes the site and organises its events, in schema.org descriptions.
PUBLISHER_NAME = "Kompetenzzentrum Kommunale Konfliktberatung (K3B)"
# Authors that are groups, not people ("K3B-Redaktion", "Team Beteiligung").
_GROUP_WORDS = ("redaktion", "team", "k3b", "e. v.", "e.v.", "verein", "netzwerk", "institut", "zentrum",
                "amt", "stiftung", "gmbh")


def site_root(item: ContentItem, url: str) -> str:
    """The site's absolute root URL, from an item's absolute page URL."""
    return url[: len(url) - len(item.url)] if item.url and url.endswith(item.url) else url


def publisher(root: str) -> dict[str, Any]:
    return {"@type": "Organization", "name": PUBLISHER_NAME, "url": root}


def agent(name: str) -> dict[str, str]:
    """A person or, for names like „K3B-Redaktion“, an organisation, as schema.org has them."""
    lowered = name.casefold()
    group = " " not in name.strip() or any(word in lowered for word in _GROUP_WORDS)
    return {"@type": "Organization" if group else "Person", "name": name}


def article_jsonld(item: ContentItem, site: Site, url: str) -> dict[str, Any]:
    """schema.org ``Article`` for a text: headline, dates, authors, publisher and topics."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": item.title,
        "description": item.summary,
        "url": url,
        "mainEntityOfPage": url,
        "inLanguage": "de",
    }
    if item.date:
        data["datePublished"] = item.date.isoformat()
    if item.authors:
        data["author"] = [agent(name) for name in item.authors]
    data["publisher"] = publisher(site_root(item, url))
    labels = [t.label for t in map(site.vocabulary.by_slug, item.topics) if t is not None]
    if labels:
        data["keywords"] = labels
    return data


def newest_first(items: Sequence[ContentItem]) -> list[ContentItem]:
    """Newest first; same day by title, so the order never depends on file order."""
    by_title = sorted(items, key=lambda i: (i.title.casefold(), i.src_path))
    return sorted(by_title, key=lambda i: i.date.toordinal() if i.date else 0, reverse=True)


class ContentType:
    """A kind of Markdown content. Subclasses set the attributes and override the hooks."""

    name = ""  # folder below docs/ and URL ("artikel"); also typ= in placeholders
    label = ""  # one item, as the site shows it ("Artikel")
    plural = ""  # several ("Artikel")
    fields: tuple[FieldSpec, ...] = ()
    detect_topics = True  # missing topics are detected from the text
    on_hubs = True  # a section on every topic hub, and a topic listing per type
    hub_heading = ""  # that section's heading ("Neueste Artikel")
    hub_order = 100  # sections on hubs and counts are sorted by it
    in_year_chart = True  # counted in a hub's chart of texts per year
    in_feeds = True
    in_related = True  # "Verwandte Inhalte" shows and ranks it
    in_search = True
    empty_text = "Noch keine Einträge."  # a short list (hub, ``anzahl=``) with nothing to show

    @property
    def all_fields(self) -> tuple[FieldSpec, ...]:
        """The type's own fields and those every page has (``draft``, the teaser image)."""
        return self.fields + COMMON_FIELDS

    @property
    def is_content(self) -> bool:
        """False only for plain pages (about, legal, listings)."""
        return bool(self.name)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name or 'page'}>"

    # --- validation ---------------------------------------------------------------------

    def taken_name(self, stem: str) -> str:
        """Why an item may not be called ``<stem>.md`` (its address belongs to a page the
        type generates), completing „Dateiname „x.md“: …“; "" if it may."""
        return ""

    def check(self, values: dict[str, Any], fm: FrontMatter, context: Context) -> None:
        """Checks across fields; add problems through ``context``. It runs even when another
        field of the file has a problem (all of a file's problems come in one build): a field
        that is missing or could not be read is ``None`` (or absent) in ``values``, and a check
        that needs it says nothing."""

    def details(self, values: dict[str, Any]) -> Any:
        """The type's own facts from the cleaned ``values``, kept as ``ContentItem.details``."""
        return None

    def date_of(self, values: dict[str, Any]) -> dt.date | None:
        """The date an item is listed, sorted and announced by."""
        return values.get("date")

    def published_on(self, values: dict[str, Any]) -> dt.date | None:
        """The day an item is published from; before it, the published build leaves it out.

        ``date`` by default. A type whose ``date`` means something else (an event's day)
        overrides this, or returns None to publish its items at once.
        """
        return values.get("date")

    def files_shown(self, item: ContentItem) -> tuple[str, ...]:
        """Files below ``docs/`` the item shows besides its text and teaser (a project's logos),
        as docs paths: the build publishes them, and only images that something shows."""
        return ()

    def check_site(self, item: ContentItem, site: Site, context: Context) -> None:
        """Checks of one item that need the whole site (references to other items), once all
        are read; ``item.line_of(key)`` gives the line of a field."""

    def check_unfinished(self, page: Unfinished, site: Site, context: Context) -> None:
        """``check_site`` for a page whose front matter has problems (it is not an item): the
        same checks with the fields that could be read (``page.values``), so that a file's
        problems all come in one build."""

    def check_collected(self, site: Site, problems: ProblemList, displays: dict[str, str]) -> None:
        """Once per build, after every item was checked: checks and cross-references over the
        whole site (a project: every ``project:`` of an item or publication names one).
        ``displays`` maps an item's ``src_path`` to the path staff see."""

    # --- order and presentation ---------------------------------------------------------

    def ordered(self, items: Sequence[ContentItem], today: dt.date) -> list[ContentItem]:
        """How listings and hubs order the type's items."""
        return newest_first(items)

    def shortlist(self, items: Sequence[ContentItem], today: dt.date) -> list[ContentItem]:
        """Of the ordered ``items``, those a short list shows (a hub's section, a placeholder
        with ``anzahl=``) before it is cut: all; events only the coming ones."""
        return list(items)

    def hub_links(self, topic_slug: str, page_url: str) -> str:
        """Links below the type's section on a topic's hub (a calendar to subscribe to)."""
        return ""

    def feed_summary(self, item: ContentItem) -> str:
        """The text of the item's entry in feeds."""
        return item.summary

    def meta_parts(self, item: ContentItem) -> list[str]:
        """The escaped parts of a card's meta line: date, type, and the type's own."""
        parts = []
        if item.date:
            parts.append(f'<time datetime="{item.date.isoformat()}">{german_date(item.date)}</time>')
        parts.append(escape(self.label))
        return parts

    def group(self, item: ContentItem, today: dt.date) -> str:
        """The heading of the group an item stands under in the type's full listing
        (a Bundesland, „Vergangene Veranstaltungen“); "" lists all items without groups.
        ``ordered`` must keep the items of a group together."""
        return ""

    def facts_html(self, item: ContentItem, site: Site, page_url: str) -> str:
        """HTML below an item's byline, such as a case study's table of facts."""
        return ""

    def footer_html(self, item: ContentItem, site: Site, page_url: str) -> str:
        """HTML at the end of an item's page, after its bibliography (a project: its funders
        and what belongs to it)."""
        return ""

    def jsonld(self, item: ContentItem, site: Site, url: str) -> dict[str, Any] | None:
        """The item's schema.org description for ``<head>``; ``url`` is the page's absolute URL."""
        return None

    def plan(self, site: Site, planner: Planner) -> None:
        """Pages and files of the type's own beyond its items and listings (calendars, series
        pages …), added through ``planner``."""

    def listings(self, site: Site) -> Sequence[Listing]:
        """Paged listings of the type's own besides the full one and those per topic."""
        return ()

    def listing_intro(self, items: Sequence[ContentItem], site: Site, page_url: str) -> str:
        """HTML above the first page of the type's full listing (a map, a filter); ``items``
        are all of the type's items."""
        return ""

    def filter_record(self, item: ContentItem, today: dt.date) -> dict[str, Any] | None:
        """The item's values for the filter of the type's listing (facet name → value or list),
        written to ``<folder>/daten.json`` with its card; None: the type has no filter."""
        return None

    def hub_intro(self, items: Sequence[ContentItem], site: Site, page_url: str) -> str:
        """HTML above the type's section on a topic hub; ``items`` are all of the topic's."""
        return ""

    # --- search -------------------------------------------------------------------------

    def search_facets(self, item: ContentItem) -> SearchFacets | None:
        """What the search shows and filters by for an item (type, date, topics, year);
        None keeps the item out of the search index."""
        if not self.in_search or item.status:  # drafts and scheduled items (preview only)
            return None
        return SearchFacets(self.label, item.title, item.date, item.topics, summary=item.summary)
