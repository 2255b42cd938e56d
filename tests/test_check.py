"""`make check` reports exactly what a build reports, for every fixture, without rendering."""

from __future__ import annotations

import subprocess
import sys

import pytest
from mkdocs.exceptions import Abort

from k3b.check import check
from sitebuild import FIXTURES, build, error_lines, make_project

SCENARIOS = sorted(p.name for p in FIXTURES.iterdir()
                   if (p / "docs").is_dir() or (p / "publications").is_dir())


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_check_finds_what_the_build_finds(tmp_path, caplog, monkeypatch, scenario):
    monkeypatch.setenv("K3B_TODAY", "2026-12-01")
    monkeypatch.setenv("K3B_CACHE_DIR", str(tmp_path / "cache"))
    project = make_project(tmp_path, scenario)
    try:
        build(project)
        built: list[str] = []
    except Abort:
        built = [line for line in error_lines(caplog) if not line.endswith("Build abgebrochen.")]
    assert [str(p) for p in sorted(check(project).items)] == built


def test_check_writes_no_site_and_fails_with_german_lines(tmp_path):
    project = make_project(tmp_path, "broken-links")
    result = subprocess.run([sys.executable, "-m", "k3b.check"], cwd=project, capture_output=True, text=True,
                            env={"K3B_TODAY": "2026-12-01", "GITHUB_ACTIONS": "true"})
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    problem = "Link „zeil.md“ führt ins Leere: keine Seite „docs/artikel/zeil.md“ – meinten Sie „ziel.md“?"
    assert f"docs/artikel/verweise.md:19: {problem}" in lines
    assert f"::error file=docs/artikel/verweise.md,line=19::{problem}" in lines
    assert lines[-1] == "7 Probleme gefunden – bitte beheben, dann erneut „make check“."
    assert not (project / "site").exists()


def test_check_of_the_real_site_passes(tmp_path):
    project = make_project(tmp_path, real_content=True)
    result = subprocess.run([sys.executable, "-m", "k3b.check"], cwd=project, capture_output=True, text=True,
                            env={"K3B_TODAY": "2026-12-01"})
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("Geprüft: keine Probleme gefunden.")


def test_check_shows_the_builds_notes_but_not_every_detection(tmp_path):
    """BibTeX hints (a typo in an entry's type) appear in `make check` as they do in the build log."""
    project = make_project(tmp_path, "minimal")
    (project / "publications/test.bib").write_text(
        "@artcle{mustermann2024,\n  author = {Mustermann, Erika},\n  title = {Ein Titel},\n"
        "  journal = {Zeitschrift},\n  year = {2024}\n}\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "k3b.check"], cwd=project, capture_output=True, text=True,
                            env={"K3B_TODAY": "2026-12-01"})
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    assert ("Hinweis: publications/test.bib:1: Eintrag „mustermann2024“: unbekannter Typ „@artcle“ – wird "
            "als „Sonstiges“ (@misc) gezeigt") in lines
    assert not [line for line in lines if "Themen erkannt" in line]  # the build log has them
