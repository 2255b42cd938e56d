"""The biblatex data model as biber resolves it: types, aliases, inheritance, required
fields, names, editions, type labels and label letters."""

from __future__ import annotations

import pytest

from k3b.bibliography.datamodel import ENTRY_TYPES, subtype_label, type_label
from k3b.bibliography.german import edition, parse_date
from k3b.bibliography.model import Name
from k3b.bibliography.names import _plain, parse_names
from k3b.bibliography.parse import BibSource, load_bibliography
from k3b.topics import load_vocabulary
from sitebuild import ROOT

VOCABULARY = load_vocabulary(ROOT / "data/themen.yml")


def load_text(tmp_path, text: str):
    path = tmp_path / "x.bib"
    path.write_text(text, encoding="utf-8")
    return load_bibliography([BibSource(path, "publications/x.bib", False)], VOCABULARY)


@pytest.mark.parametrize(("written", "entry_type", "label", "type_key"), [
    ("article", "article", "Zeitschriftenartikel", "article"),
    ("book", "book", "Buch", "book"),
    ("mvbook", "mvbook", "Mehrbändiges Werk", "mvbook"),
    ("inbook", "inbook", "Buchkapitel", "inbook"),
    ("collection", "collection", "Sammelband", "collection"),
    ("incollection", "incollection", "Beitrag in Sammelband", "incollection"),
    ("proceedings", "proceedings", "Tagungsband", "proceedings"),
    ("inproceedings", "inproceedings", "Tagungsbeitrag", "inproceedings"),
    ("conference", "inproceedings", "Tagungsbeitrag", "inproceedings"),
    ("online", "online", "Online-Quelle", "online"),
    ("electronic", "online", "Online-Quelle", "online"),
    ("www", "online", "Online-Quelle", "online"),
    ("report", "report", "Bericht", "report"),
    ("techreport", "report", "Bericht", "report"),
    ("thesis", "thesis", "Hochschulschrift", "thesis"),
    ("phdthesis", "thesis", "Dissertation", "phdthesis"),
    ("mastersthesis", "thesis", "Masterarbeit", "mathesis"),
    ("periodical", "periodical", "Zeitschrift", "periodical"),
    ("dataset", "dataset", "Datensatz", "dataset"),
    ("software", "software", "Software", "software"),
    ("unpublished", "unpublished", "Unveröffentlicht", "unpublished"),
    ("manual", "manual", "Handbuch", "manual"),
    ("booklet", "booklet", "Broschüre", "booklet"),
    ("patent", "patent", "Patent", "patent"),
    ("misc", "misc", "Sonstiges", "misc"),
    ("standard", "standard", "Norm", "standard"),
    ("movie", "movie", "Film", "movie"),
    ("somethingnew", "misc", "Sonstiges", "misc"),
])
def test_types_and_aliases(tmp_path, written, entry_type, label, type_key):
    fields = ("author = {A, Anna}, editor = {E, Emil}, title = {T}, journaltitle = {J}, booktitle = {B}, "
              "institution = {I}, url = {https://example.org}, number = {1}, year = 2020")
    bibliography, errors, _ = load_text(tmp_path, f"@{written}{{k, {fields}}}")
    assert not errors, errors.lines()
    pub = bibliography.get("k")
    assert (pub.entry_type, pub.type_label, pub.type_key) == (entry_type, label, type_key)


def test_every_type_has_a_german_label():
    assert all(spec.label and spec.label.isascii() is False or spec.label.istitle() or " " in spec.label
               for spec in ENTRY_TYPES.values())
    assert "resreport" not in {s.label for s in ENTRY_TYPES.values()}


@pytest.mark.parametrize(("value", "label"), [
    ("phdthesis", "Dissertation"), ("PhD thesis", "Dissertation"), ("Dissertation", "Dissertation"),
    ("mathesis", "Masterarbeit"), ("Master's thesis", "Masterarbeit"), ("bathesis", "Bachelorarbeit"),
    ("Diplomarbeit", "Diplomarbeit"), ("resreport", "Forschungsbericht"), ("techreport",
                                                                           "Technischer Bericht"),
    ("Working Paper", "Arbeitspapier"), ("Policy Brief", "Policy Brief"), ("patentus", "US-Patent"),
])
def test_thesis_and_report_types_in_german(value, label):
    assert subtype_label(value) == label


