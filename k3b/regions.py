"""Germany's Länder, as case studies and projects name them, with their slugs and AGS codes.

The slug is the Land's page below ``/fallbeispiele/`` and the value of ``land=`` in filter
and search addresses; the code is the first two digits of every AGS in the Land.
"""

from __future__ import annotations

from dataclasses import dataclass

from .slugs import slugify


@dataclass(frozen=True, slots=True)
class Land:
    name: str  # "Baden-Württemberg"
    code: str  # AGS prefix, "08"

    @property
    def slug(self) -> str:
        return slugify(self.name)


LAENDER: tuple[Land, ...] = tuple(Land(name, code) for name, code in (
    ("Baden-Württemberg", "08"), ("Bayern", "09"), ("Berlin", "11"), ("Brandenburg", "12"),
    ("Bremen", "04"), ("Hamburg", "02"), ("Hessen", "06"), ("Mecklenburg-Vorpommern", "13"),
    ("Niedersachsen", "03"), ("Nordrhein-Westfalen", "05"), ("Rheinland-Pfalz", "07"),
    ("Saarland", "10"), ("Sachsen", "14"), ("Sachsen-Anhalt", "15"), ("Schleswig-Holstein", "01"),
    ("Thüringen", "16"),
))
BUNDESLAENDER: tuple[str, ...] = tuple(land.name for land in LAENDER)

_BY_NAME = {land.name: land for land in LAENDER}
_BY_SLUG = {land.slug: land for land in LAENDER}
_BY_CODE = {land.code: land for land in LAENDER}


def land_named(name: str) -> Land:
    """The Land of one of ``BUNDESLAENDER`` (as a field reader returns it)."""
    return _BY_NAME[name]


def land_by_slug(slug: str) -> Land | None:
    return _BY_SLUG.get(slug)


def land_by_code(code: str) -> Land | None:
    """The Land of an AGS prefix (``"12"``) or of a whole AGS (``"12054"``)."""
    return _BY_CODE.get(code[:2])
