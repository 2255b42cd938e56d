"""The preview renders only what an edit changed (``make serve``, issue 23).

A page's HTML depends on its own source and on the site around it: the items, publications,
topics and files that listings, cards, citations, hubs and "Verwandte Inhalte" draw on, and
the settings. After each good build the preview remembers a fingerprint of that site (its
model without the page bodies, which only their own page shows: ``site_key``) and one of
every page's source. The next build renders every page when the site's fingerprint changed
(a new title, topic, citation, file or setting), and otherwise only the pages whose own
source changed. A build that does not finish leaves nothing to trust: the one after it
renders everything.

``tests/test_preview_rebuild.py`` edits, renames and deletes files while a real preview runs
and compares its site, file by file, with the site of a preview started afresh.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields

from .content import ContentItem
from .site import Site

# What a page's own source alone decides (its body's citations and links, the lines of its
# keys and its problems), or memos filled while rendering: not part of the site's fingerprint.
OWN_PAGE_ONLY = frozenset({"sources", "links", "found", "fragments", "cited_works", "notes",
                           "vocabulary", "bibliography"})
ITEM_OWN_ONLY = frozenset({"detections", "lines"})


def digest(text: str | bytes) -> str:
    data = text.encode("utf-8", "surrogatepass") if isinstance(text, str) else text
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def site_key(site: Site, settings: Iterable[object]) -> str:
    """The fingerprint of everything a page shows of other pages, and of ``settings`` (the
    configuration, the vocabulary's and the bibliography's files, the build date, the list of
    files: whatever the caller's engine adds)."""
    parts: list[object] = [tuple(settings)]
    for spec in fields(site):
        if spec.name in OWN_PAGE_ONLY:
            continue
        value = getattr(site, spec.name)
        if spec.name == "index":
            value = (value.today, [_item(item) for item in value.items.values()])
        elif isinstance(value, (set, frozenset)):
            value = sorted(value)
        parts.append((spec.name, value))
    return digest(repr(parts))


def _item(item: ContentItem) -> tuple:
    return (item.kind.name, *((spec.name, getattr(item, spec.name)) for spec in fields(item)
                              if spec.name not in ITEM_OWN_ONLY and spec.name != "kind"))


@dataclass(frozen=True)
class _Remembered:
    site: str
    pages: Mapping[str, str]  # src → fingerprint of its source


class RenderMemory:
    """What the last good build rendered from what."""

    def __init__(self) -> None:
        self._last: _Remembered | None = None
        self._pending: _Remembered | None = None

    def choose(self, site: str, pages: Mapping[str, str]) -> set[str]:
        """The pages (src paths) this build must render; ``pages``: src → fingerprint of its source."""
        last, self._last = self._last, None
        self._pending = _Remembered(site, dict(pages))
        if last is None or last.site != site:
            return set(pages)
        return {src for src, key in pages.items() if last.pages.get(src) != key}

    def finished(self) -> None:
        """The build that chose last has written every page."""
        self._last, self._pending = self._pending, None
