"""The legal pages and the Leichte-Sprache page of the real site, parsed from the build."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from searchindex import indexed_pages
from sitebuild import ROOT, html

# Page → headings (h2/h3) it must have, and phrases its text must contain.
REQUIRED = {
    "impressum": (
        ("Angaben nach § 5 DDG", "Anbieter", "Vertretungsberechtigt", "Kontakt", "Registereintrag",
         "Umsatzsteuer-Identifikationsnummer", "Aufsichtsbehörde",
         "Verantwortlich für den Inhalt nach § 18 Abs. 2 MStV"),
        ("VFB Salzwedel e.V.", "eingetragener Verein", "E-Mail:", "Registergericht:",
         "Registernummer:", "Kompetenzzentrums Kommunale Konfliktberatung (K3B)"),
    ),
    "datenschutz": (
        ("Verantwortlicher", "Hosting", "Server-Logdateien", "Keine Cookies, kein Tracking",
         "Suche", "Feeds", "Kontakt per E-Mail", "Ihre Rechte",
         "Beschwerderecht bei einer Aufsichtsbehörde"),
        ("keine Cookies", "kein Tracking", "IP-Adresse", "Referrer", "User-Agent",
         "Art. 6 Abs. 1 lit. f DSGVO", "Art. 6 Abs. 1 lit. b DSGVO", "Art. 28 DSGVO",
         "localStorage", "nie an uns oder an andere übertragen", "vollständig in Ihrem Browser",
         "schickt Ihre Suchbegriffe an niemanden",
         "Art. 15 DSGVO", "Art. 16 DSGVO", "Art. 17 DSGVO", "Art. 18 DSGVO", "Art. 20 DSGVO",
         "Art. 21 DSGVO", "Art. 77 DSGVO", "Landesbeauftragter für den Datenschutz Sachsen-Anhalt",
         "Google Fonts"),
    ),
    "barrierefreiheit": (
        ("Geltungsbereich", "Stand der Vereinbarkeit mit den Anforderungen",
         "Nicht barrierefreie Inhalte", "Erstellung dieser Erklärung",
         "Barrieren melden: Feedback und Kontakt", "Durchsetzungsverfahren"),
        ("WCAG", "2.1", "BITV 2.0", "teilweise mit den Anforderungen vereinbar", "axe-core",
         "Selbstbewertung", "manuelle Prüfung", "PDF", "Ombudsstelle", "E-Mail:"),
    ),
    "leichte-sprache": (
        ("Wer sind wir?", "Was finden Sie auf dieser Internet-Seite?", "Wie finden Sie etwas?",
         "Wie erreichen Sie uns?", "Speichert diese Seite Daten über Sie?"),
        ("Streit", "Gemeinde oder eine Stadt", "Artikel", "Fall-Beispiel", "Publikation", "Themen",
         "Such-Feld", "keine Cookies", "VFB Salzwedel e.V."),
    ),
}
MONTHS = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September",
          "Oktober", "November", "Dezember")
STAND = re.compile(r"^Stand: (\d{1,2})\. (" + "|".join(MONTHS) + r") (\d{4})$", re.MULTILINE)
PLACEHOLDER = re.compile(r"\[\[[^\[\]]+\]\]")
OUTDATED_LAWS = re.compile(r"\b(TMG|TTDSG)\b")
# A sentence ends at . ! or ? followed by a word that starts a new sentence ("e.V. ist" does not).
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9\[„])")
TEXT_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "td", "th")


def article(site: Path, path: str) -> Tag:
    """The page's main content, without the "¶" permalinks of the headings."""
    content = html(site, path).select_one("article")
    assert content is not None, f"/{path}/ hat keinen Inhaltsbereich"
    for link in content.select("a.headerlink"):
        link.decompose()
    return content


