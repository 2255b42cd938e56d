"""`make neu TYP=artikel TITEL="…"`: a new item with complete front matter, from the schema.

The template is written from the content type's fields (``ContentType.all_fields``): every
field with its German help text as a comment, today's date, ``draft: true``. So every
registered type has a template without code of its own, and the template cannot drift
from what validation accepts. ``field_table`` writes the same help as the Markdown tables of
REDAKTION.md (``python -m k3b.scaffold --leitfaden`` prints them).

    python -m k3b.scaffold artikel "Wenn der Windpark kommt"
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import sys
import textwrap
from pathlib import Path

from . import fields as f
from .builddate import BuildDateError, build_date
from .content import CONTENT_TYPES, ContentType
from .render import page_url
from .slugs import slugify

PREVIEW = "http://127.0.0.1:8000/"
# Empty values by reader: "" and [] count as missing, so the draft lists what is still to do.
EMPTY = {f.names: "[]", f.topics: "[]", f.flag: "false"}


def type_named(name: str) -> ContentType | None:
    """A type by its folder or its label, singular or plural: artikel, fallbeispiel, Fallbeispiele."""
    wanted = slugify(name)
    return next((k for k in CONTENT_TYPES if wanted in (k.name, slugify(k.label), slugify(k.plural))), None)


def type_names() -> list[str]:
    return [slugify(k.label) for k in CONTENT_TYPES]


def template(kind: ContentType, title: str, today: dt.date) -> str:
    """The Markdown file of a new item: commented front matter, then a line for the text."""
    lines = ["---"]
    for spec in kind.all_fields:
        need = "Pflichtfeld" if spec.required else "optional"
        # No line break inside „…“: a quoted example stays on one line. "(optional): Optional: …"
        # would say it twice.
        help_text = re.sub(r"„[^“]*“", lambda m: m.group(0).replace(" ", "\u00a0"),
                           spec.help.removeprefix("Optional: "))
        wrapped = textwrap.wrap(f"{spec.key} ({need}): {help_text}", 92)
        lines += ["# " + line.replace("\u00a0", " ") for line in wrapped]
        lines.append(f"{spec.key}: {_value(spec, title, today)}")
    lines += ["---", "", "<!-- Hier beginnt der Text. Überschriften mit „## “, Bilder mit "
              "![Was das Bild zeigt](bilder/datei.jpg), Quellen mit [@schluessel]. "
              "Mehr in REDAKTION.md. -->", ""]
    return "\n".join(lines)


def _value(spec: f.FieldSpec, title: str, today: dt.date) -> str:
    if spec.key == "title":
        return json.dumps(title, ensure_ascii=False)
    if spec.key == "draft":
        return "true"
    if spec.read is f.date:
        return today.isoformat()
    return EMPTY.get(spec.read, '""')


def field_table(kind: ContentType) -> str:
    """The fields of a type as a Markdown table for REDAKTION.md."""
    rows = ["| Feld | Pflicht | Was hinein gehört |", "|---|---|---|"]
    for spec in kind.all_fields:
        rows.append(f"| `{spec.key}` | {'ja' if spec.required else 'nein'} | {spec.help.replace('|', '/')} |")
    return "\n".join(rows)


def guide_tables() -> str:
    return "\n\n".join(f"### {kind.label} (`docs/{kind.name}/`)\n\n{field_table(kind)}"
                       for kind in CONTENT_TYPES)


def create(docs: Path, type_name: str, title: str, today: dt.date) -> tuple[Path, str]:
    """Write the new file; returns its path and its preview URL.

    Raises:
        ValueError: with the German message for staff.
    """
    kind = type_named(type_name or "")
    if kind is None:
        close = difflib.get_close_matches(slugify(type_name or ""), type_names(), n=1)
        hint = f" – meinten Sie „{close[0]}“?" if close else ""
        allowed = "TYP=" + ", TYP=".join(type_names())
        raise ValueError(f"Typ „{type_name}“ gibt es nicht – erlaubt: {allowed}{hint}")
    slug = slugify(title or "")
    if not slug and (title or "").strip():
        raise ValueError(f"Aus dem Titel „{title.strip()}“ ergibt sich kein Dateiname – bitte einen Titel "
                         "mit Buchstaben oder Ziffern angeben")
    if not slug:
        raise ValueError('Bitte einen Titel angeben: make neu TYP=artikel TITEL="Wenn der Windpark kommt"')
    taken = kind.taken_name(slug)
    if taken:
        raise ValueError(f"Der Titel ergäbe die Datei {docs.name}/{kind.name}/{slug}.md, aber {taken} – "
                         "bitte einen anderen Titel wählen (er lässt sich in der Datei noch ändern)")
    path = docs / kind.name / f"{slug}.md"
    if path.exists():
        raise ValueError(f"{_shown(path, docs)} gibt es schon – bitte die Datei öffnen oder einen anderen "
                         "Titel wählen")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(template(kind, title.strip(), today), encoding="utf-8")
    return path, PREVIEW + page_url(f"{kind.name}/{slug}.md")


def _shown(path: Path, docs: Path) -> str:
    return f"{docs.name}/{path.relative_to(docs).as_posix()}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--leitfaden"]:
        print(guide_tables())
        return 0
    if len(args) != 2:
        print('Aufruf: make neu TYP=artikel TITEL="Wenn der Windpark kommt" (TYP: '
              + ", ".join(type_names()) + ")", file=sys.stderr)
        return 2
    try:
        path, url = create(Path("docs"), args[0], args[1], build_date())
    except (ValueError, BuildDateError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Neu angelegt: {_shown(path, Path('docs'))} (ein Entwurf: „draft: true“)")
    print(f"Vorschau: make serve, dann {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
