"""The Zensical prototype (tools/zensical/prebuild.py) writes the whole site as Markdown.

Zensical itself is not installed in CI (see ENGINE.md for the measured run); this checks the
engine-free half: the same pages as the MkDocs build, finished, without our placeholders.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
import yaml

from sitebuild import ROOT, build, make_project


def _prebuild_module():
    spec = importlib.util.spec_from_file_location("prebuild", ROOT / "tools" / "zensical" / "prebuild.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def trees(tmp_path_factory) -> tuple[Path, Path]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("K3B_TODAY", "2026-12-01")
        project = make_project(tmp_path_factory.mktemp("zensical"), real_content=True)
        out = project.parent / "zensical"
        pages, files, problems = _prebuild_module().prebuild(project, out)
        assert not problems and pages > 50 and files > 10
        return build(project), out


def test_the_same_pages_as_the_mkdocs_build(trees) -> None:
    site, out = trees
    built = {p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")} - {"."}
    built.add("")
    written = set()
    for md in (out / "docs").rglob("*.md"):
        src = md.relative_to(out / "docs").as_posix().removesuffix(".md")
        written.add(src.removesuffix("/index").removesuffix("index").rstrip("/"))
    assert written == {p.rstrip("/") for p in built}


def test_pages_are_finished_markdown(trees) -> None:
    _, out = trees
    texts = {p: p.read_text(encoding="utf-8") for p in (out / "docs").rglob("*.md")}
    assert not [p for p, t in texts.items() if "K3BDEFERRED" in t or "K3BLATE" in t]
    citing = [t for t in texts.values() if 'class="k3b-bibliography"' in t]
    assert citing and all("## Literatur {#literatur}" in t for t in citing)
    assert (out / "docs" / "feed.xml").exists()
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "hooks" not in config and "custom_dir" not in config["theme"]
