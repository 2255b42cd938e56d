"""Links: found in Markdown with their lines, checked against the whole site, reported in
German with a suggestion; anchors found from the source match the built pages."""

from __future__ import annotations

import subprocess
import sys

import pytest
from mkdocs.exceptions import Abort

from k3b.links import HTML_IMAGE, HTML_LINK, IMAGE, LINK, anchors, find_links
from sitebuild import build, error_lines, html, make_project

MARKDOWN = """Intro [Text](ziel.md#abschnitt) und ![Ein Bild](bilder/x.jpg){ .breit }

[![Logo](logo.png)](https://example.org) und [Ref][r], [kein Link] und [@key].

```
[nicht](im-code.md)
```
<!-- [auch nicht](kommentar.md) -->
<a href="roh.html">x</a> <img src="roh.png" alt="Roh">

[r]: ../fallbeispiele/fall.md "Titel"
"""


def test_find_links_with_lines_outside_code():
    found = [(link.line, link.target, link.kind, link.alt) for link in find_links(MARKDOWN, 10)]
    assert found == [
        (10, "ziel.md#abschnitt", LINK, None),
        (10, "bilder/x.jpg", IMAGE, "Ein Bild"),
        (12, "https://example.org", LINK, None),
        (12, "logo.png", IMAGE, "Logo"),
        (18, "roh.html", HTML_LINK, None),
        (18, "roh.png", HTML_IMAGE, "Roh"),
        (20, "../fallbeispiele/fall.md", LINK, None),  # the reference, where its target stands
    ]
    assert find_links(MARKDOWN)[1].attrs == "{ .breit }"


@pytest.mark.parametrize(("markdown", "expected"), [
    ("## Die Rolle der Sitzungsleitung", {"die-rolle-der-sitzungsleitung"}),
    ("## Über *große* Flächen", {"uber-groe-flachen"}),
    ("## Eins\n\n## Eins", {"eins", "eins_1"}),
    ("## Eigene { #eigen }", {"eigen"}),
    ("Setext\n======", {"setext"}),
    ("Zwei Zeilen\nAbsatz\n---", set()),  # not a heading in Python-Markdown
    ('<a id="marke"></a>', {"marke"}),
    ("```\n## Kein Titel\n```", set()),
    ("## Mit [Link](x.md) und `Code`", {"mit-link-und-code"}),
])
def test_anchors(markdown, expected):
    assert anchors(markdown) == expected


def test_anchors_match_the_built_site(real_site):
    """For every page of the real site, the ids we predict are the ones its headings have."""
    from k3b.frontmatter import body_of
    from sitebuild import ROOT

    for source in sorted((ROOT / "docs").rglob("*.md")):
        src = source.relative_to(ROOT / "docs").as_posix()
        url = src.removesuffix(".md").removesuffix("index") + ("/" if not src.endswith("index.md") else "")
        page = html(real_site, url.rstrip("/") + "/" if url else "")
        built = {h["id"] for h in page.select(".md-content h1[id], .md-content h2[id], .md-content h3[id],"
                                              ".md-content h4[id], .md-content h5[id], .md-content h6[id]")}
        built -= {"literatur", "verwandte-inhalte", "zitiert-in"}  # added by the build
        built -= {h["id"] for h in page.select("h2.k3b-group[id]")}  # a listing's group headings
        built -= {"foerderung", "zum-projekt"}  # the build's project parts
        built = {i for i in built if not i.startswith("projekt-")}  # a project's lists by type
        predicted = anchors(body_of(source.read_text(encoding="utf-8")))
        assert built <= predicted, (src, built - predicted)


