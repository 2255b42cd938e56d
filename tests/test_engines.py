"""The second engine: ProperDocs builds the same site as MkDocs, without MkDocs installed.

ProperDocs 1.6.7 (a maintained fork of MkDocs 1.x) lives in its own environment,
``.venv-properdocs`` (``make properdocs-env``; ``make test`` creates it). Both engines build
the sample site; every file must be identical except the generator tag. See ENGINE.md.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from searchindex import indexed_pages
from sitebuild import ROOT, make_project

PROPERDOCS = ROOT / ".venv-properdocs" / "bin"
GENERATOR = re.compile(rb'<meta name="generator" content="([^"]*)">')


def _properdocs() -> Path:
    engine = PROPERDOCS / "properdocs"
    if not engine.exists():
        pytest.fail(f"ProperDocs fehlt: {engine} (make properdocs-env)")
    return engine


def _build(command: list[str], project: Path, site: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "K3B_TODAY": "2026-12-01", "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*command, "build", "--strict", "--site-dir", str(site)], cwd=project, env=env,
                          capture_output=True, text=True)


def _files(site: Path) -> dict[str, bytes]:
    """Every file but the search index: Pagefind writes the values of a filter in no fixed
    order (and names its files by their bytes); the test compares its page records."""
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.relative_to(site).parts[0] != "pagefind"}


def test_properdocs_environment_has_no_mkdocs() -> None:
    python = PROPERDOCS / "python"
    _properdocs()
    probe = "import importlib.util, sys; sys.exit(importlib.util.find_spec('mkdocs') is not None)"
    assert subprocess.run([str(python), "-c", probe]).returncode == 0, "MkDocs in .venv-properdocs"


def test_both_engines_build_the_same_site(tmp_path: Path) -> None:
    project = make_project(tmp_path, real_content=True)
    by_mkdocs, by_properdocs = tmp_path / "mkdocs", tmp_path / "properdocs"
    engines = (([sys.executable, "-m", "mkdocs"], by_mkdocs), ([str(_properdocs())], by_properdocs))
    for command, site in engines:
        result = _build(command, project, site)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    first, second = _files(by_mkdocs), _files(by_properdocs)
    assert first.keys() == second.keys()
    assert len(first) > 100
    # Each engine names itself: the pages really come from two engines.
    assert GENERATOR.search(first["index.html"]).group(1).startswith(b"mkdocs-1.")
    assert GENERATOR.search(second["index.html"]).group(1).startswith(b"mkdocs-ProperDocs ")
    differ = [name for name in first if GENERATOR.sub(b"", first[name]) != GENERATOR.sub(b"", second[name])]
    assert differ == []
    entries = [json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
               for site in (by_mkdocs, by_properdocs)]
    indexed = [entry["languages"]["de"]["page_count"] for entry in entries]
    assert indexed[0] == indexed[1] > 50
    assert indexed_pages(by_mkdocs) == indexed_pages(by_properdocs)


def test_properdocs_reports_problems_in_german(tmp_path: Path) -> None:
    result = _build([str(_properdocs())], make_project(tmp_path, "two-broken"), tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "docs/artikel/erste.md:2: Front Matter ist kein gültiges YAML" in output
    assert "docs/fallbeispiele/zweite.md:14: unbekannte Phase „Irgendwann“" in output
