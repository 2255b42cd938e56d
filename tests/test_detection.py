"""Topic detection as a pure function: German word forms, compounds and non-matches."""

from __future__ import annotations

from pathlib import Path

import pytest

from k3b.detection import detect_topics, words
from k3b.topics import load_vocabulary

VOCABULARY = load_vocabulary(Path(__file__).resolve().parents[1] / "data/themen.yml")

E, M, S, D, K = (
    "energiewende", "migration", "strukturwandel", "demografischer-wandel", "klimawandelfolgen"
)

TEXTS = [
    # Inflected forms and compounds of one topic.
    ("Der Windpark wächst. Zwei Windparks sind geplant, dazu Windkraftanlagen.", [E]),
    ("Bürgerwindparks, Windräder und Photovoltaik auf dem Dach.", [E]),
    ("Die Stromtrasse, der Netzausbau und die Stromtrassen spalten das Dorf.", [E]),
    ("Solarparks auf Äckern: Freiflächenanlagen und Photovoltaikanlagen im Gemeinderat.", [E]),
    ("Erneuerbare Energien vor Ort, erneuerbarer Energien wegen, Bürgerenergie und Repowering.", [E]),
    ("Geflüchtete kommen an. Die Unterkunft für Geflüchtete und ihre Integration.", [M]),
    ("Unterkünfte, Gemeinschaftsunterkünfte und Integrationskurse für Zugewanderte.", [M]),
    ("Zuwanderung verändert den Ort; Asylbewerber und Flüchtlinge brauchen Unterbringung.", [M]),
    ("Der Kohleausstieg trifft das Revier. Tagebaue schließen, der Tagebau hinterlässt Seen.", [S]),
    ("Nach der Werksschließung und der Betriebsschließung droht die Deindustrialisierung.", [S]),
    ("Braunkohle, Kraftwerke und der Strukturwandel in der Lausitz.", [S]),
    ("Überalterung, Schulschließung und Ärztemangel: das schrumpfende Dorf.", [D]),
    ("Die Schulschließungen, der Leerstand und der Wegzug junger Familien.", [D]),
    ("Demografischer Wandel: die Daseinsvorsorge und der Landarzt fehlen.", [D]),
    ("Hochwasser, Starkregen und Hitze: drei Gefahren für die Stadt.", [K]),
    ("Die Dürre, die Trockenheit und die Hitzewelle im Sommer 2022.", [K]),
    ("Nach Überschwemmungen und Überflutungen folgt die Klimaanpassung.", [K]),
    ("Sommerhitze und Starkregenereignisse: Hochwasserschutz wird teuer.", [K]),
    # Two topics in one text, strongest first.
    ("Windpark, Windkraft, Photovoltaik, Windräder. Dazu Kohleausstieg, Tagebau, Revier.", [E, S]),
    ("Hochwasser, Starkregen, Dürre, Hitze; und Überalterung, Ärztemangel, Schulschließung.", [K, D]),
    # Must NOT match.
    ("Gegenwind im Gemeinderat. Gegenwind bei der Sitzung. Gegenwind überall.", []),
    ("In der Hitze der Debatte verlor der Rat die Geduld.", []),
    ("Einmal wird der Windpark erwähnt, sonst geht es um den Haushalt.", []),
    ("Die Gemüter erhitzen sich, erhitzen sich weiter und erhitzen sich noch mehr.", []),
    ("Der Wind weht, die Sonne scheint, das Wasser fließt im Bach.", []),
    ("Die Beteiligung im Ort: Bürgerversammlung, Protokoll und Tagesordnung.", []),
    # A passing mention beside a strong topic is dropped (under a quarter of the best).
    ("Windpark " * 16 + "und einmal Hitze, Dürre, Starkregen.", [E]),
    # Code and link targets are not text.
    ("```\nWindpark Windpark Windpark\n```\n[Link](windpark-windpark-windpark.md)", []),
]


@pytest.mark.parametrize(("text", "expected"), TEXTS)
def test_detect_topics(text, expected):
    assert [d.topic.slug for d in detect_topics(text, VOCABULARY)] == expected


def test_explanation_names_keywords_and_counts():
    text = "Windkraft, Windkraft, Windkraft und Windkraft. Photovoltaik und Photovoltaik."
    [detection] = detect_topics(text, VOCABULARY)
    assert detection.explain() == "Energiewende (Windkraft ×4, Photovoltaik ×2)"


def test_each_word_counts_once_for_its_longest_keyword():
    [detection] = detect_topics("Windkraftanlagen, Windkraftanlage, Windkraft", VOCABULARY)
    assert dict(detection.keywords) == {"Windkraftanlage": 2, "Windkraft": 1}


def test_words_fold_umlauts_and_drop_markup():
    assert words("Die <b>Überalterung</b> `Code` ist groß") == ["die", "uberalterung", "ist", "gross"]
