"""Fills the placeholders of ``k3b.markers`` with listings when a page is rendered."""

from __future__ import annotations

import re
from collections.abc import Callable

from .cards import item_list, listing_html, publication_card
from .content import by_name
from .hubs import topic_counts, topic_overview
from .listings import ARTICLES_PER_PAGE, PUBLICATIONS_PER_PAGE, Paging, pager_html
from .markers import MARKER, PUBLICATIONS, arguments, problem
from .site import Site


def expand_markers(markdown: str, site: Site, page_url: str, wrap: Callable[[str], str]) -> str:
    """Replace every valid marker in ``markdown`` (broken ones were reported before).

    The listings go in through ``wrap``, as finished HTML after Markdown and its sanitiser.
    """

    def replace(match: re.Match[str]) -> str:
        html = listing(match)
        return "\n\n" + wrap(html.strip()) + "\n\n" if html else ""

    def listing(match: re.Match[str]) -> str:
        if problem(match):
            return ""
        if match.group("name") == "themen":
            return "\n" + topic_overview(site, topic_counts(site), page_url) + "\n"
        args = arguments(match)
        if args["typ"] == PUBLICATIONS:
            pubs = site.publications()[: int(args.get("anzahl", PUBLICATIONS_PER_PAGE))]
            cards = "".join(publication_card(p, page_url, site.publication_url(p)) for p in pubs)
            return f'\n<ul class="k3b-pubs">{cards}</ul>\n'
        kind = by_name(args["typ"])
        assert kind is not None  # problem() checked it
        items = site.index.of_kind(kind)
        limit = args.get("anzahl")
        if limit is not None:  # a short list: what the type shows there (events: the coming ones)
            shown = kind.shortlist(items, site.index.today)[: int(limit)]
            return "\n" + item_list(shown, site.vocabulary, page_url, 3, empty=kind.empty_text) + "\n"
        # The full listing: page 1 here, the rest on generated pages /<folder>/seite/<n>/.
        paging = Paging(f"{kind.name}/", len(items), ARTICLES_PER_PAGE)
        intro = kind.listing_intro(items, site, page_url)
        listing = listing_html(kind, list(paging.items(items, 1)), site, page_url)
        body = listing + "\n\n" + pager_html(paging, 1, page_url)
        if intro:  # a filter in the intro replaces what is in this container
            body = f'{intro}\n\n<div class="k3b-item-listing" id="k3b-liste">{body}</div>'
        return "\n" + body + "\n"

    return MARKER.sub(replace, markdown)
