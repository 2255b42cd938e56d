"""Run real .bib files through the publications code and check what comes out.

    python -m bench.realfiles DIR [DIR …]            # each DIR is one source (a folder of .bib files)
    python -m bench.realfiles DIR --build            # also build the site once per file (slow)
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


def build_site(path: Path) -> bool:
    """Build the site with only ``path`` as its publications; True if it built."""
    sys.path.insert(0, str(ROOT / "tests"))
    from mkdocs.exceptions import Abort, PluginError

    from sitebuild import build, make_project

    with tempfile.TemporaryDirectory() as folder:
        project = make_project(Path(folder))
        (project / "publications" / "x.bib").write_bytes(path.read_bytes())
        try:
            build(project)
        except (Abort, PluginError):
            return False
        return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--build", action="store_true", help="also build the site once per file")
    parser.add_argument("--show", type=int, default=0, help="print this many suspicious citations")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args(argv)
    vocabulary = load_vocabulary(ROOT / "data/themen.yml")
    results = []
    for folder in args.folders:
        result = SourceResult(folder.name)
        start = time.perf_counter()
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            ok = check_file(path, vocabulary, result)
            if args.build:
                result.site_builds += 1
                built = build_site(path)
                result.site_ok += built
                if built != ok:
                    result.crashes.append(f"{path.name}: loader says {ok}, build says {built}")
        result.seconds = time.perf_counter() - start
        results.append(result)
    for r in results:
        print(f"{r.name}: {r.files} files, {r.entries} entries tried, {r.published} published; "
              f"{r.built} files build, {r.failed_german} fail with German lines only, "
              f"{len(r.english)} non-German lines, {len(r.crashes)} crashes; {r.seconds:.1f} s"
              + (f"; site built {r.site_ok} of {r.site_builds}" if r.site_builds else ""))
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
