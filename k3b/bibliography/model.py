"""The publication entry as the rest of the site sees it: decoded, checked, immutable."""

from __future__ import annotations

from dataclasses import dataclass

TYPE_LABELS = {
    "article": "Zeitschriftenartikel",
    "book": "Buch",
    "incollection": "Beitrag in Sammelband",
    "inbook": "Buchkapitel",
    "inproceedings": "Tagungsbeitrag",
    "techreport": "Bericht",
    "report": "Bericht",
    "phdthesis": "Dissertation",
    "mastersthesis": "Abschlussarbeit",
    "misc": "Sonstiges",
    "online": "Online-Quelle",
}

# Fields each type needs; "author|editor" means one of them.
REQUIRED_FIELDS = {
    "article": ("author", "title", "journal"),
    "book": ("author|editor", "title", "publisher"),
    "incollection": ("author", "title", "booktitle"),
    "inbook": ("author|editor", "title"),
    "inproceedings": ("author", "title", "booktitle"),
    "techreport": ("author", "title", "institution"),
    "report": ("author", "title", "institution"),
    "phdthesis": ("author", "title", "school"),
    "mastersthesis": ("author", "title", "school"),
    "misc": ("title",),
    "online": ("title", "url"),
}

# Fields never published, in HTML or in a downloadable .bib (configurable).
DEFAULT_PRIVATE_FIELDS = (
    "file", "annote", "annotation", "owner", "timestamp", "groups", "mendeley-*", "abstract-url",
    "local-url", "bdsk-*", "date-added", "date-modified", "priority", "readstatus",
)

NO_YEAR = "o. J."


@dataclass(frozen=True, slots=True)
class Name:
    """A person or a corporate body (``first`` empty), decoded from LaTeX."""

    last: str
    first: str = ""

    def inverted(self) -> str:
        """``Müller, Anna`` or ``Landesamt für Umwelt``."""
        return f"{self.last}, {self.first}" if self.first else self.last

    def natural(self) -> str:
        return f"{self.first} {self.last}" if self.first else self.last


@dataclass(frozen=True, slots=True)
class Publication:
    """One BibTeX entry, formatted once per build."""

    key: str
    slug: str
    entry_type: str
    source: str
    line: int
    own: bool
    authors: tuple[Name, ...]
    editors: tuple[Name, ...]
    title: str
    year: str
    month: int | None
    fields: tuple[tuple[str, str], ...]
    doi: str
    url: str
    pdf: str
    abstract: str
    keywords: tuple[str, ...]
    topics: tuple[str, ...]
    language: str
    citation_html: str
    citation_text: str
    bibtex: str

    @property
    def type_label(self) -> str:
        return TYPE_LABELS.get(self.entry_type, self.entry_type)

    def field(self, name: str) -> str:
        return dict(self.fields).get(name, "")

    @property
    def sort_year(self) -> int:
        return int(self.year) if self.year.isdigit() else 0
