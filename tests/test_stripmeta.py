"""k3b/stripmeta.py: metadata dropped from published originals, pixels and colour profile kept."""

from __future__ import annotations

import io
import os
import random
import struct
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image, ImageCms, ImageOps, PngImagePlugin

from k3b.stripmeta import has_metadata, strip_file, strip_image_metadata

ICC = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
XMP = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Erika Mustermann</dc:creator></x:xmpmeta>'


def _picture(mode: str = "RGB", size: tuple[int, int] = (48, 32)) -> Image.Image:
    """A gradient with a distinct corner, so a turn or a re-encoding would show."""
    image = Image.linear_gradient("L").resize(size)
    image = Image.merge("RGB", (image, image.transpose(Image.Transpose.ROTATE_90).resize(size), image))
    image.paste((255, 0, 0), (0, 0, 8, 8))
    return image.convert(mode)


def _exif(orientation: int | None = None) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x0110] = "Phone 12"  # Model
    exif[0x013B] = "Erika Mustermann"  # Artist
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", (52.0, 31.0, 12.0), "E", (13.0, 24.0, 36.0)
    if orientation is not None:
        exif[0x0112] = orientation
    return exif


def _segment(marker: int, body: bytes) -> bytes:
    return bytes([0xFF, marker]) + struct.pack(">H", len(body) + 2) + body


def _with_segments(jpeg: bytes, *segments: bytes) -> bytes:
    return jpeg[:2] + b"".join(segments) + jpeg[2:]  # right after SOI


def _jpeg_markers(data: bytes) -> list[tuple[int, bytes]]:
    """(marker, first bytes of the body) of the segments before the first scan."""
    found, i = [], 2
    while data[i + 1] != 0xDA:
        length = struct.unpack(">H", data[i + 2 : i + 4])[0]
        found.append((data[i + 1], data[i + 4 : i + 16]))
        i += 2 + length
    return found


def jpeg_full(**options: object) -> bytes:
    out = io.BytesIO()
    _picture().save(out, "JPEG", exif=_exif(), xmp=XMP, comment=b"Urlaub 2025", icc_profile=ICC, **options)
    extended_xmp = b"http://ns.adobe.com/xmp/extension/\0" + b"0" * 32 + struct.pack(">II", 4, 0) + b"<x/>"
    iptc = b"Photoshop 3.0\0" + b"8BIM\x04\x04\0\0" + struct.pack(">I", 12) + b"\x1c\x02\x50\x00\x08Mustermn"
    return _with_segments(out.getvalue(), _segment(0xE1, extended_xmp), _segment(0xED, iptc),
                          _segment(0xEC, b"Ducky\0\x01"), _segment(0xEF, b"vendor"))


def jpeg_progressive() -> bytes:
    return jpeg_full(progressive=True)


def jpeg_cmyk() -> bytes:
    out = io.BytesIO()  # Pillow writes APP14 "Adobe" for CMYK; it must stay, it decides the colours
    _picture("CMYK").save(out, "JPEG", exif=_exif(1), comment=b"cmyk")
    return out.getvalue()


def jpeg_with_trailer() -> bytes:
    second = io.BytesIO()  # as a phone's MPO: a second picture after the first, with its own EXIF
    _picture(size=(8, 8)).save(second, "JPEG", exif=_exif())
    return jpeg_full() + second.getvalue()


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_full() -> bytes:
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Erika Mustermann")
    info.add_text("Comment", "Urlaub " * 20, zip=True)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    out = io.BytesIO()
    _picture("RGBA").save(out, "PNG", pnginfo=info, exif=_exif(), icc_profile=ICC)
    data = out.getvalue()
    time = _png_chunk(b"tIME", struct.pack(">HBBBBB", 2025, 6, 1, 12, 0, 0))
    return data[:33] + time + data[33:]  # after IHDR


def webp(lossless: bool) -> bytes:
    out = io.BytesIO()
    _picture().save(out, "WEBP", lossless=lossless, exif=_exif(), xmp=XMP, icc_profile=ICC)
    return out.getvalue()


def gif_full() -> bytes:
    out = io.BytesIO()
    _picture("P").save(out, "GIF", comment=b"Urlaub 2025")
    data = out.getvalue()
    # XMP in GIF: raw XMP, then the 258-byte "magic trailer" that ends any walk through sub-blocks.
    xmp = b"\x21\xff\x0bXMP DataXMP" + XMP + b"\x01" + bytes(range(255, -1, -1)) + b"\x00"
    return data[:-1] + xmp + data[-1:]


