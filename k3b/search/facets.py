"""What a page tells the search: its type, date, topics and place.

Each content type says it through ``ContentType.search_facets`` (publications and topic
hubs through their planned page). The search results show these facts, and the results
page filters by them (Typ, Thema, Bundesland, Jahr) and sorts by the date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..render import german_date


@dataclass(frozen=True, slots=True)
class SearchFacets:
    """The facts of one indexed page."""

    kind: str  # "Artikel", "Fallbeispiel", "Publikation", "Thema", "Seite"
    title: str
    date: dt.date | None = None  # sorts by it (newest first); None sorts last
    topics: tuple[str, ...] = ()  # topic slugs
    year: str = ""  # the Jahr facet; the date's year when empty
    date_label: str = ""  # how the result shows the date; the German date when empty
    land: str = ""  # Bundesland, for case studies
    place: str = ""  # Kommune, shown with the result
    # Text beyond the page's Markdown that extra index terms are found in (a publication's
    # title, abstract and keywords; k3b.search.terms).
    text: str = ""
    # The summary from the front matter: the page does not show it, so it is indexed
    # separately (k3b.search.markup.summary_markup) and its words count for extra terms.
    summary: str = ""

    @property
    def shown_year(self) -> str:
        return self.year or (str(self.date.year) if self.date else "")

    @property
    def shown_date(self) -> str:
        return self.date_label or (german_date(self.date) if self.date else "")

    @property
    def sort_key(self) -> str:
        """``20250314``: numeric, so the index sorts by it as a number; "0" without a date."""
        return self.date.strftime("%Y%m%d") if self.date else "0"
