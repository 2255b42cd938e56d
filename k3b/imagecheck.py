"""Every image of every page checked before rendering: alt text, file, format and size.

A Markdown image needs alt text (``![Was das Bild zeigt](bilder/x.jpg)``); a purely
decorative one says so: ``![](bilder/x.jpg){ role="presentation" }``. The file must exist
below ``docs/``, be JPEG, PNG, WebP, GIF or SVG, and not be larger than the limit
(``extra.k3b.images.max_mb``, 20 MB unless set). Images from other websites are refused:
the site loads nothing from other servers. The teaser image of the front matter
(``image``) is checked the same way and measured for cards and Open Graph.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .images import DEFAULT_MAX_MB, EXTENSIONS, ImageFile, measure, resolve
from .linkcheck import EXTERNAL, closest_path, report_page_problems
from .links import HTML_IMAGE, IMAGE, Link
from .problems import ProblemList
from .site import Site

# Formats a camera or phone writes, with EXIF (the place, the device) inside.
PHOTOS = (".jpg", ".jpeg", ".png", ".webp", ".tif", ".tiff", ".heic", ".heif")
DECORATIVE = re.compile(r"""\brole\s*=\s*["']?(?:presentation|none)\b""")
FILE_NAME = re.compile(r"^\S+\.(?:jpe?g|png|webp|gif|svg|heic|tiff?)$|^(?:img|dsc|bild|foto)[_ -]?\d+$",
                       re.IGNORECASE)


@dataclass
class ImagePlan:
    """The images of one build: which originals are measured, used and replaced by sizes."""

    files: dict[str, ImageFile] = field(default_factory=dict)  # every image found, by src
    published: dict[str, ImageFile] = field(default_factory=dict)  # used by pages of this build
    replaced: set[str] = field(default_factory=set)  # originals whose sizes are published instead
    unused: set[str] = field(default_factory=set)  # photos nothing shows or links to: not published


def check_images(site: Site, docs_dir: Path, static_files: Iterable[str], problems: ProblemList,
                 info: Callable[[str], None] = lambda line: None,
                 max_mb: float = DEFAULT_MAX_MB) -> ImagePlan:
    """Check every image and teaser; measured teasers replace the items' unmeasured ones."""
    files = set(static_files)
    result = ImagePlan()
    failed: dict[str, str] = {}  # src → problem, so that an image used twice is opened once
    as_image: set[str] = set()
    otherwise: set[str] = set()  # also linked to, or used by raw HTML: the original stays

    def load(src: str) -> ImageFile | str:
        if src in result.files:
            return result.files[src]
        if src not in failed:
            found = _load(docs_dir, src, files, max_mb)
            if isinstance(found, str):
                failed[src] = found
            else:
                result.files[src] = found
        return result.files.get(src) or failed[src]

    for src, links in site.links.items():
        own = ProblemList()
        display = site.sources[src].display
        in_build = site.preview or site.is_published(src)
        for link in links:
            if not link.is_image:
                if not EXTERNAL.match(link.target):
                    otherwise.add(resolve(src, link.target.partition("#")[0]))
                continue
            alt = _alt_problem(link)
            if alt:  # and on: a missing file is reported in the same run
                own.add(display, link.line, alt)
            elsewhere = _target_problem(link.target)
            if elsewhere:
                own.add(display, link.line, elsewhere)
            if elsewhere:
                continue
            wanted = resolve(src, link.target)
            found = load(wanted)
            if isinstance(found, str):
                own.add(display, link.line, f"Bild „{link.target}“{found}{_hint(src, wanted, files)}")
                continue
            (as_image if link.kind == IMAGE else otherwise).add(wanted)
            if in_build:
                result.published[wanted] = found
        report_page_problems(site, src, own, problems, info)
    _teasers(site, load, result, files, as_image, problems, info)
    result.replaced = {src for src in as_image - otherwise if result.files[src].resized}
    result.unused = _unused(site, files, as_image | otherwise)
    for src in sorted(result.unused):
        info(f"docs/{src}: Bild wird auf keiner Seite gezeigt oder verlinkt – es wird nicht veröffentlicht "
             "(Fotos tragen oft Kamera- und Ortsdaten)")
    site.images = result.files
    return result


def _unused(site: Site, files: set[str], used: set[str]) -> set[str]:
    """Photos below ``docs/`` that no page, teaser or item shows or links to.

    Published as they are, they would carry what the camera wrote into them (often the place
    where they were taken); the sizes the build makes carry none of it. The theme's own files
    (``assets/``) are left alone: stylesheets and templates use them.
    """
    shown = used | {path for item in site.index.items.values() for path in item.kind.files_shown(item)}
    return {src for src in files if src.lower().endswith(PHOTOS) and not src.startswith("assets/")
            and src not in shown}


