"""Maps of Germany as inline SVG, made at build time from ``k3b/data/karte.json``.

No tiles, no script, no request: the paths are in the page. Regions with items are links
with a name such as „Brandenburg: 2 Fallbeispiele“ and carry their count as text; regions
without are plain shapes and not focusable. Colours come from classes (``k3b.css``), never
from ``style=`` attributes, which the site's CSP blocks. A map is an enhancement of a list
that stands before it; it is never the only way to the items.

- ``germany_map``: the Länder; with ``kreise`` also the Kreise, which ``k3b.css`` shows on
  wide screens only (on a phone they would be too small to touch);
- ``land_map``: one Land with its Kreise.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "karte.json"
ATTRIBUTION = ('Kartengrundlage: © GeoBasis-DE / BKG (2019), verändert; Kreisnamen: Statistisches Bundesamt '
               '(Destatis), 2020; Lizenz: <a href="https://www.govdata.de/dl-de/by-2-0">Datenlizenz '
               'Deutschland – Namensnennung – Version 2.0</a>')


@dataclass(frozen=True, slots=True)
class Region:
    """A Land (code "12") or Kreis (AGS "12054") with items: its link, name and count."""

    code: str
    name: str  # accessible name, with the count: „Brandenburg: 2 Fallbeispiele“
    count: int
    href: str


@cache
def _data() -> dict[str, Any]:
    return json.loads(DATA.read_text(encoding="utf-8"))


def kreis_codes(land_code: str) -> list[str]:
    """The AGS of every Kreis in a Land."""
    return [ags for ags in _data()["kreise"] if ags[:2] == land_code]


def _region(d: str, css: str, region: Region | None) -> str:
    shape = f'<path class="{css}" d="{d}"/>'
    if region is None:
        return shape
    return (f'<a class="k3b-map__link" href="{escape(region.href, quote=True)}" '
            f'aria-label="{escape(region.name, quote=True)}"><title>{escape(region.name)}</title>'
            f'{shape.replace(css, css + " k3b-map__region--items", 1)}</a>')


def _badge(point: list[int], count: int, css: str) -> str:
    x, y = point
    return (f'<g class="k3b-map__count {css}"><circle cx="{x}" cy="{y}"/>'
            f'<text x="{x}" y="{y}" dy="0.35em">{count}</text></g>')


def _svg(view: tuple[int, int, int, int], map_id: str, title: str, desc: str, body: str, css: str) -> str:
    x, y, w, h = view
    return (f'<svg class="k3b-map {css}" viewBox="{x} {y} {w} {h}" role="group" '
            f'aria-labelledby="{map_id}-t" aria-describedby="{map_id}-d">'
            f'<title id="{map_id}-t">{escape(title)}</title><desc id="{map_id}-d">{escape(desc)}</desc>'
            f"{body}</svg>")


def germany_map(laender: Mapping[str, Region], map_id: str, title: str, desc: str,
                kreise: Mapping[str, Region] | None = None, small: bool = False) -> str:
    """Germany: Länder with items as links; with ``kreise`` (a dict, also empty) the Kreise
    as a second layer for wide screens. ``small`` uses the coarser Länder (topic hubs)."""
    data = _data()
    shapes = data["laender_klein"] if small else data["laender"]
    parts = []
    if kreise is not None:
        parts.append('<g class="k3b-map__kreise" aria-hidden="true">' + "".join(
            f'<path d="{k["d"]}"/>' for k in data["kreise"].values()) + "</g>")
    parts.append('<g class="k3b-map__laender">' + "".join(
        _region(shapes[code]["d"], "k3b-map__region", laender.get(code)) for code in shapes) + "</g>")
    badges = [_badge(shapes[code]["label"], region.count, "k3b-map__count--land")
              for code, region in laender.items()]
    if kreise:
        parts.append('<g class="k3b-map__kreis-links">' + "".join(
            _region(data["kreise"][ags]["d"], "k3b-map__region k3b-map__kreis", region)
            for ags, region in kreise.items()) + "</g>")
        badges += [_badge(data["kreise"][ags]["label"], region.count, "k3b-map__count--kreis")
                   for ags, region in kreise.items()]
    parts.append('<g class="k3b-map__counts" aria-hidden="true">' + "".join(badges) + "</g>")
    css = ("k3b-map--klein" if small else "k3b-map--de") + " k3b-map--s0"
    if kreise is not None:
        css += " k3b-map--mit-kreisen"
    return _svg((0, 0, data["breite"], data["hoehe"]), map_id, title, desc, "".join(parts), css)


def land_map(land_code: str, kreise: Mapping[str, Region], map_id: str, title: str, desc: str) -> str:
    """One Land with all its Kreise; those with items are links with their count."""
    data = _data()
    x0, y0, x1, y1 = data["laender"][land_code]["box"]
    pad = max(4, round(max(x1 - x0, y1 - y0) * 0.03))
    view = (x0 - pad, y0 - pad, x1 - x0 + 2 * pad, y1 - y0 + 2 * pad)
    codes = kreis_codes(land_code)
    body = ('<g class="k3b-map__laender">'
            + "".join(_region(data["kreise"][ags]["d"], "k3b-map__region", kreise.get(ags)) for ags in codes)
            + f'</g><path class="k3b-map__outline" aria-hidden="true" d="{data["laender"][land_code]["d"]}"/>'
            + '<g class="k3b-map__counts" aria-hidden="true">'
            + "".join(_badge(data["kreise"][ags]["label"], r.count, "k3b-map__count--land")
                      for ags, r in kreise.items()) + "</g>")
    return _svg(view, map_id, title, desc, body, f"k3b-map--land {_scale_class(max(view[2:]))}")


def _scale_class(extent: int) -> str:
    """Badges are sized in map units: a small Land is drawn larger, so its badges must be
    smaller in its units. The class tells ``k3b.css`` the scale, relative to all of Germany."""
    ratio = extent / _data()["hoehe"]
    step = next((i for i, limit in enumerate((0.7, 0.4, 0.2, 0.1)) if ratio >= limit), 4)
    return f"k3b-map--s{step}"
