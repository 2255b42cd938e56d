"""Browser tests in real Chromium (Debian's package), driven by Playwright.

Chromium is never downloaded: it comes from $CHROMIUM_PATH or /usr/bin/chromium. When it is
missing the tests fail, they do not skip, so CI cannot pass without running them.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


def _servers(handler_for) -> Iterator:
    """start(site_dir) → base URL of a local server; all servers stop at the end."""
    servers: list[ThreadingHTTPServer] = []

    def start(site: Path) -> str:
        handler = functools.partial(handler_for(site), directory=str(site))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def serve() -> Iterator:
    """serve(site_dir) → base URL of a local server for that folder."""
    yield from _servers(lambda site: _QuietHandler)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    if not Path(executable).exists():
        pytest.fail(f"Chromium fehlt: {executable} (apt-get install chromium oder CHROMIUM_PATH setzen)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()


# --- Page templates, shared by the accessibility, privacy, CSP and keyboard tests ----------

# Every page template of the site, once: test id → path below the site root. A path with
# "*" stands for the first matching page of the built site (sorted), so renaming sample
# content does not break the tests. Add new templates here, and every browser test that
# walks the templates (axe, third-party requests, CSP) covers them.
TEMPLATES: dict[str, str] = {
    "start": "",
    "artikel": "artikel/*/",
    "artikel-mit-bild": "artikel/windpark-konflikte-frueh-erkennen/",
    "fallbeispiel": "fallbeispiele/nach-dem-tagebau/",  # "*/" would also match the Land pages
    "artikel-liste": "artikel/",
    "fallbeispiele-liste": "fallbeispiele/",
    "fallbeispiele-land": "fallbeispiele/brandenburg/",
    "publikationen": "publikationen/",
    "publikation": "publikationen/*/",
    "themen": "themen/",
    "themen-hub": "themen/energiewende/",
    "veranstaltung": "veranstaltungen/*/",
    "veranstaltungen-liste": "veranstaltungen/",
    "veranstaltungsreihe": "veranstaltungen/reihe/*/",
    "projekt": "projekte/*/",
    "projekte-liste": "projekte/",
    "impressum": "impressum/",
    "404": "404.html",
    # The results page with a search and a filter from the address (k3b-suche.js).
    "suchergebnisse": "suche/?q=Windkraft&thema=energiewende",
    # No result for the filters: what to try, the search without them, the ways to browse.
    "suche-ohne-treffer": "suche/?q=Windpark&typ=fallbeispiel&land=bayern",
}
# A pseudo-template: the start page with the search dialog open and this query typed.
SEARCH = "suche"
SEARCH_QUERY = "Windkraft"
VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "mobil": {"width": 375, "height": 740}}
SCHEMES = ("light", "dark")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "with_search: the template parameter includes the search dialog")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parameters by name: ``template`` runs a test once per entry of TEMPLATES (plus the
    search dialog if marked ``with_search``), ``viewport`` once per VIEWPORTS entry and
    ``scheme`` once per colour scheme. Each combination is its own test id. A test may
    narrow one down with its own ``@pytest.mark.parametrize``."""
    explicit: set[str] = set()
    for marker in metafunc.definition.iter_markers("parametrize"):
        names = marker.args[0]
        explicit.update(n.strip() for n in (names.split(",") if isinstance(names, str) else names))
    if "template" in metafunc.fixturenames and "template" not in explicit:
        templates = list(TEMPLATES)
        if metafunc.definition.get_closest_marker("with_search"):
            templates.append(SEARCH)
        metafunc.parametrize("template", templates)
    if "viewport" in metafunc.fixturenames and "viewport" not in explicit:
        metafunc.parametrize("viewport", list(VIEWPORTS))
    if "scheme" in metafunc.fixturenames and "scheme" not in explicit:
        metafunc.parametrize("scheme", SCHEMES)


def template_path(site: Path, template: str) -> str:
    """The URL path (below the root) of a template in a built site."""
    pattern = TEMPLATES.get(template, "")
    if "*" not in pattern:
        folder = pattern.split("?", 1)[0]
        assert (site / folder / "index.html").exists() or (site / folder).is_file(), pattern
        return pattern
    matches = sorted(p.parent.relative_to(site).as_posix() for p in site.glob(pattern + "index.html"))
    assert matches, f"keine Seite für {pattern} in {site}"
    return matches[0] + "/"


def settle(page) -> None:
    """Wait until no CSS transition or animation runs (axe measures colours mid-fade)."""
    page.wait_for_function(
        "document.getAnimations().every(a => a.playState !== 'running')", timeout=10_000
    )


# Resolves once the result list has not changed for 400 ms: results arrive while typing,
# and a result focused before the last update is replaced under the cursor.
_RESULTS_QUIET = """() => new Promise((resolve) => {
  const list = document.querySelector(".md-search-result__list");
  const done = () => { observer.disconnect(); resolve(true); };
  let timer = setTimeout(done, 400);
  const observer = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 400); });
  observer.observe(list, { childList: true, subtree: true, characterData: true });
})"""


