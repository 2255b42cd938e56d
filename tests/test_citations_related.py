"""Pure functions: finding and rendering citations, ranking related content, paging."""

from __future__ import annotations

import gc
from html import escape

import pytest

from k3b.bibliography.model import Name, Publication
from k3b.citations import bibliography_html, find_citations, labels, render_citations, short_label
from k3b.listings import Paging, pager_html
from k3b.related import Node, related


def pub(key: str, authors: tuple[Name, ...] = (Name("Muster", "Anna"),), year: str = "2020",
        title: str = "Titel", month: int | None = None) -> Publication:
    text = f"{authors[0].inverted() if authors else ''} ({year}): {title}."
    return Publication(
        key=key, slug=key, entry_type="misc", source="t.bib", line=1, own=False, authors=authors,
        editors=(), title=title, year=year, month=month, fields=(), doi="", url="", pdf="",
        abstract="", keywords=(), topics=(), language="de", citation_html=escape(text),
        citation_text=text, bibtex="")


@pytest.mark.parametrize(("text", "expected"), [
    ("Siehe [@a].", [("a", "", "")]),
    ("Siehe [@a; @b].", [("a", "", ""), ("b", "", "")]),
    ("Siehe [@a, S. 12; @b].", [("a", "", "S. 12"), ("b", "", "")]),
    ("Siehe [vgl. @a, S. 3].", [("a", "vgl.", "S. 3")]),
    ("Ein Schlüssel mit Doppelpunkt [@doe:2020].", [("doe:2020", "", "")]),
    ("Schluss mit Punkt [@a.]", [("a", "", "")]),
    ("Keine Zitate: [post@example.org]", []),
    ("Link [@a](https://example.org/)", []),
    ("Fußnote [^1] und [Text]", []),
    ("`[@a]` im Code", []),
    ("```\n[@a]\n```\n", []),
    ("~~~~\n[@a]\n```\n[@b]\n~~~~\nDanach [@c]", [("c", "", "")]),
    ("<!-- [@a] -->", []),
])
def test_find_citations(text, expected):
    found = [item for _start, _end, _line, items in find_citations(text) for item in items]
    assert found == expected


def test_citation_lines_count_from_the_body_start():
    text = "Eins\n\n```\n[@x]\n```\nZwei [@a]\nDrei\n[@b; @c]\n"
    assert [(line, items[0][0]) for _, _, line, items in find_citations(text, first_line=7)] == [
        (12, "a"), (14, "b")]


@pytest.mark.parametrize(("authors", "year", "expected"), [
    ((Name("Muster", "Anna"),), "2020", "Muster 2020"),
    ((Name("Muster", "Anna"), Name("Probe", "Paul")), "2020", "Muster und Probe 2020"),
    ((Name("A", "x"), Name("B", "y"), Name("C", "z")), "2019", "A u. a. 2019"),
    ((Name("Landesamt für Umwelt"),), "", "Landesamt für Umwelt o. J."),
    ((), "2021", "Titel 2021"),
])
def test_short_label(authors, year, expected):
    assert short_label(pub("k", authors, year)) == expected


def test_equal_labels_get_letters():
    result = labels([pub("b", title="Zweiter"), pub("a", title="Erster"), pub("c", year="2021")])
    assert result == {"a": "Muster 2020a", "b": "Muster 2020b", "c": "Muster 2021"}


def test_render_citations_links_and_bibliography():
    entries = {"a": pub("a", title="<Erster>"), "b": pub("b", (Name("Zeta", "Z"),), "2010")}
    markdown, bibliography = render_citations(
        "Text [@b; @a, S. 4] und `[@a]`.", entries.get, lambda p: short_label(p), "../../p/")
    assert markdown == (
        'Text <span class="k3b-cite-group" data-pagefind-ignore>'
        '(<a class="k3b-cite" href="#lit-b">Zeta 2010</a>; '
        '<a class="k3b-cite" href="#lit-a">Muster 2020, S. 4</a>)</span> und `[@a]`.')
    assert bibliography.startswith('<ol class="k3b-bibliography"')
    assert bibliography.index('id="lit-a"') < bibliography.index('id="lit-b"')
    assert '<li id="lit-b"><a href="../../p/b/">' in bibliography
    assert "&lt;Erster&gt;" in bibliography and "<Erster>" not in bibliography


def test_render_citations_escapes_locator_and_prefix():
    entries = {"a": pub("a")}
    markdown, _ = render_citations('[<b>x</b> @a, S. "1"]', entries.get, short_label, "/")
    assert "<b>" not in markdown and "&lt;b&gt;" in markdown and "&quot;1&quot;" in markdown


