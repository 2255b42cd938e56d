"""Hostile and broken input stays inert (issue 22): raw HTML, characters, parser bombs.

Each case is a German line with file and line, within a time bound; the sanitiser removes
what the allow-list forbids even where nobody reported it (a draft in the preview).
"""

from __future__ import annotations

import re
import time

import pytest
from bs4 import BeautifulSoup

from hostile import naughty_strings
from k3b.limits import check_characters, check_nesting
from k3b.problems import ProblemList
from k3b.rawhtml import check_raw_html, sanitize
from sitebuild import build, error_lines, html, make_project

EXPLAIN = "(REDAKTION.md, „HTML im Text“)"


@pytest.mark.parametrize(("markdown", "expected"), [
    ("<script>alert(1)</script>", [
        "HTML-Element <script> ist nicht erlaubt: Skripte laufen auf dieser Website nicht – "
        "bitte entfernen"]),
    ('<iframe src="https://www.youtube.com/embed/x"></iframe>', [
        "HTML-Element <iframe> ist nicht erlaubt: eingebettete Seiten laden Inhalte von fremden Servern – "
        "bitte stattdessen verlinken"]),
    ('<meta http-equiv="refresh" content="0;url=http://evil.example/">', [
        "HTML-Element <meta> ist nicht erlaubt: es verändert die ganze Seite (z. B. eine Weiterleitung auf "
        "eine andere Website) – bitte entfernen"]),
    ("<base href='https://evil.example/'>", [
        "HTML-Element <base> ist nicht erlaubt: es verändert alle Adressen der Seite – bitte entfernen"]),
    ("<form action=x><input></form>", [
        "HTML-Element <form> ist nicht erlaubt: Formulare senden Daten – bitte auf das Formular verlinken",
        "HTML-Element <input> ist nicht erlaubt: bitte entfernen (der Text darin bleibt stehen)"]),
    ('<img src=x onerror=alert(1) alt="Bild">', [
        "<img>: das Attribut „onerror“ führt Skripte aus und ist nicht erlaubt – bitte entfernen"]),
    ('<a href="javascript:alert(1)">x</a>', [
        "<a>: eine Adresse mit „javascript:“ ist nicht erlaubt – nur http(s), mailto, tel oder Adressen "
        "dieser Website"]),
    ('<a href=" java\tscript:alert(1)">x</a>', [
        "<a>: eine Adresse mit „javascript:“ ist nicht erlaubt – nur http(s), mailto, tel oder Adressen "
        "dieser Website"]),
    ('<iframe srcdoc="<script>x</script>"></iframe>', [
        "HTML-Element <iframe> ist nicht erlaubt: eingebettete Seiten laden Inhalte von fremden Servern – "
        "bitte stattdessen verlinken"]),
    ('<div style="color:red">x</div>', [
        "<div>: das Attribut „style“ ist nicht erlaubt (die Sicherheitsrichtlinie der Seite blockiert es) – "
        "bitte eine Klasse aus docs/assets/k3b.css verwenden"]),
    ('Absatz\n{: onclick="alert(1)" }',
     ["das Attribut „onclick“ in „{: …}“ ist nicht erlaubt – bitte entfernen"]),
    # Allowed: text markup, autolinks, code, comments, our own kind of block.
    ("<b>fett</b> <abbr title='Kommunale Konfliktberatung'>KKB</abbr> <https://example.org> "
     "<info@k3b.example>", []),
    ("`<script>alert(1)</script>` und\n\n```html\n<iframe></iframe>\n```", []),
    ('<details class="note"><summary>Mehr</summary><p>Text</p></details>', []),
    ('<video controls src="bilder/mitschnitt.mp4"></video>', []),
    ("<!-- <script>alert(1)</script> -->", []),
])
def test_raw_html_messages(markdown, expected):
    problems = ProblemList()
    check_raw_html(markdown, "docs/artikel/x.md", problems, first_line=7)
    assert [p.message for p in problems.items] == [f"{line} {EXPLAIN}" for line in expected]
    assert all(p.line >= 7 for p in problems.items)


