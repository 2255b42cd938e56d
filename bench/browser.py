"""Browser figures: what an article page load and a first search cost, in Chromium.

Each built site is served by a small local HTTP server that gzip-compresses text responses,
as a real web server would, and counts the requests and the bytes it sends. Chromium comes
from ``$CHROMIUM_PATH`` or ``/usr/bin/chromium``; no browser is ever downloaded.

``python -m bench.browser --size S`` measures the sites last built by ``bench.run``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import mimetypes
import os
import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
# What counts as search index: Material's Lunr index, and every piece of Pagefind's.
SEARCH_INDEX = "/search/search_index.json"
PAGEFIND = "/pagefind/"
PAGEFIND_INDEX = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter", "pagefind-entry.json")
SECOND_QUERY = "Unterkunft"
TIMEOUT_MS = 120_000


@dataclass(frozen=True)
class Transfer:
    """Requests and bytes sent (compressed bodies) during one step."""

    requests: int
    bytes: int
    search_index_bytes: int
    paths: tuple[str, ...] = ()


def is_index(path: str) -> bool:
    """Lunr's index file, or a piece of Pagefind's index (not its script or WebAssembly)."""
    return path == SEARCH_INDEX or (path.startswith(PAGEFIND) and path.endswith(PAGEFIND_INDEX))


class _Log:
    """Thread-safe record of (path, bytes sent) since the last reset."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.entries: list[tuple[str, int]] = []

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.entries.append((path, size))

    def take(self) -> Transfer:
        with self.lock:
            entries, self.entries = self.entries, []
        index = sum(size for path, size in entries if is_index(path))
        paths = tuple(path for path, _ in entries)
        return Transfer(len(entries), sum(size for _, size in entries), index, paths)


def _handler(root: Path, log: _Log, cache: dict[Path, bytes]) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

        def do_GET(self) -> None:  # noqa: N802
            path = unquote(urlsplit(self.path).path)
            target = (root / path.lstrip("/")).resolve()
            if root not in target.parents and target != root:
                return self.send_bytes(404, b"", "text/plain", path)
            if target.is_dir():
                if not path.endswith("/"):
                    return self.redirect(path + "/")
                target = target / "index.html"
            if not target.is_file():
                return self.send_bytes(404, b"Not found", "text/plain", path)
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            self.send_bytes(200, self.body(target, kind), kind, path, compressed=self.gzip_ok(kind))

        def gzip_ok(self, kind: str) -> bool:
            return "gzip" in self.headers.get("Accept-Encoding", "") and kind.startswith(COMPRESSIBLE)

        def body(self, target: Path, kind: str) -> bytes:
            if not self.gzip_ok(kind):
                return target.read_bytes()
            if target not in cache:  # compressed once, as a server with a cache would
                cache[target] = gzip.compress(target.read_bytes(), compresslevel=6, mtime=0)
            return cache[target]

        def redirect(self, location: str) -> None:
            self.send_response(301)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            log.add(location, 0)

        def send_bytes(self, status: int, body: bytes, kind: str, path: str, compressed: bool = False):
            self.send_response(status)
            self.send_header("Content-Type", kind + ("; charset=utf-8" if kind.startswith("text/") else ""))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            if compressed:
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            self.wfile.write(body)
            log.add(path, len(body))

    return Handler


@contextmanager
def serve(site: Path) -> Iterator[tuple[str, _Log]]:
    """A gzip-compressing server for ``site``; yields its base URL and request log."""
    log = _Log()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(site.resolve(), log, {}))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", log
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str:
    path = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(path).exists():
        raise FileNotFoundError(f"Chromium not found at {path} (install it or set CHROMIUM_PATH)")
    return path


_WATCH_RESULTS = """() => {
  window.__benchFirstResult = null;
  const old = document.querySelector('.md-search-result__list');
  if (old) old.textContent = '';
  const observer = new MutationObserver(() => {
    if (document.querySelector('.md-search-result__item')) {
      window.__benchFirstResult = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document.body, {childList: true, subtree: true});
}"""


