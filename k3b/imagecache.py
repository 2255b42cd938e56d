"""The published sizes of each image, made with Pillow and kept in a cache keyed on content.

Making the sizes of a large photo takes about a second; the cache makes it once. A set of
sizes lies in ``<cache>/bilder/<SHA-256 of the original>-<RECIPE>/``: an unchanged image
is found again by its content, whatever its name or date, and a changed one gets new
sizes. The cache folder is ``K3B_CACHE_DIR`` if set, else ``.cache/k3b/`` next to
``mkdocs.yml`` (ignored by git), shared by ``make serve`` and every ``make build`` of the
project. Nothing in it is needed: deleting it only costs time on the next build.

Every size is written without the original's metadata (EXIF, with a phone's GPS position),
turned the way the camera meant it, with its colour profile kept.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from .images import ImageFile, Variant
from .stripmeta import has_metadata, strip_file

# Change when sizes, formats or quality change: the cache then makes every image again.
RECIPE = "r2"
SAVE_OPTIONS = {
    "jpg": {"format": "JPEG", "quality": 82, "optimize": True, "progressive": True},
    "webp": {"format": "WEBP", "quality": 80, "method": 4},
    "png": {"format": "PNG", "optimize": True},
}
WORKERS = 2  # Pillow decodes, resizes and encodes without the GIL


class ImageError(Exception):
    """An image could not be made into its sizes; ``message`` is German."""


def cache_dir(project: Path, environ: Mapping[str, str] = os.environ) -> Path:
    return Path(environ.get("K3B_CACHE_DIR") or project / ".cache" / "k3b")


def make_sizes(image: ImageFile, original: Path, cache: Path) -> dict[str, Path]:
    """Variant src → its file in the cache, made now if it is not there yet."""
    digest = hashlib.sha256(original.read_bytes()).hexdigest()
    folder = cache / "bilder" / f"{digest[:40]}-{RECIPE}"
    wanted = {v.src: (v, folder / f"{v.width}.{v.extension}") for v in image.variants()}
    missing = [(v, path) for v, path in wanted.values() if not path.exists()]
    if missing:
        _make(original, missing, folder)
    return {src: path for src, (_v, path) in wanted.items()}


def _make(original: Path, missing: list[tuple[Variant, Path]], folder: Path) -> None:
    from PIL import Image, ImageOps

    folder.mkdir(parents=True, exist_ok=True)
    with Image.open(original) as opened:
        if opened.format == "JPEG":
            # Decode at the smallest JPEG scale (1/2, 1/4 …) still above the largest size
            # needed: a 12-megapixel photo costs about half the time (measured: 1.15 → 0.65 s of CPU).
            width = max(v.width for v, _ in missing)
            height = max(v.height for v, _ in missing)
            turned = opened.getexif().get(0x0112, 1) in (5, 6, 7, 8)
            opened.draft("RGB", (height, width) if turned else (width, height))
        image = ImageOps.exif_transpose(opened)
        icc = opened.info.get("icc_profile")
        if image.mode not in ("RGB", "RGBA", "L", "LA"):
            image = image.convert("RGBA" if "A" in image.mode or "transparency" in image.info else "RGB")
        for variant, path in missing:
            size = (variant.width, variant.height)
            resized = image if image.size == size else image.resize(
                size, Image.Resampling.LANCZOS, reducing_gap=3.0)
            if variant.extension == "jpg" and resized.mode not in ("RGB", "L"):
                resized = resized.convert("RGB")
            options = dict(SAVE_OPTIONS[variant.extension])
            if icc:
                options["icc_profile"] = icc
            # Written beside, then renamed: a build running at the same time never reads half a file.
            handle, temporary = tempfile.mkstemp(dir=folder, suffix=".part")
            with os.fdopen(handle, "wb") as out:
                resized.save(out, **options)
            os.replace(temporary, path)


def make_all(images: Iterable[ImageFile], docs_dir: Path, cache: Path) -> tuple[dict[str, Path], list[str]]:
    """The sizes of every image (variant src → cached file), and the srcs that failed."""
    todo = [image for image in images if image.resized]
    made: dict[str, Path] = {}
    failed: list[str] = []

    def one(image: ImageFile) -> dict[str, Path] | None:
        try:
            return make_sizes(image, docs_dir / image.src, cache)
        except Exception:  # noqa: BLE001 - a truncated or odd file: Pillow raises many kinds
            return None

    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for image, sizes in zip(todo, pool.map(one, todo), strict=True):
            if sizes is None:
                failed.append(image.src)
            else:
                made.update(sizes)
    return made, failed


# Originals that are published as they are (a link to the file, a raw <img>, a logo).
STRIPPED = (".jpg", ".jpeg", ".png", ".webp", ".gif")
STRIPPED_FOLDER = "ohne-metadaten"


def stripped_copies(srcs: Iterable[str], docs_dir: Path, cache: Path) -> tuple[dict[str, Path], list[str]]:
    """Copies without EXIF/XMP/IPTC of the images in ``srcs`` that carry any (src → cached
    copy), and the srcs whose metadata could not be removed. Copies are named after their
    content, so each is made once; a file without metadata is published as it is."""
    made: dict[str, Path] = {}
    failed: list[str] = []
    folder = cache / STRIPPED_FOLDER
    for src in srcs:
        if not src.lower().endswith(STRIPPED):
            continue
        try:
            data = (docs_dir / src).read_bytes()
        except OSError:
            continue  # the image check reports files that cannot be read
        if not has_metadata(data):
            continue
        target = folder / f"{hashlib.sha256(data).hexdigest()[:24]}{Path(src).suffix.lower()}"
        if not target.exists():
            folder.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(dir=folder, suffix=target.suffix)
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            strip_file(Path(name))
            if has_metadata(Path(name).read_bytes()):
                os.unlink(name)
                failed.append(src)
                continue
            os.replace(name, target)
        made[src] = target
    return made, failed
