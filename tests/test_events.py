"""Veranstaltungen: German dates, order by the build date, pages, series, hubs, feeds, JSON-LD
and every mistake staff can make in an event's front matter."""

from __future__ import annotations

import datetime as dt
import json
import re

import feedparser
import pytest
from mkdocs.exceptions import Abort

from k3b.timespan import BERLIN, MomentError, Span, read_moment
from sitebuild import build, error_lines, html, make_project

TODAY = "2026-12-01"


def berlin(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=BERLIN)


@pytest.mark.parametrize(("value", "expected"), [
    ("2026-10-27 16:00", berlin(2026, 10, 27, 16, 0)),
    ("2026-10-27T09:30", berlin(2026, 10, 27, 9, 30)),
    ("27.10.2026 16:00", berlin(2026, 10, 27, 16, 0)),
    ("27.10.2026, 16:00 Uhr", berlin(2026, 10, 27, 16, 0)),
    ("2026-10-27", dt.date(2026, 10, 27)),
    ("27.10.2026", dt.date(2026, 10, 27)),
    (dt.date(2026, 10, 27), dt.date(2026, 10, 27)),  # YAML's own date
    (dt.datetime(2026, 10, 27, 16, 0, 0), berlin(2026, 10, 27, 16, 0)),  # "2026-10-27 16:00:00"
    (dt.datetime(2026, 10, 27, 15, 0, tzinfo=dt.UTC), berlin(2026, 10, 27, 16, 0)),
    ("2026-10-25 02:30", berlin(2026, 10, 25, 2, 30)),  # happens twice: the first one (summer time)
])
def test_moments_are_read_as_berlin_time(value, expected):
    moment = read_moment(value)
    assert moment == expected and type(moment) is type(expected)
    if isinstance(moment, dt.datetime):
        assert moment.tzinfo is BERLIN


@pytest.mark.parametrize(("value", "message"), [
    (960, "„16:00“ ist eine Uhrzeit ohne Datum"),  # YAML 1.1 reads 16:00 as 960
    ("16:00", "„16:00“ ist eine Uhrzeit ohne Datum"),
    ("16:00 Uhr", "„16:00 Uhr“ ist eine Uhrzeit ohne Datum"),
    ("2026-02-30", "„2026-02-30“: diesen Tag gibt es nicht"),
    ("31.04.2026 10:00", "„31.04.2026 10:00“: diesen Tag gibt es nicht"),
    ("2026-10-27 24:00", "diese Uhrzeit gibt es nicht"),
    ("2026-03-29 02:30", "gibt es in Deutschland nicht (Umstellung auf die Sommerzeit)"),
    ("nächsten Dienstag", "„nächsten Dienstag“ ist kein Datum"),
])
def test_impossible_moments_are_german_errors(value, message):
    with pytest.raises(MomentError, match=re.escape(message)):
        read_moment(value)


@pytest.mark.parametrize(("start", "end", "long", "short"), [
    ("2026-10-27 16:00", "2026-10-27 17:00", "Dienstag, 27. Oktober 2026, 16:00–17:00 Uhr",
     "27. Oktober 2026, 16:00 Uhr"),
    ("2026-10-27 9:30", None, "Dienstag, 27. Oktober 2026, 9:30 Uhr", "27. Oktober 2026, 9:30 Uhr"),
    ("2026-09-17 10:00", "2026-09-18 13:00",
     "Donnerstag, 17. September 2026, 10:00 Uhr, bis Freitag, 18. September 2026, 13:00 Uhr",
     "17.–18. September 2026, ab 10:00 Uhr"),  # a card keeps both days
    ("2026-12-11 22:00", "2026-12-12 01:30",
     "Freitag, 11. Dezember 2026, 22:00 Uhr, bis Samstag, 12. Dezember 2026, 1:30 Uhr",
     "11.–12. Dezember 2026, ab 22:00 Uhr"),
    ("2027-03-27 20:00", "2027-03-28 10:00",
     "Samstag, 27. März 2027, 20:00 Uhr, bis Sonntag, 28. März 2027, 10:00 Uhr",
     "27.–28. März 2027, ab 20:00 Uhr"),
    ("2026-10-27", None, "Dienstag, 27. Oktober 2026", "27. Oktober 2026"),
    ("2026-10-27", "2026-10-27", "Dienstag, 27. Oktober 2026", "27. Oktober 2026"),
    ("2027-03-11", "2027-03-12", "Donnerstag, 11. März, bis Freitag, 12. März 2027", "11.–12. März 2027"),
    ("2026-10-30", "2026-11-02", "Freitag, 30. Oktober, bis Montag, 2. November 2026",
     "30. Oktober – 2. November 2026"),
    ("2026-12-30", "2027-01-01", "Mittwoch, 30. Dezember 2026, bis Freitag, 1. Januar 2027",
     "30. Dezember 2026 – 1. Januar 2027"),
])
def test_spans_in_german(start, end, long, short):
    span = Span(read_moment(start), read_moment(end) if end else None)
    assert (span.german(), span.short()) == (long, short)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("K3B_TODAY", TODAY)
        return build(make_project(tmp_path_factory.mktemp("events"), "events"))


