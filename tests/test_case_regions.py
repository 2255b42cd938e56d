"""Case studies by region: the map of Germany on /fallbeispiele/, a page per Land, hub maps,
the place in JSON-LD. Built from the ``regions`` fixture (real Kreise, test data) once."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from searchindex import indexed_pages
from sitebuild import build, html, make_project


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(make_project(tmp_path_factory.mktemp("regions"), "regions"))


def map_links(page) -> dict[str, str]:
    """Accessible name → href of every region link of the page's map."""
    return {a["aria-label"]: a["href"] for a in page.select("svg.k3b-map a")}


def test_listing_starts_with_summary_list_and_map_of_laender_and_kreise(site):
    page = html(site, "fallbeispiele")
    summary = page.select_one(".k3b-map__summary")
    assert summary.get_text() == ("6 Fallbeispiele in 3 Ländern, in 4 Kreisen; davon ein fiktives, "
                                  "nur beim Land gezählt.")
    # The text comes first, then the map, then the list grouped by Bundesland.
    order = [e for e in page.select(".k3b-map__summary, svg.k3b-map, h2.k3b-group")]
    assert [e.name for e in order[:2]] == ["p", "svg"] and order[2].name == "h2"
    assert [li.get_text() for li in page.select(".k3b-map__list li")] == [
        "Bayern: 1 Fallbeispiel", "Brandenburg: 3 Fallbeispiele, davon 1 fiktiv", "Sachsen: 2 Fallbeispiele"]
    assert map_links(page) == {
        "Bayern: 1 Fallbeispiel": "bayern/",
        "Brandenburg: 3 Fallbeispiele, davon 1 fiktiv": "brandenburg/",
        "Sachsen: 2 Fallbeispiele": "sachsen/",
        "Landkreis Görlitz: 2 Fallbeispiele": "sachsen/#landkreis-goerlitz",
        "Landkreis Oder-Spree: 1 Fallbeispiel": "brandenburg/#landkreis-oder-spree",
        "München (kreisfreie Stadt): 1 Fallbeispiel": "bayern/#muenchen-kreisfreie-stadt",
        "Potsdam (kreisfreie Stadt): 1 Fallbeispiel": "brandenburg/#potsdam-kreisfreie-stadt",
    }
    svg = page.select_one("svg.k3b-map")
    assert svg["aria-labelledby"] == svg.title["id"] and svg["aria-describedby"] == svg.desc["id"]
    # 16 Länder and 400 Kreise drawn; only regions with cases are links (focusable).
    assert len(svg.select(".k3b-map__laender path")) == 16 and len(svg.select(".k3b-map__kreise path")) == 400
    assert len(svg.select("a")) == 7
    assert sorted(t.get_text() for t in svg.select(".k3b-map__count text")) == ["1", "1", "1", "1", "2", "2",
                                                                             "3"]
    assert "GeoBasis-DE / BKG (2019)" in page.select_one(".k3b-map__credit").get_text()
    assert [h.get_text() for h in page.select("h2.k3b-group")] == ["Bayern", "Brandenburg", "Sachsen"]
    assert [h["id"] for h in page.select("h2.k3b-group")] == ["bayern", "brandenburg", "sachsen"]


def test_no_style_attributes_and_no_external_resources_in_maps(site):
    for path in ("fallbeispiele", "fallbeispiele/brandenburg", "themen/energiewende"):
        page = html(site, path)
        svg = page.select_one("svg.k3b-map")
        assert svg is not None, path
        assert not svg.select("[style]") and not svg.select("style, script, image, use")


def test_land_page_lists_kreise_with_anchors_and_fictional_cases_apart(site):
    page = html(site, "fallbeispiele/brandenburg")
    assert page.select_one("h1").get_text() == "Fallbeispiele in Brandenburg"
    assert page.select_one(".k3b-map__summary").get_text() == (
        "Brandenburg: 3 Fallbeispiele, davon 1 fiktiv, in 2 Kreisen. Fiktive Beispiele nennen keinen "
        "amtlichen Kreis und erscheinen nicht auf der Karte.")
    assert map_links(page) == {"Landkreis Oder-Spree: 1 Fallbeispiel": "#landkreis-oder-spree",
                               "Potsdam (kreisfreie Stadt): 1 Fallbeispiel": "#potsdam-kreisfreie-stadt"}
    svg = page.select_one("svg.k3b-map")
    assert len(svg.select("path.k3b-map__region")) == 18  # Brandenburg's 14 Landkreise and 4 Städte
    groups = {h["id"]: [a.get_text() for a in h.find_next("ul").select("h3 a")]
              for h in page.select("h2.k3b-group")}
    assert groups == {"landkreis-oder-spree": ["Testfall Oder-Spree"],
                      "potsdam-kreisfreie-stadt": ["Testfall Potsdam"],
                      "fiktive-beispiele": ["Fiktiver Testfall"]}
    assert "GeoBasis-DE / BKG (2019)" in page.select_one(".k3b-map__credit").get_text()


