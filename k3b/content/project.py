"""Projekt: a funded project, ``docs/projekte/<slug>.md`` → ``/projekte/<slug>/``.

Articles, case studies and events name their project with ``project: <slug>``, publications
with a BibTeX field ``project = {slug}``. The project page lists everything that belongs to
it, by type, newest first; every item of a project shows its funders' notice and logos, as
funders require. Logos are local files below ``docs/``, never links to other servers.
"""

from __future__ import annotations

import datetime as dt
import difflib
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass, replace
from html import escape
from typing import TYPE_CHECKING, Any

from .. import fields as f
from ..frontmatter import FrontMatter
from ..regions import BUNDESLAENDER
from ..render import MONTHS, relative_url
from ..search.facets import SearchFacets
from ..slugs import slugify
from .base import ContentItem, ContentType, Listing, Unfinished, newest_first, publisher, site_root
from .card import item_list, publication_card

if TYPE_CHECKING:
    from ..problems import ProblemList
    from ..site import Site

FOLDER = "projekte"
LOGO_TYPES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif")
FUNDER_KEYS = ("name", "programme", "logo", "logo_alt", "notice")
MEMBERS_SHOWN = 10  # per type on the project page; the rest on the type's listing of the project
PUBLICATIONS_SHOWN = 20  # the newest; the page does not grow with a project's publications


@dataclass(frozen=True, slots=True)
class Funder:
    name: str
    programme: str = ""
    logo: str = ""  # a path below docs/ ("projekte/bilder/stiftung.svg")
    logo_alt: str = ""
    notice: str = ""  # the funding notice the funder requires
    logo_line: int = 1


@dataclass(frozen=True, slots=True)
class ProjectDetails:
    start: dt.date
    end: dt.date | None
    lead: tuple[str, ...]
    funders: tuple[Funder, ...]
    partners: tuple[str, ...]
    bundeslaender: tuple[str, ...]
    fictional: bool

    def running(self, today: dt.date) -> bool:
        return self.end is None or self.end >= today

    def period(self) -> str:
        """„seit März 2024“ or „März 2022 – Februar 2024“."""
        def month(day: dt.date) -> str:
            return f"{MONTHS[day.month - 1]} {day.year}"
        return f"seit {month(self.start)}" if self.end is None else f"{month(self.start)} – {month(self.end)}"


def funders(value: Any, ctx: f.Context) -> tuple[Funder, ...] | None:
    """A list of funders, each with ``name`` and optional ``programme``, ``logo`` (a local
    image, then with ``logo_alt``) and ``notice``. After a problem, the funders that could be
    read (the page is refused anyway; the checks against the site still look at their logos)."""
    if not isinstance(value, list):
        ctx.fail("muss eine Liste sein, jeder Eintrag mit „- name: …“")
        return None
    found, ok = [], True
    for number, entry in enumerate(value):
        here = ctx.item(number)
        if not isinstance(entry, dict):
            here.fail("muss „name:“ und optional „programme:“, „logo:“, „logo_alt:“, „notice:“ haben")
            ok = False
            continue
        for key in entry:
            if key not in FUNDER_KEYS:
                close = difflib.get_close_matches(str(key), FUNDER_KEYS, n=1, cutoff=0.6)
                hint = f" – meinten Sie „{close[0]}“?" if close else " – erlaubt: " + ", ".join(FUNDER_KEYS)
                ctx.item(number, str(key)).fail(f"unbekanntes Feld{hint}")
                ok = False
        texts = {k: f.text(entry[k], ctx.item(number, k))
                 for k in FUNDER_KEYS if entry.get(k) not in (None, "")}
        if any(v is None for v in texts.values()):
            ok = False
            continue
        if not texts.get("name"):
            here.fail("„name“ fehlt")
            ok = False
        logo = _logo_path(texts.get("logo", ""), ctx.item(number, "logo"))
        if texts.get("logo") and logo is None:
            ok = False
        if logo and not texts.get("logo_alt"):
            ctx.item(number, "logo").fail("ein Logo braucht „logo_alt“: der Text, den Screenreader vorlesen "
                                          "(z. B. „Logo der Stiftung Gemeinsinn“)")
            ok = False
        found.append(Funder(texts.get("name", ""), texts.get("programme", ""), logo or "",
                            texts.get("logo_alt", ""), texts.get("notice", ""),
                            ctx.item(number, "logo").line))
    return tuple(found) if ok or found else None