def titles(soup, selector: str = ".k3b-card__title a") -> list[str]:
    return [a.get_text() for a in soup.select(selector)]


def test_listing_shows_coming_events_soonest_first_then_past_ones_newest_first(site):
    page = html(site, "veranstaltungen/")
    groups = {h.get_text(): titles(h.find_next("ul"), "h3 a") for h in page.select("h2.k3b-group")}
    assert groups == {
        "Kommende Veranstaltungen": ["Heute ganztägig", "Dialog Zwei", "Abgesagter Termin",
                                     "Konferenz über zwei Tage", "Dialog Drei"],
        "Vergangene Veranstaltungen": ["Dialog Eins", "Tagung mit Bericht", "Werkstatt mit Rückblick"],
    }
    card = page.find("a", string="Dialog Zwei").find_parent("article")
    meta = card.select_one(".k3b-card__meta")
    assert meta.time["datetime"] == "2026-12-08T16:00:00+01:00"
    assert meta.get_text(" ", strip=True).startswith("8. Dezember 2026, 16:00 Uhr · Veranstaltung · Online")
    assert "Fiktives Beispiel" not in meta.get_text()
    fictional = page.find("a", string="Dialog Eins").find_parent("article")
    assert "Fiktives Beispiel" in fictional.select_one(".k3b-card__meta").get_text()
    hybrid = page.find("a", string="Konferenz über zwei Tage").find_parent("article")
    assert "Kulturhaus Probe und online" in hybrid.get_text()
    cancelled = page.find("a", string="Abgesagter Termin").find_parent("article")
    assert cancelled.select_one(".k3b-event-status").get_text() == "Abgesagt"


def facts(page) -> dict[str, str]:
    table = page.select_one("table.k3b-facts")
    return {row.th.get_text(): row.td.get_text(" ", strip=True) for row in table.select("tr")}


def test_event_page_says_when_where_and_how_to_take_part(site):
    page = html(site, "veranstaltungen/reihe-2/")
    assert facts(page) == {
        "Wann": "Dienstag, 8. Dezember 2026, 16:00–17:30 Uhr", "Wo": "Online",
        "Reihe": "Testreihe Dialog", "Mit": "Anna Beispiel, Team Test", "Anmeldung": "Zur Anmeldung",
    }
    assert page.find("a", string="Zur Anmeldung")["href"] == "https://anmeldung.example/zwei"
    assert page.find("a", string="Testreihe Dialog")["href"] == "../reihe/testreihe-dialog/"
    button = page.find("a", string="In den Kalender eintragen (.ics)")
    assert button["href"] == "reihe-2.ics" and button.has_attr("download")
    assert (site / "veranstaltungen" / "reihe-2" / "reihe-2.ics").is_file()
    assert not page.select(".k3b-event-note")


def test_past_and_cancelled_events_say_so_and_drop_the_registration(site):
    past = html(site, "veranstaltungen/reihe-1/")
    assert past.select_one(".k3b-event-note").get_text() == "Diese Veranstaltung hat bereits stattgefunden."
    assert "Anmeldung" not in facts(past)
    cancelled = html(site, "veranstaltungen/abgesagt/")
    assert cancelled.select_one(".k3b-event-note").get_text() == "Diese Veranstaltung ist abgesagt."
    assert "Anmeldung" not in facts(cancelled)
    today = html(site, "veranstaltungen/heute/")  # an event on the build date is still coming
    assert not today.select(".k3b-event-note")
    assert facts(today)["Wann"] == "Dienstag, 1. Dezember 2026"


