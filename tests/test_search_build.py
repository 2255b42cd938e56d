"""The search index as the build writes it (Pagefind), read without a browser.

Which pages are in it, what each tells the search (type, date, topics, place), and that
nothing but the content goes in: no chips, bibliography, "Zitiert in", related content or
BibTeX. Material's search box is answered by our worker; no page loads an index.
"""

from __future__ import annotations

import json

import pytest

from searchindex import indexed_pages
from sitebuild import build, html, make_project

# Minimal fixture: URL → type in the index, or None for pages that must stay out.
MINIMAL_PAGES = {
    "artikel/windpark-im-dorf/": "Artikel",
    "artikel/ohne-themen/": "Artikel",
    "fallbeispiele/testfall/": "Fallbeispiel",
    "suchtest/": "Seite",
    "ueber-uns/": "Seite",
    "leichte-sprache/": "Seite",
    "themen/energiewende/": "Thema",
    "": None,  # the start page lists other pages
    "artikel/": None,
    "fallbeispiele/": None,
    "themen/": None,
    "themen/energiewende/artikel/": None,
    "publikationen/": None,
    "impressum/": None,  # search: exclude: true
    "datenschutz/": None,
    "barrierefreiheit/": None,
}


@pytest.fixture(scope="module")
def minimal_index(minimal_site):
    return indexed_pages(minimal_site)


@pytest.mark.parametrize("url, kind", MINIMAL_PAGES.items())
def test_which_pages_are_indexed(minimal_index, minimal_site, url, kind):
    article = html(minimal_site, url).select_one("article.md-content__inner")
    if kind is None:
        assert url not in minimal_index
        assert not article.has_attr("data-pagefind-body")
    else:
        assert minimal_index[url]["filters"]["typ"] == [kind]
        assert article.has_attr("data-pagefind-body")


def test_listings_are_not_indexed(minimal_index):
    assert {url for url, kind in MINIMAL_PAGES.items() if kind} <= set(minimal_index)
    listings = [url for url in minimal_index if "/seite/" in url or url.count("/") > 2]
    assert listings == []


def test_index_is_german(minimal_site):
    entry = json.loads((minimal_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["de"]
    # Pagefind's ready-made interfaces are not shipped: the site uses its search API only.
    assert not list((minimal_site / "pagefind").glob("pagefind-*ui*"))


def test_case_study_tells_type_date_topics_and_place(minimal_index):
    record = minimal_index["fallbeispiele/testfall/"]
    assert record["filters"] == {"typ": ["Fallbeispiel"], "thema": ["Migration"],
                                 "land": ["Sachsen-Anhalt"], "jahr": ["2025"]}
    assert record["meta"]["title"] == "Testfall <Unterkunft>"
    assert record["meta"]["datum"] == "1. Februar 2025"
    assert record["meta"]["ort"] == "Testhausen"
    assert record["content"].startswith("Testfall <Unterkunft>")


def test_the_summary_is_indexed_under_the_title(minimal_index, minimal_site):
    """The page does not show its summary (only lists and the meta description do); the
    index has it after the title and byline, before the text, where excerpts find it."""
    content = minimal_index["artikel/aelterer-artikel/"]["content"]
    assert content.index("Älterer Artikel") < content.index("Ein älterer Testartikel.") \
        < content.index("Die Schule im Ort")
    article = html(minimal_site, "artikel/aelterer-artikel/").select_one("article")
    assert "Ein älterer Testartikel" not in article.get_text()


def test_terms_from_the_title_weigh_as_the_title(minimal_site):
    """„Windpark im Dorf“: the synonyms of its title word weigh as an h1 (Pagefind's 7), once."""
    page = html(minimal_site, "artikel/windpark-im-dorf/")
    (heavy,) = page.select('span[data-pagefind-weight="7"] > span[data-pagefind-index-attrs]')
    terms = heavy["data-begriffe"].split()
    assert set(terms) == {"Windenergie", "Windkraft", "Windkraftanlage", "Windrad"}
    others = [w for s in page.select("article > span[data-begriffe]") for w in s["data-begriffe"].split()]
    assert not set(others) & set(terms)


def test_article_without_date_year_or_place_has_no_empty_facets(minimal_index):
    record = minimal_index["suchtest/"]
    assert record["filters"] == {"typ": ["Seite"]}
    assert "datum" not in record["meta"] and "ort" not in record["meta"]


def test_material_search_box_uses_our_worker_and_no_index(minimal_site):
    page = html(minimal_site, "artikel/windpark-im-dorf")
    config = json.loads(page.select_one("script#__config").string)
    # Material's worker file name changes with its versions; main.html replaces it by name.
    assert config["search"].endswith("assets/javascripts/k3b-search-worker.js"), config["search"]
    assert page.select_one(".md-search input.md-search__input")
    stub = json.loads((minimal_site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert stub["docs"] == [] and stub["config"]["lang"] == ["de"]
    assert not (minimal_site / "assets" / "javascripts" / "search-stemming.js").exists()


def test_page_excluded_by_front_matter_stays_out(tmp_path):
    project = make_project(tmp_path, "minimal")
    page = project / "docs" / "artikel" / "windpark-im-dorf.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("---\n", "---\nsearch:\n  exclude: true\n", 1), encoding="utf-8")
    site = build(project)
    assert "artikel/windpark-im-dorf/" not in indexed_pages(site)
    assert "artikel/ohne-themen/" in indexed_pages(site)


def test_publications_and_hubs(topics_index):
    pub = topics_index["publikationen/alpha/"]
    assert pub["filters"]["typ"] == ["Publikation"]
    assert pub["filters"]["jahr"] == ["2023"]
    assert sorted(pub["filters"]["thema"]) == ["Energiewende", "Strukturwandel"]
    hub = topics_index["themen/migration/"]
    assert hub["filters"] == {"typ": ["Thema"], "thema": ["Migration"]}
    # A hub is found by its introduction, not by the items it lists.
    assert "Nur Migration" not in hub["content"]


@pytest.fixture(scope="module")
def topics_index(tmp_path_factory):
    return indexed_pages(build(make_project(tmp_path_factory.mktemp("topics-search"), "topics")))


def test_every_rebuild_indexes_anew(tmp_path):
    """As in ``mkdocs serve``: the same hooks build again after a change; the index follows."""
    project = make_project(tmp_path, "minimal")
    site = build(project, command="serve")
    assert "Zaunkönig" in indexed_pages(site)["suchtest/"]["content"]
    page = project / "docs" / "suchtest.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Zaunkönig", "Eisvogel"), encoding="utf-8")
    build(project, command="serve")
    pages = indexed_pages(site)
    assert "Eisvogel" in pages["suchtest/"]["content"] and "Zaunkönig" not in pages["suchtest/"]["content"]
    # No pieces of the old index are left behind.
    assert len(list((site / "pagefind" / "fragment").iterdir())) == len(pages)
