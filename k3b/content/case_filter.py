"""The filter of /fallbeispiele/: Bundesland, Thema, Phase and Zeitraum.

Without JavaScript the form stays hidden and the paged listing shows every case study.
With it, ``k3b-item-filter.js`` loads ``fallbeispiele/daten.json`` (``filter_record`` per
item, written by ``k3b.generated``) the first time someone filters and shows the matching
cases under their Bundesland. The state is in the address: ``?land=…&thema=…&phase=…&jahr=…``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from ..regions import LAENDER
from ..slugs import slugify
from ..topics import Vocabulary
from .base import ContentItem


def years_of(item: ContentItem, today: dt.date) -> list[int]:
    """First and last year the case ran; an ongoing case runs until the build year."""
    first, last = item.details.years
    return [first, last if last is not None else max(first, today.year)]


def filter_record(item: ContentItem, today: dt.date) -> dict[str, Any]:
    case = item.details
    return {"land": case.land.slug, "thema": list(item.topics), "phase": slugify(case.phase),
            "jahr": years_of(item, today)}


def _select(name: str, label: str, options: Iterable[tuple[str, str]]) -> str:
    rows = '<option value="">alle</option>' + "".join(
        f'<option value="{escape(v, quote=True)}">{escape(text)}</option>' for v, text in options)
    return (f'<div class="k3b-filter__field"><label for="k3b-c-{name}">{label}</label>'
            f'<select id="k3b-c-{name}" name="{name}">{rows}</select></div>')


def filter_form(items: Sequence[ContentItem], vocabulary: Vocabulary, phases: Sequence[str], data_url: str,
                today: dt.date) -> str:
    """The form, hidden until the script shows it; only values that occur are offered."""
    laender = {i.details.land for i in items}
    topics = {t for i in items for t in i.topics}
    used = {i.details.phase for i in items}
    spans = [years_of(i, today) for i in items]
    years = range(max(last for _, last in spans), min(first for first, _ in spans) - 1, -1) if spans else ()
    fields = (
        _select("land", "Bundesland", ((land.slug, land.name) for land in LAENDER if land in laender))
        + _select("thema", "Thema", ((t.slug, t.label) for t in vocabulary.topics if t.slug in topics))
        + _select("phase", "Phase", ((slugify(p), p) for p in phases if p in used))
        + _select("jahr", "Zeitraum (läuft im Jahr)", ((str(y), str(y)) for y in years))
    )
    return (f'<form class="k3b-filter" id="k3b-item-filter" data-src="{escape(data_url, quote=True)}" '
            'data-one="Fallbeispiel" data-many="Fallbeispiele" role="search" '
            f'aria-label="Fallbeispiele filtern" hidden>{fields}'
            '<div class="k3b-filter__actions"><button type="reset" class="md-button">Filter zurücksetzen'
            '</button></div><p class="k3b-filter__status" id="k3b-item-status" role="status" '
            'aria-live="polite"></p></form>')