def test_bibliography_empty():
    assert bibliography_html([], "") == ""


# --- related content: a table of small sites ------------------------------------------

def node(id_: str, recency: int, topics: str = "", works: str = "") -> Node:
    return Node(id_, id_, recency, frozenset(topics.split()), frozenset(works.split()))


@pytest.mark.parametrize(("nodes", "subject", "expected"), [
    # Shared topics, ranked by number of shared topics, then recency.
    ([node("a", 5, "e s"), node("b", 4, "e"), node("c", 9, "e s"), node("d", 8, "m")], "a", ["c", "b"]),
    # A shared citation (3) beats two shared topics (2).
    ([node("a", 5, "e s", "k"), node("b", 1, "", "k"), node("c", 9, "e s")], "a", ["b", "c"]),
    # An article and the publication it cites; two articles citing the same work.
    ([node("art1", 5, "", "k"), node("pub:k", 1, "", "k"), node("art2", 3, "", "k")], "pub:k",
     ["art1", "art2"]),
    # Nothing shared: nothing related, and never the item itself.
    ([node("a", 5, "e"), node("b", 6, "m")], "a", []),
    # Ties: same score and date are ordered by title, then id.
    ([node("a", 5, "e"), node("z", 3, "e"), node("m", 3, "e")], "a", ["m", "z"]),
    # At most five.
    ([node("a", 0, "e")] + [node(f"n{i}", i, "e") for i in range(10)], "a", ["n9", "n8", "n7", "n6", "n5"]),
])
def test_related_ranking(nodes, subject, expected):
    assert related(nodes)[subject] == expected


def test_related_matches_brute_force_on_a_larger_site():
    import random

    rng = random.Random(7)
    topics = ["e", "m", "s", "d", "k"]
    nodes = [node(f"n{i:03}", rng.randrange(100), " ".join(rng.sample(topics, rng.randrange(0, 3))),
                  " ".join(f"w{rng.randrange(30)}" for _ in range(rng.randrange(0, 3)))) for i in range(300)]

    def brute(subject: Node) -> list[str]:
        scored = [(3 * len(subject.works & o.works) + len(subject.topics & o.topics), o) for o in nodes
                  if o.id != subject.id]
        ranked = [(s, o) for s, o in scored if s > 0]
        ranked.sort(key=lambda so: (-so[0], -so[1].recency, so[1].title.casefold(), so[1].id))
        return [o.id for _, o in ranked[:5]]

    fast = related(nodes)
    assert all(fast[n.id] == brute(n) for n in nodes)



def test_related_with_truncated_works_scores_every_candidate_exactly(monkeypatch):
    """With works cited by more texts than WORK_CANDIDATES, the candidates are the newest
    citers of each work plus the newest of each topic group, each scored by everything it
    shares (a plain reference implementation of that rule)."""
    import random

    import k3b.related as related_module

    monkeypatch.setattr(related_module, "WORK_CANDIDATES", 4)
    rng = random.Random(11)
    nodes = [node(f"n{i:03}", rng.randrange(60), " ".join(rng.sample(["e", "m", "s"], rng.randrange(0, 3))),
                  " ".join(f"w{rng.randrange(6)}" for _ in range(rng.randrange(0, 4)))) for i in range(200)]

    def newest(members):
        return sorted(members, key=lambda o: (-o.recency, o.title.casefold(), o.id))

    def reference(subject: Node, limit: int = 5) -> list[str]:
        candidates = {o.id: o for work in subject.works
                      for o in newest([o for o in nodes if work in o.works])[:4]}
        for group in {o.topics for o in nodes if o.topics}:
            if group & subject.topics:
                members = newest([o for o in nodes if o.topics == group])
                candidates.update((o.id, o) for o in members[:limit + 1])
        candidates.pop(subject.id, None)
        scored = [(3 * len(subject.works & o.works) + len(subject.topics & o.topics), o)
                  for o in candidates.values()]
        ranked = sorted(((s, o) for s, o in scored if s > 0),
                        key=lambda so: (-so[0], -so[1].recency, so[1].title.casefold(), so[1].id))
        return [o.id for _, o in ranked[:limit]]

    assert any(sum(w in n.works for n in nodes) > 4 for w in ("w0", "w1"))  # truncation happens
    fast = related(nodes)
    assert all(fast[n.id] == reference(n) for n in nodes)

# --- paging ----------------------------------------------------------------------------

