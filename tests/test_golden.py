"""Snapshots of the pages our code writes, from the ``topics`` fixture project.

The content area (``<article>``) and the ``<head>`` parts our hooks add are compared byte
for byte with ``tests/golden/``: a refactoring that should not change the output (such as
moving the content types onto one mechanism) must leave them identical. When the output
changes on purpose, rewrite the snapshots with ``make golden`` and review the diff in git.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from sitebuild import build, make_project

GOLDEN = Path(__file__).resolve().parent / "golden" / "topics"
PAGES = (
    "index.html",
    "artikel/index.html",
    "artikel/windkraft/index.html",
    "artikel/zwei-themen/index.html",
    "artikel/nur-migration/index.html",
    "fallbeispiele/index.html",
    "fallbeispiele/revierfall/index.html",
    "themen/index.html",
    "themen/energiewende/index.html",
    "themen/migration/index.html",
    "themen/migration/artikel/index.html",
    "themen/energiewende/fallbeispiele/index.html",
    "themen/energiewende/publikationen/index.html",
    "publikationen/index.html",
)
FILES = ("feed.xml", "themen/migration/feed.xml")
UPDATE = os.environ.get("K3B_UPDATE_GOLDEN") == "1"


def snapshot(html: str) -> str:
    """The parts of a page that our code writes: head tags (parsed) and the content area."""
    soup = BeautifulSoup(html, "html.parser")
    head = [str(tag) for tag in soup.head.find_all(["meta", "link", "script"])
            if tag.get("type") == "application/ld+json" or "feed" in (tag.get("rel") or [])
            or (tag.get("name") or tag.get("property") or "").startswith(("citation_", "og:", "description"))]
    # The content area as written, byte for byte (cards contain <article>s of their own).
    start = html.index('<article class="md-content__inner')
    end = html.rindex("</article>") + len("</article>")
    return "\n".join(head) + "\n<!-- content -->\n" + html[start:end] + "\n"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("K3B_TODAY", "2026-12-01")
        return build(make_project(tmp_path_factory.mktemp("golden"), "topics"))


@pytest.mark.parametrize("path", PAGES + FILES)
def test_output_matches_snapshot(site: Path, path: str) -> None:
    raw = (site / path).read_text(encoding="utf-8")
    actual = snapshot(raw) if path.endswith(".html") else raw
    golden = GOLDEN / (path + ".txt")
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    assert golden.exists(), f"kein Snapshot {golden}: make golden"
    assert actual == golden.read_text(encoding="utf-8"), f"{path} weicht vom Snapshot ab (make golden)"
