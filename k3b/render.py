"""HTML snippets for listings and page headers.

Every value that comes from front matter is untrusted and escaped here. Links are
relative to the page they appear on, so the site works under any base path.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from html import escape

from .content import ContentItem, Kind
from .topics import Topic, Vocabulary

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember")


def german_date(date: dt.date) -> str:
    """``14. März 2025``."""
    return f"{date.day}. {MONTHS[date.month - 1]} {date.year}"


def relative_url(from_url: str, to_url: str) -> str:
    """Link from the page at ``from_url`` to ``to_url`` (both site-relative, as MkDocs has them).

    The same result as ``posixpath.relpath`` on the two paths, at a fifth of its cost:
    a build makes hundreds of thousands of these links.
    """
    from_dir = from_url if from_url.endswith("/") else posixpath.dirname(from_url)
    start = [part for part in from_dir.split("/") if part]
    parts = [part for part in to_url.split("/") if part]
    if "." in start or ".." in start or "." in parts or ".." in parts:
        target = posixpath.relpath(posixpath.normpath("/" + to_url), posixpath.normpath("/" + from_dir))
    else:
        common = 0
        for a, b in zip(start, parts, strict=False):
            if a != b:
                break
            common += 1
        target = "/".join([".."] * (len(start) - common) + parts[common:]) or "."
    if to_url.endswith("/") or to_url == "":
        target = "./" if target == "." else target + "/"
    return target


def topic_url(topic: Topic) -> str:
    """Where a topic chip leads: the topic's hub."""
    return f"themen/{topic.slug}/"


def topic_chips(slugs: tuple[str, ...], vocabulary: Vocabulary, page_url: str) -> str:
    topics = [t for t in (vocabulary.by_slug(s) for s in slugs) if t is not None]
    if not topics:
        return ""
    chips = "".join(
        f'<li><a class="k3b-chip" href="{escape(relative_url(page_url, topic_url(t)))}">'
        f"{escape(t.label)}</a></li>"
        for t in topics
    )
    return f'<ul class="k3b-topics" aria-label="Themen" data-search-exclude>{chips}</ul>'


def _meta_line(item: ContentItem) -> str:
    parts = []
    if item.date:
        parts.append(f'<time datetime="{item.date.isoformat()}">{german_date(item.date)}</time>')
    parts.append(escape(item.kind.value))
    if item.case:
        parts.append(escape(f"{item.case.kommune}, {item.case.bundesland}"))
        if item.case.fictional:
            parts.append('<span class="k3b-fictional">Fiktives Beispiel</span>')
    return " · ".join(parts)


def item_card(item: ContentItem, vocabulary: Vocabulary, page_url: str, level: int = 2) -> str:
    """One entry of a listing: title link, date and type, summary, topic chips."""
    href = escape(relative_url(page_url, item.url))
    return (
        f'<li class="k3b-card"><article>'
        f'<h{level} class="k3b-card__title"><a href="{href}">{escape(item.title)}</a></h{level}>'
        f'<p class="k3b-card__meta">{_meta_line(item)}</p>'
        f'<p class="k3b-card__summary">{escape(item.summary)}</p>'
        f"{topic_chips(item.topics, vocabulary, page_url)}"
        f"</article></li>"
    )


def item_list(items: list[ContentItem], vocabulary: Vocabulary, page_url: str, level: int = 2) -> str:
    if not items:
        return '<p class="k3b-empty">Noch keine Einträge.</p>'
    cards = "\n".join(item_card(item, vocabulary, page_url, level) for item in items)
    return f'<ul class="k3b-list">\n{cards}\n</ul>'


def item_header(item: ContentItem) -> str:
    """Date and authors under the title; for case studies, a table of the case's facts."""
    if item.kind is Kind.PAGE:
        return ""
    line = _meta_line(item)
    if item.authors:
        line += " · " + escape(", ".join(item.authors))
    html = f'<p class="k3b-byline">{line}</p>'
    if item.case:
        c = item.case
        rows = (
            ("Kommune", c.kommune), ("Landkreis", c.landkreis), ("Bundesland", c.bundesland),
            ("Zeitraum", c.period), ("Phase", c.phase), ("Beteiligte", ", ".join(c.actors)),
            ("Vorgehen", c.approach), ("Ergebnis", c.outcome),
        )
        body = "".join(f"<tr><th scope=\"row\">{k}</th><td>{escape(v)}</td></tr>" for k, v in rows)
        html += (
            '<table class="k3b-facts"><caption>Steckbrief des Falls</caption>'
            f"<tbody>{body}</tbody></table>"
        )
    return html
