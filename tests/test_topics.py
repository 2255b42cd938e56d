"""The topic vocabulary file: loading, lookup, suggestions and its own errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from k3b.slugs import slugify
from k3b.topics import VocabularyError, load_vocabulary

ROOT = Path(__file__).resolve().parents[1]


def test_the_five_topics_with_their_slugs():
    vocabulary = load_vocabulary(ROOT / "data/themen.yml")
    assert [t.slug for t in vocabulary.topics] == [
        "energiewende", "migration", "strukturwandel", "demografischer-wandel", "klimawandelfolgen"
    ]
    for topic in vocabulary.topics:
        assert topic.description and len(topic.keywords) >= 5
    assert vocabulary.threshold == 3


@pytest.mark.parametrize(
    ("name", "slug"),
    [("Energiewende", "energiewende"), ("energiewende", "energiewende"),
     ("Demografischer Wandel", "demografischer-wandel"), ("demografischer-wandel", "demografischer-wandel"),
     ("KLIMAWANDELFOLGEN", "klimawandelfolgen"), ("Windkraft", None)],
)
def test_resolve_by_label_or_slug(name, slug):
    topic = load_vocabulary(ROOT / "data/themen.yml").resolve(name)
    assert (topic.slug if topic else None) == slug


@pytest.mark.parametrize(
    ("name", "suggestion"),
    [("Energiewnede", "Energiewende"), ("Migraton", "Migration"),
     ("demographischer wandel", "Demografischer Wandel"), ("Fußball", None)],
)
def test_suggest(name, suggestion):
    assert load_vocabulary(ROOT / "data/themen.yml").suggest(name) == suggestion


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("themen:\n  - slug: a\n    label: A\n  - slug: a\n    label: B\n",
         ["data/t.yml:4: Thema „B“: Slug „a“ ist schon vergeben (Eintrag in Zeile 2)"]),
        ("themen:\n  - slug: a\n    beschreibung: ohne Label\n",
         ["data/t.yml:2: Thema Nr. 1: das Feld „label“ fehlt"]),
        ("themen:\n  - label: Ä B\n    slug: Ä B\n",
         ["data/t.yml:2: Thema „Ä B“: Slug „Ä B“ ist ungültig, erlaubt sind a–z, 0–9 und -"]),
        ("themen: [\n", ["data/t.yml:2: kein gültiges YAML"]),
        ("thema: []\n", ["data/t.yml:1: die Datei braucht eine Liste „themen:“"]),
        ("schwelle: null\nthemen: []\n", []),
        ("schwelle: 0\nthemen: []\n", ["data/t.yml:1: „schwelle“ muss eine ganze Zahl ab 1 sein"]),
    ],
)
def test_vocabulary_errors_name_file_and_entry(tmp_path, text, expected):
    path = tmp_path / "t.yml"
    path.write_text(text, encoding="utf-8")
    if not expected:
        assert load_vocabulary(path, "data/t.yml").topics == ()
        return
    with pytest.raises(VocabularyError) as caught:
        load_vocabulary(path, "data/t.yml")
    lines = [str(p) for p in caught.value.problems]
    assert len(lines) == len(expected)
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(start)


def test_slug_defaults_to_label(tmp_path):
    path = tmp_path / "t.yml"
    path.write_text("themen:\n  - label: Ländliche Räume\n", encoding="utf-8")
    assert load_vocabulary(path).topics[0].slug == "laendliche-raeume"


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Energiewende", "energiewende"),
        ("Demografischer Wandel", "demografischer-wandel"),
        ("Über Größe & Maß", "ueber-groesse-mass"),
        ("  Hallo -- Welt!  ", "hallo-welt"),
        ("Müller2019Kohle", "mueller2019kohle"),
        ("smith_2020:energy", "smith-2020-energy"),
        ("Café Élysée", "cafe-elysee"),
        ("ÄÖÜäöüß", "aeoeueaeoeuess"),
        ("", ""),
    ],
)
def test_slugify(text, slug):
    assert slugify(text) == slug


SYNONYM_TOPIC = "themen:\n  - label: A\n    synonyme:\n"


@pytest.mark.parametrize(
    ("groups", "expected"),
    [
        ("      - [Windkraft, Windenergie]\n      - [Dürre, Trockenheit]\n", []),
        ("      Windkraft\n", ["data/t.yml:2: Thema „A“: „synonyme“ muss eine Liste von Gruppen sein"]),
        ("      - [Windkraft, Windenergie]\n      - Dürre\n",
         ["data/t.yml:5: Thema „A“, Synonymgruppe Nr. 2: muss eine Liste von Wörtern sein"]),
        ("      - [Windkraft]\n",
         ["data/t.yml:4: Thema „A“, Synonymgruppe Nr. 1: braucht mindestens zwei verschiedene Wörter"]),
        ("      - [Windkraft, windkraft]\n",
         ["data/t.yml:4: Thema „A“, Synonymgruppe Nr. 1: braucht mindestens zwei verschiedene Wörter"]),
        ("      - [Windkraft, Erneuerbare Energien]\n",
         ["data/t.yml:4: Thema „A“, Synonymgruppe Nr. 1: „Erneuerbare Energien“ ist kein einzelnes Wort"]),
        ("      - [Windkraft, Windenergie]\n      - [Windpark, windkraft]\n",
         ["data/t.yml:5: Thema „A“, Synonymgruppe Nr. 2: „windkraft“ steht schon in einer Synonymgruppe "
          "(Thema „A“, Zeile 4)"]),
        ("      - [Windkraft, 3]\n      - []\n",
         ["data/t.yml:4: Thema „A“, Synonymgruppe Nr. 1: muss eine Liste von Wörtern sein",
          "data/t.yml:5: Thema „A“, Synonymgruppe Nr. 2: braucht mindestens zwei"]),
    ],
)
def test_synonym_groups_are_checked(tmp_path, groups, expected):
    path = tmp_path / "t.yml"
    path.write_text(SYNONYM_TOPIC + groups, encoding="utf-8")
    if not expected:
        topic = load_vocabulary(path, "data/t.yml").topics[0]
        assert topic.synonyms == (("Windkraft", "Windenergie"), ("Dürre", "Trockenheit"))
        return
    with pytest.raises(VocabularyError) as caught:
        load_vocabulary(path, "data/t.yml")
    lines = [str(p) for p in caught.value.problems]
    assert len(lines) == len(expected), lines
    for line, start in zip(lines, expected, strict=True):
        assert line.startswith(start), line


def test_a_synonym_may_be_in_one_group_across_topics(tmp_path):
    path = tmp_path / "t.yml"
    path.write_text("themen:\n  - label: A\n    synonyme:\n      - [Hitze, Hitzewelle]\n"
                    "  - label: B\n    synonyme:\n      - [Sommerhitze, Hitze]\n", encoding="utf-8")
    with pytest.raises(VocabularyError) as caught:
        load_vocabulary(path, "data/t.yml")
    assert [str(p) for p in caught.value.problems] == [
        "data/t.yml:7: Thema „B“, Synonymgruppe Nr. 1: „Hitze“ steht schon in einer Synonymgruppe "
        "(Thema „A“, Zeile 4)"]
