"""Extra index terms for German: vocabulary keywords inside compounds, and synonyms.

The search stems words and folds umlauts (Pagefind), but it cannot split compounds: a
page about a „Bürgerwindpark“ is not found by „Windpark“. Topic detection already finds
keywords inside compounds (``k3b.detection.word_matches``); every keyword found that way
becomes a term of its own for the page. Synonym groups of the vocabulary
(``synonyme:`` in ``data/themen.yml``) add the other words of a group when a page has
one of them, as a word or inside a compound.

Words are compared once per distinct word and build (Zipf: texts repeat their words).
"""

from __future__ import annotations

from functools import lru_cache

from ..detection import fold, word_matches, words
from ..topics import Vocabulary

# What may follow a keyword in the same word and still be that word, inflected
# ("Windparks", "Unterkünfte"); anything longer makes a compound ("Windkraftanlagen").
INFLECTIONS = frozenset({"", "e", "en", "n", "s", "es", "er", "ern", "ens", "em", "nen"})


class _Terms:
    """The single-word keywords and synonyms of one vocabulary, with a per-word cache."""

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
        # Longest first, so that a word's longest keyword is found first.
        self.keys = sorted(shown, key=lambda k: (-len(k), k))
        self._cache: dict[str, tuple[tuple[str, bool], ...]] = {}

    def parts(self, word: str) -> tuple[tuple[str, bool], ...]:
        """(keyword, inside a compound?) for every keyword the folded ``word`` contains."""
        found = self._cache.get(word)
        if found is None:
            found = tuple((key, not (word.startswith(key) and word[len(key):] in INFLECTIONS))
                          for key in self.keys if key in word and word_matches(word, key))
            self._cache[word] = found
        return found


@lru_cache(maxsize=16)
def _terms(vocabulary: Vocabulary) -> _Terms:
    return _Terms(vocabulary)


def extra_terms(text: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    """Terms to add to a page's index entry: keywords that occur only inside compounds, and
    the synonyms of every word of a group that occurs; in a stable order."""
    terms = _terms(vocabulary)
    plain: set[str] = set()  # keywords that occur as words of their own
    inside: set[str] = set()  # keywords that occur inside compounds
    for word in set(words(text)):
        for key, compound in terms.parts(word):
            (inside if compound else plain).add(key)
    wanted = set(inside)
    for key in plain | inside:
        wanted.update(terms.groups.get(key, ()))
    return tuple(terms.shown[key] for key in sorted(wanted - plain))
