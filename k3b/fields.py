"""Front matter fields: readers that clean a value or report a German problem.

A content type lists its fields as ``FieldSpec``s. Each reader returns the cleaned value,
or ``None`` after it has added a problem naming the field and its line. Readers never raise
on bad input.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .problems import ProblemList
from .slugs import slugify
from .topics import Vocabulary

SUMMARY_MAX = 300

Reader = Callable[[Any, "Context"], Any]


@dataclass
class Context:
    """Where a value stands, for the message about it."""

    key: str
    line: int
    path: str
    problems: ProblemList
    vocabulary: Vocabulary
    lines: Mapping[str, int] = field(default_factory=dict)  # the front matter's key lines
    label: str = ""  # how messages name the value, if not „Feld „key““

    def fail(self, message: str) -> None:
        self.problems.add(self.path, self.line, f"{self.label or f'Feld „{self.key}“'}: {message}")

    def item(self, number: int, key: str = "") -> Context:
        """The context of list item ``number`` (0-based) or of its ``key``, on its own line."""
        path = f"{self.key}.{number}" + (f".{key}" if key else "")
        label = f"Feld „{self.key}“, Eintrag {number + 1}" + (f", „{key}“" if key else "")
        line = self.lines.get(path) or self.lines.get(f"{self.key}.{number}") or self.line
        return Context(path, line, self.path, self.problems, self.vocabulary, self.lines, label)


@dataclass(frozen=True)
class FieldSpec:
    """One front matter field: its key, its reader, and what staff are told about it.

    ``help`` is German and says what belongs there; the template of ``make neu`` and the
    field tables of REDAKTION.md are written from it, so the schema stays the one source.
    """

    key: str
    read: Reader
    required: bool = True
    help: str = ""


def text(value: Any, ctx: Context) -> str | None:
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        ctx.fail("muss ein einfacher Text sein")
        return None
    return str(value).strip()


def summary(value: Any, ctx: Context) -> str | None:
    result = text(value, ctx)
    if result is not None and len(result) > SUMMARY_MAX:
        ctx.fail(f"ist {len(result)} Zeichen lang, höchstens {SUMMARY_MAX} sind erlaubt")
        return None
    return result


def date(value: Any, ctx: Context) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raw = str(value).strip()
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(raw, pattern).date()
        except ValueError:
            pass
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}", raw):
        ctx.fail(f"„{raw}“: diesen Tag gibt es nicht")
        return None
    if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{2}", raw):  # 14.3.25: 1925 or 2025?
        ctx.fail(f"„{raw}“: die Jahreszahl bitte vierstellig schreiben, z. B. 14.03.2025 oder 2025-03-14")
        return None
    ctx.fail(f"„{raw}“ ist kein Datum – bitte als JJJJ-MM-TT angeben, z. B. 2025-03-14")  # or 14.03.2025
    return None


def text_list(value: Any, ctx: Context, split_commas: bool = False) -> tuple[str, ...] | None:
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


def names(value: Any, ctx: Context) -> tuple[str, ...] | None:
    """A list of people or groups (authors, actors)."""
    return text_list(value, ctx)


def topics(value: Any, ctx: Context) -> tuple[str, ...] | None:
    """Topic labels, slugs or synonyms, as slugs of the vocabulary."""
    labels = text_list(value, ctx, split_commas=True)
    if labels is None:
        return None
    slugs: list[str] = []
    for name in labels:
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


def match_choice(raw: str, options: tuple[str, ...], what: str, ctx: Context) -> str | None:
    """``raw`` as one of ``options`` (case, spaces and umlauts aside), or a problem."""
    for option in options:
        if slugify(option) == slugify(raw):
            return option
    close = difflib.get_close_matches(raw, options, n=1, cutoff=0.6)
    hint = f" – meinten Sie „{close[0]}“?" if close else " – erlaubt: " + ", ".join(options)
    ctx.problems.add(ctx.path, ctx.line, f"unbekannte{what} „{raw}“{hint}")
    return None


def choice(options: tuple[str, ...], what: str) -> Reader:
    """A reader for one of ``options``; ``what`` completes „unbekannte…“ („s Bundesland“)."""
    def read(value: Any, ctx: Context) -> str | None:
        raw = text(value, ctx)
        return None if raw is None else match_choice(raw, options, what, ctx)

    return read


def period(value: Any, ctx: Context) -> str | None:
    result = text(value, ctx)
    if result is not None and not re.search(r"\b(19|20)\d\d\b", result):
        ctx.fail(f"„{result}“ enthält keine Jahreszahl – z. B. „2022–2024“ oder „seit 2023“")
        return None
    return result


def http_url(value: Any, ctx: Context) -> str | None:
    """An absolute http(s) address: anything else could run script or leave the web."""
    raw = text(value, ctx)
    if raw is None:
        return None
    if not re.match(r"^https?://[^\s/?#]+\.[^\s/?#]+[^\s]*$", raw, re.IGNORECASE):
        ctx.fail(f"„{raw}“ ist keine Webadresse – erlaubt sind nur Adressen mit http:// oder https://")
        return None
    return raw


def reference(value: Any, ctx: Context) -> str | None:
    """The slug of another item (``project: klimadialog-nord``); whether it exists is checked
    once every item is read."""
    raw = text(value, ctx)
    if raw is not None and not slugify(raw):
        ctx.fail(f"„{raw}“ ist kein Name einer Seite – z. B. „klimadialog-nord“")
        return None
    return None if raw is None else slugify(raw.removesuffix(".md"))


def flag(value: Any, ctx: Context) -> bool | None:
    if isinstance(value, bool):
        return value
    ctx.fail("muss „true“ oder „false“ sein")
    return None


PROJECT_HELP = ("Optional: das Projekt, zu dem die Seite gehört – der Dateiname der Projektseite unter "
                "docs/projekte/ ohne „.md“, z. B. „dialogorte-im-wandel“.")

# The fields every article-like type starts with.
TEXT_FIELDS = (
    FieldSpec("title", text, help="Überschrift, wie sie über dem Text, in Listen und in "
              "Suchmaschinen steht."),
    FieldSpec("date", date, help="Tag der Veröffentlichung als JJJJ-MM-TT (oder TT.MM.JJJJ). Liegt er "
              "in der Zukunft, erscheint der Text erst an diesem Tag."),
    FieldSpec("authors", names, help="Wer den Text geschrieben hat, eine Zeile pro Person mit „- “ davor, "
              "z. B. „- K3B-Redaktion“."),
    FieldSpec("summary", summary, help=f"Ein bis zwei Sätze (höchstens {SUMMARY_MAX} Zeichen); sie stehen "
              "in Listen und sind die Beschreibung für Suchmaschinen."),
    FieldSpec("topics", topics, required=False, help="Themen aus data/themen.yml, eine Zeile pro Thema "
              "(z. B. „- Energiewende“). Fehlt das Feld, erkennt der Build die Themen aus dem Text."),
    FieldSpec("project", reference, required=False, help=PROJECT_HELP),
)

# Fields every page of every type may have (``ContentType.all_fields`` adds them).
COMMON_FIELDS = (
    FieldSpec("draft", flag, required=False, help="„true“: ein Entwurf, der nur in der Vorschau "
              "(make serve) erscheint und nie veröffentlicht wird. Zum Veröffentlichen löschen oder "
              "auf „false“ setzen."),
    FieldSpec("image", text, required=False, help="Optionales Vorschaubild für Listen und geteilte Links: "
              "Pfad zur Bilddatei, relativ zu dieser Datei, z. B. „bilder/windpark.jpg“. Braucht image_alt."),
    FieldSpec("image_alt", text, required=False, help="Was das Vorschaubild zeigt, in einem Satz "
              "(Alternativtext für Menschen, die das Bild nicht sehen). Pflicht, wenn image gesetzt ist."),
)
