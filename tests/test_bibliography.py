"""Publications: German style, parsing problems, hostile input, Zotero exports."""

from __future__ import annotations

import json

import pytest
from mkdocs.exceptions import Abort

from k3b.bibliography.model import Name
from k3b.bibliography.parse import BibSource, decode, doi_url, load_bibliography, safe_link
from k3b.bibliography.style import Work, format_citation, join_names
from k3b.safehtml import Html, escape_html
from k3b.topics import load_vocabulary
from sitebuild import ROOT, build, error_lines, html, make_project

VOCABULARY = load_vocabulary(ROOT / "data/themen.yml")
A, B, C = Name("Müller", "Anna"), Name("Schmidt", "Peter"), Name("Weber", "Eva")


@pytest.mark.parametrize(
    ("names", "text"),
    [([A], "Müller, Anna"), ([A, B], "Müller, Anna und Schmidt, Peter"),
     ([A, B, C], "Müller, Anna; Schmidt, Peter und Weber, Eva"),
     ([Name("Landesamt für Umwelt")], "Landesamt für Umwelt"), ([], "")],
)
def test_join_names(names, text):
    assert join_names(names) == text


def work(entry_type, authors=(), editors=(), year="", language="de", kind="", **fields) -> Work:
    return Work(entry_type, tuple(authors), tuple(editors), year=year, language=language, kind=kind,
                html={k: escape_html(v) for k, v in fields.items()})


@pytest.mark.parametrize(
    ("work", "expected"),
    [
        (work("article", [A, B], year="2020", title="Energiestrategie des Landes",
              journaltitle="Zeitschrift für "
              "Politik", volume="12", number="3", pages="45–67"),
         "Müller, Anna und Schmidt, Peter (2020): Energiestrategie des Landes. In: <em>Zeitschrift für "
         "Politik</em> 12 (3), S. 45–67."),
        (work("book", [], [A], year="2019", title="Konflikte in Kommunen", publisher="Verlag",
              location="Berlin"),
         "Müller, Anna (Hrsg.) (2019): <em>Konflikte in Kommunen.</em> Berlin: Verlag."),
        (work("book", [A], year="2019", title="Konflikte", subtitle="Ein Handbuch", edition="3",
              publisher="V",
              location="Salzwedel", series="Schriften", number="7"),
         "Müller, Anna (2019): <em>Konflikte. Ein Handbuch.</em> 3. Aufl. (Schriften 7). Salzwedel: V."),
        (work("book", [A], year="2019", title="Wer fragt?", subtitle="Antworten", edition="Second"),
         "Müller, Anna (2019): <em>Wer fragt? Antworten.</em> 2. Aufl."),
        (work("incollection", [C], [A, B], title="Ein Beitrag", booktitle="Der Band", publisher="V",
              pages="1–10"),
         "Weber, Eva (o. J.): Ein Beitrag. In: Müller, Anna und Schmidt, Peter (Hrsg.): <em>Der Band.</em> "
         "V, S. 1–10."),
        (work("inbook", [C], year="2001", title="Das Kapitel", booktitle="Das Buch", chapter="3",
              pages="10–20", location="Ort", publisher="V"),
         "Weber, Eva (2001): Das Kapitel. In: <em>Das Buch.</em> Ort: V, Kap. 3, S. 10–20."),
        (work("report", [Name("Landesamt für Umwelt")], year="2021", title="Bericht zur Lage?",
              institution="LAU",
              location="Halle", kind="Arbeitspapier", number="4"),
         "Landesamt für Umwelt (2021): <em>Bericht zur Lage?</em> Arbeitspapier 4. Halle: LAU."),
        (work("article", [A], year="2018", language="en", title="Wind Conflicts",
              journaltitle="Energy Policy"),
         'Müller, Anna (2018): <span lang="en">Wind Conflicts.</span> In: <em>Energy Policy</em>.'),
        (work("misc", year="2023", title="Gesetz über <Dinge>", howpublished="Bundesgesetzblatt"),
         "<em>Gesetz über &lt;Dinge&gt;</em> (2023). Bundesgesetzblatt."),
        (work("thesis", [B], year="2015", title="Dorf im Wandel", institution="Universität Halle",
              kind="Dissertation"),
         "Schmidt, Peter (2015): <em>Dorf im Wandel.</em> Dissertation, Universität Halle."),
        (work("online", [A], year="2022", title="Leitfaden", organization="Netzwerk",
              url="https://example.org/x",
              urldate="10. Januar 2023"),
         "Müller, Anna (2022): <em>Leitfaden.</em> Netzwerk. URL: https://example.org/x (abgerufen am "
         "10. Januar 2023)."),
        (work("inproceedings", [A], [B], year="2022", title="Mediation", booktitle="Tagungsband",
              eventtitle="Konferenz K", venue="Wittenberg", publisher="V", location="Ort", pages="12–20"),
         "Müller, Anna (2022): Mediation. In: Schmidt, Peter (Hrsg.): <em>Tagungsband.</em> Konferenz K "
         "(Wittenberg). Ort: V, S. 12–20."),
        (Work("book", (A,), more_authors=True, year="2015a", html={"title": Html("Titel")}),
         "Müller, Anna u. a. (2015a): <em>Titel.</em>"),
        (Work("book", (A,), translators=(B,), editors=(B,), year="1995",
              html={"title": Html("De natura deorum")}),
         "Müller, Anna (1995): <em>De natura deorum.</em> Hrsg. und übers. von Peter Schmidt."),
    ],
)
def test_german_citation_style(work, expected):
    assert format_citation(work) == expected


