"""Atom feeds for the site and for each topic, built with feedgen.

The output is deterministic: entries are ordered by date, then title and id, and the
feed's ``updated`` is the newest entry's date, never the build time. Rebuilding
unchanged content gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from feedgen.feed import FeedGenerator

from .content import CONTENT_TYPES
from .site import Entry, Site, item_entry, publication_entry
from .topics import Topic

FEED_LIMIT = 50
EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


class FeedError(ValueError):
    """The feed cannot be built (no absolute ``site_url``)."""


def _moment(date: dt.date | None) -> dt.datetime:
    return dt.datetime(date.year, date.month, date.day, tzinfo=dt.UTC) if date else EPOCH


def feed_entries(site: Site, topic: str | None = None, limit: int = FEED_LIMIT) -> list[Entry]:
    """The newest items of every type in feeds, and publications (optionally of one topic)."""
    entries = [item_entry(i) for i in site.index.content()
               if i.kind.in_feeds and (topic is None or topic in i.topics)]
    entries += [publication_entry(p, site.publication_url(p)) for p in site.publications(topic)]
    entries.sort(key=lambda e: (e.title.casefold(), e.id))
    entries.sort(key=lambda e: _moment(e.date), reverse=True)
    return entries[:limit]


def atom_feed(
    entries: Iterable[Entry],
    site: Site,
    site_url: str,
    feed_url: str,
    page_url: str,
    title: str,
    subtitle: str,
) -> bytes:
    """One Atom feed; all URLs absolute below ``site_url``."""
    if not site_url.startswith(("http://", "https://")):
        raise FeedError("site_url fehlt oder ist keine absolute http(s)-Adresse – Feeds brauchen sie")
    base = site_url if site_url.endswith("/") else site_url + "/"
    entries = list(entries)
    generator = FeedGenerator()
    generator.id(base + page_url)
    generator.title(title)
    generator.subtitle(subtitle)
    generator.language("de")
    generator.link(href=base + page_url, rel="alternate")
    generator.link(href=base + feed_url, rel="self")
    generator.updated(max((_moment(e.date) for e in entries), default=EPOCH))
    for entry in entries:
        item = generator.add_entry(order="append")
        item.id(base + entry.url)
        item.title(entry.title)
        item.link(href=base + entry.url)
        item.updated(_moment(entry.date))
        item.published(_moment(entry.date))
        item.summary(f"{entry.kind}: {entry.summary}" if entry.summary else entry.kind)
        for slug in entry.topics:
            topic = site.vocabulary.by_slug(slug)
            if topic is not None:
                item.category(term=topic.slug, label=topic.label)
    return generator.atom_str(pretty=True)


def _what() -> str:
    """„Artikel, Fallbeispiele, Veranstaltungen und Publikationen“: every type in feeds."""
    plurals = [kind.plural for kind in CONTENT_TYPES if kind.in_feeds] + ["Publikationen"]
    return ", ".join(plurals[:-1]) + " und " + plurals[-1]


def site_feed(site: Site, site_url: str, site_name: str) -> bytes:
    return atom_feed(feed_entries(site), site, site_url, "feed.xml", "", site_name, f"Neue {_what()}")


def topic_feed(site: Site, topic: Topic, site_url: str, site_name: str) -> bytes:
    hub = f"themen/{topic.slug}/"
    return atom_feed(feed_entries(site, topic.slug), site, site_url, hub + "feed.xml", hub,
                     f"{topic.label} – {site_name}", f"Neues zum Thema {topic.label}")