@pytest.mark.parametrize(("event", "title", "href"), [
    ("tagung", "Bericht vom fiktiven Netzwerktreffen", "../../publikationen/tagungsbericht2026/"),
    ("werkstatt", "Rückblick auf die Werkstatt", "../../artikel/rueckblick/"),
])
def test_documentation_links_to_a_publication_or_a_page(site, event, title, href):
    page = html(site, f"veranstaltungen/{event}/")
    assert facts(page)["Dokumentation"] == title
    assert page.find("a", string=title)["href"] == href


def test_series_page_lists_all_its_dates_and_offers_its_calendar(site):
    page = html(site, "veranstaltungen/reihe/testreihe-dialog/")
    assert page.h1.get_text(strip=True) == "Testreihe Dialog"
    groups = {h.get_text(): titles(h.find_next("ul"), "h3 a") for h in page.select("h2.k3b-group")}
    assert groups == {"Kommende Veranstaltungen": ["Dialog Zwei", "Dialog Drei"],
                      "Vergangene Veranstaltungen": ["Dialog Eins"]}
    link = page.find("a", string="Reihe als Kalender abonnieren (iCalendar)")
    assert link["href"] == "veranstaltungen.ics"
    assert (site / "veranstaltungen/reihe/testreihe-dialog/veranstaltungen.ics").is_file()


