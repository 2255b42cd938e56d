"""`make neu`: a new item of every registered type, written from the schema, valid as a draft."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from k3b.check import check
from k3b.content import CONTENT_TYPES
from k3b.frontmatter import parse_front_matter
from k3b.scaffold import create, template, type_named
from sitebuild import ROOT, make_project

TODAY = dt.date(2026, 12, 1)


@pytest.mark.parametrize("kind", CONTENT_TYPES, ids=lambda k: k.name)
def test_every_field_has_german_help(kind):
    for spec in kind.all_fields:
        assert len(spec.help) > 15, (kind.name, spec.key)
        assert spec.help[0].isupper() or spec.help.startswith("„"), (kind.name, spec.key)


@pytest.mark.parametrize("kind", CONTENT_TYPES, ids=lambda k: k.name)
def test_template_has_every_field_with_its_help(kind):
    text = template(kind, "Ein „neuer“ Titel: mit Doppelpunkt", TODAY)
    front = parse_front_matter(text)
    assert list(front.data) == [spec.key for spec in kind.all_fields]
    assert front.data["title"] == "Ein „neuer“ Titel: mit Doppelpunkt"
    assert front.data["draft"] is True
    for spec in kind.all_fields:
        assert spec.help.removeprefix("Optional: ").split()[0] in text
    assert "(optional): Optional:" not in text
    if "date" in front.data:
        assert front.data["date"] == TODAY


@pytest.mark.parametrize(("name", "folder"), [("artikel", "artikel"), ("Fallbeispiel", "fallbeispiele"),
                                              ("fallbeispiele", "fallbeispiele")])
def test_type_names(name, folder):
    assert type_named(name).name == folder


def test_new_files_pass_the_check_as_drafts(tmp_path, monkeypatch):
    project = make_project(tmp_path)
    monkeypatch.setenv("K3B_TODAY", "2026-12-01")
    for kind in CONTENT_TYPES:
        path, url = create(project / "docs", kind.label, "Streit um die Schule in Groß Möringen", TODAY)
        assert path == project / "docs" / kind.name / "streit-um-die-schule-in-gross-moeringen.md"
        assert url == f"http://127.0.0.1:8000/{kind.name}/streit-um-die-schule-in-gross-moeringen/"
    notes: list[str] = []
    assert not check(project, note=notes.append)
    assert any("Pflichtfeld „summary“ fehlt (im Entwurf noch erlaubt" in n for n in notes), notes


def test_make_neu_refuses_to_overwrite_and_explains(tmp_path):
    project = make_project(tmp_path)
    (project / "Makefile").write_text((ROOT / "Makefile").read_text(encoding="utf-8"), encoding="utf-8")

    def neu(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "k3b.scaffold", *args], cwd=project,
                              capture_output=True, text=True, env={"K3B_TODAY": "2026-12-01"})

    first = neu("artikel", "Wenn der Windpark kommt")
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines() == [
        "Neu angelegt: docs/artikel/wenn-der-windpark-kommt.md (ein Entwurf: „draft: true“)",
        "Vorschau: make serve, dann http://127.0.0.1:8000/artikel/wenn-der-windpark-kommt/"]
    again = neu("artikel", "Wenn der Windpark kommt")
    assert again.returncode == 1
    assert again.stderr.strip() == ("docs/artikel/wenn-der-windpark-kommt.md gibt es schon – bitte die Datei "
                                    "öffnen oder einen anderen Titel wählen")
    wrong = neu("artikl", "X")
    assert wrong.returncode == 1 and wrong.stderr.strip() == (
        "Typ „artikl“ gibt es nicht – erlaubt: TYP=artikel, TYP=fallbeispiel, TYP=veranstaltung, TYP=projekt "
        "– meinten Sie „artikel“?")
    assert neu("artikel", "").returncode == 1
    symbols = neu("artikel", "!!!")
    assert symbols.returncode == 1 and symbols.stderr.strip() == (
        "Aus dem Titel „!!!“ ergibt sich kein Dateiname – bitte einen Titel mit Buchstaben oder Ziffern "
        "angeben")


def test_make_neu_refuses_the_name_of_a_generated_page(tmp_path):
    """/fallbeispiele/bayern/ is the page of Bayern's case studies; an article may be called so."""
    docs = tmp_path / "docs"
    with pytest.raises(ValueError, match="^Der Titel ergäbe die Datei docs/fallbeispiele/bayern.md, aber "
                       "/fallbeispiele/bayern/ ist die Seite der Fallbeispiele in Bayern – bitte einen "
                       "anderen Titel wählen"):
        create(docs, "fallbeispiel", "Bayern", TODAY)
    assert not (docs / "fallbeispiele").exists()
    assert create(docs, "artikel", "Bayern", TODAY)[0] == docs / "artikel/bayern.md"


@pytest.mark.parametrize("preview", [False, True], ids=["build", "vorschau"])
def test_a_draft_named_like_a_land_is_a_note_in_check_and_preview(tmp_path, monkeypatch, preview):
    """The same view in `make check`, `make build` and `make serve`: a note while it is a draft."""
    monkeypatch.setenv("K3B_TODAY", "2026-12-01")
    project = make_project(tmp_path, "bad-kreis")
    notes: list[str] = []
    problems = [str(p) for p in check(project, preview, note=notes.append).items]
    assert not [p for p in problems if "thueringen.md" in p]
    assert ("docs/fallbeispiele/thueringen.md:1: Dateiname „thueringen.md“: /fallbeispiele/thueringen/ ist "
            "die Seite der Fallbeispiele in Thüringen – bitte die Datei umbenennen (im Entwurf noch erlaubt, "
            "beim Veröffentlichen ein Fehler)") in notes


def test_make_neu_keeps_the_title_as_written(tmp_path):
    """Quotes, backticks and $ in TITEL reach the file unchanged (and nothing is run)."""
    project = make_project(tmp_path)
    (project / "Makefile").write_text((ROOT / "Makefile").read_text(encoding="utf-8"), encoding="utf-8")
    (project / ".venv").symlink_to(ROOT / ".venv")
    title = 'Das "Windrad"-Problem: `id` und $HOME'
    result = subprocess.run(["make", "-s", "-o", ".venv/.installed", "neu", "TYP=fallbeispiel",
                             "TITEL=" + title.replace("$", "$$")], cwd=project, capture_output=True,
                            text=True, env={"K3B_TODAY": "2026-12-01", "PATH": "/usr/bin:/bin"})
    assert result.returncode == 0, result.stderr
    path = project / "docs/fallbeispiele/das-windrad-problem-id-und-home.md"
    assert parse_front_matter(path.read_text(encoding="utf-8")).data["title"] == title
