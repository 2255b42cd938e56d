"""The .ics files, read back by two independent parsers: ``icalendar`` (which wrote them) and
``vobject`` (which resolves times through the file's own VTIMEZONE, as calendar programs do).
Dates, time zone, UIDs, links and stable bytes."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import icalendar
import pytest
import vobject

from sitebuild import build, make_project

TODAY = "2026-12-01"
HOST = "127.0.0.1"  # mkdocs.yml's site_url without K3B_SITE_URL
ROOT = "http://127.0.0.1:8000/"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("K3B_TODAY", TODAY)
        return build(make_project(tmp_path_factory.mktemp("calendars"), "events"))


def events(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def utc(value: dt.datetime) -> dt.datetime:
    return value.astimezone(dt.UTC)


def test_one_file_per_event_with_its_time_in_berlin(site):
    path = site / "veranstaltungen/reihe-2/reihe-2.ics"
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["METHOD"]) == "PUBLISH"
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]) == f"veranstaltung-reihe-2@{HOST}"
    assert str(event["SUMMARY"]) == "Dialog Zwei"
    assert str(event["URL"]) == ROOT + "veranstaltungen/reihe-2/"
    assert event["DTSTART"].params["TZID"] == "Europe/Berlin"
    assert utc(event.decoded("DTSTART")) == dt.datetime(2026, 12, 8, 15, 0, tzinfo=dt.UTC)  # MEZ
    assert utc(event.decoded("DTEND")) == dt.datetime(2026, 12, 8, 16, 30, tzinfo=dt.UTC)
    assert event.decoded("DTSTAMP") == dt.datetime(2000, 1, 1, tzinfo=dt.UTC)  # never the build time
    assert str(event["LOCATION"]) == "Online" and str(event["STATUS"]) == "CONFIRMED"
    assert [str(c) for c in event["CATEGORIES"].cats] == ["Migration"]
    description = str(event["DESCRIPTION"])
    assert "Mit: Anna Beispiel, Team Test" in description and "https://anmeldung.example/zwei" in description
    assert description.endswith(ROOT + "veranstaltungen/reihe-2/")
    assert b"\r\n" in path.read_bytes()


def at(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=dt.UTC)


@pytest.mark.parametrize(("slug", "start_utc", "end_utc"), [
    ("reihe-3", at(2027, 6, 15, 14, 0), at(2027, 6, 15, 15, 30)),  # MESZ
    ("tagung", at(2026, 9, 17, 8, 0), at(2026, 9, 18, 11, 0)),  # MESZ, over night
    ("werkstatt", at(2026, 2, 27, 13, 0), at(2026, 2, 27, 16, 0)),  # MEZ
])
def test_summer_and_winter_time_through_the_files_own_time_zone(site, slug, start_utc, end_utc):
    """vobject builds its time zone from the file's VTIMEZONE, not from the tz database."""
    text = (site / f"veranstaltungen/{slug}/{slug}.ics").read_text(encoding="utf-8")
    event = vobject.readOne(text).vevent
    assert event.dtstart.value.tzinfo is not None and "TZID=Europe/Berlin" in text
    assert (utc(event.dtstart.value), utc(event.dtend.value)) == (start_utc, end_utc)
    assert event.uid.value == f"veranstaltung-{slug}@{HOST}"


@pytest.mark.parametrize(("slug", "first", "after_last"), [
    ("heute", dt.date(2026, 12, 1), dt.date(2026, 12, 2)),
    ("konferenz", dt.date(2027, 3, 11), dt.date(2027, 3, 13)),  # DTEND is exclusive
])
def test_all_day_events_are_dates(site, slug, first, after_last):
    path = site / f"veranstaltungen/{slug}/{slug}.ics"
    (event,) = events(path).values()
    assert event["DTSTART"].params.get("VALUE") == "DATE"
    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (first, after_last)
    assert str(event["TRANSP"]) == "TRANSPARENT"
    parsed = vobject.readOne(path.read_text(encoding="utf-8")).vevent
    assert (parsed.dtstart.value, parsed.dtend.value) == (first, after_last)
    # Nothing in an all-day file needs a time zone.
    assert not icalendar.Calendar.from_ical(path.read_bytes()).walk("VTIMEZONE")


def test_cancelled_event(site):
    (event,) = events(site / "veranstaltungen/abgesagt/abgesagt.ics").values()
    assert str(event["STATUS"]) == "CANCELLED" and "DTEND" not in event
    assert str(event["LOCATION"]) == "Gemeindesaal Probe"


