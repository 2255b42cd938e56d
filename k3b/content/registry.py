"""The registry of content types: which types exist and which folder is whose.

To add a type, write a module with a ``ContentType`` subclass (see ``article.py`` and
``case_study.py``) and list its instance in ``CONTENT_TYPES``; the hook, listings, hubs
and feeds pick it up from here.
"""

from __future__ import annotations

from .article import ARTICLE
from .base import ContentType
from .case_study import CASE_STUDY
from .event import EVENT
from .page import PAGE
from .project import PROJECT

CONTENT_TYPES: tuple[ContentType, ...] = (ARTICLE, CASE_STUDY, EVENT, PROJECT)


def by_name(name: str) -> ContentType | None:
    """The content type whose folder is ``name`` (``"artikel"``)."""
    return next((t for t in CONTENT_TYPES if t.name == name), None)


def type_for(src_path: str) -> ContentType:
    """The content type of a page, from its path below ``docs/``: ``<folder>/<slug>.md``."""
    parts = src_path.replace("\\", "/").split("/")
    if len(parts) == 2 and parts[1] != "index.md":
        return by_name(parts[0]) or PAGE
    return PAGE
