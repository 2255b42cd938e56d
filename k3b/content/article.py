"""Artikel: a text by K3B on a topic, ``docs/artikel/<slug>.md`` → ``/artikel/<slug>/``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..fields import TEXT_FIELDS
from .base import ContentItem, ContentType, article_jsonld

if TYPE_CHECKING:
    from ..site import Site


class Article(ContentType):
    name = "artikel"
    label = "Artikel"
    plural = "Artikel"
    fields = TEXT_FIELDS
    hub_heading = "Neueste Artikel"
    hub_order = 10

    def jsonld(self, item: ContentItem, site: Site, url: str) -> dict[str, Any]:
        return article_jsonld(item, site, url)


ARTICLE = Article()