def test_sanitiser_leaves_nothing_active_in_any_naughty_string():
    """Every one of the 503 strings, as HTML, inside a page's Markdown output."""
    for text in naughty_strings():
        soup = BeautifulSoup(sanitize(f"<p>{text}</p>"), "html.parser")
        for element in soup.find_all(True):
            assert element.name not in {"script", "iframe", "object", "embed", "svg", "math", "meta", "base",
                                        "form", "style", "link", "textarea", "plaintext"}, text
            for name, value in element.attrs.items():
                assert not name.lower().startswith("on") and name != "style", text
                assert not re.match(r"[\x00-\x20]*javascript:", str(value), re.IGNORECASE), text


def test_sanitiser_keeps_what_markdown_writes():
    written = ('<h2 id="a">A<a class="headerlink" href="#a" title="Link">¶</a></h2>'
               '<div class="admonition note"><p class="admonition-title">Hinweis</p><p>x</p></div>'
               '<table><thead><tr><th align="left">K</th></tr></thead>'
               '<tbody><tr><td>1</td></tr></tbody></table>'
               '<p><a href="../x/">x</a> <img alt="Bild" src="bilder/a.webp" width="800" height="600"></p>')
    assert sanitize(written) == written


@pytest.mark.parametrize(("text", "described"), [
    ("a\x00b", "ein NUL-Zeichen (U+0000)"),
    ("a\x1bb", "ein unsichtbares Steuerzeichen (U+001B)"),
    ("Gedanken\x96strich",
     "ein Steuerzeichen (U+0096; oft ein falsch kodiertes Zeichen aus Word oder Windows)"),
    ("a\ufffeb", "ein Zeichen, das es in Texten nicht gibt (U+FFFE)"),
])
def test_forbidden_characters(text, described):
    problems = ProblemList()
    assert not check_characters(f"Zeile eins\n{text}\n", "docs/artikel/x.md", problems)
    assert problems.lines() == [f"docs/artikel/x.md:2: die Zeile enthält {described} – bitte löschen oder "
                                "den "
                                "Text neu einfügen (z. B. ohne Formatierung)"]


def test_many_bad_lines_fold_into_a_count():
    problems = ProblemList()
    check_characters("\x00\n" * 500, "publications/x.bib", problems)
    assert len(problems) == 6
    assert problems.lines()[-1] == "publications/x.bib:6: und 495 weitere Zeilen mit " \
                                                          "solchen Zeichen"


@pytest.mark.parametrize(("markdown", "line", "message"), [
    ("\n".join("  " * depth + "- x" for depth in range(250)), 33,
     "Listen oder Zitate sind hier 33 Ebenen tief verschachtelt, höchstens 32 sind erlaubt – bitte flacher "
     "gliedern"),
    ("> " * 2000 + "x", 1, "Listen oder Zitate sind hier 2000 Ebenen tief verschachtelt, höchstens 32 sind "
                           "erlaubt – bitte flacher gliedern"),
    ("[" * 50_000 + "](" * 50_000, 1, "mehr als 32 eckige Klammern „[“ sind ineinander verschachtelt – bitte "
                                      "schließende Klammern „]“ ergänzen oder die Klammern mit "
                                      "\\[ schreiben"),
])
def test_nesting_limits(markdown, line, message):
    problems = ProblemList()
    assert not check_nesting(markdown, "docs/artikel/x.md", problems)
    assert problems.lines() == [f"docs/artikel/x.md:{line}: {message}"]


def test_ordinary_nesting_passes():
    text = "- a\n  - b\n    - c\n      - d\n\n> Zitat\n> > im Zitat\n\n[Link [mit] Klammern](x.md)\n" \
           "\n        eingerückter Code\n"
    assert check_nesting(text, "x.md", ProblemList())


