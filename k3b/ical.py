"""iCalendar files (RFC 5545) for events, written with the ``icalendar`` library.

One file per event and subscribable calendars (all events, one topic, one series). The bytes
are deterministic: events are sorted, UIDs come from the event's address, and ``DTSTAMP``
is a fixed moment instead of the build time (calendar programs match events by ``UID``
and re-read a subscription as a whole, so a changing stamp would only change the bytes).
Times carry ``TZID=Europe/Berlin`` with its ``VTIMEZONE``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import icalendar

from .timespan import Span

PRODID = "-//K3B Kompetenzzentrum Kommunale Konfliktberatung//Wissensportal//DE"
TZID = "Europe/Berlin"
STAMP = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
REFRESH = dt.timedelta(days=1)  # the site is built daily


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


def _vevent(event: CalendarEvent) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", event.uid)
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
    vevent.add("summary", event.title)
    if event.description:
        vevent.add("description", event.description)
    if event.location:
        vevent.add("location", event.location)
    vevent.add("url", event.url)
    if event.categories:
        vevent.add("categories", list(event.categories))
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
    """A VCALENDAR with ``events`` (sorted by start, then UID) and the time zone they use."""
    chosen: Sequence[CalendarEvent] = sorted(events, key=lambda e: (e.span.utc_start(), e.uid))
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", TZID)
    if description:
        calendar.add("description", description)
        calendar.add("x-wr-caldesc", description)
    if subscription:
        calendar.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", "P1D")
    if any(not e.span.all_day for e in chosen):
        calendar.add_component(berlin_timezone())
    for event in chosen:
        calendar.add_component(_vevent(event))
    return calendar.to_ical()
