"""Projekte: listing, project page with funders and members, the notice on every item of a
project (also publications), JSON-LD, and every mistake staff can make."""

from __future__ import annotations

import json

import pytest
from mkdocs.exceptions import Abort

from sitebuild import build, error_lines, html, make_project


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("K3B_TODAY", "2026-12-01")
        return build(make_project(tmp_path_factory.mktemp("projects"), "projects"))


def test_listing_shows_running_projects_first(site):
    page = html(site, "projekte/")
    groups = {h.get_text(): [a.get_text() for a in h.find_next("ul").select("h3 a")]
              for h in page.select("h2.k3b-group")}
    assert groups == {"Laufende Projekte": ["Laufendes Projekt", "Bald endendes Projekt"],
                      "Abgeschlossene Projekte": ["Abgeschlossenes Projekt"]}
    meta = page.find("a", string="Laufendes Projekt").find_parent("article").select_one(".k3b-card__meta")
    assert meta.get_text(" ", strip=True) == "seit Januar 2025 · Projekt · Fiktives Beispiel"
    finished = page.find("a", string="Abgeschlossenes Projekt").find_parent("article")
    assert "März 2020 – Februar 2022" in finished.get_text()


def test_project_page_has_facts_funders_and_everything_that_belongs_to_it(site):
    page = html(site, "projekte/laufend/")
    table = page.select_one("table.k3b-facts")
    facts = {row.th.get_text(): row.td.get_text() for row in table.select("tr")}
    assert facts == {
        "Zeitraum": "seit Januar 2025", "Stand": "läuft", "Projektleitung": "Erika Beispiel",
        "Gefördert von": "Stiftung Test (fiktiv), Programm Probe; Fonds ohne Logo (fiktiv)",
        "Partner": "Gemeinde Eins, Stadt Zwei", "Bundesländer": "Brandenburg, Sachsen",
    }
    funding = page.select_one(".k3b-funding")
    assert [p.get_text() for p in funding.find_all("p")] == [
        "Gefördert von der Stiftung Test im Programm Probe.", "Gefördert von Fonds ohne Logo (fiktiv)."]
    (logo,) = funding.select("img")
    assert logo["src"] == "../bilder/logo.svg" and logo["alt"] == "Logo der Stiftung Test"
    assert (site / "projekte/bilder/logo.svg").is_file()
    sections = {h.get_text(): [a.get_text() for a in h.find_next("ul").select("h4 a, li.k3b-pub > a")]
                for h in page.select("h3[id^=projekt-]")}
    assert list(sections) == ["Artikel (2)", "Veranstaltungen (1)", "Publikationen (1)"]
    assert sections["Artikel (2)"] == ["Neuerer Projektartikel", "Älterer Projektartikel"]  # newest first
    assert sections["Veranstaltungen (1)"] == ["Projekttreffen"]
    assert "Zwischenbericht des fiktiven Projekts" in sections["Publikationen (1)"][0]


def test_the_search_finds_a_project_by_itself_not_by_its_members(site):
    """Like a hub's lists, the project's list of what belongs to it stays out of the index:
    a search for an item's words finds the item, not every project page that lists it."""
    from searchindex import indexed_pages

    record = indexed_pages(site)["projekte/laufend/"]
    assert "Gefördert von der Stiftung Test im Programm Probe." in record["content"]
    for member in ("Neuerer Projektartikel", "Projekttreffen", "Zwischenbericht des fiktiven Projekts"):
        assert member not in record["content"]
    assert "zum-projekt" not in {a["id"] for a in record["anchors"]}


@pytest.mark.parametrize(("path", "project", "href"), [
    ("artikel/neu/", "Laufendes Projekt", "../../projekte/laufend/"),
    ("veranstaltungen/treffen/", "Laufendes Projekt", "../../projekte/laufend/"),
    ("fallbeispiele/fall/", "Abgeschlossenes Projekt", "../../projekte/abgeschlossen/"),
    ("publikationen/projektbericht2025/", "Laufendes Projekt", "../../projekte/laufend/"),
])
def test_items_of_a_project_link_back_and_carry_the_funders_notice(site, path, project, href):
    page = html(site, path)
    box = page.select_one(".k3b-funding")
    assert box.h2.get_text(strip=True).startswith("Projekt und Förderung")
    link = box.find("a", string=project)
    assert link["href"] == href
    if project == "Laufendes Projekt":
        assert "Gefördert von der Stiftung Test im Programm Probe." in box.get_text()
        img = box.find("img")
        assert img["alt"] == "Logo der Stiftung Test" and not img["src"].startswith(("http", "//"))
        assert (site / path / img["src"]).resolve().is_file()


def test_items_without_a_project_have_no_notice(site):
    assert not html(site, "artikel/frei/").select(".k3b-funding")
    assert not html(site, "publikationen/ohneprojekt/").select(".k3b-funding")


def test_project_json_ld(site):
    page = html(site, "projekte/abgeschlossen/")
    data = json.loads(page.find("script", type="application/ld+json").string)
    assert data["@type"] == "Project" and data["name"] == "Abgeschlossenes Projekt"
    assert (data["foundingDate"], data["dissolutionDate"]) == ("2020-03-01", "2022-02-28")
    assert data["funder"] == [{"@type": "Organization", "name": "Landesamt Probe (fiktiv)"}]
    assert data["parentOrganization"]["name"].startswith("Kompetenzzentrum Kommunale Konfliktberatung")
    assert data["areaServed"] == [{"@type": "AdministrativeArea", "name": "Sachsen"}]
    # A made-up project gets no structured data that would present it as real.
    assert html(site, "projekte/laufend/").find("script", type="application/ld+json") is None


