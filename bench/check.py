"""`make bench-check`: `make check` against a full `make build` on the same corpus (issue 14).

Both run as child processes on the generated corpus of ``bench/out/<size>/ours/``,
interleaved (check, build, build, check, …) after one warm-up round; the medians count.
Target: the check takes at most 20 % of a full build at size M.

    python -m bench.check --size S --runs 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .corpus import preset
from .measure import build, site_in_ram
from .run import RESULTS, ensure, machine, target

TARGET_CHECK = 0.2


def timed_check(project: Path) -> tuple[float, float]:
    """Wall and CPU seconds of ``python -m k3b.check`` in ``project``."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "k3b.check"], cwd=project, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL, env=dict(os.environ, NO_MKDOCS_2_WARNING="1"))
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"make check failed in {project}")
    return seconds, usage.ru_utime + usage.ru_stime


def measure(size: str, runs: int, warmup: int = 1) -> dict:
    project = ensure(preset(size)) / "ours"
    site = site_in_ram(project)
    checks, builds = [], []
    for number in range(warmup + runs):
        order = ("check", "build") if number % 2 == 0 else ("build", "check")
        for what in order:
            if what == "check":
                result = timed_check(project)
            else:
                run = build(project, site, project.parent / "check-bench-build.log")
                result = (run.seconds, run.cpu_seconds)
            print(f"  {size} {what:<5} {'warm-up' if number < warmup else f'run {number - warmup + 1}'}"
                  f" {result[0]:7.2f} s (CPU {result[1]:7.2f} s)", file=sys.stderr, flush=True)
            if number >= warmup:
                (checks if what == "check" else builds).append(result)
    check_s, build_s = statistics.median(c[0] for c in checks), statistics.median(b[0] for b in builds)
    check_cpu, build_cpu = statistics.median(c[1] for c in checks), statistics.median(b[1] for b in builds)
    return {"size": size, "runs": runs, "check_seconds": round(check_s, 3),
            "build_seconds": round(build_s, 3), "check_cpu_seconds": round(check_cpu, 3),
            "build_cpu_seconds": round(build_cpu, 3),
            "ratio": target(round(check_s / build_s, 3), TARGET_CHECK),
            "cpu_ratio": round(check_cpu / build_cpu, 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", action="append", choices=["S", "M", "L"], help="S and M unless given")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    results = [measure(size, args.runs) for size in args.size or ["S", "M"]]
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"check-{dt.date.today().isoformat()}.json"
    path.write_text(json.dumps({"date": dt.date.today().isoformat(), "machine": machine(), "sizes": results},
                               indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print("| size | make check | make build | check ÷ build | CPU check ÷ build |\n|---|---:|---:|---:|---:|")
    for r in results:
        verdict = "PASS" if r["ratio"]["pass"] else "MISS"
        print(f"| {r['size']} | {r['check_seconds']:.2f} s | {r['build_seconds']:.2f} s | "
              f"{r['ratio']['value']:.2f} ({verdict}, target ≤ {TARGET_CHECK}) | {r['cpu_ratio']:.2f} |")
    print(f"\nResults: {path.relative_to(Path(__file__).resolve().parents[1])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
