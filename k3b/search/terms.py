"""Extra index terms for German: vocabulary keywords inside compounds, and synonyms.

The search stems words and folds umlauts (Pagefind), but it cannot split compounds: a
page about a „Bürgerwindpark“ is not found by „Windpark“. Topic detection already finds
keywords inside compounds (``k3b.detection.word_matches``); every keyword found that way
becomes a term of its own for the page. Synonym groups of the vocabulary
(``synonyme:`` in ``data/themen.yml``) add the other words of a group when a page has
one of them, as a word or inside a compound.

Each keyword is looked up in the page's text as a whole (``str.find``), and only the
words around its occurrences are looked at: splitting every text into words would cost
more than the rest (1.4 s of 1.8 s for the 2,200 texts of the benchmark's size M).
"""

from __future__ import annotations

from functools import lru_cache

from ..detection import fold, prose, word_matches
from ..topics import Vocabulary

# What may follow a keyword in the same word and still be that word, inflected
# ("Windparks", "Unterkünfte"); anything longer makes a compound ("Windkraftanlagen").
INFLECTIONS = frozenset({"", "e", "en", "n", "s", "es", "er", "ern", "ens", "em", "nen"})


class _Terms:
    """The single-word keywords and synonyms of one vocabulary, folded."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        shown: dict[str, str] = {}
        self.groups: dict[str, tuple[str, ...]] = {}  # folded word → its group (folded)
        for topic in vocabulary.topics:
            for keyword in topic.keywords:
                if len(keyword.split()) == 1:
                    shown.setdefault(fold(keyword), keyword)
            for group in topic.synonyms:
                folded = tuple(fold(w) for w in group)
                for word, key in zip(group, folded, strict=True):
                    shown.setdefault(key, word)
                    self.groups[key] = folded
        self.shown = shown


@lru_cache(maxsize=16)
def _terms(vocabulary: Vocabulary) -> _Terms:
    return _Terms(vocabulary)


def _occurrences(text: str, key: str) -> tuple[bool, bool]:
    """(as a word of its own, inside a compound): how ``key`` occurs in the folded text."""
    plain = inside = False
    end = len(text)
    start = text.find(key)
    while start != -1 and not (plain and inside):
        left, right = start, start + len(key)
        while left > 0 and text[left - 1].isalpha():
            left -= 1
        while right < end and text[right].isalpha():
            right += 1
        word = text[left:right]
        if word_matches(word, key):
            if word.startswith(key) and word[len(key):] in INFLECTIONS:
                plain = True
            else:
                inside = True
        start = text.find(key, right)
    return plain, inside


def extra_terms(text: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    """Terms to add to a page's index entry: keywords that occur only inside compounds, and
    the synonyms of every word of a group that occurs; in a stable order."""
    terms = _terms(vocabulary)
    folded = prose(text)
    plain: set[str] = set()  # keywords that occur as words of their own
    found: set[str] = set()  # keywords that occur at all
    wanted: set[str] = set()
    for key in terms.shown:
        alone, inside = _occurrences(folded, key)
        if alone:
            plain.add(key)
        if inside:
            wanted.add(key)
        if alone or inside:
            found.add(key)
    for key in found:
        wanted.update(terms.groups.get(key, ()))
    return tuple(terms.shown[key] for key in sorted(wanted - plain))
