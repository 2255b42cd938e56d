"""The site-wide content index, built once per build after every page was validated."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .content import ContentItem, Kind
from .topics import Vocabulary


def newest_first(items: list[ContentItem]) -> list[ContentItem]:
    """Newest first; same day by title, so the order never depends on file order."""
    by_title = sorted(items, key=lambda i: (i.title.casefold(), i.src_path))
    return sorted(by_title, key=lambda i: i.date.toordinal() if i.date else 0, reverse=True)


@dataclass
class ContentIndex:
    """Every validated item of one build, with the lookups listings and hubs need."""

    vocabulary: Vocabulary
    items: dict[str, ContentItem] = field(default_factory=dict)

    def add(self, item: ContentItem) -> None:
        self.items[item.src_path] = item

    def get(self, src_path: str) -> ContentItem | None:
        return self.items.get(src_path)

    def of_kind(self, kind: Kind, topic: str | None = None) -> list[ContentItem]:
        """Items of one kind, optionally of one topic slug, newest first."""
        chosen = [
            item for item in self.items.values()
            if item.kind is kind and (topic is None or topic in item.topics)
        ]
        return newest_first(chosen)

    def topic_counts(self, kind: Kind | None = None) -> Counter[str]:
        """Number of items per topic slug (of one kind, or of all content kinds)."""
        counts: Counter[str] = Counter()
        for item in self.items.values():
            if item.kind is not Kind.PAGE and (kind is None or item.kind is kind):
                counts.update(item.topics)
        return counts
