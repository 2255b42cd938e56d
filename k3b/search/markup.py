"""The HTML that tells Pagefind about a page: filters, result data, sort key, extra terms.

It goes inside the indexed area of the page (``data-pagefind-body``), invisible: one
empty, hidden element carries every value as an attribute (escaped), and Pagefind reads
them from there (``name[attribute]``). Extra index terms (compound parts, synonyms) sit
in an attribute of their own that Pagefind adds to the indexed text
(``data-pagefind-index-attrs``); they come last in the page's text, and ``begriffe``
says how many words they are, so that result excerpts can leave them out. Terms found in
the title weigh as much as the title (Pagefind weighs an ``h1`` 7): „Bürgerwindpark im
Höhenzug“ is a page about a Windpark, not one that mentions it once.

The summary from the front matter is not shown on the page; ``summary_markup`` indexes
it where it belongs, under the title (one empty element, the text in an attribute).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..topics import Vocabulary
from .facets import SearchFacets

# Filter keys, as the results page and its address use them (?typ=…&thema=…&land=…&jahr=…).
TYPE, TOPIC, LAND, YEAR = "typ", "thema", "land", "jahr"
SORT = "datum"
# Pagefind's weight of an h1; terms from the title get it.
TITLE_WEIGHT = 7


def search_markup(facets: SearchFacets, vocabulary: Vocabulary, terms: Sequence[str] = (),
                  title_terms: Sequence[str] = ()) -> str:
    """The hidden element with the page's filters, result data and sort key, and its terms
    (``title_terms`` weighted as the title)."""
    values: list[tuple[str, str, str]] = []  # (kind of capture, key, value)
    values.append(("filter", TYPE, facets.kind))
    for slug in facets.topics:
        topic = vocabulary.by_slug(slug)
        if topic is not None:
            values.append(("filter", TOPIC, topic.label))
    if facets.land:
        values.append(("filter", LAND, facets.land))
    if facets.shown_year:
        values.append(("filter", YEAR, facets.shown_year))
    if facets.title:
        values.append(("meta", "title", facets.title))
    if facets.shown_date:
        values.append(("meta", "datum", facets.shown_date))
    if facets.place:
        values.append(("meta", "ort", facets.place))
    heavy = " ".join(title_terms).split()
    words = " ".join(terms).split()
    if words or heavy:
        values.append(("meta", "begriffe", str(len(words) + len(heavy))))
    values.append(("sort", SORT, facets.sort_key))
    captures: dict[str, list[str]] = {"filter": [], "meta": [], "sort": []}
    attributes = []
    for number, (capture, key, value) in enumerate(values):
        captures[capture].append(f"{key}[data-k{number}]")
        attributes.append(f'data-k{number}="{escape(value, quote=True)}"')
    names = " ".join(f'data-pagefind-{capture}="{", ".join(keys)}"' for capture, keys in captures.items()
                     if keys)
    html = f'<div class="k3b-search-data" hidden data-pagefind-ignore {names} {" ".join(attributes)}></div>'
    if heavy:
        html += f'<span data-pagefind-weight="{TITLE_WEIGHT}">{_indexed("data-begriffe", heavy)}</span>'
    if words:
        html += _indexed("data-begriffe", words)
    return html


def summary_markup(summary: str) -> str:
    """The summary for the index, invisible: "" without one."""
    return _indexed("data-zusammenfassung", summary.split()) if summary.strip() else ""


def _indexed(attribute: str, words: Sequence[str]) -> str:
    """An empty element whose ``attribute`` Pagefind indexes as text."""
    return (f'<span data-pagefind-index-attrs="{attribute}" '
            f'{attribute}="{escape(" ".join(words), quote=True)}"></span>')
