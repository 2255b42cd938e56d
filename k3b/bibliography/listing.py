"""The publication listing: year groups, paging, the filter form and its data files.

Without JavaScript every entry is reachable through the paged, server-rendered listing.
With JavaScript, ``k3b-filter.js`` loads ``daten.json`` (one small record per entry) the
first time someone filters, shows the matching entries, and on "Auswahl als BibTeX
herunterladen" fetches ``bibtex.json`` and saves exactly the matching entries as one file.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from html import escape

from ..render import relative_url, topic_chips
from ..topics import Vocabulary
from .datamodel import type_label
from .model import NO_YEAR, Publication

DATA_FILE = "daten.json"
OWN = " · Publikation des K3B"
BIBTEX_FILE = "bibtex.json"


def _year_slug(year: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", year.lower()).strip("-")


def publication_item(pub: Publication, vocabulary: Vocabulary, page_url: str, url: str) -> str:
    chips = topic_chips(pub.topics, vocabulary, page_url)
    href = escape(relative_url(page_url, url))
    return (f'<li class="k3b-pub" data-key="{escape(pub.slug)}">'
            f'<a href="{href}">{pub.citation_html}</a>'
            f'<span class="k3b-pub__type">{escape(pub.type_label)}{OWN if pub.own else ""}</span>'
            f"{chips}</li>")


def grouped_html(
    publications: Sequence[Publication], vocabulary: Vocabulary, page_url: str, url_of
) -> str:
    """``publications`` (already newest first) under one heading per year."""
    groups: dict[str, list[str]] = {}
    for pub in publications:
        groups.setdefault(pub.year or NO_YEAR, []).append(
            publication_item(pub, vocabulary, page_url, url_of(pub)))
    if not groups:
        return '<p class="k3b-empty">Noch keine Publikationen.</p>'
    return "\n".join(
        f'<h2 id="jahr-{_year_slug(year)}">{escape(year)}</h2>\n<ul class="k3b-pubs">{"".join(items)}</ul>'
        for year, items in groups.items()
    )


def filter_form(publications: Iterable[Publication], vocabulary: Vocabulary, page_url: str,
                data_url: str) -> str:
    """The filter controls; hidden until the script has loaded and shows them."""
    pubs = list(publications)
    # The filter's types: thesis and report split by their kind (Dissertation, Technischer
    # Bericht …), labelled the same way everywhere.
    labels = {p.type_key: type_label(p.entry_type, p.subtype) for p in pubs}
    types = sorted(labels, key=lambda t: labels[t])
    years = sorted({p.year for p in pubs if p.year}, reverse=True)

    def options(pairs: Iterable[tuple[str, str]]) -> str:
        return '<option value="">alle</option>' + "".join(
            f'<option value="{escape(v, quote=True)}">{escape(label)}</option>' for v, label in pairs)

    topic_options = options((t.slug, t.label) for t in vocabulary.topics)
    type_options = options((t, labels[t]) for t in types)
    year_options = options([(y, y) for y in years] + ([("-", NO_YEAR)] if any(not p.year for p in pubs)
                                                      else []))
    base = escape(relative_url(page_url, data_url), quote=True)
    return (
        f'<form class="k3b-filter" id="k3b-filter" data-base="{base}" role="search" '
        f'aria-label="Publikationen filtern" hidden>'
        f'<div class="k3b-filter__field"><label for="k3b-f-text">Suchtext</label>'
        f'<input type="search" id="k3b-f-text" name="text" autocomplete="off"></div>'
        f'<div class="k3b-filter__field"><label for="k3b-f-topic">Thema</label>'
        f'<select id="k3b-f-topic" name="thema">{topic_options}</select></div>'
        f'<div class="k3b-filter__field"><label for="k3b-f-type">Typ</label>'
        f'<select id="k3b-f-type" name="typ">{type_options}</select></div>'
        f'<div class="k3b-filter__field"><label for="k3b-f-year">Jahr</label>'
        f'<select id="k3b-f-year" name="jahr">{year_options}</select></div>'
        f'<div class="k3b-filter__actions">'
        f'<button type="reset" class="md-button">Filter zurücksetzen</button>'
        f'<button type="button" class="md-button md-button--primary" id="k3b-f-download">'
        f"Auswahl als BibTeX herunterladen</button></div>"
        f'<p class="k3b-filter__status" id="k3b-f-status" role="status" aria-live="polite"></p>'
        f"</form>"
    )


def _fold(text: str) -> str:
    """Lower case, umlauts as in the slug rule, other accents dropped: what the filter compares."""
    text = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def data_json(publications: Sequence[Publication], vocabulary: Vocabulary, url_of,
              page_url: str) -> str:
    """One record per entry, newest first: what the filter needs, and the item's HTML."""
    records = []
    for pub in publications:
        text = " ".join([pub.citation_text, " ".join(pub.keywords), pub.key])
        records.append({
            "k": pub.slug, "y": pub.year or "-", "t": pub.type_key, "s": list(pub.topics),
            "q": _fold(text), "g": pub.year or NO_YEAR,
            "h": publication_item(pub, vocabulary, page_url, url_of(pub)),
        })
    return json.dumps(records, ensure_ascii=False, separators=(",", ":"))


def bibtex_json(publications: Iterable[Publication]) -> str:
    return json.dumps({p.slug: p.bibtex for p in publications}, ensure_ascii=False, separators=(",", ":"))
