"""Placeholders in Markdown that the build fills with listings.

Staff place them in a page, one per line:

- ``<!-- k3b:liste typ=artikel -->``: all articles, newest first
  (``typ=fallbeispiele`` for case studies, ``anzahl=5`` for the newest five only);
- ``<!-- k3b:themen -->``: the topics with their number of articles and case studies.
"""

from __future__ import annotations

import re
from html import escape

from .content import Kind
from .index import ContentIndex
from .problems import ProblemList
from .render import item_list, relative_url, topic_url

MARKER = re.compile(r"^<!--\s*k3b:(?P<name>[\w-]+)(?P<args>[^>]*?)\s*-->[ \t]*$", re.MULTILINE)
ARG = re.compile(r"(\w+)=(\S+)")
KINDS = {"artikel": Kind.ARTICLE, "fallbeispiele": Kind.CASE_STUDY}


def expand_markers(
    markdown: str,
    index: ContentIndex,
    page_url: str,
    path: str,
    problems: ProblemList,
    body_line: int = 1,
) -> str:
    """Replace every marker in ``markdown``; unknown markers or arguments become problems."""

    def replace(match: re.Match[str]) -> str:
        line = body_line + markdown.count("\n", 0, match.start())
        args = dict(ARG.findall(match.group("args")))
        name = match.group("name")
        if name == "liste":
            return _listing(args, index, page_url, path, line, problems)
        if name == "themen":
            return _topics(index, page_url)
        problems.add(path, line, f"unbekannter Platzhalter „k3b:{name}“ – erlaubt: liste, themen")
        return ""

    return MARKER.sub(replace, markdown)


def _listing(args, index, page_url, path, line, problems) -> str:
    kind = KINDS.get(args.get("typ", ""))
    if kind is None:
        problems.add(path, line, "Platzhalter „k3b:liste“ braucht typ=artikel oder typ=fallbeispiele")
        return ""
    limit = args.get("anzahl")
    if limit is not None and not limit.isdigit():
        problems.add(path, line, f"„anzahl={limit}“ ist keine Zahl")
        return ""
    items = index.of_kind(kind)
    if limit is not None:
        items = items[: int(limit)]
    level = 3 if limit is not None else 2
    return "\n" + item_list(items, index.vocabulary, page_url, level) + "\n"


def _topics(index: ContentIndex, page_url: str) -> str:
    articles = index.topic_counts(Kind.ARTICLE)
    cases = index.topic_counts(Kind.CASE_STUDY)
    cards = []
    for topic in index.vocabulary.topics:
        href = escape(relative_url(page_url, topic_url(topic)))
        cards.append(
            f'<li class="k3b-topic"><a href="{href}"><span class="k3b-topic__label">'
            f"{escape(topic.label)}</span></a>"
            f'<p class="k3b-topic__count">{_count(articles[topic.slug], "Artikel", "Artikel")}, '
            f'{_count(cases[topic.slug], "Fallbeispiel", "Fallbeispiele")}</p>'
            f'<p class="k3b-topic__description">{escape(topic.description)}</p></li>'
        )
    return '\n<ul class="k3b-topic-grid">' + "".join(cards) + "</ul>\n"


def _count(number: int, singular: str, plural: str) -> str:
    return f"{number} {singular if number == 1 else plural}"
