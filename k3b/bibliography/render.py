"""Pages for publications: one per entry, and the listing grouped by year.

All text is escaped; links are only those that passed ``safe_link``/``doi_url``.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ..render import topic_chips
from ..topics import Vocabulary
from .german import edition
from .metadata import head_tags
from .model import NO_YEAR, Publication
from .style import natural_names

__all__ = ["head_tags", "newest_first", "page_html"]
LANGUAGE_NAMES = {"de": "Deutsch", "en": "Englisch", "fr": "Französisch", "it": "Italienisch",
                  "es": "Spanisch",
                  "nl": "Niederländisch", "pl": "Polnisch", "da": "Dänisch", "sv": "Schwedisch",
                  "pt": "Portugiesisch", "ru": "Russisch", "cs": "Tschechisch", "la": "Latein"}


def newest_first(publications: Iterable[Publication]) -> list[Publication]:
    by_title = sorted(publications, key=lambda p: (p.citation_text.casefold(), p.key))
    return sorted(by_title, key=lambda p: (p.sort_year, p.month or 0), reverse=True)


def facts(pub: Publication) -> list[tuple[str, str]]:
    """The page's table of facts: who, when, what kind, where it appeared, identifiers."""
    get = pub.field
    rows = []
    if pub.authors:
        rows.append(("Autorinnen und Autoren", natural_names(pub.authors, pub.more_authors)))
    if pub.editors:
        rows.append(("Herausgegeben von", natural_names(pub.editors, pub.more_editors)))
    if pub.translators:
        rows.append(("Übersetzt von", natural_names(pub.translators, pub.more_translators)))
    if not rows:
        rows.append(("Autorinnen und Autoren", "–"))
    rows += [("Jahr", pub.label_year or pub.year or NO_YEAR), ("Typ", pub.kind_label)]
    container = get("journaltitle") if pub.entry_type == "article" else get("booktitle")
    optional = [
        ("Erschienen in", container), ("Reihe", " ".join(v for v in (get("series"), get("number")) if v)
                                       if get("series") else ""),
        ("Auflage", edition(get("edition")) if get("edition") else ""), ("Ort", get("location")),
        ("Verlag", get("publisher")), ("Institution", get("institution") or get("organization")),
        ("Seiten", get("pages")), ("ISBN", get("isbn")), ("ISSN", get("issn")),
        ("Sprache", LANGUAGE_NAMES.get(pub.language, pub.language)),
    ]
    rows += [(label, value) for label, value in optional if value]
    rows.append(("Herkunft", "Publikation des K3B" if pub.own else "Zitierte Literatur"))
    return rows


def page_html(pub: Publication, vocabulary: Vocabulary, page_url: str) -> str:
    """The body of a publication's own page, as finished HTML (it needs no Markdown)."""
    table = "".join(f'<tr><th scope="row">{k}</th><td>{escape(v)}</td></tr>' for k, v in facts(pub))
    parts = [
        f'<p class="k3b-citation">{pub.citation_html}</p>',
        f'<table class="k3b-facts"><tbody>{table}</tbody></table>',
        topic_chips(pub.topics, vocabulary, page_url),
    ]
    if pub.abstract:
        lang = f' lang="{escape(pub.language)}"' if pub.language and pub.language != "de" else ""
        abstract = pub.abstract_html or escape(pub.abstract)
        parts.append(f'<h2 id="zusammenfassung">Zusammenfassung</h2><p{lang}>{abstract}</p>')
    links = [(label, href) for label, href in (("DOI", pub.doi), ("Webseite", pub.url), ("PDF", pub.pdf))
             if href] + list(pub.links)
    if links:
        items = "".join(f'<li><a href="{escape(href, quote=True)}">{escape(label)}</a></li>'
                        for label, href in links)
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
