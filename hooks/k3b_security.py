"""Security headers and robots.txt: one definition, written into every build.

``HEADERS`` is the only place where the HTTP headers are defined. The build writes them to
``site/_headers`` (the format of Netlify and Cloudflare Pages); ``deploy/nginx.conf`` and
``deploy/apache.htaccess`` are generated from the same data for other servers
(``python hooks/k3b_security.py`` rewrites them; tests/test_headers.py checks that they match).

The Content-Security-Policy allows nothing but the site itself. Scripts need neither
'unsafe-inline' nor 'unsafe-eval': Material's inline scripts are replaced by files in
``overrides/partials/javascripts/``; ``<script type="application/json">`` (Material's
configuration) and ``application/ld+json`` (publications) are data and not executed.
Styles need no 'unsafe-inline' either: the pages carry no ``style`` attributes or
``<style>`` elements, and Material sets positions through the CSSOM, which CSP allows.
``img-src data:`` is needed because Material draws its icons (admonitions, copy button,
table sort) as CSS masks from ``data:`` SVGs. The search (Pagefind) compiles its
WebAssembly module, which needs ``'wasm-unsafe-eval'`` in ``script-src``: it allows
compiling WebAssembly, not evaluating JavaScript. Its workers are same-origin files, so
``worker-src 'self'`` is enough (no ``blob:``); they load the index pieces from the site.
"""

from __future__ import annotations

import sys
from pathlib import Path

CSP_DIRECTIVES: dict[str, str] = {
    "default-src": "'self'",
    "script-src": "'self' 'wasm-unsafe-eval'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "worker-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}

CONTENT_SECURITY_POLICY = "; ".join(f"{name} {value}" for name, value in CSP_DIRECTIVES.items())
# What a <meta http-equiv="Content-Security-Policy"> can carry: browsers ignore frame-ancestors
# (and report-uri, sandbox) there. Every page has it, so hosts that send no headers of ours
# (GitHub Pages, GitLab Pages) get the policy too; X-Frame-Options and HSTS need a header.
META_EXCLUDED = frozenset({"frame-ancestors", "report-uri", "sandbox"})
META_CONTENT_SECURITY_POLICY = "; ".join(f"{name} {value}" for name, value in CSP_DIRECTIVES.items()
                                         if name not in META_EXCLUDED)

HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    # For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    # HTTPS only, for a year (browsers ignore it over plain http). Not includeSubDomains: other
    # hosts under the same domain are not ours to decide.
    "Strict-Transport-Security": "max-age=31536000",
}

# How long browsers keep files. Names with a content hash (Material's bundles, Pagefind's
# index pieces) never change: a year. HTML and everything else is asked for again.
CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
CACHE_REVALIDATE = "no-cache"
HASHED = r"(\.[0-9a-f]{8,}\.min\.(css|js)|\.pf_(fragment|index|meta|filter))$"

# Media types the deploy snippets set because a server's defaults lack them: nginx's
# mime.types has no .ics, and with „nosniff“ a calendar served as application/octet-stream
# is a download, not a calendar a phone offers to add or a program subscribes to.
MEDIA_TYPES: dict[str, str] = {"ics": "text/calendar; charset=utf-8"}

ROOT = Path(__file__).resolve().parents[1]
DEPLOY_FILES = {"nginx.conf": "nginx_snippet", "apache.htaccess": "htaccess_snippet"}

_NOTE = "Generated from hooks/k3b_security.py (HEADERS); change it there and run\n" \
        "python hooks/k3b_security.py to rewrite this file."


def headers_file() -> str:
    """``_headers`` for Netlify and Cloudflare Pages: every header on every path."""
    lines = ["# Written by the build from HEADERS in hooks/k3b_security.py; do not edit."]
    lines.append("/*")
    lines += [f"  {name}: {value}" for name, value in HEADERS.items()]
    return "\n".join(lines) + "\n"


