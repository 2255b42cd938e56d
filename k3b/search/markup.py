"""The HTML that tells Pagefind about a page: filters, result data, sort key, extra terms.

It goes inside the indexed area of the page (``data-pagefind-body``), invisible: one
empty, hidden element carries every value as an attribute (escaped), and Pagefind reads
them from there (``name[attribute]``). Extra index terms (compound parts, synonyms) sit
in an attribute of their own that Pagefind adds to the indexed text
(``data-pagefind-index-attrs``); they come last in the page's text, and ``begriffe``
says how many words they are, so that result excerpts can leave them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..topics import Vocabulary
from .facets import SearchFacets

# Filter keys, as the results page and its address use them (?typ=…&thema=…&land=…&jahr=…).
TYPE, TOPIC, LAND, YEAR = "typ", "thema", "land", "jahr"
SORT = "datum"


def search_markup(facets: SearchFacets, vocabulary: Vocabulary, terms: Sequence[str] = ()) -> str:
    """The hidden element with the page's filters, result data and sort key, and its terms."""
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
    words = " ".join(terms).split()
    if words:
        values.append(("meta", "begriffe", str(len(words))))
    values.append(("sort", SORT, facets.sort_key))
    captures: dict[str, list[str]] = {"filter": [], "meta": [], "sort": []}
    attributes = []
    for number, (capture, key, value) in enumerate(values):
        captures[capture].append(f"{key}[data-k{number}]")
        attributes.append(f'data-k{number}="{escape(value, quote=True)}"')
    names = " ".join(f'data-pagefind-{capture}="{", ".join(keys)}"' for capture, keys in captures.items()
                     if keys)
    html = f'<div class="k3b-search-data" hidden data-pagefind-ignore {names} {" ".join(attributes)}></div>'
    if words:
        html += (f'<span data-pagefind-index-attrs="data-begriffe" '
                 f'data-begriffe="{escape(" ".join(words), quote=True)}"></span>')
    return html