BOMBS = {
    "liste.md": "\n".join("  " * depth + "- x" for depth in range(300)),  # RecursionError at 250
    "klammern.md": "\n".join(["[" * 1000] * 50 + ["](" * 1000] * 50),
    "zitat.md": "> " * 250 + "x",
    "nul.md": "Ein Text\x00 mit NUL.",
    "zeile.md": "Wort " * 6_000,
}


def test_bombs_end_with_german_lines_in_time(tmp_path, caplog):
    project = make_project(tmp_path, "minimal")
    head = "---\ntitle: Bombe\ndate: 2025-01-01\nauthors: [K3B-Redaktion]\nsummary: Test.\n" \
           "topics: [Energiewende]\n---\n\n"
    for name, body in BOMBS.items():
        (project / "docs/artikel" / name).write_text(head + body, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(Exception, match="Build"):
        build(project)
    assert time.monotonic() - started < 60
    lines = error_lines(caplog)
    assert "docs/artikel/liste.md:41: Listen oder Zitate sind hier 33 Ebenen tief verschachtelt, " \
           "höchstens 32 " \
           "sind erlaubt – bitte flacher gliedern" in lines
    assert any(line.startswith("docs/artikel/klammern.md:9: mehr als 32 eckige Klammern") for line in lines)
    assert any(line.startswith("docs/artikel/zitat.md:9: Listen oder Zitate sind hier 250 Ebenen")
               for line in lines)
    assert "docs/artikel/nul.md:9: die Zeile enthält ein NUL-Zeichen (U+0000) – bitte löschen oder den " \
           "Text neu " \
           "einfügen (z. B. ohne Formatierung)" in lines
    assert "docs/artikel/zeile.md:9: die Zeile ist 30.000 Zeichen lang, höchstens 20.000 sind erlaubt – " \
           "bitte " \
           "Absätze umbrechen" in lines
    assert not any("Traceback" in line or "Error" in line for line in lines)


def test_raw_html_and_bad_links_are_reported_together(tmp_path, caplog):
    project = make_project(tmp_path, "minimal")
    page = project / "docs/artikel/ohne-themen.md"
    page.write_text(page.read_text(encoding="utf-8") + '\n\n<script>alert(1)</script>\n\n'
                    '[Klick](javascript:alert(2)) und [Daten](data:text/html,x)\n', encoding="utf-8")
    with pytest.raises(Exception, match="Build"):
        build(project)
    messages = [line.split(": ", 1)[1] for line in error_lines(caplog) if line.startswith("docs/")]
    assert sorted(messages) == sorted([
        "HTML-Element <script> ist nicht erlaubt: Skripte laufen auf dieser Website nicht – bitte entfernen "
        f"{EXPLAIN}",
        "Link „javascript:alert(2)“: Adressen mit „javascript:“ sind nicht erlaubt – nur http(s), mailto, "
        "tel "
        "oder Seiten dieser Website",
        "Link „data:text/html,x“: Adressen mit „data:“ sind nicht erlaubt – nur http(s), mailto, tel oder "
        "Seiten "
        "dieser Website"])


def test_a_draft_with_raw_html_is_sanitised_in_the_preview(tmp_path, caplog):
    project = make_project(tmp_path, "minimal")
    (project / "docs/artikel/entwurf.md").write_text(
        "---\ntitle: Entwurf\ndate: 2025-01-01\ndraft: true\n---\n\n"
        '<meta http-equiv="refresh" content="0;url=http://evil.example/">\n\n'
        '<p onclick="alert(1)">Absatz <a href="javascript:alert(2)">Link</a></p>\n\n'
        "<iframe src=https://evil.example/></iframe>\n\n[Klick](javascript:alert(3))\n", encoding="utf-8")
    caplog.set_level("INFO")
    site = build(project, "serve")
    body = html(site, "artikel/entwurf/").select_one("article")
    assert not body.select("meta, iframe, [onclick]")
    assert [a.get("href") for a in body.select("a") if a.get_text() in ("Link", "Klick")] == [None, None]
    assert "Absatz" in body.get_text()
    notes = [r.getMessage() for r in caplog.records if "entwurf.md" in r.getMessage()]
    assert any("HTML-Element <meta> ist nicht erlaubt" in note for note in notes)


def _bib_errors(tmp_path, text: str) -> tuple[list[str], float]:
    from k3b.bibliography.parse import BibSource, load_bibliography
    from k3b.topics import load_vocabulary
    from sitebuild import ROOT

    path = tmp_path / "bombe.bib"
    path.write_text(text, encoding="utf-8")
    vocabulary = load_vocabulary(ROOT / "data/themen.yml", "data/themen.yml")
    started = time.monotonic()
    source = BibSource(path, "publications/bombe.bib", False)
    _bibliography, errors, _notes = load_bibliography([source], vocabulary)
    return errors.lines(per_file=50), time.monotonic() - started


def test_string_doubling_is_capped(tmp_path):
    strings = ['@string{s0 = "ab"}'] + [f"@string{{s{n} = s{n - 1} # s{n - 1}}}" for n in range(1, 41)]
    text = "\n".join(strings) + "\n@misc{bombe, title = s40, year = 2024}\n"
    lines, seconds = _bib_errors(tmp_path, text)
    assert seconds < 10
    assert lines[0] == "publications/bombe.bib:17: ein Wert wird durch „#“ und @string-Kürzel länger als " \
                       "100.000 Zeichen – bitte die Kürzel prüfen"


def test_a_field_of_many_long_macros_is_capped(tmp_path):
    text = '@string{big = "' + "x" * 90_000 + '"}\n@misc{bombe, title = ' + " # ".join(["big"] * 5000) + "}\n"
    lines, seconds = _bib_errors(tmp_path, text)
    assert seconds < 10 and lines == ["publications/bombe.bib:2: ein Wert wird durch „#“ und @string-Kürzel "
                                      "länger als 100.000 Zeichen – bitte die Kürzel prüfen"]


def test_bib_limits_size_entries_and_characters(tmp_path):
    huge = ("@misc{a, title = {" + "x" * 1000 + "}}\n") * 21_000
    lines, _ = _bib_errors(tmp_path, huge)
    assert lines == ["publications/bombe.bib:1: die Datei ist 20,4 MB groß, höchstens 20,0 MB sind erlaubt – "
                     "bitte aufteilen"]
    many = "".join(f"@misc{{k{n}, title = {{T}}, year = 2024}}\n" for n in range(20_001))
    lines, seconds = _bib_errors(tmp_path, many)
    assert lines == ["publications/bombe.bib:1: die Datei hat 20.001 Einträge, höchstens 20.000 sind "
                     "erlaubt – bitte aufteilen"] and seconds < 60
    lines, _ = _bib_errors(tmp_path, "@misc{a, title = {T\x00itel}, year = 2024}\n")
    assert lines == ["publications/bombe.bib:1: die Zeile enthält ein NUL-Zeichen (U+0000) – bitte löschen "
                     "oder den Text neu einfügen (z. B. ohne Formatierung)"]


def test_a_flood_of_problems_folds_into_a_count():
    problems = ProblemList()
    for line in range(1, 1001):
        problems.add("publications/gross.bib", line, "Schlüssel „x“ gibt es schon")
    problems.add("docs/artikel/a.md", 3, "unbekanntes Thema")
    lines = problems.lines(per_file=50)
    assert len(lines) == 52
    assert lines[0].startswith("docs/artikel/a.md:3:")
    assert lines[-1] == "publications/gross.bib: und 950 weitere Meldungen in dieser Datei"


def test_symlinks_out_of_the_project_are_refused(tmp_path, caplog):
    project = make_project(tmp_path, "minimal")
    (project / "docs/umgebung.txt").symlink_to("/proc/self/environ")
    (project / "docs/hosts").symlink_to("/etc")  # a linked folder
    (project / "docs/leer.txt").symlink_to(project / "gibt-es-nicht")
    (project / "publications/fremd.bib").symlink_to("/etc/hosts")
    inside = project / "gemeinsam"
    inside.mkdir()
    (inside / "hinweis.txt").write_text("Ein Hinweis.", encoding="utf-8")
    (project / "docs/hinweis.txt").symlink_to(inside / "hinweis.txt")  # inside the project: fine
    started = time.monotonic()
    with pytest.raises(Exception, match="Build"):
        build(project)
    assert time.monotonic() - started < 60
    outside = "ist ein Verweis (Symlink) auf eine Datei außerhalb des Projekts – der Build liest sie " \
              "nicht; bitte die Datei selbst ins Projekt legen"
    assert sorted(error_lines(caplog)[:-1]) == [
        f"docs/hosts:1: {outside}",
        "docs/leer.txt:1: ist ein Verweis (Symlink), der ins Leere führt – bitte die Datei selbst ablegen",
        f"docs/umgebung.txt:1: {outside}",
        f"publications/fremd.bib:1: {outside}"]
    assert not (project / "site/umgebung.txt").exists()


def test_make_check_refuses_the_same_symlinks(tmp_path):
    from k3b.check import check

    project = make_project(tmp_path, "minimal")
    (project / "docs/umgebung.txt").symlink_to("/proc/self/environ")
    (project / "data/themen.yml").unlink()
    (project / "data/themen.yml").symlink_to("/etc/passwd")
    lines = check(project).lines()
    assert [line.split(":")[0] for line in lines] == ["data/themen.yml", "docs/umgebung.txt"]


@pytest.mark.parametrize("value", ["false", "no", "yes", "2"])
def test_preview_values_are_checked(tmp_path, caplog, monkeypatch, value):
    monkeypatch.setenv("K3B_PREVIEW", value)
    with pytest.raises(Exception, match="Build"):
        build(make_project(tmp_path, "minimal"))
    assert error_lines(caplog)[0] == (
        f"K3B_PREVIEW:1: „{value}“ ist kein erlaubter Wert – K3B_PREVIEW=1 (oder ja) baut die Vorschau mit "
        "Entwürfen, K3B_PREVIEW=0 (oder nein, oder weglassen) die öffentliche Seite")


def test_a_template_path_is_refused(tmp_path, caplog):
    project = make_project(tmp_path, "minimal")
    page = project / "docs/artikel/ohne-themen.md"
    text = page.read_text(encoding="utf-8").replace("---\n", "---\ntemplate: ../../etc/passwd\n", 1)
    page.write_text(text, encoding="utf-8")
    with pytest.raises(Exception, match="Build"):
        build(project)
    assert error_lines(caplog)[0] == (
        "docs/artikel/ohne-themen.md:2: Feld „template“: „../../etc/passwd“ gibt es nicht – erlaubt: "
        "main.html (das Feld braucht es fast nie; am besten löschen)")


def _photo(path, fmt: str) -> bytes:
    from PIL import Image

    image = Image.new("RGB", (64, 48), (200, 30, 30))
    exif = Image.Exif()
    exif[0x010F] = "Kamerahersteller"  # Make
    exif[0x013B] = "Erika Musterfrau"  # Artist
    exif.get_ifd(0x8825)[2] = (52.0, 31.0, 12.0)  # GPSLatitude
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, fmt, exif=exif, xmp=b'<x:xmpmeta xmlns:x="adobe:ns:meta/">Ort</x:xmpmeta>')
    return path.read_bytes()


