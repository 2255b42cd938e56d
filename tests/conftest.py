"""Session fixtures: the real site and the ``minimal`` fixture, each built once."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitebuild import build, make_project


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site with its sample content, built once per test session."""
    return build(make_project(tmp_path_factory.mktemp("real"), real_content=True))


@pytest.fixture(scope="session")
def minimal_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``minimal`` fixture, built once per test session."""
    return build(make_project(tmp_path_factory.mktemp("minimal"), "minimal"))
