"""One timed `mkdocs build` as a child process, and the size figures of a built site."""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True)
class BuildRun:
    """Wall time, peak RSS and our phase times (empty for the peer) of one build."""

    seconds: float
    peak_rss_mb: float
    cpu_seconds: float = 0.0  # user + system; less disturbed than wall time on a busy machine
    phases: dict[str, float] = field(default_factory=dict)
    figures: dict[str, float] = field(default_factory=dict)  # search-index-rss-mb


class BuildFailed(RuntimeError):
    pass


RAM_DISK = Path("/dev/shm")
RAM_DISK_NEEDED = 4 * 1024**3  # bytes free before the built sites go there


def site_in_ram(project: Path) -> Path:
    """``project/site`` as a link into RAM (``/dev/shm``) if there is room, else a plain folder.

    Written to this machine's disk (ext4 with online discard), the same build's kernel time
    grew from 1 s to 13 s over consecutive builds while its user time stayed flat: noise
    larger than the differences measured. A site in RAM costs the same on every build.
    ``K3B_BENCH_DISK=1`` keeps the sites on disk.
    """
    site = project / "site"
    usable = (os.environ.get("K3B_BENCH_DISK") != "1" and RAM_DISK.is_dir()
              and shutil.disk_usage(RAM_DISK).free >= RAM_DISK_NEEDED)
    if not usable:
        if site.is_symlink():
            site.unlink()
        return site
    target = RAM_DISK / "k3b-bench" / project.parent.name / project.name
    if site.is_symlink() and site.resolve() == target.resolve():
        target.mkdir(parents=True, exist_ok=True)
        return site
    if site.is_symlink():
        site.unlink()
    elif site.exists():
        shutil.rmtree(site)
    target.mkdir(parents=True, exist_ok=True)
    site.symlink_to(target, target_is_directory=True)
    return site


def build(project: Path, site: Path, log: Path, timings: Path | None = None) -> BuildRun:
    """Run ``mkdocs build`` for ``project`` into ``site``; raise BuildFailed with the log's tail."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("K3B_TIMINGS", None)
    if timings is not None:
        timings.unlink(missing_ok=True)
        env["K3B_TIMINGS"] = str(timings)
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file", str(project / "mkdocs.yml"),
               "--site-dir", str(site)]
    with open(log, "w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        # wait4 gives this child's own resource usage, not the sum over all children so far.
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        tail = "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-15:])
        raise BuildFailed(f"{project}: mkdocs build failed (exit {process.returncode}), see {log}:\n{tail}")
    phases, figures = {}, {}
    if timings is not None and timings.exists():
        for key, value in json.loads(timings.read_text(encoding="utf-8")).items():
            # Figures that are not times end in their unit (k3b.timing.record).
            (figures if key.endswith("-mb") else phases)[key] = float(value)
    return BuildRun(seconds, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, phases, figures)


def median_phases(runs: list[BuildRun]) -> dict[str, float] | None:
    """Median seconds per phase, or None when the build wrote no (or only zero) timings."""
    if not runs or not any(any(run.phases.values()) for run in runs):
        return None
    names = sorted(set().union(*(run.phases for run in runs)))
    return {name: statistics.median(run.phases.get(name, 0.0) for run in runs) for name in names}


@dataclass(frozen=True)
class SiteFigures:
    pages: int
    site_bytes: int
    search_index_bytes: int
    article_html_bytes: float
    case_html_bytes: float
    article_pages: int


def _page_bytes(site: Path, section: str, slugs: list[str]) -> list[int]:
    return [(site / section / slug / "index.html").stat().st_size for slug in slugs
            if (site / section / slug / "index.html").exists()]


def site_figures(site: Path, articles: list[str], cases: list[str]) -> SiteFigures:
    """Output pages (index.html files), bytes, search index and median page sizes."""
    files = [p for p in site.rglob("*") if p.is_file()]
    article_bytes = _page_bytes(site, "artikel", articles)
    case_bytes = _page_bytes(site, "fallbeispiele", cases)
    # Lunr's one file, or Pagefind's pieces (and Material's settings file beside them).
    index = [p for p in files if p.relative_to(site).parts[0] in ("search", "pagefind")]
    return SiteFigures(
        pages=sum(1 for p in files if p.name == "index.html"),
        site_bytes=sum(p.stat().st_size for p in files),
        search_index_bytes=sum(p.stat().st_size for p in index),
        article_html_bytes=statistics.median(article_bytes) if article_bytes else 0.0,
        case_html_bytes=statistics.median(case_bytes) if case_bytes else 0.0,
        article_pages=len(article_bytes),
    )


def median_article(site: Path, articles: list[str]) -> str:
    """The slug of the article page of median HTML size: a typical page to load in a browser."""
    sized = sorted((size, slug) for slug in articles
                   for size in _page_bytes(site, "artikel", [slug]))
    return sized[len(sized) // 2][1] if sized else articles[0]
