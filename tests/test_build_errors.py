"""Bad content stops the build with one German line per problem, and nothing is written."""

from __future__ import annotations

import subprocess
import sys

import pytest
from mkdocs.exceptions import Abort

from sitebuild import build, error_lines, make_project

CASES = [
    ("bad-yaml", ["docs/artikel/kaputt.md:4: Front Matter ist kein gültiges YAML: "
                  "die eckige Klammer „[“ wird nicht geschlossen"]),
    ("bad-yaml-colon", ["docs/artikel/doppelpunkt.md:2: Front Matter ist kein gültiges YAML: "
                        "hier ist kein Doppelpunkt erlaubt"]),
    ("not-mapping", ["docs/artikel/liste.md:2: Front Matter muss aus Feldern"]),
    ("missing-field", ["docs/artikel/ohne-summary.md:1: Pflichtfeld „summary“ fehlt"]),
    ("wrong-types", [
        "docs/artikel/falsche-typen.md:3: Feld „date“: „gestern“ ist kein Datum",
        "docs/artikel/falsche-typen.md:6: Feld „summary“: muss ein einfacher Text sein",
    ]),
    ("unknown-bundesland", ["docs/fallbeispiele/falsches-land.md:12: unbekanntes Bundesland "
                            "„Sachsen-Anhlat“ – meinten Sie „Sachsen-Anhalt“?"]),
    ("bad-kreis", [
        "docs/fallbeispiele/tippfehler.md:11: unbekannter Landkreis „Landkreis Görliz“ (nicht in der "
        "amtlichen Liste der 400 Kreise) – meinten Sie „Landkreis Görlitz“?",
        "docs/fallbeispiele/mehrdeutig.md:11: „Kassel“ ist mehrdeutig: „Kassel, Stadt“",
        "docs/fallbeispiele/falsches-land.md:11: „Landkreis Görlitz“ liegt in Sachsen (AGS 14626), "
        "nicht in Brandenburg",
        # The Kreis is checked although another field of the file has a problem.
        "docs/fallbeispiele/zwei-fehler.md:11: unbekannter Landkreis „Landkreis Baustzen“ (nicht in der "
        "amtlichen Liste der 400 Kreise) – meinten Sie „Landkreis Bautzen“?",
        "docs/fallbeispiele/zwei-fehler.md:14: unbekannte Phase „Fertig“",
        # thueringen.md is a draft: the same mistake is a note there (tests/test_scaffold.py).
        "docs/fallbeispiele/sachsen.md:1: Dateiname „sachsen.md“: /fallbeispiele/sachsen/ ist die Seite "
        "der Fallbeispiele in Sachsen – bitte die Datei umbenennen",
    ]),
    ("unknown-topic", ["docs/artikel/tippfehler.md:7: unbekanntes Thema „Energiewnede“ – "
                       "meinten Sie „Energiewende“?"]),
    ("two-broken", [
        "docs/artikel/erste.md:2: Front Matter ist kein gültiges YAML: "
        "das Anführungszeichen wird nicht geschlossen",
        "docs/fallbeispiele/zweite.md:14: unbekannte Phase „Irgendwann“",
    ]),
]


@pytest.mark.parametrize(("scenario", "expected"), CASES, ids=[c[0] for c in CASES])
def test_bad_content_reports_every_problem(tmp_path, caplog, scenario, expected):
    project = make_project(tmp_path, scenario)
    with pytest.raises(Abort):
        build(project)
    errors = error_lines(caplog)
    for start in expected:
        assert any(line.startswith(start) for line in errors), (start, errors)
    problem_lines = [line for line in errors if line.startswith("docs/")]
    assert len(problem_lines) == len(expected), errors
    assert any("Build abgebrochen" in line for line in errors)
    # Nothing half-written: validation runs before any page is rendered.
    assert not list((project / "site").rglob("*.html"))


def test_cli_exits_nonzero_without_traceback(tmp_path):
    project = make_project(tmp_path, "two-broken")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=project, capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert "docs/artikel/erste.md:2: Front Matter ist kein gültiges YAML" in output
    assert "docs/fallbeispiele/zweite.md:14: unbekannte Phase „Irgendwann“" in output


def test_topics_as_plain_text_are_accepted(tmp_path):
    site = build(make_project(tmp_path, "topics-as-string"))
    page = (site / "artikel/ein-thema/index.html").read_text(encoding="utf-8")
    assert "Energiewende" in page
