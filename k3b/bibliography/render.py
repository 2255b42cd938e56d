"""Pages for publications: one per entry, and the listing grouped by year.

All text is escaped; links are only those that passed ``safe_link``/``doi_url``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from html import escape
from urllib.parse import unquote

from ..render import topic_chips
from ..topics import Vocabulary
from .model import NO_YEAR, Publication

SCHEMA_TYPES = {"article": "ScholarlyArticle", "book": "Book", "incollection": "Chapter",
                "inbook": "Chapter", "techreport": "Report", "report": "Report"}


def newest_first(publications: Iterable[Publication]) -> list[Publication]:
    by_title = sorted(publications, key=lambda p: (p.citation_text.casefold(), p.key))
    return sorted(by_title, key=lambda p: (p.sort_year, p.month or 0), reverse=True)


def page_html(pub: Publication, vocabulary: Vocabulary, page_url: str) -> str:
    """The body of a publication's own page, as finished HTML (it needs no Markdown)."""
    names = ", ".join(n.natural() for n in pub.authors or pub.editors) or "–"
    rows = [("Autorinnen und Autoren" if pub.authors else "Herausgegeben von", names),
            ("Jahr", pub.year or NO_YEAR), ("Typ", pub.type_label),
            ("Herkunft", "Publikation des K3B" if pub.own else "Zitierte Literatur")]
    facts = "".join(f'<tr><th scope="row">{k}</th><td>{escape(v)}</td></tr>' for k, v in rows)
    parts = [
        f'<p class="k3b-citation">{pub.citation_html}</p>',
        f'<table class="k3b-facts"><tbody>{facts}</tbody></table>',
        topic_chips(pub.topics, vocabulary, page_url),
    ]
    if pub.abstract:
        lang = f' lang="{pub.language}"' if pub.language and pub.language != "de" else ""
        parts.append(f'<h2 id="zusammenfassung">Zusammenfassung</h2><p{lang}>{escape(pub.abstract)}</p>')
    links = [(label, href) for label, href in (("DOI", pub.doi), ("Webseite", pub.url), ("PDF", pub.pdf))
             if href]
    if links:
        items = "".join(f'<li><a href="{escape(href, quote=True)}">{label}</a></li>' for label, href in links)
        parts.append(f'<h2 id="links">Links</h2><ul class="k3b-links">{items}</ul>')
    # Plain, escaped code (Material adds the copy button to every pre > code); kept out of the
    # search index, which would otherwise hold every entry's BibTeX twice.
    parts.append(
        '<h2 id="bibtex">BibTeX</h2>'
        f'<div class="highlight" data-pagefind-ignore><pre><code class="language-bibtex">'
        f"{escape(pub.bibtex.strip())}</code></pre></div>"
        f'<p><a class="md-button" href="{escape(pub.slug)}.bib" download>'
        f"Eintrag als .bib herunterladen</a></p>"
    )
    return "\n\n".join(p for p in parts if p) + "\n"


def head_tags(pub: Publication, page_url_absolute: str) -> str:
    """Highwire Press ``citation_*`` meta tags and schema.org JSON-LD for ``<head>``."""
    meta = [("citation_title", pub.title)]
    meta += [("citation_author", n.inverted()) for n in pub.authors]
    if pub.year:
        date = f"{pub.year}/{pub.month:02d}" if pub.month else pub.year
        meta.append(("citation_publication_date", date))
    for name, field in (("citation_journal_title", "journal"), ("citation_publisher", "publisher"),
                        ("citation_volume", "volume"), ("citation_issue", "number"),
                        ("citation_technical_report_institution", "institution"),
                        ("citation_inbook_title", "booktitle")):
        if pub.field(field):
            meta.append((name, pub.field(field)))
    if pub.doi:
        meta.append(("citation_doi", unquote(pub.doi.removeprefix("https://doi.org/"))))
    if pub.pdf and pub.pdf.startswith("http"):
        meta.append(("citation_pdf_url", pub.pdf))
    if pub.language:
        meta.append(("citation_language", pub.language))
    tags = [f'<meta name="{n}" content="{escape(v, quote=True)}">' for n, v in meta]
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(pub.entry_type, "CreativeWork"),
        "name": pub.title,
        "url": page_url_absolute,
        "author": [_person(n) for n in pub.authors],
    }
    if pub.year:
        data["datePublished"] = pub.year
    if pub.doi:
        data["sameAs"] = pub.doi
    if pub.field("publisher") or pub.field("institution"):
        data["publisher"] = {"@type": "Organization",
                             "name": pub.field("publisher") or pub.field("institution")}
    if pub.field("journal"):
        data["isPartOf"] = {"@type": "Periodical", "name": pub.field("journal")}
    if pub.abstract:
        data["abstract"] = pub.abstract
    # "</" must not appear inside <script>; json.dumps leaves "<" alone, so escape it.
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    tags.append(f'<script type="application/ld+json">{payload}</script>')
    return "\n".join(tags)


def _person(name) -> dict[str, str]:
    if name.first:
        return {"@type": "Person", "name": name.natural(), "familyName": name.last,
                "givenName": name.first}
    return {"@type": "Organization", "name": name.last}
