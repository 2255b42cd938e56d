"""What Zotero imports from a publication page, checked without Zotero.

``zotero_import`` below is a model of what Zotero's Embedded Metadata translator and the
RDF translator it hands ``prefix.field`` tags to do with the tags our pages carry, written
from their code (zotero/translators ee1746de: ``Embedded Metadata.js``, ``RDF.js``) and
from zotero-schema 1f5331e (``schema.json``: which fields an item type has). Line numbers
refer to those files. ``tests/fixtures/bib-types/zotero-translation-server.json`` is what
Zotero's translation-server really imported from the same pages (recorded as described in
``tests/fixtures/bib-types/README.md``); the model must give exactly that.
"""

from __future__ import annotations

import json
import re

import pytest

from sitebuild import FIXTURES, build, html, make_project

RECORDED = json.loads((FIXTURES / "bib-types" / "zotero-translation-server.json").read_text(encoding="utf-8"))

# Embedded Metadata.js 42–64.
HIGHWIRE_MAPPINGS = {
    "citation_title": "title", "citation_publication_date": "date", "citation_cover_date": "date",
    "citation_date": "date", "citation_journal_title": "publicationTitle",
    "citation_journal_abbrev": "journalAbbreviation", "citation_inbook_title": "publicationTitle",
    "citation_book_title": "bookTitle", "citation_volume": "volume", "citation_issue": "issue",
    "citation_series_title": "series", "citation_conference_title": "conferenceName",
    "citation_conference": "conferenceName", "citation_dissertation_institution": "university",
    "citation_technical_report_institution": "institution", "citation_technical_report_number": "number",
    "citation_publisher": "publisher", "citation_isbn": "ISBN", "citation_abstract": "abstractNote",
    "citation_doi": "DOI", "citation_public_url": "url", "citation_language": "language",
}
# Embedded Metadata.js 298–326: tags that decide the item type (the last one wins) or guess it.
HIGHWIRE_TYPES = {
    "citation_journal_title": "journalArticle", "citation_technical_report_institution": "report",
    "citation_conference_title": "conferencePaper", "citation_conference": "conferencePaper",
    "citation_book_title": "bookSection", "citation_inbook_title": "bookSection",
    "citation_dissertation_institution": "thesis",
}
# RDF.js 697–718: og:type; "article" only guesses.
OG_TYPES = {"book": "book", "website": "webpage"}
# RDF.js 1242–1253: dc:type becomes every one of these.
TYPE_PROPERTIES = ("reportType", "letterType", "manuscriptType", "mapType", "thesisType", "websiteType",
                   "presentationType", "postType", "audioFileType")
# zotero-schema schema.json: the fields of each item type we emit, and base field → field.
SCHEMA = {
    "book": ("title abstractNote series seriesNumber volume numberOfVolumes edition place publisher date "
        "numPages "
             "language ISBN url extra", {}),
    "bookSection": ("title abstractNote bookTitle series seriesNumber volume numberOfVolumes edition place "
                    "publisher date pages language ISBN url extra", {"publicationTitle": "bookTitle"}),
    "computerProgram": ("title abstractNote seriesTitle versionNumber date system place company "
                        "programmingLanguage ISBN url extra", {"publisher": "company"}),
    "conferencePaper": ("title abstractNote date proceedingsTitle conferenceName place publisher volume "
        "pages "
                        "series language DOI ISBN url extra", {"publicationTitle": "proceedingsTitle"}),
    "dataset": ("title abstractNote identifier type versionNumber date repository repositoryLocation format "
        "DOI "
                "citationKey url language extra",
                {"number": "identifier", "publisher": "repository", "place": "repositoryLocation"}),
    "document": ("title abstractNote publisher date language url extra", {}),
    "journalArticle": ("title abstractNote publicationTitle volume issue pages date series seriesTitle "
                       "seriesText journalAbbreviation language DOI ISSN url extra", {}),
    "manuscript": ("title abstractNote manuscriptType place date numPages language url extra",
                   {"type": "manuscriptType"}),
    "report": ("title abstractNote reportNumber reportType seriesTitle place institution date pages language "
               "url extra", {"number": "reportNumber", "type": "reportType", "publisher": "institution"}),
    "thesis": ("title abstractNote thesisType university place date numPages language url extra",
               {"type": "thesisType", "publisher": "university"}),
    "webpage": ("title abstractNote websiteTitle websiteType date url language extra",
                {"publicationTitle": "websiteTitle", "type": "websiteType"}),
}
DOI_FIELD_TYPES = {"journalArticle", "conferencePaper", "dataset"}  # schema.json: types with a DOI field


def _creator(value: str, role: str) -> dict[str, str]:
    """ZU.cleanAuthor (zotero/utilities utilities.js 227–291) for "Last, First" names."""
    stripped = value.strip().rstrip(",")
    if "," in value:
        if "," not in stripped:  # "Landesamt für Umwelt,": one field (Zotero shows it as a body)
            return {"name": stripped, "creatorType": role}
        last, first = (p.strip() for p in stripped.split(",", 1))
        return {"firstName": first.split(",")[0].strip(), "lastName": last, "creatorType": role}
    first, _, last = stripped.rpartition(" ")
    return {"firstName": first, "lastName": last, "creatorType": role}


