"""Metadata in a publication page's ``<head>`` that reference managers read completely.

Zotero's „Embedded Metadata“ translator (translators/Embedded Metadata.js, also run by
translation-server) reads the Highwire Press ``citation_*`` tags Google Scholar
documents, and hands every other ``<meta name="prefix.field">`` of a known vocabulary
(Dublin Core, PRISM, EPrints, BIBO, Zotero's own) to its RDF translator (RDF.js). What
decides and fills what, with the translator's line numbers (commit ee1746de):

- item type: ``citation_journal_title`` → journalArticle, ``citation_technical_report_institution``
  → report, ``citation_conference_title`` → conferencePaper, ``citation_inbook_title`` →
  bookSection, ``citation_dissertation_institution`` → thesis; the last of them wins
  (Embedded Metadata.js 298–326, swapped in at 492–495). Without one of those, RDF decides
  (RDF.js 815): here ``z.itemType`` (RDF.js 497–507) for book, webpage, dataset …;
- Highwire fields (Embedded Metadata.js 42–64): title, date, publicationTitle, volume,
  issue, series, conferenceName, university, institution, number, publisher, ISBN,
  abstractNote, DOI, url, language; authors and editors (402–413), pages from
  ``citation_firstpage``/``citation_lastpage`` (466–490), ISSN (519–523);
- RDF fields: edition from ``prism.edition`` (RDF.js 1024), number of pages and volumes
  from ``bibo.numPages``/``bibo.numVolumes`` (1040, 1043), place from
  ``eprints.place_of_pub`` (1097), the report or thesis type from ``DC.type`` (1242–1253),
  a web page's site from ``prism.publicationName`` (948; else ``og:site_name``, 966), any
  other Zotero field from ``z.<field>`` (1412–1420: ``seriesNumber``, a report's
  ``seriesTitle``). Which fields a type has comes from zotero-schema's ``schema.json``.

A page without an abstract has no description at all (the template leaves out the site's):
the translator takes ``description`` as the abstract (Embedded Metadata.js 709–713).
Translators cannot come in through these tags: the translator keeps Highwire's creators
and uses the RDF ones only to mark editors (414–435). ``tests/test_bib_metadata.py`` holds the same rules as a
table; the README of ``tests/fixtures/bib-types`` records what Zotero really imported.
"""

from __future__ import annotations

import json
from html import escape

from .jsonld import bare_doi, full_title, joined_title, json_ld, page_range
from .model import Publication

# The item type Zotero gives each biblatex type: as its own BibTeX import does
# (translators/BibTeX.js, bibtex2zoteroTypeMap), where that has the type.
ZOTERO_TYPES = {
    "article": "journalArticle", "book": "book", "mvbook": "book", "booklet": "book", "manual": "book",
    "collection": "book", "mvcollection": "book", "proceedings": "book", "mvproceedings": "book",
    "reference": "book", "mvreference": "book", "periodical": "book", "inbook": "bookSection",
    "bookinbook": "bookSection", "suppbook": "bookSection", "incollection": "bookSection",
    "suppcollection": "bookSection", "inreference": "bookSection", "inproceedings": "conferencePaper",
    "report": "report", "thesis": "thesis", "online": "webpage", "dataset": "dataset",
    "software": "computerProgram", "patent": "patent", "unpublished": "manuscript", "letter": "letter",
    "movie": "film", "artwork": "artwork", "audio": "audioRecording", "video": "videoRecording",
    "legislation": "bill", "jurisdiction": "case",
}
# Item types a Highwire tag decides (Embedded Metadata.js 298–326).
HIGHWIRE_TYPES = frozenset({"journalArticle", "bookSection", "conferencePaper", "report", "thesis"})
# The vocabularies of the RDF tags, declared as Dublin Core in HTML asks.
SCHEMAS = (("DC", "http://purl.org/dc/elements/1.1/"), ("PRISM", "http://prismstandard.org/namespaces/1.2/basic/"),
           ("eprints", "http://purl.org/eprint/terms/"), ("bibo", "http://purl.org/ontology/bibo/"),
           ("z", "http://www.zotero.org/namespaces/export#"))


def zotero_type(pub: Publication) -> str:
    if pub.entry_type == "inbook" and not pub.field("booktitle"):
        return "book" if not pub.field("chapter") and not pub.field("pages") else "bookSection"
    return ZOTERO_TYPES.get(pub.entry_type, "document")


