"""Reading .bib files as staff get them: encodings, syntax, keyless entries, macros."""

from __future__ import annotations

import pytest

from k3b.bibliography.parse import BibSource, load_bibliography
from k3b.bibliography.reader import decode, read
from k3b.topics import load_vocabulary
from sitebuild import ROOT

VOCABULARY = load_vocabulary(ROOT / "data/themen.yml")
ENTRY = "@book{mueller2020,\n  author = {Müller, Anna},\n  title = {Straße ins Grüne},\n  year = {2020},\n}\n"


def load_text(tmp_path, data: bytes | str, name: str = "x.bib"):
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return load_bibliography([BibSource(path, f"publications/{name}", False)], VOCABULARY)


@pytest.mark.parametrize(("encoding", "note"), [
    ("utf-8", None),
    ("utf-8-sig", None),
    ("utf-16", "Datei ist in UTF-16 gespeichert; so gelesen (besser als UTF-8 speichern)"),
    ("utf-16-le", "Datei ist in UTF-16 (ohne Byte-Order-Mark) gespeichert; so gelesen (besser als UTF-8 "
        "speichern)"),
    ("utf-16-be", "Datei ist in UTF-16 (ohne Byte-Order-Mark) gespeichert; so gelesen (besser als UTF-8 "
        "speichern)"),
    ("cp1252", "Datei ist nicht in UTF-8 gespeichert, sondern in Windows-1252 (Latin-1); so gelesen – bitte "
        "als "
               "UTF-8 speichern"),
    ("latin-1", "Datei ist nicht in UTF-8 gespeichert, sondern in Windows-1252 (Latin-1); so gelesen – "
        "bitte als "
                "UTF-8 speichern"),
])
def test_encodings_are_read_or_named(tmp_path, encoding, note):
    bibliography, errors, notes = load_text(tmp_path, ENTRY.encode(encoding))
    assert errors.lines() == []
    assert bibliography.get("mueller2020").title == "Straße ins Grüne"
    assert bibliography.get("mueller2020").authors[0].last == "Müller"
    expected = [f"publications/x.bib:1: {note}"] if note else []
    assert [line for line in notes.lines() if "Datei" in line] == expected


def test_jabref_encoding_header_is_honoured(tmp_path):
    text = "% Encoding: windows-1252\n\n" + ENTRY.replace("Grüne", "Grüne – „neu“")
    bibliography, errors, notes = load_text(tmp_path, text.encode("cp1252"))
    assert not errors and bibliography.get("mueller2020").title == "Straße ins Grüne – „neu“"
    assert any("Windows-1252" in line for line in notes.lines())


def test_other_encodings_fail_in_german(tmp_path):
    text = ENTRY.replace("Straße ins Grüne", "城市的冲突与协商研究")
    bibliography, errors, _ = load_text(tmp_path, text.encode("gbk"))
    assert not bibliography.entries
    assert errors.lines() == ["publications/x.bib:1: Datei ist nicht in UTF-8 gespeichert (und in keiner "
        "anderen "
                              "erkennbaren Kodierung) – bitte als UTF-8 speichern"]


@pytest.mark.parametrize("data", [b"\xff\xfe\x00\xd8", b"\xef\xbb\xbf\xff\xfe\xfa"])
def test_broken_byte_order_marks_fail_in_german(tmp_path, data):
    _, errors, _ = load_text(tmp_path, data)
    assert len(errors) == 1 and "Datei" in errors.lines()[0]


def test_decode_recognises_utf16_without_bom():
    assert decode("@misc{a, title = {Ä}}".encode("utf-16-le"))[0] == "@misc{a, title = {Ä}}"


CITAVI_WITHOUT_KEYS = """@book{,
 author = {Mustermann, Max},
 title = {Ohne Schlüssel},
 year = {2019}
}

@book{
 author = {Musterfrau, Erika},
 title = {Auch ohne Schlüssel},
 year = {2020}
}

@article{mit2021,
 author = {Beispiel, Berta},
 title = {Mit Schlüssel},
 journal = {Zeitschrift},
 year = {2021}
}
"""


def test_entries_without_key_are_errors_on_their_line(tmp_path):
    bibliography, errors, _ = load_text(tmp_path, CITAVI_WITHOUT_KEYS)
    assert errors.lines() == [
        "publications/x.bib:1: Eintrag ohne Schlüssel: nach „@book{“ muss ein Schlüssel stehen (z. B. "
            "„mueller2020,“)",
        "publications/x.bib:7: Eintrag ohne Schlüssel: nach „@book{“ muss ein Schlüssel stehen (z. B. "
            "„mueller2020,“)",
    ]
    assert list(bibliography.entries) == ["mit2021"]