def test_subscribable_calendars_hold_the_same_events_with_the_same_uids(site):
    everything = events(site / "veranstaltungen.ics")
    singles = {}
    for path in sorted((site / "veranstaltungen").glob("*/*.ics")):
        singles.update(events(path))
    assert everything.keys() == singles.keys() and len(everything) == 8
    for uid, event in everything.items():
        assert event.to_ical() == singles[uid].to_ical(), uid
    calendar = icalendar.Calendar.from_ical((site / "veranstaltungen.ics").read_bytes())
    assert str(calendar["X-WR-CALNAME"]) == "Veranstaltungen – K3B Wissensportal"
    assert calendar["REFRESH-INTERVAL"].params["VALUE"] == "DURATION"
    assert calendar.decoded("REFRESH-INTERVAL") == dt.timedelta(days=1)
    # One VTIMEZONE, and it covers every year with a timed event: read through it, summer 2027
    # is two hours ahead of UTC.
    assert len(calendar.walk("VTIMEZONE")) == 1
    parsed = vobject.readOne((site / "veranstaltungen.ics").read_text(encoding="utf-8"))
    summer = next(e for e in parsed.vevent_list if e.uid.value.startswith("veranstaltung-reihe-3@"))
    assert utc(summer.dtstart.value) == dt.datetime(2027, 6, 15, 14, 0, tzinfo=dt.UTC)
    # Sorted by start: the oldest event first.
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")][0] == "Werkstatt mit Rückblick"


@pytest.mark.parametrize(("path", "expected"), [
    ("themen/migration/veranstaltungen.ics", {"reihe-2", "reihe-3"}),
    ("themen/strukturwandel/veranstaltungen.ics", {"konferenz"}),
    ("themen/klimawandelfolgen/veranstaltungen.ics", set()),
    ("veranstaltungen/reihe/testreihe-dialog/veranstaltungen.ics", {"reihe-1", "reihe-2", "reihe-3"}),
])
def test_topic_and_series_calendars(site, path, expected):
    found = {uid.removeprefix("veranstaltung-").removesuffix(f"@{HOST}") for uid in events(site / path)}
    assert found == expected
    parsed = vobject.readOne((site / path).read_text(encoding="utf-8"))
    assert len(getattr(parsed, "vevent_list", [])) == len(expected)


def test_calendars_keep_a_year_of_past_events(tmp_path, monkeypatch):
    monkeypatch.setenv("K3B_TODAY", "2027-10-01")
    site = build(make_project(tmp_path, "events"))
    kept = {uid.split("@")[0].removeprefix("veranstaltung-") for uid in events(site / "veranstaltungen.ics")}
    # Everything that ended before 2026-10-01 is gone.
    assert kept == {"reihe-1", "heute", "reihe-2", "abgesagt", "konferenz", "reihe-3"}
    assert (site / "veranstaltungen/werkstatt/werkstatt.ics").is_file()  # its own file stays


def test_the_same_content_gives_the_same_bytes(site, tmp_path, monkeypatch):
    monkeypatch.setenv("K3B_TODAY", TODAY)
    again = build(make_project(tmp_path, "events"))
    files = sorted(p.relative_to(site) for p in site.rglob("*.ics"))
    assert len(files) == 8 + 1 + 5 + 1  # events, all, topics, series
    for path in files:
        assert (again / path).read_bytes() == (site / path).read_bytes(), path


def test_the_time_zone_rule_matches_the_tz_database():
    """The VTIMEZONE we write, read by vobject, against zoneinfo: every day from 1997 to 2037
    at noon, and every hour of the days when the clocks change."""
    from zoneinfo import ZoneInfo

    from k3b.ical import berlin_timezone

    text = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n" + berlin_timezone().to_ical().decode()
            + "BEGIN:VEVENT\r\nUID:x\r\nDTSTAMP:20000101T000000Z\r\n"
            "DTSTART;TZID=Europe/Berlin:20260101T120000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    ours = vobject.readOne(text).vevent.dtstart.value.tzinfo
    database = ZoneInfo("Europe/Berlin")
    day, checked = dt.datetime(1997, 1, 1), 0
    while day.year < 2038:
        moments = [day.replace(hour=12)]
        if day.month in (3, 10) and day.weekday() == 6 and day.day > 24:
            moments = [day.replace(hour=h) for h in range(24) if h not in (2,)]  # 2:xx is skipped/doubled
        for moment in moments:
            expected = moment.replace(tzinfo=database).utcoffset()
            assert moment.replace(tzinfo=ours).utcoffset() == expected, moment
            checked += 1
        day += dt.timedelta(days=1)
    assert checked > 14_000


