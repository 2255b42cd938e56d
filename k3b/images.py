"""Images: what an original file is, which sizes the build makes of it, and their HTML.

An image lives next to the content (``docs/artikel/bilder/x.jpg`` or ``docs/bilder/x.jpg``).
The build publishes a photo not as it was taken but in several widths, each as WebP and in
its own format (``x-480.webp``, ``x-480.jpg``, … next to the original's place), so a phone
loads a small file and a wide screen a sharp one. ``picture_html`` writes the
``<picture>`` with ``srcset``, ``width``/``height`` (no layout shift) and ``loading``.
``k3b.imagecheck`` finds and checks the images, ``k3b.imagecache`` makes the files.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from html import escape
from pathlib import Path

from .render import relative_url

# Pillow's format name → the file extension of the sizes made in that format.
RESIZED = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
# Published as they are (animations, vector graphics): no sizes, no WebP.
AS_IS = {"GIF": "gif", "SVG": "svg"}
EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg")
WIDTHS = (480, 800, 1200, 1600)
DEFAULT_WIDTH = 800  # the <img src> for browsers without srcset
SHARE_WIDTH = 1200  # Open Graph: what link previews in messengers and social networks show
DEFAULT_MAX_MB = 20
# How wide an image is shown: the text column (about 37rem next to Material's sidebars),
# the whole screen on a phone; a card's teaser is a thumbnail.
CONTENT_SIZES = "(min-width: 60em) 37rem, 100vw"
CARD_SIZES = "(min-width: 45em) 9rem, 6rem"
MIME = {"webp": "image/webp", "jpg": "image/jpeg", "png": "image/png"}


@dataclass(frozen=True, slots=True)
class Variant:
    """One file the build publishes for an image: a width in one format."""

    src: str  # below the site, like the original's path ("artikel/bilder/x-800.webp")
    width: int
    height: int
    extension: str


@dataclass(frozen=True, slots=True)
class ImageFile:
    """An original image below ``docs/``, measured (without decoding its pixels)."""

    src: str  # "artikel/bilder/x.jpg"
    width: int
    height: int
    format: str  # Pillow's name ("JPEG", "PNG", "WEBP", "GIF") or "SVG"
    size: int  # bytes
    animated: bool = False

    @property
    def resized(self) -> bool:
        """Made into sizes and WebP (photos, graphics), or published as it is?"""
        return self.format in RESIZED and not self.animated

    def widths(self) -> tuple[int, ...]:
        """The widths made: the standard ones below the original's, and at most the largest."""
        smaller = [w for w in WIDTHS if w < min(self.width, WIDTHS[-1])]
        return (*smaller, min(self.width, WIDTHS[-1]))

    def variants(self) -> tuple[Variant, ...]:
        """Every file published for this image, WebP first (an image as it is: itself)."""
        if not self.resized:
            return (Variant(self.src, self.width, self.height, self.src.rsplit(".", 1)[-1]),)
        stem = self.src.rsplit(".", 1)[0]
        extensions = ["webp"] if self.format == "WEBP" else ["webp", RESIZED[self.format]]
        return tuple(Variant(f"{stem}-{w}.{ext}", w, round(self.height * w / self.width), ext)
                     for ext in extensions for w in self.widths())

    def fallback(self, width: int = DEFAULT_WIDTH) -> Variant:
        """The file for ``<img src>`` (and, 1200 wide, for Open Graph): in the original's
        format, the widest up to ``width``."""
        own = [v for v in self.variants() if v.extension != "webp"] or list(self.variants())
        fitting = [v for v in own if v.width <= width]
        return fitting[-1] if fitting else own[0]


@dataclass(frozen=True, slots=True)
class Teaser:
    """The optional teaser image of an item (front matter ``image`` and ``image_alt``)."""

    src: str  # below docs/, resolved from the page's folder
    alt: str
    line: int  # of "image:" in the front matter
    path: str = ""  # as written there ("bilder/x.jpg")
    file: ImageFile | None = None  # measured by k3b.imagecheck


def resolve(page_src: str, path: str) -> str:
    """An image path written in the page ``page_src`` as a path below ``docs/``."""
    base = "" if path.startswith("/") else posixpath.dirname(page_src)
    return posixpath.normpath(posixpath.join(base, path.lstrip("/")))


def measure(path: Path, src: str) -> ImageFile:
    """Size and format of the image at ``path``, reading only its header.

    Raises:
        OSError, ValueError: not an image Pillow can read (``k3b.imagecheck`` translates).
    """
    size = path.stat().st_size
    if src.lower().endswith(".svg"):
        return ImageFile(src, 0, 0, "SVG", size)
    from PIL import Image  # only builds with images pay for importing Pillow

    with Image.open(path) as image:
        animated = bool(getattr(image, "is_animated", False))
        width, height = image.size
        orientation = image.getexif().get(0x0112, 1) if image.format == "JPEG" else 1
    if orientation in (5, 6, 7, 8):  # a phone's portrait photo: the camera stored it turned
        width, height = height, width
    return ImageFile(src, width, height, image.format or "", size, animated)


def picture_html(image: ImageFile, alt: str, page_url: str, *, sizes: str = CONTENT_SIZES,
                 lazy: bool = True, css_class: str = "", title: str = "", role: str = "") -> str:
    """``<picture>`` (or ``<img>`` for an image published as it is), with links from ``page_url``."""

    def href(variant: Variant) -> str:
        return escape(relative_url(page_url, variant.src))

    fallback = image.fallback()
    attributes = [f'src="{href(fallback)}"', f'alt="{escape(alt)}"']
    if fallback.width:
        attributes += [f'width="{fallback.width}"', f'height="{fallback.height}"']
    for name, value in (("class", css_class), ("title", title), ("role", role)):
        if value:
            attributes.append(f'{name}="{escape(value)}"')
    attributes += ['loading="lazy"' if lazy else 'fetchpriority="high"', 'decoding="async"']
    if not image.resized:
        return f"<img {' '.join(attributes)}>"
    by_extension: dict[str, list[Variant]] = {}
    for variant in image.variants():
        by_extension.setdefault(variant.extension, []).append(variant)

    def srcset(variants: list[Variant]) -> str:
        return ", ".join(f"{href(v)} {v.width}w" for v in variants)

    own = by_extension.get(fallback.extension, [])
    attributes.insert(1, f'srcset="{srcset(own)}" sizes="{sizes}"')
    sources = "".join(f'<source type="{MIME[ext]}" srcset="{srcset(variants)}" sizes="{sizes}">'
                      for ext, variants in by_extension.items() if ext != fallback.extension)
    return f"<picture>{sources}<img {' '.join(attributes)}></picture>"
