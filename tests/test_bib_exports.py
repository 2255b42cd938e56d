"""Exports as staff get them (Zotero, Better BibTeX, Citavi, JabRef) and real public .bib
files: they build, read in German, and publish nothing private."""

from __future__ import annotations

import json
import logging
import re

import pytest

from k3b.bibliography.parse import BibSource, load_bibliography
from k3b.topics import load_vocabulary
from sitebuild import FIXTURES, ROOT, build, html, make_project

VOCABULARY = load_vocabulary(ROOT / "data/themen.yml")
PRIVATE = ("Zotero/storage", "Interne Notiz", "Private Notiz", "Nur intern", "owner", "timestamp", "groups",
           "annote", "annotation", "comment", "file =")
LATEX = re.compile(r"\\[A-Za-z]|[{}$]")


def load(scenario: str):
    folder = FIXTURES / scenario / "publications"
    sources = [BibSource(p, f"publications/{p.name}", False) for p in sorted(folder.glob("*.bib"))]
    return load_bibliography(sources, VOCABULARY)


@pytest.fixture(scope="module")
def exports_site(tmp_path_factory):
    return build(make_project(tmp_path_factory.mktemp("exports"), "bib-exports"))


@pytest.mark.parametrize(("key", "citation"), [
    ('beispiel_windkraft_2021',
     "Beispiel, Berta und Muster, Max (2021): Windkraft vor Ort: Konflikte um einen Bürgerwindpark "
     "in der Altmark. In: Zeitschrift für fiktive Kommunalforschung 12 (3), S. 45–67."),
    ('landesamt_energiestrategie_2020',
     "Fiktives Landesamt für Umwelt (2020): Energiestrategie des Landes 2030. 2., überarbeitete "
     "Auflage. Halle (Saale): Fiktives Landesamt für Umwelt."),
    ('vanderwiese2022mediation',
     "van der Wiese, Jan; Konferenz, Karla u. a. (2022): Mediation bei Flächenkonflikten: ein "
     "Erfahrungsbericht. In: Tagungsleitung, Theo (Hrsg.): Tagungsband der fiktiven Konferenz "
     "Kommunale Konflikte. Fiktive Konferenz Kommunale Konflikte. Wittenberg: Fiktiver "
     "Tagungsverlag, S. 12–20."),
    ('schmidt2015dorf',
     "Schmidt, Peter (2015): Dorf im Wandel. Konflikte um Flächen in der Altmark. Dissertation, "
     "Fiktive Universität Salzwedel, Salzwedel."),
    ('netzwerk2019dialog',
     "Fiktives Netzwerk Kommunaler Dialog (2019–2020): Leitfaden Bürgerdialog. Arbeitspapier 3. "
     "Magdeburg: Fiktives Netzwerk Kommunaler Dialog."),
    ('Mustermann.2019',
     "Mustermann, Max und Musterfrau, Erika (2019): Konfliktberatung in Kommunen. 3., erw. und "
     "aktualisierte Aufl. (Fiktive Schriftenreihe Kommunales). Salzwedel: Fiktiver Verlag."),
    ('Weber.2020',
     "Weber, Eva (2020a): Beteiligung vor Ort. In: Herausgeberin, Hanna und Redakteur, Rolf (Hrsg.):"
     " Kommunale Konflikte: Fallstudien aus Ostdeutschland. 2. Aufl. Magdeburg: Verlag Beispielhaus,"
     " S. 101–123."),
    ('Probe2018',
     "Probe, Paula und Wiese, Jan van der (2018): Flächenkonflikte und Moderation. In: Fiktive "
     "Blätter für Kommunalpolitik 2, S. 1–15."),
    ('Probe2017',
     "Probe, Paula (2017): Großprojekte im ländlichen Raum. 2. Aufl. Stendal: Fiktiver Verlag."),
])
def test_exports_read_in_german(key, citation):
    bibliography, errors, _ = load("bib-exports")
    assert errors.lines() == []
    assert bibliography.get(key).citation_text == citation


def test_exports_notes_name_what_was_done():
    _, _, notes = load("bib-exports")
    expected = ("publications/jabref.bib:1: Datei ist nicht in UTF-8 gespeichert, sondern in Windows-1252 "
                "(Latin-1) (so steht es in ihrer ersten Zeile); so gelesen – bitte als UTF-8 speichern")
    assert expected in notes.lines()
    assert not [line for line in notes.lines() if "zweimal" in line]  # Zotero's two file fields


def test_exports_publish_nothing_private(exports_site):
    for page_file in (exports_site / "publikationen").rglob("*"):
        if page_file.suffix in (".html", ".bib", ".json"):
            text = page_file.read_text(encoding="utf-8")
            for private in PRIVATE:
                assert private not in text, (page_file, private)


def test_label_letters_match_between_text_and_bibliography(exports_site):
    page = html(exports_site, "artikel/zitate")
    cites = [a.get_text() for a in page.select("a.k3b-cite")]
    assert cites == ["Weber 2020a", "Weber 2020b, S. 9", "van der Wiese u. a. 2022"]
    entries = [li.get_text() for li in page.select(".k3b-bibliography li")]
    assert any(e.startswith("Weber, Eva (2020a): Beteiligung vor Ort.") for e in entries)
    assert any(e.startswith("Weber, Eva (2020b): Wer entscheidet im Dorf?") for e in entries)
    publication = html(exports_site, "publikationen/weber-2020b")
    assert publication.select_one(".k3b-citation").get_text().startswith("Weber, Eva (2020b):")


def test_listing_filter_has_german_type_labels(exports_site):
    listing = html(exports_site, "publikationen")
    options = {o["value"]: o.get_text() for o in listing.select("#k3b-f-type option") if o["value"]}
    assert options == {"article": "Zeitschriftenartikel", "book": "Buch",
                       "incollection": "Beitrag in Sammelband", "inproceedings": "Tagungsbeitrag",
                       "online": "Online-Quelle", "phdthesis": "Dissertation", "report": "Bericht"}
    records = json.loads((exports_site / "publikationen/daten.json").read_text(encoding="utf-8"))
    assert {r["t"] for r in records} == set(options)
    page = html(exports_site, "publikationen/schmidt2015dorf")
    facts = {th.get_text(): td.get_text() for th, td in
             ((row.th, row.td) for row in page.select(".k3b-facts tr"))}
    assert facts["Typ"] == "Dissertation" and facts["Institution"] == "Fiktive Universität Salzwedel"
    assert facts["Ort"] == "Salzwedel"


REAL = FIXTURES / "bib-real" / "publications"


def test_real_files_build_in_german(tmp_path, caplog):
    with caplog.at_level(logging.INFO):
        site = build(make_project(tmp_path, "bib-real"))
    bibliography, errors, _ = load("bib-real")
    assert errors.lines() == []
    assert len(bibliography.entries) >= 90
    for pub in bibliography.entries.values():
        assert not LATEX.search(pub.citation_text.replace("{water+phenol", "")), (pub.key, pub.citation_text)
        assert "others" not in " ".join(n.natural() for n in pub.authors + pub.editors), pub.key
    page = html(site, "publikationen/knuth-ct-a")
    assert page.select_one(".k3b-citation").get_text().startswith("Knuth, Donald E. (1984): The TeXbook.")
    # Every line the build wrote about the .bib files is German.
    for record in caplog.records:
        message = record.getMessage()
        if message.startswith("publications/"):
            assert not re.search(r"\b(expected|entry|premature|unbalanced)\b", message), message
