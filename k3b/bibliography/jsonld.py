"""schema.org JSON-LD for a publication page: every field the .bib has that schema.org can say.

Types after biblatex's: ScholarlyArticle, Book, Chapter, Report, Thesis, WebPage, Dataset …;
an article is part of its issue, volume and periodical (as Google's documentation for
scholarly articles nests them), a chapter part of its book with the book's editors.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from .model import Name, Publication

SCHEMA_TYPES = {
    "article": "ScholarlyArticle", "book": "Book", "mvbook": "Book", "booklet": "Book", "manual": "Book",
    "collection": "Book", "mvcollection": "Book", "proceedings": "Book", "mvproceedings": "Book",
    "reference": "Book", "mvreference": "Book", "inbook": "Chapter", "bookinbook": "Book",
    "suppbook": "Chapter", "incollection": "Chapter", "suppcollection": "Chapter", "inreference": "Chapter",
    "inproceedings": "Chapter", "report": "Report", "thesis": "Thesis", "online": "WebPage",
    "dataset": "Dataset", "software": "SoftwareApplication", "periodical": "PublicationIssue",
    "unpublished": "Manuscript", "movie": "Movie", "audio": "AudioObject", "video": "VideoObject",
    "image": "ImageObject", "artwork": "VisualArtwork", "legislation": "Legislation",
    "letter": "Message", "review": "Review",
}
BOOK_PARTS = frozenset({"inbook", "bookinbook", "suppbook", "incollection", "suppcollection", "inreference"})
PAGES = re.compile(r"^\s*([^\s–-]+)(?:\s*[–-]+\s*([^\s,–-]+))?")


def full_title(pub: Publication) -> str:
    """``Titel: Untertitel. Zusatz``, the form Zotero and Google Scholar keep a title in."""
    title, subtitle, addon = pub.title, pub.field("subtitle"), pub.field("titleaddon")
    if subtitle:
        title = f"{title}{'' if title.endswith(('?', '!', ':')) else ':'} {subtitle}"
    if addon:
        title = f"{title}{'' if title.endswith(('?', '!', '.')) else '.'} {addon}"
    return title


def page_range(pages: str) -> tuple[str, str]:
    """``45–67`` → (45, 67); several ranges (``431–456, 791–823``) → first and last page."""
    ranges = [PAGES.match(part) for part in pages.split(",")]
    ranges = [m for m in ranges if m]
    if not ranges:
        return "", ""
    first = ranges[0].group(1)
    last = ranges[-1].group(2) or (ranges[-1].group(1) if len(ranges) > 1 else "")
    return first, last


def joined_title(title: str, subtitle: str) -> str:
    return f"{title}: {subtitle}" if subtitle else title


def bare_doi(url: str) -> str:
    return unquote(url.removeprefix("https://doi.org/"))


def _person(name: Name) -> dict[str, str]:
    if name.first or name.prefix:
        person = {"@type": "Person", "name": name.natural(), "familyName": name.full_family()}
        if name.first:
            person["givenName"] = name.first
        if name.suffix:
            person["honorificSuffix"] = name.suffix
        return person
    return {"@type": "Organization", "name": name.last}


def json_ld(pub: Publication, page_url: str) -> dict[str, Any]:
    """schema.org for the work: every field the .bib has that schema.org can say."""
    get = pub.field
    kind = pub.entry_type
    data: dict[str, Any] = {
        "@context": "https://schema.org", "@type": SCHEMA_TYPES.get(kind, "CreativeWork"),
        "@id": page_url + "#werk", "url": page_url, "mainEntityOfPage": page_url, "name": pub.title,
        "headline": full_title(pub)[:110],
    }
    if get("subtitle"):
        data["alternativeHeadline"] = get("subtitle")
    for role, names in (("author", pub.authors), ("editor", pub.editors), ("translator", pub.translators)):
        if names and not (role == "editor" and kind in BOOK_PARTS | {"inproceedings"} and pub.authors):
            data[role] = [_person(n) for n in names]
    if pub.date or pub.year:
        data["datePublished"] = pub.date or pub.year
    if pub.language:
        data["inLanguage"] = pub.language
    if pub.abstract:
        data["abstract"] = pub.abstract
    if pub.keywords:
        data["keywords"] = list(pub.keywords)
    publisher = get("publisher") or get("organization") or (get("institution") if kind == "report" else "")
    if publisher:
        data["publisher"] = _organisation(publisher, get("location"))
    if kind in ("thesis", "report") and get("institution"):
        data["sourceOrganization"] = _organisation(get("institution"), get("location"))
    if kind == "thesis" and (pub.kind or pub.type_label):
        data["inSupportOf"] = pub.kind or pub.type_label
    if kind == "report" and get("number"):
        data["reportNumber"] = get("number")
    if get("edition"):
        data["bookEdition" if data["@type"] == "Book" else "version"] = get("edition")
    if get("version"):
        data["version"] = get("version")
    if get("isbn") and data["@type"] == "Book":
        data["isbn"] = get("isbn")
    if get("pagetotal"):
        data["numberOfPages"] = get("pagetotal")
    first, last = page_range(get("pages"))
    if first:
        data["pagination"] = get("pages")
        data["pageStart"] = first
        if last:
            data["pageEnd"] = last
    if pub.doi:
        data["identifier"] = {"@type": "PropertyValue", "propertyID": "DOI", "value": bare_doi(pub.doi)}
    same = [link for link in (pub.doi, pub.url) if link.startswith("http")]
    if same:
        data["sameAs"] = same if len(same) > 1 else same[0]
    if pub.pdf.startswith("http"):
        data["associatedMedia"] = {"@type": "MediaObject", "contentUrl": pub.pdf,
                                   "encodingFormat": "application/pdf"}
    part_of = _part_of(pub)
    if part_of:
        data["isPartOf"] = part_of
    return data


def _organisation(name: str, place: str) -> dict[str, Any]:
    organisation: dict[str, Any] = {"@type": "Organization", "name": name}
    if place:
        organisation["location"] = {"@type": "Place", "name": place}
    return organisation


def _part_of(pub: Publication) -> dict[str, Any] | None:
    get = pub.field
    if pub.entry_type == "article" and get("journaltitle"):
        periodical: dict[str, Any] = {"@type": "Periodical", "name": get("journaltitle")}
        if get("issn"):
            periodical["issn"] = get("issn")
        node = periodical
        if get("volume"):
            node = {"@type": "PublicationVolume", "volumeNumber": get("volume"), "isPartOf": node}
        issue = get("number") or get("issue")
        if issue:
            node = {"@type": "PublicationIssue", "issueNumber": issue, "isPartOf": node}
        return node
    if get("booktitle"):
        book: dict[str, Any] = {"@type": "Book", "name": joined_title(get("booktitle"), get("booksubtitle"))}
        if pub.editors:
            book["editor"] = [_person(n) for n in pub.editors]
        for key, field in (("isbn", "isbn"), ("bookEdition", "edition")):
            if get(field):
                book[key] = get(field)
        if get("publisher"):
            book["publisher"] = _organisation(get("publisher"), get("location"))
        return book
    if get("series"):
        series: dict[str, Any] = {"@type": "CreativeWorkSeries", "name": get("series")}
        return series
    return None