def highwire(pub: Publication) -> list[tuple[str, str]]:
    """Highwire ``citation_*`` tags plus the RDF tags Zotero reads, in an order that matters:
    the type-deciding tag of a conference paper comes after ``citation_inbook_title``."""
    kind = zotero_type(pub)
    get = pub.field
    meta = [("citation_title", full_title(pub))]
    meta += [("citation_author", n.for_metadata()) for n in pub.authors]
    editors = pub.editors if kind in ("bookSection", "conferencePaper", "book") or not pub.authors else ()
    meta += [("citation_editor", n.for_metadata()) for n in editors]
    if pub.date:
        meta.append(("citation_publication_date", pub.date.replace("-", "/")))
    elif pub.year:
        meta.append(("citation_publication_date", pub.year))
    if kind == "journalArticle" and get("journaltitle"):
        meta.append(("citation_journal_title", get("journaltitle")))
    if kind in ("bookSection", "conferencePaper") and get("booktitle"):
        meta.append(("citation_inbook_title", joined_title(get("booktitle"), get("booksubtitle"))))
    if kind == "bookSection" and not get("booktitle") and pub.entry_type == "inbook":
        meta.append(("citation_inbook_title", pub.title))
    if kind == "conferencePaper":
        meta.append(("citation_conference_title", get("eventtitle") or get("booktitle") or full_title(pub)))
    if get("volume"):
        meta.append(("citation_volume", get("volume")))
    if kind == "journalArticle" and (get("number") or get("issue")):
        meta.append(("citation_issue", get("number") or get("issue")))
    first, last = page_range(get("pages"))
    if first:
        meta.append(("citation_firstpage", first))
    if last:
        meta.append(("citation_lastpage", last))
    if kind == "report":
        if get("institution"):
            meta.append(("citation_technical_report_institution", get("institution")))
        if get("number"):
            meta.append(("citation_technical_report_number", get("number")))
    elif kind == "thesis" and get("institution"):
        meta.append(("citation_dissertation_institution", get("institution")))
    elif kind == "patent" and get("number"):
        meta.append(("citation_technical_report_number", get("number")))
    publisher = get("publisher") or (get("organization") if kind not in ("report", "thesis") else "")
    if publisher:
        meta.append(("citation_publisher", publisher))
    if get("series") and kind != "report":
        meta.append(("citation_series_title", get("series")))
    for name, field in (("citation_isbn", "isbn"), ("citation_issn", "issn")):
        if get(field):
            meta.append((name, get(field)))
    if pub.doi:
        meta.append(("citation_doi", bare_doi(pub.doi)))
    url = pub.url or next((href for _label, href in pub.links), "")
    if url.startswith("http"):
        meta.append(("citation_public_url", url))  # the work's own address (arXiv, Handle …)
    if pub.pdf.startswith("http"):
        meta.append(("citation_pdf_url", pub.pdf))
    if pub.language:
        meta.append(("citation_language", pub.language))
    if pub.keywords:
        meta.append(("citation_keywords", "; ".join(pub.keywords)))
    if pub.abstract:
        meta.append(("citation_abstract", pub.abstract))
    meta += _rdf(pub, kind)
    return meta


def _rdf(pub: Publication, kind: str) -> list[tuple[str, str]]:
    """What Highwire has no tag for, in the vocabularies Zotero's RDF translator reads."""
    get = pub.field
    meta = []
    if kind in ("report", "thesis", "patent") and (pub.kind or pub.type_label):
        meta.append(("DC.type", pub.kind or pub.type_label))  # becomes reportType, thesisType
    if kind not in HIGHWIRE_TYPES:
        # No Highwire tag decides these types. Zotero's own vocabulary does, without the
        # side effect of DC.type (which would also become websiteType, manuscriptType …).
        meta.append(("z.itemType", kind))
    edition = get("edition") or (get("version") if kind in ("computerProgram", "dataset") else "")
    if edition:
        meta.append(("prism.edition", edition))
    if get("location"):
        meta.append(("eprints.place_of_pub", get("location")))
    if get("pagetotal"):
        meta.append(("bibo.numPages", get("pagetotal")))
    if get("volumes"):
        meta.append(("bibo.numVolumes", get("volumes")))
    if kind == "webpage" and (get("organization") or get("publisher")):
        meta.append(("prism.publicationName", get("organization") or get("publisher")))
    if get("series") and get("number") and kind not in ("report", "patent", "journalArticle"):
        meta.append(("z.seriesNumber", get("number")))
    if get("series") and kind == "report":
        meta.append(("z.seriesTitle", get("series")))  # a report has no "series" in Zotero
    return meta


def head_tags(pub: Publication, page_url_absolute: str) -> str:
    """Highwire ``citation_*`` tags, the RDF tags Zotero reads, and schema.org JSON-LD."""
    links = [f'<link rel="schema.{prefix}" href="{href}">' for prefix, href in SCHEMAS]
    tags = [f'<meta name="{n}" content="{escape(v, quote=True)}">' for n, v in highwire(pub)]
    # "</" must not appear inside <script>; json.dumps leaves "<" alone, so escape it.
    payload = json.dumps(json_ld(pub, page_url_absolute), ensure_ascii=False).replace("<", "\\u003c")
    tags.append(f'<script type="application/ld+json">{payload}</script>')
    return "\n".join(links + tags)
