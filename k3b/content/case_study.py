"""Fallbeispiel: a local conflict and how it was advised.

``docs/fallbeispiele/<slug>.md`` → ``/fallbeispiele/<slug>/``. Besides the article fields
it has the facts of the case, shown as a table under the byline.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape
from typing import TYPE_CHECKING, Any

from .. import fields as f
from ..regions import BUNDESLAENDER
from ..search.facets import SearchFacets
from .base import ContentItem, ContentType

if TYPE_CHECKING:
    from ..site import Site

PHASES = ("Analyse", "Beratung", "Umsetzung", "Abgeschlossen")


@dataclass(frozen=True, slots=True)
class CaseDetails:
    """The structured facts of a case study."""

    kommune: str
    landkreis: str
    bundesland: str
    period: str
    phase: str
    actors: tuple[str, ...]
    approach: str
    outcome: str
    fictional: bool


class CaseStudy(ContentType):
    name = "fallbeispiele"
    label = "Fallbeispiel"
    plural = "Fallbeispiele"
    fields = f.TEXT_FIELDS + (
        f.FieldSpec("kommune", f.text),
        f.FieldSpec("landkreis", f.text),
        f.FieldSpec("bundesland", f.choice(BUNDESLAENDER, "s Bundesland")),
        f.FieldSpec("period", f.period),
        f.FieldSpec("phase", f.choice(PHASES, " Phase")),
        f.FieldSpec("actors", f.names),
        f.FieldSpec("approach", f.text),
        f.FieldSpec("outcome", f.text),
        f.FieldSpec("fictional", f.flag),
    )
    hub_heading = "Fallbeispiele"
    hub_order = 20

    def details(self, values: dict[str, Any]) -> CaseDetails:
        return CaseDetails(**{k: values[k] for k in CaseDetails.__dataclass_fields__})

    def meta_parts(self, item: ContentItem) -> list[str]:
        case: CaseDetails = item.details
        parts = super().meta_parts(item)
        parts.append(escape(f"{case.kommune}, {case.bundesland}"))
        if case.fictional:
            parts.append('<span class="k3b-fictional">Fiktives Beispiel</span>')
        return parts

    def facts_html(self, item: ContentItem, site: Site, page_url: str) -> str:
        c: CaseDetails = item.details
        rows = (
            ("Kommune", c.kommune), ("Landkreis", c.landkreis), ("Bundesland", c.bundesland),
            ("Zeitraum", c.period), ("Phase", c.phase), ("Beteiligte", ", ".join(c.actors)),
            ("Vorgehen", c.approach), ("Ergebnis", c.outcome),
        )
        body = "".join(f"<tr><th scope=\"row\">{k}</th><td>{escape(v)}</td></tr>" for k, v in rows)
        return ('<table class="k3b-facts"><caption>Steckbrief des Falls</caption>'
                f"<tbody>{body}</tbody></table>")

    def search_facets(self, item: ContentItem) -> SearchFacets | None:
        facets = super().search_facets(item)
        case: CaseDetails = item.details
        if facets is None:
            return None
        return replace(facets, land=case.bundesland, place=case.kommune)


CASE_STUDY = CaseStudy()
