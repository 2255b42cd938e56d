"""The build's shortcuts change nothing in the output.

- ``hooks/k3b_fragments.py`` renders theme fragments (tabs, navigation, header parts,
  footer, configuration) once per folder for pages outside the navigation;
- ``hooks/k3b_site.py`` skips Markdown for pages whose Markdown is only placeholders
  (publication pages, listings) and gives them what Markdown would have written;
- ``k3b/search/indexer.py`` lets Pagefind start reading each page at the indexed element
  (``--root-selector``), not at the top of the theme (last tests below).

Both are switched off with ``K3B_FRAGMENT_CACHE=0`` and ``K3B_SKIP_MARKDOWN=0``. The sites
below are built both ways and every file is compared byte for byte (except Pagefind's
index, whose files differ from run to run even for the same pages). The benchmark
(``make bench BENCH_ARGS=--bibtex``) shows what they save.
"""

from __future__ import annotations

import importlib.util
import shutil
import sys
import types
from pathlib import Path

import jinja2
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sitebuild import ROOT, build, make_project


def _hook(name: str):
    spec = importlib.util.spec_from_file_location(f"{name}_under_test", ROOT / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


fragments = _hook("k3b_fragments")
site_hook = _hook("k3b_site")


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file() and p.relative_to(site).parts[0] != "pagefind"}


def _both_ways(project: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[dict[str, bytes], dict[str, bytes]]:
    monkeypatch.setenv("K3B_TODAY", "2026-12-01")
    sites = []
    for switch in ("0", "1"):
        monkeypatch.setenv("K3B_FRAGMENT_CACHE", switch)
        monkeypatch.setenv("K3B_SKIP_MARKDOWN", switch)
        site = build(project)
        sites.append(_files(site))
        shutil.rmtree(site)
    return sites[0], sites[1]


@pytest.mark.parametrize("scenario", [None, "bib-real", "events", "projects"])
def test_shortcuts_change_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scenario) -> None:
    """The sample site (every content type), real .bib files, events and projects."""
    project = make_project(tmp_path, scenario, real_content=scenario is None)
    without, with_shortcuts = _both_ways(project, monkeypatch)
    assert without.keys() == with_shortcuts.keys()
    pages = [name for name in without if name.endswith(".html")]
    assert len(pages) > 20
    assert [name for name in without if without[name] != with_shortcuts[name]] == []


# --- The fragment cache -------------------------------------------------------------------

@pytest.mark.parametrize(("url", "in_nav", "key"), [
    ("publikationen/mueller2020/", False, "publikationen/*/"),
    ("publikationen/schulz2021/", False, "publikationen/*/"),
    ("artikel/windpark/", False, "artikel/*/"),
    ("themen/migration/artikel/", False, "themen/migration/*/"),
    ("publikationen/mueller2020.html", False, "publikationen/*.html"),
    ("publikationen/index.html", True, None),
    ("publikationen/seite-2/", False, "publikationen/*/"),
    # In the navigation: the page marks itself (and its section) as the current one.
    ("publikationen/", True, None),
    ("", True, None),
    # At the top: the footer links to impressum/ (itself, on that page).
    ("impressum/", False, None),
    # … but not with file URLs: impressum.html links to itself as impressum.html, as all do.
    ("impressum.html", False, "/*.html"),
    # A navigation target inside the page's folder would be linked relative to it.
    ("themen/", False, None),
    ("assets/x/", False, None),
])
def test_fragment_key(url: str, in_nav: bool, key: str | None) -> None:
    nav_urls = ["", "artikel/", "publikationen/", "themen/", "themen/energiewende/", "ueber-uns/"]
    assert fragments.fragment_key(url, in_nav, nav_urls) == key


def test_a_navigation_target_below_the_page_turns_the_cache_off() -> None:
    assert fragments.fragment_key("themen/migration/", False, ["themen/migration/artikel/"]) is None
    assert fragments.fragment_key("themen/migration/", False, ["themen/energiewende/"]) == "themen/*/"


def _environment(extension) -> tuple[jinja2.Environment, list[str]]:
    rendered: list[str] = []

    def count(name: str) -> str:
        rendered.append(name)
        return name

    env = jinja2.Environment(loader=jinja2.DictLoader({
        "page.html": '<b>{% cache key, "nav" %}{{ count("nav") }}{% endcache %}</b>'
                     '<i>{% cache key, "footer" %}{{ count("footer") }}{% endcache %}</i>'}),
        extensions=[extension])
    env.globals["count"] = count
    return env, rendered


def test_each_fragment_is_rendered_once_per_key() -> None:
    env, rendered = _environment(fragments.FragmentCache)
    template = env.get_template("page.html")
    outputs = [template.render(key=key) for key in ("a/*/", "a/*/", "b/*/", "a/*/")]
    assert outputs == ["<b>nav</b><i>footer</i>"] * 4
    assert rendered == ["nav", "footer", "nav", "footer"]  # a/*/ once, b/*/ once


