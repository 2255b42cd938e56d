"""The results page ``/suche/``: search with filters (Typ, Thema, Bundesland, Jahr) and sorting.

The page is a form and an empty list; ``k3b-suche.js`` fills them from the search index
(Pagefind) and keeps the state in the address (``/suche/?q=windpark&typ=fallbeispiel``).
Without a search term it searches nothing (Pagefind would load the whole index to
filter) and offers the listings and hubs instead, the best fit for the chosen filters
first; the page data for that is written here. Without JavaScript the page says so and
links to the hubs and listings.
"""

from __future__ import annotations

import json
from html import escape

from .content import CONTENT_TYPES
from .hubs import topic_listing_url
from .render import relative_url, topic_url
from .site import PUBLICATIONS, Site
from .slugs import slugify

SRC = "suche.md"
URL = "suche/"
TITLE = "Suche"
DESCRIPTION = ("Artikel, Fallbeispiele und Publikationen durchsuchen und nach Typ, Thema, "
               "Bundesland und Jahr eingrenzen.")
SCRIPTS = ("assets/javascripts/k3b-search-results.js", "assets/javascripts/k3b-suche.js")


def _listings(site: Site) -> list[tuple[str, str, str, str]]:
    """(type label, plural, listing URL, its part in a topic's listing URLs or "") of every
    content type and of the publications."""
    kinds = [(k.label, k.plural, f"{k.name}/", k.name if k.on_hubs else "") for k in CONTENT_TYPES]
    kinds.append(("Publikation", "Publikationen", f"{PUBLICATIONS}/", PUBLICATIONS))
    return kinds


def page_data(site: Site, page_url: str) -> dict:
    """What the script needs besides the index: where to browse for the chosen filters."""
    listings: dict[str, str] = {}
    topics = {}
    for topic in site.vocabulary.topics:
        topics[slugify(topic.label)] = {"label": topic.label, "url": relative_url(page_url, topic_url(topic))}
    for label, _plural, url, section in _listings(site):
        listings[slugify(label)] = relative_url(page_url, url)
        if section:
            for topic in site.vocabulary.topics:
                listings[f"{slugify(label)}|{slugify(topic.label)}"] = relative_url(
                    page_url, topic_listing_url(topic, section))
    return {"root": relative_url(page_url, ""), "topics": topics, "listings": listings}


def _browse(site: Site, page_url: str) -> str:
    """Links to every hub and listing: the way in without a search term or JavaScript."""
    hubs = "".join(f'<li><a href="{escape(relative_url(page_url, topic_url(t)))}">{escape(t.label)}</a></li>'
                   for t in site.vocabulary.topics)
    lists = "".join(f'<li><a href="{escape(relative_url(page_url, url))}">Alle {escape(plural)}</a></li>'
                    for _label, plural, url, _section in _listings(site))
    return (f'<div class="k3b-search__browse" id="k3b-search-browse">'
            f'<h2 id="stoebern">Stöbern</h2>'
            f'<p>Alle Inhalte sind auch über die Themen und Listen zu finden.</p>'
            f'<div class="k3b-search__browse-lists"><div><h3 id="nach-themen">Nach Themen</h3>'
            f'<ul>{hubs}</ul></div><div><h3 id="alle-listen">Alle Listen</h3><ul>{lists}</ul></div>'
            f"</div></div>")


def _select(name: str, label: str, first: str) -> str:
    return (f'<div class="k3b-filter__field"><label for="k3b-s-{name}">{label}</label>'
            f'<select id="k3b-s-{name}" name="{name}"><option value="">{first}</option></select></div>')


def search_page_html(site: Site, page_url: str) -> str:
    """The body of ``/suche/``: form, status, result list, browsing links and the page data."""
    data = json.dumps(page_data(site, page_url), ensure_ascii=False).replace("<", "\\u003c")
    scripts = "".join(f'<script src="{escape(relative_url(page_url, s))}" defer></script>' for s in SCRIPTS)
    form = (
        '<form class="k3b-filter k3b-search__form" id="k3b-search-form" role="search" '
        'aria-label="Inhalte durchsuchen" hidden>'
        '<div class="k3b-filter__field k3b-search__query"><label for="k3b-s-q">Suchbegriff</label>'
        '<input type="search" id="k3b-s-q" name="q" autocomplete="off" spellcheck="false" '
        'placeholder="z. B. Windpark, Unterkunft, Kohleausstieg"></div>'
        + _select("typ", "Typ", "alle Typen") + _select("thema", "Thema", "alle Themen")
        + _select("land", "Bundesland", "alle Länder") + _select("jahr", "Jahr", "alle Jahre")
        + '<div class="k3b-filter__field"><label for="k3b-s-sort">Sortierung</label>'
        '<select id="k3b-s-sort" name="sort"><option value="">beste Treffer zuerst</option>'
        '<option value="datum">neueste zuerst</option></select></div>'
        '<div class="k3b-filter__actions"><button type="submit" class="md-button md-button--primary">'
        'Suchen</button><button type="button" class="md-button" id="k3b-s-reset">Filter zurücksetzen'
        '</button></div></form>'
    )
    return (
        '<div class="k3b-search" id="k3b-search">'
        '<noscript><p class="k3b-search__nojs"><strong>Die Suche braucht JavaScript.</strong> '
        'In Ihrem Browser ist es ausgeschaltet. Alle Artikel, Fallbeispiele und Publikationen '
        'finden Sie auch über die Themen und Listen unten.</p></noscript>'
        f"{form}"
        '<p class="k3b-search__status" id="k3b-search-status" role="status" aria-live="polite"></p>'
        '<p class="k3b-search__hint" id="k3b-search-hint" hidden></p>'
        '<ol class="k3b-search__results" id="k3b-search-results" aria-labelledby="k3b-search-status">'
        '</ol><p class="k3b-search__more">'
        '<button type="button" class="md-button" id="k3b-search-more" hidden>'
        'Weitere Treffer anzeigen</button></p>'
        f"{_browse(site, page_url)}</div>"
        f'<script type="application/json" id="k3b-search-data">{data}</script>{scripts}'
    )
