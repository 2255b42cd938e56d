"""The site-wide content index, built once per build after every page was validated."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from .content import ContentItem, ContentType, newest_first
from .topics import Vocabulary

__all__ = ["ContentIndex", "newest_first"]


@dataclass
class ContentIndex:
    """Every validated item of one build, with the lookups listings and hubs need."""

    vocabulary: Vocabulary
    today: dt.date = field(default_factory=dt.date.today)  # the build date, for upcoming events
    items: dict[str, ContentItem] = field(default_factory=dict)

    def add(self, item: ContentItem) -> None:
        self.items[item.src_path] = item

    def get(self, src_path: str) -> ContentItem | None:
        return self.items.get(src_path)

    def content(self) -> list[ContentItem]:
        """Every item of a content type (no plain pages), in file order."""
        return [item for item in self.items.values() if item.kind.is_content]

    def of_kind(self, kind: ContentType, topic: str | None = None) -> list[ContentItem]:
        """Items of one type, optionally of one topic slug, in the type's order."""
        chosen = [
            item for item in self.items.values()
            if item.kind is kind and (topic is None or topic in item.topics)
        ]
        return kind.ordered(chosen, self.today)

    def topic_counts(self, kind: ContentType | None = None) -> Counter[str]:
        """Number of items per topic slug (of one type, or of all content types)."""
        counts: Counter[str] = Counter()
        for item in self.items.values():
            if item.kind.is_content and (kind is None or item.kind is kind):
                counts.update(item.topics)
        return counts
