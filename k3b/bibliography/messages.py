"""Every message pybtex can raise while reading a .bib file, in German.

pybtex's messages are English (``'}' expected``, ``entry key expected``, ``Too many commas
in …``). They never reach staff: ``german()`` maps each one to a sentence that says what
to fix, and anything it does not know to a German line that still names the place.
``tests/test_bib_messages.py`` checks the table against pybtex's own classes and
patterns, so a new pybtex message cannot slip through untranslated.
"""

from __future__ import annotations

from pybtex.database import BibliographyDataError, InvalidNameString
from pybtex.database.input.bibtex import DuplicateField, UndefinedMacro
from pybtex.exceptions import PybtexError
from pybtex.scanner import PrematureEOF, PybtexSyntaxError, TokenRequired

# ``TokenRequired``: "<description> expected"; the descriptions of LowLevelParser's patterns.
EXPECTED = {
    "entry key": "nach „@typ{“ fehlt der Schlüssel des Eintrags (z. B. „mueller2020“)",
    "a valid name": "nach „@“ fehlt der Typ des Eintrags (z. B. „@book“)",
    "'(' or '{'": "nach dem Typ des Eintrags fehlt „{“",
    "'{' or '('": "nach dem Typ des Eintrags fehlt „{“",
    "'}'": "„}“ erwartet: fehlt ein Komma oder eine Klammer?",
    "'{'": "„{“ erwartet",
    "'('": "„(“ erwartet",
    "')'": "„)“ erwartet: fehlt ein Komma oder eine Klammer?",
    "'='": "nach dem Namen des Feldes fehlt „=“",
    "field value": "nach „=“ fehlt der Wert (in { } oder \" \")",
    "a number": "hier wird eine Zahl erwartet",
    "'\"'": "ein Wert in Anführungszeichen wird nicht geschlossen",
    "','": "„,“ erwartet",
    "'#'": "„#“ erwartet",
    "'@'": "„@“ erwartet",
}
SYNTAX = {
    "premature end of file": "die Datei endet mitten im Eintrag: eine schließende „}“ fehlt",
    "unbalanced braces": "eine schließende „}“ steht ohne öffnende „{“",
    "too many nested braces": "zu viele ineinander geschachtelte Klammern (mehr als 100)",
}
MISSING_COMMA = "am Zeilenende fehlt ein Komma (oder eine schließende Klammer)"
MISSING_KEY = "Eintrag ohne Schlüssel: nach „@{type}{{“ muss ein Schlüssel stehen (z. B. „mueller2020,“)"
UNKNOWN = "BibTeX-Fehler in dieser Zeile – bitte Klammern, Kommas und Anführungszeichen prüfen"


def undefined_macro(name: str) -> str:
    return (f"unbekanntes Kürzel „{name}“: ein Wert ohne {{ }} oder \" \" muss mit @string "
            f"definiert sein – Text in {{ }} setzen oder @string{{{name} = {{…}}}} ergänzen")


def too_many_commas(name: str) -> str:
    return (f"Name „{name}“ hat zu viele Kommas (erlaubt sind „Nachname, Vorname“ und "
            "„Nachname, Jr., Vorname“); gelesen wird er trotzdem")


def german(error: PybtexError) -> str:
    """The German message for one of pybtex's errors (never its English text)."""
    if isinstance(error, UndefinedMacro):
        return undefined_macro(PybtexError.__str__(error))
    if isinstance(error, TokenRequired):
        description = PybtexError.__str__(error).removesuffix(" expected")
        return EXPECTED.get(description, UNKNOWN)
    if isinstance(error, PrematureEOF | PybtexSyntaxError):
        return SYNTAX.get(PybtexError.__str__(error), UNKNOWN)
    if isinstance(error, InvalidNameString):
        return too_many_commas(PybtexError.__str__(error).removeprefix("Too many commas in ").strip("'\""))
    if isinstance(error, DuplicateField):
        return "ein Feld steht in diesem Eintrag zweimal"
    if isinstance(error, BibliographyDataError):
        return "ein Schlüssel oder Querverweis ist ungültig"
    return UNKNOWN