FORMATS: dict[str, Callable[[], bytes]] = {
    "jpeg": jpeg_full,
    "jpeg-progressive": jpeg_progressive,
    "jpeg-cmyk-adobe": jpeg_cmyk,
    "jpeg-mpo-trailer": jpeg_with_trailer,
    "png": png_full,
    "webp-lossy": lambda: webp(False),
    "webp-lossless": lambda: webp(True),
    "gif": gif_full,
}
WITH_ICC = {"jpeg", "jpeg-progressive", "jpeg-mpo-trailer", "png", "webp-lossy", "webp-lossless"}


def _open(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def _assert_no_metadata(image: Image.Image) -> None:
    assert not image.getexif()
    assert not image.getexif().get_ifd(0x8825)
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "comment", "Author", "Comment", "photoshop"):
        assert key not in image.info
    assert not getattr(image, "text", {})


@pytest.mark.parametrize("name", FORMATS)
def test_metadata_is_dropped_and_pixels_kept(name: str) -> None:
    original = FORMATS[name]()
    assert has_metadata(original)
    stripped = strip_image_metadata(original)
    assert stripped is not None and stripped != original
    assert not has_metadata(stripped)
    before, after = _open(original), _open(stripped)
    assert after.format == before.format and after.mode == before.mode and after.size == before.size
    assert after.tobytes() == before.tobytes()
    _assert_no_metadata(after)
    for secret in (b"Mustermann", b"Mustermn", b"PhoneMaker", b"Urlaub", b"Exif\0\0", b"xmpmeta"):
        assert secret not in stripped
    if name in WITH_ICC:
        assert after.info["icc_profile"] == ICC


@pytest.mark.parametrize("name", FORMATS)
def test_stripping_twice_changes_nothing(name: str) -> None:
    stripped = strip_image_metadata(FORMATS[name]())
    assert stripped is not None
    assert strip_image_metadata(stripped) == stripped


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("jpeg", {(0xE0, b"JFIF"), (0xE2, b"ICC_PROFILE")}),
        ("jpeg-cmyk-adobe", {(0xEE, b"Adobe")}),
    ],
)
def test_jpeg_keeps_the_segments_that_decide_colours(name: str, kept: set[tuple[int, bytes]]) -> None:
    stripped = strip_image_metadata(FORMATS[name]())
    assert stripped is not None
    markers = _jpeg_markers(stripped)
    for marker, prefix in kept:
        assert any(m == marker and body.startswith(prefix) for m, body in markers)
    assert not [m for m, _ in markers if m in (0xE1, 0xEC, 0xED, 0xEF, 0xFE)]


def test_jpeg_ends_at_its_end_of_image() -> None:
    stripped = strip_image_metadata(jpeg_with_trailer())
    assert stripped is not None and stripped.endswith(b"\xff\xd9") and stripped.count(b"\xff\xd8") == 1


def test_jpeg_without_end_marker_is_still_stripped() -> None:
    cut = jpeg_full()[:-2]
    stripped = strip_image_metadata(cut)
    assert stripped is not None and not has_metadata(stripped) and b"Mustermann" not in stripped
    assert stripped.endswith(cut[-100:])


@pytest.mark.parametrize("lossless", [False, True])
def test_webp_header_is_consistent(lossless: bool) -> None:
    stripped = strip_image_metadata(webp(lossless))
    assert stripped is not None
    assert struct.unpack("<I", stripped[4:8])[0] == len(stripped) - 8
    assert stripped[12:16] == b"VP8X"
    flags = stripped[20]
    assert flags & 0x08 == 0 and flags & 0x04 == 0  # EXIF and XMP announced no more
    assert flags & 0x20  # ICC still announced