@pytest.mark.parametrize(
    ("latex", "text"),
    [('M{\\"u}ller', "Müller"), ("Stra{\\ss}e", "Straße"), ("{UN} und {Landes}", "UN und Landes"),
     ("{{Landesamt f{\\\"u}r Umwelt}}", "Landesamt für Umwelt"), ("a  \n b", "a b")],
)
def test_decode_latex(latex, text):
    assert decode(latex) == text


@pytest.mark.parametrize(
    ("url", "safe"),
    [("https://example.org/x", True), ("http://example.org", True), ("/publikationen/a.pdf", True),
     ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), ("data:text/html,x", False),
     ("//evil.example/x", False), ("ftp://example.org/x", False), ("https:", False)],
)
def test_safe_link(url, safe):
    assert (safe_link(url) is not None) == safe


@pytest.mark.parametrize(
    ("doi", "url"),
    [("10.1080/01944366908977225", "https://doi.org/10.1080/01944366908977225"),
     ("https://doi.org/10.1016/j.enpol.2006.12.001", "https://doi.org/10.1016/j.enpol.2006.12.001"),
     ("doi:10.1002/casp.1004", "https://doi.org/10.1002/casp.1004"),
     ('10.1234/x"y', "https://doi.org/10.1234/x%22y"), ("keine doi", None)],
)
def test_doi_url(doi, url):
    assert doi_url(doi) == url


def load(scenario: str):
    folder = ROOT / "tests/fixtures" / scenario / "publications"
    sources = [BibSource(p, f"publications/{p.name}", p.name == "k3b.bib")
               for p in sorted(folder.glob("*.bib"))]
    return load_bibliography(sources, VOCABULARY)


def test_zotero_export():
    bibliography, errors, notes = load("bib-zotero")
    assert errors.lines() == []
    report = bibliography.get("landesamt2021energie")
    assert report.authors == (Name("Landesamt für Umwelt und Energie"),)
    assert report.title == "Energiestrategie des Landes für die Straße der UN"
    assert report.year == "2021" and report.month == 7
    assert report.topics == ("energiewende",)
    for private in ("file", "annote", "timestamp", "mendeley-groups", "Zotero", "Interne Notiz"):
        assert private not in report.bibtex
        assert private not in json.dumps(report.fields)
    article = bibliography.get("beispiel2019hochwasser")
    assert article.month == 7 and article.language == "en"
    assert article.topics == ("klimawandelfolgen",)
    assert bibliography.get("ohnejahr").citation_text.startswith("Herausgeberin, Hanna (Hrsg.) (o. J.)")
    assert "publications/zotero.bib:2: Eintrag „landesamt2021energie“: Schlagwort „Bürgerbeteiligung“ " \
           "gehört zu keinem Thema" in notes.lines()


def test_broken_files_report_every_problem_with_line():
    bibliography, errors, _ = load("bib-broken")
    assert errors.lines() == [
        # The comma is missing at the end of line 10; pybtex notices it on line 11.
        "publications/a.bib:10: BibTeX-Syntaxfehler: am Zeilenende fehlt ein Komma (oder eine schließende "
        "Klammer)",
        "publications/a.bib:14: Eintrag „ohnezeitschrift“ (@article): es fehlt „journal“ oder „journaltitle“",
        "publications/b.bib:1: Schlüssel „gut2020“ gibt es schon (in publications/a.bib, Zeile 1)",
        "publications/b.bib:9: Schlüssel „gut.2020“ ergibt dieselbe Adresse /publikationen/gut-2020/ "
        "wie „gut_2020“ – bitte umbenennen",
    ]
    assert list(bibliography.entries) == ["gut2020", "gut_2020"]


def test_broken_bib_fails_the_build(tmp_path, caplog):
    with pytest.raises(Abort):
        build(make_project(tmp_path, "bib-broken"))
    assert any(line.startswith("publications/b.bib:1: Schlüssel „gut2020“") for line in error_lines(caplog))
    assert not list((tmp_path / "project/site").rglob("*.html"))


