"""The official list of Kreise (``k3b/data/kreise.csv``) and how case studies name them.

Staff write a Kreis as they know it: „Landkreis Görlitz“, „Kreis Steinfurt“, „Wartburgkreis“,
„Potsdam“, „Kiel, Landeshauptstadt“ or „München, Stadt“. Every such form is normalised by the
slug rule and looked up here. 22 names belong to both a kreisfreie Stadt and a Landkreis
(München, Kassel, Leipzig …); the bare name is ambiguous and needs the clearer form or the
AGS. ``check_kreis`` returns the Kreis or German problems that explain what to write.
"""

from __future__ import annotations

import csv
import difflib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .regions import Land, land_by_code
from .slugs import slugify

DATA = Path(__file__).resolve().parent / "data" / "kreise.csv"
CITY_KINDS = ("Kreisfreie Stadt", "Stadtkreis")
# Titles a city carries before or after its name („Hansestadt Rostock“, „Kiel, Landeshauptstadt“);
# a title names the city, never the Landkreis of the same name.
CITY_TITLES = ("Landeshauptstadt", "Hansestadt", "Universitätsstadt", "Hanse- und Universitätsstadt",
               "Freie und Hansestadt", "Freie Hansestadt", "Wissenschaftsstadt")
# Kreise that no longer exist: their AGS → (name, what became of it, AGS of the Kreis it belongs to).
FORMER = {"16056": ("Eisenach", "Eisenach gehört seit dem 1. Juli 2021 zum Wartburgkreis", "16063")}
# How staff abbreviate parts of names („Dillingen a.d. Donau“, „Lkr. München“).
_SPELLINGS = (("a-d-", "an-der-"), ("i-d-", "in-der-"), ("lkr-", "landkreis-"), ("lk-", "landkreis-"))


@dataclass(frozen=True, slots=True)
class Kreis:
    ags: str  # "09184"
    name: str  # VG250 GEN: "München"
    bez: str  # "Landkreis", "Kreis", "Kreisfreie Stadt", "Stadtkreis"
    land: Land
    destatis: str  # the Gemeindeverzeichnis' name: "München, Landeshauptstadt"

    @property
    def is_city(self) -> bool:
        return self.bez in CITY_KINDS

    @property
    def label(self) -> str:
        """How the site names it: „Landkreis Görlitz“, „Wartburgkreis“, „Potsdam“, „München, Stadt“."""
        if self.is_city:
            return f"{self.name}, Stadt" if self.name in shared_names() else self.name
        if any(word in self.name.lower() for word in ("kreis", "region", "verband")):
            return self.name
        return f"{self.bez} {self.name}"

    @property
    def kind_label(self) -> str:
        """„Landkreis“, „Kreis“, „kreisfreie Stadt“, „Stadtkreis“."""
        return "kreisfreie Stadt" if self.bez == "Kreisfreie Stadt" else self.bez

    @property
    def full_label(self) -> str:
        """The label with the kind where the label does not say it: „Potsdam (kreisfreie Stadt)“."""
        return f"{self.name} ({self.kind_label})" if self.is_city else self.label

    def forms(self) -> set[str]:
        """Every accepted way of writing it, as slugs."""
        names = {self.name, self.destatis, self.label}
        if self.is_city:
            kinds = ("Stadt", "Kreisfreie Stadt", "Stadtkreis", self.bez, *CITY_TITLES)
            names |= {f"{k} {self.name}" for k in kinds} | {f"{self.name}, {k}" for k in kinds}
            if ", " in self.destatis:  # „Kiel, Landeshauptstadt“ → „Landeshauptstadt Kiel“
                base, title = self.destatis.split(", ", 1)
                names.add(f"{title} {base}")
        else:
            names |= {f"{k} {self.name}" for k in ("Landkreis", "Kreis")}
            names |= {f"{self.name}, {k}" for k in ("Landkreis", "Kreis")}
            for prefix in ("Region ", "Städteregion ", "Regionalverband "):
                if self.name.startswith(prefix):  # „Hannover“ for „Region Hannover“
                    names.add(self.name.removeprefix(prefix))
        return {key(n) for n in names}