def test_paging_urls_and_items():
    paging = Paging("artikel/", 120, 50)
    assert paging.count == 3
    assert [paging.url(n) for n in (1, 2, 3)] == ["artikel/", "artikel/seite/2/", "artikel/seite/3/"]
    assert list(paging.items(list(range(120)), 3)) == list(range(100, 120))
    assert Paging("artikel/", 0, 50).count == 1


def test_pager_html_marks_current_page_and_links_relatively():
    paging = Paging("artikel/", 500, 50)
    html = pager_html(paging, 5, "artikel/seite/5/")
    assert 'href="../4/" rel="prev"' in html and 'href="../6/" rel="next"' in html
    assert 'href="../../" >1' not in html and 'href="../../">1</a>' in html
    assert '<a href="./" aria-current="page">5</a>' in html
    assert "Seite 5 von 10 (500 Einträge)" in html
    assert pager_html(Paging("artikel/", 10, 50), 1, "artikel/") == ""


def test_related_stays_fast_and_sensible_when_everyone_cites_the_same_work():
    nodes = [node(f"t{i:04}", i, "e", "k") for i in range(3000)] + [node("pub:k", 1, "e", "k")]
    result = related(nodes)
    # The newest citers, never the node itself; the cited work is related to all of them.
    assert result["t0000"] == ["t2999", "t2998", "t2997", "t2996", "t2995"]
    assert result["pub:k"] == ["t2999", "t2998", "t2997", "t2996", "t2995"]


def _relpath_reference(from_url: str, to_url: str) -> str:
    import posixpath

    from_dir = "/" + (from_url if from_url.endswith("/") else posixpath.dirname(from_url))
    target = posixpath.relpath("/" + to_url, from_dir)
    if to_url.endswith("/") or to_url == "":
        target = "./" if target == "." else target + "/"
    return target


@pytest.mark.parametrize("from_url", ["", "artikel/", "artikel/x/", "themen/migration/artikel/seite/2/",
                                      "publikationen/a/", "404.html", "impressum/", "artikel/x/y.html"])
@pytest.mark.parametrize("to_url", ["", "artikel/", "artikel/x/", "artikel/xy/", "publikationen/#jahr-2007",
                                    "themen/migration/feed.xml", "feed.xml", "publikationen/a/a.bib",
                                    "artikel/x/../y/", "./impressum/"])
def test_relative_url_equals_posix_relpath(from_url, to_url):
    from k3b.render import relative_url

    assert relative_url(from_url, to_url) == _relpath_reference(from_url, to_url)


def test_citations_found_while_collecting_are_reused_for_the_same_text(tmp_path):
    """The build finds each page's citations once; rendering reuses them, positions and all."""
    from pathlib import Path

    from k3b.bibliography.parse import BibSource, load_bibliography
    from k3b.problems import ProblemList
    from k3b.site import SourcePage, collect_site
    from k3b.topics import load_vocabulary

    root = Path(__file__).resolve().parents[1]
    vocabulary = load_vocabulary(root / "data/themen.yml")
    bib = tmp_path / "test.bib"
    bib.write_text("@book{alpha, author = {Muster, Anna}, title = {Ein Testbuch}, "
                   "publisher = {Testverlag}, year = {2020}}\n", encoding="utf-8")
    bibliography, errors, _ = load_bibliography([BibSource(bib, "publications/test.bib", False)], vocabulary)
    source = ("---\ntitle: Test\ndate: 2025-01-01\nauthors: [Redaktion]\ntopics: [Migration]\n"
              "summary: Kurz.\n---\n\n\n"
              "Erst [@alpha], dann [vgl. @alpha, S. 3].\n")
    problems = ProblemList()
    site = collect_site([SourcePage("artikel/test.md", "artikel/test/", "docs/artikel/test.md",
                                    lambda: source)], vocabulary, bibliography, problems)
    assert not errors and not problems
    mkdocs_body = source.split("---\n", 2)[2].lstrip("\n")  # what MkDocs hands to the hook
    reused = site.citations_in("artikel/test.md", mkdocs_body)
    assert list(reused) == find_citations(mkdocs_body, 10)
    # Kept for the whole build, they must not add to the garbage collector's work: plain tuples
    # of strings and numbers drop out of its view (one level of nesting per collection).
    for _ in range(6):
        gc.collect()
    assert not gc.is_tracked(site.found["artikel/test.md"]) and not gc.is_tracked(site.cited_by["alpha"])
    assert site.citations_in("artikel/test.md", mkdocs_body + "geändert") is None
    args = (bibliography.get, lambda p: site.labels[p.key], "../../publikationen/")
    assert render_citations(mkdocs_body, *args, citations=reused) == render_citations(mkdocs_body, *args)
