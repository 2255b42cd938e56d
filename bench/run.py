"""`make bench`: our site against plain Material on the same generated Markdown.

Builds run as child processes of this one, interleaved (ours, peer, ours, peer, …), and the
median of the measured runs counts. Results go to ``bench/results/<name>-<date>.json`` and a
Markdown table is printed.

    python -m bench.run --size S              # the comparison (default), with browser figures
    python -m bench.run --scaling [--with-l]  # S and M (and L): does cost per page stay flat?
    python -m bench.run --pubs                # issue 3: cost per publication page and of citations
    python -m bench.run --bibtex              # issue 12: BibTeX 5,000 entries, TUGboat's bibliography
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import resource
import statistics
import subprocess
import sys
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from . import report
from .corpus import Spec, preset
from .generate import OUT, ROOT, add_spec_arguments, is_current, spec_from_args
from .measure import BuildFailed, BuildRun, build, median_article, median_phases, site_figures, site_in_ram

RESULTS = ROOT / "bench" / "results"
VARIANTS = ("ours", "peer")
TARGET_BUILD = 1.15
TARGET_HTML = 1.2
TARGET_SCALING = 1.1
TARGET_PUB_PAGE = 1.2
TARGET_CITATIONS = 1.1
TARGET_BIBTEX_SECONDS = 3.0
# Issue 13 (search), at size M: article page load (gzip), first query bytes and time.
TARGET_PAGE_LOAD_KB = 150
TARGET_QUERY_KB = 350
TARGET_QUERY_MS = 600


@dataclass
class Options:
    runs: int
    warmup: int
    browser: bool
    query: str


def ensure(spec: Spec) -> Path:
    """The corpus for ``spec``, generated in a child process if missing or out of date.

    Peak RSS from ``os.wait4`` includes this process's peak at the time of the fork, so
    this process stays small: no corpus is ever held in memory here.
    """
    if not is_current(spec):
        subprocess.run([sys.executable, "-m", "bench.generate", "--spec", json.dumps(asdict(spec))],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return OUT / spec.name


def run_builds(projects: dict[str, Path], options: Options) -> dict[str, list[BuildRun]]:
    """Interleaved builds of every project; warm-up rounds are not kept.

    Every other round runs the projects in reverse order (ABBA), so a machine that drifts
    faster or slower during a round does not favour the project that comes first.
    """
    runs: dict[str, list[BuildRun]] = {name: [] for name in projects}
    sites = {name: site_in_ram(project) for name, project in projects.items()}
    for round_number in range(options.warmup + options.runs):
        order = list(projects.items())
        for name, project in order if round_number % 2 == 0 else reversed(order):
            label = "warm-up" if round_number < options.warmup else f"run {round_number - options.warmup + 1}"
            timings = project.parent / f"{name}-timings.json"
            result = build(project, sites[name], project.parent / f"{name}-build.log", timings)
            print(f"  {name:<11} {label:<8} {result.seconds:7.2f} s  (CPU {result.cpu_seconds:7.2f} s)  "
                  f"{result.peak_rss_mb:6.0f} MB",
                  file=sys.stderr, flush=True)
            if round_number >= options.warmup:
                runs[name].append(result)
            if result.peak_rss_mb <= runner_rss_mb():
                print("  warning: peak RSS not above this runner's own; it may be the runner's",
                      file=sys.stderr)
    return runs


def runner_rss_mb() -> float:
    """This process's peak RSS; a child's figure from wait4 is never below it."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def summarise(runs: list[BuildRun], project: Path, manifest: dict) -> dict:
    seconds = statistics.median(r.seconds for r in runs)
    figures = site_figures(project / "site", manifest["articles"], manifest["cases"])
    cpu = statistics.median(r.cpu_seconds for r in runs)
    return {
        "seconds": round(seconds, 3),
        "seconds_all": [round(r.seconds, 3) for r in runs],
        "spread": round(max(r.seconds for r in runs) / min(r.seconds for r in runs) - 1, 3),
        "cpu_seconds": round(cpu, 3),
        "peak_rss_mb": round(statistics.median(r.peak_rss_mb for r in runs), 1),
        "ms_per_page": round(1000 * seconds / figures.pages, 3),
        "cpu_ms_per_page": round(1000 * cpu / figures.pages, 3),
        **asdict(figures),
        "phases": median_phases(runs),
        "search_index_seconds": round(statistics.median(r.phases.get("search-index", 0.0) for r in runs), 3),
        "search_index_rss_mb": round(statistics.median(r.figures.get("search-index-rss-mb", 0.0)
                                                       for r in runs), 1),
    }


