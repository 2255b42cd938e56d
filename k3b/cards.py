"""An item's own page: the byline and facts under its title, and what ends it.

Cards and listings are in ``k3b.content.card`` (content types use them too) and are
imported here for the modules that show items.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from .content import ContentItem
from .content.card import item_card, item_list, listing_html, meta_line, publication_card
from .content.project import project_notice

if TYPE_CHECKING:
    from .site import Site

__all__ = ["item_card", "item_footer", "item_header", "item_list", "listing_html", "meta_line",
           "publication_card"]


def item_header(item: ContentItem, site: Site, page_url: str) -> str:
    """Date and authors under the title, then the type's facts (a case study's table)."""
    if not item.kind.is_content:
        return ""
    line = meta_line(item)
    if item.authors:
        line += " · " + escape(", ".join(item.authors))
    return f'<p class="k3b-byline">{line}</p>' + item.kind.facts_html(item, site, page_url)


def item_footer(item: ContentItem, site: Site, page_url: str) -> str:
    """The end of an item's page, after its bibliography: the type's own part (a project's
    funders and what belongs to it), then the project the item belongs to, with its funders'
    notice and logos."""
    if not item.kind.is_content:
        return ""
    return item.kind.footer_html(item, site, page_url) + project_notice(site, item.project, page_url)
