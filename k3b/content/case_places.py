"""Case studies by region: counts per Land and Kreis, their text summary and their maps.

Every map comes after a text that says the same (the W3C's advice for complex images):
a sentence such as „9 Fallbeispiele in 7 Ländern“ and a list of the regions with their counts
as links. Fictional cases count only for their Land, and the text says how many are fictional.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from ..geomap import ATTRIBUTION, Region, germany_map, land_map
from ..kreise import Kreis
from ..regions import LAENDER, Land
from ..render import relative_url
from ..slugs import slugify
from .base import ContentItem

FOLDER = "fallbeispiele"


def land_url(land: Land) -> str:
    return f"{FOLDER}/{land.slug}/"


def count_text(number: int) -> str:
    return f"{number} Fallbeispiel" if number == 1 else f"{number} Fallbeispiele"


@dataclass
class Tally:
    """Case studies of one region: how many, how many of them fictional."""

    total: int = 0
    fictional: int = 0

    def add(self, fictional: bool) -> None:
        self.total += 1
        self.fictional += fictional

    def text(self) -> str:
        """„2 Fallbeispiele, davon 1 fiktiv“, „1 Fallbeispiel (fiktiv)“."""
        if self.fictional == 0:
            return count_text(self.total)
        if self.total == 1:
            return count_text(1) + " (fiktiv)"
        return f"{count_text(self.total)}, davon {self.fictional} fiktiv"


@dataclass
class Places:
    """Counts of a set of case studies per Land and per (official) Kreis."""

    laender: dict[Land, Tally] = field(default_factory=dict)
    kreise: dict[Kreis, Tally] = field(default_factory=dict)

    @classmethod
    def of(cls, items: Sequence[ContentItem]) -> Places:
        places = cls()
        for item in items:
            case = item.details
            places.laender.setdefault(case.land, Tally()).add(case.fictional)
            if case.kreis is not None:
                places.kreise.setdefault(case.kreis, Tally()).add(False)
        order = {land: i for i, land in enumerate(LAENDER)}
        places.laender = dict(sorted(places.laender.items(), key=lambda p: order[p[0]]))
        places.kreise = dict(sorted(places.kreise.items(), key=lambda p: p[0].label))
        return places

    @property
    def total(self) -> int:
        return sum(t.total for t in self.laender.values())

    @property
    def fictional(self) -> int:
        return sum(t.fictional for t in self.laender.values())

    def summary(self, where: str = "") -> str:
        """„9 Fallbeispiele in 7 Ländern, davon 7 fiktive (sie zählen nur beim Land).“"""
        if not self.total:
            return f"Noch keine Fallbeispiele{where}."
        n = len(self.laender)
        scope = where or (" in 1 Land" if n == 1 else f" in {n} Ländern")
        text = count_text(self.total) + scope
        if self.kreise:
            text += f", in {len(self.kreise)} {'Kreis' if len(self.kreise) == 1 else 'Kreisen'}"
        if self.fictional:
            fiktive = "ein fiktives" if self.fictional == 1 else f"{self.fictional} fiktive"
            text += f"; davon {fiktive}, nur beim Land gezählt"
        return text + "."


def _figure(svg: str) -> str:
    return (f'<figure class="k3b-map-figure">{svg}'
            f'<figcaption class="k3b-map__credit">{ATTRIBUTION}</figcaption></figure>')


def _region_list(entries: list[tuple[str, str, Tally]], label: str) -> str:
    """The map's text: one link per region with its count."""
    rows = "".join(f'<li><a href="{escape(href, quote=True)}">{escape(name)}</a>: {escape(t.text())}</li>'
                   for name, href, t in entries)
    return f'<ul class="k3b-map__list" aria-label="{escape(label, quote=True)}">{rows}</ul>'


_DESC = ("{what} mit Fallbeispielen sind dunkel gefüllt, mit ihrer Anzahl beschriftet und führen zu "
         "ihren Fallbeispielen. Dieselben Angaben stehen als Liste vor der Karte.")


