"""Security headers: site/_headers, the nginx and Apache snippets, and pages that need no
'unsafe-inline' (the browser side is tests/browser/test_csp.py)."""

from __future__ import annotations

import importlib.util
import re

import pytest
from bs4 import BeautifulSoup

from sitebuild import ROOT

DATA_SCRIPTS = {"application/json", "application/ld+json"}


@pytest.fixture(scope="module")
def security():
    spec = importlib.util.spec_from_file_location("k3b_security_test", ROOT / "hooks" / "k3b_security.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_headers_file_has_every_header_for_every_path(real_site, security):
    text = (real_site / "_headers").read_text(encoding="utf-8")
    assert text == security.headers_file()
    rules = security.parse_headers_file(text)
    assert [pattern for pattern, _ in rules] == ["/*"]
    headers = rules[0][1]
    assert headers == security.HEADERS
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    for feature in ("camera=()", "microphone=()", "geolocation=()", "browsing-topics=()"):
        assert feature in headers["Permissions-Policy"]


def test_content_security_policy(security):
    csp = security.HEADERS["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert "'unsafe-eval'" not in csp and "'unsafe-inline'" not in csp
    assert directives["default-src"] == "'self'"
    # The one addition to 'self': compiling the search engine's WebAssembly (Pagefind).
    assert directives["script-src"] == "'self' 'wasm-unsafe-eval'"
    assert directives["img-src"] == "'self' data:"
    assert directives["worker-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert directives["frame-ancestors"] == "'none'"


def test_deploy_snippets_match_the_headers(security):
    """deploy/ is generated from HEADERS: python hooks/k3b_security.py rewrites it."""
    for name, function in security.DEPLOY_FILES.items():
        written = (ROOT / "deploy" / name).read_text(encoding="utf-8")
        assert written == getattr(security, function)(), f"deploy/{name} veraltet"
    nginx = (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    apache = (ROOT / "deploy" / "apache.htaccess").read_text(encoding="utf-8")
    for name, value in security.HEADERS.items():
        assert f'add_header {name} "{value}" always;' in nginx
        assert f'Header always set {name} "{value}"' in apache


def test_calendars_are_served_as_calendars(security):
    """nginx's mime.types has no .ics: with „nosniff“ a calendar would be a mere download.
    (Checked by hand with nginx 1.22: application/octet-stream before, text/calendar after, and
    the security headers still on the .ics responses.)"""
    nginx = security.nginx_snippet()
    block = re.search(r"location ~\* \\\.ics\$ \{(.*?)\n\}", nginx, re.DOTALL)
    assert block, nginx
    assert 'default_type "text/calendar; charset=utf-8";' in block.group(1)
    # An add_header inside the location would drop every header of the server block there.
    assert "add_header" not in block.group(1)
    assert 'AddType "text/calendar; charset=utf-8" .ics' in security.htaccess_snippet()


def test_pages_need_no_inline_script_or_style(real_site):
    """What the policy forbids does not occur: inline scripts, event handlers, styles."""
    for page_file in real_site.rglob("*.html"):
        page = BeautifulSoup(page_file.read_text(encoding="utf-8"), "html.parser")
        where = page_file.relative_to(real_site)
        for script in page.find_all("script"):
            assert script.get("src") or script.get("type") in DATA_SCRIPTS, (where, str(script)[:120])
            assert not (script.get("src") or "").startswith(("http:", "https:", "//")), where
        assert page.find("style") is None, where
        for element in page.find_all(True):
            assert "style" not in element.attrs, (where, str(element)[:120])
            handlers = [a for a in element.attrs if a.lower().startswith("on")]
            assert handlers == [], (where, handlers)
            assert not re.match(r"\s*javascript:", element.get("href") or "", re.I), where


def test_robots_txt_points_to_the_sitemap(real_site):
    robots = (real_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in robots
    assert "Sitemap: http://127.0.0.1:8000/sitemap.xml" in robots
    assert not any(line.startswith("Disallow: /") and line.strip() != "Disallow:" for line in robots)


def test_deploy_readme_quotes_the_policy_as_it_is(security):
    text = (ROOT / "deploy/README.md").read_text(encoding="utf-8")
    quoted = text.split("## Die Content-Security-Policy", 1)[1].split("```")[1]
    assert " ".join(quoted.split()) == security.HEADERS["Content-Security-Policy"]


def test_every_page_carries_the_policy_as_meta(real_site, security):
    """GitHub and GitLab Pages send no headers of ours: the policy is in every page, as the
    first element after <meta charset>, without what a meta policy cannot carry."""
    expected = security.META_CONTENT_SECURITY_POLICY
    assert "frame-ancestors" not in expected and "'unsafe-inline'" not in expected
    assert expected == security.CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", "")
    pages = list(real_site.rglob("*.html"))
    assert len(pages) > 50
    for page_file in pages:
        head = BeautifulSoup(page_file.read_text(encoding="utf-8"), "html.parser").head
        first = head.find_all("meta", limit=2)
        assert first[0].get("charset") == "utf-8", page_file
        assert first[1].get("http-equiv") == "Content-Security-Policy", page_file
        assert first[1]["content"] == expected, page_file
        assert len(head.select('meta[http-equiv="Content-Security-Policy"]')) == 1, page_file


def test_servers_keep_headers_private_and_cache_by_name(security):
    nginx, apache = security.nginx_snippet(), security.htaccess_snippet()
    assert "location = /_headers { return 404; }" in nginx
    assert '<Files "_headers">\n  Require all denied\n</Files>' in apache
    assert security.HEADERS["Strict-Transport-Security"] == "max-age=31536000"
    pattern = re.compile(security.HASHED)
    for hashed in ("assets/stylesheets/main.57a0d79d.min.css", "assets/javascripts/bundle.a5f9d56c.min.js",
                   "pagefind/fragment/de_1a2b3c4.pf_fragment", "pagefind/pagefind.de_199fe17a25.pf_meta"):
        assert pattern.search("/" + hashed), hashed
    for changing in ("index.html", "assets/k3b.css", "assets/javascripts/k3b-filter.js",
                     "pagefind/pagefind.js", "pagefind/wasm.de.pagefind", "feed.xml", "publikationen/x.bib"):
        assert not pattern.search("/" + changing), changing
    # nginx: the location with its own Cache-Control repeats every header (it would drop them).
    block = re.search(r'location ~\* "[^"]+" \{(.*?)\n\}', nginx, re.DOTALL).group(1)
    for name in security.HEADERS:
        assert f"add_header {name} " in block
    assert f'add_header Cache-Control "{security.CACHE_IMMUTABLE}" always;' in block