@pytest.mark.parametrize(("written", "label"), [
    ("@thesis{k, author={A, B}, title={T}, type={phdthesis}, institution={U}, year=2020}", "Dissertation"),
    ("@thesis{k, author={A, B}, title={T}, type={Projektarbeit}, institution={U}, year=2020}",
     "Projektarbeit"),
    ("@report{k, author={A, B}, title={T}, type={resreport}, institution={I}, year=2020}",
     "Forschungsbericht"),
    ("@report{k, author={A, B}, title={T}, type={Arbeitspapier}, institution={I}, year=2020}",
     "Arbeitspapier"),
])
def test_type_label_on_the_page(tmp_path, written, label):
    bibliography, _, _ = load_text(tmp_path, written)
    assert bibliography.get("k").kind_label == label


@pytest.mark.parametrize(("entry", "essential", "notes"), [
    ("@article{k, author={A, B}, title={T}, journal={J}, year=2020}", [], []),
    ("@article{k, author={A, B}, title={T}, journaltitle={J}, date={2020}}", [], []),
    ("@article{k, author={A, B}, title={T}, year=2020}", ["„journal“ oder „journaltitle“"], []),
    ("@article{k, title={T}, journal={J}}", [], ["„author“ und „date“ oder „year“"]),
    ("@book{k, author={A, B}, title={T}, year=2020}", [], []),
    ("@book{k, author={A, B}, year=2020}", ["„title“"], []),
    ("@incollection{k, author={A, B}, title={T}, year=2020}", ["„booktitle“"], ["„editor“"]),
    ("@inproceedings{k, author={A, B}, title={T}, booktitle={P}, year=2020}", [], []),
    ("@online{k, author={A, B}, title={T}, year=2020}", ["„url“ oder „doi“ oder „eprint“"], []),
    ("@online{k, author={A, B}, title={T}, eprint={1234.5678}, eprinttype={arxiv}, year=2020}", [], []),
    ("@report{k, author={A, B}, title={T}, institution={I}, year=2020}", [], ["„type“"]),
    ("@techreport{k, author={A, B}, title={T}, institution={I}, year=2020}", [], []),
    ("@phdthesis{k, author={A, B}, title={T}, school={U}, year=2020}", [], []),
    ("@thesis{k, author={A, B}, title={T}, year=2020}", [], ["„type“ und „institution“ oder „school“"]),
    ("@collection{k, title={T}, year=2020}", [], ["„editor“"]),
    ("@patent{k, author={A, B}, title={T}, year=2020}", ["„number“"], []),
    ("@misc{k, title={T}}", [], ["„author“ oder „editor“ und „date“ oder „year“"]),
    ("@unpublished{k, author={A, B}, title={T}, year=2020}", [], []),
])
def test_required_fields_follow_biblatex(tmp_path, entry, essential, notes):
    bibliography, errors, found = load_text(tmp_path, entry)
    type_ = entry[1:entry.index("{")]
    assert [line.split("es fehlt ", 1)[1] for line in errors.lines()] == essential
    assert [line.split("es fehlt ", 1)[1].split(" (verlangt")[0] for line in found.lines()
            if "es fehlt" in line] == notes
    assert (bibliography.get("k") is None) == bool(essential), type_