def test_preamble_comment_and_string_behave_as_in_bibtex(tmp_path):
    text = """% Kommentarzeile mit post@example.org
@preamble{ "\\newcommand{\\noopsort}[1]{}" }
@string{ zfk = {Zeitschrift f{\\"u}r Kommunalforschung} }
@comment{ ein Kommentar mit @book{nicht, title={gelesen}} darin }
@comment Ein Kommentar ohne Klammern
@article{a2020,
  author = {A, Anna},
  title = {\\noopsort{b}Titel},
  journal = zfk # " (Neue Folge)",
  month = jul,
  year = 2020,
}
"""
    bibliography, errors, notes = load_text(tmp_path, text)
    assert errors.lines() == []
    pub = bibliography.get("a2020")
    assert list(bibliography.entries) == ["a2020"]
    assert pub.field("journaltitle") == "Zeitschrift für Kommunalforschung (Neue Folge)"
    assert pub.title == "Titel" and pub.month == 7 and pub.year == "2020"
    assert notes.lines() == ["publications/x.bib:1: „@example.org“ ohne „{“ ist kein Eintrag und wird "
        "übersprungen"]


def test_undefined_macro_is_reported_on_its_own_line_with_its_name(tmp_path):
    text = """@preamble{ "Vorspann" # UNDEF }

@article{a2020,
  author = {A, Anna},
  title = {Titel},
  journal = JNL,
  year = 2020,
}

@article{b2020,
  author = {B, Berta},
  title = {Titel},
  journal = cacm,
  year = 2020,
}
"""
    bibliography, errors, _ = load_text(tmp_path, text)
    assert errors.lines() == [
        "publications/x.bib:1: BibTeX-Syntaxfehler: unbekanntes Kürzel „UNDEF“: ein Wert ohne { } oder \" "
            "\" muss "
        "mit @string definiert sein – Text in { } setzen oder @string{UNDEF = {…}} ergänzen",
        "publications/x.bib:6: BibTeX-Syntaxfehler: unbekanntes Kürzel „JNL“: ein Wert ohne { } oder \" \" "
            "muss "
        "mit @string definiert sein – Text in { } setzen oder @string{JNL = {…}} ergänzen",
    ]
    # The standard styles' journal macros are known (plain.bst's „cacm“).
    assert bibliography.get("b2020").field("journaltitle") == "Communications of the ACM"
    assert "a2020" in bibliography.broken


def test_duplicate_private_fields_are_not_an_error(tmp_path):
    text = """@article{a2020,
  author = {A, Anna},
  title = {Titel},
  journaltitle = {Zeitschrift},
  date = {2020},
  file = {Vollanzeige:/home/anna/Zotero/storage/AAAA/a.pdf:application/pdf},
  file = {Snapshot:/home/anna/Zotero/storage/BBBB/b.html:text/html},
  title = {Anderer Titel},
}
"""
    bibliography, errors, notes = load_text(tmp_path, text)
    assert errors.lines() == []
    assert bibliography.get("a2020").title == "Titel"
    assert "Zotero" not in bibliography.get("a2020").bibtex
    assert notes.lines() == ["publications/x.bib:1: Eintrag „a2020“: das Feld „title“ steht zweimal; wie "
        "bei BibTeX "
                             "gilt der erste Wert – bitte den anderen löschen"]


def test_every_syntax_error_of_a_file_in_one_run(tmp_path):
    text = """@book{erst2020,
  author = {Erst, Erna},
  title = {Ohne Komma}
  publisher = {Verlag},
  year = {2020},
}

@misc{klammer2020,
  title = {Offene {Klammer},
  year = {2020},
}

@misc{danach2020,
  title = {Nach dem Fehler},
  year = {2020},
}
"""
    bibliography, errors, _ = load_text(tmp_path, text)
    assert errors.lines() == [
        "publications/x.bib:3: BibTeX-Syntaxfehler: am Zeilenende fehlt ein Komma (oder eine schließende "
            "Klammer)",
        "publications/x.bib:8: BibTeX-Syntaxfehler: der Eintrag, der hier beginnt, wird nicht geschlossen – "
            "eine "
        "schließende „}“ fehlt",
    ]
    assert list(bibliography.entries) == ["danach2020"]


