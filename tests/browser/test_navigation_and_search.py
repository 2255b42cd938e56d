"""What a visitor does: open the start page, follow a topic chip, search, browse topics."""

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
    expect(page).to_have_url(re.compile(r"/themen/energiewende/$"))
    expect(page.locator("h1")).to_have_text("Energiewende")

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


def test_start_page_to_hub_to_publication_and_back_to_an_article(page, serve, real_site):
    page.goto(serve(real_site))
    topic = page.locator(".k3b-topic-grid .k3b-topic", has_text="Strukturwandel")
    expect(topic.locator(".k3b-topic__count")).to_contain_text(re.compile(r"\d+ Publikationen"))
    topic.locator("a").click()
    expect(page).to_have_url(re.compile(r"/themen/strukturwandel/$"))
    expect(page.locator("#publikationen")).to_be_visible()
    publication = page.locator("#publikationen + ul .k3b-pub a", has_text="Kohleausstiegsgesetz")
    publication.click()
    expect(page).to_have_url(re.compile(r"/publikationen/bgbl2020kohleausstieg/$"))
    expect(page.locator("#zitiert-in")).to_be_visible()
    related = page.locator(".k3b-related a", has_text="Strukturwandel im Revier")
    expect(related).to_be_visible()
    related.click()
    expect(page).to_have_url(re.compile(r"/artikel/strukturwandel-im-revier/$"))
    expect(page.locator(".k3b-bibliography")).to_contain_text("Kohleausstiegsgesetz")