def _open(browser, url: str, log: _Log):
    # The pages' meta CSP forbids the string that wait_for_function evaluates; what is measured
    # (bytes, time to the first result) does not depend on it.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    log.take()
    page.goto(url, wait_until="load", timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle", timeout=TIMEOUT_MS)
    return context, page, log.take()


@dataclass(frozen=True)
class Visit:
    """One first visit: the page load, then the first search typed once the network is idle,
    then a second search in the same page."""

    load: Transfer
    search: Transfer
    typed_at_ms: float  # since navigation start
    first_result_ms: float  # since navigation start
    second: Transfer
    second_ms: float  # typing to first result

    @property
    def typing_to_result_ms(self) -> float:
        return self.first_result_ms - self.typed_at_ms


def _search(page, query: str, log: _Log) -> tuple[float, float, Transfer]:
    """Type ``query`` into Material's search; when typing began and the first result
    appeared, and what was transferred until the results were complete."""
    field = page.locator("input.md-search__input")
    field.click()
    field.fill("")
    page.wait_for_timeout(300)  # the cleared query's (empty) answer
    page.evaluate(_WATCH_RESULTS)
    log.take()
    typed_at = page.evaluate("performance.now()")
    page.keyboard.type(query)
    page.wait_for_function("window.__benchFirstResult !== null", timeout=TIMEOUT_MS)
    first = page.evaluate("window.__benchFirstResult")
    page.wait_for_timeout(800)  # the rest of the shown results (Pagefind loads each one)
    return typed_at, first, log.take()


def _launch(playwright):
    return playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)


def _once(playwright, url: str, log: _Log, query: str) -> Visit:
    """A first visit in a freshly started Chromium."""
    browser = _launch(playwright)
    try:
        _, page, load = _open(browser, url, log)
        typed_at, first_result, search = _search(page, query, log)
        second_at, second_result, second = _search(page, SECOND_QUERY, log)
    finally:
        browser.close()
    return Visit(load, search, typed_at, first_result, second, second_result - second_at)


def _median(values) -> float:
    return round(statistics.median(values), 1)


def measure_site(playwright, site: Path, page_path: str, query: str, runs: int) -> dict:
    """Article page load and first search for one site; medians of ``runs`` fresh browsers."""
    with serve(site) as (base, log):
        url = f"{base}/{page_path}"
        # Fills the server's gzip cache, in a browser of its own so no browser cache carries over.
        warm = _launch(playwright)
        try:
            _open(warm, url, log)
        finally:
            warm.close()
        visits = [_once(playwright, url, log, query) for _ in range(runs)]
    return {
        "page": page_path, "query": query, "load": asdict(visits[0].load),
        "search": asdict(visits[0].search),
        "search_ms": _median(v.typing_to_result_ms for v in visits),
        "search_ms_all": [round(v.typing_to_result_ms, 1) for v in visits],
        "second_query": SECOND_QUERY, "second": asdict(visits[0].second),
        "second_ms": _median(v.second_ms for v in visits),
        "typed_at_ms": _median(v.typed_at_ms for v in visits),
        "first_result_from_navigation_ms": _median(v.first_result_ms for v in visits),
    }


def measure(sites: dict[str, Path], page_path: str, query: str = "Windkraft", runs: int = 3) -> dict:
    """Figures for each named site, each visit in a freshly started Chromium."""
    from playwright.sync_api import sync_playwright

    chromium_path()
    with sync_playwright() as playwright:
        return {name: measure_site(playwright, site, page_path, query, runs) for name, site in sites.items()}


def main(argv: list[str] | None = None) -> None:
    from .generate import OUT

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="S", help="corpus folder name below bench/out (S, M, …)")
    parser.add_argument("--page", help="page path to load, e.g. artikel/<slug>/ (default: median article)")
    parser.add_argument("--query", default="Windkraft")
    args = parser.parse_args(argv)
    from .measure import median_article

    out = OUT / args.size
    sites = {name: out / name / "site" for name in ("ours", "peer")}
    for site in sites.values():
        if not (site / "index.html").exists():
            parser.error(f"{site} is not built; run `python -m bench.run --size {args.size}` first")
    if args.page is None:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        args.page = f"artikel/{median_article(sites['ours'], manifest['articles'])}/"
    print(json.dumps(measure(sites, args.page, args.query), indent=2))


if __name__ == "__main__":
    main()