@pytest.mark.parametrize("key", [None, jinja2.Undefined()])
def test_no_key_no_cache(key) -> None:
    env, rendered = _environment(fragments.FragmentCache)
    template = env.get_template("page.html")
    template.render(key=key)
    template.render(key=key)
    assert rendered == ["nav", "footer", "nav", "footer"]


def test_switched_off(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("K3B_FRAGMENT_CACHE", "0")
    monkeypatch.setenv("K3B_CACHE_DIR", str(tmp_path))
    config = types.SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    env = fragments.on_env(jinja2.Environment(loader=jinja2.DictLoader({
        "t.html": '{% cache key, "x" %}{{ n() }}{% endcache %}'})), config, None)
    calls = []
    env.globals["n"] = lambda: calls.append(1) or len(calls)
    template = env.get_template("t.html")
    assert [template.render(key="a/*/") for _ in range(3)] == ["1", "2", "3"]


# --- Markdown skipped for placeholder-only pages ------------------------------------------

@pytest.fixture(scope="module")
def config(tmp_path_factory):
    project = make_project(tmp_path_factory.mktemp("markdown"))
    return load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))


def _page(config, markdown: str) -> Page:
    file = File("publikationen/x.md", src_dir=config.docs_dir, dest_dir=config.site_dir,
                use_directory_urls=config.use_directory_urls)
    page = Page(None, file, config)
    page.markdown = markdown
    return page


@pytest.mark.parametrize("markdown", [
    "K3BDEFERRED0X",
    "\n\nK3BDEFERRED0X\n\nK3BDEFERRED1X\n",
    "K3BDEFERRED0X\n\n\n\nK3BDEFERRED12X\n\n",
    "\nK3BDEFERRED3X\n\nK3BDEFERRED4X\n\nK3BDEFERRED5X\n\n\n",
])
def test_skipped_markdown_gives_what_markdown_gives(config, markdown: str) -> None:
    assert site_hook.ONLY_TOKENS.fullmatch(markdown)
    files = Files([])
    by_markdown = _page(config, markdown)
    by_markdown.render(config, files)
    skipped = _page(config, markdown)
    site_hook._without_markdown(skipped, markdown)
    skipped.render(config, files)
    assert skipped.content == by_markdown.content
    assert list(skipped.toc) == list(by_markdown.toc) == []
    assert skipped.present_anchor_ids == by_markdown.present_anchor_ids
    assert skipped.links_to_anchors == by_markdown.links_to_anchors
    assert skipped.title == by_markdown.title


@pytest.mark.parametrize("markdown", [
    "Einleitung\n\nK3BDEFERRED0X",          # staff text
    "# Titel\n\nK3BDEFERRED0X",             # a heading: table of contents and title
    "K3BDEFERRED0X\nK3BDEFERRED1X",         # one paragraph with two placeholders
    "    K3BDEFERRED0X",                    # a code block
    "K3BDEFERRED0X\n\n    K3BDEFERRED1X",
    "K3BDEFERRED0X K3BDEFERRED1X",
    "K3BDEFERRED0X  \n",                   # Markdown keeps trailing spaces in the paragraph
    "K3BDEFERRED0X\n\n \n\nK3BDEFERRED1X",
    "",
])
def test_markdown_with_anything_else_goes_through_markdown(markdown: str) -> None:
    assert not site_hook.ONLY_TOKENS.fullmatch(markdown)


def test_compiled_templates_are_kept(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("K3B_CACHE_DIR", str(tmp_path / "cache"))
    config = types.SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    for _ in range(2):
        env = fragments.on_env(jinja2.Environment(loader=jinja2.DictLoader({"t.html": "{{ 1 + 1 }}"})),
                               config, None)
        assert env.get_template("t.html").render() == "2"
    assert len(list((tmp_path / "cache").glob("jinja-*/*.cache"))) == 1


def test_a_cache_that_cannot_be_written_is_no_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    (tmp_path / "datei").write_text("kein Ordner")
    monkeypatch.setenv("K3B_CACHE_DIR", str(tmp_path / "datei" / "cache"))
    config = types.SimpleNamespace(config_file_path=str(tmp_path / "mkdocs.yml"))
    env = fragments.on_env(jinja2.Environment(loader=jinja2.DictLoader({"t.html": "ok"})), config, None)
    assert env.get_template("t.html").render() == "ok"


# --- Pagefind reads only the indexed element ------------------------------------------------

@pytest.mark.parametrize("scenario", [None, "bib-real"])
def test_root_selector_changes_no_page_record(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              scenario) -> None:
    from k3b.search.indexer import ROOT_SELECTOR, build_index
    from searchindex import indexed_pages

    monkeypatch.setenv("K3B_TODAY", "2026-12-01")
    site = build(make_project(tmp_path, scenario, real_content=scenario is None))
    with_root = indexed_pages(site)
    report = build_index(site, root_selector=None)
    whole_pages = indexed_pages(site)
    assert ROOT_SELECTOR and report.pages == len(whole_pages) > 20
    assert with_root == whole_pages
