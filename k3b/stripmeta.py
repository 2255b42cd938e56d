"""Metadata removed from image files that the site publishes as they are, without re-encoding.

Pages link to originals (``[Original](bilder/foto.jpg)``, a raw ``<img src=…>``) that are copied
unchanged, with a phone's GPS position, the camera and the author in EXIF, XMP or IPTC. This module
drops those segments and chunks and copies every other byte, so the pixels stay exactly the same:

* JPEG: drops APP1 (Exif, XMP, extended XMP), APP13 (Photoshop/IPTC), APP12, COM, APP2 other than
  ICC_PROFILE (MPF, FlashPix) and APP3–APP15 except APP14 "Adobe"; keeps APP0 (JFIF), the ICC profile
  and APP14 "Adobe" (they change how colours decode). Data after the end of the image is dropped too:
  an MPF second picture or a vendor trailer carries its own EXIF.
* PNG: drops eXIf, tEXt, zTXt, iTXt (XMP) and tIME; the other chunks are copied whole, CRC and all.
* WebP: drops the EXIF and "XMP " chunks, clears their flags in VP8X and writes the new RIFF size.
* GIF: drops comment extensions and the "XMP DataXMP" application extension.

A JPEG whose EXIF turns it (Orientation other than 1) would lie on its side once the EXIF is gone,
so :func:`strip_image_metadata` returns None for it, and :func:`strip_file` re-encodes it upright
with Pillow instead (the only lossy case, with the original's quantisation tables).
"""

from __future__ import annotations

import io
import os
import stat
import struct
import tempfile
from pathlib import Path

_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_PNG_DROPPED = {b"eXIf", b"tEXt", b"zTXt", b"iTXt", b"tIME"}
_WEBP_DROPPED = {b"EXIF", b"XMP "}
_WEBP_EXIF_XMP_FLAGS = 0x08 | 0x04
_Result = tuple[bytes, bool]  # the stripped file, and whether it must be turned upright first


def strip_image_metadata(data: bytes) -> bytes | None:
    """The file without its metadata, pixels untouched.

    Args:
        data: The bytes of a JPEG, PNG, WebP or GIF file.

    Returns:
        The stripped bytes (equal to ``data`` if there was nothing to drop), or None if the format
        is not one of those, the file is cut off or malformed, or it is a JPEG whose EXIF
        orientation would be lost (re-encode that one, see :func:`strip_file`).
    """
    result = _strip(data)
    return None if result is None or result[1] else result[0]


def has_metadata(data: bytes) -> bool:
    """Whether the file holds anything :func:`strip_image_metadata` would drop."""
    result = _strip(data)
    return result is not None and result[0] != data


def strip_file(path: Path) -> bool:
    """Rewrites an image file without its metadata, if it has any.

    A JPEG with a non-trivial EXIF orientation is turned upright and re-encoded by Pillow with
    the original's quantisation tables, subsampling (what ``quality="keep"`` does) and ICC profile;
    if Pillow cannot decode it, it is stripped losslessly and left unturned.

    Args:
        path: The image file; other files and malformed images are left alone.

    Returns:
        Whether the file was rewritten.
    """
    data = path.read_bytes()
    result = _strip(data)
    if result is None:
        return False
    stripped, turn = result
    if turn:
        try:
            turned = _strip(_upright_jpeg(data))  # Pillow's output stripped too, to be sure
        except Exception:  # noqa: BLE001 - Pillow cannot decode it: sideways beats a GPS leak
            turned = None
        stripped = turned[0] if turned else stripped
    elif stripped == data:
        return False
    # Written beside, then renamed: a server or build reading the file never sees half of it.
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(stripped)
        os.chmod(temporary, stat.S_IMODE(path.stat().st_mode))  # mkstemp makes it 0600: unservable
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
    return True


def _strip(data: bytes) -> _Result | None:
    try:
        if data.startswith(b"\xff\xd8\xff"):
            return _jpeg(data)
        if data.startswith(_PNG_SIGNATURE):
            return _png(data), False
        if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
            return _webp(data), False
        if data[:6] in (b"GIF87a", b"GIF89a"):
            return _gif(data), False
    except (IndexError, ValueError, struct.error):  # cut off or inconsistent: not ours to repair
        return None
    return None


def _jpeg(data: bytes) -> _Result:
    out, i, turn = [data[:2]], 2, False
    while True:
        if data[i] != 0xFF:
            raise ValueError("no marker")
        marker = data[i + 1]
        if marker == 0xFF or 0xD0 <= marker <= 0xD7 or marker == 0x01:  # fill byte, RST, TEM: no length
            out.append(data[i : i + (1 if marker == 0xFF else 2)])
            i += 1 if marker == 0xFF else 2
            continue
        if marker == 0xD9:  # end of image: whatever follows (MPF pictures, trailers) is dropped
            out.append(b"\xff\xd9")
            return b"".join(out), turn
        end = i + 2 + struct.unpack(">H", data[i + 2 : i + 4])[0]
        if end > len(data) or end < i + 4:
            raise ValueError("segment cut off")
        body = data[i + 4 : end]
        if marker == 0xE1 and body.startswith(b"Exif\0\0"):
            turn = turn or _orientation(body[6:]) in range(2, 9)
        if _keep_jpeg_segment(marker, body):
            out.append(data[i:end])
        i = end
        if marker == 0xDA:  # entropy-coded data up to the next marker that is not a byte stuffing or RST
            scan = i
            while (i := data.find(b"\xff", i)) != -1 and (data[i + 1 : i + 2] in (b"\x00", b"\xff", b"")
                                                          or 0xD0 <= data[i + 1] <= 0xD7):
                i += 1
            if i == -1:  # no end marker, as often in the wild: keep what is there
                out.append(data[scan:])
                return b"".join(out), turn
            out.append(data[scan:i])


