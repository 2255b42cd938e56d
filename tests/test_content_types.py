"""The content-type registry: every type is complete, and the shared mechanism uses it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from k3b import content
from k3b.bibliography.parse import Bibliography
from k3b.cards import listing_html
from k3b.content import CONTENT_TYPES, ContentItem, ContentType
from k3b.index import ContentIndex
from k3b.site import Site
from k3b.slugs import slugify
from k3b.topics import load_vocabulary

VOCABULARY = load_vocabulary(Path(__file__).resolve().parents[1] / "data/themen.yml")


@pytest.mark.parametrize("kind", CONTENT_TYPES, ids=lambda k: k.name)
def test_every_type_is_complete(kind: ContentType) -> None:
    assert kind.name == slugify(kind.name), "the folder is also the URL"
    assert kind.label and kind.plural and kind.is_content
    assert content.type_for(f"{kind.name}/x.md") is kind
    assert content.type_for(f"{kind.name}/index.md") is content.PAGE
    keys = [spec.key for spec in kind.fields]
    assert len(keys) == len(set(keys)) and "title" in keys
    if kind.on_hubs:
        assert kind.hub_heading


def test_type_names_and_hub_orders_are_unique() -> None:
    assert len({k.name for k in CONTENT_TYPES}) == len(CONTENT_TYPES)
    on_hubs = [k for k in CONTENT_TYPES if k.on_hubs]
    assert len({k.hub_order for k in on_hubs}) == len(on_hubs)


class _Seasons(ContentType):
    """A made-up type that groups its items by half-year, to test grouped listings."""

    name = "jahreszeiten"
    label = "Jahreszeit"
    plural = "Jahreszeiten"

    def group(self, item: ContentItem, today: dt.date) -> str:
        return "Erste Jahreshälfte" if item.date.month <= 6 else "Zweite Jahreshälfte"

    def ordered(self, items, today):
        return sorted(items, key=lambda i: i.date)


def test_listing_groups_under_the_types_headings() -> None:
    kind = _Seasons()
    items = [ContentItem(kind, f"jahreszeiten/{m}.md", f"jahreszeiten/{m}/", f"Monat {m}",
                         dt.date(2026, m, 1)) for m in (1, 5, 8, 11)]
    site = Site(VOCABULARY, ContentIndex(VOCABULARY, dt.date(2026, 12, 1)), Bibliography())
    soup = BeautifulSoup(listing_html(kind, kind.ordered(items, site.index.today), site, "jahreszeiten/"),
                         "html.parser")
    groups = [(h.get_text(), [a.get_text() for a in h.find_next("ul").select("h3 a")])
              for h in soup.find_all("h2")]
    assert groups == [("Erste Jahreshälfte", ["Monat 1", "Monat 5"]),
                      ("Zweite Jahreshälfte", ["Monat 8", "Monat 11"])]


def test_listing_without_groups_is_one_list() -> None:
    site = Site(VOCABULARY, ContentIndex(VOCABULARY), Bibliography())
    item = ContentItem(content.ARTICLE, "artikel/a.md", "artikel/a/", "A", dt.date(2026, 1, 1))
    soup = BeautifulSoup(listing_html(content.ARTICLE, [item], site, "artikel/"), "html.parser")
    assert not soup.select("h2.k3b-group") and [a.get_text() for a in soup.select("h2 a")] == ["A"]