def ratio(ours: float, peer: float) -> float | None:
    return round(ours / peer, 3) if peer else None


def target(value: float | None, limit: float) -> dict:
    return {"value": value, "limit": limit, "pass": value is not None and value <= limit}


def compare(spec: Spec, options: Options) -> dict:
    """Ours against the peer for one corpus: build figures, ratios, targets, browser figures."""
    out = ensure(spec)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    projects = {name: out / name for name in VARIANTS}
    print(f"{spec.name}: {spec.articles} articles, {spec.cases} case studies, {spec.events} events, "
          f"{spec.projects} projects, {spec.entries} entries",
          file=sys.stderr)
    runs = run_builds(projects, options)
    ours, peer = (summarise(runs[name], projects[name], manifest) for name in VARIANTS)
    ratios = {
        "build_raw": ratio(ours["seconds"], peer["seconds"]),
        "build_per_page": ratio(ours["ms_per_page"], peer["ms_per_page"]),
        "cpu_per_page": ratio(ours["cpu_ms_per_page"], peer["cpu_ms_per_page"]),
        "article_html": ratio(ours["article_html_bytes"], peer["article_html_bytes"]),
        "peak_rss": ratio(ours["peak_rss_mb"], peer["peak_rss_mb"]),
    }
    result = {
        "name": spec.name, "spec": asdict(spec), "date": dt.date.today().isoformat(), "machine": machine(),
        "runs": options.runs, "warmup": options.warmup, "runner_peak_rss_mb": round(runner_rss_mb(), 1),
        "ours": ours, "peer": peer, "ratios": ratios,
        "targets": {"build_per_page": target(ratios["build_per_page"], TARGET_BUILD),
                    "article_html": target(ratios["article_html"], TARGET_HTML)},
    }
    if options.browser:
        result["browser"] = browser_figures(out, manifest, options.query)
        result["targets"].update(search_targets(result["browser"]))
    return result


def search_targets(browser: dict) -> dict:
    """Issue 13's targets for our search (checked at every size, meant for M)."""
    if "error" in browser:
        return {}
    ours = browser["ours"]
    return {
        "page_load_kb": target(round(ours["load"]["bytes"] / 1024, 1), TARGET_PAGE_LOAD_KB),
        "first_query_kb": target(round(ours["search"]["bytes"] / 1024, 1), TARGET_QUERY_KB),
        "first_query_ms": target(ours["search_ms"], TARGET_QUERY_MS),
    }


def browser_figures(out: Path, manifest: dict, query: str) -> dict:
    from . import browser

    page = f"artikel/{median_article(out / 'ours' / 'site', manifest['articles'])}/"
    print(f"  browser: {page}, search „{query}“", file=sys.stderr, flush=True)
    try:
        return browser.measure({name: out / name / "site" for name in VARIANTS}, page, query)
    except Exception as error:  # a missing Chromium must not cost the build figures
        return {"error": f"{type(error).__name__}: {error}"}


def machine() -> dict:
    import os

    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()}


# --- scaling --------------------------------------------------------------------------------


