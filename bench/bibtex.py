"""Issue 12: how long publications take on generated and on real data.

    python -m bench.run --bibtex                  # via make: make bench BENCH_ARGS=--bibtex
    python -m bench.bibtex [--runs 3] [--tugboat PATH]

1. BibTeX, 5,000 generated entries (``bench/bibgen.py``): reading, resolving, decoding and
   formatting them in this process (``load_bibliography``), median of the runs. Target ≤ 3 s.
2. TUGboat's bibliography (2,720 entries, Nelson Beebe's ``tugboat.bib`` as pybtex ships it
   in its sdist): a full ``mkdocs build`` of the site with only that file as publications,
   as a child process, median of the runs. Target ≤ 10 s. The same builds also run without
   the build's shortcuts (theme fragments once per folder, no Markdown for placeholder-only
   pages), alternating with them, to show what those save.

Without ``--tugboat``, ``tugboat.bib`` is taken from the pybtex sdist on PyPI (``pip
download pybtex==<installed version> --no-binary :all:``), cached in ``bench/out/``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from importlib.metadata import version
from pathlib import Path

from k3b.bibliography.parse import BibSource, load_bibliography
from k3b.topics import load_vocabulary

from .bibgen import bibliography
from .generate import OUT, ROOT, share_dirs, skeleton_files, write
from .measure import build, site_in_ram

TARGET_5000 = 3.0
TARGET_TUGBOAT = 10.0


def generated_seconds(runs: int, count: int = 5000, seed: int = 1) -> tuple[list[float], list[float]]:
    path = OUT / "bibtex" / f"generated-{count}.bib"
    write(path, bibliography(seed, count)[1])
    vocabulary = load_vocabulary(ROOT / "data/themen.yml")
    times, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        entries, errors, _notes = load_bibliography([BibSource(path, "publications/bench.bib", False)],
                                                    vocabulary)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        if errors or len(entries.entries) != count:
            raise SystemExit(f"generated entries did not load: {errors.lines()[:5]}")
    return times, cpu


def tugboat_file(given: Path | None) -> Path:
    if given is not None:
        return given
    cache = OUT / "bibtex" / "tugboat.bib"
    if cache.exists():
        return cache
    folder = OUT / "bibtex" / "sdist"
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", f"pybtex=={version('pybtex')}", "--no-deps",
                    "--no-binary", ":all:", "--quiet", "-d", str(folder)], check=True)
    archive = next(folder.glob("pybtex-*.tar.gz"))
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith("examples/tugboat/tugboat.bib"))
        cache.write_bytes(tar.extractfile(member).read())
    return cache


def tugboat_project(bib: Path) -> Path:
    """Our site's skeleton with ``bib`` as its only publications file."""
    project = OUT / "bibtex" / "tugboat"
    if not (project / "mkdocs.yml").exists():
        for path in skeleton_files():
            target = project / "docs" / path.relative_to(ROOT / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
        share_dirs(project)
    shutil.copyfile(ROOT / "mkdocs.yml", project / "mkdocs.yml")  # always today's
    (project / "publications").mkdir(exist_ok=True)
    (project / "publications" / "tugboat.bib").write_bytes(bib.read_bytes())
    return project


SHORTCUTS = ("K3B_FRAGMENT_CACHE", "K3B_SKIP_MARKDOWN")  # hooks/k3b_fragments.py, hooks/k3b_site.py


@contextlib.contextmanager
def shortcuts(on: bool):
    """The build's shortcuts on (as always) or off, for the child builds started inside."""
    saved = {name: os.environ.get(name) for name in SHORTCUTS}
    os.environ.update({name: "1" if on else "0" for name in SHORTCUTS})
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def tugboat_runs(bib: Path, runs: int) -> tuple[dict[bool, list], int]:
    """Builds with the shortcuts on and off, alternating (ABBA) after one warm-up build of each:
    ({True: [BuildRun, ...], False: [...]}, pages of the last build)."""
    project = tugboat_project(bib)
    site = site_in_ram(project)
    results: dict[bool, list] = {True: [], False: []}
    for index in range(runs + 1):
        for on in ((True, False) if index % 2 else (False, True)):
            with shortcuts(on):
                run = build(project, site, project / "build.log", project / "timings.json")
            if index:
                results[on].append(run)
    return results, sum(1 for _ in site.rglob("index.html"))


def calibration_seconds(rounds: int = 5) -> float:
    """How fast this machine is right now: the median time of a fixed pure-Python workload
    (dicts, strings, a regex) that has nothing to do with our code. On a shared machine the
    same build takes up to twice as long from one hour to the next; this number moves with it
    and shows which of two runs had the faster machine."""
    pattern = re.compile(r"(\w+)-(\d+)")
    times = []
    for _ in range(rounds):
        start = time.process_time()
        table: dict[str, int] = {}
        for number in range(300_000):
            word = f"eintrag-{number % 977}"
            match = pattern.match(word)
            table[match.group(1) + match.group(2)] = table.get(word, 0) + len(word)
        times.append(time.process_time() - start)
    return statistics.median(times)


def measure(runs: int, tugboat: Path | None = None) -> dict:
    calibration_before = calibration_seconds()
    generated, generated_cpu = generated_seconds(runs)
    bib = tugboat_file(tugboat)
    results, pages = tugboat_runs(bib, runs)
    on, off = results[True], results[False]
    phases = {name: statistics.median(r.phases.get(name, 0.0) for r in on) for name in on[-1].phases}
    result = {
        "generated_5000_seconds": generated, "generated_5000_median": statistics.median(generated),
        "generated_5000_cpu_median": statistics.median(generated_cpu),
        "tugboat_build_seconds": [r.seconds for r in on],
        "tugboat_build_median": statistics.median(r.seconds for r in on),
        "tugboat_build_cpu_median": statistics.median(r.cpu_seconds for r in on),
        "tugboat_without_shortcuts_seconds": [r.seconds for r in off],
        "tugboat_without_shortcuts_median": statistics.median(r.seconds for r in off),
        "tugboat_without_shortcuts_cpu_median": statistics.median(r.cpu_seconds for r in off),
        "tugboat_pages": pages, "tugboat_phases": phases,
        "calibration_seconds": [calibration_before, calibration_seconds()],  # before, after
        "targets": {"generated_5000": TARGET_5000, "tugboat_build": TARGET_TUGBOAT},
    }
    return result


def table(result: dict) -> str:
    def verdict(value: float, limit: float) -> str:
        return f"{'PASS' if value <= limit else 'MISS'} ({value:.2f} s, target ≤ {limit:.0f} s)"

    lines = [
        "| measurement | runs (s) | median | CPU median |", "|---|---|---:|---:|",
        f"| BibTeX, 5,000 generated entries (load_bibliography) | "
        f"{', '.join(f'{s:.2f}' for s in result['generated_5000_seconds'])} | "
        f"{result['generated_5000_median']:.2f} s | {result['generated_5000_cpu_median']:.2f} s |",
        f"| TUGboat (2,720 entries), full build, {result['tugboat_pages']} pages | "
        f"{', '.join(f'{s:.2f}' for s in result['tugboat_build_seconds'])} | "
        f"{result['tugboat_build_median']:.2f} s | {result['tugboat_build_cpu_median']:.2f} s |",
        f"| the same without fragment cache and Markdown skip (K3B_FRAGMENT_CACHE=0 K3B_SKIP_MARKDOWN=0) | "
        f"{', '.join(f'{s:.2f}' for s in result['tugboat_without_shortcuts_seconds'])} | "
        f"{result['tugboat_without_shortcuts_median']:.2f} s | "
        f"{result['tugboat_without_shortcuts_cpu_median']:.2f} s |",
        "", f"- Machine speed (fixed workload, before / after; smaller is faster): "
        f"{result['calibration_seconds'][0]:.3f} s / {result['calibration_seconds'][1]:.3f} s",
        f"- BibTeX 5,000: {verdict(result['generated_5000_median'], TARGET_5000)}",
        f"- TUGboat build: {verdict(result['tugboat_build_median'], TARGET_TUGBOAT)}",
        "- TUGboat phases (median s): " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(
            result["tugboat_phases"].items(), key=lambda kv: -kv[1])),
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--tugboat", type=Path, help="tugboat.bib (default: from the pybtex sdist)")
    args = parser.parse_args(argv)
    result = measure(args.runs, args.tugboat)
    print(table(result))
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
