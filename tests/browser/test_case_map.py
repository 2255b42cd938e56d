"""The case-study map in Chromium: keyboard, focus, Kreise only on wide screens, axe.

The real site's sample cases are all fictional and count only for their Land; the
``regions`` fixture has cases in real Kreise, so Kreis links are tested on it.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from test_accessibility import AXE_OPTIONS, report

from sitebuild import build, make_project


@pytest.fixture(scope="module")
def regions_url(tmp_path_factory: pytest.TempPathFactory, serve) -> str:
    return serve(build(make_project(tmp_path_factory.mktemp("regions-browser"), "regions")))


def tab_until(page, selector: str, limit: int = 80) -> list[str]:
    """Press Tab until the focus is inside ``selector``; the names of the map links passed."""
    names = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        name = page.evaluate("document.activeElement.closest('svg.k3b-map a')?.getAttribute('aria-label')")
        if name:
            names.append(name)
        elif names:
            break
    return names


def test_keyboard_reaches_only_regions_with_cases_and_focus_is_visible(browser, regions_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.goto(regions_url + "fallbeispiele/")
    page.locator(".k3b-map__list a").last.focus()
    names = tab_until(page, "svg.k3b-map")
    assert names == ["Bayern: 1 Fallbeispiel", "Brandenburg: 3 Fallbeispiele, davon 1 fiktiv",
                     "Sachsen: 2 Fallbeispiele", "Landkreis Görlitz: 2 Fallbeispiele",
                     "Landkreis Oder-Spree: 1 Fallbeispiel", "München (kreisfreie Stadt): 1 Fallbeispiel",
                     "Potsdam (kreisfreie Stadt): 1 Fallbeispiel"]
    # Focus changes the region's fill and draws a ring: visible without colour alone.
    link = page.get_by_role("link", name="Sachsen: 2 Fallbeispiele")
    region = link.locator("path")
    before = region.evaluate("e => getComputedStyle(e).fill")
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    expect(link).to_be_focused()
    focused = region.evaluate("e => [getComputedStyle(e).fill, getComputedStyle(e).strokeWidth]")
    assert focused[0] != before and focused[1] == "3px"
    page.keyboard.press("Enter")
    expect(page).to_have_url(regions_url + "fallbeispiele/sachsen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Fallbeispiele in Sachsen")
    context.close()


def test_on_a_phone_the_map_shows_laender_only(browser, regions_url):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="de-DE")
    page = context.new_page()
    page.goto(regions_url + "fallbeispiele/")
    expect(page.locator(".k3b-map__kreise")).to_be_hidden()
    expect(page.get_by_role("link", name="Landkreis Görlitz: 2 Fallbeispiele")).to_have_count(0)
    expect(page.get_by_role("link", name="Sachsen: 2 Fallbeispiele")).to_be_visible()
    # The counts are legible: at least 12 CSS pixels high.
    count = page.locator(".k3b-map__count--land text").first
    height = count.evaluate("e => e.getBoundingClientRect().height")
    assert height >= 12
    page.locator(".k3b-map__list a").last.focus()
    assert tab_until(page, "svg.k3b-map") == ["Bayern: 1 Fallbeispiel",
                                              "Brandenburg: 3 Fallbeispiele, davon 1 fiktiv",
                                              "Sachsen: 2 Fallbeispiele"]
    context.close()


def test_kreis_link_on_a_land_page_jumps_to_its_heading(browser, regions_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    page = context.new_page()
    page.goto(regions_url + "fallbeispiele/brandenburg/")
    page.get_by_role("link", name="Landkreis Oder-Spree: 1 Fallbeispiel").click()
    expect(page).to_have_url(regions_url + "fallbeispiele/brandenburg/#landkreis-oder-spree")
    expect(page.locator("#landkreis-oder-spree")).to_be_in_viewport()
    context.close()


_axe = Axe()


@pytest.mark.parametrize("path", ["fallbeispiele/", "fallbeispiele/brandenburg/", "themen/energiewende/"])
def test_maps_with_kreis_links_have_no_axe_violations(contexts, regions_url, path, viewport, scheme):
    page = contexts(scheme, viewport).new_page()
    try:
        page.goto(regions_url + path)
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
        violations = _axe.run(page, options=AXE_OPTIONS).response["violations"]
    finally:
        page.close()
    assert not violations, report(violations)