def scaling(sizes: list[str], options: Options) -> dict:
    """Per-page cost at each size, raw and net of the fixed cost of an empty site."""
    empty = compare(Spec(0, 0, 0, label="empty"), replace(options, browser=False))
    results = {size: compare(preset(size), replace(options, browser=False)) for size in sizes}
    growth = {}
    for variant in VARIANTS:
        base = empty[variant]
        per_page = {size: r[variant]["ms_per_page"] for size, r in results.items()}
        net = {size: round(1000 * (r[variant]["seconds"] - base["seconds"])
                           / max(1, r[variant]["pages"] - base["pages"]), 3)
               for size, r in results.items()}
        net_cpu = {size: round(1000 * (r[variant]["cpu_seconds"] - base["cpu_seconds"])
                               / max(1, r[variant]["pages"] - base["pages"]), 3)
                   for size, r in results.items()}
        growth[variant] = {"ms_per_page": per_page, "net_ms_per_page": net, "net_cpu_ms_per_page": net_cpu}
    first, last = sizes[0], sizes[-1]
    ours = growth["ours"]
    growth_ratio = {"raw": ratio(ours["ms_per_page"][last], ours["ms_per_page"][first]),
                    "net": ratio(ours["net_ms_per_page"][last], ours["net_ms_per_page"][first]),
                    "net_cpu": ratio(ours["net_cpu_ms_per_page"][last], ours["net_cpu_ms_per_page"][first])}
    return {
        "date": dt.date.today().isoformat(), "machine": machine(), "sizes": sizes,
        "empty": {v: {key: empty[v][key] for key in ("seconds", "cpu_seconds", "pages")} for v in VARIANTS},
        "results": results, "growth": growth, "per_page_growth": growth_ratio,
        "target": target(growth_ratio["net"], TARGET_SCALING) | {"between": [first, last]},
    }


# --- publications and citations (issue 3) ---------------------------------------------------