def key(name: str) -> str:
    """The form names are compared in: slug rule, common abbreviations written out."""
    slug = slugify(name) + "-"
    for short, long in _SPELLINGS:
        slug = slug.replace("-" + short, "-" + long)
        if slug.startswith(short):
            slug = long + slug[len(short):]
    return slug.strip("-")


@dataclass(frozen=True)
class _Index:
    by_ags: dict[str, Kreis]
    by_form: dict[str, tuple[Kreis, ...]]


@cache
def _rows() -> tuple[dict[str, str], ...]:
    with DATA.open(encoding="utf-8", newline="") as file:
        return tuple(csv.DictReader(file))


@cache
def shared_names() -> frozenset[str]:
    """The names of both a kreisfreie Stadt and a Landkreis (22: München, Kassel …)."""
    kinds: dict[str, set[bool]] = {}
    for row in _rows():
        kinds.setdefault(row["name"], set()).add(row["bez"] in CITY_KINDS)
    return frozenset(n for n, k in kinds.items() if len(k) == 2)


@cache
def _index() -> _Index:
    by_ags = {}
    for row in _rows():
        land = land_by_code(row["ags"])
        assert land is not None and land.name == row["land"], row
        by_ags[row["ags"]] = Kreis(row["ags"], row["name"], row["bez"], land, row["destatis"])
    index = _Index(by_ags, {})
    for kreis in by_ags.values():
        for form in kreis.forms():
            index.by_form[form] = (*index.by_form.get(form, ()), kreis)
    return index


def all_kreise() -> list[Kreis]:
    """The 400 Kreise, by AGS."""
    return list(_index().by_ags.values())


def by_ags(ags: str) -> Kreis | None:
    return _index().by_ags.get(ags)


def lookup(name: str) -> tuple[Kreis, ...]:
    """The Kreise a name can mean: one, several (ambiguous) or none."""
    return _index().by_form.get(key(name), ())


_DESIGNATIONS = ("landkreis-", "kreisfreie-stadt-", "kreis-", "stadtkreis-", "stadt-",
                 *sorted((slugify(t) + "-" for t in CITY_TITLES), key=len, reverse=True))


def _core(form: str) -> str:
    """A form without its designation, so that „Landkreis …“ does not make names look alike."""
    for word in _DESIGNATIONS:
        form = form.removeprefix(word).removesuffix("-" + word[:-1])
    return form


def suggest(name: str, land: Land | None = None) -> tuple[Kreis, ...]:
    """The Kreis a mistyped or shortened name most likely means, preferring those in ``land``;
    both, if the name is shared by a city and a Landkreis and the designation is missing."""
    index = _index()
    written = key(name)
    wanted = _core(written)
    designated = written != wanted
    district = designated and not written.startswith("stadt") and not written.endswith("stadt")
    cores: dict[str, list[Kreis]] = {}
    for form, kreise in index.by_form.items():
        cores.setdefault(_core(form), []).extend(kreise)
    local = [c for c, ks in cores.items() if any(k.land == land for k in ks)]
    for pool in (local, list(cores)):
        starting = sorted(c for c in pool if c.startswith(wanted + "-"))  # „Frankfurt“
        # A town that names its Kreis: „Salzwedel“ for the Altmarkkreis Salzwedel.
        within = sorted(c for c in pool if f"-{wanted}-" in f"-{c}-" and c != wanted)
        close = starting[:1] or within[:1] or difflib.get_close_matches(wanted, pool, n=1, cutoff=0.75)
        if close:
            # The city or the Landkreis of a shared name, as the designation written says.
            ranked = sorted(set(cores[close[0]]),
                            key=lambda k: (k.land != land, k.is_city == district, k.ags))
            same = [k for k in ranked if k.name == ranked[0].name and k.land == ranked[0].land]
            return tuple(same) if not designated and len(same) > 1 else ranked[:1]
    return ()


