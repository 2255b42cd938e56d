"""Fictional BibTeX entries of mixed types, as staff would export them from Zotero & Co.

Every entry is clearly test data ("Zeitschrift für Testdaten", DOIs under the unassigned
prefix 10.99999, URLs on example.org). Entry ``i`` depends only on the seed and ``i``, so
the first 50 entries of a 5,000-entry file are the 50 entries of a 50-entry file.
"""

from __future__ import annotations

import random

from k3b.slugs import slugify

from .text import TextMaker, capitalise, topics

TYPES = (("article", 35), ("book", 15), ("incollection", 20), ("techreport", 20), ("misc", 10))
FIRST_NAMES = (
    "Anna", "Jürgen", "Björn", "Sophie", "Günther", "Małgorzata", "Jörg", "Lena", "Özlem", "Hans-Peter",
    "Renée", "Katrin", "Mehmet", "Birgit", "Dirk", "Zoë", "Friederike", "Thomas", "Ute", "Nils",
)
LAST_NAMES = (
    "Müller", "Weiß", "Schäfer", "Groß", "Köhler", "Jäger", "Böhm", "Krüger", "Schröder", "Hoffmann",
    "Fuchs", "Wagner", "Yılmaz", "Nowak", "Brandt", "Lüdtke", "von Döhren", "Schulze-Wendt",
    "Meißner", "Özdemir", "Vogt", "Hähnel", "Braun", "Zöllner",
)
CORPORATE = (
    "Landesamt für Testdaten", "Bundesinstitut für fiktive Raumforschung",
    "Kompetenzzentrum Beispielkommunen", "Arbeitsgemeinschaft Musterlandkreise",
    "Forschungsstelle Erfundene Konflikte",
)
JOURNALS = (
    "Zeitschrift für Testdaten", "Beispielhefte für Kommunalforschung",
    "Fiktive Blätter für Raum \\& Gesellschaft", "Archiv für erfundene Konfliktforschung",
)
PUBLISHERS = (("Testverlag", "Salzwedel"), ("Verlag Beispiel \\& Söhne", "Musterstadt"),
              ("Fiktion Academic", "Berlin"))
OFF_TOPIC_KEYWORDS = ("Kommunalpolitik", "Beteiligung", "Mediation", "Testdaten")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_LATEX = {"ä": '{\\"a}', "ö": '{\\"o}', "ü": '{\\"u}', "Ä": '{\\"A}', "Ö": '{\\"O}', "Ü": '{\\"U}',
          "ß": "{\\ss}", "é": "{\\'e}", "ı": "{\\i}", "ł": "{\\l}"}


def latex(text: str) -> str:
    """Non-ASCII letters as LaTeX escapes, the way older exports write them."""
    return "".join(_LATEX.get(char, char) for char in text)


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(LAST_NAMES), rng.choice(FIRST_NAMES)


class _Entry:
    """Builds one entry's fields in a fixed order."""

    def __init__(self, seed: int, index: int) -> None:
        self.rng = random.Random(f"{seed}:entry:{index}")
        self.index = index
        self.escape = self.rng.random() < 0.5
        self.topic = self.rng.choice(topics())
        self.text = TextMaker(self.rng, self.topic.keywords, 0.02)
        self.fields: list[tuple[str, str]] = []

    def value(self, text: str) -> str:
        return latex(text) if self.escape else text

    def add(self, name: str, text: str, raw: bool = False) -> None:
        self.fields.append((name, text if raw else "{" + self.value(text) + "}"))

    def names(self, count: int) -> str:
        people = [_person(self.rng) for _ in range(count)]
        return " and ".join(f"{last}, {first}" for last, first in people)

    def corporate(self) -> str:
        return "{" + self.rng.choice(CORPORATE) + "}"

    def title(self) -> str:
        keyword = self.rng.choice(self.topic.keywords)
        title = f"{keyword}: {self.text.title().rstrip('.')}"
        return "{" + title + "}" if self.rng.random() < 0.1 else title

    def year(self) -> str:
        year = str(self.rng.randint(1990, 2025))
        choice = self.rng.random()
        if choice < 0.03:
            return "oj"
        if choice < 0.13:
            self.add("date", f"{year}-{self.rng.randint(1, 12):02d}")
        else:
            self.add("year", year)
            if choice > 0.8:
                self.add("month", self.rng.choice(MONTHS), raw=True)
        return year

    def keywords(self) -> None:
        pool = [self.topic.label, *self.topic.keywords]
        chosen = self.rng.sample(pool, self.rng.randint(1, 3))
        if self.rng.random() < 0.05:
            chosen.append(self.rng.choice(OFF_TOPIC_KEYWORDS))
        self.add("keywords", ", ".join(chosen))


