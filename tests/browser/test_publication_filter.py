"""The publication listing's filter and the BibTeX download of the filtered entries."""

from __future__ import annotations

import re

from playwright.sync_api import expect


def visible_keys(page) -> list[str]:
    return page.locator("#k3b-results li.k3b-pub").evaluate_all("els => els.map(e => e.dataset.key)")


def test_filter_by_topic_and_download_exactly_the_filtered_entries(page, serve, real_site, tmp_path):
    page.goto(serve(real_site) + "publikationen/")
    everything = visible_keys(page)
    assert len(everything) == 27

    form = page.get_by_role("search", name="Publikationen filtern")
    expect(form).to_be_visible()
    form.get_by_label("Thema").select_option(label="Klimawandelfolgen")
    expect(page.locator("#k3b-f-status")).to_have_text(re.compile(r"^\d+ Publikationen gefunden$"))
    chosen = visible_keys(page)
    assert 0 < len(chosen) < len(everything)
    assert "bundesregierung2008anpassungsstrategie" in chosen
    assert page.url.endswith("?thema=klimawandelfolgen")

    with page.expect_download() as info:
        form.get_by_role("button", name="Auswahl als BibTeX herunterladen").click()
    download = info.value
    assert download.suggested_filename == "k3b-publikationen-auswahl.bib"
    target = tmp_path / "auswahl.bib"
    download.save_as(target)
    text = target.read_text(encoding="utf-8")
    keys = re.findall(r"^@\w+\{([^,]+),", text, flags=re.MULTILINE)
    assert sorted(keys) == sorted(chosen)
    assert "file =" not in text.lower()


def test_text_type_and_year_filters_combine_and_reset(page, serve, real_site):
    page.goto(serve(real_site) + "publikationen/")
    form = page.get_by_role("search", name="Publikationen filtern")
    form.get_by_label("Typ").select_option(label="Bericht")
    # The filter applies once the list's data has loaded (slow on a loaded machine): wait for it.
    page.wait_for_function("[...document.querySelectorAll('#k3b-results .k3b-pub__type')]"
                           ".every(e => e.closest('[hidden]') || e.textContent.trim() === 'Bericht')",
                           timeout=15_000)
    reports = visible_keys(page)
    assert reports and all(
        t == "Bericht" for t in page.locator("#k3b-results .k3b-pub__type").all_inner_texts())
    form.get_by_label("Suchtext").fill("Flüchtling")
    expect(page.locator("#k3b-f-status")).to_have_text(re.compile(r"^\d+ Publikation(en)? gefunden$"))
    expect(page.locator("#k3b-results li.k3b-pub")).to_have_count(2)
    form.get_by_label("Jahr").select_option("2016")
    expect(page.locator("#k3b-results li.k3b-pub")).to_have_count(1)
    assert visible_keys(page) == ["schammann2016kommunale"]
    form.get_by_role("button", name="Filter zurücksetzen").click()
    expect(page.locator("#k3b-results li.k3b-pub")).to_have_count(27)


def test_topic_link_from_a_hub_opens_the_filtered_listing(page, serve, real_site):
    page.goto(serve(real_site) + "publikationen/?thema=migration")
    expect(page.locator("#k3b-f-status")).to_have_text(re.compile(r"gefunden$"))
    assert page.get_by_label("Thema").input_value() == "migration"
    assert all("migration" in (k or "") for k in page.locator("#k3b-results li.k3b-pub").evaluate_all(
        "els => els.map(e => e.querySelector('.k3b-topics')?.textContent.toLowerCase())"))


def test_without_javascript_every_entry_is_listed_and_the_form_is_hidden(browser, serve, real_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(serve(real_site) + "publikationen/")
    assert page.locator("li.k3b-pub").count() == 27
    expect(page.locator("#k3b-filter")).to_be_hidden()
    context.close()


def test_filter_and_download_work_with_the_keyboard(page, serve, real_site):
    page.goto(serve(real_site) + "publikationen/")
    text = page.get_by_label("Suchtext")
    text.focus()
    page.keyboard.press("Tab")
    topic = page.get_by_label("Thema")
    expect(topic).to_be_focused()
    page.keyboard.press("ArrowDown")  # the first topic after "alle"
    expect(page.locator("#k3b-f-status")).to_have_text(re.compile(r"gefunden$"))
    assert topic.input_value() == "energiewende"
    for _ in range(4):  # Typ, Jahr, Zurücksetzen, Download
        page.keyboard.press("Tab")
    download_button = page.get_by_role("button", name="Auswahl als BibTeX herunterladen")
    expect(download_button).to_be_focused()
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    assert info.value.suggested_filename.endswith(".bib")
