"""What documents an event afterwards: a publication (its BibTeX key) or a page of the site.

Staff write ``documentation: mueller2026tagung`` (or ``@mueller2026tagung``) for a
publication, ``documentation: artikel/rueckblick.md`` (also ``/artikel/rueckblick/``) for a
page. Whether it exists is checked once every page and entry is known.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING, Any

from ..fields import Context, text
from ..problems import ProblemList
from ..render import relative_url

if TYPE_CHECKING:
    from ..site import Site


@dataclass(frozen=True, slots=True)
class Documentation:
    target: str  # a BibTeX key, or a page's path below docs/ ("artikel/x.md")
    is_page: bool


def read_documentation(value: Any, ctx: Context) -> Documentation | None:
    raw = text(value, ctx)
    if raw is None:
        return None
    raw = raw.strip().removeprefix("@")
    if "://" in raw or raw.startswith(("//", "www.")):
        ctx.fail(f"„{raw}“ ist eine Adresse im Netz – „documentation“ nennt eine Publikation (ihren "
                 "BibTeX-Schlüssel; ein Eintrag kann mit „url“ auf andere Websites verweisen) oder eine "
                 "Seite dieser Website wie „artikel/rueckblick.md“")
        return None
    if "/" not in raw and not raw.endswith(".md"):
        return Documentation(raw, is_page=False)
    path = raw.strip("/").removeprefix("docs/")
    if path.startswith("publikationen/") and path.count("/") == 1:
        return Documentation(path.split("/", 1)[1], is_page=False)
    if not path.endswith(".md"):
        path = path + ".md"
    return Documentation(path, is_page=True)


def _page(doc: Documentation, site: Site):
    return site.index.get(doc.target) or site.index.get(doc.target.removesuffix(".md") + "/index.md")


def _publication(doc: Documentation, site: Site):
    return site.bibliography.get(doc.target) or next(
        (p for p in site.bibliography.entries.values() if p.slug == doc.target), None)


def check_documentation(doc: Documentation, site: Site, path: str, line: int, problems: ProblemList) -> None:
    found = _page(doc, site) if doc.is_page else _publication(doc, site)
    if found is not None:
        return
    if doc.is_page:
        source = next((s for s in (doc.target, doc.target.removesuffix(".md") + "/index.md")
                       if s in site.sources), None)
        held = site.withheld.get(source or "")
        if held is not None:
            problems.add(path, line, f"Feld „documentation“ führt auf {held.reason()} – im veröffentlichten "
                         "Build fehlt diese Seite; erst eintragen, wenn sie veröffentlicht ist")
        if source is not None:
            return  # withheld, or with problems of its own that are reported there
    # Suggest texts, not listings: „artikel/index.md“ is close to many a mistyped article.
    options = [path for path in site.index.items if not path.endswith("index.md")] if doc.is_page \
        else list(site.bibliography.entries)
    close = difflib.get_close_matches(doc.target, options, n=1, cutoff=0.6)
    hint = f" – meinten Sie „{close[0]}“?" if close else (
        " (erlaubt: ein BibTeX-Schlüssel oder der Pfad einer Seite wie „artikel/rueckblick.md“)")
    what = "keine Seite" if doc.is_page else "keine Publikation mit dem Schlüssel"
    problems.add(path, line, f"Feld „documentation“: {what} „{doc.target}“{hint}")


def documentation_link(doc: Documentation, site: Site, page_url: str) -> str:
    if doc.is_page:
        page = _page(doc, site)
        url, title = (page.url, page.title) if page is not None else ("", doc.target)
    else:
        pub = _publication(doc, site)
        url, title = (site.publication_url(pub), pub.title) if pub is not None else ("", doc.target)
    if not url:
        return escape(title)
    return f'<a href="{escape(relative_url(page_url, url))}">{escape(title)}</a>'