BIBLATEX_CROSSREF = r"""
@mvbook{ksa, author = {Nietzsche, Friedrich}, title = {Sämtliche Werke},
  subtitle = {Kritische Studienausgabe},
  editor = {Colli, Giorgio and Montinari, Mazzino}, volumes = {15}, publisher = {dtv},
  location = {München}, date = {1988}, shorttitle = {KSA}}
@book{ksa1, crossref = {ksa}, title = {Die Geburt der Tragödie}, volume = {1}}
@inbook{historie, crossref = {ksa1}, title = {Vom Nutzen und Nachtheil der Historie}, pages = {243--334}}
@periodical{jcg, title = {Computers and Graphics}, editor = {Bar, Ed}, issn = {0097-8493}, date = {2011}}
@article{inner, crossref = {jcg}, author = {Baz, Anna}, title = {Ein Artikel}, pages = {1--5}}
@xdata{gerhardt:pub, publisher = {Duke University Press}, location = {Durham and London}}
@book{gerhardt, author = {Gerhardt, Michael J.}, title = {The Federal Appointments Process},
  date = {2000}, xdata = {gerhardt:pub}}
@set{stdmodel, entryset = {ksa, ksa1}}
@IEEEtranBSTCTL{IEEEexample:BSTcontrol, CTLuse_alt_spacing = "yes"}
"""


def test_crossref_and_xdata_inheritance_before_required_fields(tmp_path):
    bibliography, errors, notes = load_text(tmp_path, BIBLATEX_CROSSREF)
    assert errors.lines() == []
    ksa1 = bibliography.get("ksa1")
    # mvbook → book: title becomes maintitle; the rest is inherited under its own name.
    assert ksa1.field("maintitle") == "Sämtliche Werke" and ksa1.title == "Die Geburt der Tragödie"
    assert ksa1.field("publisher") == "dtv" and ksa1.authors == (Name("Nietzsche", "Friedrich"),)
    assert ksa1.field("shorttitle") == ""  # never inherited
    historie = bibliography.get("historie")
    # book → inbook: the book's title becomes booktitle, its main title stays maintitle.
    assert historie.field("booktitle") == "Die Geburt der Tragödie"
    assert historie.field("maintitle") == "Sämtliche Werke" and historie.field("location") == "München"
    assert "In: Colli, Giorgio und Montinari, Mazzino (Hrsg.): <em>Die Geburt der Tragödie.</em>" \
        in historie.citation_html
    inner = bibliography.get("inner")
    assert inner.field("journaltitle") == "Computers and Graphics" and inner.field("issn") == "0097-8493"
    gerhardt = bibliography.get("gerhardt")
    assert gerhardt.field("publisher") == "Duke University Press"
    assert gerhardt.field("location") == "Durham und London"
    assert "gerhardt:pub" not in bibliography.entries and "stdmodel" not in bibliography.entries
    assert "IEEEexample:BSTcontrol" not in bibliography.entries
    assert ("publications/x.bib:10: Eintrag „gerhardt:pub“ hält nur Daten für andere Einträge (@xdata) und "
            "bekommt keine eigene Seite") in notes.lines()
    assert ("publications/x.bib:13: Eintrag „stdmodel“ ist eine Gruppe anderer Einträge (@set) und bekommt "
            "keine eigene Seite") in notes.lines()
    assert ("publications/x.bib:14: Eintrag „IEEEexample:BSTcontrol“ steuert einen BibTeX-Stil "
            "(@IEEEtranBSTCTL) und bekommt keine eigene Seite") in notes.lines()
    # The download is self-contained: inherited fields are in it, the crossref is not.
    assert "crossref" not in historie.bibtex and "booktitle = {Die Geburt der Tragödie}" in historie.bibtex


def test_crossref_problems(tmp_path):
    text = ("@inbook{a, crossref = {nowhere}, author = {A, B}, title = {T}, booktitle = {B}, year = 2020}\n"
            "@book{b, crossref = {c}, title = {B}}\n@book{c, crossref = {b}, title = {C}}\n")
    bibliography, errors, notes = load_text(tmp_path, text)
    assert ("publications/x.bib:1: Eintrag „a“: „crossref = nowhere“ verweist auf keinen Eintrag – "
            "nichts geerbt") in notes.lines()
    assert any("verweist im Kreis" in line for line in errors.lines())


