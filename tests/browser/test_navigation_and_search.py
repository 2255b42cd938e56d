"""What a visitor does: open the start page, follow a topic chip, search."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect


def search(page, query: str):
    # The search index and its worker load after the page; a person would not type
    # within those milliseconds either.
    page.wait_for_load_state("networkidle")
    field = page.locator("input.md-search__input")
    field.click()
    expect(field).to_be_focused()
    field.press_sequentially(query, delay=20)
    # "Keine Suchergebnisse" may flash while the index loads; wait for a real count.
    expect(page.locator(".md-search-result__meta")).to_have_text(
        re.compile(r"^\d+ Suchergebnis"), timeout=15_000
    )
    results = page.locator(".md-search-result__item:visible")
    expect(results.first).to_be_visible(timeout=10_000)
    return results


def test_start_page_topic_chip_and_search(page, serve, real_site):
    base = serve(real_site)
    page.goto(base)
    expect(page).to_have_title(re.compile("K3B Wissensportal"))
    assert page.locator("html").get_attribute("lang") == "de"

    chip = page.locator(".k3b-card .k3b-chip", has_text="Energiewende").first
    chip.click()
    expect(page).to_have_url(re.compile(r"/themen/#tag:energiewende$"))
    section = page.locator("[id='tag:energiewende']")
    expect(section).to_be_visible()

    results = search(page, "Windkraft")
    expect(results.first).to_contain_text(re.compile("Wind", re.IGNORECASE))
    results.first.locator("a").first.click()
    expect(page.locator("article")).to_contain_text("Windkraft")


@pytest.mark.parametrize("query", ["Konflikte", "Konflikten", "Zaunkönige"])
def test_german_stemmer_finds_singular_for_plural(page, serve, minimal_site, query):
    """The page "Suchtest" only says "Konflikt" and "Zaunkönig", in the singular."""
    page.goto(serve(minimal_site))
    search(page, query)
    expect(page.locator(".md-search-result__item:visible", has_text="Suchtest")).to_have_count(1)
    # The visitor's query stays as typed; only the message to the worker gains stems.
    assert page.locator("input.md-search__input").input_value() == query