def text_of(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def sentences(content: Tag) -> list[str]:
    """Every sentence of the visible body text; headings and list items count on their own."""
    blocks = [
        el for el in content.find_all(TEXT_BLOCKS)
        if not el.find(TEXT_BLOCKS) and not el.find_parent(["pre", "code"])
    ]
    found: list[str] = []
    for block in blocks:
        found.extend(s for s in SENTENCE_END.split(text_of(block)) if s.strip())
    return found


def words(sentence: str) -> list[str]:
    return [w for w in sentence.split() if re.search(r"\w", w)]


@pytest.mark.parametrize("path", sorted(REQUIRED))
def test_page_has_required_headings_and_phrases(real_site, path):
    headings, phrases = REQUIRED[path]
    content = article(real_site, path)
    found = {text_of(h) for h in content.find_all(["h2", "h3"])}
    assert [h for h in headings if h not in found] == [], f"/{path}/: Überschriften fehlen"
    text = text_of(content)
    assert [p for p in phrases if p not in text] == [], f"/{path}/: Angaben fehlen"
    description = html(real_site, path).find("meta", attrs={"name": "description"})
    assert description is not None and description["content"].strip()


def test_accessibility_statement_is_less_than_a_year_old(real_site):
    text = article(real_site, "barrierefreiheit").get_text("\n")
    stands = STAND.findall("\n".join(line.strip() for line in text.splitlines()))
    assert len(stands) == 1, "genau eine Zeile „Stand: 25. November 2026“ erwartet"
    day, month, year = stands[0]
    stand = dt.date(int(year), MONTHS.index(month) + 1, int(day))
    today = dt.date.today()
    try:
        a_year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        a_year_ago = today.replace(year=today.year - 1, day=28)
    assert stand <= today, f"Stand {stand} liegt in der Zukunft"
    assert stand > a_year_ago, f"Erklärung zur Barrierefreiheit ist veraltet (Stand {stand})"


def test_no_page_names_outdated_laws(real_site):
    pages = sorted(real_site.rglob("*.html"))
    assert len(pages) > 10
    offenders = {
        str(page.relative_to(real_site)): sorted(set(OUTDATED_LAWS.findall(page.read_text("utf-8"))))
        for page in pages
    }
    assert {page: laws for page, laws in offenders.items() if laws} == {}
    index = indexed_pages(real_site)
    assert not OUTDATED_LAWS.search(json.dumps(index, ensure_ascii=False))


@pytest.mark.parametrize("path", sorted(REQUIRED))
def test_placeholders_render_as_visible_text(real_site, path):
    source = (ROOT / "docs" / f"{path}.md").read_text("utf-8")
    expected = [" ".join(p.split()) for p in PLACEHOLDER.findall(source)]
    assert PLACEHOLDER.findall(text_of(article(real_site, path))) == expected


def test_impressum_marks_missing_data_as_placeholders(real_site):
    assert PLACEHOLDER.search(text_of(article(real_site, "impressum")))


def test_no_page_shows_template_or_markdown_artefacts(real_site):
    broken = {}
    for page in sorted(real_site.rglob("*.html")):
        soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
        for tag in soup.find_all(["script", "style", "pre", "code"]):
            tag.decompose()
        text = soup.get_text(" ")
        artefacts = [a for a in ("{{", "}}", "{%", "%}") if a in text]
        if artefacts:
            broken[str(page.relative_to(real_site))] = artefacts
    assert broken == {}
    for path in REQUIRED:
        text = text_of(article(real_site, path))
        assert "**" not in text and "](" not in text, f"/{path}/ zeigt rohes Markdown"


def test_start_page_links_to_leichte_sprache(real_site):
    content = article(real_site, "")
    links = [a for a in content.find_all("a", href=True) if a["href"].rstrip("/") == "leichte-sprache"]
    assert [text_of(a) for a in links] == ["Informationen in Leichter Sprache"]
    assert (real_site / "leichte-sprache" / "index.html").is_file()


def test_leichte_sprache_is_searchable_and_legal_pages_are_not(real_site):
    pages = set(indexed_pages(real_site))
    assert "leichte-sprache/" in pages
    assert pages.isdisjoint({"impressum/", "datenschutz/", "barrierefreiheit/"})


def test_leichte_sprache_uses_short_sentences(real_site):
    found = sentences(article(real_site, "leichte-sprache"))
    assert len(found) > 40
    lengths = [len(words(s)) for s in found]
    too_long = [s for s, n in zip(found, lengths, strict=True) if n > 20]
    assert too_long == [], "Sätze mit mehr als 20 Wörtern"
    average = sum(lengths) / len(lengths)
    assert average <= 12, f"durchschnittlich {average:.1f} Wörter pro Satz"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hier erklären wir die Seite. Wir erklären sie.",
         ["Hier erklären wir die Seite.", "Wir erklären sie."]),
        ("Der Verein heißt VFB Salzwedel e.V. und hat Mitglieder.",
         ["Der Verein heißt VFB Salzwedel e.V. und hat Mitglieder."]),
        ("Haben Sie eine Frage? Dann schreiben Sie uns!",
         ["Haben Sie eine Frage?", "Dann schreiben Sie uns!"]),
    ],
)
def test_sentence_splitting(text, expected):
    content = BeautifulSoup(f"<article><p>{text}</p></article>", "html.parser").article
    assert sentences(content) == expected
