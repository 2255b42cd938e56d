"""Placeholders in Markdown that the build fills with listings.

Staff place them in a page, one per line:

- ``<!-- k3b:liste typ=artikel -->``: all articles, newest first, in pages of 50
  (``typ=fallbeispiele`` for case studies, ``typ=publikationen``, ``anzahl=5`` for the
  newest five only);
- ``<!-- k3b:themen -->``: the topics with their number of articles, case studies and
  publications, each linking to its hub.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .content import Kind
from .listings import ARTICLES_PER_PAGE, PUBLICATIONS_PER_PAGE, Paging, pager_html
from .problems import ProblemList
from .render import item_list

if TYPE_CHECKING:
    from .site import Site

MARKER = re.compile(r"^<!--\s*k3b:(?P<name>[\w-]+)(?P<args>[^>]*?)\s*-->[ \t]*$", re.MULTILINE)
ARG = re.compile(r"(\w+)=(\S+)")
KINDS = {"artikel": Kind.ARTICLE, "fallbeispiele": Kind.CASE_STUDY}
SECTION_URLS = {Kind.ARTICLE: "artikel/", Kind.CASE_STUDY: "fallbeispiele/"}


def _problem(match: re.Match[str]) -> str | None:
    """What is wrong with a marker, in German, or None."""
    name = match.group("name")
    args = dict(ARG.findall(match.group("args")))
    if name == "themen":
        return None
    if name != "liste":
        return f"unbekannter Platzhalter „k3b:{name}“ – erlaubt: liste, themen"
    if args.get("typ") not in KINDS and args.get("typ") != "publikationen":
        return "Platzhalter „k3b:liste“ braucht typ=artikel, typ=fallbeispiele oder typ=publikationen"
    if not args.get("anzahl", "0").isdigit():
        return f"„anzahl={args['anzahl']}“ ist keine Zahl"
    return None


def check_markers(markdown: str, path: str, problems: ProblemList, body_line: int = 1) -> None:
    """Report broken markers; runs with validation, before anything is rendered."""
    for match in MARKER.finditer(markdown):
        message = _problem(match)
        if message:
            problems.add(path, body_line + markdown.count("\n", 0, match.start()), message)


def expand_markers(markdown: str, site: Site, page_url: str) -> str:
    """Replace every valid marker in ``markdown`` (broken ones were reported before)."""

    from .hubs import publication_card, topic_counts, topic_overview

    def replace(match: re.Match[str]) -> str:
        if _problem(match):
            return ""
        if match.group("name") == "themen":
            return "\n" + topic_overview(site, topic_counts(site), page_url) + "\n"
        args = dict(ARG.findall(match.group("args")))
        if args["typ"] == "publikationen":
            pubs = site.publications()[: int(args.get("anzahl", PUBLICATIONS_PER_PAGE))]
            cards = "".join(publication_card(p, page_url, site.publication_url(p)) for p in pubs)
            return f'\n<ul class="k3b-pubs">{cards}</ul>\n'
        kind = KINDS[args["typ"]]
        items = site.index.of_kind(kind)
        limit = args.get("anzahl")
        if limit is not None:
            return "\n" + item_list(items[: int(limit)], site.vocabulary, page_url, 3) + "\n"
        # The full listing: page 1 here, the rest on generated pages /<section>/seite/<n>/.
        paging = Paging(SECTION_URLS[kind], len(items), ARTICLES_PER_PAGE)
        listing = item_list(list(paging.items(items, 1)), site.vocabulary, page_url)
        return "\n" + listing + "\n\n" + pager_html(paging, 1, page_url) + "\n"

    return MARKER.sub(replace, markdown)