def test_every_land_has_a_page_and_empty_ones_say_so(site):
    for slug in ("baden-wuerttemberg", "hessen", "thueringen", "schleswig-holstein"):
        page = html(site, f"fallbeispiele/{slug}")
        assert page.select_one(".k3b-map__summary").get_text().startswith("Noch keine Fallbeispiele in ")
        assert not page.select("svg.k3b-map a")
    index = indexed_pages(site)
    assert "fallbeispiele/brandenburg/" in index and "fallbeispiele/hessen/" not in index
    # Found as an overview by its introduction; the cases it lists are found themselves.
    assert index["fallbeispiele/brandenburg/"]["filters"]["typ"] == ["Übersicht"]
    assert "Testfall Potsdam" not in index["fallbeispiele/brandenburg/"]["content"]


def test_hub_shows_a_small_map_of_its_topics_cases_only(site):
    page = html(site, "themen/energiewende")
    section = page.find(id="fallbeispiele").find_next("svg")
    assert "k3b-map--klein" in section["class"] and not section.select(".k3b-map__kreise")
    assert map_links(page) == {
        "Brandenburg: 2 Fallbeispiele, davon 1 fiktiv": "../../fallbeispiele/brandenburg/",
        "Sachsen: 1 Fallbeispiel": "../../fallbeispiele/sachsen/"}
    assert page.select_one(".k3b-map__summary").get_text() == (
        "3 Fallbeispiele zu diesem Thema, in 2 Kreisen; davon ein fiktives, nur beim Land gezählt.")


def test_case_pages_and_articles_carry_no_map(site):
    for path in ("fallbeispiele/potsdam", "fallbeispiele/fiktiv-brandenburg"):
        assert not html(site, path).select("svg.k3b-map")


@pytest.mark.parametrize(("path", "kreis", "ags", "fictional"), [
    ("fallbeispiele/potsdam", "Potsdam (kreisfreie Stadt)", "12054", False),
    ("fallbeispiele/muenchen-stadt", "München (kreisfreie Stadt)", "09162", False),
    ("fallbeispiele/fiktiv-brandenburg", "Landkreis Erfunden", None, True),
])
def test_case_page_has_its_place_in_facts_and_json_ld(site, path, kreis, ags, fictional):
    page = html(site, path)
    data = json.loads(page.find("script", type="application/ld+json").string)
    place = data["contentLocation"]
    assert place["@type"] == "Place" and place["name"] == "Testort"
    county = place["containedInPlace"]
    assert county["name"] == kreis
    assert county.get("identifier", {}).get("value") == ags
    assert county["containedInPlace"]["@type"] == "AdministrativeArea"
    assert (data.get("genre") == "Fiktives Beispiel") == fictional
    row = next(tr for tr in page.select(".k3b-facts tr") if tr.th.get_text() == "Kreis")
    assert row.td.get_text() == (f"{kreis} (AGS {ags})" if ags else f"{kreis} (fiktiv)")


def test_map_weight_listing_and_land_page(site):
    """A guard, not a target: the maps stay about as small as measured (README)."""
    def weight(path: str) -> tuple[int, int]:
        raw = (site / path / "index.html").read_text(encoding="utf-8")
        svg = re.search(r"<svg class=\"k3b-map.*?</svg>", raw, re.S).group(0).encode()
        return len(svg), len(gzip.compress(svg, 9))
    listing, land = weight("fallbeispiele"), weight("fallbeispiele/bayern")
    hub = weight("themen/energiewende")
    assert listing[0] < 75_000 and listing[1] < 25_000, listing
    assert land[0] < 20_000 and land[1] < 8_000, land
    assert hub[0] < 10_000 and hub[1] < 4_000, hub