def nginx_snippet() -> str:
    """``add_header`` lines for the ``server`` block that serves ``site/``."""
    lines = ["# " + line for line in _NOTE.splitlines()]
    lines += [
        "#",
        "# Include this file in the server block that serves site/:",
        "#     root /srv/k3b/site;",
        "#     include /srv/k3b/deploy/nginx.conf;",
        "# nginx forgets all inherited add_header lines in a location block that has its own",
        "# add_header; include this file there too.",
        "",
        "error_page 404 /404.html;",
        "",
        "# _headers is the file for Netlify and Cloudflare Pages, not for readers.",
        "location = /_headers { return 404; }",
        "",
    ]
    headers = [f'add_header {name} "{value}" always;' for name, value in HEADERS.items()]
    lines += headers + [f'add_header Cache-Control "{CACHE_REVALIDATE}" always;']
    # nginx drops the inherited add_header lines in a location with its own: repeat them.
    lines += ["", f'location ~* "{HASHED}" {{'] + ["    " + h for h in headers] \
        + [f'    add_header Cache-Control "{CACHE_IMMUTABLE}" always;', "}"]
    # No add_header inside: the location keeps the headers above.
    for extension, media_type in MEDIA_TYPES.items():
        lines += ["", f"location ~* \\.{extension}$ {{", "    types { }",
                  f'    default_type "{media_type}";', "}"]
    return "\n".join(lines) + "\n"


def htaccess_snippet() -> str:
    """``.htaccess`` for Apache (mod_headers); copy it into the site root as ``.htaccess``."""
    lines = ["# " + line for line in _NOTE.splitlines()]
    lines += [
        "#",
        "# Copy this file into the published site/ as .htaccess (Apache with mod_headers,",
        "# AllowOverride FileInfo), or put its content into the virtual host.",
        "",
        "ErrorDocument 404 /404.html",
        "",
        "# _headers is the file for Netlify and Cloudflare Pages, not for readers.",
        '<Files "_headers">',
        "  Require all denied",
        "</Files>",
        "",
        "<IfModule mod_headers.c>",
    ]
    lines += [f'  Header always set {name} "{value}"' for name, value in HEADERS.items()]
    lines += [f'  Header always set Cache-Control "{CACHE_REVALIDATE}"',
              f'  <If "%{{REQUEST_URI}} =~ m#{HASHED}#">',
              f'    Header always set Cache-Control "{CACHE_IMMUTABLE}"',
              "  </If>"]
    lines.append("</IfModule>")
    lines += ["", "<IfModule mod_mime.c>"]
    lines += [f'  AddType "{media_type}" .{extension}' for extension, media_type in MEDIA_TYPES.items()]
    lines.append("</IfModule>")
    return "\n".join(lines) + "\n"


def parse_headers_file(text: str) -> list[tuple[str, dict[str, str]]]:
    """The rules of a ``_headers`` file: (path pattern, {header: value}), in order."""
    rules: list[tuple[str, dict[str, str]]] = []
    for raw in text.splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        if not raw[0].isspace():
            rules.append((raw.strip(), {}))
        elif rules:
            name, _, value = raw.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


def robots_txt(site_url: str | None) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"


def csp_meta() -> str:
    """The policy as the first element after ``<meta charset>`` of every page."""
    return f'<meta http-equiv="Content-Security-Policy" content="{META_CONTENT_SECURITY_POLICY}">'


def on_config(config):
    config.extra["k3b_csp_meta"] = csp_meta()  # overrides/main.html, block site_meta
    return config


def on_post_build(config) -> None:
    site = Path(config.site_dir)
    (site / "_headers").write_text(headers_file(), encoding="utf-8")
    robots = site / "robots.txt"
    if not robots.exists():  # a docs/robots.txt of our own wins
        robots.write_text(robots_txt(config.site_url), encoding="utf-8")


def write_deploy_files(folder: Path = ROOT / "deploy") -> None:
    folder.mkdir(exist_ok=True)
    for name, function in DEPLOY_FILES.items():
        (folder / name).write_text(globals()[function](), encoding="utf-8")


if __name__ == "__main__":
    write_deploy_files(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "deploy")