def pubs_specs(n: int, cases: int) -> dict[str, Spec]:
    """Four corpora with the same texts, which differ only in entries and citations.

    The citations go to any of the 5,000 entries, about four per entry, as on a real site.
    """
    return {
        # Each pair whose difference is taken runs back to back: half, e50 | e5000, cite10.
        "half": Spec(n // 2, cases, 50, citations=0),
        "e50": Spec(n, cases, 50, citations=0),
        "e5000": Spec(n, cases, 5000, citations=0),
        "cite10": Spec(n, cases, 5000, citations=10),
    }


def marginal_costs(t: dict[str, float], n: int, cases: int) -> dict[str, float]:
    """ms per extra article page, per extra publication page, and for 10 citations in a text."""
    return {
        "article_page": 1000 * (t["e50"] - t["half"]) / (n - n // 2),
        "publication_page": 1000 * (t["e5000"] - t["e50"]) / 4950,
        "ten_citations": 1000 * (t["cite10"] - t["e5000"]) / (n + cases),
    }


def per_round_costs(runs: dict[str, list[BuildRun]], specs: dict[str, Spec], n: int, cases: int,
                    measure: str) -> list[dict[str, float]]:
    """Marginal costs from the builds of each round."""
    rounds = min(len(runs[f"ours-{key}"]) for key in specs)
    return [marginal_costs({key: getattr(runs[f"ours-{key}"][i], measure) for key in specs}, n, cases)
            for i in range(rounds)]


def paired_costs(per_round: list[dict[str, float]]) -> dict[str, float]:
    """The median over rounds of each round's marginal costs.

    The builds whose difference is taken run back to back, so a slow spell of the machine
    hits both and cancels in their difference; the medians of the separate build times
    mix builds from different rounds (one run of a build varied by up to 15 % here).
    """
    return {name: statistics.median(r[name] for r in per_round) for name in per_round[0]}


def round_ratios(per_round: list[dict[str, float]]) -> dict[str, list[float]]:
    """Each round's ratios against its own article page, sorted: how far one round can be off."""
    valid = [r for r in per_round if r["article_page"] > 0]
    return {
        "publication_page": sorted(round(r["publication_page"] / r["article_page"], 3) for r in valid),
        "citations": sorted(round(1 + r["ten_citations"] / r["article_page"], 3) for r in valid),
    }


def pubs(base: Spec, options: Options) -> dict:
    """Marginal cost of a publication page and of 10 citations, against that of an article.

    N articles + 50 entries, N + 5,000, N/2 + 50, and N + 5,000 with 10 citations per text.
    """
    n, cases = base.articles, base.cases
    specs = pubs_specs(n, cases)
    projects = {f"ours-{key}": ensure(spec) / "ours" for key, spec in specs.items()}
    print(f"pubs: {', '.join(s.name for s in specs.values())}", file=sys.stderr)
    runs = run_builds(projects, options)
    wall = {key: statistics.median(r.seconds for r in runs[f"ours-{key}"]) for key in specs}
    cpu = {key: statistics.median(r.cpu_seconds for r in runs[f"ours-{key}"]) for key in specs}
    rounds = per_round_costs(runs, specs, n, cases, "seconds")
    costs = paired_costs(rounds)
    cpu_costs = paired_costs(per_round_costs(runs, specs, n, cases, "cpu_seconds"))
    phases = {key: median_phases(runs[f"ours-{key}"]) for key in specs}
    bibtex_seconds = (phases["e5000"] or {}).get("bibtex")

    def versus_article(value: float, plus_one: bool = False) -> float | None:
        if costs["article_page"] <= 0:
            return None
        return round((1.0 if plus_one else 0.0) + value / costs["article_page"], 3)

    return {
        "date": dt.date.today().isoformat(), "machine": machine(), "articles": n, "cases": cases,
        "runs": options.runs, "seconds": {k: round(v, 3) for k, v in wall.items()},
        "cpu_seconds": {k: round(v, 3) for k, v in cpu.items()},
        "pages": {key: site_figures(project / "site", [], []).pages
                  for key, project in zip(specs, projects.values(), strict=True)},
        "seconds_all": {key: [round(r.seconds, 3) for r in runs[f"ours-{key}"]] for key in specs},
        "ms": {k: round(v, 3) for k, v in costs.items()},
        "ms_from_medians": {k: round(v, 3) for k, v in marginal_costs(wall, n, cases).items()},
        "cpu_ms": {k: round(v, 3) for k, v in cpu_costs.items()},
        "ratios_per_round": round_ratios(rounds),
        "phases": phases,
        "targets": {
            "publication_page": target(versus_article(costs["publication_page"]), TARGET_PUB_PAGE),
            "citations": target(versus_article(costs["ten_citations"], plus_one=True), TARGET_CITATIONS),
            "bibtex_seconds": target(bibtex_seconds, TARGET_BIBTEX_SECONDS),
        },
    }


# --- main -----------------------------------------------------------------------------------


def save(name: str, result: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}-{dt.date.today().isoformat()}.json"
    path.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_spec_arguments(parser)
    parser.add_argument("--runs", type=int, help="measured builds per site (default 3; --pubs 5)")
    parser.add_argument("--warmup", type=int, default=1, help="unmeasured builds per site first")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium figures")
    parser.add_argument("--query", default="Windkraft", help="search query for the browser figures")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--scaling", action="store_true", help="S and M: per-page cost growth")
    mode.add_argument("--pubs", action="store_true", help="issue 3: publication pages and citations")
    mode.add_argument("--bibtex", action="store_true",
                      help="issue 12: 5,000 BibTeX entries and TUGboat's bibliography (bench/bibtex.py)")
    parser.add_argument("--with-l", action="store_true", help="--scaling: add size L")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    runs = args.runs or (5 if args.pubs else 3)
    options = Options(runs, args.warmup, not args.no_browser, args.query)
    try:
        if args.scaling:
            result = scaling(["S", "M", "L"] if args.with_l else ["S", "M"], options)
            name, table = "scaling", report.scaling_table(result)
        elif args.bibtex:
            from . import bibtex

            result = bibtex.measure(runs)
            name, table = "bibtex", bibtex.table(result)
        elif args.pubs:
            base = spec_from_args(args) if args.articles else preset("M")
            result = pubs(base, options)
            name, table = "pubs", report.pubs_table(result)
        else:
            spec = spec_from_args(args)
            result = compare(spec, options)
            name, table = spec.name, report.compare_table(result)
    except BuildFailed as error:
        print(f"\nBUILD FAILED: {error}", file=sys.stderr)
        return 1
    path = save(name, result)
    print(table)
    print(f"\nResults: {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