BROKEN = [
    "docs/artikel/verweise.md:19: Link „zeil.md“ führt ins Leere: keine Seite „docs/artikel/zeil.md“ – "
    "meinten Sie „ziel.md“?",
    "docs/artikel/verweise.md:19: Link „ziel.md#sitzungsleitung“: einen Abschnitt „#sitzungsleitung“ gibt es "
    "auf der Seite „artikel/ziel.md“ nicht – meinten Sie „ziel.md#die-rolle-der-sitzungsleitung“?",
    "docs/artikel/verweise.md:21: Link „../downloads/leitfadn.pdf“ führt ins Leere: keine Datei "
    "„docs/downloads/leitfadn.pdf“ – meinten Sie „../downloads/leitfaden.pdf“?",
    "docs/artikel/verweise.md:21: Link „../zeil/“ führt ins Leere: keine Seite unter „/artikel/zeil/“ – "
    "meinten Sie „../ziel/“?",
    "docs/artikel/verweise.md:23: Link „#unten“: einen Abschnitt „#unten“ gibt es auf dieser Seite nicht",
    "docs/artikel/verweise.md:23: Link „entwurf.md“ führt auf einen Entwurf („draft: true“), der nicht "
    "veröffentlicht wird – im veröffentlichten Build fehlt diese Seite; Link entfernen oder die Seite "
    "zuerst veröffentlichen",
    "docs/artikel/verweise.md:27: Link „../fallbeispiele/fehlt.md“ führt ins Leere: keine Seite "
    "„docs/fallbeispiele/fehlt.md“",
]


def test_broken_links_are_german_errors_with_line_and_suggestion(tmp_path, caplog, monkeypatch):
    monkeypatch.setenv("K3B_TODAY", "2026-12-01")
    with pytest.raises(Abort):
        build(make_project(tmp_path, "broken-links"))
    problems = [line for line in error_lines(caplog) if line.startswith("docs/")]
    assert problems == BROKEN


def test_preview_allows_the_link_to_a_draft(tmp_path, caplog, monkeypatch):
    monkeypatch.setenv("K3B_TODAY", "2026-12-01")
    build(make_project(tmp_path, "broken-links"), command="serve")  # the preview goes on, showing them
    problems = [line for line in error_lines(caplog) if line.startswith("docs/")]
    assert problems == [line for line in BROKEN if "entwurf.md" not in line]


@pytest.mark.parametrize("quiet", [[], ["-q"]], ids=["laut", "leise"])
def test_broken_links_fail_the_cli_with_and_without_quiet(tmp_path, quiet):
    project = make_project(tmp_path, "broken-links")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", *quiet], cwd=project,
                            capture_output=True, text=True,
                            env={"NO_MKDOCS_2_WARNING": "1", "K3B_TODAY": "2026-12-01"})
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert BROKEN[0] in output and "Traceback" not in output
    assert "Doc file" not in output  # no English MkDocs warnings


def test_links_that_work_are_rewritten(tmp_path, monkeypatch):
    project = make_project(tmp_path, "broken-links")
    page = project / "docs/artikel/verweise.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text[: text.index("Schlecht:")], encoding="utf-8")
    monkeypatch.setenv("K3B_TODAY", "2026-12-01")
    site = build(project)
    links = {a.get_text(): a["href"] for a in html(site, "artikel/verweise/").select(".md-content a[href]")}
    assert links["Ziel"] == "../ziel/"
    assert links["Abschnitt"] == "../ziel/#die-rolle-der-sitzungsleitung"
    assert links["Thema"] == "../../themen/energiewende/"
    assert links["Publikationen"] == "../../publikationen/"
    assert links["Leitfaden"] == "../../downloads/leitfaden.pdf"


def test_links_from_the_root_break_when_the_site_lies_in_a_folder(tmp_path, caplog, monkeypatch):
    """GitHub Pages of a project: https://k3b.github.io/wissen/ – "/themen/…" would leave it."""
    project = make_project(tmp_path, "minimal")
    page = project / "docs/artikel/windpark-im-dorf.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSiehe [Energiewende](/themen/energiewende/) und "
                    "[Ziel](/artikel/aelterer-artikel.md).\n", encoding="utf-8")
    monkeypatch.setenv("K3B_SITE_URL", "https://k3b.github.io/wissen/")
    with pytest.raises(Abort):
        build(project)
    assert [line for line in error_lines(caplog) if line.startswith("docs/")] == [
        "docs/artikel/windpark-im-dorf.md:13: Link „/themen/energiewende/“ beginnt mit „/“ und führt an der "
        "öffentlichen Adresse (…/wissen/) aus der Seite hinaus – bitte relativ schreiben: "
        "„../../themen/energiewende/“"]
    caplog.clear()
    monkeypatch.setenv("K3B_SITE_URL", "https://wissen.k3b.example/")
    site = build(project)  # at the root of its host both links work
    links = {a.get_text(): a["href"] for a in html(site, "artikel/windpark-im-dorf/").select(".md-content a")}
    assert links["Energiewende"] == "/themen/energiewende/" and links["Ziel"] == "../aelterer-artikel/"
