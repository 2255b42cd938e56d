"""Items as listings show them: cards, lists of cards, grouped listings, publication cards.

What differs between content types (the meta line's own parts, group headings) comes from
the item's type; this module only puts the pieces together. It lives with the content types
so that a type can list other items on its pages (a project what belongs to it).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from itertools import groupby
from typing import TYPE_CHECKING

from ..bibliography.model import Publication
from ..images import CARD_SIZES, picture_html
from ..publishing import badge_html
from ..render import relative_url, topic_chips
from ..slugs import slugify
from ..topics import Vocabulary
from .base import ContentItem, ContentType

if TYPE_CHECKING:
    from ..site import Site


def meta_line(item: ContentItem) -> str:
    """Date, type and the type's own parts; in the preview also „Entwurf“ or „Geplant: …“."""
    line = " · ".join(item.kind.meta_parts(item))
    return line + " " + badge_html(item.status, item.release) if item.status else line


def item_card(item: ContentItem, vocabulary: Vocabulary, page_url: str, level: int = 2) -> str:
    """One entry of a listing: title link, date and type, summary, topic chips, teaser image."""
    href = escape(relative_url(page_url, item.url))
    teaser = item.image.file if item.image is not None else None
    picture = "" if teaser is None else picture_html(teaser, item.image.alt, page_url, sizes=CARD_SIZES,
                                                     css_class="k3b-card__image")
    return (
        f'<li class="k3b-card{" k3b-card--image" if picture else ""}"><article>'
        f'<h{level} class="k3b-card__title"><a href="{href}">{escape(item.title)}</a></h{level}>'
        f'<p class="k3b-card__meta">{meta_line(item)}</p>'
        f'<p class="k3b-card__summary">{escape(item.summary)}</p>'
        f"{topic_chips(item.topics, vocabulary, page_url)}{picture}"
        f"</article></li>"
    )


def item_list(items: list[ContentItem], vocabulary: Vocabulary, page_url: str, level: int = 2,
              empty: str = "Noch keine Einträge.") -> str:
    if not items:
        return f'<p class="k3b-empty">{escape(empty)}</p>'
    cards = "\n".join(item_card(item, vocabulary, page_url, level) for item in items)
    return f'<ul class="k3b-list">\n{cards}\n</ul>'


def listing_html(kind: ContentType, items: list[ContentItem], site: Site, page_url: str,
                 group: Callable[[ContentItem], str] | None = None, level: int = 2) -> str:
    """A page of a type's full listing: one list, or lists under the type's group headings
    (or those of ``group``); each heading has an id from its text, for links to it."""
    today = site.index.today
    heading_of = group or (lambda item: kind.group(item, today))
    if not items or not heading_of(items[0]):
        return item_list(items, site.vocabulary, page_url, level)
    parts = []
    for heading, members in groupby(items, key=heading_of):
        parts.append(f'<h{level} class="k3b-group" id="{slugify(heading)}">{escape(heading)}</h{level}>')
        parts.append(item_list(list(members), site.vocabulary, page_url, level + 1))
    return "\n".join(parts)


def publication_card(pub: Publication, page_url: str, url: str) -> str:
    href = escape(relative_url(page_url, url))
    return (f'<li class="k3b-pub"><a href="{href}">{pub.citation_html}</a>'
            f'<span class="k3b-pub__type">{escape(pub.type_label)}</span></li>')