def _keep_jpeg_segment(marker: int, body: bytes) -> bool:
    if marker == 0xE0:  # JFIF: density and the colour space of plain files
        return True
    if marker == 0xE2:
        return body.startswith(b"ICC_PROFILE\0")
    if marker == 0xEE:  # Adobe: tells whether CMYK/YCCK data is inverted or transformed
        return body.startswith(b"Adobe")
    return not (0xE1 <= marker <= 0xEF or marker == 0xFE)


def _orientation(tiff: bytes) -> int | None:
    """The Orientation tag of IFD0 in a TIFF block, or None if it has none or is unreadable."""
    try:
        order = {b"II": "<", b"MM": ">"}[tiff[:2]]
        (ifd,) = struct.unpack(order + "I", tiff[4:8])
        (count,) = struct.unpack(order + "H", tiff[ifd : ifd + 2])
        for entry in range(ifd + 2, ifd + 2 + 12 * count, 12):
            tag, kind, _n, value = struct.unpack(order + "HHI2s", tiff[entry : entry + 10])
            if tag == 0x0112 and kind == 3:
                return struct.unpack(order + "H", value)[0]
    except (KeyError, struct.error):  # broken EXIF: viewers cannot read a turn from it either
        return None
    return None


def _png(data: bytes) -> bytes:
    out, i = [_PNG_SIGNATURE], len(_PNG_SIGNATURE)
    while i < len(data):
        length, kind = struct.unpack(">I4s", data[i : i + 8])
        end = i + 12 + length
        if end > len(data):
            raise ValueError("chunk cut off")
        if kind not in _PNG_DROPPED:
            out.append(data[i:end])
        i = end
        if kind == b"IEND":  # anything after it is not part of the image
            break
    return b"".join(out)


def _webp(data: bytes) -> bytes:
    riff_end = 8 + struct.unpack("<I", data[4:8])[0]
    if riff_end > len(data):
        raise ValueError("RIFF cut off")
    chunks, i = [], 12
    while i < riff_end:
        kind, size = struct.unpack("<4sI", data[i : i + 8])
        end = i + 8 + size + (size & 1)  # chunks are padded to an even length
        if end > riff_end:
            raise ValueError("chunk cut off")
        chunk = data[i:end]
        if kind == b"VP8X":  # the flags announce EXIF and XMP; a reader may look for them
            chunk = chunk[:8] + bytes([chunk[8] & ~_WEBP_EXIF_XMP_FLAGS & 0xFF]) + chunk[9:]
        if kind not in _WEBP_DROPPED:
            chunks.append(chunk)
        i = end
    body = b"WEBP" + b"".join(chunks)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def _gif(data: bytes) -> bytes:
    i = 13 + (3 << ((data[10] & 7) + 1) if data[10] & 0x80 else 0)  # header, screen, global colours
    out = [data[:i]]
    while True:
        start, introducer = i, data[i]
        if introducer == 0x3B:  # trailer: the end of the file
            out.append(b"\x3b")
            return b"".join(out)
        if introducer == 0x2C:  # image: descriptor, local colours, LZW code size, then sub-blocks
            packed = data[i + 9]
            i += 11 + (3 << ((packed & 7) + 1) if packed & 0x80 else 0)
            drop = False
        elif introducer == 0x21:
            label = data[i + 1]
            drop = label == 0xFE or (label == 0xFF and data[i + 2 : i + 14] == b"\x0bXMP DataXMP")
            i += 2
        else:
            raise ValueError("unknown GIF block")
        # Sub-blocks until an empty one; XMP's "magic trailer" is made to end such a walk correctly.
        while (size := data[i]) != 0:
            i += 1 + size
        i += 1
        if not drop:
            out.append(data[start:i])


def _upright_jpeg(data: bytes) -> bytes:
    from PIL import Image, ImageOps, JpegImagePlugin  # only for the rare turned photo

    with Image.open(io.BytesIO(data)) as image:
        # quality="keep" by hand: it refuses the turned copy, and a phone's MPO ("format" MPO) too.
        options = {"qtables": image.quantization, "subsampling": JpegImagePlugin.get_sampling(image),
                   "icc_profile": image.info.get("icc_profile"),
                   "progressive": bool(image.info.get("progressive"))}
        out = io.BytesIO()
        ImageOps.exif_transpose(image).save(out, format="JPEG", comment=b"", **options)
    return out.getvalue()
