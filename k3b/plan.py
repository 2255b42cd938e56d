"""What the build generates: pages and files, planned once from the collected site.

A planned page has a source path (as if it lay in ``docs/``), a title and a function that
renders its body for the URL it ends up at. ``k3b.generated`` fills a ``Plan``; content
types add their own pages and files through ``ContentType.plan``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .search.facets import SearchFacets

Render = Callable[[str], str]


@dataclass(frozen=True)
class PlannedPage:
    src: str
    title: str
    description: str
    render: Render
    search: SearchFacets | None = None  # what the search shows of the page; None: not indexed
    publication: str = ""  # the BibTeX key, on a publication's own page
    # Parts that are not searchable content (links to other pages), added by the adapter
    # after the page's body; they carry data-pagefind-ignore.
    late: Render | None = None


@dataclass(frozen=True)
class PlannedFile:
    src: str
    content: bytes


@dataclass
class Plan:
    pages: dict[str, PlannedPage] = field(default_factory=dict)
    files: list[PlannedFile] = field(default_factory=list)

    def add(self, page: PlannedPage) -> None:
        self.pages[page.src] = page


def front_matter(page: PlannedPage) -> str:
    """Front matter for a generated page (JSON strings are valid YAML)."""
    lines = ["---", f"title: {json.dumps(page.title, ensure_ascii=False)}",
             f"summary: {json.dumps(page.description, ensure_ascii=False)}"]
    return "\n".join(lines + ["---", ""])
