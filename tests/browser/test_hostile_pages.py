"""Every page of a site made of the Big List of Naughty Strings, in Chromium with no CSP at all.

``tests/hostile.py`` puts each of the list's strings into every text field of every content
type, into every BibTeX field the site shows, and as raw HTML into drafts (which the preview
publishes after the sanitiser). The server sends no headers and the browser context ignores
the pages' own ``<meta>`` policy (``bypass_csp``): only escaping and sanitising stand between
the strings and the reader. Every page is loaded; none may open a dialog, and none may hold
an element or attribute that only the strings could have made.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
from conftest import wait_for_results_page

from hostile import hostile_project
from sitebuild import build

# Elements our templates never write, attributes that run script, URLs that do.
INJECTED = """() => {
  const tags = new Set(['iframe', 'object', 'embed', 'frame', 'frameset', 'base', 'applet', 'plaintext',
    'xmp', 'marquee', 'isindex', 'math', 'foo', 'xss', 'textarea', 'noembed', 'noframes', 'style']);
  const urls = ['href', 'src', 'action', 'formaction', 'data', 'poster', 'xlink:href', 'srcdoc'];
  // As the browser reads the address: "javascript\\x00:…" is a harmless relative path.
  const active = (value) => {
    try { return ['javascript:', 'vbscript:', 'data:'].includes(new URL(value, location.href).protocol); }
    catch (error) { return false; }
  };
  return [...document.querySelectorAll('*')].filter((e) =>
    tags.has(e.localName)
    || (e.localName === 'script' && !e.src && !['application/json', 'application/ld+json'].includes(e.type))
    || (e.localName === 'meta' && /refresh/i.test(e.httpEquiv))
    || [...e.attributes].some((a) => /^on/i.test(a.name)
         || (urls.includes(a.name) && active(a.value)))
  ).map((e) => e.outerHTML.slice(0, 160));
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    return build(hostile_project(tmp_path_factory.mktemp("hostile")), "serve")


@pytest.fixture(scope="module")
def bare(hostile_site, serve, browser):
    """A context without any Content-Security-Policy, dialogs recorded."""
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield page, serve(hostile_site), dialogs
    context.close()


def _pages(site) -> list[str]:
    return sorted(str(p.relative_to(site).parent).replace(".", "") + "/" if p.name == "index.html"
                  else str(p.relative_to(site)) for p in site.rglob("*.html"))


def test_every_page_is_inert_without_csp(hostile_site, bare):
    page, base, dialogs = bare
    paths = _pages(hostile_site)
    assert len(paths) > 500  # articles, case studies, events, projects, drafts, publications, listings
    found = {}
    for path in paths:
        page.goto(base + path.lstrip("/"), wait_until="load")
        injected = page.evaluate(INJECTED)
        if injected:
            found[path] = injected[:3]
    assert found == {}
    assert dialogs == []


@pytest.mark.parametrize("query", ["script", "onerror", "javascript", "alert"])
def test_search_results_are_inert_without_csp(bare, query):
    page, base, dialogs = bare
    page.goto(f"{base}suche/?q={quote(query)}", wait_until="networkidle")
    wait_for_results_page(page)
    page.locator("#k3b-search-results .k3b-card").first.wait_for()
    assert page.evaluate(INJECTED) == []
    assert dialogs == []
