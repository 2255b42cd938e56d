"""Drafts and scheduled publication: is an item published on the build date?

Every page of every type is one of three: a draft (``draft: true``), scheduled (its
publication date, normally ``date``, lies after the build date, ``k3b.builddate``) or
published. The published build (``make build``) leaves drafts and scheduled items out
entirely: no page, no listing, hub, feed, search entry, sitemap entry, related content or
„Zitiert in“. The preview (``make serve``) shows them, each with a banner.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from .render import german_date

PUBLISHED = ""
DRAFT = "draft"
SCHEDULED = "scheduled"


def status(draft: bool, release: dt.date | None, today: dt.date) -> str:
    """``DRAFT``, ``SCHEDULED`` or ``PUBLISHED`` (the empty string, so it reads as false)."""
    if draft:
        return DRAFT
    if release is not None and release > today:
        return SCHEDULED
    return PUBLISHED


@dataclass(frozen=True, slots=True)
class Withheld:
    """A page the published build leaves out, and why."""

    url: str
    status: str  # DRAFT or SCHEDULED
    release: dt.date | None = None
    item: Any = None  # its ContentItem, if its front matter is valid

    def reason(self) -> str:
        """Completes a sentence about a link to it: „… führt auf {reason}“."""
        if self.status == SCHEDULED and self.release is not None:
            return f"eine Seite, die erst am {german_date(self.release)} erscheint"
        return "einen Entwurf („draft: true“), der nicht veröffentlicht wird"


def log_line(display: str, state: str, release: dt.date | None) -> str:
    """The build's and ``make check``'s note that a page is left out, so that a wrong date or
    a forgotten ``draft: true`` does not go unnoticed."""
    if state == SCHEDULED and release is not None:
        return (f"{display}: geplant für den {german_date(release)} – bis dahin wird die Seite nicht "
                "veröffentlicht")
    return f"{display}: Entwurf – wird nicht veröffentlicht (zum Veröffentlichen „draft: true“ löschen)"


def headline(state: str, release: dt.date | None) -> str:
    if state == SCHEDULED and release is not None:
        return f"Geplant für den {german_date(release)}"
    return "Entwurf – nicht veröffentlicht"


def banner_html(state: str, release: dt.date | None, notes: Sequence[str] = ()) -> str:
    """The preview's banner on a draft or scheduled page; ``notes`` are what is still missing."""
    if not state:
        return ""
    if state == SCHEDULED:
        text = ("Diese Seite erscheint erst an diesem Tag. Bis dahin ist sie nur in der Vorschau "
                "zu sehen, nicht auf der veröffentlichten Website.")
    else:
        text = ("Diese Seite ist nur in der Vorschau zu sehen. Zum Veröffentlichen die Zeile "
                "„draft: true“ löschen.")
    todo = ""
    if notes:
        items = "".join(f"<li>{escape(n)}</li>" for n in notes)
        todo = f"<p>Noch zu erledigen:</p><ul>{items}</ul>"
    return (f'<div class="admonition warning k3b-banner" role="note">'
            f'<p class="admonition-title">{escape(headline(state, release))}</p>'
            f"<p>{text}</p>{todo}</div>")


def badge_html(state: str, release: dt.date | None) -> str:
    """The mark on a card of a draft or scheduled item in the preview's listings."""
    if not state:
        return ""
    label = "Entwurf" if state == DRAFT else f"Geplant: {german_date(release)}" if release else "Geplant"
    return f'<span class="k3b-status">{escape(label)}</span>'


def without_pages(nav: Any, withheld: Container[str]) -> Any:
    """A navigation (``nav:`` of mkdocs.yml: lists of titles → paths or sections) without the
    pages the published build leaves out; a section left empty goes too."""
    if isinstance(nav, str):
        return None if nav in withheld else nav
    if isinstance(nav, list):
        kept = [without_pages(entry, withheld) for entry in nav]
        return [entry for entry in kept if entry not in (None, [], {})]
    if isinstance(nav, dict):
        kept = {title: without_pages(value, withheld) for title, value in nav.items()}
        return {title: value for title, value in kept.items() if value not in (None, [], {})} or None
    return nav
