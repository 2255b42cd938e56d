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


def _problem(match: re.Match[str]) -> str | None:
    """What is wrong with a marker, in German, or None."""
    name = match.group("name")
    args = dict(ARG.findall(match.group("args")))
    if name == "themen":
        return None
    if name != "liste":
        return f"unbekannter Platzhalter „k3b:{name}“ – erlaubt: liste, themen"
    if args.get("typ") not in KINDS:
        return "Platzhalter „k3b:liste“ braucht typ=artikel oder typ=fallbeispiele"
    if not args.get("anzahl", "0").isdigit():
        return f"„anzahl={args['anzahl']}“ ist keine Zahl"
    return None


def check_markers(markdown: str, path: str, problems: ProblemList, body_line: int = 1) -> None:
    """Report broken markers; runs with validation, before anything is rendered."""
    for match in MARKER.finditer(markdown):
        message = _problem(match)
        if message:
            problems.add(path, body_line + markdown.count("\n", 0, match.start()), message)


def expand_markers(markdown: str, index: ContentIndex, page_url: str) -> str:
    """Replace every valid marker in ``markdown`` (broken ones were reported before)."""

    def replace(match: re.Match[str]) -> str:
        if _problem(match):
            return ""
        if match.group("name") == "themen":
            return _topics(index, page_url)
        args = dict(ARG.findall(match.group("args")))
        items = index.of_kind(KINDS[args["typ"]])
        limit = args.get("anzahl")
        if limit is not None:
            items = items[: int(limit)]
        level = 3 if limit is not None else 2
        return "\n" + item_list(items, index.vocabulary, page_url, level) + "\n"

    return MARKER.sub(replace, markdown)


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
