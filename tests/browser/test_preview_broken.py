"""``mkdocs serve`` (and ProperDocs) while content is broken, as staff meet it.

A real preview server on 127.0.0.1, a page open in Chromium with the site's CSP in force: an
edit shows by itself. Then an article's YAML, a link and a citation are broken while it runs.
Every address still answers within 2 s, with the last good site and the problems above the
text, the same lines as the terminal. Fixing them brings the page back without a manual reload.
A preview whose first build fails answers too, with a page that lists the problems.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from previewserver import ENGINES, Preview, get
from sitebuild import make_project

ARTICLE = "docs/artikel/windpark-im-dorf.md"


def _break(project: Path) -> dict[str, str]:
    """A broken front matter, a broken link and an unknown citation, in two files."""
    article, other = project / ARTICLE, project / "docs/artikel/ohne-themen.md"
    originals = {str(path): path.read_text(encoding="utf-8") for path in (article, other)}
    article.write_text(originals[str(article)].replace("title: Windpark im Dorf", "title: Windpark: im Dorf"),
                       encoding="utf-8")
    other.write_text(originals[str(other)] + "\n\n[Weiter](gibt-es-nicht.md) und [@unbekannt2020].\n",
                     encoding="utf-8")
    return originals


@pytest.mark.parametrize("engine", list(ENGINES))
def test_broken_content_keeps_the_preview_answering(tmp_path, browser, engine):
    project = make_project(tmp_path, "minimal")
    preview = Preview(project, engine)
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(preview.url + "artikel/windpark-im-dorf/", wait_until="load")
        expect(page.locator("h1")).to_have_text("Windpark im Dorf")
        assert page.locator("#k3b-vorschau-probleme").count() == 0
        # An edit shows in the open page by itself, under the pages' CSP (MkDocs' own inline
        # reload script is refused there; k3b-vorschau.js reloads).
        article = project / ARTICLE
        article.write_text(article.read_text(encoding="utf-8") + "\n\nEin neuer Absatz zum Test.\n",
                           encoding="utf-8")
        expect(page.locator("article")).to_contain_text("Ein neuer Absatz zum Test.", timeout=15_000)
        originals = _break(project)
        problems = preview.wait_for(preview.problems, "keine Probleme gemeldet")
        assert len(problems) == 3, problems
        assert any(p.startswith(f"{ARTICLE}:2: Front Matter ist kein gültiges YAML") for p in problems)
        assert any(p.startswith("docs/artikel/ohne-themen.md:") and "gibt-es-nicht.md" in p for p in problems)
        assert any("unbekannt2020" in p for p in problems)
        # The open page shows them without a manual reload, with the last good text below.
        banner = page.locator("#k3b-vorschau-probleme")
        expect(banner).to_be_visible(timeout=15_000)
        for line in problems:
            expect(banner).to_contain_text(line)
        expect(page.locator("h1")).to_have_text("Windpark im Dorf")
        # Every address answers within 2 s: the pages of the last good build, and the terminal's lines.
        for path in ("", "artikel/windpark-im-dorf/", "artikel/ohne-themen/", "publikationen/"):
            status, _body, seconds = get(preview.url + path)
            assert status == 200 and seconds < 2, (path, status, seconds)
        terminal = preview.log.read_text(encoding="utf-8")
        for line in problems:
            assert line in terminal
        assert "Traceback" not in terminal
        # Fixed: the page comes back by itself.
        for path, text in originals.items():
            Path(path).write_text(text, encoding="utf-8")
        expect(banner).to_have_count(0, timeout=20_000)
        assert preview.problems() == []
        expect(page.locator("h1")).to_have_text("Windpark im Dorf")
    finally:
        context.close()
        preview.stop()


def test_a_first_build_with_problems_answers_with_them(tmp_path, browser):
    project = make_project(tmp_path, "minimal")
    article = project / ARTICLE
    good = article.read_text(encoding="utf-8")
    article.write_text(good.replace("title: Windpark im Dorf", "title: Windpark: im Dorf"), encoding="utf-8")
    preview = Preview(project, "mkdocs")
    context = browser.new_context(locale="de-DE", viewport={"width": 375, "height": 740})
    page = context.new_page()
    try:
        for path in ("", "artikel/windpark-im-dorf/"):
            status, body, seconds = get(preview.url + path)
            assert seconds < 2 and "Die Vorschau kann noch nichts zeigen" in body, (path, status)
            assert f"{ARTICLE}:2: Front Matter ist kein gültiges YAML" in body
        page.goto(preview.url, wait_until="load")
        expect(page.locator("h1")).to_have_text("Die Vorschau kann noch nichts zeigen")
        article.write_text(good, encoding="utf-8")
        expect(page.locator("h1")).to_contain_text("Wissen für Kommunen im Konflikt", timeout=30_000)
    finally:
        context.close()
        preview.stop()