def _logo_path(raw: str, ctx: f.Context) -> str | None:
    """``bilder/x.svg`` next to the page, or ``/bilder/x.svg`` from ``docs/``, as a docs path."""
    if not raw:
        return ""
    if "://" in raw or raw.startswith("//"):
        ctx.fail(f"„{raw}“ ist ein Link – das Logo muss eine Datei unter docs/ sein (die Seite lädt "
                 "nichts von fremden Servern)")
        return None
    if not raw.lower().endswith(LOGO_TYPES):
        ctx.fail(f"„{raw}“ ist kein Bild – erlaubt: " + ", ".join(LOGO_TYPES))
        return None
    path = posixpath.normpath(raw[1:] if raw.startswith("/") else f"{FOLDER}/{raw}")
    if path.startswith(".."):
        ctx.fail(f"„{raw}“ liegt außerhalb von docs/")
        return None
    return path


def bundeslaender(value: Any, ctx: f.Context) -> tuple[str, ...] | None:
    names = f.text_list(value, ctx)
    if names is None:
        return None
    # Each Land at its own line: a list item's, or the key's for „bundeslaender: Sachsen“.
    written = [(str(raw).strip(), ctx.item(number)) for number, raw in enumerate(value)] \
        if isinstance(value, list) else [(name, ctx) for name in names]
    chosen = [f.match_choice(name, BUNDESLAENDER, "s Bundesland", at) for name, at in written if name]
    return None if None in chosen else tuple(dict.fromkeys(chosen))  # type: ignore[arg-type]


def details_of(item: ContentItem) -> ProjectDetails:
    return item.details


