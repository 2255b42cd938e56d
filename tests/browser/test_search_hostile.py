"""Hostile front matter and BibTeX in search results, in Chromium under the production CSP.

Titles, authors, summaries, Kommune and BibTeX fields with markup and script
(``search-hostile`` and ``bib-hostile`` fixtures) reach the results of the header box and of
``/suche/`` only as text: no element is made from them, no script runs, and Chromium reports
no CSP violation.
"""

from __future__ import annotations

import re
import shutil
from urllib.parse import quote

import pytest
from conftest import wait_for_results_page, wait_for_search_results
from playwright.sync_api import expect

from sitebuild import FIXTURES, build, make_project

RECORD = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective));
"""
# Elements or attributes that only hostile data could have made inside `root`.
INJECTED = """(root) => [...document.querySelectorAll(root + ' *')].filter((e) =>
  ['script', 'img', 'b', 'i', 'iframe'].includes(e.localName) || e.matches('svg[onload]')
  || [...e.attributes].some((a) => /^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value))
).map((e) => e.outerHTML.slice(0, 120))"""
TITLES = ['Gefahr <b>fett</b> & "Zitat" <img src=x onerror=alert(1)> <script>alert(2)</script>',
          'Fall "<svg onload=alert(6)>"',
          'Titel mit <script>alert(1)</script> und „Anführungszeichen“']


@pytest.fixture(scope="module")
def hostile_url(serve_with_headers, tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("search-hostile"), "search-hostile")
    shutil.copytree(FIXTURES / "bib-hostile" / "publications", project / "publications", dirs_exist_ok=True)
    return serve_with_headers(build(project))


@pytest.fixture
def guarded(browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    yield page
    assert page.evaluate("window.__csp") == []
    assert dialogs == []
    context.close()


@pytest.mark.parametrize("query", ["Windkraft", "onerror", "script"])
def test_results_page_shows_hostile_data_as_text(guarded, hostile_url, query):
    guarded.goto(f"{hostile_url}suche/?q={quote(query)}", wait_until="networkidle")
    wait_for_results_page(guarded)
    titles = guarded.locator("#k3b-search-results .k3b-card__title").all_inner_texts()
    assert set(titles) & set(TITLES), titles
    metas = " ".join(guarded.locator("#k3b-search-results .k3b-card__meta").all_inner_texts())
    if "Fallbeispiel" in metas:
        assert "<img src=x onerror=alert(7)>dorf, Brandenburg" in metas
    assert guarded.evaluate(INJECTED, "#k3b-search") == []


def test_header_box_shows_hostile_data_as_text(guarded, hostile_url):
    guarded.goto(hostile_url + "impressum/", wait_until="networkidle")
    guarded.keyboard.press("/")
    guarded.locator("input.md-search__input").press_sequentially("Windkraft", delay=10)
    results = wait_for_search_results(guarded)
    shown = " ".join(results.all_inner_texts())
    for title in TITLES:
        assert title in shown
    assert "Zusammenfassung <img src=x onerror=alert(3)> mit Windkraft." in shown  # the summary
    expect(guarded.locator(".md-search-result mark").first).to_have_text(re.compile("Windkraft"))
    assert guarded.evaluate(INJECTED, ".md-search-result") == []