@pytest.mark.parametrize(("name", "fmt"),
                         [("foto.jpg", "JPEG"), ("grafik.png", "PNG"), ("bild.webp", "WEBP")])
def test_linked_originals_are_published_without_metadata(tmp_path, name, fmt):
    from PIL import Image

    from k3b.stripmeta import has_metadata

    project = make_project(tmp_path, "minimal")
    original = _photo(project / "docs/artikel/bilder" / name, fmt)
    assert has_metadata(original)
    page = project / "docs/artikel/ohne-themen.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\n\n[Original in voller Größe](bilder/{name})\n",
                    encoding="utf-8")
    site = build(project)
    published = (site / "artikel/bilder" / name).read_bytes()
    assert not has_metadata(published) and b"Erika" not in published and b"xmpmeta" not in published
    with Image.open(site / "artikel/bilder" / name) as image:
        assert not image.getexif() and image.size == (64, 48)
    assert (project / "docs/artikel/bilder" / name).read_bytes() == original  # the source stays as it is


def test_a_page_that_takes_too_long_stops_the_build(tmp_path, monkeypatch, caplog):
    """The time limit is the last stop behind k3b.limits: here a tiny one on an ordinary page."""
    monkeypatch.setenv("K3B_PAGE_SECONDS", "0.001")
    project = make_project(tmp_path, "minimal")
    with pytest.raises(Exception, match="BuildError"):
        build(project)
    # Which page the tiny limit stops first depends on the order of the build: any of them.
    path, _, message = error_lines(caplog)[-1].partition(":1: ")
    assert path.startswith("docs/") and path.endswith(".md")
    assert message == (
        "die Seite war nach 0,001 s noch nicht in HTML umgewandelt – bitte "
        "sehr lange Listen, Tabellen oder verschachtelte Klammern vereinfachen (oder die Seite teilen)")


