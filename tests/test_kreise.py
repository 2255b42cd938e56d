"""Landkreise against the official list: real names, their spellings, typos, shared names."""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from k3b import kreise
from k3b.regions import LAENDER, land_by_code, land_by_slug, land_named

L = land_named


def test_the_list_has_todays_400_kreise_in_16_laendern():
    every = kreise.all_kreise()
    assert len(every) == 400 and len({k.ags for k in every}) == 400
    assert Counter(k.bez for k in every) == {"Landkreis": 252, "Kreis": 42, "Kreisfreie Stadt": 97,
                                             "Stadtkreis": 9}
    assert {k.land for k in every} == set(LAENDER)
    assert all(k.ags[:2] == k.land.code for k in every)
    assert kreise.by_ags("16056") is None  # Eisenach: since 2021 in the Wartburgkreis
    assert kreise.by_ags("16063").name == "Wartburgkreis"


def test_22_names_belong_to_a_city_and_a_landkreis():
    assert len(kreise.shared_names()) == 22
    assert {"München", "Kassel", "Osnabrück", "Leipzig", "Rostock", "Heilbronn"} <= kreise.shared_names()


@pytest.mark.parametrize(("slug", "code"), [("baden-wuerttemberg", "08"), ("thueringen", "16"),
                                            ("nordrhein-westfalen", "05"), ("berlin", "11")])
def test_laender_have_slugs_and_ags_codes(slug, code):
    assert land_by_slug(slug) is land_by_code(code) is land_by_code(code + "123")


@pytest.mark.parametrize(("written", "land", "ags"), [
    ("Landkreis Görlitz", "Sachsen", "14626"),
    ("Görlitz", "Sachsen", "14626"),
    ("landkreis görlitz", "Sachsen", "14626"),
    ("Landkreis Oder Spree", "Brandenburg", "12067"),
    ("Oder-Spree", "Brandenburg", "12067"),
    ("Potsdam", "Brandenburg", "12054"),
    ("Kreis Steinfurt", "Nordrhein-Westfalen", "05566"),
    ("Landkreis Steinfurt", "Nordrhein-Westfalen", "05566"),  # NRW says „Kreis“
    ("Steinfurt, Kreis", "Nordrhein-Westfalen", "05566"),
    ("Wartburgkreis", "Thüringen", "16063"),
    ("Rhein-Sieg-Kreis", "Nordrhein-Westfalen", "05382"),
    ("Region Hannover", "Niedersachsen", "03241"),
    ("Hannover", "Niedersachsen", "03241"),
    ("Städteregion Aachen", "Nordrhein-Westfalen", "05334"),
    ("Regionalverband Saarbrücken", "Saarland", "10041"),
    ("Kiel, Landeshauptstadt", "Schleswig-Holstein", "01002"),
    ("Landeshauptstadt Kiel", "Schleswig-Holstein", "01002"),
    ("Hansestadt Lübeck", "Schleswig-Holstein", "01003"),
    ("Halle (Saale)", "Sachsen-Anhalt", "15002"),
    ("Halle/Saale", "Sachsen-Anhalt", "15002"),
    ("Frankfurt (Oder)", "Brandenburg", "12053"),
    ("Frankfurt am Main", "Hessen", "06412"),
    ("Dillingen a.d. Donau", "Bayern", "09773"),
    ("Landkreis Dillingen an der Donau", "Bayern", "09773"),
    ("Lkr. Rosenheim", "Bayern", "09187"),
    ("Stadtkreis Stuttgart", "Baden-Württemberg", "08111"),
    ("Berlin", "Berlin", "11000"),
    ("Hamburg", "Hamburg", "02000"),
    ("Bremerhaven", "Bremen", "04012"),
    ("Landkreis München", "Bayern", "09184"),
    ("München, Landkreis", "Bayern", "09184"),
    ("München, Stadt", "Bayern", "09162"),
    ("Stadt München", "Bayern", "09162"),
    ("München (kreisfreie Stadt)", "Bayern", "09162"),
    ("München, Landeshauptstadt", "Bayern", "09162"),
    ("Kassel, Stadt", "Hessen", "06611"),
    ("Landkreis Kassel", "Hessen", "06633"),
    ("Stadtkreis Heilbronn", "Baden-Württemberg", "08121"),
    ("Landkreis Rostock", "Mecklenburg-Vorpommern", "13072"),
    # A city's title names the city, also where a Landkreis has the same name.
    ("Hansestadt Rostock", "Mecklenburg-Vorpommern", "13003"),
    ("Landeshauptstadt München", "Bayern", "09162"),
    ("Universitätsstadt Würzburg", "Bayern", "09663"),
    ("Freie und Hansestadt Hamburg", "Hamburg", "02000"),
    ("Region Hannover", "Niedersachsen", "03241"),
    ("Hannover", "Niedersachsen", "03241"),
    ("Städteregion Aachen", "Nordrhein-Westfalen", "05334"),
    ("Regionalverband Saarbrücken", "Saarland", "10041"),
])
def test_real_kreise_in_the_ways_staff_write_them(written, land, ags):
    kreis, problems = kreise.check_kreis(written, None, L(land))
    assert problems == [] and kreis.ags == ags


