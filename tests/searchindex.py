"""The search index of a built site as tests read it: Pagefind's page records.

Pagefind writes one gzip-compressed record per indexed page to ``pagefind/fragment/``
(``pagefind_dcd`` and JSON: url, content, filters, meta). Reading them shows what the
search knows of each page without a browser.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def indexed_pages(site: Path) -> dict[str, dict]:
    """URL path (``artikel/x/``) → the page's record in the index."""
    pages = {}
    for fragment in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fragment.read_bytes())
        assert data.startswith(SIGNATURE), fragment
        record = json.loads(data[len(SIGNATURE):])
        pages[record["url"].lstrip("/")] = record
    return pages
