"""The content model: one schema per content type, validated with German messages.

A page's kind follows from where it lies: ``artikel/<slug>.md`` is an article,
``fallbeispiele/<slug>.md`` a case study, everything else a plain page. Validation never
raises on bad input; it returns the item (or ``None``) and appends problems.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from . import timing
from .detection import Detection, detect_topics
from .frontmatter import FrontMatter
from .problems import ProblemList
from .slugs import slugify
from .topics import Vocabulary

BUNDESLAENDER = (
    "Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen",
    "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz",
    "Saarland", "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen",
)
PHASES = ("Analyse", "Beratung", "Umsetzung", "Abgeschlossen")
SUMMARY_MAX = 300
# Keys Material for MkDocs understands; allowed on every page without a warning.
THEME_KEYS = frozenset({"hide", "template", "icon", "status", "search", "subtitle", "tags"})


class Kind(Enum):
    ARTICLE = "Artikel"
    CASE_STUDY = "Fallbeispiel"
    PAGE = "Seite"


SECTIONS = {"artikel": Kind.ARTICLE, "fallbeispiele": Kind.CASE_STUDY}


@dataclass(frozen=True, slots=True)
class CaseDetails:
    """The structured facts of a case study."""

    kommune: str
    landkreis: str
    bundesland: str
    period: str
    phase: str
    actors: tuple[str, ...]
    approach: str
    outcome: str
    fictional: bool


@dataclass(frozen=True, slots=True)
class ContentItem:
    """A validated article, case study or page."""

    kind: Kind
    src_path: str
    url: str
    title: str
    date: dt.date | None = None
    authors: tuple[str, ...] = ()
    summary: str = ""
    topics: tuple[str, ...] = ()
    detections: tuple[Detection, ...] = ()
    case: CaseDetails | None = None

    @property
    def topics_detected(self) -> bool:
        return bool(self.detections)


def kind_for(src_path: str) -> Kind:
    """The content type of a page, from its path below ``docs/``."""
    parts = src_path.replace("\\", "/").split("/")
    if len(parts) == 2 and parts[0] in SECTIONS and parts[1] != "index.md":
        return SECTIONS[parts[0]]
    return Kind.PAGE


# --- field readers: each returns the cleaned value or None after reporting a problem -----

Reader = Callable[[Any, "_Context"], Any]


@dataclass
class _Context:
    key: str
    line: int
    path: str
    problems: ProblemList
    vocabulary: Vocabulary

    def fail(self, message: str) -> None:
        self.problems.add(self.path, self.line, f"Feld „{self.key}“: {message}")


def _text(value: Any, ctx: _Context) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        ctx.fail("muss ein einfacher Text sein")
        return None
    return str(value).strip()


def _summary(value: Any, ctx: _Context) -> str | None:
    text = _text(value, ctx)
    if text is not None and len(text) > SUMMARY_MAX:
        ctx.fail(f"ist {len(text)} Zeichen lang, höchstens {SUMMARY_MAX} sind erlaubt")
        return None
    return text


def _date(value: Any, ctx: _Context) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            pass
    ctx.fail(f"„{text}“ ist kein Datum – bitte als JJJJ-MM-TT angeben, z. B. 2025-03-14")
    return None


def _text_list(value: Any, ctx: _Context, split_commas: bool = False) -> tuple[str, ...] | None:
    if isinstance(value, str):
        # A single value written without a list is accepted, not punished.
        items = value.split(",") if split_commas else [value]
    elif isinstance(value, list):
        items = value
    else:
        ctx.fail("muss eine Liste sein (jede Zeile mit „- “ beginnen)")
        return None
    if not all(isinstance(item, str | int | float) and not isinstance(item, bool) for item in items):
        ctx.fail("jeder Listeneintrag muss ein einfacher Text sein")
        return None
    return tuple(str(item).strip() for item in items if str(item).strip())


def _authors(value: Any, ctx: _Context) -> tuple[str, ...] | None:
    return _text_list(value, ctx)


def _topics(value: Any, ctx: _Context) -> tuple[str, ...] | None:
    names = _text_list(value, ctx, split_commas=True)
    if names is None:
        return None
    slugs: list[str] = []
    for name in names:
        topic = ctx.vocabulary.resolve(name)
        if topic is None:
            suggestion = ctx.vocabulary.suggest(name)
            hint = f" – meinten Sie „{suggestion}“?" if suggestion else (
                " – erlaubt sind: " + ", ".join(t.label for t in ctx.vocabulary.topics)
            )
            ctx.problems.add(ctx.path, ctx.line, f"unbekanntes Thema „{name}“{hint}")
        elif topic.slug not in slugs:
            slugs.append(topic.slug)
    return tuple(slugs)


def _choice(options: tuple[str, ...], what: str) -> Reader:
    def read(value: Any, ctx: _Context) -> str | None:
        text = _text(value, ctx)
        if text is None:
            return None
        for option in options:
            if slugify(option) == slugify(text):
                return option
        close = difflib.get_close_matches(text, options, n=1, cutoff=0.6)
        hint = f" – meinten Sie „{close[0]}“?" if close else " – erlaubt: " + ", ".join(options)
        ctx.problems.add(ctx.path, ctx.line, f"unbekannte{what} „{text}“{hint}")
        return None

    return read


def _period(value: Any, ctx: _Context) -> str | None:
    text = _text(value, ctx)
    if text is not None and not re.search(r"\b(19|20)\d\d\b", text):
        ctx.fail(f"„{text}“ enthält keine Jahreszahl – z. B. „2022–2024“ oder „seit 2023“")
        return None
    return text


def _flag(value: Any, ctx: _Context) -> bool | None:
    if isinstance(value, bool):
        return value
    ctx.fail("muss „true“ oder „false“ sein")
    return None


@dataclass(frozen=True)
class FieldSpec:
    key: str
    read: Reader
    required: bool = True


ARTICLE_FIELDS = (
    FieldSpec("title", _text),
    FieldSpec("date", _date),
    FieldSpec("authors", _authors),
    FieldSpec("summary", _summary),
    FieldSpec("topics", _topics, required=False),
)
CASE_STUDY_FIELDS = ARTICLE_FIELDS + (
    FieldSpec("kommune", _text),
    FieldSpec("landkreis", _text),
    FieldSpec("bundesland", _choice(BUNDESLAENDER, "s Bundesland")),
    FieldSpec("period", _period),
    FieldSpec("phase", _choice(PHASES, " Phase")),
    FieldSpec("actors", _authors),
    FieldSpec("approach", _text),
    FieldSpec("outcome", _text),
    FieldSpec("fictional", _flag),
)
PAGE_FIELDS = (
    FieldSpec("title", _text, required=False),
    FieldSpec("summary", _summary, required=False),
    FieldSpec("description", _summary, required=False),
)
SCHEMAS = {Kind.ARTICLE: ARTICLE_FIELDS, Kind.CASE_STUDY: CASE_STUDY_FIELDS, Kind.PAGE: PAGE_FIELDS}


def _unknown_keys(fm: FrontMatter, fields: tuple[FieldSpec, ...], path: str, problems: ProblemList):
    known = [spec.key for spec in fields]
    for key in fm.data:
        if key in known or key in THEME_KEYS:
            continue
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.7)
        hint = f" – meinten Sie „{close[0]}“?" if close else " – erlaubt: " + ", ".join(known)
        problems.add(path, fm.line_of(key), f"unbekanntes Feld „{key}“{hint}")


def validate(
    src_path: str,
    url: str,
    fm: FrontMatter,
    vocabulary: Vocabulary,
    problems: ProblemList,
    display_path: str | None = None,
) -> ContentItem | None:
    """Check a page's front matter against the schema of its kind and build the item.

    Topics missing from an article or case study are detected from the body text.
    Returns ``None`` when a problem was added for this page.
    """
    shown = display_path or src_path
    kind = kind_for(src_path)
    fields = SCHEMAS[kind]
    before = len(problems)
    if kind is not Kind.PAGE:
        stem = src_path.rsplit("/", 1)[-1].removesuffix(".md")
        if stem != slugify(stem):
            problems.add(shown, 1, f"Dateiname „{stem}.md“ ergibt keine saubere Adresse – "
                         f"bitte in „{slugify(stem)}.md“ umbenennen")
        if not fm.present:
            problems.add(shown, 1, f"Front Matter fehlt – ein {kind.value} beginnt mit „---“ "
                         "und den Feldern " + ", ".join(s.key for s in fields if s.required))
            return None
        _unknown_keys(fm, fields, shown, problems)
    values: dict[str, Any] = {}
    for spec in fields:
        raw = fm.data.get(spec.key)
        if raw is None or raw == "" or raw == []:
            if spec.required:
                problems.add(shown, fm.line_of(spec.key) if spec.key in fm.data else 1,
                             f"Pflichtfeld „{spec.key}“ fehlt")
            continue
        ctx = _Context(spec.key, fm.line_of(spec.key), shown, problems, vocabulary)
        values[spec.key] = spec.read(raw, ctx)
    if len(problems) > before:
        return None
    detections: tuple[Detection, ...] = ()
    topics = values.get("topics") or ()
    if kind is not Kind.PAGE and not topics:
        with timing.phase("detection"):  # part of "content"; reported on its own too
            detections = tuple(detect_topics(fm.body, vocabulary))
        topics = tuple(d.topic.slug for d in detections)
    case = None
    if kind is Kind.CASE_STUDY:
        case = CaseDetails(**{k: values[k] for k in CaseDetails.__dataclass_fields__})
    return ContentItem(
        kind=kind,
        src_path=src_path,
        url=url,
        title=values.get("title") or "",
        date=values.get("date"),
        authors=values.get("authors") or (),
        summary=values.get("summary") or values.get("description") or "",
        topics=topics,
        detections=detections,
        case=case,
    )