def zotero_import(page, page_url: str) -> dict:
    """The item Zotero makes from the page, as the translators' code reads our tags."""
    metas = [(m.get("name") or m.get("property"), m.get("content")) for m in page.head.find_all("meta")
             if (m.get("name") or m.get("property")) and m.get("content")]
    first: dict[str, str] = {}
    for name, value in metas:
        first.setdefault(name, value)
    hw_type = guess = None
    for name, _ in metas:  # Embedded Metadata.js 287–327
        short = name[name.rfind("citation_"):] if "citation_" in name else ""
        hw_type = HIGHWIRE_TYPES.get(short, hw_type)
        if short in ("citation_title", "citation_series_title"):
            guess = guess or "journalArticle"
        elif short == "citation_isbn":
            guess = "book"
    dc_type = first.get("DC.type")
    rdf_type = (first.get("z.itemType") or OG_TYPES.get(first.get("og:type", "")) or
                (dc_type if dc_type in SCHEMA else None) or guess)  # RDF.js 815–818
    item_type = hw_type or rdf_type
    item: dict[str, object] = {"itemType": item_type}
    # RDF.js importItem, for the tags our pages use
    for field, tag in (("edition", "prism.edition"), ("numPages", "bibo.numPages"),
                       ("numberOfVolumes", "bibo.numVolumes"), ("place", "eprints.place_of_pub"),
                       ("publicationTitle", "prism.publicationName"), ("abstractNote", "og:description")):
        if tag in first:
            item[field] = first[tag]
    if "edition" in item:
        item["versionNumber"] = item["edition"]  # RDF.js 1026
    if item_type == "webpage" and "publicationTitle" not in item and "og:site_name" in first:
        item["publicationTitle"] = first["og:site_name"]  # RDF.js 966
    if dc_type:
        for field in TYPE_PROPERTIES:
            item[field] = dc_type
    for name, value in first.items():  # RDF.js 1412–1420
        if name.startswith("z.") and name != "z.itemType":
            item[name[2:]] = value
    # Embedded Metadata.js addHighwireMetadata (397–565)
    for tag, field in HIGHWIRE_MAPPINGS.items():
        values = [v for n, v in metas if n == tag]
        if values:
            item[field] = ", ".join(values) if field == "ISBN" else values[0]
    item["creators"] = [_creator(v, "author") for n, v in metas if n == "citation_author"] + \
        [_creator(v, "editor") for n, v in metas if n == "citation_editor"]
    if "citation_firstpage" in first:
        item["pages"] = first["citation_firstpage"] + (f"-{first['citation_lastpage']}"
                                                       if "citation_lastpage" in first else "")
    if "citation_issn" in first:
        item["ISSN"] = ", ".join(v for n, v in metas if n == "citation_issn")
    # addLowQualityMetadata (664–746) and finalDataCleanup (933–989)
    if "abstractNote" not in item and "description" in first:
        item["abstractNote"] = first["description"]
    item.setdefault("url", page_url)
    item.setdefault("language", page.html.get("lang"))
    if "DOI" in item and item_type not in DOI_FIELD_TYPES:
        item["extra"] = f"DOI: {item.pop('DOI')}"
    if "ISBN" in item:
        item["ISBN"] = re.sub(r"[^0-9X]", "", str(item["ISBN"]))
    # The item keeps the fields its type has (schema.json), base fields under their own name.
    fields, base = SCHEMA[item_type]
    kept = {"itemType": item_type, "creators": item["creators"], "tags": []}
    for name, value in item.items():
        name = base.get(name, name)
        if name in fields.split() and value:
            kept[name] = value
    return kept


@pytest.fixture(scope="module")
def types_site(tmp_path_factory):
    return build(make_project(tmp_path_factory.mktemp("types"), "bib-types"))


@pytest.mark.parametrize("key", sorted(RECORDED))
def test_zotero_imports_every_field(types_site, key):
    page = html(types_site, f"publikationen/{key}")
    expected = {k: v for k, v in RECORDED[key].items() if k != "shortTitle"}
    assert zotero_import(page, f"http://127.0.0.1:8000/publikationen/{key}/") == expected


def test_the_recording_covers_eight_types():
    assert len({item["itemType"] for item in RECORDED.values()}) >= 8