def _key(entry: _Entry, author: str, year: str) -> str:
    last = "".join(ch for ch in slugify(author.split(",")[0]) if ch.isalnum()) or "anon"
    word = "".join(ch for ch in slugify(entry.text.phrase(1, 1)) if ch.isalpha())[:12] or "x"
    if entry.rng.random() < 0.2:
        return f"{capitalise(last)}:{year}:{word}{entry.index}"
    return f"{last}{year}{word}{entry.index}"


def entry(seed: int, index: int) -> tuple[str, str]:
    """The key and the BibTeX text of entry ``index``."""
    e = _Entry(seed, index)
    kind = e.rng.choices([t for t, _ in TYPES], weights=[w for _, w in TYPES])[0]
    corporate = kind == "techreport" and e.rng.random() < 0.5
    author = e.corporate() if corporate else e.names(e.rng.randint(1, 4))
    if kind == "book" and e.rng.random() < 0.3:
        e.add("editor", e.names(e.rng.randint(1, 3)))
    elif kind != "misc" or e.rng.random() < 0.6:
        e.add("author", author)
    e.add("title", e.title())
    year = e.year()
    _type_fields(e, kind)
    e.add("abstract", " ".join(e.text.sentence() for _ in range(e.rng.randint(2, 7))))
    e.keywords()
    e.add("langid", "ngerman")
    key = _key(e, author.strip("{}"), year)
    body = ",\n".join(f"  {name:<9} = {value}" for name, value in e.fields)
    return key, f"@{kind}{{{key},\n{body}\n}}\n"


def _type_fields(e: _Entry, kind: str) -> None:
    rng = e.rng
    if kind == "article":
        e.add("journal", rng.choice(JOURNALS))
        e.add("volume", str(rng.randint(1, 60)))
        e.add("number", str(rng.randint(1, 12)))
        first = rng.randint(1, 400)
        e.add("pages", f"{first}--{first + rng.randint(5, 30)}")
        e.add("doi", f"10.99999/testdaten.{e.index}")
    elif kind in ("book", "incollection"):
        publisher, address = rng.choice(PUBLISHERS)
        if kind == "incollection":
            e.add("booktitle", capitalise(e.text.phrase(3, 7)))
            e.add("editor", e.names(rng.randint(1, 2)))
            first = rng.randint(1, 300)
            e.add("pages", f"{first}--{first + rng.randint(8, 40)}")
        e.add("publisher", publisher)
        e.add("address", address)
    elif kind == "techreport":
        e.add("institution", rng.choice(CORPORATE))
        e.add("number", f"TD-{rng.randint(1, 999)}")
        e.add("url", f"https://example.org/testdaten/bericht-{e.index}.pdf")
    else:
        e.add("howpublished", "Online-Veröffentlichung (Testdaten)")
        e.add("url", f"https://example.org/testdaten/{e.index}")


def bibliography(seed: int, count: int) -> tuple[list[str], str]:
    """Keys and the file text of ``count`` entries; keys stay unique after slugging."""
    keys: list[str] = []
    parts = ["% Fiktive Testdaten für den Benchmark (bench/generate.py). Keine echten Werke.\n"]
    slugs: set[str] = set()
    for index in range(count):
        key, text = entry(seed, index)
        if slugify(key) in slugs:
            raise AssertionError(f"slug collision: {key}")
        slugs.add(slugify(key))
        keys.append(key)
        parts.append(text)
    return keys, "\n".join(parts)