def test_bibtex_inbook_is_a_chapter_of_its_book(tmp_path):
    text = ("@inbook{knuth, author = {Knuth, Donald E.}, title = {Fundamental Algorithms}, chapter = {1.2}, "
            "pages = {10--119}, publisher = {Addison-Wesley}, address = {Reading, Mass.}, year = 1973}\n"
            "@inbook{named, author = {Muster, Max}, title = {Das Buch}, chapter = {Das Kapitel}, "
            "publisher = {V}, year = 2000}\n")
    bibliography, errors, _ = load_text(tmp_path, text)
    assert not errors
    assert bibliography.get("knuth").citation_text == ("Knuth, Donald E. (1973): Fundamental Algorithms. "
                                                         "Kap. 1.2, S. 10–119. Reading, Mass.: "
                                                             "Addison-Wesley.")
    named = bibliography.get("named")
    assert (named.title, named.field("booktitle")) == ("Das Kapitel", "Das Buch")
    assert named.citation_text.count("Das Buch") == 1 and named.citation_text.count("Das Kapitel") == 1


@pytest.mark.parametrize(("value", "names", "more"), [
    ("Müller, Anna and Schmidt, Peter", [Name("Müller", "Anna"), Name("Schmidt", "Peter")], False),
    ("Anna Müller and others", [Name("Müller", "Anna")], True),
    ("{Landesamt f{\\\"u}r Umwelt}", [Name("Landesamt für Umwelt")], False),
    ("van Dijk, Marten", [Name("Dijk", "Marten", "van")], False),
    ("Ludwig van Beethoven", [Name("Beethoven", "Ludwig", "van")], False),
    ("de la Fontaine, Jean", [Name("Fontaine", "Jean", "de la")], False),
    ("King, Jr., Martin Luther", [Name("King", "Martin Luther", "", "Jr.")], False),
    ("family=Dijk, given=Marten, prefix=van, useprefix=true", [Name("Dijk", "Marten", "van", "", True)],
     False),
    ("family=Oord, given=Aaron, prefix=van den, useprefix=true and Dieleman, Sander",
     [Name("Oord", "Aaron", "van den", "", True), Name("Dieleman", "Sander")], False),
    ("family=Beauvoir, given=Simone, prefix=de, useprefix=false", [Name("Beauvoir", "Simone", "de")], False),
    ("family={Boronat}, given={Philippe}, given-i={{Ph}}", [Name("Boronat", "Philippe")], False),
    ("family=Hakim, given=Tawfiq, prefix=al-, useprefix=true", [Name("Hakim", "Tawfiq", "al-", "", True)],
     False),
    ("M{\\\"u}ller, J{\\\"o}rg and others", [Name("Müller", "Jörg")], True),
    ("others", [], True),
])
def test_names(value, names, more):
    notes: list[str] = []
    assert parse_names(value, notes.append) == (tuple(names), more)
    assert notes == []


@pytest.mark.parametrize(("name", "inverted", "natural", "family", "metadata"), [
    (Name("Müller", "Anna"), "Müller, Anna", "Anna Müller", "Müller", "Müller, Anna"),
    (Name("Dijk", "Marten", "van"), "Dijk, Marten van", "Marten van Dijk", "Dijk", "van Dijk, Marten"),
    (Name("Dijk", "Marten", "van", "", True), "van Dijk, Marten", "Marten van Dijk", "van Dijk", "van Dijk, "
        "Marten"),
    (Name("King", "Martin Luther", "", "Jr."), "King, Martin Luther, Jr.", "Martin Luther King Jr.", "King",
     "King, Martin Luther Jr."),
    (Name("Landesamt für Umwelt"), "Landesamt für Umwelt", "Landesamt für Umwelt", "Landesamt für Umwelt",
     "Landesamt für Umwelt,"),
])
def test_name_forms(name, inverted, natural, family, metadata):
    assert (name.inverted(), name.natural(), name.family(), name.for_metadata()) == (inverted, natural,
                                                                                     family,
                                                                                       metadata)


def test_and_others_is_never_an_author(tmp_path):
    text = "@book{buth, author = {Buth, Mareike and Kahlenborn, Walter and others}, title = {T}, year = 2015}"
    bibliography, _, _ = load_text(tmp_path, text)
    pub = bibliography.get("buth")
    assert [n.last for n in pub.authors] == ["Buth", "Kahlenborn"] and pub.more_authors
    assert pub.citation_text.startswith("Buth, Mareike; Kahlenborn, Walter u. a. (2015):")
    assert "others" not in pub.citation_text


