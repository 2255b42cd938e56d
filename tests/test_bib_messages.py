"""No English message of pybtex reaches staff: every one is translated, checked against
pybtex's own classes and scanner patterns, and a build with broken files logs German only."""

from __future__ import annotations

import inspect
import logging
import re

import pybtex.database
import pybtex.database.input.bibtex as bibtex_input
import pybtex.scanner
import pytest
from mkdocs.exceptions import Abort
from pybtex.exceptions import PybtexError
from pybtex.scanner import Pattern

from k3b.bibliography import messages
from sitebuild import build, make_project

# Words of pybtex's messages; none may appear in anything we log.
ENGLISH = re.compile(r"\b(expected|entry|premature|unbalanced|too many|commas|duplicate|undefined|"
                     r"syntax error|repeated|cross-reference|field|valid name|undefined string)\b",
                     re.IGNORECASE)


class _FakeParser:
    """What pybtex's syntax errors read from the scanner that raised them."""

    filename = None
    lineno = 3
    text = "x"

    def get_error_context_info(self):
        return 0, 3, 0

    def get_error_context(self, info):
        return "x", 3, 0


def _instances():
    """One instance of every error class the modules we use define, with its message."""
    parser = _FakeParser()
    made = []
    for module in (pybtex.scanner, bibtex_input, pybtex.database):
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if not issubclass(cls, PybtexError) or cls.__module__ != module.__name__:
                continue
            for args in ((parser,), ("x", parser), ("x",), ("key", "title")):
                try:
                    made.append(cls(*args))
                    break
                except TypeError:
                    continue
            else:
                raise AssertionError(f"cannot build {cls.__name__}")
    return made


def _expected_descriptions() -> list[str]:
    """Every "<description> expected" the scanner can raise: one per pattern, plus the pairs
    LowLevelParser asks for together and the explicit "field value"."""
    patterns = [v for v in vars(bibtex_input.LowLevelParser).values() if isinstance(v, Pattern)]
    pairs = ["'(' or '{'", "field value"]
    return sorted({p.description for p in patterns} | set(pairs))


@pytest.mark.parametrize("description", _expected_descriptions())
def test_every_required_token_has_a_german_message(description):
    assert description in messages.EXPECTED
    german = messages.EXPECTED[description]
    assert not ENGLISH.search(re.sub(r"„[^“]*“", "", german)), german


@pytest.mark.parametrize("error", _instances(), ids=lambda e: type(e).__name__)
def test_every_pybtex_error_class_is_translated(error):
    german = messages.german(error)
    assert german and not ENGLISH.search(re.sub(r"„[^“]*“", "", german)), (type(error).__name__, german)
    assert PybtexError.__str__(error) not in german or PybtexError.__str__(error) in ("x", "key")


@pytest.mark.parametrize("message", ["premature end of file", "unbalanced braces", "too many nested braces"])
def test_scanner_messages_are_in_the_table(message):
    assert message in messages.SYNTAX


def test_the_table_knows_pybtex_s_literal_messages():
    """Every literal message string in pybtex's scanner and BibTeX parser is in the table."""
    sources = inspect.getsource(pybtex.scanner) + inspect.getsource(bibtex_input)
    literals = set(re.findall(r'msg = "([^"]+)"', sources)) | set(re.findall(r'message = "([^"]+)"', sources))
    literals -= {"BibTeXEntryIterator is deprecated since 0.22: renamed to LowLevelParser"}
    assert literals <= set(messages.SYNTAX), literals - set(messages.SYNTAX)


BROKEN = {
    "syntax.bib": ("@book{a,\n  title = {x}\n  year = 2020\n}\n@misc{b,\n  title {x}}\n"
                   "@misc{c,\n  title = }\n"),
    "keys.bib": "@book{,\n title={Ohne}}\n@book{ author = {A}, title = {B} }\n",
    "macros.bib": "@preamble{ UNDEF }\n@misc{d, title = NOPE}\n",
    "names.bib": "@misc{e, author = {A, B, C, D}, title = {Zu viele Kommas}, year = 2020}\n",
    "braces.bib": '@misc{f, title = "x}y"}\n@misc{g, title = {offen\n\n@misc{h, title = {danach}}\n',
    "header.bib": "@article ohne Klammer\n@misc{i, title = {j}, title = {k}}\n",
    "encoding.bib": "@misc{k, title = {城市}}".encode("gbk"),
}


def test_a_broken_build_logs_german_lines_only(tmp_path, caplog, capsys):
    project = make_project(tmp_path)
    for name, text in BROKEN.items():
        (project / "publications" / name).write_bytes(text if isinstance(text, bytes) else text.encode())
    with caplog.at_level(logging.INFO), pytest.raises(Abort):
        build(project)
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("mkdocs.plugins.k3b")]
    bib_lines = [line for line in lines if line.startswith("publications/")]
    assert len(bib_lines) >= 12
    for line in bib_lines:
        assert not ENGLISH.search(re.sub(r"„[^“]*“", "", line.split(": ", 1)[1])), line
    captured = capsys.readouterr()
    assert "WARNING" not in captured.err and "ERROR:" not in captured.err