def test_event_json_ld(site):
    def data(slug):
        page = html(site, f"veranstaltungen/{slug}/")
        return json.loads(page.find("script", type="application/ld+json").string)

    online = data("reihe-2")
    assert online["@type"] == "Event" and online["name"] == "Dialog Zwei"
    assert online["startDate"] == "2026-12-08T16:00:00+01:00"
    assert online["endDate"] == "2026-12-08T17:30:00+01:00"
    assert online["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert online["eventStatus"] == "https://schema.org/EventScheduled"
    assert online["location"] == {"@type": "VirtualLocation", "url": "https://anmeldung.example/zwei"}
    assert online["organizer"]["@type"] == "Organization"
    assert online["performer"] == [{"@type": "Person", "name": "Anna Beispiel"},
                                   {"@type": "Organization", "name": "Team Test"}]
    assert online["superEvent"]["@type"] == "EventSeries"
    assert online["superEvent"]["url"].endswith("/veranstaltungen/reihe/testreihe-dialog/")
    # A made-up event must not reach search engines as an event.
    assert html(site, "veranstaltungen/reihe-1/").find("script", type="application/ld+json") is None
    summer = data("reihe-3")
    assert summer["startDate"] == "2027-06-15T16:00:00+02:00"
    hybrid = data("konferenz")
    assert hybrid["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [place["@type"] for place in hybrid["location"]] == ["Place", "VirtualLocation"]
    assert hybrid["location"][0] == {"@type": "Place", "name": "Kulturhaus Probe", "address": {
        "@type": "PostalAddress", "streetAddress": "Platz 2", "postalCode": "00000",
        "addressLocality": "Probe", "addressCountry": "DE"}}
    assert (hybrid["startDate"], hybrid["endDate"]) == ("2027-03-11", "2027-03-12")
    offline = data("abgesagt")
    assert offline["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert offline["eventStatus"] == "https://schema.org/EventCancelled"
    assert offline["location"] == {"@type": "Place", "name": "Gemeindesaal Probe",
                                   "address": "Gemeindesaal Probe"}


@pytest.mark.parametrize(("location", "expected"), [
    ("Stadtbibliothek Weidenau, Lesesaal, Bahnhofstraße 12, 39996 Weidenau",
     {"@type": "Place", "name": "Stadtbibliothek Weidenau, Lesesaal", "address": {
         "@type": "PostalAddress", "streetAddress": "Bahnhofstraße 12", "postalCode": "39996",
         "addressLocality": "Weidenau", "addressCountry": "DE"}}),
    ("Rathaus, 29410 Salzwedel", {"@type": "Place", "name": "Rathaus", "address": {
        "@type": "PostalAddress", "postalCode": "29410", "addressLocality": "Salzwedel",
        "addressCountry": "DE"}}),
    ("Gemeindesaal Probe", {"@type": "Place", "name": "Gemeindesaal Probe", "address": "Gemeindesaal Probe"}),
    ("Haus am See, Seeweg 1", {"@type": "Place", "name": "Haus am See", "address": "Seeweg 1"}),
])
def test_places_with_a_postcode_get_a_postal_address(location, expected):
    from k3b.content.event import place_jsonld

    assert place_jsonld(location) == expected


def test_hubs_show_only_the_coming_events_and_a_calendar(site):
    hub = html(site, "themen/energiewende/")
    section = hub.find("h2", id="veranstaltungen")
    assert section.get_text() == "Nächste Veranstaltungen"
    shown = titles(section.find_next("ul"), "h3 a")
    assert shown == ["Abgesagter Termin"]  # the three past Energiewende events are not "next"
    more = section.find_next("a", class_="k3b-more")
    assert more.get_text() == "Alle Veranstaltungen zum Thema anzeigen (4)"
    listing = html(site, "themen/energiewende/veranstaltungen/")
    assert titles(listing, "h3 a") == ["Abgesagter Termin", "Dialog Eins", "Tagung mit Bericht",
                                       "Werkstatt mit Rückblick"]
    calendar = section.find_next("a", class_="k3b-calendar-link")
    assert calendar["href"] == "veranstaltungen.ics"
    assert "4 Veranstaltungen" in hub.select_one(".k3b-hub__counts").get_text()
    nothing = html(site, "themen/klimawandelfolgen/")
    assert "Zu diesem Thema gibt es noch keine Inhalte" in nothing.get_text()


def start_heading(page):
    return next(h for h in page.find_all("h2") if h.get_text().startswith("Nächste Veranstaltungen"))


def test_hub_without_coming_events_says_so(tmp_path, monkeypatch):
    monkeypatch.setenv("K3B_TODAY", "2028-01-01")
    site = build(make_project(tmp_path, "events"))
    section = html(site, "themen/migration/").find("h2", id="veranstaltungen")
    assert section.find_next("p").get_text() == "Zurzeit sind keine Veranstaltungen angekündigt."
    assert section.find_next("a", class_="k3b-more").get_text().endswith("(2)")
    heading = start_heading(html(site, ""))
    assert heading.find_next("p").get_text() == "Zurzeit sind keine Veranstaltungen angekündigt."


def test_start_page_shows_the_next_three(site):
    heading = start_heading(html(site, ""))
    assert titles(heading.find_next("ul"), "h3 a") == ["Heute ganztägig", "Dialog Zwei", "Abgesagter Termin"]


def test_feeds_and_related_content_include_events(site):
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    entry = next(e for e in feed.entries if e.title == "Dialog Zwei")
    assert entry.summary.startswith("Veranstaltung: Dienstag, 8. Dezember 2026, 16:00–17:30 Uhr, Online. ")
    assert "Veranstaltungen" in feed.feed.subtitle
    topic = feedparser.parse((site / "themen/migration/feed.xml").read_bytes())
    assert {"Dialog Zwei", "Dialog Drei"} <= {e.title for e in topic.entries}
    related = html(site, "veranstaltungen/reihe-1/").select(".k3b-related li a")
    assert "Rückblick auf die Werkstatt" in [a.get_text() for a in related]


def test_bad_events_are_reported_all_at_once(tmp_path, caplog):
    with pytest.raises(Abort):
        build(make_project(tmp_path, "bad-events"))
    path = "docs/veranstaltungen/"
    assert error_lines(caplog) == [
        # Its own problem; the event that names it as documentation does not repeat it.
        "docs/artikel/rueckblick-ohne-autor.md:1: Pflichtfeld „authors“ fehlt",
        f"{path}anmeldung.md:5: Feld „registration“: „javascript:alert(1)“ ist keine Webadresse – "
        "erlaubt sind nur Adressen mit http:// oder https://",
        f"{path}doku-entwurf.md:6: Feld „documentation“ führt auf einen Entwurf („draft: true“), der "
        "nicht veröffentlicht wird – im veröffentlichten Build fehlt diese Seite; erst eintragen, wenn sie "
        "veröffentlicht ist",
        f"{path}doku-schluessel.md:6: Feld „documentation“: keine Publikation mit dem Schlüssel "
        "„tagungsbericht2025“ – meinten Sie „tagungsbericht2026“?",
        f"{path}doku-seite.md:6: Feld „documentation“: keine Seite „artikel/rueckblik.md“ – "
        "meinten Sie „artikel/rueckblick.md“?",
        f"{path}falsch.md:4: „end“ (2026-10-27 15:00) liegt vor dem Beginn „start“ (2026-10-27 16:00)",
        f"{path}gemischt.md:4: „start“ und „end“ brauchen beide eine Uhrzeit oder sind beide nur ein "
        "Datum (ganztägig)",
        f"{path}gleich.md:4: „end“ (2026-10-27 16:00) ist der Beginn selbst – bitte die Uhrzeit des Endes "
        "eintragen oder „end“ weglassen",
        f"{path}liste.md:4: Feld „end“: eine Liste statt eines Datums – z. B. „2026-10-27 16:00“ oder für "
        "ganztägig „2026-10-27“",
        f"{path}liste.md:6: Feld „documentation“: „https://example.org/aufzeichnung“ ist eine Adresse im "
        "Netz – „documentation“ nennt eine Publikation (ihren BibTeX-Schlüssel; ein Eintrag kann mit "
        "„url“ auf andere Websites verweisen) oder eine Seite dieser Website wie „artikel/rueckblick.md“",
        # Checks across fields run even when another field of the file has a problem.
        f"{path}mehrere.md:4: „end“ (2026-10-27 15:00) liegt vor dem Beginn „start“ (2026-10-27 16:00)",
        f"{path}mehrere.md:6: Feld „registration“: „ftp://example.org/anmeldung“ ist keine Webadresse – "
        "erlaubt sind nur Adressen mit http:// oder https://",
        # So do the checks against the rest of the site (a page, a project it names).
        f"{path}mehrere.md:7: Feld „documentation“: keine Seite „artikel/gibt-es-nicht.md“ – "
        "meinten Sie „artikel/rueckblick.md“?",
        f"{path}mehrere.md:8: unbekanntes Projekt „unbekanntes-projekt“ – es gibt noch keine Projekte "
        "(der Dateiname unter docs/projekte/ ohne „.md“)",
        f"{path}ohne-datum.md:3: Feld „start“: „16:00“ ist eine Uhrzeit ohne Datum – "
        "z. B. „2026-10-27 16:00“ oder für ganztägig „2026-10-27“",
        f"{path}ohne-datum.md:4: Feld „end“: „2026-02-30“: diesen Tag gibt es nicht",
        f"{path}ohne-ort.md:1: Ort fehlt – bitte „location“ (Ort und Adresse) oder „online: true“ angeben",
        f"{path}sommerzeit.md:3: Feld „start“: „2026-03-29 02:30“ gibt es in Deutschland nicht "
        "(Umstellung auf die Sommerzeit)",
        f"{path}sommerzeit.md:4: Feld „end“: „2026-03-29 25:00“: diese Uhrzeit gibt es nicht",
        f"{path}sommerzeit.md:5: Feld „online“: muss „true“ oder „false“ sein",
        "20 Probleme gefunden – Build abgebrochen.",
    ]


def test_the_preview_allows_a_draft_as_documentation(tmp_path, caplog):
    build(make_project(tmp_path, "bad-events"), command="serve")  # the preview goes on, showing them
    assert not [line for line in error_lines(caplog) if "doku-entwurf.md" in line]
    assert any("doku-seite.md:6" in line for line in error_lines(caplog))


@pytest.mark.parametrize(("value", "ok"), [
    ("https://anmeldung.example/x?a=1", True), ("http://example.org", True), ("HTTPS://Example.org/", True),
    ("ftp://example.org/x", False), ("javascript:alert(1)", False), ("www.example.org", False),
    ("https://", False), ("mailto:info@example.org", False), ("https://exa mple.org", False),
])
def test_registration_must_be_a_web_address(value, ok):
    from pathlib import Path as _Path

    from k3b.fields import Context, http_url
    from k3b.problems import ProblemList
    from k3b.topics import load_vocabulary

    problems = ProblemList()
    vocabulary = load_vocabulary(_Path(__file__).resolve().parents[1] / "data/themen.yml")
    result = http_url(value, Context("registration", 4, "x.md", problems, vocabulary))
    assert (result == value) is ok and bool(problems) is not ok
