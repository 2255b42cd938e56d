"""Fixture builds: citations, "Zitiert in", topic hubs, related content and feeds."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import feedparser
import pytest
from mkdocs.exceptions import Abort

from sitebuild import build, error_lines, html, make_project


@pytest.fixture(scope="module")
def topics_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(make_project(tmp_path_factory.mktemp("topics"), "topics"))


def article(site: Path, slug: str):
    return html(site, f"artikel/{slug}").select_one("article")


# --- citations ------------------------------------------------------------------------

def test_citations_become_author_year_links_to_the_bibliography(topics_site):
    page = article(topics_site, "zwei-themen")
    group = page.select_one(".k3b-cite-group")
    assert group.get_text() == "(Muster und Probe 2023; Landesamt für Tests 2021, S. 12)"
    assert [a["href"] for a in group.select("a")] == ["#lit-alpha", "#lit-beta"]
    entries = page.select(".k3b-bibliography > li")
    assert [li["id"] for li in entries] == ["lit-beta", "lit-alpha"]  # alphabetical
    assert entries[1].a["href"] == "../../publikationen/alpha/"
    assert entries[1].get_text().startswith("Muster, Anna und Probe, Paul (2023): Konflikte um Solarparks.")
    assert page.find(id="literatur").get_text(strip=True).startswith("Literatur")


def test_prefix_and_locator(topics_site):
    group = article(topics_site, "windkraft").select_one(".k3b-cite-group")
    assert group.get_text() == "(vgl. Muster und Probe 2023, S. 3)"


def test_code_mail_addresses_and_links_are_not_citations(topics_site):
    page = article(topics_site, "zwei-themen")
    assert "Im Codeblock bleibt [@nichtda] stehen." in page.select_one("pre").get_text()
    assert page.find("code", string="[@auchnicht]") is not None
    assert "[post@example.org]" in page.get_text()
    assert page.find("a", string="@nicht-zitiert")["href"] == "https://example.org/"
    assert len(page.select(".k3b-cite-group")) == 1


def test_page_without_citations_has_no_bibliography(topics_site):
    assert article(topics_site, "nur-migration").select_one(".k3b-bibliography") is None


def test_publication_page_lists_citing_pages(topics_site):
    page = html(topics_site, "publikationen/alpha")
    cited = [a.get_text() for a in page.select(".k3b-cited-in a")]
    assert cited == ["Zwei Themen", "Windkraft"]  # newest first
    assert html(topics_site, "publikationen/gamma").select_one(".k3b-cited-in") is None


def test_unknown_citation_and_bib_error_are_reported_together(tmp_path, caplog):
    project = make_project(tmp_path, "bad-citation")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(project)
    lines = error_lines(caplog)
    assert 'docs/artikel/falsch-zitiert.md:11: unbekannte Quelle „alpah“ – meinten Sie „alpha“?' in lines
    assert "publications/test.bib:9: BibTeX-Syntaxfehler: am Zeilenende fehlt ein Komma (oder eine " \
        "schließende Klammer)" in lines
    # A broken entry is reported once, in its .bib file, not again where it is cited.
    assert not any("„kaputt“" in line for line in lines if line.startswith("docs/"))
    assert not (project / "site" / "artikel").exists()


# --- hubs ---------------------------------------------------------------------------

def hub(site: Path, slug: str):
    return html(site, f"themen/{slug}")


def section_titles(page, section: str) -> list[str]:
    heading = page.find(id=section)
    # The section's list (a case-study section starts with its map and the map's text).
    listing = heading.find_next_sibling(["ul", "p"], class_=["k3b-list", "k3b-pubs", "k3b-empty"])
    return [a.get_text() for a in listing.select(".k3b-card__title a, .k3b-pub > a")]


def test_hub_joins_articles_case_studies_and_publications(topics_site):
    page = hub(topics_site, "strukturwandel")
    assert page.h1.get_text(strip=True) == "Strukturwandel"
    assert "2 Artikel" not in page.select_one(".k3b-hub__counts").get_text()
    assert page.select_one(".k3b-hub__counts").get_text().startswith(
        "1 Artikel, 1 Fallbeispiel, 2 Publikationen")
    assert section_titles(page, "artikel") == ["Zwei Themen"]
    assert section_titles(page, "fallbeispiele") == ["Revierfall"]
    assert "Teststadt, Sachsen" in page.find(id="fallbeispiele").find_next("ul", class_="k3b-list").get_text()
    assert len(section_titles(page, "publikationen")) == 2
    assert page.select_one(".k3b-hub__intro").get_text().startswith("Wenn Industrie und Bergbau gehen")


def test_two_topic_page_is_on_both_hubs_once(topics_site):
    for slug in ("energiewende", "strukturwandel"):
        titles = section_titles(hub(topics_site, slug), "artikel")
        assert titles.count("Zwei Themen") == 1, slug


def test_hub_links_full_listings_and_feed(topics_site):
    page = hub(topics_site, "energiewende")
    assert [a["href"] for a in page.select("a.k3b-more")] == ["artikel/", "publikationen/"]
    assert page.select_one("a.k3b-feed-link")["href"] == "feed.xml"
    assert "Thema abonnieren" in page.select_one("a.k3b-feed-link").get_text()
    listing = html(topics_site, "themen/energiewende/artikel")
    assert [a.get_text() for a in listing.select(".k3b-card__title a")] == ["Zwei Themen", "Windkraft"]


def test_hub_has_chart_with_table_alternative(topics_site):
    page = hub(topics_site, "energiewende")
    svg = page.select_one("svg.k3b-chart")
    assert svg["role"] == "img"
    assert svg.title.get_text().startswith("Artikel, Fallbeispiele und Publikationen")
    rows = {r.th.get_text(): [td.get_text() for td in r.select("td")]
            for r in page.select(".k3b-chart-table tbody tr")}
    assert rows["2025"] == ["2", "0"] and rows["2023"] == ["0", "1"]


def test_hub_uses_written_intro(topics_site):
    page = hub(topics_site, "migration")
    assert "Diese Einleitung hat die Redaktion geschrieben." in page.get_text()
    assert page.select_one(".k3b-hub__intro") is None
    assert section_titles(page, "artikel") == ["Nur Migration"]


def test_empty_topic_gets_a_hub_that_says_so(topics_site):
    page = hub(topics_site, "klimawandelfolgen")
    assert "noch keine Inhalte" in page.select_one(".k3b-empty").get_text()


def test_intro_for_unknown_topic_is_reported(tmp_path, caplog):
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(make_project(tmp_path, "bad-topic-intro"))
    assert error_lines(caplog)[0].startswith(
        "docs/themen/energiewnede.md:1: kein Thema „energiewnede“ im Vokabular")
    assert "meinten Sie „energiewende.md“?" in error_lines(caplog)[0]


def test_chips_link_to_hubs(topics_site):
    page = html(topics_site, "artikel/zwei-themen")
    assert [a["href"] for a in page.select(".md-tags a")] == [
        "../../themen/energiewende/", "../../themen/strukturwandel/"]


def test_links_between_pages_stay_out_of_the_search_index(topics_site):
    """Citations, bibliography, "Zitiert in", related content, chips and BibTeX are in the
    page, not in the index (data-pagefind-ignore): a search for a work finds the work's own
    page, not every text that cites it.
    """
    from searchindex import indexed_pages

    index = indexed_pages(topics_site)
    article_text = index["artikel/zwei-themen/"]["content"]
    assert index["artikel/zwei-themen/"]["meta"]["title"] == "Zwei Themen"
    assert "Solarpark" in article_text
    for left_out in ("Muster und Probe", "Literatur", "Verwandte Inhalte"):
        assert left_out not in article_text, left_out
    # The chips are left out; the topic's name is there once, in the (indexed) summary.
    assert article_text.count("Strukturwandel") == 1
    assert "Ein Artikel, der zu Energiewende und Strukturwandel gehört." in article_text
    publication_text = index["publikationen/alpha/"]["content"]
    assert "Konflikte um Solarparks" in publication_text
    for left_out in ("Zwei Themen", "Zitiert in", "@article", "Energiewende"):
        assert left_out not in publication_text, left_out
    assert "K3BLATE" not in json.dumps(index) and "K3BDEFERRED" not in json.dumps(index)
    assert not [a for a in index["artikel/zwei-themen/"]["anchors"] if a["id"].startswith("literatur")]
    page = html(topics_site, "artikel/zwei-themen")
    assert "K3BLATE" not in str(page) and "K3BDEFERRED" not in str(page)
    assert page.select_one(".k3b-cite-group") and page.select_one(".k3b-bibliography")
    assert page.select_one('.md-nav--secondary a[href="#literatur"]')  # still in the contents
    assert page.select_one("h2#literatur + ol.k3b-bibliography")


def test_bibliography_heading_does_not_clash_with_a_written_literatur_heading(tmp_path):
    project = make_project(tmp_path, "topics")
    page = project / "docs" / "artikel" / "zwei-themen.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n## Literatur\n\nEine eigene Liste.\n",
                    encoding="utf-8")
    site = build(project)
    article_html = html(site, "artikel/zwei-themen")
    ids = [tag["id"] for tag in article_html.select("[id]")]
    assert len(ids) == len(set(ids))
    assert article_html.select_one("h2#literatur").find_next_sibling("p").get_text() == "Eine eigene Liste."
    assert article_html.select_one("h2#literatur_1 + ol.k3b-bibliography")
    toc = [a["href"] for a in article_html.select(".md-nav--secondary a")]
    assert toc[-2:] == ["#literatur", "#literatur_1"]


# --- related content --------------------------------------------------------------

def test_related_content_prefers_shared_citations(topics_site):
    page = html(topics_site, "artikel/windkraft")
    related = [a.get_text() for a in page.select(".k3b-related a")]
    # The article citing the same work first; the cited work itself is in the bibliography.
    assert related[0] == "Zwei Themen"
    assert "Konflikte um Solarparks" not in related
    assert "Windkraft" not in related
    assert len(related) <= 5


def test_publication_page_has_related_content(topics_site):
    related = [a.get_text() for a in html(topics_site, "publikationen/alpha").select(".k3b-related a")]
    assert related[:2] == ["Zwei Themen", "Windkraft"]


# --- feeds ----------------------------------------------------------------------------

def test_site_feed_is_valid_atom_in_date_order(topics_site):
    feed = feedparser.parse((topics_site / "feed.xml").read_bytes())
    assert not feed.bozo
    assert feed.version == "atom10"
    titles = [e.title for e in feed.entries]
    assert titles[:3] == ["Zwei Themen", "Windkraft", "Nur Migration"]
    dates = [e.updated_parsed for e in feed.entries]
    assert dates == sorted(dates, reverse=True)
    first = feed.entries[0]
    assert first.link == "http://127.0.0.1:8000/artikel/zwei-themen/"
    assert [t.term for t in first.tags] == ["energiewende", "strukturwandel"]
    assert first.summary.startswith("Artikel: Ein Artikel, der zu Energiewende")
    assert "Publikation" in {e.summary.split(":")[0] for e in feed.entries}


def test_topic_feed_has_only_its_topic(topics_site):
    feed = feedparser.parse((topics_site / "themen/migration/feed.xml").read_bytes())
    assert not feed.bozo
    assert {e.title for e in feed.entries} == {
        "Nur Migration", "Ankommen in Kleinstädten", "Fiktiver Testeintrag"}


def test_pages_announce_feeds(topics_site):
    link = hub(topics_site, "migration").find("link", rel="alternate", type="application/atom+xml")
    assert link["href"] == "feed.xml"
    link = html(topics_site, "artikel/windkraft").find("link", rel="alternate", type="application/atom+xml")
    assert link["href"] == "../../feed.xml"


def test_feeds_are_deterministic(tmp_path):
    first = build(make_project(tmp_path / "a", "topics"))
    second = build(make_project(tmp_path / "b", "topics"))
    for feed in ("feed.xml", "themen/energiewende/feed.xml"):
        assert (first / feed).read_bytes() == (second / feed).read_bytes()


def test_missing_site_url_fails_with_german_message(tmp_path, caplog, monkeypatch):
    project = make_project(tmp_path, "topics")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        'site_url: !ENV [K3B_SITE_URL, "http://127.0.0.1:8000/"]', "site_url: ''"), encoding="utf-8")
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build(project)
    assert error_lines(caplog)[0] == (
        "mkdocs.yml:1: „site_url“ fehlt: Feeds und kanonische Links brauchen die öffentliche Adresse "
        "(z. B. site_url: https://wissen.k3b.example/)")


def test_own_publications_are_marked(topics_site):
    facts = {r.th.get_text(): r.td.get_text() for r in html(topics_site, "publikationen/eigenes").select(
        "table.k3b-facts tr")}
    assert facts["Herkunft"] == "Publikation des K3B"
    facts = {r.th.get_text(): r.td.get_text() for r in html(topics_site, "publikationen/alpha").select(
        "table.k3b-facts tr")}
    assert facts["Herkunft"] == "Zitierte Literatur"
    listing = html(topics_site, "publikationen")
    own = [li["data-key"] for li in listing.select("li.k3b-pub")
           if "Publikation des K3B" in li.select_one(".k3b-pub__type").get_text()]
    assert own == ["eigenes"]