class Project(ContentType):
    name = FOLDER
    label = "Projekt"
    plural = "Projekte"
    fields = (
        f.FieldSpec("title", f.text, help="Name des Projekts."),
        f.FieldSpec("start", f.date, help="Beginn des Projekts als JJJJ-MM-TT."),
        f.FieldSpec("end", f.date, required=False, help="Ende als JJJJ-MM-TT; weglassen, solange offen ist, "
                    "wann es endet. Nach diesem Tag gilt das Projekt als abgeschlossen."),
        f.FieldSpec("lead", f.names, help="Projektleitung: eine Zeile pro Person mit „- “ davor."),
        f.FieldSpec("funders", funders, help="Förderer, je Eintrag „- name: …“, optional „programme:“ "
                    "(Förderprogramm), „logo:“ (Bilddatei neben der Seite, z. B. „bilder/stiftung.svg“, mit "
                    "„logo_alt:“) und „notice:“ (der vorgeschriebene Fördervermerk)."),
        f.FieldSpec("partners", f.names, required=False, help="Optional: Partner, z. B. Kommunen, eine Zeile "
                    "pro Partner."),
        f.FieldSpec("bundeslaender", bundeslaender, required=False, help="Optional: die Länder, in denen "
                    "das Projekt arbeitet, eine Zeile pro Land (z. B. „- Sachsen-Anhalt“)."),
        f.FieldSpec("summary", f.summary, help=f"Ein bis zwei Sätze (höchstens {f.SUMMARY_MAX} Zeichen) für "
                    "Listen und Suchmaschinen."),
        f.FieldSpec("topics", f.topics, required=False, help="Themen aus data/themen.yml, eine Zeile pro "
                    "Thema; fehlt das Feld, erkennt der Build sie aus dem Text."),
        f.FieldSpec("fictional", f.flag, required=False, help="„true“ für erfundene Beispiele; sie werden "
                    "als „Fiktives Beispiel“ gekennzeichnet."),
    )
    hub_heading = "Projekte"
    hub_order = 40
    in_year_chart = False

    def check(self, values: dict[str, Any], fm: FrontMatter, context: f.Context) -> None:
        if values.get("end") and values.get("start") and values["end"] < values["start"]:
            context.problems.add(context.path, fm.line_of("end"),
                                 f"„end“ ({values['end']}) liegt vor dem Beginn „start“ ({values['start']})")

    def details(self, values: dict[str, Any]) -> ProjectDetails:
        return ProjectDetails(values["start"], values.get("end"), values["lead"], values["funders"],
                              values.get("partners") or (), values.get("bundeslaender") or (),
                              bool(values.get("fictional")))

    def date_of(self, values: dict[str, Any]) -> dt.date | None:
        return values.get("start")

    def files_shown(self, item: ContentItem) -> tuple[str, ...]:
        return tuple(funder.logo for funder in details_of(item).funders if funder.logo)

    def check_site(self, item: ContentItem, site: Site, context: f.Context) -> None:
        _check_logos(details_of(item).funders, site, context)

    def check_unfinished(self, page: Unfinished, site: Site, context: f.Context) -> None:
        _check_logos(page.values.get("funders") or (), site, context)

    def check_collected(self, site: Site, problems: ProblemList, displays: dict[str, str]) -> None:
        """Every ``project:`` and BibTeX ``project`` names a project; who belongs to whom."""
        projects = {slug_of(i): i for i in site.index.of_kind(self)}
        # Project files with problems of their own are reported there, not at every reference.
        files = {path[len(FOLDER) + 1:-3] for path in site.files
                 if path.startswith(f"{FOLDER}/") and path.endswith(".md") and path.count("/") == 1
                 and path != f"{FOLDER}/index.md"}  # the listing is no project
        members: dict[str, list[ContentItem]] = {}
        for item in site.index.content():
            if item.project in projects:
                members.setdefault(item.project, []).append(item)
            elif item.project and item.project not in files:
                problems.add(displays[item.src_path], item.line_of("project"), _unknown(item.project, files))
        for page in site.unfinished.values():  # pages with problems of their own: this one too
            named = page.values.get("project")
            if named and named not in projects and named not in files:
                problems.add(page.display, page.line_of("project"), _unknown(named, files))
        pubs: dict[str, list[str]] = {}
        for pub in site.publications():
            raw = pub.field("project").strip()
            if raw and slugify(raw) in projects:
                pubs.setdefault(slugify(raw), []).append("pub:" + pub.key)
            elif raw and slugify(raw) not in files:
                problems.add(pub.source, pub.line, f"Eintrag „{pub.key}“: {_unknown(raw, files)}")
        site.projects = {slug: tuple(i.src_path for i in newest_first(members.get(slug, [])))
                         + tuple(pubs.get(slug, ())) for slug in projects}

    # --- order and presentation -----------------------------------------------------------

    def ordered(self, items: Sequence[ContentItem], today: dt.date) -> list[ContentItem]:
        """Running projects first (newest start first), then finished ones (latest end first)."""
        running = [i for i in newest_first(items) if details_of(i).running(today)]
        finished = sorted((i for i in newest_first(items) if not details_of(i).running(today)),
                          key=lambda i: details_of(i).end or dt.date.min, reverse=True)
        return running + finished

    def group(self, item: ContentItem, today: dt.date) -> str:
        return "Laufende Projekte" if details_of(item).running(today) else "Abgeschlossene Projekte"

    def meta_parts(self, item: ContentItem) -> list[str]:
        project = details_of(item)
        parts = [f'<time datetime="{project.start.isoformat()}">{escape(project.period())}</time>',
                 escape(self.label)]
        if project.fictional:
            parts.append('<span class="k3b-fictional">Fiktives Beispiel</span>')
        return parts

    def search_facets(self, item: ContentItem) -> SearchFacets | None:
        facets = super().search_facets(item)
        project = details_of(item)
        # Results sort by the start; the label says so (a period would show a later year too).
        start = f"Beginn {MONTHS[project.start.month - 1]} {project.start.year}"
        return None if facets is None else replace(facets, date_label=start)

    def facts_html(self, item: ContentItem, site: Site, page_url: str) -> str:
        project = details_of(item)
        running = project.running(site.index.today)
        rows = [("Zeitraum", project.period()), ("Stand", "läuft" if running else "abgeschlossen"),
                ("Projektleitung", ", ".join(project.lead)),
                ("Gefördert von", "; ".join(_funder_text(x) for x in project.funders))]
        if project.partners:
            rows.append(("Partner", ", ".join(project.partners)))
        if project.bundeslaender:
            rows.append(("Bundesländer", ", ".join(project.bundeslaender)))
        body = "".join(f'<tr><th scope="row">{k}</th><td>{escape(v)}</td></tr>' for k, v in rows)
        return (f'<table class="k3b-facts"><caption>Steckbrief des Projekts</caption><tbody>{body}'
                "</tbody></table>")

    def footer_html(self, item: ContentItem, site: Site, page_url: str) -> str:
        """The funders with logos and notices, then everything that belongs to the project:
        a listing, left out of the search like a hub's lists (each item is found itself)."""
        ids = site.projects.get(slug_of(item), ())
        funding = _funding_html(details_of(item), page_url, "Förderung")
        parts = ['<div class="k3b-project-members" data-pagefind-ignore>',
                 '<h2 id="zum-projekt">Zum Projekt gehören</h2>']
        if not ids:
            parts.append('<p class="k3b-empty">Noch keine Einträge.</p>')
        for kind, chosen in members_by_type(site, ids):
            if chosen:
                parts.append(f'<h3 id="projekt-{kind.name}">{escape(kind.plural)} ({len(chosen)})</h3>')
                parts.append(item_list(chosen[:MEMBERS_SHOWN], site.vocabulary, page_url, 4))
                if len(chosen) > MEMBERS_SHOWN:
                    href = escape(relative_url(page_url, f"{item.url}{kind.name}/"))
                    parts.append(f'<p><a class="k3b-more" href="{href}">Alle {escape(kind.plural)} des '
                                 f"Projekts anzeigen ({len(chosen)})</a></p>")
        pubs = [p for p in (site.bibliography.get(i[4:]) for i in ids if i.startswith("pub:")) if p]
        if pubs:
            cards = "".join(publication_card(p, page_url, site.publication_url(p))
                            for p in pubs[:PUBLICATIONS_SHOWN])
            parts.append(f'<h3 id="projekt-publikationen">Publikationen ({len(pubs)})</h3>'
                         f'<ul class="k3b-pubs">{cards}</ul>')
            if len(pubs) > PUBLICATIONS_SHOWN:
                parts.append(f'<p class="k3b-more">… und {len(pubs) - PUBLICATIONS_SHOWN} weitere '
                             "Publikationen des Projekts.</p>")
        parts.append("</div>")
        return funding + "\n" + "\n".join(parts)

    def jsonld(self, item: ContentItem, site: Site, url: str) -> dict[str, Any] | None:
        project = details_of(item)
        if project.fictional:  # no structured data that presents a made-up project as real
            return None
        data: dict[str, Any] = {
            "@context": "https://schema.org", "@type": "Project", "name": item.title,
            "description": item.summary,
            "url": url, "foundingDate": project.start.isoformat(),
            "parentOrganization": publisher(site_root(item, url)),
            "funder": [{"@type": "Organization", "name": x.name} for x in project.funders],
        }
        if project.end:
            data["dissolutionDate"] = project.end.isoformat()
        if project.partners:
            data["member"] = [{"@type": "Organization", "name": name} for name in project.partners]
        if project.bundeslaender:
            data["areaServed"] = [{"@type": "AdministrativeArea", "name": name}
                                  for name in project.bundeslaender]
        return data

    def listings(self, site: Site) -> list[Listing]:
        """A listing per type for projects with more items than their page shows."""
        result = []
        for item in site.index.of_kind(self):
            for kind, chosen in members_by_type(site, site.projects.get(slug_of(item), ())):
                if len(chosen) > MEMBERS_SHOWN:
                    title = f"{kind.plural} des Projekts {item.title}"
                    result.append(Listing(f"{item.url}{kind.name}/", title, f"Alle {title}.", chosen,
                                          group=lambda member: ""))
        return result