def _teasers(site: Site, load, result: ImagePlan, files: set[str], as_image: set[str],
             problems: ProblemList, info) -> None:
    items = list(site.index.items.values()) + [h.item for h in site.withheld.values()
                                               if h.item is not None and not site.preview]
    for item in items:
        if item.image is None:
            continue
        message = _target_problem(item.image.path)  # a teaser from another website
        found = None if message else load(item.image.src)
        if isinstance(found, str):
            message = f"Bild „{item.image.path}“{found}{_hint(item.src_path, item.image.src, files)}"
        if message:
            own = ProblemList()
            own.add(site.sources[item.src_path].display, item.image.line, f"Feld „image“: {message}")
            report_page_problems(site, item.src_path, own, problems, info)
            continue
        as_image.add(item.image.src)
        if item.src_path in site.index.items:
            result.published[item.image.src] = found
            site.index.items[item.src_path] = dataclasses.replace(
                item, image=dataclasses.replace(item.image, file=found))


def _alt_problem(link: Link) -> str:
    alt = (link.alt or "").strip()
    decorative = bool(DECORATIVE.search(link.attrs)) or (link.kind == HTML_IMAGE and link.alt == "")
    if link.kind == HTML_IMAGE and link.alt is None:
        return (f"Bild „{link.target}“ (<img>) ohne Alternativtext – bitte alt=\"…\" mit einer "
                "Beschreibung ergänzen, bei einem reinen Schmuckbild alt=\"\"")
    if not alt and not decorative:
        return (f"Bild „{link.target}“ ohne Alternativtext – bitte in die eckigen Klammern schreiben, "
                f"was es zeigt: ![Was das Bild zeigt]({link.target}); ein reines Schmuckbild so "
                f"kennzeichnen: ![]({link.target}){{ role=\"presentation\" }}")
    if alt and DECORATIVE.search(link.attrs):
        return (f"Bild „{link.target}“ ist als Schmuckbild gekennzeichnet (role=\"presentation\"), "
                "hat aber einen Alternativtext – eines von beiden entfernen")
    if FILE_NAME.match(alt):
        return (f"Alternativtext „{alt}“ von Bild „{link.target}“ ist ein Dateiname – bitte "
                "beschreiben, was das Bild zeigt")
    return ""


def _target_problem(target: str) -> str:
    if target.startswith("data:"):
        return ""
    if EXTERNAL.match(target):
        return (f"Bild „{target}“ liegt auf einer anderen Website – die Seite lädt nichts von "
                "fremden Servern (Datenschutz); bitte die Datei nach docs/bilder/ legen und relativ "
                "einbinden")
    return ""


def _load(docs_dir: Path, src: str, files: set[str], max_mb: float) -> ImageFile | str:
    """The measured image, or the end of a German sentence about what is wrong with it."""
    extension = "." + src.rsplit(".", 1)[-1].lower() if "." in src.rsplit("/", 1)[-1] else ""
    if extension not in EXTENSIONS:
        return (f": das Format „{extension or 'ohne Endung'}“ wird nicht unterstützt – bitte als JPEG "
                "(Fotos), PNG (Grafiken), WebP, GIF oder SVG speichern")
    if src not in files:
        return f" fehlt: keine Datei „docs/{src}“"
    path = docs_dir / src
    size = path.stat().st_size
    if size > max_mb * 1024 * 1024:
        return (f" ist {_megabytes(size)} groß, erlaubt sind höchstens {_megabytes(max_mb * 1024 * 1024)} "
                "– bitte kleiner speichern (etwa 3000 Pixel breit genügt)")
    try:
        return measure(path, src)
    except ImportError:  # Pillow missing is a broken installation, not a broken image
        raise
    except Exception:  # noqa: BLE001 - Pillow raises many kinds for a broken file; all mean the same
        return (" ist keine lesbare Bilddatei (beschädigt, zu viele Pixel oder in einem anderen Format "
                "gespeichert)")


def _megabytes(size: float) -> str:
    return f"{size / 1024 / 1024:.1f}".replace(".", ",").replace(",0", "") + " MB"


def _hint(page: str, wanted: str, files: set[str]) -> str:
    if wanted in files:
        return ""
    close = closest_path(wanted, [f for f in files if f.lower().endswith(EXTENSIONS)], page)
    return f" – meinten Sie „{close}“?" if close else ""
