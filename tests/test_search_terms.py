"""Extra search terms for German (k3b/search/terms.py) and the markup that carries them."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from k3b.search.facets import SearchFacets
from k3b.search.markup import search_markup, summary_markup
from k3b.search.terms import extra_terms
from k3b.topics import load_vocabulary

VOCABULARY = load_vocabulary(Path(__file__).resolve().parents[1] / "data" / "themen.yml")


@pytest.mark.parametrize(
    ("text", "added", "not_added"),
    [
        ("Der Bürgerwindpark wächst.", {"Windpark", "Windkraft", "Windenergie"}, set()),  # tail + synonyms
        ("Neue Windkraftanlagen.", {"Windkraft", "Windpark"}, {"Windkraftanlage"}),  # head; inflected
        ("Drei Flüchtlingsunterkünfte.", {"Unterkunft", "Flüchtling", "Unterbringung", "Geflüchtete"}, set()),
        ("Die Windparks im Dorf.", {"Windkraft", "Windenergie"}, {"Windpark"}),  # word of its own
        ("Nach den Überschwemmungen.", {"Hochwasser", "Überflutung"}, {"Überschwemmung"}),
        ("Die Debatte erhitzte sich.", set(), {"Hitze", "Hitzewelle"}),  # short prefix: no compound
        ("Ein Text über Gemeindefinanzen.", set(), {"Windpark"}),
        ("`Bürgerwindpark` im Code, [Link](windpark.md).", set(), {"Windpark"}),
    ],
)
def test_compounds_and_synonyms(text, added, not_added):
    terms = set(extra_terms(text, VOCABULARY))
    assert added <= terms, terms
    assert not terms & not_added, terms


def test_terms_are_stable_and_unique():
    text = "Bürgerwindpark, Bürgerwindparks und noch ein Bürgerwindpark. Hochwasserschutz."
    assert extra_terms(text, VOCABULARY) == extra_terms(text, VOCABULARY)
    assert len(set(extra_terms(text, VOCABULARY))) == len(extra_terms(text, VOCABULARY))


def test_markup_escapes_values_and_counts_terms():
    facets = SearchFacets("Fallbeispiel", 'Titel "<script>" & mehr', topics=("energiewende",),
                          land="Brandenburg", place="Ort <b>")
    soup = BeautifulSoup(search_markup(facets, VOCABULARY, ("Windpark", "Windkraft")), "html.parser")
    data = soup.select_one("div.k3b-search-data")
    assert data.has_attr("hidden") and data.has_attr("data-pagefind-ignore")
    values = {key: data[f"data-{key}"] for key in (k.split("[data-")[1].rstrip("]")
              for k in data["data-pagefind-meta"].split(", "))}
    assert 'Titel "<script>" & mehr' in values.values() and "Ort <b>" in values.values()
    assert "2" in values.values()  # begriffe: two words
    assert soup.select_one("span[data-pagefind-index-attrs]")["data-begriffe"] == "Windpark Windkraft"
    assert "<script>" not in str(soup).replace("&lt;script&gt;", "")
    sort_attribute = data["data-pagefind-sort"].split("[", 1)[1].rstrip("]")
    assert data["data-pagefind-sort"].startswith("datum[") and data[sort_attribute] == "0"  # no date


def test_markup_without_terms_or_date():
    soup = BeautifulSoup(search_markup(SearchFacets("Seite", ""), VOCABULARY), "html.parser")
    assert soup.select_one("span") is None
    data = soup.select_one("div")
    assert data["data-pagefind-filter"] == "typ[data-k0]" and not data.has_attr("data-pagefind-meta")


def test_title_terms_weigh_as_the_title_and_count_with_the_others():
    soup = BeautifulSoup(search_markup(SearchFacets("Artikel", "Bürgerwindpark"), VOCABULARY,
                                       ("Hochwasser",), ("Windpark", "Windkraft")), "html.parser")
    heavy = soup.select_one('span[data-pagefind-weight="7"] > span[data-pagefind-index-attrs]')
    assert heavy["data-begriffe"] == "Windpark Windkraft"
    data = soup.select_one("div.k3b-search-data")
    keys = [k for k in data["data-pagefind-meta"].split(", ") if k.startswith("begriffe[")]
    # Excerpts leave out all three words at the end of the text.
    assert [data[k.split("[", 1)[1].rstrip("]")] for k in keys] == ["3"]


@pytest.mark.parametrize(("summary", "shown"), [
    ('Kurz <b>fett</b> & "zitiert"', 'Kurz <b>fett</b> & "zitiert"'),
    ("  mit\n  Umbruch ", "mit Umbruch"),
    ("", None),
    ("   ", None),
])
def test_summary_markup_is_an_empty_element_with_the_text_escaped(summary, shown):
    html = summary_markup(summary)
    if shown is None:
        assert html == ""
        return
    (span,) = BeautifulSoup(html, "html.parser").find_all()
    assert span.name == "span" and span.get_text() == "" and not span.find_all()
    assert span["data-pagefind-index-attrs"] == "data-zusammenfassung"
    assert span["data-zusammenfassung"] == shown
    assert "<b>" not in html