@pytest.mark.parametrize(("text", "line", "message"), [
    ("@book mueller,\n title={x}}", 1, "BibTeX-Syntaxfehler: nach „@book“ fehlt „{“"),
    ("@misc{a,\n  title = }", 2, "BibTeX-Syntaxfehler: nach „=“ fehlt der Wert (in { } oder \" \")"),
    ("@misc{a,\n  title {x}}", 2, "BibTeX-Syntaxfehler: nach dem Namen des Feldes fehlt „=“"),
    ('@misc{a,\n  title = "x}y"}', 2, "BibTeX-Syntaxfehler: eine schließende „}“ steht ohne öffnende „{“"),
])
def test_syntax_errors_in_german(text, line, message):
    result = read(text)
    assert result.errors == [(line, message)]


# --- The reader's fast path for fields gives what pybtex's own gives --------------------------

BIB_FILES = sorted([*(ROOT / "tests" / "fixtures").rglob("*.bib"), *(ROOT / "publications").glob("*.bib")])
MUTATIONS = ("{", "}", '"', ",", "=", "#", "@", " ", "\n", '\\"', "abc", "jan", "undefinedmacro", "12",
             "(", ")", "%")


def _both_ways(text: str, monkeypatch: pytest.MonkeyPatch):
    from k3b.bibliography.reader import _Scanner

    results = []
    for fast in (False, True):
        monkeypatch.setattr(_Scanner, "fast_fields", fast)
        results.append(read(text))
    return results


@pytest.mark.parametrize("path", BIB_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_fast_fields_read_every_fixture_as_pybtex_does(path, monkeypatch) -> None:
    """Entries, fields, errors and their lines, notes, broken keys, preamble: all the same."""
    text, _note = decode(path.read_bytes())
    assert text is not None
    by_pybtex, fast = _both_ways(text, monkeypatch)
    assert fast == by_pybtex


def test_fast_fields_on_damaged_files(monkeypatch) -> None:
    """Real entries with random damage (braces, quotes, commas, macros taken out or put in):
    the fast path must hand every problem to pybtex, which reports it as before."""
    import random

    rng = random.Random(12)
    text = "\n".join(decode(p.read_bytes())[0] for p in BIB_FILES if "bib-real" in str(p))
    starts = [i for i in range(len(text)) if text.startswith("\n@", i)]
    chunks = [text[a:b] for a, b in zip(starts, starts[4:], strict=False)]
    differing = []
    for _ in range(1500):
        chunk = rng.choice(chunks)
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(chunk))
            roll = rng.random()
            if roll < 0.4:
                chunk = chunk[:at] + rng.choice(MUTATIONS) + chunk[at:]
            elif roll < 0.8:
                chunk = chunk[:at] + chunk[at + rng.randint(1, 3):]
            else:
                chunk = chunk[:at] + rng.choice(MUTATIONS) + chunk[at + 1:]
        by_pybtex, fast = _both_ways(chunk, monkeypatch)
        if fast != by_pybtex:
            differing.append(chunk)
    assert differing == []


@pytest.mark.parametrize("text", [
    '@book{k, title = "A" # {B} # jan # 12, year = 2020}',
    "@book{k,title={A {nested {deep}} value},\n\n  year\n  =\n  {2020}\n  ,\n}",
    '@book{k, title = "with {"} quote", note = {x}}',
    "@book{k, title = {x} # undefinedmacro, year = {2020}}",   # pybtex reports the macro
    "@book{k, title = {unbalanced}}}, year = {2020}}",
    '@book{k, title = "a } b"}',
    "@book{k, title {no equals}}",
    "@book{k, title = {" + "{" * 101 + "x" + "}" * 101 + "}}",  # too deeply nested for pybtex
    "@book(k, title = {parens})",
    "@book{k,}",
    "@book{k}",
])
def test_fast_fields_edge_cases(text: str, monkeypatch) -> None:
    by_pybtex, fast = _both_ways(text, monkeypatch)
    assert fast == by_pybtex


def test_well_formed_fields_do_not_go_through_pybtex(monkeypatch) -> None:
    from pybtex.database.input.bibtex import LowLevelParser

    def refuse(self):
        raise AssertionError("pybtex read a well-formed field")

    monkeypatch.setattr(LowLevelParser, "parse_entry_fields", refuse)
    result = read(ENTRY + '@article{b, author = "X, Y", journal = jan # {uary}, year = 2021,}\n')
    assert [e.key for e in result.entries] == ["mueller2020", "b"] and result.errors == []
