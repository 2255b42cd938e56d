"""German search in Chromium: what a query finds on the results page, and what it must not.

The ``search-german`` fixture has one small page per case. Pagefind stems and folds
umlauts; compounds and synonyms come from the vocabulary (k3b/search/terms.py); small
words of a question are dropped (k3b-search-results.js).
"""

from __future__ import annotations

import pytest

from sitebuild import build, make_project

A = "artikel/"
# (query, page that must be found, pages that must not be found)
TABLE = [
    ("Bürgerbeteiligung", A + "beteiligung/", ()),
    ("Buergerbeteiligung", A + "beteiligung/", ()),  # ue for ü
    ("Bürgerversammlung", A + "alte-schreibung/", ()),  # the page writes "Buergerversammlung"
    ("Öffentlichkeit", A + "alte-schreibung/", ()),  # … and "Oeffentlichkeit"
    ("Strasse", A + "beteiligung/", ()),  # ss for ß
    ("Straße", A + "alte-schreibung/", ()),
    ("Windpark", A + "buergerwindpark/", (A + "hochwasser/", A + "unterkuenfte/")),  # compound
    ("Windkraft", A + "buergerwindpark/", ()),  # head of "Windkraftanlagen"
    ("Windenergie", A + "buergerwindpark/", (A + "beteiligung/",)),  # synonym of a compound part
    ("Unterkunft", A + "unterkuenfte/", (A + "buergerwindpark/",)),  # "Flüchtlingsunterkünfte"
    ("Unterbringung", A + "unterkuenfte/", ()),  # synonym
    ("Geflüchtete", A + "unterkuenfte/", (A + "debatte/",)),  # synonym of "Flüchtling…"
    ("Hochwasser", A + "hochwasser/", (A + "trockenheit/",)),  # the page says "Überschwemmungen"
    ("Ueberschwemmung", A + "hochwasser/", ()),
    ("Dürre", A + "trockenheit/", (A + "hochwasser/",)),  # synonym of "Trockenheit"
    ("Duerre", A + "trockenheit/", ()),
    ("Schulschliessung", A + "schule/", ()),  # "Schulschließungen"
    ("Kohleausstieg", A + "kohle/", ()),  # "Kohleausstiegs"
    ("Konflikt", A + "kohle/", (A + "schule/",)),  # "Konflikten"
    ("Konflikte um Windparks in Brandenburg", "fallbeispiele/windfall/", (A + "buergerwindpark/",)),
    ("Stromleitung", A + "zusammenfassung/", ()),  # only in the summary, which the page does not show
    ("Hochspannungsleitung", A + "zusammenfassung/", (A + "titelwort/",)),  # synonym of a summary word
    ("Hitze", None, (A + "debatte/",)),  # "erhitzte" is not "Hitze"
    ("Tagebau", None, (A + "kohle/", A + "beteiligung/")),
]


@pytest.fixture(scope="module")
def german_url(serve, tmp_path_factory):
    return serve(build(make_project(tmp_path_factory.mktemp("search-german"), "search-german")))


def found_urls(page, base: str, query: str) -> list[str]:
    from urllib.parse import quote

    from playwright.sync_api import expect

    page.goto(f"{base}suche/?q={quote(query)}", wait_until="networkidle")
    status = page.locator("#k3b-search-status")
    expect(status).to_contain_text("Treffer für", timeout=15_000)
    links = page.locator("#k3b-search-results .k3b-card__title a")
    return [href.split("?")[0].removeprefix("../") for href in
            (links.nth(i).get_attribute("href") for i in range(links.count()))]


@pytest.mark.parametrize("query, wanted, unwanted", TABLE, ids=[row[0] for row in TABLE])
def test_german_query(page, german_url, query, wanted, unwanted):
    urls = found_urls(page, german_url, query)
    if wanted is not None:
        assert wanted in urls, urls
    for url in unwanted:
        assert url not in urls, urls


def test_a_compound_in_the_title_ranks_first(page, german_url):
    """„Ein Bürgerwindpark am Deich“ is about a Windpark: the term from its title weighs as the
    title, above pages that have the word once in their text or inside a compound there."""
    urls = found_urls(page, german_url, "Windpark")
    assert urls[0] == A + "titelwort/", urls
    assert {A + "buergerwindpark/", "fallbeispiele/windfall/"} <= set(urls[1:]), urls
