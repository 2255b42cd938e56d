"""The biblatex data model as biber resolves it: entry types, aliases, required fields.

Sources: biblatex's manual (§2.1 entry types, §2.2.5 field aliases, appendix „bibtex“
source map) and its data model ``blx-dm.def`` (the constraints). Classic BibTeX's
required fields (btxdoc) apply to the BibTeX-only types that biber maps onto biblatex
types (``@techreport`` → ``@report`` with ``type = techreport`` …).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TypeSpec:
    """One biblatex entry type: its German label and the fields it requires.

    ``required`` holds groups of alternatives (``("author", "editor")`` means one of
    them). ``essential`` are the groups without which a citation says nothing useful
    (a title, the journal of an article, the book of a chapter): missing, they stop the
    build. biblatex's manual marks more fields as required but adds that they are „not
    strictly required in all cases“; those are reported as notes.
    """

    label: str
    required: tuple[tuple[str, ...], ...] = (("title",),)
    essential: tuple[tuple[str, ...], ...] = (("title",),)


T, A, E, AE = ("title",), ("author",), ("editor",), ("author", "editor")
D = ("date", "year")
IN_BOOK = ("booktitle",)
ENTRY_TYPES: dict[str, TypeSpec] = {
    "article": TypeSpec("Zeitschriftenartikel", (A, T, ("journaltitle",), D), (T, ("journaltitle",))),
    "book": TypeSpec("Buch", (A, T, D)),
    "mvbook": TypeSpec("Mehrbändiges Werk", (A, T, D)),
    "inbook": TypeSpec("Buchkapitel", (A, T, IN_BOOK, D), (T, IN_BOOK)),
    "bookinbook": TypeSpec("Werk in einem Buch", (A, T, IN_BOOK, D), (T, IN_BOOK)),
    "suppbook": TypeSpec("Beigabe zu einem Buch", (A, T, IN_BOOK, D), (T, IN_BOOK)),
    "booklet": TypeSpec("Broschüre", (AE, T, D)),
    "collection": TypeSpec("Sammelband", (E, T, D)),
    "mvcollection": TypeSpec("Mehrbändiger Sammelband", (E, T, D)),
    "incollection": TypeSpec("Beitrag in Sammelband", (A, E, T, IN_BOOK, D), (T, IN_BOOK)),
    "suppcollection": TypeSpec("Beigabe zu einem Sammelband", (A, E, T, IN_BOOK, D), (T, IN_BOOK)),
    "dataset": TypeSpec("Datensatz", (AE, T, D)),
    "manual": TypeSpec("Handbuch", (AE, T, D)),
    "misc": TypeSpec("Sonstiges", (AE, T, D)),
    "online": TypeSpec("Online-Quelle", (AE, T, D, ("url", "doi", "eprint")), (T, ("url", "doi", "eprint"))),
    "patent": TypeSpec("Patent", (A, T, ("number",), D), (T, ("number",))),
    "periodical": TypeSpec("Zeitschrift", (E, T, D)),
    "suppperiodical": TypeSpec("Beigabe zu einer Zeitschrift", (AE, T, D)),
    "proceedings": TypeSpec("Tagungsband", (T, D)),
    "mvproceedings": TypeSpec("Mehrbändiger Tagungsband", (T, D)),
    "inproceedings": TypeSpec("Tagungsbeitrag", (A, T, IN_BOOK, D), (T, IN_BOOK)),
    "reference": TypeSpec("Nachschlagewerk", (E, T, D)),
    "mvreference": TypeSpec("Mehrbändiges Nachschlagewerk", (E, T, D)),
    "inreference": TypeSpec("Artikel in einem Nachschlagewerk", (A, E, T, IN_BOOK, D), (T, IN_BOOK)),
    "report": TypeSpec("Bericht", (A, T, ("type",), ("institution",), D)),
    "software": TypeSpec("Software", (AE, T, D)),
    "thesis": TypeSpec("Hochschulschrift", (A, T, ("type",), ("institution",), D)),
    "unpublished": TypeSpec("Unveröffentlicht", (A, T, D)),
    # biblatex's non-standard types: known to biber, printed like @misc.
    "artwork": TypeSpec("Kunstwerk"), "audio": TypeSpec("Audioaufnahme"),
    "bibnote": TypeSpec("Anmerkung"), "commentary": TypeSpec("Kommentar"),
    "image": TypeSpec("Bild"), "jurisdiction": TypeSpec("Gerichtsentscheidung"),
    "legislation": TypeSpec("Gesetz oder Verordnung"), "legal": TypeSpec("Rechtstext"),
    "letter": TypeSpec("Brief"), "movie": TypeSpec("Film"), "music": TypeSpec("Musikaufnahme"),
    "performance": TypeSpec("Aufführung"), "review": TypeSpec("Rezension"),
    "standard": TypeSpec("Norm"), "video": TypeSpec("Video"),
    **{f"custom{c}": TypeSpec("Sonstiges") for c in "abcdef"},
}

# Hard aliases, resolved before anything else (biblatex manual §2.1.2 and its „bibtex“
# source map): the source type becomes the target type; some set ``type``.
TYPE_ALIASES: dict[str, tuple[str, str]] = {
    "conference": ("inproceedings", ""),
    "electronic": ("online", ""),
    "www": ("online", ""),
    "mastersthesis": ("thesis", "mathesis"),
    "phdthesis": ("thesis", "phdthesis"),
    # biber sets type = techreport, which German biblatex prints „Technischer Bericht“; for
    # the reports of ministries and agencies that Zotero exports as @techreport that is wrong,
    # so a @techreport without its own type is just a „Bericht“.
    "techreport": ("report", ""),
}
# Classic BibTeX's required fields (btxdoc) for the BibTeX types that are aliases.
# Only the title and the book of a conference paper are essential.
BIBTEX_REQUIRED: dict[str, TypeSpec] = {
    "conference": TypeSpec("Tagungsbeitrag", (A, T, IN_BOOK, ("year",)), (T, IN_BOOK)),
    "mastersthesis": TypeSpec("Masterarbeit", (A, T, ("institution",), ("year",))),
    "phdthesis": TypeSpec("Dissertation", (A, T, ("institution",), ("year",))),
    "techreport": TypeSpec("Technischer Bericht", (A, T, ("institution",), ("year",))),
}
# biblatex manual §2.2.5 and the „bibtex“ source map. ``pdf`` is left alone: biber maps it
# to ``file`` (a private local path); here an http(s) ``pdf`` is a public link.
FIELD_ALIASES = {
    "address": "location", "school": "institution", "annote": "annotation",
    "archiveprefix": "eprinttype", "journal": "journaltitle", "primaryclass": "eprintclass",
    "key": "sortkey",
}
# Entries that hold data for others or steer a style: no page of their own.
SKIPPED_TYPES = {
    "set": "ist eine Gruppe anderer Einträge (@set) und bekommt keine eigene Seite",
    "xdata": "hält nur Daten für andere Einträge (@xdata) und bekommt keine eigene Seite",
}


def skipped(entry_type: str, written: str = "") -> str | None:
    """Why an entry of this type gets no page (``@set``, ``@xdata``, ``@IEEEtranBSTCTL``)."""
    if entry_type in SKIPPED_TYPES:
        return SKIPPED_TYPES[entry_type]
    if entry_type.endswith("ctl"):
        return f"steuert einen BibTeX-Stil (@{written or entry_type}) und bekommt keine eigene Seite"
    return None


# Values of ``type`` that biblatex localises (german.lbx), and what the German page says.
# „mathesis“ is Masterarbeit, not the lbx's older „Magisterarbeit“.
SUBTYPES = {
    "phdthesis": "Dissertation", "mathesis": "Masterarbeit", "bathesis": "Bachelorarbeit",
    "candthesis": "Qualifikationsschrift", "habilitation": "Habilitationsschrift",
    "diplomathesis": "Diplomarbeit", "techreport": "Technischer Bericht",
    "resreport": "Forschungsbericht", "software": "Software", "datacd": "CD-ROM",
    "audiocd": "Audio-CD", "patent": "Patent", "patentde": "Deutsches Patent",
    "patenteu": "Europäisches Patent", "patentfr": "Französisches Patent", "patentuk": "Britisches Patent",
    "patentus": "US-Patent", "patreq": "Patentanmeldung", "patreqde": "Deutsche Patentanmeldung",
    "patreqeu": "Europäische Patentanmeldung", "patreqfr": "Französische Patentanmeldung",
    "patrequk": "Britische Patentanmeldung", "patrequs": "US-Patentanmeldung",
}
# Free-text types as Zotero, Citavi and JabRef write them, to the standard value.
SUBTYPE_WORDS = {
    "phd thesis": "phdthesis", "ph.d. thesis": "phdthesis", "ph. d. thesis": "phdthesis",
    "phd dissertation": "phdthesis", "ph.d. dissertation": "phdthesis", "doctoral thesis": "phdthesis",
    "doctoral dissertation": "phdthesis", "dissertation": "phdthesis", "diss.": "phdthesis",
    "doktorarbeit": "phdthesis", "promotion": "phdthesis",
    "master's thesis": "mathesis", "masters thesis": "mathesis", "master thesis": "mathesis",
    "msc thesis": "mathesis", "m.sc. thesis": "mathesis", "ma thesis": "mathesis",
    "masterarbeit": "mathesis", "master-arbeit": "mathesis", "magisterarbeit": "mathesis",
    "bachelor's thesis": "bathesis", "bachelor thesis": "bathesis", "bachelorarbeit": "bathesis",
    "bsc thesis": "bathesis", "ba thesis": "bathesis",
    "diploma thesis": "diplomathesis", "diplomarbeit": "diplomathesis",
    "habilitation": "habilitation", "habilitationsschrift": "habilitation",
    "habilitation thesis": "habilitation",
    "technical report": "techreport", "tech. rep.": "techreport", "tech. report": "techreport",
    "technischer bericht": "techreport",
    "research report": "resreport", "forschungsbericht": "resreport",
}
OTHER_TYPE_WORDS = {
    "working paper": "Arbeitspapier", "discussion paper": "Diskussionspapier",
    "policy paper": "Positionspapier", "white paper": "Whitepaper", "report": "Bericht",
    "preprint": "Preprint", "book": "Buch", "thesis": "Hochschulschrift",
}


def subtype(value: str) -> str:
    """The standard value behind a ``type`` field ("PhD thesis" → "phdthesis"), or ""."""
    word = value.strip().lower()
    if word in SUBTYPES:
        return word
    return SUBTYPE_WORDS.get(word, "")


def subtype_label(value: str) -> str:
    """What the German page prints for a ``type`` field: a localised term or the text."""
    standard = subtype(value)
    if standard:
        return SUBTYPES[standard]
    return OTHER_TYPE_WORDS.get(value.strip().lower(), value.strip())


def type_label(entry_type: str, standard_subtype: str = "") -> str:
    if standard_subtype in SUBTYPES and entry_type in ("thesis", "report", "misc", "software"):
        return SUBTYPES[standard_subtype]
    spec = ENTRY_TYPES.get(entry_type)
    return spec.label if spec else "Sonstiges"


def type_key(entry_type: str, standard_subtype: str = "") -> str:
    """The value the listing filters on: the subtype where it is a kind of its own."""
    if standard_subtype and entry_type in ("thesis", "report"):
        return standard_subtype
    return entry_type


def requirements(source_type: str, entry_type: str) -> TypeSpec:
    return BIBTEX_REQUIRED.get(source_type) or ENTRY_TYPES.get(entry_type) or ENTRY_TYPES["misc"]


# Inheritance (biblatex appendix „Default Inheritance Setup“): by default every field the
# child lacks comes from its ``crossref`` parent under the same name; these pairs of
# parent and child types rename fields instead, and some fields are never inherited.
NOT_INHERITED = frozenset({
    "ids", "crossref", "xref", "entryset", "entrysubtype", "execute", "label", "options",
    "presort", "related", "relatedoptions", "relatedstring", "relatedtype", "shorthand",
    "shorthandintro", "sortkey", "xdata",
})
_TITLES = ("title", "subtitle", "titleaddon")
_SKIPPED_TITLES = ("shorttitle", "sorttitle", "indextitle", "indexsorttitle")


def _rule(targets: tuple[str, str, str]) -> dict[str, tuple[str, ...]]:
    rule: dict[str, tuple[str, ...]] = {s: (t,) for s, t in zip(_TITLES, targets, strict=True)}
    rule.update({name: () for name in _SKIPPED_TITLES})
    return rule


_MAIN = _rule(("maintitle", "mainsubtitle", "maintitleaddon"))
_BOOK = _rule(("booktitle", "booksubtitle", "booktitleaddon"))
INHERITANCE: dict[tuple[str, str], dict[str, tuple[str, ...]]] = {}
for _parents, _children, _rules in (
    (("mvbook", "book"), ("inbook", "bookinbook", "suppbook"), {"author": ("author", "bookauthor")}),
    (("mvbook",), ("book", "inbook", "bookinbook", "suppbook"), _MAIN),
    (("mvcollection", "mvreference"), ("collection", "reference", "incollection", "inreference",
                                        "suppcollection"), _MAIN),
    (("mvproceedings",), ("proceedings", "inproceedings"), _MAIN),
    (("book",), ("inbook", "bookinbook", "suppbook"), _BOOK),
    (("collection", "reference"), ("incollection", "inreference", "suppcollection"), _BOOK),
    (("proceedings",), ("inproceedings",), _BOOK),
    (("periodical",), ("article", "suppperiodical"),
     _rule(("journaltitle", "journalsubtitle", "journaltitleaddon"))),
):
    for _parent in _parents:
        for _child in _children:
            INHERITANCE.setdefault((_parent, _child), {}).update(_rules)


def inherited(parent_type: str, child_type: str, fields: dict[str, str]) -> dict[str, str]:
    """The fields a child of ``child_type`` gets from a parent's ``fields``."""
    rules = INHERITANCE.get((parent_type, child_type), {})
    result: dict[str, str] = {}
    for name, value in fields.items():
        if name in NOT_INHERITED:
            continue
        for target in rules.get(name, (name,)):
            result.setdefault(target, value)
    return result
