"""Topic hubs: one page per topic joining every content type and the publications.

A hub shows the newest few of each type (its size does not grow with the site) and links
to the full, paged listing of the topic for each type. The sections come from the
content-type registry (types with ``on_hubs``) plus the publications, ordered by
``hub_order``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from .cards import item_list, publication_card
from .content import CONTENT_TYPES
from .render import relative_url, topic_url
from .site import PUBLICATIONS, Site, publication_date
from .topics import Topic

HUB_LIMIT = 5
CHART_YEARS = 12


@dataclass(frozen=True)
class Section:
    """One kind of thing a hub shows: a content type's items, or the publications."""

    name: str  # folder and listing URL part: "artikel", "publikationen"
    label: str
    plural: str
    heading: str
    order: int
    newest: Callable[[Site, Topic, str], str]  # (site, topic, page_url) → list HTML


def _items_section(kind) -> Section:
    def newest(site: Site, topic: Topic, page_url: str) -> str:
        items = site.index.of_kind(kind, topic.slug)
        shown = kind.shortlist(items, site.index.today)[:HUB_LIMIT]
        return (kind.hub_intro(items, site, page_url)
                + item_list(shown, site.vocabulary, page_url, 3, empty=kind.empty_text)
                + kind.hub_links(topic.slug, page_url))
    return Section(kind.name, kind.label, kind.plural, kind.hub_heading, kind.hub_order, newest)


def _publications_newest(site: Site, topic: Topic, page_url: str) -> str:
    return '<ul class="k3b-pubs">' + "".join(
        publication_card(p, page_url, site.publication_url(p))
        for p in site.publications(topic.slug)[:HUB_LIMIT]) + "</ul>"


_PUBLICATIONS = Section(PUBLICATIONS, "Publikation", "Publikationen", "Publikationen", 30,
                        _publications_newest)
SECTIONS: tuple[Section, ...] = tuple(sorted(
    [_items_section(kind) for kind in CONTENT_TYPES if kind.on_hubs] + [_PUBLICATIONS],
    key=lambda s: s.order))


@dataclass(frozen=True)
class TopicCounts:
    """Items of one topic per section name, in the order of ``SECTIONS``."""

    by_section: tuple[tuple[str, int], ...]

    def __getitem__(self, name: str) -> int:
        return dict(self.by_section)[name]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.by_section)


def topic_counts(site: Site) -> dict[str, TopicCounts]:
    """Items per topic and section, for every topic of the vocabulary (also those with none)."""
    per_section: dict[str, Counter[str]] = {}
    for kind in CONTENT_TYPES:
        if kind.on_hubs:
            per_section[kind.name] = site.index.topic_counts(kind)
    pubs: Counter[str] = Counter()
    for pub in site.bibliography.entries.values():
        pubs.update(pub.topics)
    per_section[PUBLICATIONS] = pubs
    return {t.slug: TopicCounts(tuple((s.name, per_section[s.name][t.slug]) for s in SECTIONS))
            for t in site.vocabulary.topics}


