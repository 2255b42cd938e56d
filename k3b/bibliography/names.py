"""Name lists: BibTeX's ``von Last, Jr, First``, biber's extended format, „and others“.

``Müller, Anna and van Dijk, Marten and others`` and
``family=Dijk, given=Marten, prefix=van, useprefix=true`` both become ``Name`` values;
„others“ is never a name but the mark that the list goes on („u. a.“). Classic names go
through pybtex's ``Person`` (BibTeX's own splitting rules), with its complaints caught
and translated.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pybtex import errors as pybtex_errors
from pybtex.bibtex.utils import split_name_list, split_tex_string
from pybtex.database import InvalidNameString, Person

from .latex import to_text
from .messages import too_many_commas
from .model import Name

EXTENDED_PART = re.compile(r"^\s*([A-Za-z][\w-]*)\s*=\s*(.*?)\s*$", re.DOTALL)
EXTENDED_KEYS = {"family", "given", "prefix", "suffix"}
TRUE = {"true", "1", "yes", ""}


def parse_names(
    value: str,
    note: Callable[[str], None],
    unknown: Callable[[str], None] | None = None,
    useprefix: bool = False,
) -> tuple[tuple[Name, ...], bool]:
    """(names, more): ``more`` when the list ends in „and others“."""
    names: list[Name] = []
    more = False
    for part in split_name_list(value):
        if part.strip().lower() == "others":
            more = True
            continue
        name = _extended(part, unknown, useprefix) or _classic(part, note, unknown, useprefix)
        if name is not None and (name.last or name.first):
            names.append(name)
    return tuple(names), more


def _unbrace(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == "{" and value[-1] == "}" or value[:1] == value[-1:] == '"':
        return value[1:-1]
    return value


def _extended(part: str, unknown, useprefix: bool) -> Name | None:
    """biber's ``family=…, given=…, prefix=…, useprefix=…`` (None if the name is classic)."""
    if "=" not in part:
        return None
    pieces = split_tex_string(part, ",")
    matches = [EXTENDED_PART.match(p) for p in pieces]
    if not all(matches) or not any(m.group(1).lower() in EXTENDED_KEYS for m in matches):
        return None
    values = {m.group(1).lower(): _unbrace(m.group(2)) for m in matches}
    if "useprefix" in values:
        useprefix = values["useprefix"].strip().lower() in TRUE
    return Name(
        last=to_text(values.get("family", ""), unknown),
        first=to_text(values.get("given", ""), unknown),
        prefix=to_text(values.get("prefix", ""), unknown),
        suffix=to_text(values.get("suffix", ""), unknown),
        useprefix=useprefix,
    )


def _plain(part: str, useprefix: bool) -> Name | None:
    """BibTeX's splitting for names without braces or commands, without pybtex's scanner.

    pybtex's ``Person`` scans every name character by character (5,000 entries: about a
    second); most names are ``Last, First`` or ``First Last`` and split the same way here
    (``test_plain_names_split_like_pybtex``).
    """
    if "{" in part or "\\" in part or "~" in part or part.count(",") > 2:
        return None
    pieces = [p.strip() for p in part.split(",")]
    if not all(word[0].isalpha() for piece in pieces for word in piece.split()):
        return None
    if len(pieces) == 1:
        words = pieces[0].split()
        if not words:
            return None
        first = words[:-1]
        von_at = next((i for i, w in enumerate(first) if w[0].islower()), len(first))
        given, rest = first[:von_at], words[von_at:]
    else:
        rest = pieces[0].split()
        given = pieces[-1].split()
    if not rest:
        return None
    von_end = 0
    for index, word in enumerate(rest[:-1]):
        if word[0].islower():
            von_end = index + 1
    suffix = pieces[1] if len(pieces) == 3 else ""
    return Name(" ".join(rest[von_end:]), " ".join(given), " ".join(rest[:von_end]), suffix, useprefix)


def _classic(part: str, note, unknown, useprefix: bool) -> Name | None:
    plain = _plain(part, useprefix)
    if plain is not None:
        return plain
    with pybtex_errors.capture() as captured:
        person = Person(part)
    for error in captured:
        if isinstance(error, InvalidNameString):
            note(too_many_commas(to_text(part)))
    return Name(
        last=to_text(" ".join(person.last_names), unknown),
        first=to_text(" ".join(person.first_names + person.middle_names), unknown),
        prefix=to_text(" ".join(person.prelast_names), unknown),
        suffix=to_text(" ".join(person.lineage_names), unknown),
        useprefix=useprefix,
    )
