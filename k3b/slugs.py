"""The URL slug rule of shared/PRODUCT.md, shared by pages, topics and BibTeX keys."""

from __future__ import annotations

import re
import unicodedata

_GERMAN = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_OUTSIDE = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Lowercase, ä→ae, ö→oe, ü→ue, ß→ss; every other run outside ``a-z0-9`` becomes ``-``.

    Other accented letters lose their accent (``é`` → ``e``) so that names from
    other languages keep a readable slug.
    """
    lowered = unicodedata.normalize("NFC", text).lower().translate(_GERMAN)
    ascii_text = unicodedata.normalize("NFKD", lowered).encode("ascii", "ignore").decode()
    return _OUTSIDE.sub("-", ascii_text).strip("-")
