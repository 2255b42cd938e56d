"""Fixture builds: the generated HTML, parsed."""

from __future__ import annotations

import logging
import re
from pathlib import Path

from sitebuild import ROOT, build, html, make_project


def chip_labels(page) -> list[str]:
    return [a.get_text(strip=True) for a in page.select(".md-tags .md-tag")]


def test_article_page(minimal_site):
    page = html(minimal_site, "artikel/windpark-im-dorf")
    assert page.html["lang"] == "de"
    assert page.h1.get_text(strip=True) == "Windpark im Dorf"
    assert page.select_one(".k3b-byline time")["datetime"] == "2025-03-14"
    assert "14. März 2025" in page.select_one(".k3b-byline").get_text()
    assert "K3B-Redaktion" in page.select_one(".k3b-byline").get_text()
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description == "Ein Testartikel über einen Windpark."
    assert chip_labels(page) == ["Energiewende"]
    assert page.select_one(".md-tags .md-tag")["href"] == "../../themen/energiewende/"
    # No raw front matter in the body.
    assert "summary:" not in page.select_one("article").get_text()


def test_detected_topics_become_chips(minimal_site):
    assert chip_labels(html(minimal_site, "artikel/ohne-themen")) == ["Klimawandelfolgen"]


def test_topic_slug_in_front_matter_shows_label(minimal_site):
    assert chip_labels(html(minimal_site, "artikel/aelterer-artikel")) == ["Demografischer Wandel"]


def test_case_study_facts_are_escaped(minimal_site):
    page = html(minimal_site, "fallbeispiele/testfall")
    facts = {row.th.get_text(): row.td.get_text() for row in page.select("table.k3b-facts tr")}
    assert facts["Kommune"] == "Testhausen"
    assert facts["Bundesland"] == "Sachsen-Anhalt"
    assert facts["Phase"] == "Abgeschlossen"
    assert facts["Beteiligte"] == "Bürgermeisterin, Gemeinderat"
    assert "Fiktives Beispiel" in page.select_one(".k3b-byline").get_text()
    # The title "Testfall <Unterkunft>" is text, never markup.
    assert page.h1.get_text() == "Testfall <Unterkunft>"
    assert page.find("unterkunft") is None


def test_article_listing_newest_first_with_summary_and_topics(minimal_site):
    page = html(minimal_site, "artikel")
    cards = page.select(".k3b-list .k3b-card")
    assert [c.select_one(".k3b-card__title").get_text() for c in cards] == [
        "Windpark im Dorf", "Ohne Themen", "Älterer Artikel"
    ]
    first = cards[0]
    assert first.select_one(".k3b-card__title a")["href"] == "windpark-im-dorf/"
    assert first.select_one(".k3b-card__summary").get_text() == "Ein Testartikel über einen Windpark."
    assert [a.get_text() for a in first.select(".k3b-chip")] == ["Energiewende"]
    assert first.select_one(".k3b-chip")["href"] == "../themen/energiewende/"


def test_case_study_listing(minimal_site):
    cards = html(minimal_site, "fallbeispiele").select(".k3b-card")
    assert len(cards) == 1
    meta = cards[0].select_one(".k3b-card__meta").get_text()
    assert "Testhausen, Sachsen-Anhalt" in meta and "Fiktives Beispiel" in meta


def test_start_page_shows_topics_with_counts_and_newest(minimal_site):
    page = html(minimal_site, "")
    topics = {
        li.select_one(".k3b-topic__label").get_text(): li.select_one(".k3b-topic__count").get_text()
        for li in page.select(".k3b-topic-grid li")
    }
    assert list(topics) == [
        "Energiewende", "Migration", "Strukturwandel", "Demografischer Wandel", "Klimawandelfolgen"
    ]
    # Only what a topic has: with five kinds of content, zeros would drown the numbers.
    assert topics["Energiewende"] == "1 Artikel"
    assert topics["Migration"] == "1 Fallbeispiel"
    assert page.select_one(".k3b-topic a")["href"] == "themen/energiewende/"
    titles = [a.get_text() for a in page.select(".k3b-card__title a")]
    assert titles[:3] == ["Windpark im Dorf", "Ohne Themen", "Älterer Artikel"]
    assert "Testfall <Unterkunft>" in titles


def test_topic_overview_links_every_topic_to_its_hub(minimal_site):
    page = html(minimal_site, "themen")
    cards = page.select(".k3b-topic-grid li")
    assert [c.select_one("a")["href"] for c in cards] == [
        "energiewende/", "migration/", "strukturwandel/", "demografischer-wandel/", "klimawandelfolgen/"]
    assert all(c.select_one(".k3b-topic__description").get_text(strip=True) for c in cards)
    # The overview does not list items: its size does not grow with the site.
    assert "Windpark im Dorf" not in page.select_one("article").get_text()


def test_header_holds_sections_not_articles(minimal_site):
    page = html(minimal_site, "artikel/windpark-im-dorf")
    tabs = [a.get_text(strip=True) for a in page.select(".md-tabs__link")]
    assert tabs == ["Start", "Artikel", "Fallbeispiele", "Veranstaltungen", "Projekte", "Publikationen",
                    "Themen",
                    "Über uns"]
    nav_links = {a.get("href") for a in page.select("nav.md-nav a")}
    assert not any("windpark-im-dorf" in (href or "") and href != "./" for href in nav_links)


