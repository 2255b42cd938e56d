"""When an event takes place: local moments in Europe/Berlin, read and written in German.

Staff write ``2026-10-27 16:00`` (or ``27.10.2026 16:00``); a date alone means the whole day.
A ``Span`` is a start and an optional end, both with a time or both all day, and says itself
in German: „Dienstag, 27. Oktober 2026, 16:00–17:00 Uhr“.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from .render import MONTHS, german_date

BERLIN = ZoneInfo("Europe/Berlin")
WEEKDAYS = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
EXAMPLE = "z. B. „2026-10-27 16:00“ oder für ganztägig „2026-10-27“"

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2})[:.](\d{2})(?::(\d{2}))?)?$")
_GERMAN = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2})[:.](\d{2})(?:\s*Uhr)?)?$")
_TIME_ONLY = re.compile(r"^\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*Uhr)?$")


class MomentError(ValueError):
    """A value that is no date or local time; the message is German."""


def read_moment(value: object) -> dt.date | dt.datetime:
    """A date (all day) or an aware datetime in Europe/Berlin, from a front-matter value.

    YAML hands over dates and datetimes (with seconds) itself, everything else as text, and
    ``16:00`` as the number 960 (YAML 1.1 reads it in base 60).

    Raises:
        MomentError: with a German message (no date, impossible date, time without date,
            a local time that does not exist because the clocks go forward).
    """
    if isinstance(value, dt.datetime):
        moment = value.astimezone(BERLIN) if value.tzinfo else _local(value)
        return moment.replace(second=0, microsecond=0)
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        raise MomentError(f"„{value // 60}:{value % 60:02d}“ ist eine Uhrzeit ohne Datum – {EXAMPLE}")
    if isinstance(value, list | dict | bool) or value is None:
        kind = {list: "eine Liste statt eines Datums", dict: "Unterfelder statt eines Datums"}
        raise MomentError(f"{kind.get(type(value), 'kein Datum')} – {EXAMPLE}")
    raw = str(value).strip()
    if _TIME_ONLY.match(raw):
        raise MomentError(f"„{raw}“ ist eine Uhrzeit ohne Datum – {EXAMPLE}")
    match = _ISO.match(raw)
    parts = match.groups() if match else None
    if parts is None and (german := _GERMAN.match(raw)):
        day, month, year, hour, minute = german.groups()
        parts = (year, month, day, hour, minute, None)
    if parts is None:
        raise MomentError(f"„{raw}“ ist kein Datum – {EXAMPLE}")
    year, month, day, hour, minute, _second = parts
    try:
        date = dt.date(int(year), int(month), int(day))
    except ValueError:
        raise MomentError(f"„{raw}“: diesen Tag gibt es nicht") from None
    if hour is None:
        return date
    if int(hour) > 23 or int(minute) > 59:
        raise MomentError(f"„{raw}“: diese Uhrzeit gibt es nicht")
    return _local(dt.datetime.combine(date, dt.time(int(hour), int(minute))))


def _local(naive: dt.datetime) -> dt.datetime:
    """``naive`` as Berlin time; a time skipped when the clocks go forward is an error."""
    moment = naive.replace(tzinfo=BERLIN)
    if moment.astimezone(dt.UTC).astimezone(BERLIN).replace(tzinfo=None) != naive:
        raise MomentError(f"„{naive:%Y-%m-%d %H:%M}“ gibt es in Deutschland nicht "
                          "(Umstellung auf die Sommerzeit)")
    return moment


def clock(moment: dt.datetime) -> str:
    """``16:00``, ``9:30``."""
    return f"{moment.hour}:{moment.minute:02d}"


def weekday_date(day: dt.date, year: bool = True) -> str:
    """``Dienstag, 27. Oktober 2026`` (``Dienstag, 27. Oktober`` without the year)."""
    text = f"{WEEKDAYS[day.weekday()]}, {day.day}. {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


@dataclass(frozen=True, slots=True)
class Span:
    """From ``start`` to ``end`` (inclusive days when ``all_day``); ``end`` may be missing."""

    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None = None

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)

    @property
    def first_day(self) -> dt.date:
        return self.start.date() if isinstance(self.start, dt.datetime) else self.start

    @property
    def last_day(self) -> dt.date:
        end = self.end or self.start
        return end.date() if isinstance(end, dt.datetime) else end

    def german(self) -> str:
        """„Dienstag, 27. Oktober 2026, 16:00–17:00 Uhr“, or a range over several days."""
        first, last = self.first_day, self.last_day
        if self.all_day:
            if first == last:
                return weekday_date(first)
            return f"{weekday_date(first, year=first.year != last.year)}, bis {weekday_date(last)}"
        start = self.start
        assert isinstance(start, dt.datetime)
        end = self.end
        if end is None:
            return f"{weekday_date(first)}, {clock(start)} Uhr"
        assert isinstance(end, dt.datetime)
        if first == last:
            return f"{weekday_date(first)}, {clock(start)}–{clock(end)} Uhr"
        return f"{weekday_date(first)}, {clock(start)} Uhr, bis {weekday_date(last)}, {clock(end)} Uhr"

    def short(self) -> str:
        """For cards: „27. Oktober 2026, 16:00 Uhr“, „27.–29. Oktober 2026“; a timed event
        over several days keeps its days: „17.–18. September 2026, ab 10:00 Uhr“."""
        first, last = self.first_day, self.last_day
        if not self.all_day:
            assert isinstance(self.start, dt.datetime)
            if first == last:
                return f"{german_date(first)}, {clock(self.start)} Uhr"
            return f"{_days(first, last)}, ab {clock(self.start)} Uhr"
        return german_date(first) if first == last else _days(first, last)

    def utc_start(self) -> dt.datetime:
        """The start as a UTC moment (an all-day event starts at midnight in Berlin), to sort by."""
        start = self.start
        if not isinstance(start, dt.datetime):
            start = dt.datetime.combine(start, dt.time(), tzinfo=BERLIN)
        return start.astimezone(dt.UTC)

    def iso_start(self) -> str:
        """For ``<time datetime>`` and JSON-LD: ``2026-10-27T16:00:00+01:00`` or ``2026-10-27``."""
        return self.start.isoformat()

    def iso_end(self) -> str:
        return (self.end or self.start).isoformat()


def _days(first: dt.date, last: dt.date) -> str:
    """„27.–29. Oktober 2026“, „30. Oktober – 2. November 2026“, across years in full."""
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}.–{german_date(last)}"
    if first.year == last.year:
        return f"{first.day}. {MONTHS[first.month - 1]} – {german_date(last)}"
    return f"{german_date(first)} – {german_date(last)}"
