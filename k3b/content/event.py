"""Veranstaltung: a date with place or online, ``docs/veranstaltungen/<slug>.md``.

Listed at ``/veranstaltungen/``: coming events soonest first, then past ones newest first;
"coming" is relative to the build date (``K3B_TODAY``). Every event has an ``.ics`` file, and
the site has calendars to subscribe to: all events, one per topic, one per series (whose page
lists its dates).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from html import escape
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from .. import fields as f
from ..frontmatter import FrontMatter
from ..ical import CalendarEvent, calendar_bytes
from ..render import relative_url
from ..search.facets import SearchFacets
from ..slugs import slugify
from ..timespan import MomentError, Span, read_moment
from .base import ContentItem, ContentType, Listing, Unfinished, agent, publisher, site_root
from .documentation import Documentation, check_documentation, documentation_link, read_documentation

if TYPE_CHECKING:
    from ..generated import Planner
    from ..site import Site

SERIES = "reihe"  # /veranstaltungen/reihe/<series>/
CALENDAR = "veranstaltungen.ics"
CALENDAR_PAST_DAYS = 365  # subscribable calendars keep a year of past events, not all of them
STATUS = {"abgesagt": "EventCancelled", "verschoben": "EventPostponed"}
SCHEMA = "https://schema.org/"


def moment(value: Any, ctx: f.Context) -> dt.date | dt.datetime | None:
    try:
        return read_moment(value)
    except MomentError as error:
        ctx.fail(str(error))
        return None


@dataclass(frozen=True, slots=True)
class EventDetails:
    """When and where an event is, and what belongs to it."""

    span: Span
    location: str
    online: bool
    registration: str
    series: str
    speakers: tuple[str, ...]
    documentation: Documentation | None
    status: str  # "", "abgesagt" or "verschoben"
    fictional: bool

    @property
    def place(self) -> str:
        """„Online“, the location, or both."""
        if self.online and self.location:
            return f"Online und vor Ort: {self.location}"
        return "Online" if self.online else self.location

    @property
    def series_slug(self) -> str:
        return slugify(self.series)


def details_of(item: ContentItem) -> EventDetails:
    return item.details


class Event(ContentType):
    name = "veranstaltungen"
    label = "Veranstaltung"
    plural = "Veranstaltungen"
    fields = (
        f.FieldSpec("title", f.text, help="Name der Veranstaltung, wie er auf der Seite, in Listen und im "
                    "Kalender steht."),
        f.FieldSpec("start", moment, help="Beginn in deutscher Ortszeit, z. B. „2026-10-27 16:00“; nur ein "
                    "Datum („2026-10-27“) heißt ganztägig."),
        f.FieldSpec("end", moment, required=False, help="Ende, wie „start“ geschrieben (beide mit Uhrzeit "
                    "oder beide ganztägig); bei mehrtägigen ganztägigen Terminen der letzte Tag."),
        f.FieldSpec("location", f.text, required=False, help="Ort und Adresse, z. B. „Bürgerhaus, "
                    "Dorfstraße 3, 39999 Ebereschenhain“. Fehlt er, braucht es „online: true“."),
        f.FieldSpec("online", f.flag, required=False, help="„true“, wenn die Veranstaltung online "
                    "stattfindet (mit „location“ zusammen: vor Ort und online)."),
        f.FieldSpec("registration", f.http_url, required=False, help="Optional: Adresse der Anmeldung, "
                    "beginnt mit https://. Nach dem Termin wird sie nicht mehr gezeigt."),
        f.FieldSpec("series", f.text, required=False, help="Optional: Name der Reihe, z. B. „Konfliktdialog "
                    "online“; jede Reihe bekommt eine Seite mit allen Terminen."),
        f.FieldSpec("speakers", f.names, required=False, help="Optional: wer spricht oder moderiert, eine "
                    "Zeile pro Person mit „- “ davor."),
        f.FieldSpec("summary", f.summary, help=f"Ein bis zwei Sätze (höchstens {f.SUMMARY_MAX} Zeichen) für "
                    "Listen, Kalender und Suchmaschinen."),
        f.FieldSpec("topics", f.topics, required=False, help="Themen aus data/themen.yml, eine Zeile pro "
                    "Thema; fehlt das Feld, erkennt der Build sie aus dem Text."),
        f.FieldSpec("documentation", read_documentation, required=False, help="Nach der Veranstaltung: der "
                    "BibTeX-Schlüssel einer Publikation oder der Pfad einer Seite, z. B. "
                    "„artikel/rueckblick.md“."),
        f.FieldSpec("status", f.choice(tuple(STATUS), "r Status"), required=False, help="Optional: "
                    "„abgesagt“ oder „verschoben“; sonst weglassen."),
        f.FieldSpec("project", f.reference, required=False, help=f.PROJECT_HELP),
        f.FieldSpec("fictional", f.flag, required=False, help="„true“ für erfundene Beispiele; sie werden "
                    "als „Fiktives Beispiel“ gekennzeichnet."),
    )
    hub_heading = "Nächste Veranstaltungen"
    hub_order = 25
    in_year_chart = False
    empty_text = "Zurzeit sind keine Veranstaltungen angekündigt."

    # --- validation ---------------------------------------------------------------------

    def check(self, values: dict[str, Any], fm: FrontMatter, context: f.Context) -> None:
        start, end = values.get("start"), values.get("end")
        where = context.problems.add
        if start is not None and end is not None:
            timed = isinstance(start, dt.datetime), isinstance(end, dt.datetime)
            if timed[0] != timed[1]:
                where(context.path, fm.line_of("end"), "„start“ und „end“ brauchen beide eine Uhrzeit "
                      "oder sind beide nur ein Datum (ganztägig)")
            elif end < start:
                where(context.path, fm.line_of("end"), f"„end“ ({_plain(end)}) liegt vor dem Beginn "
                      f"„start“ ({_plain(start)})")
            elif timed[0] and end == start:
                where(context.path, fm.line_of("end"), f"„end“ ({_plain(end)}) ist der Beginn selbst – "
                      "bitte die Uhrzeit des Endes eintragen oder „end“ weglassen")
        if "location" not in fm.data and "online" not in fm.data:
            where(context.path, 1, "Ort fehlt – bitte „location“ (Ort und Adresse) oder „online: true“ "
                  "angeben")
        else:
            # A field that could not be read was reported by itself.
            unreadable = any(values.get(k) is None and fm.data.get(k) not in (None, "")
                             for k in ("online", "location"))
            if not unreadable and not values.get("online") and not values.get("location"):
                where(context.path, fm.line_of("online"), "„online: false“ braucht einen Ort in „location“")

    def details(self, values: dict[str, Any]) -> EventDetails:
        return EventDetails(
            span=Span(values["start"], values.get("end")), location=values.get("location") or "",
            online=bool(values.get("online")), registration=values.get("registration") or "",
            series=values.get("series") or "", speakers=values.get("speakers") or (),
            documentation=values.get("documentation"), status=values.get("status") or "",
            fictional=bool(values.get("fictional")))

    def date_of(self, values: dict[str, Any]) -> dt.date | None:
        start = values.get("start")
        return start.date() if isinstance(start, dt.datetime) else start

    def check_site(self, item: ContentItem, site: Site, context: f.Context) -> None:
        event = details_of(item)
        if event.documentation is not None:
            check_documentation(event.documentation, site, context.path, item.line_of("documentation"),
                                context.problems)

    def check_unfinished(self, page: Unfinished, site: Site, context: f.Context) -> None:
        if page.values.get("documentation") is not None:
            check_documentation(page.values["documentation"], site, context.path,
                                page.line_of("documentation"), context.problems)

    # --- order ----------------------------------------------------------------------------

    def is_past(self, item: ContentItem, today: dt.date) -> bool:
        return details_of(item).span.last_day < today

    def ordered(self, items: Sequence[ContentItem], today: dt.date) -> list[ContentItem]:
        """Coming events soonest first (a running one counts as coming), then past ones
        newest first."""
        def key(item: ContentItem) -> tuple:
            return (details_of(item).span.utc_start(), item.title.casefold(), item.src_path)
        coming = sorted((i for i in items if not self.is_past(i, today)), key=key)
        past = sorted((i for i in items if self.is_past(i, today)), key=key)
        return coming + past[::-1]

    def group(self, item: ContentItem, today: dt.date) -> str:
        return "Vergangene Veranstaltungen" if self.is_past(item, today) else "Kommende Veranstaltungen"

    def shortlist(self, items: Sequence[ContentItem], today: dt.date) -> list[ContentItem]:
        return [i for i in items if not self.is_past(i, today)]

    # --- presentation ---------------------------------------------------------------------

    def meta_parts(self, item: ContentItem) -> list[str]:
        event = details_of(item)
        place = event.location.split(",")[0]
        place = f"{place} und online" if event.online and place else place or "Online"
        parts = [f'<time datetime="{event.span.iso_start()}">{escape(event.span.short())}</time>',
                 escape(self.label), escape(place)]
        if event.status:
            parts.append(f'<span class="k3b-event-status">{escape(event.status.capitalize())}</span>')
        if event.fictional:
            parts.append('<span class="k3b-fictional">Fiktives Beispiel</span>')
        return parts

    def hub_links(self, topic_slug: str, page_url: str) -> str:
        href = escape(relative_url(page_url, f"themen/{topic_slug}/{CALENDAR}"))
        return (f'<p><a class="k3b-calendar-link" href="{href}">Veranstaltungen zum Thema als Kalender '
                "abonnieren (iCalendar)</a></p>")

    def search_facets(self, item: ContentItem) -> SearchFacets | None:
        """Found by its day (the Jahr facet is its year), shown with date, time and place."""
        facets = super().search_facets(item)
        event = details_of(item)
        return None if facets is None else replace(facets, date_label=event.span.short(), place=event.place)

    def feed_summary(self, item: ContentItem) -> str:
        event = details_of(item)
        return f"{event.span.german()}, {event.place}. {item.summary}"

    def facts_html(self, item: ContentItem, site: Site, page_url: str) -> str:
        event = details_of(item)
        past = self.is_past(item, site.index.today)
        rows = [("Wann", f'<time datetime="{event.span.iso_start()}">{escape(event.span.german())}</time>'),
                ("Wo", escape(event.place))]
        if event.series:
            href = escape(relative_url(page_url, series_url(event.series_slug)))
            rows.append(("Reihe", f'<a href="{href}">{escape(event.series)}</a>'))
        if event.speakers:
            rows.append(("Mit", escape(", ".join(event.speakers))))
        if event.registration and not past and not event.status:
            href = escape(event.registration, quote=True)
            rows.append(("Anmeldung", f'<a href="{href}">Zur Anmeldung</a>'))
        if event.documentation is not None:
            rows.append(("Dokumentation", documentation_link(event.documentation, site, page_url)))
        body = "".join(f'<tr><th scope="row">{k}</th><td>{v}</td></tr>' for k, v in rows)
        note = ""
        if event.status == "abgesagt":
            note = '<p class="k3b-event-note">Diese Veranstaltung ist abgesagt.</p>'
        elif event.status == "verschoben":
            note = '<p class="k3b-event-note">Diese Veranstaltung ist verschoben; der neue Termin folgt.</p>'
        elif past:
            note = '<p class="k3b-event-note">Diese Veranstaltung hat bereits stattgefunden.</p>'
        slug = item.url.rstrip("/").rsplit("/", 1)[-1]
        calendar = (f'<p><a class="md-button" href="{escape(slug)}.ics" download>'
                    "In den Kalender eintragen (.ics)</a></p>")
        return (f'{note}<table class="k3b-facts"><caption>Die Veranstaltung</caption><tbody>{body}</tbody>'
                f"</table>{calendar}")

    def jsonld(self, item: ContentItem, site: Site, url: str) -> dict[str, Any] | None:
        event = details_of(item)
        if event.fictional:  # search engines would announce a made-up event as a real one
            return None
        root = site_root(item, url)
        mode = "Mixed" if event.online and event.location else "Online" if event.online else "Offline"
        places: list[dict[str, Any]] = []
        if event.location:
            places.append(place_jsonld(event.location))
        if event.online:
            places.append({"@type": "VirtualLocation", "url": event.registration or url})
        data: dict[str, Any] = {
            "@context": "https://schema.org", "@type": "Event", "name": item.title,
            "description": item.summary,
            "startDate": event.span.iso_start(), "endDate": event.span.iso_end(),
            "eventAttendanceMode": f"{SCHEMA}{mode}EventAttendanceMode",
            "eventStatus": SCHEMA + STATUS.get(event.status, "EventScheduled"),
            "location": places[0] if len(places) == 1 else places,
            "organizer": publisher(root), "url": url, "inLanguage": "de",
        }
        if event.speakers:
            data["performer"] = [agent(name) for name in event.speakers]
        if event.series:
            data["superEvent"] = {"@type": "EventSeries", "name": event.series,
                                  "url": root + series_url(event.series_slug)}
        if event.registration:
            data["offers"] = {"@type": "Offer", "url": event.registration}
        labels = [t.label for t in map(site.vocabulary.by_slug, item.topics) if t is not None]
        if labels:
            data["keywords"] = labels
        return data

    # --- calendars and series pages -------------------------------------------------------

    def plan(self, site: Site, planner: Planner) -> None:
        events = site.index.of_kind(self)
        host = urlsplit(planner.site_url).hostname or "k3b"
        entries = {item.src_path: calendar_event(item, site, planner.site_url, host) for item in events}
        for item in events:
            slug = item.url.rstrip("/").rsplit("/", 1)[-1]
            planner.file(f"{item.url}{slug}.ics", calendar_bytes([entries[item.src_path]], item.title))
        today = site.index.today
        since = today - dt.timedelta(CALENDAR_PAST_DAYS)
        recent = [i for i in events if details_of(i).span.last_day >= since]
        planner.file(CALENDAR, calendar_bytes(
            (entries[i.src_path] for i in recent), f"Veranstaltungen – {planner.site_name}",
            "Veranstaltungen des K3B", subscription=True))
        for topic in site.vocabulary.topics:
            chosen = (entries[i.src_path] for i in recent if topic.slug in i.topics)
            planner.file(f"themen/{topic.slug}/{CALENDAR}", calendar_bytes(
                chosen, f"{topic.label} – Veranstaltungen – {planner.site_name}",
                f"Veranstaltungen des K3B zum Thema {topic.label}", subscription=True))
        for slug, (series, members) in _series(events).items():
            planner.file(f"{series_url(slug)}{CALENDAR}", calendar_bytes(
                [entries[i.src_path] for i in members], f"{series} – {planner.site_name}",
                f"Alle Termine der Reihe {series}", subscription=True))

    def listings(self, site: Site) -> list[Listing]:
        """A page per series with all its dates, coming and past."""
        result = []
        for slug, (series, members) in _series(site.index.of_kind(self)).items():
            base = series_url(slug)

            def intro(page_url: str, base=base, series=series) -> str:
                href = escape(relative_url(page_url, f"{base}{CALENDAR}"))
                all_events = escape(relative_url(page_url, f"{self.name}/"))
                return (f'<p>Alle Termine der Veranstaltungsreihe „{escape(series)}“. '
                        f'<a href="{all_events}">Alle Veranstaltungen</a></p>'
                        f'<p><a class="k3b-calendar-link" href="{href}">Reihe als Kalender abonnieren '
                        "(iCalendar)</a></p>")
            result.append(Listing(base, series, f"Alle Termine der Veranstaltungsreihe „{series}“.",
                                  members, intro))
        return result


_POSTCODE = re.compile(r"^(\d{5})\s+(\S.*)$")


def place_jsonld(location: str) -> dict[str, Any]:
    """A ``Place`` from „Name, (Raum,) Straße 3, 39999 Ort“: a ``PostalAddress`` when a German
    postcode leads the last part (as search engines want it), else the text as written."""
    parts = [part.strip() for part in location.split(",") if part.strip()]
    found = _POSTCODE.match(parts[-1]) if len(parts) >= 2 else None
    if found is None:
        name, _, address = (part.strip() for part in location.partition(","))
        return {"@type": "Place", "name": name, "address": address or name}
    street = parts[-2] if len(parts) >= 3 else ""
    address = {"@type": "PostalAddress", "streetAddress": street, "postalCode": found.group(1),
               "addressLocality": found.group(2), "addressCountry": "DE"}
    if not street:
        del address["streetAddress"]
    return {"@type": "Place", "name": ", ".join(parts[:-2] if street else parts[:-1]), "address": address}


def series_url(slug: str) -> str:
    return f"veranstaltungen/{SERIES}/{slug}/"


def _series(events: list[ContentItem]) -> dict[str, tuple[str, list[ContentItem]]]:
    """Series slug → (its name as first written, its events in listing order)."""
    found: dict[str, tuple[str, list[ContentItem]]] = {}
    for item in events:
        event = details_of(item)
        if event.series:
            found.setdefault(event.series_slug, (event.series, []))[1].append(item)
    return found


def calendar_event(item: ContentItem, site: Site, root: str, host: str) -> CalendarEvent:
    event = details_of(item)
    url = root + item.url
    lines = [item.summary]
    if event.speakers:
        lines.append("Mit: " + ", ".join(event.speakers))
    if event.registration:
        lines.append("Anmeldung: " + event.registration)
    if event.fictional:
        lines.append("Fiktives Beispiel.")
    lines.append(url)
    labels = tuple(t.label for t in map(site.vocabulary.by_slug, item.topics) if t is not None)
    slug = item.url.rstrip("/").rsplit("/", 1)[-1]
    return CalendarEvent(uid=f"veranstaltung-{slug}@{host}", span=event.span, title=item.title, url=url,
                         description="\n\n".join(lines), location=event.place, categories=labels,
                         cancelled=event.status == "abgesagt")


def _plain(value: dt.date | dt.datetime) -> str:
    return f"{value:%Y-%m-%d %H:%M}" if isinstance(value, dt.datetime) else value.isoformat()


EVENT = Event()