def germany_intro(items: Sequence[ContentItem], page_url: str, with_kreise: bool = True,
                  scope: str = "") -> str:
    """Summary, the Länder list and the map of Germany (Kreise on wide screens)."""
    places = Places.of(items)
    summary = f'<p class="k3b-map__summary">{escape(places.summary(scope))}</p>'
    if not places.total:
        return summary

    def href_of(land: Land) -> str:
        return relative_url(page_url, land_url(land))
    laender = {land.code: Region(land.code, f"{land.name}: {t.text()}", t.total, href_of(land))
               for land, t in places.laender.items()}
    kreise = {k.ags: Region(k.ags, f"{k.full_label}: {t.text()}", t.total,
                            href_of(k.land) + "#" + kreis_anchor(k))
              for k, t in places.kreise.items()} if with_kreise else None
    svg = germany_map(laender, "k3b-karte", "Karte: Fallbeispiele nach Bundesland"
                      + (" und Kreis" if with_kreise else ""),
                      _DESC.format(what="Länder" + (" (auf breiten Bildschirmen auch Kreise)"
                                                    if with_kreise else "")),
                      kreise, small=not with_kreise)
    entries = [(land.name, href_of(land), t) for land, t in places.laender.items()]
    return (summary + '<div class="k3b-map-block">'
            + _region_list(entries, "Fallbeispiele nach Bundesland") + _figure(svg) + "</div>")


def kreis_anchor(kreis: Kreis) -> str:
    """The id of a Kreis' heading on its Land's page (``cards.listing_html`` makes it so)."""
    return slugify(kreis.full_label)


def land_intro(land: Land, items: Sequence[ContentItem], page_url: str) -> str:
    """Summary, the Kreise list and the map of one Land."""
    places = Places.of(items)
    tally = places.laender.get(land, Tally())
    if not tally.total:
        text = f"Noch keine Fallbeispiele in {land.name}."
    else:
        n = len(places.kreise)
        text = f"{land.name}: {tally.text()}" + (f", in {n} {'Kreis' if n == 1 else 'Kreisen'}" if n else "")
        text += "." + (" Fiktive Beispiele nennen keinen amtlichen Kreis und erscheinen nicht auf der "
                       "Karte." if tally.fictional else "")
    kreise = {k.ags: Region(k.ags, f"{k.full_label}: {t.text()}", t.total, "#" + kreis_anchor(k))
              for k, t in places.kreise.items()}
    svg = land_map(land.code, kreise, "k3b-karte", f"Karte: Kreise in {land.name}",
                   _DESC.format(what="Kreise"))
    entries = [(k.full_label, "#" + kreis_anchor(k), t) for k, t in places.kreise.items()]
    listing = _region_list(entries, f"Fallbeispiele nach Kreis in {land.name}") if entries else ""
    overview = relative_url(page_url, f"{FOLDER}/")
    return (f'<p class="k3b-map__summary">{escape(text)}</p><div class="k3b-map-block">{listing}'
            f'{_figure(svg)}</div><p><a href="{escape(overview, quote=True)}">Alle Fallbeispiele und '
            "die Karte von Deutschland</a></p>")


def jsonld(item: ContentItem, url: str) -> dict:
    """What a case study adds to its schema.org ``Article`` (``base.article_jsonld``): the
    ``contentLocation``, its Kommune in its Kreis (with the AGS when it is an official one) in its
    Land, and the mark of a fictional case. Authors, dates and the rest are the article's."""
    case = item.details
    land = {"@type": "AdministrativeArea", "name": case.land.name,
            "identifier": {"@type": "PropertyValue", "propertyID": "AGS", "value": case.land.code}}
    if case.kreis is not None:
        kreis = {"@type": "AdministrativeArea", "name": case.kreis.full_label, "containedInPlace": land,
                 "identifier": {"@type": "PropertyValue", "propertyID": "AGS", "value": case.kreis.ags}}
    else:
        kreis = {"@type": "AdministrativeArea", "name": case.landkreis, "containedInPlace": land}
    data: dict = {"contentLocation": {"@type": "Place", "name": case.kommune, "containedInPlace": kreis}}
    if case.fictional:
        data["genre"] = "Fiktives Beispiel"
    return data
