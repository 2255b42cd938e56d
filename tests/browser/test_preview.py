"""The preview's banners and card marks (drafts, scheduled items) pass axe like every template."""

from __future__ import annotations

import pytest
from test_accessibility import AXE_OPTIONS, _axe, report

from sitebuild import build, make_project


@pytest.fixture(scope="module")
def preview_url(tmp_path_factory, serve) -> str:
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("K3B_TODAY", "2026-12-01")
        site = build(make_project(tmp_path_factory.mktemp("preview"), "drafts"), command="serve")
    return serve(site)


@pytest.mark.parametrize("path", ["artikel/unfertig/", "artikel/geplant/", "artikel/"])
@pytest.mark.parametrize("viewport", ["desktop", "mobil"])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_preview_pages_have_no_axe_violations(contexts, preview_url, path, viewport, scheme):
    page = contexts(scheme, viewport).new_page()
    try:
        page.goto(preview_url + path, wait_until="load")
        page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")
        assert page.locator(".k3b-banner, .k3b-status").first.is_visible()
        violations = _axe.run(page, options=AXE_OPTIONS).response["violations"]
    finally:
        page.close()
    assert not violations, report(violations)