def test_hostile_entries_render_inert(tmp_path):
    site = build(make_project(tmp_path, "bib-hostile"))
    for page_file in (site / "publikationen").rglob("*.html"):
        page = html(page_file.parent, "")
        for script in page.find_all("script"):
            assert "alert" not in (script.get("src") or ""), page_file
            if script.get("type") == "application/ld+json":
                json.loads(script.string)  # still one valid JSON document
            else:
                assert "alert" not in (script.string or ""), page_file
        assert page.find("img", src="x") is None
        for tag in page.find_all(True):
            assert not any(name.startswith("on") for name in tag.attrs), (page_file, tag)
            for name in ("href", "src"):
                assert not (tag.get(name) or "").lower().startswith(("javascript:", "data:")), tag
    page = html(site, "publikationen/feindlich2024")
    assert "<script>alert(1)</script>" in page.select_one(".k3b-citation").get_text()
    assert [a["href"] for a in page.select(".k3b-links a")] == ["https://doi.org/10.1234/x%22onmouseover%3D%22alert(5)"]
    ld = json.loads(page.find("script", type="application/ld+json").string)
    assert ld["abstract"] == "Abstract mit </script><script>alert(6)</script>"
    page = html(site, "publikationen/feindlich-url2024")
    assert [a["href"] for a in page.select(".k3b-links a")] == ['https://example.org/a"onmouseover="alert(7)']


def test_publication_page_meta_and_download(tmp_path):
    site = build(make_project(tmp_path, "bib-zotero"))
    page = html(site, "publikationen/beispiel2019hochwasser")
    meta = {m["name"]: m["content"] for m in page.find_all("meta")
            if m.get("name", "").startswith("citation_")}
    assert meta["citation_title"] == "Flood Conflicts in Small Towns"
    assert meta["citation_publication_date"] == "2019/07"
    assert meta["citation_journal_title"] == "Fiktive Zeitschrift"
    assert meta["citation_doi"] == "10.9999/fiktiv.2019.7"
    authors = [m["content"] for m in page.find_all("meta", attrs={"name": "citation_author"})]
    assert authors == ["Beispiel, Berta", "Muster, Max"]
    ld = json.loads(page.find("script", type="application/ld+json").string)
    assert ld["@type"] == "ScholarlyArticle" and ld["sameAs"] == "https://doi.org/10.9999/fiktiv.2019.7"
    assert [a["name"] for a in ld["author"]] == ["Berta Beispiel", "Max Muster"]
    assert page.select_one("a[download]")["href"] == "beispiel2019hochwasser.bib"
    download = (site / "publikationen/beispiel2019hochwasser/beispiel2019hochwasser.bib").read_text()
    assert download.startswith("@article{beispiel2019hochwasser,")
    report = html(site, "publikationen/landesamt2021energie")
    assert json.loads(report.find("script", type="application/ld+json").string)["@type"] == "Report"
    assert "Zotero" not in (site / "publikationen/landesamt2021energie/landesamt2021energie.bib").read_text()
    listing = html(site, "publikationen")
    assert [h.get_text() for h in listing.select("article h2")] == ["2021", "2019", "o. J."]
    assert listing.select_one(".k3b-pub a")["href"] == "landesamt2021energie/"


def test_unchanged_bib_files_are_not_parsed_again(tmp_path, monkeypatch):
    import k3b.bibliography.parse as parse

    project = make_project(tmp_path, "bib-zotero")
    bib = project / "publications/zotero.bib"
    bib.write_text((ROOT / "tests/fixtures/bib-zotero/publications/zotero.bib").read_text(encoding="utf-8"),
                   encoding="utf-8")
    calls = []
    original = parse.load_bibliography
    monkeypatch.setattr(parse, "load_bibliography", lambda *a, **k: calls.append(1) or original(*a, **k))
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    mkdocs_build(config)
    mkdocs_build(config)
    assert len(calls) == 1
    bib.write_text(bib.read_text(encoding="utf-8").replace("Ein Buch ohne Jahr", "Ein geändertes Buch"),
                   encoding="utf-8")
    mkdocs_build(config)
    assert len(calls) == 2
    assert "Ein geändertes Buch" in (project / "site/publikationen/ohnejahr/index.html").read_text()


@pytest.mark.parametrize("value", [
    r'{\"u}ber', r'\"{u}ber', r'\ss{}e', r'Stra{\ss}e', r'M{\"u}ller--Schmidt', r'\& co',
    r'{\c c}a', r"\'{e}t\'e", r'{\o}re', r'\v{s}', r'{UN} und {{Landesamt f{\"u}r Umwelt}}',
    r'1950---2018', r'Ro{\ss}lau', r'{\AA}ngstr{\"o}m', r'\^{o}', r'\u{g}',
])
def test_latex_decoding_matches_pybtex(value):
    """pybtex's own decoder as the reference for the common cases."""
    from pybtex.backends.plaintext import Backend
    from pybtex.richtext import Text

    assert decode(value) == " ".join(Text.from_latex(value).render(Backend()).split())
