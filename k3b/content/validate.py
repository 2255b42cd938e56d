"""Front matter against the schema of its content type, with German messages.

A page's type follows from where it lies (``registry.type_for``). Validation never raises
on bad input; it returns the item (or ``None``) and appends problems.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from .. import timing
from ..detection import Detection, detect_topics
from ..fields import Context, FieldSpec
from ..frontmatter import FrontMatter
from ..images import Teaser, resolve
from ..problems import ProblemList
from ..publishing import status
from ..slugs import slugify
from ..topics import Vocabulary
from .base import ContentItem, ContentType, Unfinished
from .registry import type_for

# Keys Material for MkDocs understands; allowed on every page without a warning.
THEME_KEYS = frozenset({"hide", "template", "icon", "status", "search", "subtitle", "tags"})
# The page templates a page may name in „template:“, all in overrides/; any other value would
# be a path for Jinja to open (../../etc/passwd) and end in an English traceback.
TEMPLATES = frozenset({"main.html"})


def _template(fm: FrontMatter, path: str, problems: ProblemList) -> None:
    value = fm.data.get("template")
    if value is not None and value not in TEMPLATES:
        problems.add(path, fm.line_of("template"), f"Feld „template“: „{value}“ gibt es nicht – erlaubt: "
                     + ", ".join(sorted(TEMPLATES)) + " (das Feld braucht es fast nie; am besten löschen)")


def _unknown_keys(fm: FrontMatter, fields: tuple[FieldSpec, ...], path: str, problems: ProblemList):
    known = [spec.key for spec in fields]
    for key in fm.data:
        if key in known or key in THEME_KEYS:
            continue
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.7)
        hint = f" – meinten Sie „{close[0]}“?" if close else " – erlaubt: " + ", ".join(known)
        problems.add(path, fm.line_of(key), f"unbekanntes Feld „{key}“{hint}")


def _read_values(kind: ContentType, fm: FrontMatter, shown: str, problems: ProblemList,
                 vocabulary: Vocabulary) -> dict[str, Any]:
    """Each field of the type's schema, read and cleaned; a missing or unreadable one is None
    (or absent), with its problem added."""
    values: dict[str, Any] = {}
    for spec in kind.all_fields:
        raw = fm.data.get(spec.key)
        if raw is None or raw == "" or raw == []:
            if spec.required:
                problems.add(shown, fm.line_of(spec.key) if spec.key in fm.data else 1,
                             f"Pflichtfeld „{spec.key}“ fehlt")
            continue
        values[spec.key] = spec.read(raw, Context(spec.key, fm.line_of(spec.key), shown, problems,
                                                  vocabulary, fm.key_lines))
    return values


def unfinished(src_path: str, fm: FrontMatter, vocabulary: Vocabulary, display_path: str) -> Unfinished:
    """A page that ``validate`` refused, with the fields that could be read: for the checks
    against the rest of the site (``ContentType.check_unfinished``), so that those problems come
    in the same build as the others. Its own problems were reported by ``validate``."""
    kind = type_for(src_path)
    values = _read_values(kind, fm, display_path, ProblemList(), vocabulary)
    return Unfinished(kind, {k: v for k, v in values.items() if v is not None}, fm.key_lines, display_path)


def validate(
    src_path: str,
    url: str,
    fm: FrontMatter,
    vocabulary: Vocabulary,
    problems: ProblemList,
    display_path: str | None = None,
    today: dt.date | None = None,
) -> ContentItem | None:
    """Check a page's front matter against the schema of its type and build the item.

    Topics missing from an item of a type that detects them are detected from the body.
    ``today`` is the build date: it decides whether the item is published yet.
    Returns ``None`` when a problem was added for this page.
    """
    shown = display_path or src_path
    kind = type_for(src_path)
    before = len(problems)
    if kind.is_content:
        stem = src_path.rsplit("/", 1)[-1].removesuffix(".md")
        if stem != slugify(stem):
            problems.add(shown, 1, f"Dateiname „{stem}.md“ ergibt keine saubere Adresse – "
                         f"bitte in „{slugify(stem)}.md“ umbenennen")
        taken = kind.taken_name(stem)
        if taken:
            problems.add(shown, 1, f"Dateiname „{stem}.md“: {taken} – bitte die Datei umbenennen")
        if not fm.present:
            problems.add(shown, 1, f"Front Matter fehlt – ein {kind.label} beginnt mit „---“ "
                         "und den Feldern " + ", ".join(s.key for s in kind.fields if s.required))
            return None
        _unknown_keys(fm, kind.all_fields, shown, problems)
    _template(fm, shown, problems)
    values = _read_values(kind, fm, shown, problems, vocabulary)
    # Written (even if unreadable, with a problem of its own) or not: "in values".
    if "image" in values and "image_alt" not in values:
        problems.add(shown, fm.line_of("image"), "Feld „image“ braucht auch „image_alt“: "
                     "ein Vorschaubild hat immer einen Alternativtext")
    elif "image_alt" in values and "image" not in values:
        problems.add(shown, fm.line_of("image_alt"), "Feld „image_alt“ ohne „image“: der Alternativtext "
                     "gehört zu einem Vorschaubild – „image“ ergänzen oder „image_alt“ löschen")
    # Checks across fields run even when a field has a problem, so that a file's problems all
    # come in one build; a field that could not be read is None in ``values``.
    kind.check(values, fm, Context("", 1, shown, problems, vocabulary, fm.key_lines))
    if len(problems) > before:
        return None
    detections: tuple[Detection, ...] = ()
    topics = values.get("topics") or ()
    if kind.detect_topics and not topics:
        with timing.phase("detection"):  # part of "content"; reported on its own too
            detections = tuple(detect_topics(fm.body, vocabulary))
        topics = tuple(d.topic.slug for d in detections)
    return ContentItem(
        kind=kind,
        src_path=src_path,
        url=url,
        title=values.get("title") or "",
        date=kind.date_of(values),
        authors=values.get("authors") or (),
        summary=values.get("summary") or values.get("description") or "",
        topics=topics,
        detections=detections,
        details=kind.details(values),
        status=status(values.get("draft") is True, kind.published_on(values), today or dt.date.today()),
        release=kind.published_on(values),
        image=Teaser(resolve(src_path, values["image"]), values["image_alt"], fm.line_of("image"),
                     values["image"]) if values.get("image") else None,
        project=values.get("project") or "",
        lines=tuple(part for spec in kind.fields if spec.key in fm.key_lines
                    for part in (spec.key, fm.key_lines[spec.key])) if kind.is_content else (),
    )
