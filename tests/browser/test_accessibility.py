"""WCAG 2.1 AA with axe-core in Chromium: every template, desktop and mobile, light and dark.

The templates, viewports and schemes are parameters from tests/browser/conftest.py, so each
combination is one test id, e.g. ``test_no_axe_violations[artikel-mobil-dark]``.

axe-core comes pinned with axe-playwright-python (pyproject.toml). No rule is disabled.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

_axe = Axe()


def report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:10]:
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {' '.join(node['target'])}: {summary[:300]}")
    return "\n".join(lines)


@pytest.mark.with_search
def test_no_axe_violations(contexts, site_url, visit, template, viewport, scheme):
    page = contexts(scheme, viewport).new_page()
    try:
        visit(page, site_url, template)
        expected = "slate" if scheme == "dark" else "default"
        assert page.evaluate("document.body.dataset.mdColorScheme") == expected
        violations = _axe.run(page, options=AXE_OPTIONS).response["violations"]
    finally:
        page.close()
    assert not violations, report(violations)
