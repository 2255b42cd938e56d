"""What the build generates: pages and files, planned once from the collected site.

A planned page has a source path (as if it lay in ``docs/``), a title and a function that
renders its body for the URL it ends up at. ``k3b.generated`` fills a ``Plan``; content
types add their own pages and files through ``ContentType.plan``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field

Render = Callable[[str], str]


@dataclass(frozen=True)
class PlannedPage:
    src: str
    title: str
    description: str
    render: Render
    search: bool = True
    publication: str = ""  # the BibTeX key, on a publication's own page
    # Parts that are not searchable content (links to other pages): the adapter adds them
    # after the search index has seen the page.
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
    if not page.search:
        lines += ["search:", "  exclude: true"]
    return "\n".join(lines + ["---", ""])