def test_png_chunks_keep_valid_crcs() -> None:
    stripped = strip_image_metadata(png_full())
    assert stripped is not None
    i, kinds = 8, []
    while i < len(stripped):
        length, kind = struct.unpack(">I4s", stripped[i : i + 8])
        crc = struct.unpack(">I", stripped[i + 8 + length : i + 12 + length])[0]
        assert crc == zlib.crc32(stripped[i + 4 : i + 8 + length])
        kinds.append(kind)
        i += 12 + length
    assert kinds[0] == b"IHDR" and kinds[-1] == b"IEND" and b"iCCP" in kinds
    assert not {b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"} & set(kinds)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "empty"),
        (b"hello, world", "not an image"),
        (b"BM" + bytes(60), "BMP: not handled"),
        (b"\xff\xd8\xff", "JPEG: only the start"),
        (b"\xff\xd8\xff\xe1\x40\x00Exif\0\0", "JPEG: segment cut off"),
        (b"\xff\xd8\x00\x00\x00\x00", "JPEG: no marker after SOI"),
        (b"\xff\xd8\xff\xe0\x00\x01", "JPEG: length below 2"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00", "PNG: chunk cut off"),
        (b"RIFF\xff\x00\x00\x00WEBPVP8X", "WebP: RIFF larger than the file"),
        (b"RIFF\x10\x00\x00\x00WEBPVP8X\x40\x00\x00\x00", "WebP: chunk beyond the RIFF"),
        (b"GIF89a\x01\x00\x01\x00\x80\x00\x00", "GIF: colour table cut off"),
        (b"GIF89a\x01\x00\x01\x00\x00\x00\x00\x99", "GIF: unknown block"),
    ],
)
def test_malformed_input_gives_none(data: bytes, why: str) -> None:
    assert strip_image_metadata(data) is None, why
    assert has_metadata(data) is False


@pytest.mark.parametrize("name", FORMATS)
def test_cut_or_damaged_files_never_raise(name: str) -> None:
    original = FORMATS[name]()
    for end in range(0, len(original), max(1, len(original) // 300)):
        result = strip_image_metadata(original[:end])
        assert result is None or isinstance(result, bytes)
    rng = random.Random(name)
    for _ in range(200):
        damaged = bytearray(original)
        for _ in range(4):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        result = strip_image_metadata(bytes(damaged))
        assert result is None or isinstance(result, bytes)


def _turned_jpeg(orientation: int) -> bytes:
    """A picture stored so that EXIF orientation ``orientation`` shows ``_picture()`` upright."""
    inverse = {3: Image.Transpose.ROTATE_180, 6: Image.Transpose.ROTATE_90, 8: Image.Transpose.ROTATE_270}
    stored = _picture().transpose(inverse[orientation])
    out = io.BytesIO()
    stored.save(out, "JPEG", quality=95, exif=_exif(orientation), xmp=XMP, comment=b"Urlaub", icc_profile=ICC)
    return out.getvalue()


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_turned_jpeg_is_left_to_the_reencoding(orientation: int) -> None:
    data = _turned_jpeg(orientation)
    assert strip_image_metadata(data) is None
    assert has_metadata(data)


def test_jpeg_with_orientation_one_is_stripped_losslessly() -> None:
    out = io.BytesIO()
    _picture().save(out, "JPEG", exif=_exif(1))
    stripped = strip_image_metadata(out.getvalue())
    assert stripped is not None and _open(stripped).tobytes() == _open(out.getvalue()).tobytes()


@pytest.mark.parametrize("orientation", [3, 6, 8])
def test_strip_file_turns_a_jpeg_upright(tmp_path: Path, orientation: int) -> None:
    path = tmp_path / "foto.jpg"
    data = _turned_jpeg(orientation)
    path.write_bytes(data)
    assert strip_file(path) is True
    result = path.read_bytes()
    assert not has_metadata(result)
    image, expected = _open(result), ImageOps.exif_transpose(_open(data))
    assert image.size == expected.size == _picture().size
    _assert_no_metadata(image)
    assert image.info["icc_profile"] == ICC
    assert image.quantization == _open(data).quantization  # the original's tables, as quality="keep"
    difference = sum(abs(a - b) for a, b in zip(image.tobytes(), expected.tobytes(), strict=True))
    assert difference / len(expected.tobytes()) < 3
    assert image.getpixel((2, 2))[0] > 200  # the red corner is top left again
    assert strip_file(path) is False


@pytest.mark.parametrize("name", FORMATS)
def test_strip_file_rewrites_in_place(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"bild.{name}"
    path.write_bytes(FORMATS[name]())
    os.chmod(path, 0o644)
    assert strip_file(path) is True
    assert path.read_bytes() == strip_image_metadata(FORMATS[name]())
    assert path.stat().st_mode & 0o777 == 0o644  # still readable by the web server
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temporary file left
    assert strip_file(path) is False


@pytest.mark.parametrize("content", [b"plain text, not an image", b"\xff\xd8\xff\xe1\x40\x00Exif"])
def test_strip_file_leaves_other_files_alone(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "datei.jpg"
    path.write_bytes(content)
    assert strip_file(path) is False
    assert path.read_bytes() == content
