"""Keyboard only: skip link first, visible focus, search, navigation drawer, copy buttons."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

# What the focused element is, whether its focus ring shows, and where it is. A palette
# radio button is invisible; its label shows the ring.
FOCUSED = """() => {
  const element = document.activeElement;
  const shown = element.matches(".md-option") ? element.nextElementSibling : element;
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  return {
    tag: element.tagName.toLowerCase(),
    classes: element.className,
    href: element.getAttribute("href"),
    name: (element.getAttribute("aria-label") || element.textContent.trim() || element.title || "")
      .trim().slice(0, 60),
    ring: style.outlineStyle !== "none" ? parseFloat(style.outlineWidth) : 0,
    visible: box.width > 0 && box.height > 0 && style.visibility !== "hidden",
    inSearch: !!element.closest(".md-search"),
  };
}"""
ARTICLE_LINK = re.compile(r"^artikel/[^/]+/$")



@pytest.fixture
def keyboard_page(browser, viewports, viewport):
    context = browser.new_context(locale="de-DE", viewport=viewports[viewport])
    # Without the permission, headless Chromium may refuse the copy button's clipboard write.
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    yield page
    context.close()


def tab_until(page, condition, limit: int = 80) -> list[dict]:
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        stops.append(stop)
        if condition(stop):
            return stops
    raise AssertionError(f"nicht erreicht nach {limit} Tabs: {[s['name'] for s in stops]}")


def test_tab_order_skip_link_search_first_article(keyboard_page, site_url, viewport):
    page = keyboard_page
    page.goto(site_url, wait_until="networkidle")
    stops = tab_until(page, lambda s: s["tag"] == "a" and bool(ARTICLE_LINK.match(s["href"] or "")))
    assert stops[0]["name"] == "Zum Inhalt springen" and stops[0]["href"] == "#hauptinhalt"
    search = next(i for i, s in enumerate(stops) if "md-search__input" in s["classes"])
    assert 0 < search < len(stops) - 1
    for stop in stops:
        assert stop["visible"], stop
        assert stop["ring"] >= 2, stop


def test_skip_link_moves_focus_to_the_content(keyboard_page, site_url, template_paths, viewport):
    page = keyboard_page
    page.goto(site_url + template_paths["artikel"], wait_until="networkidle")
    page.keyboard.press("Tab")
    expect(page.locator("a.k3b-skip")).to_be_focused()
    expect(page.locator("a.k3b-skip")).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("#hauptinhalt")).to_be_focused()
    expect(page.locator("#hauptinhalt")).to_be_in_viewport()
    # The next Tab stop is in the article, not in the header.
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('article.md-content__inner')")


def test_search_with_the_keyboard_alone(keyboard_page, site_url, search_query, search_results, viewport):
    page = keyboard_page
    page.goto(site_url, wait_until="networkidle")
    search_open = page.locator("#__search")
    # Open: Tab to the search field (on narrow screens it opens full screen).
    tab_until(page, lambda s: "md-search__input" in s["classes"], limit=10)
    expect(search_open).to_be_checked()
    page.keyboard.type(search_query, delay=10)
    search_results(page)
    # Use: the arrow keys move through the results, Enter follows one.
    page.keyboard.press("ArrowDown")
    focused = page.evaluate(FOCUSED)
    assert focused["inSearch"] and focused["tag"] == "a" and focused["visible"], focused
    target = focused["href"]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("#")[0] == (site_url + target).split("#")[0] or target in page.url
    # Leave: "/" opens search anywhere, Escape closes it again.
    page.keyboard.press("/")
    expect(search_open).to_be_checked()
    expect(page.locator("input.md-search__input")).to_be_focused()
    page.keyboard.press("Escape")
    expect(search_open).not_to_be_checked()
    assert not page.evaluate(FOCUSED)["inSearch"]


@pytest.mark.parametrize("viewport", ["mobil"])
def test_navigation_drawer_with_the_keyboard(keyboard_page, site_url, template_paths, viewport):
    page = keyboard_page
    page.goto(site_url + template_paths["artikel"], wait_until="networkidle")
    drawer = page.locator("#__drawer")
    button = page.get_by_role("button", name="Navigation öffnen")
    # While closed, the off-screen drawer takes no focus.
    stops = tab_until(page, lambda s: "md-search__input" in s["classes"], limit=10)
    assert not any("md-nav__link" in s["classes"] for s in stops)
    page.keyboard.press("Escape")
    button.focus()
    page.keyboard.press("Enter")
    expect(drawer).to_be_checked()
    expect(button).to_have_attribute("aria-expanded", "true")
    assert page.evaluate("!!document.activeElement.closest('.md-sidebar--primary')")
    page.keyboard.press("Tab")
    assert page.evaluate(FOCUSED)["visible"]
    page.keyboard.press("Escape")
    expect(drawer).not_to_be_checked()
    expect(button).to_be_focused()


@pytest.mark.parametrize("viewport", ["desktop"])
def test_copy_buttons_have_a_name_and_work_by_keyboard(keyboard_page, site_url, template_paths, viewport):
    page = keyboard_page
    page.goto(site_url + template_paths["publikation"], wait_until="networkidle")
    buttons = page.get_by_role("button", name="In Zwischenablage kopieren")
    expect(buttons.first).to_be_attached()
    # Material 9.8 draws the copy button as .md-code__button (before: .md-clipboard).
    stop = tab_until(page, lambda s: s["name"] == "In Zwischenablage kopieren", limit=200)[-1]
    assert stop["tag"] == "button" and stop["ring"] >= 2 and stop["visible"], stop
    page.keyboard.press("Enter")
    expect(page.locator(".md-dialog")).to_contain_text("In Zwischenablage kopiert")