def count_text(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"


def counts_text(counts: TopicCounts) -> str:
    """„3 Artikel, 1 Fallbeispiel, 2 Publikationen“: the sections with anything in them."""
    parts = [count_text(counts[s.name], s.label, s.plural) for s in SECTIONS if counts[s.name]]
    return ", ".join(parts) or "noch keine Inhalte"


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


def topic_listing_url(topic: Topic, what: str) -> str:
    """The full listing of one section for a topic: ``themen/<slug>/artikel/``."""
    return f"{topic_url(topic)}{what}/"


def hub_sections(site: Site, topic: Topic, counts: TopicCounts, page_url: str) -> str:
    """Everything below a hub's intro (the vocabulary's description if staff wrote none)."""
    intro = "" if topic.slug in site.intros else f'<p class="k3b-hub__intro">{escape(topic.description)}</p>'
    if counts.total == 0:
        return intro + ('<p class="k3b-empty" data-pagefind-ignore>Zu diesem Thema gibt es noch keine '
                        f"Inhalte. Neue {_names(SECTIONS)} erscheinen hier automatisch.</p>")
    feed = escape(relative_url(page_url, f"{topic_url(topic)}feed.xml"))
    parts = [intro, f'<p class="k3b-hub__counts">{counts_text(counts)} · '
             f'<a class="k3b-feed-link" href="{feed}">Thema abonnieren (Atom-Feed)</a></p>']
    for section in SECTIONS:
        number = counts[section.name]
        parts.append(f'<h2 id="{section.name}">{section.heading}</h2>')
        if number == 0:
            parts.append('<p class="k3b-empty">Noch keine Einträge.</p>')
            continue
        parts.append(section.newest(site, topic, page_url))
        href = escape(relative_url(page_url, topic_listing_url(topic, section.name)))
        parts.append(f'<p><a class="k3b-more" href="{href}">Alle {section.plural} zum Thema anzeigen '
                     f"({number})</a></p>")
    parts.append(year_chart(site, topic))
    # The search finds a hub by its introduction; the listed items are found themselves.
    sections = "\n".join(parts[1:])
    return f'{intro}\n<div class="k3b-hub__sections" data-pagefind-ignore>\n{sections}\n</div>'


def _names(things) -> str:
    """„Artikel, Fallbeispiele und Publikationen“ from anything with a ``plural``."""
    plurals = [t.plural for t in things]
    return plurals[0] if len(plurals) == 1 else ", ".join(plurals[:-1]) + " und " + plurals[-1]


CHART_TYPES = tuple(kind for kind in CONTENT_TYPES if kind.in_year_chart)


def per_year(site: Site, topic: Topic) -> list[tuple[int, int, int]]:
    """(year, texts, publications) for the last CHART_YEARS years with data; texts are the
    items of the types counted in the chart (articles and case studies)."""
    texts: Counter[int] = Counter()
    pubs: Counter[int] = Counter()
    for item in site.index.items.values():
        if item.kind in CHART_TYPES and item.date and topic.slug in item.topics:
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
    texts = _names(CHART_TYPES)
    everything = _names((*CHART_TYPES, _PUBLICATIONS))
    top = max(max(t, p) for _, t, p in rows) or 1
    bar, gap, height = 8, 6, 80
    width = len(rows) * (2 * bar + gap)
    bars = []
    for i, (year, count, pubs) in enumerate(rows):
        x = i * (2 * bar + gap)
        for offset, value, css in ((0, count, "k3b-bar--texts"), (bar, pubs, "k3b-bar--pubs")):
            h = round(height * value / top)
            bars.append(f'<rect class="{css}" x="{x + offset}" y="{height - h}" width="{bar}" height="{h}"/>')
        if i == 0 or i == len(rows) - 1:
            bars.append(f'<text x="{x}" y="{height + 12}">{year}</text>')
    svg = (f'<svg class="k3b-chart" viewBox="0 -4 {width} {height + 18}" role="img" '
           f'aria-labelledby="k3b-chart-title" focusable="false">'
           f'<title id="k3b-chart-title">{everything} zum Thema '
           f'{escape(topic.label)} pro Jahr, {rows[0][0]} bis {rows[-1][0]}</title>{"".join(bars)}</svg>')
    body = "".join(f'<tr><th scope="row">{y}</th><td>{t}</td><td>{p}</td></tr>' for y, t, p in rows)
    table = ('<table class="k3b-chart-table"><caption>Inhalte pro Jahr</caption><thead><tr>'
             f'<th scope="col">Jahr</th><th scope="col">{texts}</th>'
             f'<th scope="col">Publikationen</th></tr></thead><tbody>{body}</tbody></table>')
    legend = (f'<p class="k3b-chart-legend"><span class="k3b-key k3b-bar--texts"></span> {texts} '
              '<span class="k3b-key k3b-bar--pubs"></span> Publikationen</p>')
    return (f'<h2 id="verlauf">Verlauf</h2><figure class="k3b-figure">{svg}{legend}'
            f"<details><summary>Daten als Tabelle</summary>{table}</details></figure>")
