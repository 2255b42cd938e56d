"""Issue 23: from saving an article to the reloaded page in the preview, ours against plain Material.

Both previews run on the same generated corpus (``bench/out/<size>/``): ours as ``make serve``
starts it (``tools/engine_run.py … serve``), the peer as plain ``mkdocs serve``. Chromium (never
downloaded) opens the article of median size in each; then the article's file is saved with a
change and the clock runs until the open page shows it. Our pages keep their CSP in force, so
the reload is the one staff get (``k3b-vorschau.js``); the peer reloads through MkDocs' own
script. Two kinds of edit, ``--edits`` times each, median counts:

- ``text``: a new paragraph in the body, the everyday edit;
- ``title``: a new title, which every listing, hub and feed that shows the article repeats.

All text edits come first, each starting from the saved article; then the title edits.
Between two edits the preview is given time to settle (``--pause``).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .corpus import preset
from .generate import ROOT, ensure

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
TARGETS = {"S": 1.0, "M": 3.0}  # seconds from saving to the reloaded page (issue 23)
START_SECONDS = 900  # the first build of M takes a minute or more


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _commands(port: int) -> dict[str, list[str]]:
    address = ["--dev-addr", f"127.0.0.1:{port}", "--livereload"]
    python = sys.executable
    mkdocs = str(Path(python).with_name("mkdocs"))
    return {
        "ours": [python, str(ROOT / "tools" / "engine_run.py"), mkdocs, "serve", *address],
        "peer": [python, "-m", "mkdocs", "serve", *address],
    }


class Server:
    def __init__(self, project: Path, command: list[str], log: Path) -> None:
        self.output = log.open("w", encoding="utf-8")
        self.log = log
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        env.pop("K3B_TIMINGS", None)
        self.process = subprocess.Popen(command, cwd=project, env=env, stdout=self.output,
                                        stderr=subprocess.STDOUT)

    def wait(self, url: str) -> float:
        started = time.perf_counter()
        while time.perf_counter() - started < START_SECONDS:
            if self.process.poll() is not None:
                break
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        return time.perf_counter() - started
            except OSError:
                time.sleep(0.5)
        raise RuntimeError("preview did not start: " + self.log.read_text(encoding="utf-8")[-2000:])

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.output.close()


def _shows(page, marker: str) -> bool:
    try:
        return marker in page.locator("body").inner_text(timeout=1000)
    except Exception:  # noqa: BLE001 - the page is reloading
        return False


def _edited(text: str, kind: str, marker: str) -> str:
    if kind == "text":
        return text.rstrip("\n") + f"\n\nEin neuer Absatz mit dem Wort {marker}.\n"
    head, sep, rest = text.partition("\ntitle: ")
    if not sep:
        raise ValueError("article without a title line")
    _old, newline, tail = rest.partition("\n")
    return f"{head}{sep}Geänderter Titel {marker}{newline}{tail}"


def measure_one(name: str, project: Path, slug: str, edits: int, pause: float, kinds: list[str]) -> dict:
    from playwright.sync_api import sync_playwright

    from .browser import chromium_path

    port = _free_port()
    url = f"http://127.0.0.1:{port}/artikel/{slug}/"
    source = project / "docs" / "artikel" / f"{slug}.md"
    original = source.read_text(encoding="utf-8")
    server = Server(project, _commands(port)[name], project.parent / f"reload-{name}.log")
    times: dict[str, list[float]] = {kind: [] for kind in kinds}
    try:
        first = server.wait(url)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            page = browser.new_context().new_page()  # the CSP in force, as for staff
            page.goto(url, wait_until="load")
            time.sleep(pause)
            for kind in kinds:  # each kind in a row: a text edit after a title edit would restore the title
                for number in range(edits):
                    marker = f"Prüfwort{kind}{number}x{time.time_ns() % 10**8}"
                    source.write_text(_edited(original, kind, marker), encoding="utf-8")
                    saved = time.perf_counter()
                    while not _shows(page, marker):
                        if time.perf_counter() - saved > 300:
                            raise RuntimeError(f"{name}: edit not shown after 300 s")
                        time.sleep(0.02)
                    times[kind].append(time.perf_counter() - saved)
                    time.sleep(pause)
            browser.close()
    finally:
        source.write_text(original, encoding="utf-8")
        server.stop()
    return {"first_build_s": round(first, 2),
            **{kind: {"median_s": round(statistics.median(v), 3), "runs_s": [round(x, 3) for x in v]}
               for kind, v in times.items()}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="S", choices=("S", "M", "L"))
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--pause", type=float, default=3.0, help="seconds between two edits")
    parser.add_argument("--kinds", default="text,title")
    parser.add_argument("--only", choices=("ours", "peer"))
    args = parser.parse_args(argv)
    out = ensure(preset(args.size, 1))
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    slugs = sorted(manifest["articles"])
    slug = slugs[len(slugs) // 2]
    kinds = args.kinds.split(",")
    result: dict = {"size": args.size, "article": slug, "edits": args.edits,
                    "target_s": TARGETS.get(args.size)}
    for name in ("ours", "peer"):
        if args.only in (None, name):
            result[name] = measure_one(name, out / name, slug, args.edits, args.pause, kinds)
    print(json.dumps(result, indent=1, ensure_ascii=False))
    from .run import save

    print(save(f"reload-{args.size}", result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
