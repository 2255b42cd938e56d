"""Fallbeispiel: a local conflict and how it was advised.

``docs/fallbeispiele/<slug>.md`` → ``/fallbeispiele/<slug>/``. Besides the article fields
it has the facts of the case, shown as a table under the byline. Its Landkreis is checked
against the official list (``k3b.kreise``) and must lie in its Bundesland; a fictional case
(``fictional: true``) may name an invented Kreis and counts only for its Land.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from html import escape
from typing import TYPE_CHECKING, Any

from .. import fields as f
from ..frontmatter import FrontMatter
from ..kreise import Kreis, check_kreis
from ..regions import BUNDESLAENDER, LAENDER, Land, land_named
from ..render import relative_url
from ..search.facets import SearchFacets
from . import case_filter
from . import case_places as places
from .base import FILTER_DATA, ContentItem, ContentType, Listing, article_jsonld, newest_first

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence

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
    kreis: Kreis | None = None  # the official Kreis; None for fictional cases
    years: tuple[int, int | None] = (0, 0)  # first and last year of ``period``; None: ongoing

    @property
    def land(self) -> Land:
        return land_named(self.bundesland)

    @property
    def place_label(self) -> str:
        """The Kreis as the site names it, or as written for a fictional one."""
        return self.kreis.full_label if self.kreis else self.landkreis


def ags(value: Any, ctx: f.Context) -> str | None:
    """A Kreis' AGS, five digits („09184“); YAML reads 12054 as a number, which is fine."""
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 16999:
        value = f"{value:05d}"
    raw = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else ""
    if re.fullmatch(r"\d{8}", raw):
        ctx.fail(f"„{raw}“ ist ein Gemeindeschlüssel – für den Kreis genügen die ersten fünf Ziffern: "
                 f"„{raw[:5]}“")
        return None
    if not re.fullmatch(r"\d{5}", raw):
        ctx.fail(f"„{value}“ ist kein Kreisschlüssel – fünf Ziffern in Anführungszeichen, "
                 'z. B. ags: "09184"')
        return None
    return raw


def period_years(period: str) -> tuple[int, int | None]:
    """„2022–2024“ → (2022, 2024), „seit 2023“ → (2023, None), „2021“ → (2021, 2021)."""
    years = [int(y) for y in re.findall(r"\b(?:19|20)\d\d\b", period)]
    ongoing = len(years) == 1 and re.search(r"\b(seit|ab)\b", period, re.IGNORECASE)
    return min(years), None if ongoing else max(years)


