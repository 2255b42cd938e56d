"""Mistakes in mkdocs.yml: German lines with file and line, in `make check` and in the build alike,
never a traceback and never only MkDocs' English warning (which `-q --strict` lets pass)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from mkdocs.exceptions import Abort

from k3b.check import check
from sitebuild import build, error_lines, make_project

NAV_ENTRY = "  - Über uns: ueber-uns.md\n"
# (name, what replaces NAV_ENTRY or the vocabulary line, the problems as (text on their line, message))
CASES = [
    ("nav", NAV_ENTRY, NAV_ENTRY + "  - Kontakt: kontakt.md\n  - Impressum: impresum.md\n"
     "  - Extern: https://example.org/\n  - Ohne Titel: /absolut/\n",
     [("Kontakt: kontakt.md", "Eintrag „Kontakt: kontakt.md“ in „nav“ führt ins Leere: keine Seite "
       "„docs/kontakt.md“"),
      ("Impressum: impresum.md", "Eintrag „Impressum: impresum.md“ in „nav“ führt ins Leere: keine Seite "
       "„docs/impresum.md“ – meinten Sie „impressum.md“?")]),
    ("nav-section", NAV_ENTRY,
     NAV_ENTRY + "  - Mehr:\n      - leichte-sprache.md\n      - barierefreiheit.md\n",
     [("barierefreiheit.md", "Eintrag „Mehr: barierefreiheit.md“ in „nav“ führt ins Leere: keine Seite "
       "„docs/barierefreiheit.md“ – meinten Sie „barrierefreiheit.md“?")]),
    ("max_mb", "    vocabulary: data/themen.yml\n",
     "    vocabulary: data/themen.yml\n    images:\n      max_mb: zwanzig\n",
     [("max_mb: zwanzig", "„extra.k3b.images.max_mb“: „zwanzig“ ist keine Zahl über 0 – die höchste "
       "erlaubte Größe eines Bildes in MB, z. B. max_mb: 20")]),
]


def _edit(project, old: str, new: str) -> str:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count(old) == 1
    text = text.replace(old, new)
    config.write_text(text, encoding="utf-8")
    return text


def _expected(text: str, problems: list[tuple[str, str]]) -> list[str]:
    lines = text.splitlines()
    return [f"mkdocs.yml:{next(i for i, line in enumerate(lines, 1) if on in line)}: {message}"
            for on, message in problems]


@pytest.mark.parametrize(("name", "old", "new", "problems"), CASES, ids=[c[0] for c in CASES])
def test_config_mistakes_in_check_and_build(tmp_path, caplog, monkeypatch, name, old, new, problems):
    monkeypatch.setenv("K3B_TODAY", "2026-12-01")
    project = make_project(tmp_path, "minimal")
    expected = _expected(_edit(project, old, new), problems)
    assert [str(p) for p in check(project).items] == expected
    with pytest.raises(Abort):
        build(project)
    assert [line for line in error_lines(caplog) if line.startswith("mkdocs.yml")] == expected


def test_a_nav_entry_to_a_draft_is_no_problem(tmp_path, monkeypatch):
    """The published build drops it from the menu (k3b.publishing.without_pages)."""
    monkeypatch.setenv("K3B_TODAY", "2026-12-01")
    project = make_project(tmp_path, "drafts")
    _edit(project, NAV_ENTRY, NAV_ENTRY + "  - Entwurf: artikel/entwurf.md\n")
    assert not check(project)
    build(project)


def test_a_missing_nav_page_fails_mkdocs_build_quiet(tmp_path):
    """MkDocs' own warning about it does not fail `mkdocs build -q --strict`; ours does."""
    project = make_project(tmp_path, "minimal")
    _edit(project, NAV_ENTRY, NAV_ENTRY + "  - Kontakt: kontakt.md\n")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "--strict"], cwd=project,
                            capture_output=True, text=True,
                            env={"NO_MKDOCS_2_WARNING": "1", "K3B_TODAY": "2026-12-01"})
    assert result.returncode != 0
    assert "„Kontakt: kontakt.md“ in „nav“ führt ins Leere" in result.stderr + result.stdout


@pytest.mark.parametrize(("text", "line", "message"), [
    ("site_name: [K3B\n", 1, "kein gültiges YAML: die eckige Klammer „[“ wird nicht geschlossen"),
    ("- site_name\n", 1, "die Datei muss aus Einstellungen der Form „name: wert“ bestehen"),
], ids=["yaml", "keine-felder"])
def test_check_reports_a_broken_mkdocs_yml_in_german(tmp_path, text, line, message):
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    assert [str(p) for p in check(tmp_path).items] == [f"mkdocs.yml:{line}: {message}"]


def test_check_outside_the_project_folder(tmp_path):
    result = subprocess.run([sys.executable, "-m", "k3b.check", "--projekt", str(tmp_path)],
                            capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.startswith(f"mkdocs.yml:1: keine „mkdocs.yml“ in „{tmp_path}“ – bitte im "
                                    "Projektordner aufrufen")
