"""Blocks that join pages across the site: "Verwandte Inhalte" and "Zitiert in"."""

from __future__ import annotations

from html import escape

from .content import ContentItem
from .render import german_date, relative_url
from .site import RELATED_SHOWN, Site

# A work cited by hundreds of pages must not make its own page grow with the site.
CITED_IN_LIMIT = 20


def related_html(site: Site, entry_id: str, page_url: str) -> str:
    """Up to five related items of any type, as ranked once per build.

    Works the page cites are left out: its bibliography lists them just above.
    """
    cited = {"pub:" + key for key in site.citations.get(entry_id, ())}
    ids = [i for i in site.related.get(entry_id, ()) if i not in cited][:RELATED_SHOWN]
    entries = [e for e in map(site.entry, ids) if e is not None]
    if not entries:
        return ""
    items = []
    for entry in entries:
        href = escape(relative_url(page_url, entry.url))
        meta = escape(entry.kind)
        if entry.date:
            meta += " · " + (german_date(entry.date) if entry.kind != "Publikation" else str(entry.date.year))
        lang = f' lang="{escape(entry.lang)}"' if entry.lang else ""
        items.append(f'<li><a href="{href}"{lang}>{escape(entry.title)}</a>'
                     f'<span class="k3b-related__meta">{meta}</span></li>')
    return (f'<aside class="k3b-related" aria-labelledby="verwandte-inhalte" data-pagefind-ignore>'
            f'<h2 id="verwandte-inhalte">Verwandte Inhalte</h2><ul>{"".join(items)}</ul></aside>')


def cited_in_html(site: Site, key: str, page_url: str) -> str:
    """The site's pages that cite the publication ``key``, newest first."""
    items = site.citing_items(key)
    if not items:
        return ""
    more = len(items) - CITED_IN_LIMIT
    items = items[:CITED_IN_LIMIT]
    # Texts never share a folder with a publication page: the shortest link to each runs
    # through the site's root, so the relative part is the same for all of them.
    root = relative_url(page_url, "")
    cache = site.fragments
    links = "".join(f'<li><a href="{root}{cache.get(item.src_path) or _cited_in_item(item, cache)}</li>'
                    for item in items)
    tail = f'<p class="k3b-more" data-pagefind-ignore>… und {more} weitere Seiten.</p>' if more > 0 else ""
    return (f'<h2 id="zitiert-in" data-pagefind-ignore>Zitiert in</h2>'
            f'<ul class="k3b-cited-in" data-pagefind-ignore>{links}</ul>{tail}')


def _cited_in_item(item: ContentItem, cache: dict[str, str]) -> str:
    """The escaped rest of an item's "Zitiert in" entry; the same on every page that lists it."""
    html = (f'{escape(item.url)}">{escape(item.title)}</a> '
            f'<span class="k3b-related__meta">{escape(item.kind.label)}</span>')
    cache[item.src_path] = html
    return html
