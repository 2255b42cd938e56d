"""The content model: schemas per type, German messages, never an exception."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from k3b import content
from k3b.frontmatter import parse_front_matter
from k3b.problems import ProblemList
from k3b.topics import load_vocabulary

VOCABULARY = load_vocabulary(Path(__file__).resolve().parents[1] / "data/themen.yml")

ARTICLE = """---
title: Ein Titel
date: 2025-03-14
authors:
  - K3B-Redaktion
summary: Kurz gesagt.
topics:
  - Energiewende
---
Text.
"""

CASE = """---
title: Ein Fall
date: 2025-03-14
authors: [K3B-Redaktion]
summary: Kurz gesagt.
topics: [Migration]
fictional: true
kommune: Testhausen
landkreis: Landkreis Test
bundesland: sachsen anhalt
period: 2022–2024
phase: beratung
actors: [Gemeinderat]
approach: Gespräche.
outcome: Einigung.
---
Text.
"""


def check(source: str, path: str = "artikel/x.md"):
    problems = ProblemList()
    item = content.validate(path, path.removesuffix(".md") + "/", parse_front_matter(source), VOCABULARY,
                    problems, "docs/" + path)
    return item, problems.lines()


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("artikel/x.md", content.ARTICLE),
        ("fallbeispiele/x.md", content.CASE_STUDY),
        ("artikel/index.md", content.PAGE),
        ("artikel/2025/x.md", content.PAGE),
        ("ueber-uns.md", content.PAGE),
        ("index.md", content.PAGE),
    ],
)
def test_kind_follows_the_path(path, kind):
    assert content.type_for(path) is kind


def test_valid_article():
    item, problems = check(ARTICLE)
    assert problems == []
    assert item.title == "Ein Titel"
    assert item.date == dt.date(2025, 3, 14)
    assert item.authors == ("K3B-Redaktion",)
    assert item.topics == ("energiewende",)
    assert not item.topics_detected


def test_valid_case_study_normalises_bundesland_and_phase():
    item, problems = check(CASE, "fallbeispiele/fall.md")
    assert problems == []
    assert item.details.bundesland == "Sachsen-Anhalt"
    assert item.details.phase == "Beratung"
    assert item.details.fictional is True
    assert item.details.actors == ("Gemeinderat",)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("summary: Kurz gesagt.\n", ""), ["docs/artikel/x.md:1: Pflichtfeld „summary“ fehlt"]),
        (("summary: Kurz gesagt.", "summary:"), ["docs/artikel/x.md:6: Pflichtfeld „summary“ fehlt"]),
        (("2025-03-14", "gestern"),
         ["docs/artikel/x.md:3: Feld „date“: „gestern“ ist kein Datum – bitte als JJJJ-MM-TT "
          "angeben, z. B. 2025-03-14"]),
        (("2025-03-14", "14.3.25"),
         ["docs/artikel/x.md:3: Feld „date“: „14.3.25“: die Jahreszahl bitte vierstellig schreiben, z. B. "
          "14.03.2025 oder 2025-03-14"]),
        (("2025-03-14", "2025-02-30"),
         ["docs/artikel/x.md:3: Feld „date“: „2025-02-30“: diesen Tag gibt es nicht"]),
        (("title: Ein Titel", "title: [a, b]"),
         ["docs/artikel/x.md:2: Feld „title“: muss ein einfacher Text sein"]),
        (("  - Energiewende", "  - Energiewnede"),
         ["docs/artikel/x.md:7: unbekanntes Thema „Energiewnede“ – meinten Sie „Energiewende“?"]),
        (("  - Energiewende", "  - Kochrezepte"),
         ["docs/artikel/x.md:7: unbekanntes Thema „Kochrezepte“ – erlaubt sind: Energiewende, "
          "Migration, Strukturwandel, Demografischer Wandel, Klimawandelfolgen"]),
        (("  - Energiewende", "  - {a: b}"),
         ["docs/artikel/x.md:7: Feld „topics“: jeder Listeneintrag muss ein einfacher Text sein"]),
        (("summary:", "sumary:"),
         ["docs/artikel/x.md:1: Pflichtfeld „summary“ fehlt",
          "docs/artikel/x.md:6: unbekanntes Feld „sumary“ – meinten Sie „summary“?"]),
        (("summary: Kurz gesagt.", "summary: " + "x" * 301),
         ["docs/artikel/x.md:6: Feld „summary“: ist 301 Zeichen lang, höchstens 300 sind erlaubt"]),
    ],
)
def test_article_problems(change, expected):
    item, problems = check(ARTICLE.replace(*change))
    assert item is None
    assert len(problems) == len(expected), problems
    for line, start in zip(problems, expected, strict=True):
        assert line.startswith(start)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("bundesland: sachsen anhalt", "bundesland: Bayren"),
         "docs/fallbeispiele/fall.md:10: unbekanntes Bundesland „Bayren“ – meinten Sie „Bayern“?"),
        (("bundesland: sachsen anhalt", "bundesland: Österreich"),
         "docs/fallbeispiele/fall.md:10: unbekanntes Bundesland „Österreich“ – erlaubt: Baden-Württemberg"),
        (("fictional: true", "fictional: vielleicht"),
         "docs/fallbeispiele/fall.md:7: Feld „fictional“: muss „true“ oder „false“ sein"),
        (("period: 2022–2024", "period: letztes Jahr"),
         "docs/fallbeispiele/fall.md:11: Feld „period“: „letztes Jahr“ enthält keine Jahreszahl"),
        (("kommune: Testhausen\n", ""), "docs/fallbeispiele/fall.md:1: Pflichtfeld „kommune“ fehlt"),
        (("landkreis: Landkreis Test\n", ""), "docs/fallbeispiele/fall.md:1: Pflichtfeld „landkreis“ fehlt"),
        (("landkreis: Landkreis Test", "landkreis: Landkreis Test\nags: \"15085\""),
         "docs/fallbeispiele/fall.md:10: Feld „ags“: ein fiktives Fallbeispiel hat keinen amtlichen "
         "Kreisschlüssel"),
        # Real cases: the Kreis is checked against the official list, in the case's Bundesland.
        (("fictional: true\nkommune: Testhausen\nlandkreis: Landkreis Test",
          "fictional: false\nkommune: Testhausen\nlandkreis: Landkreis Harzz"),
         "docs/fallbeispiele/fall.md:9: unbekannter Landkreis „Landkreis Harzz“ (nicht in der amtlichen "
         "Liste der 400 Kreise) – meinten Sie „Landkreis Harz“?"),
        (("fictional: true\nkommune: Testhausen\nlandkreis: Landkreis Test",
          "fictional: false\nkommune: Testhausen\nlandkreis: Landkreis Görlitz"),
         "docs/fallbeispiele/fall.md:9: „Landkreis Görlitz“ liegt in Sachsen (AGS 14626), nicht in "
         "Sachsen-Anhalt"),
        (("fictional: true\nkommune: Testhausen\nlandkreis: Landkreis Test\nbundesland: sachsen anhalt",
          "fictional: false\nkommune: Testhausen\nlandkreis: Leipzig\nbundesland: Sachsen"),
         "docs/fallbeispiele/fall.md:9: „Leipzig“ ist mehrdeutig: „Leipzig, Stadt“ (kreisfreie Stadt, AGS "
         "14713) oder „Landkreis Leipzig“ (Landkreis, AGS 14729)"),
        (("fictional: true\nkommune: Testhausen\nlandkreis: Landkreis Test",
          "fictional: false\nkommune: Testhausen\nags: 15O85"),
         "docs/fallbeispiele/fall.md:9: Feld „ags“: „15O85“ ist kein Kreisschlüssel – fünf Ziffern in "
         "Anführungszeichen"),
        (("fictional: true\nkommune: Testhausen\nlandkreis: Landkreis Test",
          "fictional: false\nkommune: Testhausen\nags: \"15085235\""),
         "docs/fallbeispiele/fall.md:9: Feld „ags“: „15085235“ ist ein Gemeindeschlüssel – für den Kreis "
         "genügen die ersten fünf Ziffern: „15085“"),
        (("fictional: true\nkommune: Testhausen\nlandkreis: Landkreis Test",
          "fictional: false\nkommune: Testhausen\nags: 01001"),  # YAML reads 01001 as octal 513
         "docs/fallbeispiele/fall.md:9: Feld „ags“: „513“ ist kein Kreisschlüssel"),
    ],
)
def test_case_study_problems(change, expected):
    item, problems = check(CASE.replace(*change), "fallbeispiele/fall.md")
    assert item is None
    assert len(problems) == 1 and problems[0].startswith(expected), problems


@pytest.mark.parametrize(
    ("change", "ags", "shown"),
    [
        (("fictional: true\nkommune: Testhausen\nlandkreis: Landkreis Test",
          "fictional: false\nkommune: Testhausen\nlandkreis: Harz"), "15085", "Landkreis Harz"),
        (("fictional: true\nkommune: Testhausen\nlandkreis: Landkreis Test\nbundesland: sachsen anhalt",
          "fictional: false\nkommune: Testhausen\nlandkreis: Leipzig\nags: \"14713\"\nbundesland: Sachsen"),
         "14713", "Leipzig (kreisfreie Stadt)"),
        (("fictional: true\nkommune: Testhausen\nlandkreis: Landkreis Test",
          "fictional: false\nkommune: Testhausen\nags: 15002"), "15002", "Halle (Saale) (kreisfreie Stadt)"),
        (("landkreis: Landkreis Test", "landkreis: Landkreis Test"), None, "Landkreis Test"),
    ],
)
def test_case_study_kreis_is_resolved_unless_fictional(change, ags, shown):
    item, problems = check(CASE.replace(*change), "fallbeispiele/fall.md")
    assert problems == []
    assert (item.details.kreis.ags if item.details.kreis else None) == ags
    assert item.details.place_label == shown


@pytest.mark.parametrize(("period", "years"), [
    ("2022–2024", (2022, 2024)), ("seit 2023", (2023, None)), ("2021", (2021, 2021)),
    ("ab 2019", (2019, None)), ("2018 bis 2020", (2018, 2020)), ("Frühjahr 2024", (2024, 2024)),
])
def test_case_study_period_becomes_years(period, years):
    item, problems = check(CASE.replace("2022–2024", period), "fallbeispiele/fall.md")
    assert problems == [] and item.details.years == years


@pytest.mark.parametrize(
    ("value", "topics"),
    [
        ("topics: Energiewende", ("energiewende",)),
        ("topics: energiewende, migration", ("energiewende", "migration")),
        ("topics: [demografischer-wandel, Demografischer Wandel]", ("demografischer-wandel",)),
    ],
)
def test_topics_accept_text_slugs_and_labels(value, topics):
    item, problems = check(ARTICLE.replace("topics:\n  - Energiewende", value))
    assert problems == [] and item.topics == topics


def test_string_author_and_german_date_are_accepted():
    source = ARTICLE.replace("authors:\n  - K3B-Redaktion", "authors: Müller, Anna").replace(
        "2025-03-14", '"14.03.2025"')
    item, problems = check(source)
    assert problems == []
    assert item.authors == ("Müller, Anna",) and item.date == dt.date(2025, 3, 14)


def test_missing_topics_are_detected_and_explained():
    source = ARTICLE.replace("topics:\n  - Energiewende\n", "").replace(
        "Text.", "Hochwasser und Starkregen, dann wieder Hochwasser.")
    item, problems = check(source)
    assert problems == []
    assert item.topics == ("klimawandelfolgen",)
    assert item.detections[0].explain() == "Klimawandelfolgen (Hochwasser ×2, Starkregen ×1)"


def test_missing_front_matter_in_article_is_reported():
    item, problems = check("# Nur Text\n")
    assert item is None
    assert problems == ["docs/artikel/x.md:1: Front Matter fehlt – ein Artikel beginnt mit „---“ "
                        "und den Feldern title, date, authors, summary"]


def test_badly_named_file_is_reported():
    _, problems = check(ARTICLE, "artikel/Windpark Konflikt.md")
    assert problems == ["docs/artikel/Windpark Konflikt.md:1: Dateiname „Windpark Konflikt.md“ "
                        "ergibt keine saubere Adresse – bitte in „windpark-konflikt.md“ umbenennen"]


def test_plain_pages_need_no_fields_but_keep_types():
    item, problems = check("---\nhide: [toc]\n---\nText", "ueber-uns.md")
    assert problems == [] and item.kind is content.PAGE
    _, problems = check("---\ntitle: [1]\n---\n", "ueber-uns.md")
    assert problems == ["docs/ueber-uns.md:2: Feld „title“: muss ein einfacher Text sein"]
