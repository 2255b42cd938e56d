"""Run real .bib files through the publications code and check what comes out.

    python -m bench.realfiles DIR [DIR …]            # each DIR is one source (a folder of .bib files)
    python -m bench.realfiles DIR --build            # also build sites from them (slow)
    python -m bench.realfiles DIR --show 20          # print the first 20 suspicious lines

For every file: how many entries it has, how many became pages, whether it fails with
German lines only, and whether any published citation still contains LaTeX or English
leftovers („others“, ``\\``, ``{``, ``$``, doubled punctuation). The sources used for issue 12
(biblatex, JabRef, bibtexparser, Better BibTeX, pybtex) are listed in
``tests/fixtures/bib-real/README.md``; fetch them and pass their folders.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from k3b.bibliography.parse import BibSource, load_bibliography
from k3b.topics import load_vocabulary

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))  # sitebuild: the test suite's fixture projects
HEADER = re.compile(r"^[ \t]*@[ \t]*(\w+)[ \t]*[{(]", re.MULTILINE)
NOT_ENTRIES = {"string", "preamble", "comment"}
# English words that must never reach staff (pybtex's messages are English).
ENGLISH = re.compile(r"\b(expected|entry|premature|unbalanced|too many|duplicate|undefined|syntax error|"
                     r"invalid|missing|warning|error)\b", re.IGNORECASE)
LEFTOVERS = [
    ("LaTeX command", re.compile(r"\\[A-Za-z]")), ("backslash", re.compile(r"\\")),
    ("brace", re.compile(r"[{}]")), ("dollar", re.compile(r"\$")),
    ("others as a name", re.compile(r"\bothers\b(?!\s+\w)")), ("double full stop",
                                                               re.compile(r"(?<!\.)\.\.(?!\.)")),
    ("space before punctuation", re.compile(r" [.,:;](?!\d)")), ("empty In:",
                                                                 re.compile(r"In: ?[,.]|In: {2}")),
    ("empty parentheses", re.compile(r"\(\s*\)")), ("Aufl. twice", re.compile(r"Aufl\.?\s*Aufl")),
]


@dataclass
class SourceResult:
    name: str
    files: int = 0
    entries: int = 0
    published: int = 0
    built: int = 0  # files without errors
    failed_german: int = 0  # files with errors, all of them German
    english: list[str] = field(default_factory=list)
    leftovers: Counter = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    site_builds: int = 0
    site_ok: int = 0
    site_pages: int = 0
    site_leftovers: Counter = field(default_factory=Counter)
    failed_builds: int = 0


def count_entries(path: Path) -> int:
    text = path.read_bytes().decode("utf-8", errors="replace").replace("\x00", "")
    return sum(1 for m in HEADER.finditer(text) if m.group(1).lower() not in NOT_ENTRIES)


def check_file(path: Path, vocabulary, result: SourceResult) -> bool:
    """Load one file; True if it has no errors."""
    result.files += 1
    result.entries += count_entries(path)
    try:
        bibliography, errors, notes = load_bibliography([BibSource(path, "publications/x.bib", False)],
                                                        vocabulary)
    except Exception as error:  # noqa: BLE001 - a crash is what this runner looks for
        result.crashes.append(f"{path.name}: {type(error).__name__}: {error}")
        return False
    result.published += len(bibliography.entries)
    for line in errors.lines() + notes.lines():
        message = line.split(": ", 1)[-1]
        quoted = re.sub(r"„[^“]*“", "", message)  # names and values staff wrote may be English
        if ENGLISH.search(quoted):
            result.english.append(f"{path.name}: {line}")
    for pub in bibliography.entries.values():
        for label, pattern in LEFTOVERS:
            if pattern.search(pub.citation_text):
                result.leftovers[label] += 1
                if len(result.examples) < 400:
                    result.examples.append(f"{label}: {path.name} {pub.key}: {pub.citation_text}")
    if errors:
        result.failed_german += 1
        return False
    result.built += 1
    return True


def _project(folder: Path, files: list[Path]) -> Path:
    from sitebuild import make_project

    project = make_project(folder)
    for index, path in enumerate(files):
        (project / "publications" / f"{index:03d}.bib").write_bytes(path.read_bytes())
    return project


def build_batch(files: list[Path], result: SourceResult) -> None:
    """Build one site from ``files`` (which load without errors) and check every page."""
    from bs4 import BeautifulSoup
    from mkdocs.exceptions import Abort, PluginError

    from sitebuild import build

    with tempfile.TemporaryDirectory() as folder:
        project = _project(Path(folder), files)
        result.site_builds += 1
        try:
            site = build(project)
        except (Abort, PluginError) as error:
            result.crashes.append(f"batch of {len(files)} did not build: {error}")
            return
        result.site_ok += 1
        for page in (site / "publikationen").glob("*/index.html"):
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            citation = soup.select_one(".k3b-citation")
            if citation is None:
                continue
            result.site_pages += 1
            shown = citation.get_text() + " " + soup.select_one(".k3b-facts").get_text(" ")
            for label, pattern in LEFTOVERS[:4]:
                if pattern.search(shown):
                    result.site_leftovers[label] += 1


def build_failing(path: Path, result: SourceResult) -> None:
    """Build a site with one file that has errors: it must stop, with German lines only."""
    import logging

    from mkdocs.exceptions import Abort, PluginError

    from sitebuild import build

    records: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: records.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs.plugins.k3b")
    logger.addHandler(handler)
    try:
        with tempfile.TemporaryDirectory() as folder:
            try:
                build(_project(Path(folder), [path]))
                result.crashes.append(f"{path.name}: built although it has errors")
            except (Abort, PluginError):
                result.failed_builds += 1
    finally:
        logger.removeHandler(handler)
    for line in records:
        message = re.sub(r"„[^“]*“", "", line.split(": ", 1)[-1])
        if line.startswith("publications/") and ENGLISH.search(message):
            result.english.append(f"{path.name} (build): {line}")


def batches(files: list[Path], vocabulary, limit: int = 3000) -> list[list[Path]]:
    """Groups of files whose keys (and their addresses) do not collide, up to ``limit`` entries."""
    from k3b.slugs import slugify

    groups: list[tuple[list[Path], set[str], int]] = []
    for path in files:
        bibliography, _, _ = load_bibliography([BibSource(path, "x.bib", False)], vocabulary)
        slugs = {slugify(k) for k in bibliography.entries} | {slugify(k) for k in bibliography.broken}
        for group in groups:
            if not slugs & group[1] and group[2] + len(slugs) <= limit:
                group[0].append(path)
                group[1].update(slugs)
                groups[groups.index(group)] = (group[0], group[1], group[2] + len(slugs))
                break
        else:
            groups.append(([path], set(slugs), len(slugs)))
    return [g[0] for g in groups]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--build", action="store_true",
                        help="also build sites: good files in batches, --failing files with errors alone")
    parser.add_argument("--failing", type=int, default=20, help="files with errors built alone (default 20)")
    parser.add_argument("--show", type=int, default=0, help="print this many suspicious citations")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args(argv)
    vocabulary = load_vocabulary(ROOT / "data/themen.yml")
    results = []
    for folder in args.folders:
        result = SourceResult(folder.name)
        start = time.perf_counter()
        clean, failing = [], []
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            (clean if check_file(path, vocabulary, result) else failing).append(path)
        if args.build:
            for group in batches(clean, vocabulary):
                build_batch(group, result)
            for path in failing[:args.failing]:
                build_failing(path, result)
        result.seconds = time.perf_counter() - start
        results.append(result)
    for r in results:
        print(f"{r.name}: {r.files} files, {r.entries} entries tried, {r.published} published; "
              f"{r.built} files build, {r.failed_german} fail with German lines only, "
              f"{len(r.english)} non-German lines, {len(r.crashes)} crashes; {r.seconds:.1f} s"
              + (f"; {r.site_ok} of {r.site_builds} site builds passed with {r.site_pages} publication "
                 f"pages, {r.failed_builds} files with errors stopped their build" if r.site_builds else ""))
        for label, count in r.site_leftovers.most_common():
            print(f"    {count:5d} built pages with {label}")
        for label, count in r.leftovers.most_common():
            print(f"    {count:5d} citations with {label}")
        for line in (r.crashes + r.english)[:20]:
            print("    !", line)
        for line in r.examples[:args.show]:
            print("    ?", line)
    if args.json:
        args.json.write_text(json.dumps([r.__dict__ | {"leftovers": dict(r.leftovers)} for r in results],
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