@pytest.mark.parametrize(("written", "land", "message"), [
    ("Landkreis Görliz", "Sachsen", "unbekannter Landkreis „Landkreis Görliz“ (nicht in der amtlichen "
     "Liste der 400 Kreise) – meinten Sie „Landkreis Görlitz“?"),
    ("Landkreis Görliz", "Brandenburg", "unbekannter Landkreis „Landkreis Görliz“ (nicht in der amtlichen "
     "Liste der 400 Kreise) – meinten Sie „Landkreis Görlitz“ in Sachsen?"),
    ("Landkreis Ostprignitz Rupin", "Brandenburg", "unbekannter Landkreis „Landkreis Ostprignitz Rupin“ "
     "(nicht in der amtlichen Liste der 400 Kreise) – meinten Sie „Landkreis Ostprignitz-Ruppin“?"),
    ("Kreis Recklinghausn", "Nordrhein-Westfalen", "unbekannter Landkreis „Kreis Recklinghausn“ (nicht "
     "in der amtlichen Liste der 400 Kreise) – meinten Sie „Kreis Recklinghausen“?"),
    ("Landkreis Wartburg", "Thüringen", "unbekannter Landkreis „Landkreis Wartburg“ (nicht in der "
     "amtlichen Liste der 400 Kreise) – meinten Sie „Wartburgkreis“?"),
    ("Frankfurt", "Brandenburg", "unbekannter Landkreis „Frankfurt“ (nicht in der amtlichen Liste der "
     "400 Kreise) – meinten Sie „Frankfurt (Oder)“?"),
    ("Landkreis Munchen", "Bayern", "unbekannter Landkreis „Landkreis Munchen“ (nicht in der amtlichen "
     "Liste der 400 Kreise) – meinten Sie „Landkreis München“?"),
    ("Munchen", "Bayern", "unbekannter Landkreis „Munchen“ (nicht in der amtlichen Liste der 400 Kreise) "
     "– meinten Sie „München, Stadt“ oder „Landkreis München“?"),
    ("Landkreis Hohe Heide", "Brandenburg", "unbekannter Landkreis „Landkreis Hohe Heide“ (nicht in der "
     "amtlichen Liste der 400 Kreise) – ein früherer Kreis? Dann bitte den heutigen nennen (die Liste "
     "gilt seit der Eingliederung Eisenachs 2021); erfundene Orte brauchen „fictional: true“"),
    ("Landkreis Görlitz", "Brandenburg", "„Landkreis Görlitz“ liegt in Sachsen (AGS 14626), nicht in "
     "Brandenburg – bitte Bundesland oder Landkreis korrigieren"),
    ("Potsdam", "Berlin", "„Potsdam“ liegt in Brandenburg (AGS 12054), nicht in Berlin – bitte "
     "Bundesland oder Landkreis korrigieren"),
    ("Eisenach", "Thüringen", "„Eisenach“: Eisenach gehört seit dem 1. Juli 2021 zum Wartburgkreis – "
     "bitte „Wartburgkreis“ schreiben"),

    # Eisenach in every form a city is written, not as an invented place.
    ("Stadt Eisenach", "Thüringen", "„Stadt Eisenach“: Eisenach gehört seit dem 1. Juli 2021 zum "
     "Wartburgkreis – bitte „Wartburgkreis“ schreiben"),
    ("Eisenach, Stadt", "Thüringen", "„Eisenach, Stadt“: Eisenach gehört seit dem 1. Juli 2021 zum "
     "Wartburgkreis – bitte „Wartburgkreis“ schreiben"),
    # A town that names its Kreis, a city's title, a district of a city that is a Land.
    ("Salzwedel", "Sachsen-Anhalt", "unbekannter Landkreis „Salzwedel“ (nicht in der amtlichen Liste der "
     "400 Kreise) – meinten Sie „Altmarkkreis Salzwedel“?"),
    ("Landeshauptstadt Hannover", "Niedersachsen", "unbekannter Landkreis „Landeshauptstadt Hannover“ "
     "(nicht in der amtlichen Liste der 400 Kreise) – meinten Sie „Region Hannover“?"),
    ("Berlin-Neukölln", "Berlin", "unbekannter Landkreis „Berlin-Neukölln“ (nicht in der amtlichen Liste "
     "der 400 Kreise) – in Berlin ist die Stadt selbst der Kreis: bitte „Berlin“ schreiben (den Bezirk "
     "oder Ortsteil nennt „kommune“)"),
    ("Altona", "Hamburg", "unbekannter Landkreis „Altona“ (nicht in der amtlichen Liste der 400 Kreise) – "
     "in Hamburg ist die Stadt selbst der Kreis: bitte „Hamburg“ schreiben (den Bezirk oder Ortsteil nennt "
     "„kommune“)"),
    ("München", "Hessen", "„München“ ist mehrdeutig: „München, Stadt“ (kreisfreie Stadt, AGS 09162) oder "
     "„Landkreis München“ (Landkreis, AGS 09184) – bitte eine der beiden Formen schreiben oder den "
     "Schlüssel angeben, z. B. „ags: 09162“; beide liegen in Bayern, nicht in Hessen"),
])
def test_typos_wrong_laender_and_invented_kreise_get_german_messages(written, land, message):
    assert kreise.check_kreis(written, None, L(land)) == (None, [message])


