"""Theme fragments that come out the same on many pages, rendered once per folder and build.

Material renders the tabs, the navigation, the colour-scheme switch, the search box, the
footer and its configuration block for every page again. For a page that the navigation
does not list (every article, case study, event and publication) these fragments depend
only on the folder the page is in: their links are relative, and no navigation entry is
marked as the current one. On a site with thousands of publications this was about half of
Material's time per page.

The templates in ``overrides/`` mark such fragments with ``{% cache k3b_fragments, "name" %}
… {% endcache %}``. This hook gives each page its key (``k3b_fragments`` in the template
context): the page's folder, or ``None`` where a fragment may differ (a page in the
navigation, the start page, a page directly under the site's root, the 404 page), and then
the fragment is rendered as usual. The cache lives on the build's template environment and
is gone with it. ``K3B_FRAGMENT_CACHE=0`` switches it off; ``tests/test_shortcuts.py``
builds sites both ways and compares every file.

The compiled templates are kept in ``.cache/k3b/jinja-<version>/`` (Jinja's own bytecode
cache): compiling Material's templates took a quarter of a second of every build.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

import jinja2
from jinja2 import FileSystemBytecodeCache, nodes
from jinja2.ext import Extension

from k3b.imagecache import cache_dir


class FragmentCache(Extension):
    """``{% cache key, "name" %}body{% endcache %}``: the body once per (key, name); no
    caching when key is None."""

    tags = {"cache"}

    def __init__(self, environment):
        super().__init__(environment)
        environment.extend(k3b_fragment_store={})

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        key = parser.parse_expression()
        parser.stream.expect("comma")
        name = parser.parse_expression()
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        return nodes.CallBlock(self.call_method("_fragment", [key, name]), [], [], body).set_lineno(lineno)

    def _fragment(self, key, name, caller):
        store = self.environment.k3b_fragment_store
        # No key: None, or undefined where no page context was made (the 404 page).
        if not key or store is None:
            return caller()
        text = store.get((key, name))
        if text is None:
            text = store[(key, name)] = caller()
        return text


class _Compiled(FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates; a cache that cannot be written is no error."""

    def dump_bytecode(self, bucket):
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def enabled() -> bool:
    return os.environ.get("K3B_FRAGMENT_CACHE", "1") != "0"


def fragment_key(url: str, in_nav: bool, nav_urls: list[str]) -> str | None:
    """The key of the page at ``url`` (``publikationen/x/`` or ``publikationen/x.html``).

    MkDocs writes links relative to the page's folder: for ``publikationen/x.html`` that is
    ``publikationen/``, the same for every page in it. For ``publikationen/x/`` it is the
    page's own folder; two such pages side by side link to every target outside both the
    same way. So the key is the folder, and never for a page the navigation lists (it marks
    itself as the current one), a directory page at the top (``impressum/`` is linked from
    the footer of every page, as ``./`` on itself) or a directory page with a navigation
    target or theme files below it.
    """
    if in_nav or not url:
        return None
    if not url.endswith("/"):
        return posixpath.dirname(url) + "/*.html"
    base = url.rstrip("/")
    if "/" not in base or base.split("/")[0] == "assets":
        return None
    if any(target.startswith(url) for target in nav_urls):
        return None
    return posixpath.dirname(base) + "/*/"


def on_env(env, config, files):
    # Material's templates compiled once per checkout, not once per build (Jinja checks each
    # template's source against its cached code; a folder per Jinja version, since both
    # engines' environments use this cache).
    folder = cache_dir(Path(os.path.dirname(config.config_file_path or "."))) / f"jinja-{jinja2.__version__}"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = _Compiled(str(folder))
    except OSError:
        pass  # a read-only checkout: compiled per build, as without the cache
    env.add_extension(FragmentCache)
    # One extension either way: compiled templates refer to it by name.
    env.k3b_fragment_store = {} if enabled() else None
    return env


# The pages the navigation lists, and their URLs: once per build (on_nav).
_nav_pages: set[int] = set()
_nav_urls: list[str] = []


def on_nav(nav, config, files):
    global _nav_pages, _nav_urls
    _nav_pages, _nav_urls = {id(p) for p in nav.pages}, [p.url for p in nav.pages]
    return nav


def on_page_context(context, page, config, nav):
    in_nav = page.is_homepage or page.parent is not None or id(page) in _nav_pages
    context["k3b_fragments"] = fragment_key(page.url, in_nav, _nav_urls)
    return context