def test_too_many_commas_is_a_german_note():
    notes: list[str] = []
    names, _ = parse_names("Meier, Jr., Hans, Peter", notes.append)
    assert len(names) == 1
    assert notes == ["Name „Meier, Jr., Hans, Peter“ hat zu viele Kommas (erlaubt sind „Nachname, Vorname“ "
        "und "
                     "„Nachname, Jr., Vorname“); gelesen wird er trotzdem"]


@pytest.mark.parametrize("name", [
    "Müller, Anna", "Anna Müller", "Ludwig van Beethoven", "van Beethoven, Ludwig",
    "King, Jr., Martin Luther",
    "Jean de la Fontaine", "de la Fontaine, Jean", "Anna Maria Müller-Lüdenscheid", "Müller", "D. E. Knuth",
    "von Hicks, III, Michael", "Charles Louis Xavier Joseph de la Vallee Poussin", "Brinch Hansen, Per",
    "Per Brinch Hansen", "d'Alembert, Jean", "Jean d'Alembert",
])
def test_plain_names_split_like_pybtex(name):
    from pybtex.database import Person

    person = Person(name)
    plain = _plain(name, False)
    assert (plain.last, plain.first, plain.prefix, plain.suffix) == (
        " ".join(person.last_names), " ".join(person.first_names + person.middle_names),
        " ".join(person.prelast_names), " ".join(person.lineage_names))


@pytest.mark.parametrize(("value", "text"), [
    ("3", "3. Aufl."), ("3.", "3. Aufl."), ("2nd", "2. Aufl."), ("2nd ed.", "2. Aufl."), ("Second",
                                                                                          "2. Aufl."),
    ("second edition", "2. Aufl."), ("Third Edition", "3. Aufl."), ("zweite Auflage", "2. Aufl."),
    ("2. Auflage", "2. Aufl."), ("3., erw. und aktualisierte Aufl.", "3., erw. und aktualisierte Aufl."),
    ("Neuausgabe", "Neuausgabe"), ("Revised edition", "Revised edition"), ("1st", "1. Aufl."),
])
def test_editions(value, text):
    assert edition(value) == text


@pytest.mark.parametrize(("date", "year", "month", "shown", "iso"), [
    ("2021-07-15", "", "", "2021", "2021-07-15"), ("2021-07", "", "", "2021", "2021-07"),
    ("2019/2020", "", "", "2019–2020", "2019"), ("2019-05/2019-06", "", "", "2019", "2019-05"),
    ("2019/", "", "", "2019–", "2019"), ("2020~", "", "", "2020", "2020"), ("", "2015", "jul", "2015",
                                                                            "2015-07"),
    ("", "2015", "July", "2015", "2015-07"), ("", "1998/99", "", "1998/99", "1998"), ("", "", "", "", ""),
])
def test_dates(date, year, month, shown, iso):
    parsed = parse_date(date, year, month)
    assert (parsed.shown, parsed.iso) == (shown, iso)


def test_label_letters_are_the_same_in_text_and_bibliography(tmp_path):
    from k3b.citations import labels

    text = ("@book{b, author = {Muster, Anna}, title = {Zweites Buch}, year = 2015}\n"
            "@book{a, author = {Muster, Anna}, title = {Erstes Buch}, year = 2015}\n"
            "@book{c, author = {Muster, Anna}, title = {Drittes}, year = 2016}\n")
    bibliography, _, _ = load_text(tmp_path, text)
    in_text = labels(bibliography.entries.values())
    assert in_text == {"a": "Muster 2015a", "b": "Muster 2015b", "c": "Muster 2016"}
    assert bibliography.get("a").citation_text.startswith("Muster, Anna (2015a):")
    assert bibliography.get("b").citation_text.startswith("Muster, Anna (2015b):")
    assert bibliography.get("c").citation_text.startswith("Muster, Anna (2016):")


def test_generic_type_labels_for_the_filter():
    assert type_label("thesis", "phdthesis") == "Dissertation" and type_label("report") == "Bericht"