class CaseStudy(ContentType):
    name = "fallbeispiele"
    label = "Fallbeispiel"
    plural = "Fallbeispiele"
    fields = f.TEXT_FIELDS + (
        f.FieldSpec("kommune", f.text, help="Die Gemeinde oder Stadt, in der der Konflikt spielt."),
        f.FieldSpec("landkreis", f.text, required=False,  # required unless „ags“ is given
                    help="Der Landkreis oder die kreisfreie Stadt, wie in der amtlichen Liste, z. B. "
                    "„Altmarkkreis Salzwedel“. Pflicht, wenn „ags“ fehlt."),
        f.FieldSpec("ags", ags, required=False, help="Statt oder neben „landkreis“: der amtliche "
                    "Kreisschlüssel, fünf Ziffern in Anführungszeichen, z. B. „\"15081\"“; nötig bei "
                    "Kreisnamen, die es mehrfach gibt."),
        f.FieldSpec("bundesland", f.choice(BUNDESLAENDER, "s Bundesland"),
                    help="Eines der 16 Länder, z. B. „Sachsen-Anhalt“."),
        f.FieldSpec("period", f.period, help="Zeitraum der Beratung mit Jahreszahl, z. B. „2022–2024“ "
                    "oder „seit 2023“."),
        f.FieldSpec("phase", f.choice(PHASES, " Phase"), help="Stand der Beratung: "
                    + ", ".join(PHASES[:-1]) + f" oder {PHASES[-1]}."),
        f.FieldSpec("actors", f.names, help="Beteiligte, eine Zeile pro Gruppe mit „- “ davor, z. B. "
                    "„- Gemeindevertretung“."),
        f.FieldSpec("approach", f.text, help="Wie die Beratung vorging, in wenigen Sätzen."),
        f.FieldSpec("outcome", f.text, help="Was dabei herauskam, in wenigen Sätzen."),
        f.FieldSpec("fictional", f.flag, help="„true“ für einen erfundenen Fall: er wird als „Fiktives "
                    "Beispiel“ gekennzeichnet; „false“ für einen echten."),
    )
    hub_heading = "Fallbeispiele"
    hub_order = 20

    def check(self, values: dict[str, Any], fm: FrontMatter, context: f.Context) -> None:
        name, code = values.get("landkreis"), values.get("ags")
        where = "landkreis" if name or "ags" not in fm.data else "ags"
        if values.get("fictional") is None or not values.get("bundesland") or \
                (name is None and "landkreis" in fm.data) or (code is None and "ags" in fm.data):
            return  # reported by the field itself: whether and where to look for the Kreis is unknown
        if values.get("fictional"):
            if code:
                context.problems.add(context.path, fm.line_of("ags"),
                                     "Feld „ags“: ein fiktives Fallbeispiel hat keinen amtlichen "
                                     "Kreisschlüssel – „ags“ entfernen oder „fictional: false“")
            elif not name:
                context.problems.add(context.path, 1, "Pflichtfeld „landkreis“ fehlt")
            return
        if not name and not code:
            context.problems.add(context.path, 1, "Pflichtfeld „landkreis“ fehlt (oder „ags“ angeben)")
            return
        kreis, problems = check_kreis(name, code, land_named(values["bundesland"]))
        for message in problems:
            line = fm.line_of("ags" if message.startswith("Feld „ags“") else where)
            context.problems.add(context.path, line, message)
        values["kreis"] = kreis

    def details(self, values: dict[str, Any]) -> CaseDetails:
        plain = {k: values.get(k, "") for k in CaseDetails.__dataclass_fields__
                 if k not in ("kreis", "years")}
        return CaseDetails(**plain, kreis=values.get("kreis"), years=period_years(values["period"]))

    def meta_parts(self, item: ContentItem) -> list[str]:
        case: CaseDetails = item.details
        parts = super().meta_parts(item)
        parts.append(escape(f"{case.kommune}, {case.bundesland}"))
        if case.fictional:
            parts.append('<span class="k3b-fictional">Fiktives Beispiel</span>')
        return parts

    def facts_html(self, item: ContentItem, site: Site, page_url: str) -> str:
        c: CaseDetails = item.details
        land_href = escape(relative_url(page_url, places.land_url(c.land)), quote=True)
        if c.kreis is not None:
            kreis = (f'<a href="{land_href}#{places.kreis_anchor(c.kreis)}">{escape(c.kreis.full_label)}</a> '
                     f"(AGS {c.kreis.ags})")
        else:
            kreis = escape(c.landkreis) + " (fiktiv)"
        rows = (
            ("Kommune", escape(c.kommune)), ("Kreis", kreis),
            ("Bundesland", f'<a href="{land_href}">{escape(c.bundesland)}</a>'),
            ("Zeitraum", escape(c.period)), ("Phase", escape(c.phase)),
            ("Beteiligte", escape(", ".join(c.actors))), ("Vorgehen", escape(c.approach)),
            ("Ergebnis", escape(c.outcome)),
        )
        body = "".join(f"<tr><th scope=\"row\">{k}</th><td>{v}</td></tr>" for k, v in rows)
        return ('<table class="k3b-facts"><caption data-pagefind-ignore>Steckbrief des Falls</caption>'
                f"<tbody>{body}</tbody></table>")

    def search_facets(self, item: ContentItem) -> SearchFacets | None:
        facets = super().search_facets(item)
        case: CaseDetails = item.details
        if facets is None:
            return None
        return replace(facets, land=case.bundesland, place=case.kommune)

    # --- by region: listing grouped by Land, a page per Land, maps ------------------------

    def ordered(self, items: Sequence[ContentItem], today: dt.date) -> list[ContentItem]:
        """By Land (alphabetical), newest first within each."""
        order = {land.name: i for i, land in enumerate(LAENDER)}
        return sorted(newest_first(items), key=lambda i: order[i.details.bundesland])

    def group(self, item: ContentItem, today: dt.date) -> str:
        return item.details.bundesland

    def listing_intro(self, items: Sequence[ContentItem], site: Site, page_url: str) -> str:
        intro = places.germany_intro(items, page_url)
        if page_url != f"{self.name}/" or not items:  # the filter's cards link from the listing
            return intro
        data = relative_url(page_url, f"{self.name}/{FILTER_DATA}")
        return intro + case_filter.filter_form(items, site.vocabulary, PHASES, data, site.index.today)

    def filter_record(self, item: ContentItem, today: dt.date) -> dict[str, Any]:
        return case_filter.filter_record(item, today)

    def hub_intro(self, items: Sequence[ContentItem], site: Site, page_url: str) -> str:
        return places.germany_intro(items, page_url, with_kreise=False, scope=" zu diesem Thema")

    def listings(self, site: Site) -> list[Listing]:
        """A page per Land, ``/fallbeispiele/<land>/``, with its Kreise; the cases under their Kreis."""
        by_land: dict[Land, list[ContentItem]] = {land: [] for land in LAENDER}
        for item in site.index.of_kind(self):
            by_land[item.details.land].append(item)
        result = []
        for land, items in by_land.items():
            def kreis_first(item: ContentItem) -> tuple[int, str]:
                kreis = item.details.kreis
                return (0, kreis.label) if kreis else (1, "")
            chosen = sorted(items, key=kreis_first)  # stable: newest first within a Kreis

            def intro(page_url: str, land=land, chosen=chosen) -> str:
                return places.land_intro(land, chosen, page_url)
            result.append(Listing(places.land_url(land), f"Fallbeispiele in {land.name}",
                                  f"Fallbeispiele aus {land.name}, nach Kreisen, mit Karte.", chosen,
                                  intro, _kreis_heading, search=bool(chosen)))
        return result

    def taken_name(self, stem: str) -> str:
        land = next((land for land in LAENDER if land.slug == stem), None)
        return f"/fallbeispiele/{stem}/ ist die Seite der Fallbeispiele in {land.name}" if land else ""

    def jsonld(self, item: ContentItem, site: Site, url: str) -> dict[str, Any]:
        """An ``Article`` (publisher, topics) about its place: Kommune, Kreis and Land."""
        return {**article_jsonld(item, site, url), **places.jsonld(item, url)}


def _kreis_heading(item: ContentItem) -> str:
    kreis = item.details.kreis
    return kreis.full_label if kreis else "Fiktive Beispiele"


CASE_STUDY = CaseStudy()
