"""The benchmark corpus generator: same seed, same bytes; valid, varied German content."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

from k3b.content import validate
from k3b.frontmatter import parse_front_matter
from k3b.problems import ProblemList
from k3b.topics import load_vocabulary

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # bench/ is a folder of scripts, not an installed package
from bench.generate import Spec, generate  # noqa: E402
from bench.text import fold  # noqa: E402

TINY = Spec(articles=30, cases=4, entries=20)


def tree(root: Path) -> dict[str, bytes]:
    """Regular files below ``root`` (symlinked folders are the repository's own)."""
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not any(parent.is_symlink() for parent in p.parents)}


def texts(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.glob("*.md") if p.name != "index.md"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(TINY, tmp_path_factory.mktemp("one") / TINY.name)


def test_same_seed_gives_identical_bytes(corpus: Path, tmp_path: Path) -> None:
    again = generate(TINY, tmp_path / TINY.name)
    assert tree(again) == tree(corpus)
    other = generate(Spec(articles=30, cases=4, entries=20, seed=2), tmp_path / "seed2")
    assert tree(other / "ours" / "docs" / "artikel") != tree(corpus / "ours" / "docs" / "artikel")


def test_articles_are_valid_varied_german(corpus: Path) -> None:
    vocabulary = load_vocabulary(ROOT / "data" / "themen.yml")
    problems = ProblemList()
    words: set[str] = set()
    docs = corpus / "ours" / "docs"
    pages = sorted(p for section in ("artikel", "fallbeispiele") for p in (docs / section).glob("*.md"))
    items = []
    for page in pages:
        src = page.relative_to(docs).as_posix()
        front = parse_front_matter(page.read_text(encoding="utf-8"))
        items.append(validate(src, src, front, vocabulary, problems))
        words.update(fold(w) for w in front.body.split() if w.isalpha())
    assert not problems, [str(p) for p in problems]
    content = [i for i in items if i is not None and i.kind.is_content]
    assert len(content) == TINY.articles + TINY.cases
    detected = [i for i in content if i.detections]
    assert detected and len(detected) < len(content) / 3  # about 15 % leave topics to detection
    assert len(words) > 1500  # a Zipf sample of thousands of words, not a handful repeated


def test_peer_has_same_texts_and_no_hooks(corpus: Path) -> None:
    ours, peer = corpus / "ours", corpus / "peer"
    for section in ("artikel", "fallbeispiele"):
        assert texts(ours / "docs" / section) == texts(peer / "docs" / section)
    config = yaml.safe_load((peer / "mkdocs.yml").read_text(encoding="utf-8"))
    # Only the hook that times Material's Lunr index (bench/lunr_timing.py); no templates.
    assert config["hooks"] == ["lunr_timing.py"] and "custom_dir" not in config["theme"]
    assert config["plugins"][0]["search"]["lang"] == "de"
    bib = (ours / "publications" / "bench.bib").read_text(encoding="utf-8")
    assert bib.count("\n@") == TINY.entries


def test_events_and_projects_are_valid_and_linked(tmp_path: Path) -> None:
    spec = Spec(articles=30, cases=4, entries=20, events=12, projects=3)
    docs = generate(spec, tmp_path / spec.name) / "ours" / "docs"
    vocabulary = load_vocabulary(ROOT / "data" / "themen.yml")
    problems = ProblemList()
    items = {}
    for section in ("artikel", "fallbeispiele", "veranstaltungen", "projekte"):
        for page in sorted((docs / section).glob("*.md")):
            src = page.relative_to(docs).as_posix()
            items[src] = validate(src, src, parse_front_matter(page.read_text(encoding="utf-8")), vocabulary,
                                  problems)
    assert not problems, [str(p) for p in problems]
    kinds = [i.kind.name for i in items.values() if i is not None and i.kind.is_content]
    assert kinds.count("veranstaltungen") == 12 and kinds.count("projekte") == 3
    projects = {src.split("/")[1].removesuffix(".md") for src in items if src.startswith("projekte/")}
    named = {i.project for i in items.values() if i is not None and i.project}
    assert named and named <= projects
    assert (docs / "projekte" / "bilder" / "bench-logo.svg").is_file()
