"""iCalendar files (RFC 5545) for events, written with the ``icalendar`` library.

One file per event and subscribable calendars (all events, one topic, one series). The bytes
are deterministic: events are sorted, UIDs come from the event's address, and ``DTSTAMP``
is a fixed moment instead of the build time (calendar programs match events by ``UID``
and re-read a subscription as a whole, so a changing stamp would only change the bytes).
Times carry ``TZID=Europe/Berlin`` with its ``VTIMEZONE``.

Every text goes through ``_text`` (or ``_line``), which leaves no control character that
RFC 5545 forbids in a TEXT value; icalendar then escapes what TEXT escapes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import icalendar

from .timespan import Span

PRODID = "-//K3B Kompetenzzentrum Kommunale Konfliktberatung//Wissensportal//DE"
TZID = "Europe/Berlin"
STAMP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
REFRESH = dt.timedelta(days=1)  # the site is built daily

# RFC 5545 3.3.11: a TEXT value holds no control character but HTAB; a line break is the
# escape ``\n``, which icalendar writes for "\n". A control that separates words (TAB, VT,
# FF) becomes a space so the words stay apart; every other C0 control and DEL goes.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_SPACING = re.compile("[\t\x0b\x0c]")
_BREAK = re.compile("\r\n?")
# icalendar also reads a written "\N" as a line break (vText), so a single line folds it too.
_FOLD = re.compile(r"[ \t\n\x0b\x0c\r]*(?:[\t\n\x0b\x0c\r]|\\N)[ \t\n\x0b\x0c\r]*")


@dataclass(frozen=True)
class CalendarEvent:
    """What a calendar needs to know of one event; all text is plain (iCalendar escapes it)."""

    uid: str
    span: Span
    title: str
    url: str
    description: str = ""
    location: str = ""
    categories: tuple[str, ...] = ()
    cancelled: bool = False


def _line(value: str) -> str:
    """``value`` for a single-line property or a parameter (SUMMARY, LOCATION, CN …): every
    run of line breaks and spacing controls is one space, the other controls are gone.

    icalendar escapes a line break, so a title would still show on two lines, and it passes
    VT, NUL, DEL and the like through unchanged.
    """
    return _FOLD.sub(" ", _CONTROLS.sub("", value)).strip(" ")


def _lines(value: str) -> str:
    """``value`` for DESCRIPTION: every line break (CRLF, CR, LF) is one LF, which icalendar
    writes as the escape ``\\n``; spacing controls are spaces, the other controls are gone."""
    return _SPACING.sub(" ", _BREAK.sub("\n", _CONTROLS.sub("", value)))


def _text(value: str, multiline: bool = False) -> icalendar.vText:
    """``value`` as a TEXT property value, one line unless ``multiline``.

    A ``vText`` because icalendar escapes commas, semicolons, backslashes and line breaks of
    a ``vText`` whatever the property; a plain ``str`` for NAME or X-WR-CALNAME goes out raw
    (a line break in a title made icalendar raise ``AssertionError``, a bare CR went out as is).
    """
    return icalendar.vText(_lines(value) if multiline else _line(value))


def _vevent(event: CalendarEvent) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", _text(event.uid))
    vevent.add("dtstamp", STAMP)
    span = event.span
    if span.all_day:
        vevent.add("dtstart", span.first_day)
        # DTEND of an all-day event is the day after the last one (exclusive).
        vevent.add("dtend", span.last_day + dt.timedelta(days=1))
        vevent.add("transp", "TRANSPARENT")
    else:
        vevent.add("dtstart", span.start)
        if span.end is not None:
            vevent.add("dtend", span.end)
    vevent.add("summary", _text(event.title))
    if description := _text(event.description, multiline=True):
        vevent.add("description", description)
    if location := _text(event.location):
        vevent.add("location", location)
    vevent.add("url", event.url)
    if categories := [c for c in map(_text, event.categories) if c]:
        vevent.add("categories", categories)
    vevent.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    return vevent


@lru_cache(maxsize=1)
def berlin_timezone() -> icalendar.Timezone:
    """Europe/Berlin as the rules that calendar programs write themselves (Thunderbird,
    Outlook, Google): summer time from the last Sunday in March, 2:00, to the last Sunday in
    October, 3:00, the EU rule since 1996.

    One definition for every file, valid for every year: programs that keep the first
    VTIMEZONE they read for a TZID (vobject does, and so do some calendar programs) would
    misplace events of other years if each file carried only the transitions of its own.
    ``tests/test_calendars.py`` checks the rule against the tz database, day by day.
    """
    timezone = icalendar.Timezone()
    timezone.add("tzid", TZID)
    timezone.add("x-lic-location", TZID)
    for kind, name, start, month, offsets in (
        (icalendar.TimezoneDaylight, "CEST", dt.datetime(1996, 3, 31, 2, 0), 3, (1, 2)),
        (icalendar.TimezoneStandard, "CET", dt.datetime(1996, 10, 27, 3, 0), 10, (2, 1)),
    ):
        part = kind()
        part.add("tzname", name)
        part.add("tzoffsetfrom", dt.timedelta(hours=offsets[0]))
        part.add("tzoffsetto", dt.timedelta(hours=offsets[1]))
        part.add("dtstart", start)
        part.add("rrule", {"freq": "yearly", "bymonth": month, "byday": "-1su"})
        timezone.add_component(part)
    return timezone


def calendar_bytes(events: Iterable[CalendarEvent], name: str, description: str = "",
                   subscription: bool = False) -> bytes:
    """A VCALENDAR with ``events`` (sorted by start, then UID) and the time zone they use.

    The same calendar is made once per process: the preview (``make serve``) plans every
    calendar again after each edit, and icalendar's writing costs more than the rest of it."""
    chosen = tuple(sorted(events, key=lambda e: (e.span.utc_start(), e.uid)))
    return _calendar(chosen, name, description, subscription)


@lru_cache(maxsize=4096)
def _calendar(chosen: Sequence[CalendarEvent], name: str, description: str, subscription: bool) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", _text(name))
    calendar.add("x-wr-calname", _text(name))
    calendar.add("x-wr-timezone", TZID)
    if text := _text(description, multiline=True):
        calendar.add("description", text)
        calendar.add("x-wr-caldesc", text)
    if subscription:
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", "P1D")
    if any(not e.span.all_day for e in chosen):
        calendar.add_component(berlin_timezone())
    for event in chosen:
        calendar.add_component(_vevent(event))
    return calendar.to_ical()
