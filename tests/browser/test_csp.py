"""The built site under its own security headers (site/_headers): no CSP violation anywhere.

A small local server reads _headers and sends the headers with every response, as Netlify
and Cloudflare Pages do. Each template is loaded and used; the browser must report no
Content-Security-Policy violation, no failed request, no console error and no script error.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

# Registered before any page script runs; injected by Playwright, so not subject to the CSP.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${where}`);
});
"""


@pytest.fixture(scope="module")
def csp_url(serve_with_headers, real_site) -> str:
    return serve_with_headers(real_site)


@pytest.fixture(scope="module")
def csp_context(browser):
    context = browser.new_context(locale="de-DE", viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    yield context
    context.close()


def test_pages_are_served_with_the_headers(csp_context, csp_url):
    page = csp_context.new_page()
    try:
        response = page.goto(csp_url)
        headers = response.headers
    finally:
        page.close()
    csp = headers["content-security-policy"]
    assert "'unsafe-eval'" not in csp and "'unsafe-inline'" not in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "camera=()" in headers["permissions-policy"]


@pytest.mark.with_search
def test_no_csp_violations(csp_context, csp_url, visit, template):
    page = csp_context.new_page()
    messages: list[str] = []
    errors: list[str] = []
    page.on("console", lambda m: messages.append(f"{m.type}: {m.text}"))
    page.on("pageerror", lambda error: errors.append(str(error)))
    failed: list[str] = []
    page.on("response", lambda r: r.status >= 400 and failed.append(f"{r.status} {r.url}"))
    try:
        # For the search pseudo-template, visit() types a query and waits for results:
        # the worker, Lunr and the index all load under the policy.
        visit(page, csp_url, template, wait="networkidle")
        if template == "publikationen" and page.locator("#k3b-f-topic").count():
            page.select_option("#k3b-f-topic", index=1)
            expect(page.locator("#k3b-f-status")).not_to_be_empty()
        if template == "suche":
            expect(page.locator(".md-search-result__item").first).to_contain_text(
                re.compile("wind", re.IGNORECASE)
            )
        page.wait_for_load_state("networkidle")
        violations = page.evaluate("window.__cspViolations")
    finally:
        page.close()
    assert violations == []
    assert [m for m in messages if "Content Security Policy" in m] == []
    # Every request succeeds (a 404 is a console error, which Lighthouse reports).
    # Note: Material fetches "sitemap.xml" next to every <link rel="alternate">.
    assert failed == [], failed
    assert [m for m in messages if m.startswith("error")] == []
    assert errors == []