@pytest.mark.parametrize(("key", "wanted"), [
    ("typ-artikel", {"title", "creators", "date", "publicationTitle", "volume", "issue", "pages", "ISSN",
                     "DOI",
                     "url", "language", "abstractNote"}),
    ("typ-buch", {"title", "creators", "date", "publisher", "place", "edition", "ISBN", "series",
                  "seriesNumber",
                  "numPages", "language", "abstractNote"}),
    ("typ-sammelband-beitrag", {"title", "creators", "bookTitle", "edition", "place", "publisher", "pages",
                                "ISBN", "extra"}),
    ("typ-bericht", {"title", "creators", "reportNumber", "reportType", "institution", "place", "seriesTitle",
                     "url"}),
    ("typ-dissertation", {"title", "creators", "thesisType", "university", "place", "date"}),
    ("typ-online", {"title", "creators", "websiteTitle", "url", "date"}),
    ("typ-tagungsbeitrag", {"title", "creators", "proceedingsTitle", "conferenceName", "publisher", "place",
                            "pages", "DOI"}),
])
def test_the_recorded_items_have_the_fields_of_the_bib(key, wanted):
    assert wanted <= set(RECORDED[key]), wanted - set(RECORDED[key])


def test_description_is_the_abstract_or_nothing(types_site):
    with_abstract = html(types_site, "publikationen/typ-artikel")
    description = [m["content"] for m in with_abstract.find_all("meta", attrs={"name": "description"})]
    assert description == ["Der Aufsatz beschreibt fiktive Konflikte um einen Windpark."]
    without = html(types_site, "publikationen/typ-bericht")
    assert not without.find("meta", attrs={"name": "description"})
    assert not without.find("meta", attrs={"property": "og:description"})
    assert not without.find("meta", attrs={"name": "author"})  # not the site's author either
    assert not without.find("meta", attrs={"property": "og:site_name"})
    assert "abstractNote" not in RECORDED["typ-bericht"]


def test_json_ld_is_complete(types_site):
    def ld(key):
        page = html(types_site, f"publikationen/{key}")
        return json.loads(page.find("script", type="application/ld+json").string)

    article = ld("typ-artikel")
    assert article["@type"] == "ScholarlyArticle"
    assert article["alternativeHeadline"] == "Konflikte und ihre Bearbeitung"
    assert article["isPartOf"] == {"@type": "PublicationIssue", "issueNumber": "3", "isPartOf": {
        "@type": "PublicationVolume", "volumeNumber": "12", "isPartOf": {
            "@type": "Periodical", "name": "Zeitschrift für fiktive Kommunalforschung", "issn": "1234-5679"}}}
    assert (article["pageStart"], article["pageEnd"], article["datePublished"]) == ("45", "67", "2021-03-15")
    assert article["identifier"]["value"] == "10.99999/fiktiv.2021.003" and article["inLanguage"] == "de"
    assert [a["familyName"] for a in article["author"]] == ["Beispiel", "van der Wiese"]
    book = ld("typ-buch")
    assert (book["@type"], book["isbn"], book["bookEdition"], book["numberOfPages"]) == (
        "Book", "978-3-00-000000-3", "3", "245")
    assert book["translator"] == [{"@type": "Person", "name": "Ulla Übersetzer", "familyName": "Übersetzer",
                                   "givenName": "Ulla"}]
    assert book["publisher"] == {"@type": "Organization", "name": "Fiktiver Verlag",
                                 "location": {"@type": "Place", "name": "Salzwedel"}}
    chapter = ld("typ-sammelband-beitrag")
    assert chapter["@type"] == "Chapter" and chapter["isPartOf"]["@type"] == "Book"
    assert [e["name"] for e in chapter["isPartOf"]["editor"]] == ["Hanna Herausgeberin", "Rolf Redakteur"]
    report = ld("typ-bericht")
    assert report["@type"] == "Report" and report["reportNumber"] == "4/2021"
    assert report["author"] == [{"@type": "Organization", "name": "Fiktives Landesamt für Umwelt"}]
    thesis = ld("typ-dissertation")
    assert thesis["@type"] == "Thesis" and thesis["inSupportOf"] == "Dissertation"
    assert thesis["sourceOrganization"]["name"] == "Fiktive Universität Salzwedel"
    assert ld("typ-online")["@type"] == "WebPage" and ld("typ-datensatz")["@type"] == "Dataset"


def test_others_is_never_a_creator_in_metadata(tmp_path):
    project = make_project(tmp_path)
    (project / "publications" / "x.bib").write_text(
        "@report{buth2015, author = {Buth, Mareike and Kahlenborn, Walter and others}, title = "
            "{Vulnerabilität}, "
        "type = {Climate Change}, number = {24/2015}, institution = {Umweltbundesamt}, year = 2015}\n",
        encoding="utf-8")
    page = html(build(project), "publikationen/buth2015")
    authors = [m["content"] for m in page.find_all("meta", attrs={"name": "citation_author"})]
    assert authors == ["Buth, Mareike", "Kahlenborn, Walter"]
    ld = json.loads(page.find("script", type="application/ld+json").string)
    assert [a["name"] for a in ld["author"]] == ["Mareike Buth", "Walter Kahlenborn"]
    shown = page.select_one(".k3b-citation").get_text() + page.select_one(".k3b-facts").get_text()
    assert "others" not in shown and "u. a." in shown
