"""Paged listings: a list of any length becomes pages of fixed size with a pager.

Page 1 lives at the listing's own URL (``artikel/``), page n at ``<base>seite/<n>/``.
Every page has the same bounded size, so no page grows with the number of items, and
every item is reachable without JavaScript.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import TypeVar

from .render import relative_url

T = TypeVar("T")

ARTICLES_PER_PAGE = 50
PUBLICATIONS_PER_PAGE = 100


@dataclass(frozen=True)
class Paging:
    base: str  # URL of page 1, e.g. "artikel/"
    total_items: int
    per_page: int

    @property
    def count(self) -> int:
        return max(1, math.ceil(self.total_items / self.per_page))

    def url(self, number: int) -> str:
        return self.base if number == 1 else f"{self.base}seite/{number}/"

    def src(self, number: int) -> str:
        """The Markdown source of page ``number`` (page 1 is the listing's ``index.md``)."""
        return f"{self.base}index.md" if number == 1 else f"{self.base}seite/{number}.md"

    def items(self, items: Sequence[T], number: int) -> Sequence[T]:
        start = (number - 1) * self.per_page
        return items[start:start + self.per_page]


def pager_html(paging: Paging, number: int, page_url: str) -> str:
    """``Seite 2 von 7`` with previous/next and a window of page numbers; "" for one page."""
    if paging.count <= 1:
        return ""

    def link(target: int, text: str, rel: str = "") -> str:
        href = escape(relative_url(page_url, paging.url(target)))
        current = ' aria-current="page"' if target == number and not rel else ""
        rel_attr = f' rel="{rel}"' if rel else ""
        return f'<a href="{href}"{rel_attr}{current}>{text}</a>'

    shown = sorted({1, paging.count, *range(max(1, number - 2), min(paging.count, number + 2) + 1)})
    parts: list[str] = []
    if number > 1:
        parts.append(link(number - 1, "← Zurück", "prev"))
    previous = 0
    for target in shown:
        if target - previous > 1:
            parts.append('<span aria-hidden="true">…</span>')
        parts.append(link(target, str(target)))
        previous = target
    if number < paging.count:
        parts.append(link(number + 1, "Weiter →", "next"))
    items = "".join(f"<li>{p}</li>" for p in parts)
    return (f'<nav class="k3b-pager" aria-label="Seiten der Liste">'
            f'<p>Seite {number} von {paging.count} ({paging.total_items} Einträge)</p>'
            f"<ul>{items}</ul></nav>")
