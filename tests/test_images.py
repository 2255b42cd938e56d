"""Images: published in several widths as WebP and in their own format, with alt text,
width and height; checked before rendering; made once and then taken from the cache."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort
from PIL import Image

from k3b.images import ImageFile
from sitebuild import build, error_lines, html, make_project

WIDE = "artikel/bilder/weit.jpg"  # written by the test: wider than every standard width
UNUSED = "bilder/vergessen.jpg"  # copied by the test: no page uses it


def _project(tmp_path: Path) -> Path:
    project = make_project(tmp_path, "images")
    image = Image.linear_gradient("L").resize((1700, 1100)).convert("RGB")
    image.save(project / "docs" / WIDE, quality=90)
    # A photo that no page shows or links to, with the camera's position inside.
    shutil.copyfile(project / "docs/artikel/bilder/exif_gps.jpg", project / "docs" / UNUSED)
    page = project / "docs/artikel/mit-bildern.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nBreit: ![Ein grauer Verlauf](bilder/weit.jpg)\n",
                    encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    project = _project(tmp_path_factory.mktemp("images"))
    cache = project.parent / "cache"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("K3B_CACHE_DIR", str(cache))
        return build(project), cache


def test_variants_and_widths():
    wide = ImageFile("a/x.jpg", 1700, 1100, "JPEG", 1)
    assert [(v.src, v.width, v.height) for v in wide.variants()][:4] == [
        ("a/x-480.webp", 480, 311), ("a/x-800.webp", 800, 518), ("a/x-1200.webp", 1200, 776),
        ("a/x-1600.webp", 1600, 1035)]
    assert wide.fallback().src == "a/x-800.jpg"
    small = ImageFile("a/y.png", 300, 200, "PNG", 1)
    assert [v.src for v in small.variants()] == ["a/y-300.webp", "a/y-300.png"]
    assert [v.src for v in ImageFile("a/z.webp", 900, 600, "WEBP", 1).variants()] == [
        "a/z-480.webp", "a/z-800.webp", "a/z-900.webp"]
    assert [v.src for v in ImageFile("a/g.gif", 90, 60, "GIF", 1, animated=True).variants()] == ["a/g.gif"]


def test_picture_with_srcset_webp_and_size(built):
    site, _ = built
    page = html(site, "artikel/mit-bildern/")
    pictures = page.select(".md-content picture")
    wide = next(p for p in pictures if "weit-800.jpg" in p.img["src"])
    assert wide.source["type"] == "image/webp"
    assert [c.split()[1] for c in wide.source["srcset"].split(", ")] == ["480w", "800w", "1200w", "1600w"]
    assert wide.img["src"] == "../bilder/weit-800.jpg"
    assert (wide.img["width"], wide.img["height"], wide.img["alt"]) == ("800", "518", "Ein grauer Verlauf")
    assert wide.img["loading"] == "lazy" and wide.img["sizes"]
    for variant in ("weit-480.webp", "weit-1600.webp", "weit-480.jpg", "weit-1600.jpg"):
        assert (site / "artikel/bilder" / variant).is_file(), variant
    assert not (site / WIDE).exists()  # the 1700 px original is not published


def test_first_image_loads_at_once_the_rest_lazily(built):
    images = html(built[0], "artikel/mit-bildern/").select(".md-content img")
    assert images[0].get("fetchpriority") == "high" and not images[0].get("loading")
    assert all(img["loading"] == "lazy" for img in images[1:])
    assert images[0]["class"] == ["breit"] and images[0]["title"] == "Blüte"


def test_decorative_image_and_svg(built):
    images = html(built[0], "artikel/mit-bildern/").select(".md-content img")
    decorative = [img for img in images if img.get("role") == "presentation"]
    assert len(decorative) == 1 and decorative[0]["alt"] == ""
    svg = next(img for img in images if img["src"].endswith(".svg"))
    assert svg["src"] == "../../bilder/zeichen.svg" and svg["alt"] == "Ein grüner Kreis"
    assert (built[0] / "bilder/zeichen.svg").is_file()


def test_orientation_cmyk_and_no_gps(built):
    site, _ = built
    with Image.open(site / "artikel/bilder/orientation_rectangle-1.jpg") as turned:
        assert turned.size == (1, 2)  # stored 2 × 1 with orientation 8
    with Image.open(site / "artikel/bilder/pil_sample_cmyk-100.jpg") as cmyk:
        assert cmyk.mode == "RGB"
    for name in ("exif_gps-8.jpg", "exif_gps-8.webp"):
        with Image.open(site / "artikel/bilder" / name) as variant:
            assert not variant.getexif(), name  # no position, no camera
    # Linked as a download as well: the original stays, with its data, as staff linked it.
    assert (site / "artikel/bilder/exif_gps.jpg").is_file()


def test_a_photo_no_page_uses_is_not_published(tmp_path, caplog, monkeypatch):
    """Published as it is, it would carry the place where it was taken (its EXIF)."""
    monkeypatch.setenv("K3B_CACHE_DIR", str(tmp_path / "cache"))
    with caplog.at_level("INFO"):
        site = build(_project(tmp_path))
    assert not (site / UNUSED).exists() and not list(site.rglob("vergessen*"))
    assert (site / "artikel/bilder/exif_gps.jpg").is_file()  # linked to: stays
    assert f"docs/{UNUSED}: Bild wird auf keiner Seite gezeigt oder verlinkt – es wird nicht " \
           "veröffentlicht (Fotos tragen oft Kamera- und Ortsdaten)" in caplog.messages


def test_teaser_on_cards_and_as_open_graph_image(built):
    site, _ = built
    for url in ("artikel/", "themen/energiewende/"):
        card = html(site, url).select_one(".k3b-card--image")
        assert card is not None, url
        img = card.select_one("img.k3b-card__image")
        assert img["alt"] == "Eine gelbe Blüte vor grünem Laub" and img["loading"] == "lazy"
    head = html(site, "artikel/mit-bildern/").head
    og = {m["property"]: m["content"] for m in head.select("meta[property^='og:image']")}
    assert og["og:image"] == "http://127.0.0.1:8000/artikel/bilder/flower2-300.jpg"
    assert og["og:image:alt"] == "Eine gelbe Blüte vor grünem Laub"
    assert (og["og:image:width"], og["og:image:height"]) == ("300", "225")


def test_unchanged_images_come_from_the_cache(built, tmp_path, monkeypatch):
    site, cache = built
    images = cache / "bilder"  # (the cache also keeps compiled templates, per project folder)
    made = {p: p.stat().st_mtime_ns for p in images.rglob("*") if p.is_file()}
    assert made and not [p for p in made if p.suffix == ".part"]
    monkeypatch.setenv("K3B_CACHE_DIR", str(cache))
    project = _project(tmp_path)
    again = build(project)
    assert {p: p.stat().st_mtime_ns for p in images.rglob("*") if p.is_file()} == made
    variant = "artikel/bilder/weit-1600.webp"
    assert (again / variant).read_bytes() == (site / variant).read_bytes()
    # A changed image is made again, under its new content.
    Image.new("RGB", (1700, 1100), "teal").save(project / "docs" / WIDE)
    build(project)
    assert len({p.parent for p in cache.rglob("*.webp")}) == len({p.parent for p in made}) + 1


F = "docs/artikel/bilder-fehler.md"
BAD = [
    "docs/artikel/abgeschnitten.md:9: Feld „image“ braucht auch „image_alt“: ein Vorschaubild hat immer "
    "einen Alternativtext",
    f"{F}:9: Feld „image“: Bild „bilder/vorschau.jpg“ fehlt: keine Datei "
    "„docs/artikel/bilder/vorschau.jpg“",
    f"{F}:13: Bild „bilder/blume.jpg“ ohne Alternativtext – bitte in die eckigen "
    "Klammern schreiben, was es zeigt: ![Was das Bild zeigt](bilder/blume.jpg); ein reines Schmuckbild so "
    "kennzeichnen: ![](bilder/blume.jpg){ role=\"presentation\" }",
    f"{F}:15: Bild „bilder/blum.jpg“ fehlt: keine Datei „docs/artikel/bilder/blum.jpg“ "
    "– meinten Sie „bilder/blume.jpg“?",
    f"{F}:17: Bild „bilder/handy.heic“: das Format „.heic“ wird nicht unterstützt – "
    "bitte als JPEG (Fotos), PNG (Grafiken), WebP, GIF oder SVG speichern",
    f"{F}:19: Bild „bilder/text.jpg“ ist keine lesbare Bilddatei (beschädigt, zu viele "
    "Pixel oder in einem anderen Format gespeichert)",
    f"{F}:21: Bild „https://example.org/foto.jpg“ liegt auf einer anderen Website – die "
    "Seite lädt nichts von fremden Servern (Datenschutz); bitte die Datei nach docs/bilder/ legen und "
    "relativ einbinden",
    f"{F}:23: Alternativtext „IMG_1234.jpg“ von Bild „bilder/blume.jpg“ ist ein "
    "Dateiname – bitte beschreiben, was das Bild zeigt",
    f"{F}:25: Bild „bilder/blume.jpg“ ist als Schmuckbild gekennzeichnet "
    "(role=\"presentation\"), hat aber einen Alternativtext – eines von beiden entfernen",
    f"{F}:27: Bild „bilder/blume.jpg“ (<img>) ohne Alternativtext – bitte alt=\"…\" mit "
    "einer Beschreibung ergänzen, bei einem reinen Schmuckbild alt=\"\"",
    # Two mistakes in one image: both in the same run.
    f"{F}:29: Bild „bilder/bume.jpg“ fehlt: keine Datei „docs/artikel/bilder/bume.jpg“ "
    "– meinten Sie „bilder/blume.jpg“?",
    f"{F}:29: Bild „bilder/bume.jpg“ ohne Alternativtext – bitte in die eckigen "
    "Klammern schreiben, was es zeigt: ![Was das Bild zeigt](bilder/bume.jpg); ein reines Schmuckbild so "
    "kennzeichnen: ![](bilder/bume.jpg){ role=\"presentation\" }",
    "docs/artikel/nur-alt.md:9: Feld „image_alt“ ohne „image“: der Alternativtext gehört zu einem "
    "Vorschaubild – „image“ ergänzen oder „image_alt“ löschen",
    "docs/artikel/vorschau-fremd.md:9: Feld „image“: Bild „https://example.org/vorschau.jpg“ liegt auf einer "
    "anderen Website – die Seite lädt nichts von fremden Servern (Datenschutz); bitte die Datei nach "
    "docs/bilder/ legen und relativ einbinden",
]


def test_every_image_mistake_is_a_german_error(tmp_path, caplog, monkeypatch):
    monkeypatch.setenv("K3B_CACHE_DIR", str(tmp_path / "cache"))
    with pytest.raises(Abort):
        build(make_project(tmp_path, "bad-images"))
    assert [line for line in error_lines(caplog) if line.startswith("docs/")] == BAD


def test_a_truncated_photo_and_a_too_large_one(tmp_path, caplog, monkeypatch):
    monkeypatch.setenv("K3B_CACHE_DIR", str(tmp_path / "cache"))
    project = make_project(tmp_path, "bad-images")
    for other in ("bilder-fehler", "nur-alt", "vorschau-fremd"):
        (project / f"docs/artikel/{other}.md").unlink()
    page = project / "docs/artikel/abgeschnitten.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "image: bilder/blume.jpg\n", "image: bilder/riesig.jpg\nimage_alt: Ein sehr großes Foto\n"),
        encoding="utf-8")
    with open(project / "docs/artikel/bilder/riesig.jpg", "wb") as huge:
        huge.truncate(21 * 1024 * 1024)  # sparse: the size alone decides
    with pytest.raises(Abort):
        build(project)
    assert [line for line in error_lines(caplog) if line.startswith("docs/")] == [
        "docs/artikel/abgeschnitten.md:9: Feld „image“: Bild „bilder/riesig.jpg“ ist 21 MB groß, "
        "erlaubt sind höchstens 20 MB – bitte kleiner speichern (etwa 3000 Pixel breit genügt)"]
    caplog.clear()
    os.remove(project / "docs/artikel/bilder/riesig.jpg")
    text = page.read_text(encoding="utf-8").replace("image: bilder/riesig.jpg\n", "")
    page.write_text(text.replace("image_alt: Ein sehr großes Foto\n", ""), encoding="utf-8")
    with pytest.raises(Abort):
        build(project)
    assert [line for line in error_lines(caplog) if line.startswith("docs/")] == [
        "docs/artikel/bilder/abgeschnitten.jpg:1: Bild ließ sich nicht verkleinern (Datei beschädigt oder "
        "unvollständig) – bitte neu speichern oder exportieren"]
