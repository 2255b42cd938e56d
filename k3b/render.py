"""Small HTML pieces every part of the site uses: German dates, relative links, topic chips.

Every value that comes from front matter is untrusted and escaped where it is written. Links
are relative to the page they appear on, so the site works under any base path.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from html import escape

from .topics import Topic, Vocabulary

MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember")


def german_date(date: dt.date) -> str:
    """``14. März 2025``."""
    return f"{date.day}. {MONTHS[date.month - 1]} {date.year}"


def german_month(date: dt.date) -> str:
    """``März 2025``."""
    return f"{MONTHS[date.month - 1]} {date.year}"


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
    return f'<ul class="k3b-topics" aria-label="Themen" data-pagefind-ignore>{chips}</ul>'


def jsonld_script(data: dict | None) -> str:
    """``<script type="application/ld+json">`` for ``data``; "" for None."""
    if not data:
        return ""
    # "</" must not appear inside <script>; json.dumps leaves "<" alone, so escape it.
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c")
    return f'<script type="application/ld+json">{payload}</script>'


def page_url(src: str) -> str:
    """The URL of the page made from ``src`` (below ``docs/``), with directory URLs as MkDocs
    makes them: ``artikel/x.md`` → ``artikel/x/``, ``artikel/index.md`` → ``artikel/``."""
    folder, _, name = src.rpartition("/")
    stem = name.rsplit(".", 1)[0]
    if stem in ("index", "README"):
        return f"{folder}/" if folder else ""
    return f"{folder}/{stem}/" if folder else f"{stem}/"
