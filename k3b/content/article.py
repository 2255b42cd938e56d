"""Artikel: a text by K3B on a topic, ``docs/artikel/<slug>.md`` → ``/artikel/<slug>/``."""

from __future__ import annotations

from ..fields import TEXT_FIELDS
from .base import ContentType


class Article(ContentType):
    name = "artikel"
    label = "Artikel"
    plural = "Artikel"
    fields = TEXT_FIELDS
    hub_heading = "Neueste Artikel"
    hub_order = 10


ARTICLE = Article()
