"""The content model: every content type (``registry``), and the validation they share."""

from __future__ import annotations

from .article import ARTICLE
from .base import FILTER_DATA, ContentItem, ContentType, Listing, Unfinished, newest_first
from .case_study import CASE_STUDY
from .event import EVENT
from .page import PAGE
from .project import PROJECT
from .registry import CONTENT_TYPES, by_name, type_for
from .validate import THEME_KEYS, unfinished, validate

__all__ = [
    "ARTICLE", "CASE_STUDY", "CONTENT_TYPES", "EVENT", "FILTER_DATA", "PAGE", "PROJECT", "THEME_KEYS",
    "ContentItem", "ContentType", "Listing", "Unfinished", "by_name", "newest_first", "type_for",
    "unfinished", "validate",
]