def test_legal_pages_exist_and_are_linked_from_every_page(minimal_site):
    for path in ("impressum", "datenschutz", "barrierefreiheit", "ueber-uns"):
        assert (minimal_site / path / "index.html").exists()
    for page_file in minimal_site.rglob("*.html"):
        page = html(page_file.parent, "")
        links = [a.get_text() for a in page.select("footer .k3b-legal a")]
        assert links == ["Impressum", "Datenschutz", "Barrierefreiheit"], page_file


def test_no_third_party_assets(minimal_site):
    for page_file in minimal_site.rglob("*.html"):
        page = html(page_file.parent, "")
        for tag, attribute in (("link", "href"), ("script", "src"), ("img", "src")):
            for element in page.find_all(tag):
                value = element.get(attribute) or ""
                if tag == "link" and element.get("rel") == ["canonical"]:
                    continue
                assert not re.match(r"(https?:)?//", value), (page_file, value)


def write_articles(docs: Path, count: int) -> None:
    for number in range(count):
        (docs / "artikel" / f"generiert-{number:04d}.md").write_text(
            f"---\ntitle: Generierter Artikel {number}\ndate: 2024-01-{number % 28 + 1:02d}\n"
            f"authors: [K3B-Redaktion]\nsummary: Zusammenfassung {number}.\ntopics: [Migration]\n"
            f"---\n\nText über eine Unterkunft, Nummer {number}.\n",
            encoding="utf-8",
        )


def write_publications(project: Path, count: int) -> None:
    entries = [
        f"@article{{test{n:04d},\n  author = {{Muster, Anna}},\n  title = {{Testtitel {n}}},\n"
        f"  journal = {{Zeitschrift für Testdaten}},\n  year = {{{2000 + n % 25}}},\n"
        f"  keywords = {{Migration}},\n}}\n"
        for n in range(count)
    ]
    (project / "publications" / "test.bib").write_text("\n".join(entries), encoding="utf-8")


def page_sizes(site: Path) -> dict[str, int]:
    pages = ("artikel/windpark-im-dorf/", "themen/migration/", "publikationen/", "artikel/",
             "publikationen/test0001/", "")
    return {page: (site / page / "index.html").stat().st_size for page in pages}


def test_pages_do_not_grow_with_the_size_of_the_site(tmp_path):
    """Article, hub, listing and publication pages stay bounded; the rest goes on further pages."""
    small = make_project(tmp_path / "small", "minimal")
    write_articles(small / "docs", 10)
    write_publications(small, 10)
    large = make_project(tmp_path / "large", "minimal")
    write_articles(large / "docs", 310)
    write_publications(large, 450)
    before, after = page_sizes(build(small)), page_sizes(build(large))
    print({page: f"{before[page]} → {after[page]}" for page in before})
    for page in before:
        # Listings fill up to one page of entries; everything else stays within 10 %.
        limit = 60_000 if page in ("artikel/", "publikationen/") else before[page] * 0.10
        assert after[page] - before[page] < limit, page
    site = large / "site"
    assert (site / "artikel/seite/7/index.html").exists()
    assert not (site / "artikel/seite/8").exists()
    assert (site / "publikationen/seite/5/index.html").exists()
    assert (site / "themen/migration/artikel/seite/7/index.html").exists()
    last = html(site, "artikel/seite/7")
    assert "Seite 7 von 7 (313 Einträge)" in last.select_one(".k3b-pager").get_text()
    assert len(last.select(".k3b-card")) == 13
    hub_cards = html(site, "themen/migration").select(".k3b-card")
    assert len(hub_cards) == 6  # the newest five articles and the one case study


def test_real_site_builds_with_sample_content(real_site):
    articles = html(real_site, "artikel").select(".k3b-card")
    cases = html(real_site, "fallbeispiele").select(".k3b-card")
    assert len(articles) >= 6 and len(cases) >= 4
    for card in cases:
        assert "Fiktives Beispiel" in card.get_text()
    covered = set()
    for page_file in (real_site / "artikel").glob("*/index.html"):
        covered.update(chip_labels(html(page_file.parent, "")))
    for page_file in (real_site / "fallbeispiele").glob("*/index.html"):
        covered.update(chip_labels(html(page_file.parent, "")))
    assert covered == {"Energiewende", "Migration", "Strukturwandel", "Demografischer Wandel",
                       "Klimawandelfolgen"}


def test_build_log_reports_detected_topics(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="mkdocs")
    build(make_project(tmp_path, "minimal"))
    messages = [r.getMessage() for r in caplog.records]
    assert ("docs/artikel/ohne-themen.md: Themen erkannt: Klimawandelfolgen "
            "(Hochwasser ×2, Hitze ×1, Starkregen ×1)") in messages


def test_sample_content_is_long_enough_and_marked(real_site):
    from k3b.frontmatter import parse_front_matter

    for section in ("artikel", "fallbeispiele"):
        for source in (ROOT / "docs" / section).glob("*.md"):
            if source.name == "index.md":
                continue
            fm = parse_front_matter(source.read_text(encoding="utf-8"))
            assert len(fm.body.split()) >= 400, source
            if section == "fallbeispiele" and fm.data.get("fictional"):
                assert "Fiktives Beispiel" in fm.body, source