# Hostile text, written straight through k3b/ical.py: the front matter refuses most controls
# but lets CR and LF through, and a calendar must come out of whatever reaches it.
CONTROL = re.compile(rb"[\x00-\x1f\x7f]")


def hostile_calendar(title: str, description: str = "", location: str = "",
                     categories: tuple[str, ...] = ()) -> bytes:
    from k3b.ical import CalendarEvent, calendar_bytes
    from k3b.timespan import Span

    event = CalendarEvent(uid="veranstaltung-x@example.org", url="https://example.org/x/", title=title,
                          span=Span(dt.datetime(2026, 12, 8, 16, 0), dt.datetime(2026, 12, 8, 17, 30)),
                          description=description, location=location, categories=categories)
    return calendar_bytes([event], title, description=description)


def assert_clean_lines(data: bytes) -> None:
    """Every physical line ends with CRLF and holds no other control (not even a TAB)."""
    assert data.endswith(b"\r\n")
    for line in data.split(b"\r\n")[:-1]:
        assert not CONTROL.search(line), line


PUNCTUATION = 'Komma, Semikolon; Backslash \\ Doppelpunkt: "Zitat"'


@pytest.mark.parametrize(("title", "summary"), [
    ("Dialog\nZwei", "Dialog Zwei"),
    ("Dialog\rZwei", "Dialog Zwei"),
    ("Dialog\r\nZwei", "Dialog Zwei"),
    ("Dialog\x0bZwei", "Dialog Zwei"),
    ("Dialog \r\n\t\x0c\n  Zwei\n", "Dialog Zwei"),  # a run of breaks and spacing is one space
    ("\x01Dia\x1b[31mlog\x7f\tZwei\x08\x1f", "Dia[31mlog Zwei"),  # NUL-free control mix: gone, TAB a space
    (PUNCTUATION, PUNCTUATION),  # icalendar's escaping, read back as written
    ("Pfad C:\\Neu", "Pfad C: eu"),  # icalendar reads a written \N as a line break
])
def test_a_title_with_controls_is_one_line(title, summary):
    data = hostile_calendar(title, location=title, categories=(title, "Migration"))
    assert_clean_lines(data)
    calendar = icalendar.Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == summary and str(event["LOCATION"]) == summary
    assert [str(c) for c in event["CATEGORIES"].cats] == [summary, "Migration"]
    parsed = vobject.readOne(data.decode("utf-8"))
    assert parsed.vevent.summary.value == summary and parsed.vevent.location.value == summary
    assert parsed.vevent.categories.value == [summary, "Migration"]
    # The calendar's own name is the title too (one file per event), read as TEXT.
    assert parsed.contents["name"][0].value == parsed.contents["x-wr-calname"][0].value == summary


@pytest.mark.parametrize(("description", "expected"), [
    ("Erste Zeile\nZweite Zeile", "Erste Zeile\nZweite Zeile"),
    ("Erste\r\nZweite\rDritte\n\nVierte", "Erste\nZweite\nDritte\n\nVierte"),
    ("Mit:\tAnna\x0bBeispiel\x01\x7f\x1b, Team; Test\\", "Mit: Anna Beispiel, Team; Test\\"),
])
def test_a_description_keeps_its_line_breaks_as_escapes(description, expected):
    data = hostile_calendar("Dialog", description=description)
    assert_clean_lines(data)
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8").split("\r\n")
    lines = [line for line in unfolded if line.startswith(("DESCRIPTION:", "X-WR-CALDESC:"))]
    assert len(lines) == 3  # the event's, the calendar's twice
    assert all(line.count("\\n") == expected.count("\n") for line in lines), lines  # each break an escape
    calendar = icalendar.Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    assert str(event["DESCRIPTION"]) == str(calendar["DESCRIPTION"]) == expected
    parsed = vobject.readOne(data.decode("utf-8"))
    assert parsed.vevent.description.value == parsed.description.value == expected
    assert parsed.contents["x-wr-caldesc"][0].value == expected
