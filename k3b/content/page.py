"""Plain pages: the start page, listings' introductions, about and legal pages.

Everything that is not in a content type's folder. They have a title and a description at
most, and appear in no listing, hub, feed or related content.
"""

from __future__ import annotations

from .. import fields as f
from .base import ContentType


class Page(ContentType):
    name = ""
    label = "Seite"
    plural = "Seiten"
    fields = (
        f.FieldSpec("title", f.text, required=False),
        f.FieldSpec("summary", f.summary, required=False),
        f.FieldSpec("description", f.summary, required=False),
    )
    detect_topics = False
    on_hubs = in_year_chart = in_feeds = in_related = False


PAGE = Page()
