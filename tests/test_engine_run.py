"""The engine's own lines reach staff in German (tools/engine_run.py, used by make build/serve)."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import make_project

ROOT = Path(__file__).resolve().parents[1]
WRAPPER = ROOT / "tools" / "engine_run.py"
_spec = importlib.util.spec_from_file_location("engine_run", WRAPPER)
engine_run = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(engine_run)

# What MkDocs 1.6 (and ProperDocs 1.6) print → what staff read.
LINES = [
    ("INFO    -  Cleaning site directory", None),  # nothing to act on: left out
    ("INFO    -  Building documentation to directory: /srv/k3b/site", None),
    ("INFO    -  Documentation built in 1.53 seconds", "INFO    -  Website gebaut in 1,53 s"),
    ("Aborted with a BuildError!", "Build abgebrochen – die Probleme stehen oben."),
    ("ERROR   -  Error building page 'artikel/x.md':",
     "ERROR   -  Die Seite aus docs/artikel/x.md ließ sich nicht bauen:"),
    ("Aborted with 2 warnings, 1 errors in strict mode!",
     "Build abgebrochen: 2 Warnung(en), 1 Fehler – siehe oben."),
    ("Aborted with a configuration error!", "Build abgebrochen: Fehler in der Konfiguration (siehe oben)."),
    ("Aborted with 3 configuration warnings in 'strict' mode!",
     "Build abgebrochen: 3 Warnung(en) zur Konfiguration – siehe oben."),
    ("INFO    -  Building documentation...", "INFO    -  Baue die Website …"),
    ("INFO    -  [09:15:02] Watching paths for changes: 'docs', 'mkdocs.yml'",
     "INFO    -  [09:15:02] Beobachte Änderungen in: 'docs', 'mkdocs.yml'"),
    ("INFO    -  [09:15:02] Serving on http://127.0.0.1:8000/",
     "INFO    -  [09:15:02] Vorschau unter http://127.0.0.1:8000/"),
    ("INFO    -  [09:15:02] Serving on http://127.0.0.1:8000/ and opening it in a browser",
     "INFO    -  [09:15:02] Vorschau unter http://127.0.0.1:8000/ (öffnet im Browser)"),
    ("INFO    -  [09:16:40] Detected file changes", "INFO    -  [09:16:40] Änderung erkannt"),
    ("INFO    -  [09:16:41] Reloading browsers", "INFO    -  [09:16:41] Lade die Vorschau im Browser neu"),
    ("INFO    -  [09:16:41] Browser connected: http://127.0.0.1:8000/artikel/",
     "INFO    -  [09:16:41] Browser verbunden: http://127.0.0.1:8000/artikel/"),
    ("ERROR   -  [09:16:41] An error happened during the rebuild. The server will appear stuck until "
     "build errors are resolved.",
     "ERROR   -  [09:16:41] Die Vorschau konnte nicht neu gebaut werden (ein Fehler im Programm, nicht im "
     "Inhalt – siehe oben): Sie antwortet erst wieder, wenn er behoben ist."),
    ("INFO    -  Shutting down...", "INFO    -  Beende die Vorschau …"),
    # Ours, and what the wrapper does not know, pass unchanged.
    ("ERROR   -  docs/artikel/x.md:3: Pflichtfeld „summary“ fehlt",
     "ERROR   -  docs/artikel/x.md:3: Pflichtfeld „summary“ fehlt"),
    ("INFO    -  Suchindex: 65 Seiten in 0.2 s", "INFO    -  Suchindex: 65 Seiten in 0.2 s"),
]


@pytest.mark.parametrize(("line", "german"), LINES)
def test_engine_lines_in_german(line, german):
    assert engine_run.translate(line) == german


def _engine_sources(package: str) -> str:
    spec = importlib.util.find_spec(package)
    folder = Path(spec.origin).parent
    return "\n".join(path.read_text(encoding="utf-8") for path in folder.rglob("*.py"))


def test_the_messages_are_the_engines_own():
    """If MkDocs rewords one of these, the wrapper would silently stop translating it."""
    source = _engine_sources("mkdocs")
    for fragment in ("Cleaning site directory", "Building documentation to directory: ",
                     "Documentation built in ", "'Aborted with a BuildError!'", " in strict mode!",
                     "Aborted with a configuration error!", "configuration warnings in 'strict' mode!",
                     '"Building documentation..."', "Watching paths for changes: ", "Serving on ",
                     "and opening it in a browser", "Detected file changes", "Reloading browsers",
                     "Browser connected: ", "Shutting down...", "Error building page '",
                     "An error happened during the rebuild. The server will appear stuck until build "
                     "errors are resolved."):
        assert fragment in source, fragment


def _run(project: Path) -> subprocess.CompletedProcess:
    engine = Path(sys.executable).with_name("mkdocs")
    return subprocess.run([sys.executable, str(WRAPPER), str(engine), "build", "--strict"], cwd=project,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def test_a_failed_build_says_so_in_german_with_the_engines_exit_code(tmp_path):
    result = _run(make_project(tmp_path, "two-broken"))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert "Aborted" not in result.stdout and "Traceback" not in result.stdout
    problem = "docs/fallbeispiele/zweite.md:14: unbekannte Phase „Irgendwann“"
    assert any(problem in line for line in lines)
    assert lines[-1] == "Build abgebrochen – die Probleme stehen oben."


def test_a_good_build_reports_in_german(tmp_path):
    result = _run(make_project(tmp_path, "minimal"))
    assert result.returncode == 0, result.stdout[-2000:]
    assert any(line.startswith("INFO") and "Website gebaut in" in line for line in result.stdout.splitlines())
    assert "Documentation built" not in result.stdout and "Cleaning" not in result.stdout


def test_the_sample_site_prints_at_most_five_info_lines(tmp_path):
    """Staff's own notes stand out: repeated notes fold, the engine's chatter is left out."""
    result = _run(make_project(tmp_path, real_content=True))
    assert result.returncode == 0, result.stdout[-2000:]
    info = [line for line in result.stdout.splitlines() if line.startswith("INFO")]
    assert len(info) <= 5, "\n".join(info)
    assert any("Schlagwörter" in line and "gehören zu keinem Thema, z. B." in line for line in info)


def test_a_missing_engine_is_a_german_line(tmp_path):
    result = subprocess.run([sys.executable, str(WRAPPER), str(tmp_path / "mkdocs"), "build"],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "ließ sich nicht starten" in result.stderr
