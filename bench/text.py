"""German filler text with a realistic word distribution, from a seeded random source.

Words come from wordfreq's list of the 8,000 most frequent German words (without plain
English ones) and are drawn with Zipf weights (rank ``r`` has weight ``1 / r``), so a corpus
has thousands of distinct words and the few most common ones dominate, as in real text.
Words that would trigger topic detection are removed from the background vocabulary; topic
keywords are added on purpose.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
VOCABULARY_FILE = ROOT / "data" / "themen.yml"
TOP_WORDS = 8000
ZIPF_EXPONENT = 1.0
ENGLISH_RATIO = 4
_FOLD = str.maketrans({"ä": "a", "ö": "o", "ü": "u", "ß": "ss"})


def fold(word: str) -> str:
    return word.casefold().translate(_FOLD)


@dataclass(frozen=True)
class Topic:
    label: str
    keywords: tuple[str, ...]


@cache
def topics() -> tuple[Topic, ...]:
    """The topics of ``data/themen.yml`` (label and keywords), in file order."""
    data = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))
    return tuple(
        Topic(str(entry["label"]), tuple(str(k) for k in entry.get("schlagwoerter") or ()))
        for entry in data["themen"]
    )


@cache
def background_words() -> tuple[tuple[str, ...], tuple[float, ...]]:
    """Words and cumulative Zipf weights, without words that contain a topic keyword."""
    from wordfreq import top_n_list, word_frequency

    keys = sorted({fold(part) for topic in topics() for keyword in topic.keywords
                   for part in keyword.split()})

    def usable(word: str) -> bool:
        # German web text is full of English; keep loan words, drop plain English.
        english = word_frequency(word, "en") > ENGLISH_RATIO * word_frequency(word, "de")
        return word.isalpha() and len(word) > 1 and not english and not any(k in fold(word) for k in keys)

    chosen = [word for word in top_n_list("de", TOP_WORDS) if usable(word)]
    weights = [1.0 / (rank + 1) ** ZIPF_EXPONENT for rank in range(len(chosen))]
    return tuple(chosen), tuple(accumulate(weights))


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


class TextMaker:
    """Sentences, paragraphs, headings and lists; keywords sprinkled in at ``keyword_rate``."""

    def __init__(self, rng: random.Random, keywords: tuple[str, ...] = (), keyword_rate: float = 0.0):
        self.rng = rng
        self.keywords = keywords
        self.keyword_rate = keyword_rate if keywords else 0.0
        self.words, self.cumulative = background_words()

    def draw(self, count: int) -> list[str]:
        picked = self.rng.choices(self.words, cum_weights=self.cumulative, k=count)
        if self.keyword_rate:
            for position in range(count):
                if self.rng.random() < self.keyword_rate:
                    picked[position] = self.rng.choice(self.keywords)
        return picked

    def phrase(self, low: int, high: int) -> str:
        return " ".join(self.draw(self.rng.randint(low, high)))

    def sentence(self, low: int = 6, high: int = 22) -> str:
        parts = self.draw(self.rng.randint(low, high))
        for position in range(1, len(parts) - 1):
            if self.rng.random() < 0.07:
                parts[position] += ","
        end = "?" if self.rng.random() < 0.05 else "."
        return capitalise(" ".join(parts)) + end

    def paragraph(self) -> list[str]:
        return [self.sentence() for _ in range(self.rng.randint(3, 7))]

    def heading(self) -> str:
        return capitalise(self.phrase(2, 6))

    def title(self) -> str:
        return capitalise(self.phrase(3, 8))

    def bullet_list(self, ordered: bool = False) -> list[str]:
        items = [capitalise(self.phrase(4, 12)) for _ in range(self.rng.randint(3, 6))]
        return [f"{n}. {item}" if ordered else f"- {item}" for n, item in enumerate(items, start=1)]

    def summary(self, limit: int = 280) -> str:
        text = self.sentence(14, 35)
        if len(text) <= limit:
            return text
        return text[:limit].rsplit(" ", 1)[0].rstrip(",") + "."
