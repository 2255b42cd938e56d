"""The results page /suche/ in Chromium: filters with counts, the address, sorting, more
results, the keyboard, no JavaScript, no search without a term, and hostile queries."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from conftest import wait_for_results_page
from playwright.sync_api import expect


def params(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def open_results(page, base: str, query: str, extra: str = ""):
    page.goto(f"{base}suche/?q={quote(query)}{extra}", wait_until="networkidle")
    return wait_for_results_page(page)


def test_filters_count_narrow_and_stay_in_the_address(page, site_url):
    open_results(page, site_url, "Konflikte")
    status = page.locator("#k3b-search-status")
    assert status.get_attribute("aria-live") == "polite"
    total = int(re.match(r"(\d+)", status.inner_text()).group(1))
    typ = page.locator("#k3b-s-typ")
    options = typ.locator("option").all_inner_texts()
    assert options[0] == "alle Typen"
    counts = {re.sub(r" \(\d+\)$", "", o): int(re.search(r"\((\d+)\)$", o).group(1)) for o in options[1:]}
    assert {"Artikel", "Fallbeispiel", "Publikation"} <= set(counts)
    assert sum(counts.values()) == total
    typ.select_option("fallbeispiel")
    expect(status).to_have_text(
        re.compile(rf"^{counts['Fallbeispiel']} Treffer für „Konflikte“ \(Typ: Fallbeispiel\)"))
    assert params(page) == {"q": ["Konflikte"], "typ": ["fallbeispiel"]}
    expect(page.locator("#k3b-search-results > li")).to_have_count(min(10, counts["Fallbeispiel"]))
    metas = page.locator("#k3b-search-results .k3b-card__meta").all_inner_texts()
    assert metas and all(m.startswith("Fallbeispiel · ") for m in metas)
    # The type filter still offers the other types, counted without itself.
    assert typ.locator("option", has_text="Artikel").count() == 1
    # A second filter: its counts depend on the first.
    land = page.locator("#k3b-s-land")
    first_land = land.locator("option").nth(1)
    value, label = first_land.get_attribute("value"), first_land.inner_text()
    land.select_option(value)
    land_name = re.sub(r" \(\d+\)$", "", label)
    expect(status).to_contain_text(f"Bundesland: {land_name}")
    assert params(page)["land"] == [value]
    page.reload(wait_until="networkidle")
    wait_for_results_page(page)
    assert page.locator("#k3b-s-typ").input_value() == "fallbeispiel"
    assert page.locator("#k3b-s-land").input_value() == value
    page.locator("#k3b-s-reset").click()
    expect(status).to_have_text(re.compile(rf"^{total} Treffer"))
    assert params(page) == {"q": ["Konflikte"]}


def test_sorting_by_date_and_more_results(page, site_url):
    open_results(page, site_url, "Konflikte", "&sort=datum")
    assert page.locator("#k3b-s-sort").input_value() == "datum"
    results = page.locator("#k3b-search-results > li")
    more = page.locator("#k3b-search-more")
    expect(results).to_have_count(10)
    expect(more).to_be_visible()
    more.focus()
    page.keyboard.press("Enter")
    expect(results.nth(10)).to_be_visible()
    # Keyboard users land on the first new result.
    assert page.evaluate("document.activeElement.closest('li') === "
                         "document.querySelectorAll('#k3b-search-results > li')[10]")
    years = [int(y) for y in re.findall(r"\b(20\d\d|19\d\d)\b", " ".join(
        page.locator("#k3b-search-results .k3b-card__meta").all_inner_texts()))]
    assert years and years == sorted(years, reverse=True)


def test_keys_lead_to_the_search_field(page, site_url):
    open_results(page, site_url, "Windkraft")
    page.locator("h1").click()
    page.keyboard.press("/")
    field = page.locator("#k3b-s-q")
    expect(field).to_be_focused()
    field.fill("Tagebau")
    page.keyboard.press("Enter")
    expect(page.locator("#k3b-search-status")).to_contain_text("für „Tagebau“")
    assert params(page)["q"] == ["Tagebau"]
    # The header has no second search box on this page.
    assert page.locator(".md-search").count() == 0


def test_without_a_term_nothing_is_searched(page, site_url):
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url + "suche/?typ=fallbeispiel&thema=energiewende", wait_until="networkidle")
    expect(page.locator("#k3b-search-status")).to_have_text("Bitte geben Sie einen Suchbegriff ein.")
    assert not [url for url in requested if "/pagefind/" in url]
    hint = page.locator("#k3b-search-hint a")
    expect(hint).to_have_attribute("href", "../themen/energiewende/fallbeispiele/")
    expect(page.locator("#k3b-search-browse")).to_be_visible()


def test_without_javascript_the_page_says_so(browser, site_url):
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    try:
        page.goto(site_url + "suche/?q=Windkraft")
        expect(page.locator(".k3b-search__nojs")).to_contain_text("Die Suche braucht JavaScript.")
        expect(page.locator("#k3b-search-form")).to_be_hidden()
        browse = page.locator("#k3b-search-browse")
        hub = browse.get_by_role("link", name="Energiewende")
        expect(hub).to_have_attribute("href", "../themen/energiewende/")
        listing = browse.get_by_role("link", name="Alle Fallbeispiele")
        expect(listing).to_have_attribute("href", "../fallbeispiele/")
        expect(browse.get_by_role("link", name="Alle Publikationen")).to_be_visible()
    finally:
        context.close()


def test_header_search_counts_all_results_and_leads_to_the_results_page(page, site_url, search):
    page.goto(site_url)
    results = search(page, "Konflikte")
    meta = page.locator(".md-search-result__meta")
    total = int(re.match(r"(\d+) Suchergebnisse", meta.inner_text()).group(1))
    assert total > results.count() - 1  # more results than the box lists
    expect(meta).to_have_attribute("role", "status")
    first = results.first
    kinds = re.compile(r"^(Artikel|Fallbeispiel|Publikation|Seite|Thema)")
    expect(first.locator(".k3b-search-meta")).to_have_text(kinds)
    expect(first.locator("mark").first).to_be_visible()
    all_link = results.last.locator("a")
    expect(all_link).to_contain_text(f"Alle {total} Treffer auf der Suchseite")
    all_link.click()
    expect(page).to_have_url(re.compile(r"/suche/\?q=Konflikte"))
    expect(page.locator("#k3b-search-status")).to_have_text(re.compile(rf"^{total} Treffer für „Konflikte“"))


HOSTILE = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', "javascript:alert(1)",
           "' onmouseover='alert(1)", "Wind</mark><b>fett</b>"]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_query_in_the_address_stays_text(page, site_url, query):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(f"{site_url}suche/?q={quote(query)}&typ={quote(query)}", wait_until="networkidle")
    status = page.locator("#k3b-search-status")
    expect(status).to_contain_text("für „")
    assert query in status.inner_text()
    assert page.locator("#k3b-s-q").input_value() == query
    content = page.locator("#k3b-search")
    assert content.locator("script:not([type='application/json']), img, b").count() == 0
    for link in content.locator("a").all():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    assert dialogs == []


def test_the_count_is_announced_once_results_are_shown(page, site_url):
    """Slow result data (a phone, a busy server): the live region must not announce a count
    while the list is still empty."""
    import time

    def slow(route):
        time.sleep(0.8)
        route.continue_()

    page.route("**/pagefind/fragment/**", slow)
    page.goto(f"{site_url}suche/?q={quote('Konflikte')}")
    status = page.locator("#k3b-search-status")
    expect(status).to_contain_text("Treffer für", timeout=20_000)
    assert page.locator("#k3b-search-results > li").count() > 0


def test_back_and_forward_go_through_the_searches(page, site_url):
    """Each search term, filter and sorting is a history entry; typing makes one entry."""
    page.goto(site_url + "artikel/", wait_until="networkidle")
    open_results(page, site_url, "Konflikte")
    status = page.locator("#k3b-search-status")
    page.select_option("#k3b-s-typ", "fallbeispiel")
    expect(status).to_contain_text("(Typ: Fallbeispiel)")
    land = page.locator("#k3b-s-land option").nth(1).get_attribute("value")
    page.select_option("#k3b-s-land", land)
    expect(status).to_contain_text("Bundesland: ")
    field = page.locator("#k3b-s-q")
    field.fill("")
    field.press_sequentially("Tagebau", delay=300)  # slower than the field's pause: several searches
    expect(status).to_contain_text("für „Tagebau“")
    expect(page).to_have_title(re.compile("^„Tagebau“ – Suche"))
    steps = [  # Back, one at a time: address and what the page shows
        ({"q": ["Konflikte"], "typ": ["fallbeispiel"], "land": [land]}, "Bundesland: "),
        ({"q": ["Konflikte"], "typ": ["fallbeispiel"]}, "(Typ: Fallbeispiel)"),
        ({"q": ["Konflikte"]}, "für „Konflikte“"),
    ]
    for address, shown in steps:
        page.go_back()
        expect(status).to_contain_text(shown)
        assert params(page) == address
        assert page.locator("#k3b-s-q").input_value() == "Konflikte"
        assert page.locator("#k3b-s-typ").input_value() == address.get("typ", [""])[0]
        assert page.locator("#k3b-s-land").input_value() == address.get("land", [""])[0]
    expect(status).to_have_text(re.compile(r"^\d+ Treffer für „Konflikte“$"))
    page.go_back()
    expect(page).to_have_url(re.compile(r"/artikel/$"))
    page.go_forward()
    expect(status).to_have_text(re.compile(r"^\d+ Treffer für „Konflikte“$"))
    page.go_forward()
    expect(status).to_contain_text("(Typ: Fallbeispiel)")


def test_coming_back_from_a_result_shows_it_where_it_was(page, site_url):
    open_results(page, site_url, "Konflikte")
    results = page.locator("#k3b-search-results > li")
    page.locator("#k3b-search-more").click()
    expect(results).to_have_count(20)
    assert params(page)["anzahl"] == ["20"]
    link = results.nth(14).locator("h2 a")
    href = link.get_attribute("href")
    link.scroll_into_view_if_needed()
    scrolled = page.evaluate("scrollY")
    link.click()
    expect(page).not_to_have_url(re.compile(r"/suche/"))
    page.go_back()
    expect(results).to_have_count(20)
    expect(page.locator("#k3b-search-results a:focus")).to_have_attribute("href", href)
    assert abs(page.evaluate("scrollY") - scrolled) < 5
    # The address alone (a bookmark, a link) shows as many results.
    open_results(page, site_url, "Konflikte", "&anzahl=20")
    expect(results).to_have_count(20)


def test_no_results_say_what_to_try(page, site_url):
    open_results_none = f"{site_url}suche/?q=Windpark&typ=fallbeispiel&land=bayern"
    page.goto(open_results_none, wait_until="networkidle")
    status = page.locator("#k3b-search-status")
    expect(status).to_have_text("Keine Treffer für „Windpark“ (Typ: Fallbeispiel, Bundesland: Bayern)")
    hint = page.locator("#k3b-search-hint")
    expect(hint).to_contain_text("anderes oder allgemeineres Wort")
    expect(page.locator("#k3b-search-browse")).to_be_visible()
    without = hint.get_by_role("link", name=re.compile(r"^Ohne Filter suchen: \d+ Treffer$"))
    count = re.search(r"(\d+) Treffer", without.inner_text()).group(1)
    without.click()
    expect(status).to_have_text(f"{count} Treffer für „Windpark“")
    assert params(page) == {"q": ["Windpark"]}
    expect(hint).to_be_hidden()
    page.go_back()
    expect(status).to_contain_text("Keine Treffer für „Windpark“ (Typ: Fallbeispiel")
    # Without filters there is nothing to leave out.
    page.goto(f"{site_url}suche/?q=Fracking", wait_until="networkidle")
    expect(status).to_have_text("Keine Treffer für „Fracking“")
    expect(hint).to_be_visible()
    expect(hint.locator("a")).to_have_count(0)
