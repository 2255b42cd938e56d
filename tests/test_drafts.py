"""Drafts and scheduled items: absent from everything the published build writes, shown
with a banner in the preview (``mkdocs serve`` or ``K3B_PREVIEW=1``)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from k3b.publishing import DRAFT, PUBLISHED, SCHEDULED, banner_html, status
from searchindex import indexed_pages
from sitebuild import build, html, make_project

TODAY = "2026-12-01"
HIDDEN = ("artikel/entwurf/", "artikel/geplant/", "artikel/unfertig/", "fallbeispiele/geplanter-fall/")
HIDDEN_TITLES = ("Geheimer Entwurf", "Geplanter Windkraft-Artikel", "Halbfertiger Entwurf", "Geplanter Fall")


@pytest.mark.parametrize(("draft", "release", "expected"), [
    (False, None, PUBLISHED),
    (False, dt.date(2026, 12, 1), PUBLISHED),  # published on its day
    (False, dt.date(2026, 12, 2), SCHEDULED),
    (True, dt.date(2020, 1, 1), DRAFT),
    (True, dt.date(2030, 1, 1), DRAFT),
])
def test_status(draft, release, expected):
    assert status(draft, release, dt.date(2026, 12, 1)) == expected


def test_banner_says_when_in_german():
    assert "Geplant für den 3. März 2027" in banner_html(SCHEDULED, dt.date(2027, 3, 3))
    assert "Entwurf – nicht veröffentlicht" in banner_html(DRAFT, None)
    assert banner_html(PUBLISHED, None) == ""


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("K3B_TODAY", TODAY)
        mp.delenv("K3B_PREVIEW", raising=False)
        return build(make_project(tmp_path_factory.mktemp("published"), "drafts"))


def _all_text(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*")
                     if p.is_file() and p.suffix in (".html", ".xml", ".json", ".bib", ".txt"))


def test_published_build_leaves_drafts_and_scheduled_out(published):
    for url in HIDDEN:
        assert not (published / url).exists(), url
    everything = _all_text(published)  # listings, hubs, feeds, search index, sitemap, related
    for title in HIDDEN_TITLES:
        assert title not in everything, title
    for url in HIDDEN:
        assert url not in everything, url
    assert (published / "artikel/veroeffentlicht/index.html").exists()


def test_drafts_do_not_count_as_citing(published):
    beta = html(published, "publikationen/beta/")  # only the draft and the scheduled text cite it
    assert not beta.find(id="zitiert-in")
    alpha = html(published, "publikationen/alpha/")
    assert [a.get_text() for a in alpha.select(".k3b-cited-in a")] == ["Veröffentlichter Windpark-Artikel"]
    hub = html(published, "themen/energiewende/")
    assert "1 Artikel" in hub.select_one(".k3b-hub__counts").get_text()


def test_search_index_and_sitemap_have_no_drafts(published):
    locations = set(indexed_pages(published))
    assert "artikel/veroeffentlicht/" in locations
    assert not locations & set(HIDDEN)


def test_preview_shows_drafts_but_does_not_index_them(preview):
    assert (preview / "artikel/entwurf/index.html").exists()
    locations = set(indexed_pages(preview))
    assert "artikel/veroeffentlicht/" in locations
    assert not locations & set(HIDDEN)
    assert not html(preview, "artikel/entwurf/").select_one("article[data-pagefind-body]")


def test_a_scheduled_item_appears_on_its_day(tmp_path, monkeypatch):
    monkeypatch.setenv("K3B_TODAY", "2027-03-03")
    site = build(make_project(tmp_path, "drafts"))
    assert (site / "artikel/geplant/index.html").exists()
    assert not html(site, "artikel/geplant/").select(".k3b-banner")
    assert not (site / "artikel/entwurf/").exists()
    assert not (site / "fallbeispiele/geplanter-fall/").exists()


@pytest.fixture(scope="module", params=["serve", "env"])
def preview(request, tmp_path_factory) -> Path:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("K3B_TODAY", TODAY)
        if request.param == "env":
            mp.setenv("K3B_PREVIEW", "1")
            return build(make_project(tmp_path_factory.mktemp("env"), "drafts"))
        mp.delenv("K3B_PREVIEW", raising=False)
        return build(make_project(tmp_path_factory.mktemp("serve"), "drafts"), command="serve")


@pytest.mark.parametrize(("url", "headline"), [
    ("artikel/entwurf/", "Entwurf – nicht veröffentlicht"),
    ("artikel/geplant/", "Geplant für den 3. März 2027"),
    ("fallbeispiele/geplanter-fall/", "Geplant für den 15. Januar 2031"),
    ("artikel/unfertig/", "Entwurf – nicht veröffentlicht"),
])
def test_preview_shows_them_with_a_banner(preview, url, headline):
    banner = html(preview, url).select_one(".k3b-banner")
    assert banner is not None and banner.select_one(".admonition-title").get_text() == headline


def test_preview_lists_the_problems_of_an_unfinished_draft(preview):
    todo = [li.get_text() for li in html(preview, "artikel/unfertig/").select(".k3b-banner li")]
    assert any("Pflichtfeld „summary“ fehlt" in line for line in todo), todo
    assert any("„Energiewnede“ – meinten Sie „Energiewende“?" in line for line in todo), todo
    assert any("unbekannte Quelle „gibtsnicht“" in line for line in todo), todo


def test_preview_listings_mark_drafts_and_scheduled_items(preview):
    cards = {c.select_one(".k3b-card__title").get_text(): c
             for c in html(preview, "artikel/").select(".k3b-card")}
    marks = {title: card.select_one(".k3b-status").get_text() for title, card in cards.items()
             if card.select_one(".k3b-status")}
    # The unfinished draft is no valid item yet: only its own page shows it.
    assert marks == {"Geheimer Entwurf über Windkraft": "Entwurf",
                     "Geplanter Windkraft-Artikel": "Geplant: 3. März 2027"}
    assert not html(preview, "artikel/veroeffentlicht/").select(".k3b-banner")


def test_published_build_reports_draft_problems_without_failing(tmp_path, monkeypatch, caplog):
    monkeypatch.setenv("K3B_TODAY", TODAY)
    caplog.set_level("INFO")
    build(make_project(tmp_path, "drafts"))
    notes = [r.getMessage() for r in caplog.records if "im Entwurf noch erlaubt" in r.getMessage()]
    assert any(n.startswith("docs/artikel/unfertig.md:5: Pflichtfeld „summary“ fehlt") for n in notes), notes
    assert all(r.levelname == "INFO" for r in caplog.records if "im Entwurf" in r.getMessage())


DRAFT_NOTE = ": Entwurf – wird nicht veröffentlicht (zum Veröffentlichen „draft: true“ löschen)"
WITHHELD_NOTES = [
    "docs/artikel/entwurf.md" + DRAFT_NOTE,
    "docs/artikel/geplant.md: geplant für den 3. März 2027 – bis dahin wird die Seite nicht veröffentlicht",
    "docs/artikel/unfertig.md" + DRAFT_NOTE,
    "docs/fallbeispiele/geplanter-fall.md: geplant für den 15. Januar 2031 – bis dahin wird die Seite nicht "
    "veröffentlicht",
]


def test_build_and_check_say_which_pages_they_leave_out(tmp_path, monkeypatch, caplog):
    """A wrong year in ``date`` or a forgotten ``draft: true`` does not go unnoticed."""
    monkeypatch.setenv("K3B_TODAY", TODAY)
    caplog.set_level("INFO")
    project = make_project(tmp_path, "drafts")
    build(project)
    messages = [r.getMessage() for r in caplog.records]
    assert [m for m in messages if m in WITHHELD_NOTES] == WITHHELD_NOTES
    result = subprocess.run([sys.executable, "-m", "k3b.check"], cwd=project, capture_output=True, text=True,
                            env={"K3B_TODAY": TODAY})
    assert result.returncode == 0
    hints = [line.removeprefix("Hinweis: ") for line in result.stdout.splitlines()]
    assert [h for h in hints if h in WITHHELD_NOTES] == WITHHELD_NOTES


def test_a_draft_in_the_navigation_leaves_it(tmp_path, monkeypatch):
    monkeypatch.setenv("K3B_TODAY", TODAY)
    project = make_project(tmp_path, "drafts")
    about = project / "docs/ueber-uns.md"
    about.write_text("---\ntitle: Über uns (neu)\ndraft: true\n---\n\nNoch nicht fertig.\n", encoding="utf-8")
    site = build(project)  # strict: MkDocs would warn about a nav entry without its page
    assert not (site / "ueber-uns").exists()
    assert "Über uns" not in html(site, "").select_one(".md-tabs").get_text()


def test_without_pages():
    from k3b.publishing import without_pages

    nav = [{"Start": "index.md"}, {"Mehr": [{"A": "a.md"}, {"B": "b.md"}]}, {"Nur B": [{"B": "b.md"}]},
           "c.md"]
    assert without_pages(nav, {"b.md", "c.md"}) == [{"Start": "index.md"}, {"Mehr": [{"A": "a.md"}]}]