def wait_for_search_results(page):
    """Wait until the search shows "N Suchergebnisse" and the list has settled."""
    from playwright.sync_api import expect

    # expect() and not wait_for_function(): its polling evaluates a string, which the
    # Content-Security-Policy forbids ('unsafe-eval').
    expect(page.locator(".md-search-result__meta")).to_have_text(re.compile(r"^\d+ Suchergebnis"),
                                                                 timeout=15_000)
    page.evaluate(_RESULTS_QUIET)
    results = page.locator(".md-search-result__item")
    expect(results.first).to_be_visible(timeout=10_000)
    return results


def wait_for_results_page(page, none_found: bool = False):
    """Wait until the results page /suche/ shows "N Treffer für …" and its first result
    (``none_found``: or "Keine Treffer für …" and its hints, complete)."""
    from playwright.sync_api import expect

    found = r"^([\d.]+|Keine) Treffer für" if none_found else r"^[\d.]+ Treffer für"
    status = page.locator("#k3b-search-status")
    expect(status).to_have_text(re.compile(found), timeout=15_000)
    results = page.locator("#k3b-search-results > li")
    if status.inner_text().startswith("Keine"):
        expect(page.locator("#k3b-search-hint")).to_be_visible(timeout=10_000)
        page.wait_for_load_state("networkidle")  # the count without filters
    else:
        expect(results.first).to_be_visible(timeout=10_000)
    return results


def open_search(page, query: str = SEARCH_QUERY):
    """Open the search dialog with the keyboard shortcut, type ``query``, wait for results."""
    from playwright.sync_api import expect

    page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    field = page.locator("input.md-search__input")
    expect(field).to_be_focused()
    field.press_sequentially(query, delay=10)
    return wait_for_search_results(page)


@pytest.fixture(scope="session")
def template_paths(real_site) -> dict[str, str]:
    """Every template of TEMPLATES as a path of the real site."""
    return {name: template_path(real_site, name) for name in TEMPLATES}


@pytest.fixture(scope="session")
def viewports() -> dict[str, dict[str, int]]:
    return VIEWPORTS


@pytest.fixture(scope="session")
def search_query() -> str:
    return SEARCH_QUERY


@pytest.fixture(scope="session")
def search():
    """search(page, query) → opens the search dialog with "/", types, returns the results."""
    return open_search


@pytest.fixture(scope="session")
def search_results():
    """search_results(page) → waits for the search results to settle and returns them."""
    return wait_for_search_results


@pytest.fixture(scope="session")
def site_url(serve, real_site) -> str:
    """Base URL of the real site, served once per session."""
    return serve(real_site)


@pytest.fixture(scope="session")
def visit(real_site):
    """visit(page, base, template) → opens the template (or the search dialog) and settles."""

    def go(page, base: str, template: str, wait: str = "load"):
        path = "" if template == SEARCH else template_path(real_site, template)
        response = page.goto(base + path, wait_until=wait)
        if template == SEARCH:
            open_search(page)
        if "?q=" in path:
            wait_for_results_page(page, none_found=True)
        settle(page)
        return response

    return go


@pytest.fixture(scope="session")
def contexts(browser):
    """contexts(scheme, viewport) → a browser context per combination, made once.

    They ignore the pages' Content-Security-Policy (``bypass_csp``): axe injects its script as
    a string, which the policy in every page's <meta> forbids. Whether the pages keep to the
    policy is tested with it in force (test_csp.py, test_search_hostile.py).
    """
    made: dict[tuple[str, str], object] = {}

    def get(scheme: str, viewport: str):
        key = (scheme, viewport)
        if key not in made:
            made[key] = browser.new_context(
                locale="de-DE", viewport=VIEWPORTS[viewport], color_scheme=scheme, bypass_csp=True
            )
        return made[key]

    yield get
    for context in made.values():
        context.close()


def _load_security_module():
    import importlib.util

    path = Path(__file__).resolve().parents[2] / "hooks" / "k3b_security.py"
    spec = importlib.util.spec_from_file_location("k3b_security_for_tests", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _HeadersHandler(_QuietHandler):
    """Serves a built site like Netlify or Cloudflare Pages: with the headers of _headers."""

    rules: list[tuple[str, dict[str, str]]] = []

    def end_headers(self) -> None:
        path = self.path.split("?", 1)[0]
        for pattern, headers in self.rules:
            if pattern == path or (pattern.endswith("*") and path.startswith(pattern[:-1])):
                for name, value in headers.items():
                    self.send_header(name, value)
        super().end_headers()


@pytest.fixture(scope="session")
def serve_with_headers() -> Iterator:
    """serve_with_headers(site_dir) → base URL of a server that applies site_dir/_headers."""
    security = _load_security_module()

    def handler_for(site: Path) -> type:
        rules = security.parse_headers_file((site / "_headers").read_text(encoding="utf-8"))
        return type("Handler", (_HeadersHandler,), {"rules": rules})

    yield from _servers(handler_for)
