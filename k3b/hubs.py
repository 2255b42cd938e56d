"""Topic hubs: one page per topic joining articles, case studies and publications.

A hub shows the newest few of each type (its size does not grow with the site) and links
to the full, paged listing of the topic for each type.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import escape

from .bibliography.model import Publication
from .content import Kind
from .render import item_list, relative_url, topic_url
from .site import Site, publication_date
from .topics import Topic

HUB_LIMIT = 5
CHART_YEARS = 12


@dataclass(frozen=True)
class TopicCounts:
    articles: int
    case_studies: int
    publications: int

    @property
    def total(self) -> int:
        return self.articles + self.case_studies + self.publications


def topic_counts(site: Site) -> dict[str, TopicCounts]:
    """Items per topic and type, for every topic of the vocabulary (also those with none)."""
    articles = site.index.topic_counts(Kind.ARTICLE)
    cases = site.index.topic_counts(Kind.CASE_STUDY)
    pubs: Counter[str] = Counter()
    for pub in site.bibliography.entries.values():
        pubs.update(pub.topics)
    return {t.slug: TopicCounts(articles[t.slug], cases[t.slug], pubs[t.slug])
            for t in site.vocabulary.topics}


def count_text(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def counts_text(counts: TopicCounts) -> str:
    return ", ".join((count_text(counts.articles, "Artikel", "Artikel"),
                      count_text(counts.case_studies, "Fallbeispiel", "Fallbeispiele"),
                      count_text(counts.publications, "Publikation", "Publikationen")))


def topic_overview(site: Site, counts: dict[str, TopicCounts], page_url: str) -> str:
    """The topic cards of ``/themen/`` and the start page: label, counts, description."""
    cards = []
    for topic in site.vocabulary.topics:
        href = escape(relative_url(page_url, topic_url(topic)))
        cards.append(
            f'<li class="k3b-topic"><a href="{href}"><span class="k3b-topic__label">'
            f"{escape(topic.label)}</span></a>"
            f'<p class="k3b-topic__count">{counts_text(counts[topic.slug])}</p>'
            f'<p class="k3b-topic__description">{escape(topic.description)}</p></li>'
        )
    return '<ul class="k3b-topic-grid">' + "".join(cards) + "</ul>"


def publication_card(pub: Publication, page_url: str, url: str) -> str:
    href = escape(relative_url(page_url, url))
    return (f'<li class="k3b-pub"><a href="{href}">{pub.citation_html}</a>'
            f'<span class="k3b-pub__type">{escape(pub.type_label)}</span></li>')


def topic_listing_url(topic: Topic, what: str) -> str:
    """The full listing of one type for a topic: ``themen/<slug>/artikel/``."""
    return f"{topic_url(topic)}{what}/"


def hub_sections(site: Site, topic: Topic, counts: TopicCounts, page_url: str) -> str:
    """Everything below a hub's intro (the vocabulary's description if staff wrote none)."""
    intro = "" if topic.slug in site.intros else f'<p class="k3b-hub__intro">{escape(topic.description)}</p>'
    if counts.total == 0:
        return intro + ('<p class="k3b-empty">Zu diesem Thema gibt es noch keine Inhalte. Neue Artikel, '
                        "Fallbeispiele und Publikationen erscheinen hier automatisch.</p>")
    feed = escape(relative_url(page_url, f"{topic_url(topic)}feed.xml"))
    parts = [intro, f'<p class="k3b-hub__counts">{counts_text(counts)} · '
             f'<a class="k3b-feed-link" href="{feed}">Thema abonnieren (Atom-Feed)</a></p>']
    sections = (
        ("artikel", "Neueste Artikel", "Alle Artikel zum Thema", counts.articles,
         lambda: item_list(site.index.of_kind(Kind.ARTICLE, topic.slug)[:HUB_LIMIT],
                           site.vocabulary, page_url, 3)),
        ("fallbeispiele", "Fallbeispiele", "Alle Fallbeispiele zum Thema", counts.case_studies,
         lambda: item_list(site.index.of_kind(Kind.CASE_STUDY, topic.slug)[:HUB_LIMIT],
                           site.vocabulary, page_url, 3)),
        ("publikationen", "Publikationen", "Alle Publikationen zum Thema", counts.publications,
         lambda: '<ul class="k3b-pubs">' + "".join(
             publication_card(p, page_url, site.publication_url(p))
             for p in site.publications(topic.slug)[:HUB_LIMIT]) + "</ul>"),
    )
    for what, heading, more, number, render in sections:
        parts.append(f'<h2 id="{what}">{heading}</h2>')
        if number == 0:
            parts.append('<p class="k3b-empty">Noch keine Einträge.</p>')
            continue
        parts.append(render())
        href = escape(relative_url(page_url, topic_listing_url(topic, what)))
        parts.append(f'<p><a class="k3b-more" href="{href}">{more} anzeigen ({number})</a></p>')
    parts.append(year_chart(site, topic))
    return "\n".join(parts)


def per_year(site: Site, topic: Topic) -> list[tuple[int, int, int]]:
    """(year, articles and case studies, publications) for the last CHART_YEARS years with data."""
    texts: Counter[int] = Counter()
    pubs: Counter[int] = Counter()
    for item in site.index.items.values():
        if item.kind is not Kind.PAGE and item.date and topic.slug in item.topics:
            texts[item.date.year] += 1
    for pub in site.bibliography.entries.values():
        date = publication_date(pub)
        if date and topic.slug in pub.topics:
            pubs[date.year] += 1
    years = sorted(set(texts) | set(pubs))
    if not years:
        return []
    last = years[-1]
    first = max(years[0], last - CHART_YEARS + 1)
    return [(y, texts[y], pubs[y]) for y in range(first, last + 1)]


def year_chart(site: Site, topic: Topic) -> str:
    """A small inline SVG bar chart with a table as its text alternative."""
    rows = per_year(site, topic)
    if not rows:
        return ""
    top = max(max(t, p) for _, t, p in rows) or 1
    bar, gap, height = 8, 6, 80
    width = len(rows) * (2 * bar + gap)
    bars = []
    for i, (year, texts, pubs) in enumerate(rows):
        x = i * (2 * bar + gap)
        for offset, value, css in ((0, texts, "k3b-bar--texts"), (bar, pubs, "k3b-bar--pubs")):
            h = round(height * value / top)
            bars.append(f'<rect class="{css}" x="{x + offset}" y="{height - h}" width="{bar}" height="{h}"/>')
        if i == 0 or i == len(rows) - 1:
            bars.append(f'<text x="{x}" y="{height + 12}">{year}</text>')
    svg = (f'<svg class="k3b-chart" viewBox="0 -4 {width} {height + 18}" role="img" '
           f'aria-labelledby="k3b-chart-title" focusable="false">'
           f'<title id="k3b-chart-title">Artikel, Fallbeispiele und Publikationen zum Thema '
           f'{escape(topic.label)} pro Jahr, {rows[0][0]} bis {rows[-1][0]}</title>{"".join(bars)}</svg>')
    body = "".join(f'<tr><th scope="row">{y}</th><td>{t}</td><td>{p}</td></tr>' for y, t, p in rows)
    table = ('<table class="k3b-chart-table"><caption>Inhalte pro Jahr</caption><thead><tr>'
             '<th scope="col">Jahr</th><th scope="col">Artikel und Fallbeispiele</th>'
             f'<th scope="col">Publikationen</th></tr></thead><tbody>{body}</tbody></table>')
    legend = ('<p class="k3b-chart-legend"><span class="k3b-key k3b-bar--texts"></span> Artikel und '
              'Fallbeispiele <span class="k3b-key k3b-bar--pubs"></span> Publikationen</p>')
    return (f'<h2 id="verlauf">Verlauf</h2><figure class="k3b-figure">{svg}{legend}'
            f"<details><summary>Daten als Tabelle</summary>{table}</details></figure>")
