"""No data to third parties: every request stays on the site, no cookies, no storage.

localStorage is written only after the visitor acts (choosing a colour scheme); Material
would store the palette on every page load, docs/assets/javascripts/k3b-base.js prevents it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import expect

STORAGE = "[Object.keys(localStorage), Object.keys(sessionStorage)]"


def new_context(browser, **options):
    return browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900}, **options)


def test_every_template_loads_only_from_the_site_and_stores_nothing(
    browser, site_url, template_paths, visit, search
):
    context = new_context(browser)
    requests: list[str] = []
    context.on("request", lambda request: requests.append(request.url))
    page = context.new_page()
    try:
        for name in template_paths:
            visit(page, site_url, name, wait="networkidle")
            assert page.evaluate(STORAGE) == [[], []], name
        # The publication filter fetches its data from the site as well.
        page.goto(site_url + template_paths["publikationen"], wait_until="networkidle")
        if page.locator("#k3b-f-topic").count():
            page.select_option("#k3b-f-topic", index=1)
            expect(page.locator("#k3b-f-status")).not_to_be_empty()
        page.goto(site_url)
        search(page, "Konflikt")
        page.keyboard.press("ArrowDown")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        page.wait_for_load_state("networkidle")
        assert page.evaluate(STORAGE) == [[], []]
        cookies = context.cookies()
    finally:
        context.close()

    origin = urlsplit(site_url)
    assert len(requests) > len(template_paths)
    foreign = [
        url for url in requests
        if urlsplit(url).scheme not in ("data", "blob")
        and (urlsplit(url).scheme, urlsplit(url).netloc) != (origin.scheme, origin.netloc)
    ]
    assert foreign == []
    assert cookies == []


def test_colour_scheme_follows_the_system_without_storage(browser, site_url, scheme):
    context = new_context(browser, color_scheme=scheme)
    page = context.new_page()
    try:
        page.goto(site_url, wait_until="networkidle")
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
        assert page.evaluate(STORAGE) == [[], []]
    finally:
        context.close()


def test_scheme_is_applied_before_material_loads(browser, site_url):
    """k3b-palette.js sets the system scheme itself: no light flash on a dark system."""
    context = new_context(browser, color_scheme="dark")
    context.route("**/bundle.*.min.js", lambda route: route.abort())
    page = context.new_page()
    try:
        page.goto(site_url, wait_until="load")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        assert page.evaluate("document.body.dataset.mdColorPrimary") == "teal"
    finally:
        context.close()


def test_choosing_a_scheme_is_stored(browser, site_url):
    context = new_context(browser, color_scheme="light")
    page = context.new_page()
    try:
        page.goto(site_url, wait_until="networkidle")
        assert page.evaluate(STORAGE) == [[], []]
        # Auto → light → dark: the visible toggle moves one step per click.
        page.locator("[data-md-component=palette] label:visible").click()
        page.locator("[data-md-component=palette] label:visible").click()
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
        local, session = page.evaluate(STORAGE)
        assert [key for key in local if key.endswith(".__palette")] == local and local
        assert session == []
        # The choice holds on the next page.
        page.goto(site_url + "artikel/", wait_until="networkidle")
        assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    finally:
        context.close()
