"""The case-study filter on /fallbeispiele/: Bundesland, Thema, Phase, Zeitraum, by keyboard."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def titles(page) -> list[str]:
    return page.locator("#k3b-liste .k3b-card__title a").all_inner_texts()


def test_filter_by_land_with_the_keyboard_keeps_the_state_in_the_address(page, serve, real_site):
    page.goto(serve(real_site) + "fallbeispiele/")
    everything = titles(page)
    assert len(everything) == 7
    form = page.get_by_role("search", name="Fallbeispiele filtern")
    expect(form).to_be_visible()
    land = form.get_by_label("Bundesland")
    land.focus()
    page.keyboard.press("ArrowDown")  # Bayern, the first Land with cases
    status = page.locator("#k3b-item-status")
    expect(status).to_have_text("1 Fallbeispiel gefunden")
    assert titles(page) == ["Ein Polder in der Flussaue"]
    assert page.url.endswith("?land=bayern")
    assert page.locator("#k3b-liste h2.k3b-group").all_inner_texts() == ["Bayern"]
    for _ in range(4):  # Thema, Phase, Zeitraum, Zurücksetzen
        page.keyboard.press("Tab")
    reset = form.get_by_role("button", name="Filter zurücksetzen")
    expect(reset).to_be_focused()
    page.keyboard.press("Enter")
    expect(status).to_have_text("")
    assert titles(page) == everything
    assert page.url.endswith("/fallbeispiele/")


def test_thema_phase_and_zeitraum_combine(page, serve, real_site):
    page.goto(serve(real_site) + "fallbeispiele/")
    form = page.get_by_role("search", name="Fallbeispiele filtern")
    form.get_by_label("Thema").select_option(label="Energiewende")
    expect(page.locator("#k3b-item-status")).to_have_text("3 Fallbeispiele gefunden")
    assert sorted(titles(page)) == ["Bürgerwindpark im Höhenzug", "Die Trasse durch die Geest",
                                    "Nach dem Tagebau"]
    form.get_by_label("Phase").select_option(label="Abgeschlossen")
    expect(page.locator("#k3b-item-status")).to_have_text("2 Fallbeispiele gefunden")
    form.get_by_label("Zeitraum").select_option("2021")  # the Geest case ran 2021–2024
    expect(page.locator("#k3b-item-status")).to_have_text("1 Fallbeispiel gefunden")
    assert titles(page) == ["Die Trasse durch die Geest"]
    assert re.search(r"\?thema=energiewende&phase=abgeschlossen&jahr=2021$", page.url)
    form.get_by_label("Bundesland").select_option(label="Sachsen")
    expect(page.locator("#k3b-liste .k3b-empty")).to_have_text("Kein Fallbeispiel passt zu diesem Filter.")


def test_an_address_with_a_filter_opens_the_filtered_list(page, serve, real_site):
    page.goto(serve(real_site) + "fallbeispiele/?thema=migration&land=sachsen")
    expect(page.locator("#k3b-item-status")).to_have_text("1 Fallbeispiel gefunden")
    assert titles(page) == ["Gemeinschaftsunterkunft am Ortsrand"]
    assert page.get_by_label("Bundesland", exact=True).input_value() == "sachsen"
    # The card links work from the filtered list.
    page.get_by_role("link", name="Gemeinschaftsunterkunft am Ortsrand").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gemeinschaftsunterkunft am Ortsrand")


def test_without_javascript_every_case_is_listed_and_the_form_is_hidden(browser, serve, real_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(serve(real_site) + "fallbeispiele/?land=bayern")
    assert page.locator("#k3b-liste .k3b-card").count() == 7
    expect(page.locator("#k3b-item-filter")).to_be_hidden()
    expect(page.locator("svg.k3b-map")).to_be_visible()
    context.close()
