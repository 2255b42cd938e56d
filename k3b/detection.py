"""Topic detection: which vocabulary topics a German text is about, and why.

A keyword matches a word when the word *is* the keyword with an ending ("Windparks"),
*starts* with it (compound head: "Windkraftanlagen") or *ends* in it after a stem of at least
three letters (compound tail: "Bürgerwindpark", "Sommerhitze"). Short prefixes do not
count, so "erhitzen" is not "Hitze". Umlauts are folded (ä→a) so that umlaut plurals
("Unterkünfte", "Windräder") match their singular keyword.

A topic is detected only when its keywords occur at least ``threshold`` times and reach a
quarter of the strongest topic's hits: a single passing mention never tags a page.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from .topics import Topic, Vocabulary

MIN_COMPOUND_PREFIX = 3
MIN_SHARE_OF_BEST = 0.25

_WORD = re.compile(r"[^\W\d_]+")
_FENCED = re.compile(r"^(```|~~~).*?^\1", re.MULTILINE | re.DOTALL)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_LINK_TARGET = re.compile(r"\]\([^)]*\)")
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Detection:
    """A detected topic with the keyword counts that led to it."""

    topic: Topic
    hits: int
    keywords: tuple[tuple[str, int], ...]

    def explain(self) -> str:
        """``Energiewende (Windkraft ×4, Photovoltaik ×2)``."""
        parts = ", ".join(f"{keyword} ×{count}" for keyword, count in self.keywords)
        return f"{self.topic.label} ({parts})"


def fold(text: str) -> str:
    """Lowercase with umlauts folded, the form all matching works on.

    casefold() already turns ß into ss; three replace() calls run at C speed, where
    translate() with a table took 0.8 s for the 15 MB of the benchmark's size M.
    """
    return text.casefold().replace("ä", "a").replace("ö", "o").replace("ü", "u")


def prose(markdown: str) -> str:
    """The folded text of a Markdown page, without code, link targets and HTML tags."""
    text = _FENCED.sub(" ", markdown)
    text = _INLINE_CODE.sub(" ", text)
    text = _LINK_TARGET.sub("]", text)
    text = _TAG.sub(" ", text)
    return fold(text)


def words(markdown: str) -> list[str]:
    """Folded words of a Markdown text, without code, link targets and HTML tags."""
    return _WORD.findall(prose(markdown))


def word_matches(word: str, keyword: str) -> bool:
    """Whether the folded ``word`` contains ``keyword`` where the rule above allows it."""
    position = word.find(keyword)
    while position != -1:
        if position == 0 or position >= MIN_COMPOUND_PREFIX:
            return True
        position = word.find(keyword, position + 1)
    return False


class _Matcher:
    """Keyword lookup for one vocabulary, with a per-word cache.

    Words in a corpus repeat a lot (Zipf), so each distinct word is compared with the
    keywords once per build, not once per occurrence.
    """

    def __init__(self, vocabulary: Vocabulary) -> None:
        entries = [
            (tuple(_WORD.findall(fold(keyword))), keyword, topic)
            for topic in vocabulary.topics
            for keyword in topic.keywords
        ]
        entries = [e for e in entries if e[0]]
        longest_first = sorted(entries, key=lambda e: -len("".join(e[0])))
        self.singles = [(e[0][0], e[1], e[2]) for e in longest_first if len(e[0]) == 1]
        self.phrases = sorted(
            (e for e in entries if len(e[0]) > 1), key=lambda e: (-len(e[0]), e[1])
        )
        self._cache: dict[str, tuple[str, Topic] | None] = {}

    def single(self, word: str) -> tuple[str, Topic] | None:
        if word not in self._cache:
            self._cache[word] = next(
                ((display, topic) for key, display, topic in self.singles
                 if word_matches(word, key)),
                None,
            )
        return self._cache[word]

    def phrase(self, tokens: list[str], start: int) -> tuple[int, str, Topic] | None:
        for phrase, display, topic in self.phrases:
            if start + len(phrase) > len(tokens):
                continue
            *heads, last = phrase
            # Leading words of a phrase only take an inflection ending ("Erneuerbarer").
            if all(
                tokens[start + i].startswith(head) and len(tokens[start + i]) - len(head) <= 3
                for i, head in enumerate(heads)
            ) and word_matches(tokens[start + len(heads)], last):
                return len(phrase), display, topic
        return None


@lru_cache(maxsize=16)
def _matcher(vocabulary: Vocabulary) -> _Matcher:
    return _Matcher(vocabulary)


def count_keywords(markdown: str, vocabulary: Vocabulary) -> dict[str, Counter[str]]:
    """Keyword hits per topic slug. Each word counts once, for its longest keyword."""
    tokens = words(markdown)
    matcher = _matcher(vocabulary)
    counts: dict[str, Counter[str]] = {}
    position = 0
    while position < len(tokens):
        found = matcher.phrase(tokens, position)
        if found is None:
            single = matcher.single(tokens[position])
            found = (1, *single) if single else None
        if found is None:
            position += 1
            continue
        length, display, topic = found
        counts.setdefault(topic.slug, Counter())[display] += 1
        position += length
    return counts


def detect_topics(markdown: str, vocabulary: Vocabulary) -> list[Detection]:
    """Topics the text is about, strongest first (ties in vocabulary order)."""
    counts = count_keywords(markdown, vocabulary)
    totals = {slug: sum(counter.values()) for slug, counter in counts.items()}
    best = max(totals.values(), default=0)
    detections = []
    for order, topic in enumerate(vocabulary.topics):
        hits = totals.get(topic.slug, 0)
        if hits >= vocabulary.threshold and hits >= best * MIN_SHARE_OF_BEST:
            ranked = sorted(counts[topic.slug].items(), key=lambda kv: (-kv[1], kv[0]))
            detections.append((-hits, order, Detection(topic, hits, tuple(ranked))))
    return [detection for *_, detection in sorted(detections, key=lambda d: d[:2])]
