"""The publication entry as the rest of the site sees it: decoded, checked, immutable."""

from __future__ import annotations

from dataclasses import dataclass

from .datamodel import type_key, type_label

# Fields never published, in HTML or in a downloadable .bib (configurable).
DEFAULT_PRIVATE_FIELDS = (
    "file", "annote", "annotation", "owner", "timestamp", "groups", "mendeley-*", "abstract-url",
    "local-url", "bdsk-*", "date-added", "date-modified", "priority", "readstatus", "comment",
    "comments", "ranking", "relevance", "qualityassured", "printed",
)

NO_YEAR = "o. J."


@dataclass(frozen=True, slots=True)
class Name:
    """A person or a corporate body (``first`` empty), decoded from LaTeX.

    ``prefix`` is the particle (van, von, de la); with ``useprefix`` (biblatex's option)
    it belongs to the family name in citations and sorting: „van Dijk, Marten“ rather
    than „Dijk, Marten van“.
    """

    last: str
    first: str = ""
    prefix: str = ""
    suffix: str = ""
    useprefix: bool = False

    def family(self) -> str:
        """The family name as cited in the text: ``Dijk`` or, with useprefix, ``van Dijk``."""
        return f"{self.prefix} {self.last}" if self.prefix and self.useprefix else self.last

    def full_family(self) -> str:
        """Particle and family name, as Zotero and schema.org keep them: ``van Dijk``."""
        return f"{self.prefix} {self.last}" if self.prefix else self.last

    def inverted(self) -> str:
        """``Müller, Anna``, ``Dijk, Marten van``, ``King, Martin Luther, Jr.`` or a body."""
        if not self.first and not self.prefix and not self.suffix:
            return self.last
        given = " ".join(p for p in (self.first, "" if self.useprefix else self.prefix) if p)
        text = f"{self.family()}, {given}" if given else self.family()
        return f"{text}, {self.suffix}" if self.suffix else text

    def natural(self) -> str:
        return " ".join(p for p in (self.first, self.prefix, self.last, self.suffix) if p)

    def for_metadata(self) -> str:
        """``van Dijk, Marten Jr.``: Zotero splits at the first comma only."""
        given = " ".join(p for p in (self.first, self.suffix) if p)
        # A body ends in a comma: Zotero then keeps it whole as a last name instead of
        # splitting „Landesamt für | Umwelt“ into first and last name (ZU.cleanAuthor).
        return f"{self.full_family()}, {given}" if given else self.full_family() + ","


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
    translators: tuple[Name, ...] = ()
    more_authors: bool = False  # the list ended in „and others“: cited as „u. a.“
    more_editors: bool = False
    more_translators: bool = False
    date: str = ""  # ISO 8601 start date for metadata: "2020-07-15", "2020-07", "2020"
    cited_year: str = ""  # the year as a citation shows it: "2019–2020", "im Druck" (year: "2019", "")
    label_year: str = ""  # the year as cited, with its letter: "2015a"
    subtype: str = ""  # standard value of ``type`` (phdthesis, techreport …)
    kind: str = ""  # ``type`` as the German page shows it: Dissertation, Arbeitspapier …
    abstract_html: str = ""
    links: tuple[tuple[str, str], ...] = ()  # further links (arXiv, Handle …): (label, URL)

    @property
    def type_label(self) -> str:
        """The German type as listings and their filter show it: „Bericht“, „Dissertation“."""
        return type_label(self.entry_type, self.subtype)

    @property
    def kind_label(self) -> str:
        """The type as the work's own page shows it, with the ``type`` staff wrote:
        „Arbeitspapier“ rather than „Bericht“."""
        if self.kind and self.entry_type in ("thesis", "report") and not self.subtype:
            return self.kind
        return self.type_label

    @property
    def type_key(self) -> str:
        return type_key(self.entry_type, self.subtype)

    @property
    def description(self) -> str:
        """The page's meta description: the abstract (at most 300 characters), or nothing.

        Never the citation: Zotero and other clients take the description as the abstract.
        """
        if len(self.abstract) <= 300:
            return self.abstract
        return self.abstract[:297].rsplit(" ", 1)[0].rstrip(" ,.;:") + " …"

    def field(self, name: str) -> str:
        return dict(self.fields).get(name, "")

    @property
    def sort_year(self) -> int:
        return int(self.year) if self.year.isdigit() else 0
