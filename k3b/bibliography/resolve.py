"""From entries as written to entries as biber sees them, across all .bib files.

Order, as in biber: type aliases (``@techreport`` → ``@report``, ``type = techreport``)
and field aliases (``journal`` → ``journaltitle``) first, then ``xdata`` and ``crossref``
inheritance, and only then the required fields of the resolved type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .datamodel import ENTRY_TYPES, FIELD_ALIASES, TYPE_ALIASES, TypeSpec, inherited, requirements, skipped
from .reader import RawEntry

# biblatex's field names, with the BibTeX names staff may know them by.
WRITTEN = {"journaltitle": "journal“ oder „journaltitle", "institution": "institution“ oder „school",
           "location": "location“ oder „address"}
CHAPTER_NUMBER = re.compile(r"^[\dIVXLC]+(?:[.\d]*)$")


@dataclass(frozen=True, slots=True)
class Located:
    """A raw entry and the file it came from (as staff see its path)."""

    entry: RawEntry
    source: str
    own: bool


@dataclass(frozen=True, slots=True)
class Resolved:
    """An entry with its biblatex type and every field it has after inheritance."""

    located: Located
    entry_type: str
    fields: dict[str, str]  # biblatex field name → value with its LaTeX
    bibtex_inbook: bool = False  # classic @inbook: the title is the book's, the part is a chapter


Problem = tuple[str, int, str]  # (file, line, message)


def canonical_fields(entry: RawEntry) -> dict[str, str]:
    """Lower-case field names with biblatex's aliases applied (``journal`` → ``journaltitle``)."""
    fields: dict[str, str] = {}
    aliased: list[tuple[str, str]] = []
    for name, value in entry.fields:
        name = name.lower()
        if name in FIELD_ALIASES:
            aliased.append((FIELD_ALIASES[name], value))
        else:
            fields[name] = value
    for name, value in aliased:
        fields.setdefault(name, value)  # journaltitle wins over journal, as in biber
    return fields


def entry_type(entry: RawEntry, fields: dict[str, str]) -> tuple[str, str | None]:
    """(biblatex type, note) for an entry; aliases set ``type`` if it is missing."""
    written = entry.type
    if written in TYPE_ALIASES:
        target, subtype = TYPE_ALIASES[written]
        if subtype and not fields.get("type"):
            fields["type"] = subtype
        return target, None
    if written in ENTRY_TYPES or skipped(written):
        return written, None
    return "misc", (f"Eintrag „{entry.key}“: unbekannter Typ „@{entry.original_type}“ – "
                    "wird als „Sonstiges“ (@misc) gezeigt")


def resolve(located: Iterable[Located]) -> tuple[list[Resolved], list[Problem], list[Problem]]:
    """Every entry that gets a page, with inheritance done; (entries, errors, notes)."""
    errors: list[Problem] = []
    notes: list[Problem] = []
    table: dict[str, tuple[Located, str, dict[str, str]]] = {}
    order: list[str] = []
    for item in located:
        fields = canonical_fields(item.entry)
        kind, note = entry_type(item.entry, fields)
        if note:
            notes.append((item.source, item.entry.line, note))
        table.setdefault(item.entry.key, (item, kind, fields))
        order.append(item.entry.key)
    folded = {key.casefold(): key for key in table}
    done: dict[str, dict[str, str]] = {}

    def find(key: str) -> str | None:
        return key if key in table else folded.get(key.strip().casefold())

    def full(key: str, trail: tuple[str, ...]) -> dict[str, str]:
        if key in done:
            return done[key]
        item, kind, fields = table[key]
        result = dict(fields)
        for xdata in (k.strip() for k in fields.get("xdata", "").split(",") if k.strip()):
            target = _target(item, xdata, "xdata", trail, find, errors, notes)
            if target is not None:
                for name, value in full(target, (*trail, key)).items():
                    if name not in ("xdata", "crossref"):
                        result.setdefault(name, value)
        parent = fields.get("crossref", "").strip()
        if parent:
            target = _target(item, parent, "crossref", trail, find, errors, notes)
            if target is not None:
                _parent_item, parent_kind, _ = table[target]
                for name, value in inherited(parent_kind, kind, full(target, (*trail, key))).items():
                    result.setdefault(name, value)
        done[key] = result
        return result

    resolved: list[Resolved] = []
    seen: set[str] = set()
    for key in order:
        if key in seen:
            continue  # duplicates are reported by the caller
        seen.add(key)
        item, kind, _ = table[key]
        why = skipped(item.entry.type, item.entry.original_type)
        if why:
            notes.append((item.source, item.entry.line, f"Eintrag „{key}“ {why}"))
            continue
        fields = full(key, ())
        if kind == "inbook" and fields.get("booktitle") and not fields.get("title") \
                and (fields.get("pages") or fields.get("chapter")):
            # A part of a book given by its pages, the book from crossref (BibTeX's way).
            fields["title"] = fields.pop("booktitle")
        bibtex_inbook = kind == "inbook" and not fields.get("booktitle")
        if bibtex_inbook and fields.get("chapter") and not CHAPTER_NUMBER.match(fields["chapter"].strip()):
            # Classic BibTeX: title is the book, chapter names the part; biblatex has both.
            fields["booktitle"], fields["title"] = fields.get("title", ""), fields.pop("chapter")
            bibtex_inbook = False
        resolved.append(Resolved(item, kind, fields, bibtex_inbook))
    return resolved, errors, notes


def _target(item: Located, key: str, field: str, trail: tuple[str, ...], find, errors, notes) -> str | None:
    target = find(key)
    where = (item.source, item.entry.line)
    if target is None:
        notes.append((*where, f"Eintrag „{item.entry.key}“: „{field} = {key}“ verweist auf keinen "
                               "Eintrag – nichts geerbt"))
        return None
    if target == item.entry.key or target in trail:
        errors.append((*where, f"Eintrag „{item.entry.key}“: „{field} = {key}“ verweist im Kreis "
                                "auf sich selbst zurück"))
        return None
    return target


INBOOK_BIBTEX = TypeSpec("Buchkapitel", (("author", "editor"), ("title",), ("chapter", "pages"),
                                         ("publisher",), ("date", "year")))


def check_required(resolved: Resolved) -> tuple[list[str], list[str]]:
    """(missing essential groups, missing other groups), each as „a“ oder „b“ text."""
    spec = INBOOK_BIBTEX if resolved.bibtex_inbook else requirements(
        resolved.located.entry.type, resolved.entry_type)
    fields = resolved.fields
    essential, other = [], []
    for group in spec.required:
        if any(fields.get(name, "").strip() for name in group):
            continue
        text = "„" + "“ oder „".join(WRITTEN.get(name, name) for name in group) + "“"
        (essential if group in spec.essential else other).append(text)
    return essential, other
