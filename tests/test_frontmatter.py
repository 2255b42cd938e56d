"""Front matter parsing keeps line numbers and never swallows broken YAML."""

from __future__ import annotations

import datetime as dt

import pytest

from k3b.frontmatter import FrontMatterError, parse_front_matter


def test_parses_values_lines_and_body():
    fm = parse_front_matter("---\ntitle: Hallo\ndate: 2025-01-02\n---\n\nText\n")
    assert fm.data == {"title": "Hallo", "date": dt.date(2025, 1, 2)}
    assert fm.key_lines == {"title": 2, "date": 3}
    assert fm.body == "\nText\n"
    assert fm.body_line == 5
    assert fm.present


def test_without_front_matter_the_whole_file_is_body():
    fm = parse_front_matter("# Titel\n\nText")
    assert not fm.present and fm.data == {} and fm.body == "# Titel\n\nText"


def test_windows_line_endings_and_bom():
    fm = parse_front_matter("\ufeff---\r\ntitle: A\r\n---\r\nText")
    assert fm.data == {"title": "A"}


def test_empty_block_is_present_but_empty():
    fm = parse_front_matter("---\n---\nText")
    assert fm.present and fm.data == {}


@pytest.mark.parametrize(
    ("source", "line", "message"),
    [
        ("---\ntitle: a: b\n---\n", 2, "kein Doppelpunkt erlaubt"),
        ("---\ntitle: x\nauthors: [a\nsummary: s\n---\n", 3, "eckige Klammer"),
        ('---\ndate: 2025-01-01\ntitle: "offen\n---\n', 3, "Anführungszeichen"),
        ("---\ntitle: x\ntitle: y\n---\n", 3, "„title“ steht doppelt"),
        ("---\n- a\n- b\n---\n", 2, "gefunden wurde eine Liste"),
        ("---\nnur ein Satz\n---\n", 2, "gefunden wurde der Text"),
        ("---\ntitle: x\n", 1, "nicht mit einer Zeile „---“ abgeschlossen"),
        ("---\ntitle:\n\t- a\n---\n", 3, "Tabulator"),
    ],
)
def test_broken_front_matter_names_the_line(source, line, message):
    with pytest.raises(FrontMatterError) as caught:
        parse_front_matter(source)
    assert caught.value.line == line
    assert message in caught.value.message


def test_libyaml_and_python_parsers_agree_on_every_page():
    """The fast parser (libyaml) gives the same values and key lines as PyYAML's own."""
    from pathlib import Path

    from k3b import frontmatter

    pages = sorted(Path(__file__).resolve().parents[1].glob("docs/**/*.md"))
    pages += sorted(Path(__file__).resolve().parent.glob("fixtures/*/docs/**/*.md"))
    compared = 0
    for page in pages:
        source = page.read_text(encoding="utf-8")
        match = frontmatter._OPEN.match(source)
        closing = match and frontmatter._CLOSE.search(source, match.end())
        if not closing:
            continue
        block = source[match.end():closing.start()]
        try:
            slow = frontmatter._load_with(frontmatter._UniqueKeyLoader, block)
        except Exception:
            continue  # a broken fixture: both reject it (checked by the error tests)
        fast = frontmatter._load_with(frontmatter._FastUniqueKeyLoader, block)
        assert fast[1] == slow[1], page
        if isinstance(slow[0], frontmatter.yaml.MappingNode):
            lines = lambda node: [(k.value, k.start_mark.line) for k, _ in node.value]  # noqa: E731
            assert lines(fast[0]) == lines(slow[0]), page
        compared += 1
    assert compared > 30
