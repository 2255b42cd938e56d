"""Markdown images as ``<picture>`` elements with their published sizes.

``![Alt](bilder/x.jpg){ .klasse }`` in a page becomes the ``<picture>`` of
``k3b.images.picture_html``. The first image of a page loads at once (it is usually at the
top, where a lazy image would be late); every later one loads when it scrolls into view.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from html import escape

from .images import SHARE_WIDTH, ImageFile, Teaser, picture_html, resolve
from .links import IMAGE, find_links

ATTRIBUTE = re.compile(
    r"""(?:^|\s)(?:\.(?P<cls>[\w-]+)|(?P<key>[\w-]+)\s*=\s*(?:"(?P<q>[^"]*)"|(?P<v>\S+)))""")
DECORATIVE_ROLES = ("presentation", "none")


def _attributes(attrs: str) -> tuple[str, str, str]:
    """class, title and role from an attribute list ``{ .breit title="…" }``; others are
    left out (``style`` would break the Content-Security-Policy)."""
    classes, title, role = [], "", ""
    for match in ATTRIBUTE.finditer(attrs.strip("{}: ")):
        if match.group("cls"):
            classes.append(match.group("cls"))
        elif match.group("key") == "title":
            title = match.group("q") if match.group("q") is not None else match.group("v")
        elif match.group("key") == "role":
            role = (match.group("q") or match.group("v") or "").strip()
    return " ".join(classes), title, role if role in DECORATIVE_ROLES else ""


def render_images(markdown: str, page_src: str, page_url: str, files: Mapping[str, ImageFile],
                  wrap: Callable[[str], str]) -> str:
    """``markdown`` with each Markdown image of a measured file replaced by ``wrap`` of its
    ``<picture>`` (HTML that skips Markdown)."""
    if "![" not in markdown:
        return markdown
    pieces, at, first = [], 0, True
    for link in find_links(markdown):
        if link.kind != IMAGE or link.start < at:
            continue
        image = files.get(resolve(page_src, link.target))
        if image is None:
            continue
        css_class, title, role = _attributes(link.attrs)
        alt = "" if role else (link.alt or "").strip()
        html = picture_html(image, alt, page_url, lazy=not first, css_class=css_class, title=title, role=role)
        pieces += [markdown[at:link.start], wrap(html)]
        at, first = link.end, False
    return "".join(pieces) + markdown[at:]


def og_image_tags(teaser: Teaser | None, site_url: str) -> str:
    """Open Graph tags for a page's teaser: the shared link's preview image."""
    if teaser is None or teaser.file is None:
        return ""
    variant = teaser.file.fallback(SHARE_WIDTH)
    url = site_url.rstrip("/") + "/" + variant.src
    tags = [("og:image", url), ("og:image:alt", teaser.alt)]
    if variant.width:
        tags += [("og:image:width", str(variant.width)), ("og:image:height", str(variant.height))]
    return "\n".join(f'<meta property="{name}" content="{escape(value, quote=True)}">'
                     for name, value in tags)