@cache
def _former() -> dict[str, tuple[str, str, str]]:
    """Every way of writing a former kreisfreie Stadt („Eisenach“, „Stadt Eisenach“ …) → FORMER's entry."""
    found = {}
    for ags, entry in FORMER.items():
        now = by_ags(entry[2])
        assert now is not None, entry
        city = Kreis(ags, entry[0], "Kreisfreie Stadt", now.land, f"{entry[0]}, Stadt")
        found |= dict.fromkeys(city.forms(), entry)
    return found


def _former_message(written: str, former: tuple[str, str, str]) -> str:
    return f"„{written}“: {former[1]} – bitte „{by_ags(former[2]).label}“ schreiben"


def _choice(kreise: tuple[Kreis, ...]) -> str:
    return " oder ".join(f"„{k.label}“ ({k.kind_label}, AGS {k.ags})" for k in kreise)


def check_kreis(name: str | None, ags: str | None, land: Land) -> tuple[Kreis | None, list[str]]:
    """The Kreis that ``name`` and/or ``ags`` (5 digits) name in ``land``, or German problems.

    Each problem is one sentence about the ``landkreis`` or ``ags`` field.
    """
    chosen = by_ags(ags) if ags else None
    if ags and chosen is None:
        if ags in FORMER:
            name, note, now = FORMER[ags]
            return None, [f"Feld „ags“: „{ags}“ war der Schlüssel von {name}; {note} – bitte "
                          f"„ags: \"{now}\"“ ({by_ags(now).label}) schreiben"]
        return None, [f"Feld „ags“: kein Kreis mit dem Schlüssel „{ags}“ in der amtlichen Liste"]
    candidates: tuple[Kreis, ...] = ()
    if name:
        candidates = lookup(name)
        if not candidates:
            former = _former().get(key(name))
            if former is not None:
                return None, [_former_message(name, former)]
            close = suggest(name, land)
            where = f" in {close[0].land.name}" if close and close[0].land != land else ""
            options = " oder ".join(f"„{k.label}“" for k in close)
            only = [k for k in all_kreise() if k.land == land]
            if len(only) == 1:  # Berlin, Hamburg: „Neukölln“, „Hamburg-Altona“
                hint = (f" – in {land.name} ist die Stadt selbst der Kreis: bitte „{only[0].label}“ "
                        "schreiben (den Bezirk oder Ortsteil nennt „kommune“)")
            elif close:
                hint = f" – meinten Sie {options}{where}?"
            else:
                hint = (" – ein früherer Kreis? Dann bitte den heutigen nennen (die Liste gilt seit der "
                        "Eingliederung Eisenachs 2021); erfundene Orte brauchen „fictional: true“")
            return None, [f"unbekannter Landkreis „{name}“ (nicht in der amtlichen Liste der "
                          f"400 Kreise){hint}"]
    if chosen is not None:
        if candidates and chosen not in candidates:
            return None, [f"„{name}“ und „ags: {ags}“ passen nicht zusammen: der Schlüssel {ags} "
                          f"gehört zu „{chosen.label}“, der Name zu {_choice(candidates)} – bitte eins "
                          "von beiden korrigieren"]
    elif len(candidates) > 1:
        elsewhere = {k.land for k in candidates} - {land}
        wrong_land = (f"; beide liegen in {candidates[0].land.name}, nicht in {land.name}"
                      if len(elsewhere) == 1 and land not in {k.land for k in candidates} else "")
        return None, [f"„{name}“ ist mehrdeutig: {_choice(candidates)} – bitte eine der beiden "
                      f"Formen schreiben oder den Schlüssel angeben, z. B. „ags: {candidates[0].ags}“"
                      + wrong_land]
    else:
        chosen = candidates[0]
    if chosen.land != land:
        return None, [f"„{chosen.label}“ liegt in {chosen.land.name} (AGS {chosen.ags}), nicht in "
                      f"{land.name} – bitte Bundesland oder Landkreis korrigieren"]
    return chosen, []