AMBIGUOUS = sorted(kreise.shared_names())


@pytest.mark.parametrize("name", AMBIGUOUS)
def test_a_shared_name_alone_is_ambiguous_and_both_clear_forms_work(name):
    city, district = sorted((k for k in kreise.all_kreise() if k.name == name), key=lambda k: not k.is_city)
    land = city.land
    _, problems = kreise.check_kreis(name, None, land)
    assert problems == [
        f"„{name}“ ist mehrdeutig: „{name}, Stadt“ ({city.kind_label}, AGS {city.ags}) oder "
        f"„{district.label}“ (Landkreis, AGS {district.ags}) – bitte eine der beiden Formen schreiben "
        f"oder den Schlüssel angeben, z. B. „ags: {city.ags}“"]
    assert kreise.check_kreis(f"{name}, Stadt", None, land) == (city, [])
    assert kreise.check_kreis(f"Landkreis {name}", None, land) == (district, [])
    assert kreise.check_kreis(name, district.ags, land) == (district, [])
    assert kreise.check_kreis(name, city.ags, land) == (city, [])


@pytest.mark.parametrize(("name", "ags", "land", "expected", "message"), [
    (None, "12054", "Brandenburg", "12054", None),
    ("München", "09184", "Bayern", "09184", None),
    (None, "99999", "Bayern", None, "Feld „ags“: kein Kreis mit dem Schlüssel „99999“ in der amtlichen "
     "Liste"),
    (None, "16056", "Thüringen", None, "Feld „ags“: „16056“ war der Schlüssel von Eisenach; Eisenach gehört "
     "seit dem 1. Juli 2021 zum Wartburgkreis – bitte „ags: \"16063\"“ (Wartburgkreis) schreiben"),
    ("München, Stadt", "09184", "Bayern", None, "„München, Stadt“ und „ags: 09184“ passen nicht zusammen: "
     "der Schlüssel 09184 gehört zu „Landkreis München“, der Name zu „München, Stadt“ (kreisfreie Stadt, "
     "AGS 09162) – bitte eins von beiden korrigieren"),
    (None, "14626", "Brandenburg", None, "„Landkreis Görlitz“ liegt in Sachsen (AGS 14626), nicht in "
     "Brandenburg – bitte Bundesland oder Landkreis korrigieren"),
])
def test_the_ags_field_chooses_or_must_agree(name, ags, land, expected, message):
    kreis, problems = kreise.check_kreis(name, ags, L(land))
    assert (kreis.ags if kreis else None, problems) == (expected, [message] if message else [])


def test_every_official_name_and_label_finds_its_own_kreis():
    with kreise.DATA.open(encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    for row in rows:
        kreis = kreise.by_ags(row["ags"])
        for written in (kreis.label, kreis.full_label, row["destatis"] if row["name"] not in
                        kreise.shared_names() else kreis.label):
            assert kreise.check_kreis(written, None, kreis.land) == (kreis, []), written