def members_by_type(site: Site, ids: Sequence[str]) -> list[tuple[ContentType, list[ContentItem]]]:
    """The items among ``ids`` by type (in the order of hubs), each newest first."""
    items = [site.index.items[i] for i in ids if i in site.index.items]
    kinds = sorted({i.kind for i in items}, key=lambda k: k.hub_order)
    return [(kind, [i for i in items if i.kind is kind]) for kind in kinds]


def slug_of(item: ContentItem) -> str:
    return item.src_path.rsplit("/", 1)[-1].removesuffix(".md")


def _check_logos(funders, site: Site, context: f.Context) -> None:
    for funder in funders:
        if funder.logo and funder.logo not in site.files:
            context.problems.add(context.path, funder.logo_line,
                                 f"Logo „{funder.logo}“ gibt es nicht (Pfad unter docs/)")


def _unknown(slug: str, projects: set[str]) -> str:
    close = difflib.get_close_matches(slugify(slug), sorted(projects), n=1, cutoff=0.6)
    if close:
        hint = f" – meinten Sie „{close[0]}“?"
    else:
        hint = " – erlaubt: " + ", ".join(sorted(projects)) if projects else " – es gibt noch keine Projekte"
    return f"unbekanntes Projekt „{slug}“{hint} (der Dateiname unter docs/{FOLDER}/ ohne „.md“)"


def _funder_text(funder: Funder) -> str:
    return f"{funder.name}, {funder.programme}" if funder.programme else funder.name


def _funding_html(project: ProjectDetails, page_url: str, heading: str, intro: str = "") -> str:
    """The funders' logos (local files, with alt text) and the notices they require."""
    logos = "".join(
        f'<li><img src="{escape(relative_url(page_url, x.logo))}" alt="{escape(x.logo_alt, quote=True)}" '
        f'height="64" loading="lazy" decoding="async"></li>' for x in project.funders if x.logo)
    notices = "".join(f"<p>{escape(x.notice or f'Gefördert von {_funder_text(x)}.')}</p>"
                      for x in project.funders)
    logos = f'<ul class="k3b-logos">{logos}</ul>' if logos else ""
    return (f'<section class="k3b-funding" aria-labelledby="foerderung"><h2 id="foerderung">{heading}</h2>'
            f"{intro}{notices}{logos}</section>")


def project_notice(site: Site, slug: str, page_url: str) -> str:
    """On an item or publication of a project: which project, and its funders' notice and logos."""
    if not slug:
        return ""
    item = site.index.get(f"{FOLDER}/{slugify(slug)}.md")
    if item is None or item.kind is not PROJECT:
        return ""
    href = escape(relative_url(page_url, item.url))
    intro = f'<p>Entstanden im Projekt <a href="{href}">{escape(item.title)}</a>.</p>'
    return _funding_html(details_of(item), page_url, "Projekt und Förderung", intro)


PROJECT = Project()
