"""Turn translation-server answers into the recorded fixture and the README table.

    python -m bench.zotero_table OUT_DIR            # after bench/zotero-import.sh … OUT_DIR …

Writes ``tests/fixtures/bib-types/zotero-translation-server.json`` (what
``tests/test_bib_metadata.py`` checks its model of the translators against) and prints the
Markdown table „field, value in .bib, what Zotero imported“ for the fixture's README.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from k3b.bibliography.reader import read

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests/fixtures/bib-types"
SKIP = ("key", "version", "accessDate", "libraryCatalog")
# Which Zotero field(s) each .bib field should arrive in (for the table; "–" = nowhere).
TARGETS = {
    "author": "creators (author)", "editor": "creators (editor)", "translator": "creators (translator)",
    "bookauthor": "creators (bookAuthor)", "title": "title", "subtitle": "title",
    "journaltitle": "publicationTitle",
    "booktitle": "bookTitle / proceedingsTitle", "booksubtitle": "bookTitle", "eventtitle": "conferenceName",
    "volume": "volume", "number": "issue / seriesNumber / reportNumber", "pages": "pages", "date": "date",
    "year": "date", "month": "date", "issn": "ISSN", "isbn": "ISBN", "doi": "DOI", "url": "url",
    "langid": "language", "abstract": "abstractNote", "keywords": "tags", "edition": "edition",
    "series": "series / seriesTitle", "location": "place", "address": "place",
    "publisher": "publisher / repository / company",
    "pagetotal": "numPages", "institution": "institution / university", "school": "university",
    "type": "reportType / thesisType",
    "organization": "websiteTitle", "urldate": "accessDate", "chapter": "–", "venue": "–",
    "version": "versionNumber",
    "howpublished": "–",
}


def recorded(out: Path) -> dict[str, dict]:
    items = {}
    for path in sorted(out.glob("publikationen_*_.json")):
        key = re.search(r"publikationen_(.*)_\.json$", path.name).group(1)
        item = json.loads(path.read_text(encoding="utf-8"))[0]
        items[key] = {k: v for k, v in item.items() if k not in SKIP}
    return items


def _value(item: dict, field: str, bib_field: str) -> str:
    if field.startswith("creators"):
        role = field[field.index("(") + 1:-1]
        names = [c.get("name") or f"{c['lastName']}, {c['firstName']}" for c in item["creators"]
                 if c["creatorType"] == role]
        return "; ".join(names) or "–"
    if field == "tags":
        return ", ".join(item.get("tags", [])) or "– (Zotero keeps no automatic tags from web pages)"
    if field == "accessDate":
        return "– (Zotero sets the day of the import)"
    hits = [f"{name}: {item[name]}" for name in re.split(r"\s*/\s*", field) if name in item]
    if not hits and item.get("extra") and bib_field == "doi":
        return f"extra: {item['extra']}"
    return "; ".join(hits) or "–"


def table(items: dict[str, dict]) -> str:
    text = (FIXTURE / "publications/typen.bib").read_text(encoding="utf-8")
    entries = {e.key: e for e in read(text).entries}
    lines = []
    for key, item in items.items():
        entry = entries[key]
        lines += [f"**@{entry.original_type} `{key}` → Zotero `{item['itemType']}`**", "",
                  "| field | value in .bib | what Zotero imported |", "|---|---|---|"]
        for name, value in entry.fields:
            field = TARGETS.get(name.lower(), "–")
            shown = value.replace("|", "\\|")
            imported = _value(item, field, name.lower()).replace("|", "\\|")
            lines.append(f"| {name} | {shown} | {imported} |")
        lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    out = Path((argv or sys.argv[1:])[0])
    items = recorded(out)
    (FIXTURE / "zotero-translation-server.json").write_text(
        json.dumps(items, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(table(items))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
