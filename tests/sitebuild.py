"""Fixture projects built on top of the real site's configuration, and HTML helpers."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from k3b.content import CONTENT_TYPES

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Content pages of the real site (every content type's folder); fixtures bring their own instead.
CONTENT_DIRS = tuple(kind.name for kind in CONTENT_TYPES)


def make_project(tmp_path: Path, scenario: str | None = None, real_content: bool = False) -> Path:
    """A project folder with the site's config, hooks and skeleton pages, plus a fixture.

    The skeleton is the real ``docs/`` without its articles and case studies, so every
    fixture is built with the same templates, navigation and hooks as the real site.
    """
    project = tmp_path / "project"
    docs = project / "docs"

    def skip_content(directory: str, names: list[str]) -> list[str]:
        if not real_content and Path(directory).name in CONTENT_DIRS:
            return [n for n in names if n.endswith(".md") and n != "index.md"]
        return []

    shutil.copytree(ROOT / "docs", docs, ignore=skip_content)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("hooks", "overrides", "k3b"):
        (project / name).symlink_to(ROOT / name)
    # Real files, never symlinks into the repository: a fixture is copied over them.
    if real_content:
        shutil.copytree(ROOT / "publications", project / "publications")
    else:
        (project / "publications").mkdir()
    if scenario is not None:
        shutil.copytree(FIXTURES / scenario, project, dirs_exist_ok=True)
    if not (project / "data").exists():  # a copy: a symlink out of the project is refused
        shutil.copytree(ROOT / "data", project / "data")
    return project


def build(project: Path, command: str = "build") -> Path:
    """Build ``project`` in this process, as ``mkdocs build --strict`` would; returns site/.

    ``command="serve"`` tells the hooks what ``mkdocs serve`` tells them (the preview).
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command=command, dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    return project / "site"


def html(site: Path, url_path: str) -> BeautifulSoup:
    """The parsed page at ``url_path`` (``artikel/x/``) of a built site."""
    return BeautifulSoup((site / url_path / "index.html").read_text(encoding="utf-8"), "html.parser")


def error_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
