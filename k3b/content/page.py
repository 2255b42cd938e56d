"""Plain pages: the start page, listings' introductions, about and legal pages.

Everything that is not in a content type's folder. They have a title and a description at
most, and appear in no listing, hub, feed or related content.
"""

from __future__ import annotations

from .. import fields as f
from ..search.facets import SearchFacets
from .base import ContentItem, ContentType


class Page(ContentType):
    name = ""
    label = "Seite"
    plural = "Seiten"
    fields = (
        f.FieldSpec("title", f.text, required=False, help="Überschrift der Seite."),
        f.FieldSpec("summary", f.summary, required=False, help="Kurzbeschreibung für Suchmaschinen "
                    f"(höchstens {f.SUMMARY_MAX} Zeichen)."),
        f.FieldSpec("description", f.summary, required=False, help="Wie „summary“ (Materials Name "
                    "für die Beschreibung)."),
    )
    detect_topics = False
    on_hubs = in_year_chart = in_feeds = in_related = False

    def search_facets(self, item: ContentItem) -> SearchFacets | None:
        """About and legal pages are found as „Seite“; the start page and the pages that
        open a section (``artikel/index.md``) list other pages, which are found themselves.
        A page leaves the search with ``search: {exclude: true}`` in its front matter."""
        if item.status or item.src_path == "index.md" or item.src_path.endswith("/index.md"):
            return None
        # No title: the page's first heading.
        return SearchFacets(self.label, item.title, summary=item.summary)


PAGE = Page()
