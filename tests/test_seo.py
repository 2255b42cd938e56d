"""Meta and SEO basics on every generated page: description, canonical URL, Open Graph,
language, and a sitemap with absolute URLs."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from sitebuild import build, make_project

SITE_URL = "http://127.0.0.1:8000/"  # mkdocs.yml: site_url (K3B_SITE_URL unset)
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def pages(site):
    for page_file in sorted(site.rglob("*.html")):
        yield page_file, BeautifulSoup(page_file.read_text(encoding="utf-8"), "html.parser")


def url_of(site, page_file) -> str:
    path = page_file.relative_to(site).as_posix()
    return SITE_URL + path.removesuffix("index.html")


def meta(page, **attrs) -> list[str]:
    return [tag.get("content") for tag in page.find_all("meta", attrs=attrs)]


def test_every_page_has_description_canonical_and_open_graph(real_site):
    checked = 0
    for page_file, page in pages(real_site):
        if page_file.name == "404.html":
            continue
        where = page_file.relative_to(real_site)
        assert page.html["lang"] == "de", where
        description = meta(page, name="description")
        if meta(page, name="citation_title") and not meta(page, name="citation_abstract"):
            # A publication without an abstract has no description: Zotero would take it as
            # the abstract (tests/test_bib_metadata.py).
            assert description == [] and meta(page, property="og:description") == [], where
            description = ["–"]
        assert len(description) == 1 and description[0].strip(), where
        canonical = [link["href"] for link in page.find_all("link", rel="canonical")]
        assert canonical == [url_of(real_site, page_file)], where
        og = {p: meta(page, property=f"og:{p}") for p in ("title", "description", "url", "type", "locale")}
        assert all(len(values) == 1 for name, values in og.items() if name != "description"), (where, og)
        if description != ["–"]:
            assert og["description"][0].strip() and og["description"] == description, where
        assert og["title"][0].strip(), where
        assert og["url"] == canonical, where
        assert og["type"][0] in ("website", "article"), where
        assert og["locale"] == ["de_DE"], where
        assert not page.find("meta", attrs={"name": "robots"}), where
        checked += 1
    assert checked > 30


def test_items_are_articles_and_listings_websites(real_site):
    def og_type(path):
        page = BeautifulSoup((real_site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        return meta(page, property="og:type")[0]

    assert og_type("") == "website"
    assert og_type("artikel") == "website"
    article = next(p for p in sorted((real_site / "artikel").iterdir()) if p.is_dir())
    assert og_type(article.relative_to(real_site)) == "article"


def test_404_page_is_not_indexed(real_site):
    page = BeautifulSoup((real_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert meta(page, name="robots") == ["noindex"]
    assert not page.find("link", rel="canonical")
    assert page.html["lang"] == "de"
    assert page.h1.get_text(strip=True) == "Seite nicht gefunden"


def test_sitemap_lists_every_page_with_absolute_urls(real_site):
    tree = ET.parse(real_site / "sitemap.xml")
    urls = [loc.text for loc in tree.iter(f"{SITEMAP}loc")]
    assert urls and all(url.startswith(SITE_URL) for url in urls)
    assert len(urls) == len(set(urls))
    expected = {url_of(real_site, f) for f, _ in pages(real_site) if f.name != "404.html"}
    assert set(urls) == expected


def test_titles_and_descriptions_are_escaped_once(tmp_path):
    project = make_project(tmp_path, "minimal")
    (project / "docs" / "artikel" / "sonderzeichen.md").write_text(
        '---\ntitle: \'Wind & "Wetter" <Test>\'\ndate: 2025-01-02\nauthors: [K3B-Redaktion]\n'
        "summary: 'A & B \"C\" <d>'\ntopics: [Energiewende]\n---\n\nText über Wind und Wetter.\n",
        encoding="utf-8",
    )
    site = build(project)
    raw = (site / "artikel" / "sonderzeichen" / "index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(raw, "html.parser")
    assert meta(page, property="og:title") == ['Wind & "Wetter" <Test>']
    assert meta(page, property="og:description") == ['A & B "C" <d>']
    assert meta(page, name="description") == ['A & B "C" <d>']
    assert "&amp;amp;" not in raw and "&amp;lt;" not in raw and "&amp;#34;" not in raw
    assert "<Test>" not in raw and "<d>" not in raw


def jsonld(page) -> list[dict]:
    import json

    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


def test_articles_and_case_studies_describe_themselves_as_schema_org_articles(tmp_path):
    project = make_project(tmp_path, "topics")
    case = project / "docs" / "fallbeispiele" / "echt.md"
    source = (project / "docs" / "fallbeispiele" / "revierfall.md").read_text(encoding="utf-8")
    case.write_text(source.replace("fictional: true", "fictional: false")
                    .replace("landkreis: Landkreis Probe", "landkreis: Landkreis Leipzig")
                    .replace("title: Revierfall", "title: Echter Fall")
                    .replace("  - K3B-Redaktion", "  - Team Beteiligung\n  - Anna Beispiel"),
                    encoding="utf-8")
    site = build(project)

    def data(path):
        page = BeautifulSoup((site / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        found = jsonld(page)
        assert len(found) == 1, path
        return found[0]

    article = data("artikel/windkraft")
    assert article["@context"] == "https://schema.org" and article["@type"] == "Article"
    assert article["headline"] == "Windkraft" and article["datePublished"] == "2025-03-01"
    assert article["url"] == article["mainEntityOfPage"] == SITE_URL + "artikel/windkraft/"
    assert article["author"] == [{"@type": "Organization", "name": "K3B-Redaktion"}]
    assert article["publisher"] == {"@type": "Organization", "url": SITE_URL,
                                    "name": "Kompetenzzentrum Kommunale Konfliktberatung (K3B)"}
    assert article["keywords"] == ["Energiewende"] and article["inLanguage"] == "de"
    assert article["description"].startswith("Ein Artikel über Windkraft")
    fictional = data("fallbeispiele/revierfall")
    assert fictional["@type"] == "Article" and fictional["genre"] == "Fiktives Beispiel"
    assert fictional["publisher"] == article["publisher"] and fictional["keywords"] == ["Strukturwandel"]
    real = data("fallbeispiele/echt")
    assert real["contentLocation"]["name"] == "Teststadt"
    assert real["contentLocation"]["containedInPlace"]["name"] == "Landkreis Leipzig"
    # A case study is an article about a place: the article's authors, publisher and address.
    assert real["author"] == [{"@type": "Organization", "name": "Team Beteiligung"},
                              {"@type": "Person", "name": "Anna Beispiel"}]
    assert real["mainEntityOfPage"] == real["url"] and real["publisher"] == article["publisher"]


@pytest.mark.parametrize(("name", "kind"), [
    ("K3B-Redaktion", "Organization"), ("Anna Beispiel", "Person"), ("Team Beteiligung", "Organization"),
    ("Dr. Jana Muster-Frau", "Person"), ("Netzwerk Kommunale Konflikte", "Organization"),
])
def test_authors_are_people_or_organisations(name, kind):
    from k3b.content.base import agent

    assert agent(name) == {"@type": kind, "name": name}