def test_hub_lists_projects(site):
    hub = html(site, "themen/energiewende/")
    section = hub.find("h2", id="projekte")
    assert [a.get_text() for a in section.find_next("ul").select("h3 a")] == ["Laufendes Projekt"]


def test_bad_projects_are_reported_all_at_once(tmp_path, caplog):
    with pytest.raises(Abort):
        build(make_project(tmp_path, "bad-projects"))
    hint = " (der Dateiname unter docs/projekte/ ohne „.md“)"
    path = "docs/projekte/"
    assert error_lines(caplog) == [
        f"docs/artikel/tippfehler.md:7: unbekanntes Projekt „klimadialogg“ – meinten Sie "
        f"„klimadialog“?{hint}",
        f"{path}keine-liste.md:5: Feld „funders“: muss eine Liste sein, jeder Eintrag mit „- name: …“",
        f"{path}klimadialog.md:7: Feld „funders“, Eintrag 1, „logo“: „https://example.org/logo.png“ "
        "ist ein Link – das Logo muss eine Datei unter docs/ sein "
        "(die Seite lädt nichts von fremden Servern)",
        f"{path}klimadialog.md:10: Feld „funders“, Eintrag 2, „logo“: ein Logo braucht „logo_alt“: "
        "der Text, den Screenreader vorlesen (z. B. „Logo der Stiftung Gemeinsinn“)",
        # The logo files are looked for although the file has other problems (one run for all).
        f"{path}klimadialog.md:10: Logo „projekte/bilder/logo.svg“ gibt es nicht (Pfad unter docs/)",
        f"{path}klimadialog.md:12: Logo „projekte/bilder/fehlt.svg“ gibt es nicht (Pfad unter docs/)",
        f"{path}klimadialog.md:14: Feld „funders“, Eintrag 4, „nmae“: unbekanntes Feld – meinten Sie "
        "„name“?",
        f"{path}klimadialog.md:14: Feld „funders“, Eintrag 4: „name“ fehlt",
        f"{path}klimadialog.md:15: unbekanntes Bundesland „Sachsen-Anhlat“ – meinten Sie "
        "„Sachsen-Anhalt“?",
        # All of a file's problems in one run: the dates, both logos, each Land at its own line.
        f"{path}mehrere.md:4: „end“ (2024-06-30) liegt vor dem Beginn „start“ (2025-01-01)",
        f"{path}mehrere.md:8: Feld „funders“, Eintrag 1, „logo“: „https://example.org/logo.png“ "
        "ist ein Link – das Logo muss eine Datei unter docs/ sein "
        "(die Seite lädt nichts von fremden Servern)",
        f"{path}mehrere.md:11: Logo „projekte/bilder/fehlt.svg“ gibt es nicht (Pfad unter docs/)",
        f"{path}mehrere.md:15: unbekanntes Bundesland „Sachsen-Anhlat“ – meinten Sie „Sachsen-Anhalt“?",
        f"{path}mehrere.md:16: unbekanntes Bundesland „NRW“ – erlaubt: Baden-Württemberg, Bayern, Berlin, "
        "Brandenburg, Bremen, Hamburg, Hessen, Mecklenburg-Vorpommern, Niedersachsen, Nordrhein-Westfalen, "
        "Rheinland-Pfalz, Saarland, Sachsen, Sachsen-Anhalt, Schleswig-Holstein, Thüringen",
        f"{path}ohne-datei.md:7: Logo „projekte/bilder/fehlt.svg“ gibt es nicht (Pfad unter docs/)",
        f"{path}rueckwaerts.md:4: „end“ (2024-12-31) liegt vor dem Beginn „start“ (2025-01-01)",
        f"publications/k3b.bib:2: Eintrag „falschesprojekt“: unbekanntes Projekt „klimadialg“ – "
        f"meinten Sie „klimadialog“?{hint}",
        "17 Probleme gefunden – Build abgebrochen.",
    ]


def test_a_project_with_many_items_pages_them_by_type(tmp_path, monkeypatch):
    from k3b.content.project import MEMBERS_SHOWN

    monkeypatch.setenv("K3B_TODAY", "2026-12-01")
    project = make_project(tmp_path, "projects")
    for number in range(MEMBERS_SHOWN + 5):
        (project / "docs" / "artikel" / f"viele-{number}.md").write_text(
            f"---\ntitle: Projektartikel {number}\ndate: 2024-01-{number + 1:02d}\nauthors: [K3B-Redaktion]\n"
            "summary: Einer von vielen.\ntopics: [Energiewende]\nproject: laufend\n---\n\nText.\n",
            encoding="utf-8")
    site = build(project)
    page = html(site, "projekte/laufend/")
    section = page.find("h3", id="projekt-artikel")
    assert section.get_text() == f"Artikel ({MEMBERS_SHOWN + 7})"
    assert len(section.find_next("ul").select("h4 a")) == MEMBERS_SHOWN
    more = section.find_next("a", class_="k3b-more")
    assert more["href"] == "artikel/" and more.get_text().endswith(f"({MEMBERS_SHOWN + 7})")
    listing = html(site, "projekte/laufend/artikel/")
    titles = [a.get_text() for a in listing.select(".k3b-card__title a")]
    assert len(titles) == MEMBERS_SHOWN + 7
    assert titles[:2] == ["Neuerer Projektartikel", "Älterer Projektartikel"]