BOMB_BUILD = """
import sys, logging
sys.path.insert(0, {tests!r})
from sitebuild import build
logging.basicConfig(level=logging.ERROR, format="%(message)s", stream=sys.stdout)
try:
    build(__import__("pathlib").Path({project!r}))
except Exception as error:
    print(type(error).__name__)
"""


def test_all_bombs_at_once_stay_under_a_gigabyte_and_a_minute(tmp_path):
    """In a process of its own, so that its peak memory can be measured."""
    import resource
    import subprocess
    import sys

    from sitebuild import ROOT

    project = make_project(tmp_path, "minimal")
    head = "---\ntitle: Bombe\ndate: 2025-01-01\nauthors: [K3B-Redaktion]\nsummary: Test.\n" \
           "topics: [Energiewende]\n---\n\n"
    for name, body in BOMBS.items():
        (project / "docs/artikel" / name).write_text(head + body, encoding="utf-8")
    strings = ['@string{s0 = "ab"}'] + [f"@string{{s{n} = s{n - 1} # s{n - 1}}}" for n in range(1, 41)]
    bib = "\n".join(strings) + "\n@misc{b, title = s40, year = 2024}\n" \
        + "@misc{dup, title = {T}, year = 2024}\n" * 19_000  # 18,999 duplicate keys
    (project / "publications/bombe.bib").write_text(bib, encoding="utf-8")
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-c", BOMB_BUILD.format(tests=str(ROOT / "tests"),
                                                                     project=str(project))],
                            capture_output=True, text=True, timeout=120)
    seconds = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert result.stdout.strip().splitlines()[-1] == "Abort", result.stderr[-2000:]
    lines = result.stdout.strip().splitlines()[:-1]
    assert len(lines) == 5 + 51 + 1  # the five pages, 50 lines of the .bib and its count, the summary
    # 18,999 duplicate keys, the @string error and the entry it left without a title: 19,001
    assert "publications/bombe.bib: und 18.951 weitere Meldungen in dieser Datei" in lines
    assert seconds < 60 and peak_mb < 1024, (seconds, peak_mb)
    print(f"bombs: {seconds:.1f} s, peak {peak_mb:.0f} MB")
