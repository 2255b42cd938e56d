"""HTML written into Markdown: an allow-list, a German line for everything outside it, and
a sanitiser that removes it from the page in any case.

Markdown lets staff write HTML. A pasted embed code or a careless copy can bring scripts,
event attributes, ``<iframe>``, ``<form>`` or ``<meta http-equiv="refresh">`` (which
redirects every reader, Content-Security-Policy or not). Two steps keep pages inert:

1. ``check_raw_html`` reads the Markdown (code blanked out) and reports each element,
   attribute and link outside ``ALLOWED`` with its line, so staff learn what to change.
2. ``sanitize`` runs nh3 (the Rust library ammonia, maintained, used by PyPI's readme
   renderer) over the HTML that Markdown made of a page, with the same allow-list. It is the
   guarantee: what the first step misses (a parser difference, a preview of a draft with
   problems) is still removed. Our own generated HTML is added after it.

nh3 rather than bleach (deprecated since 2023) or lxml's Cleaner (split off into
lxml-html-clean, block-list based): ammonia parses with html5ever, the parser browsers
follow, so it sees markup as Chromium does.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import nh3

from .masking import masked
from .problems import ProblemList

TAGS = frozenset({
    "a", "abbr", "aside", "audio", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup",
    "dd", "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "picture", "pre", "q", "s", "samp",
    "section", "small", "source", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "time", "tr", "track", "u", "ul", "var", "video", "wbr",
})
GENERIC = frozenset({"class", "id", "title", "lang", "dir", "role"})
ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "name", "hreflang", "download"}),
    "img": frozenset({"src", "alt", "width", "height", "loading", "srcset", "sizes", "decoding"}),
    "audio": frozenset({"src", "controls", "preload", "loop", "muted"}),
    "video": frozenset({"src", "controls", "poster", "width", "height", "preload", "loop", "muted",
                        "playsinline"}),
    "source": frozenset({"src", "srcset", "type", "media", "sizes"}),
    "track": frozenset({"src", "kind", "srclang", "label", "default"}),
    "td": frozenset({"colspan", "rowspan", "headers", "align"}),
    "th": frozenset({"colspan", "rowspan", "headers", "scope", "align", "abbr"}),
    "col": frozenset({"span"}), "colgroup": frozenset({"span"}),
    "ol": frozenset({"start", "reversed", "type"}), "li": frozenset({"value"}),
    "details": frozenset({"open"}), "time": frozenset({"datetime"}),
    "del": frozenset({"datetime", "cite"}), "ins": frozenset({"datetime", "cite"}),
    "q": frozenset({"cite"}), "blockquote": frozenset({"cite"}),
}
URL_ATTRIBUTES = frozenset({"href", "src", "poster", "cite", "srcset"})
SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Elements whose content is no text for readers: removed with what they hold.
DROPPED_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "iframe", "object", "embed",
                                  "textarea", "select", "title", "svg", "math", "xmp", "noembed",
                                  "noframes", "plaintext"})
WHY = {
    "script": "Skripte laufen auf dieser Website nicht – bitte entfernen",
    "iframe": "eingebettete Seiten laden Inhalte von fremden Servern – bitte stattdessen verlinken",
    "object": "eingebettete Inhalte laden Daten von fremden Servern – bitte stattdessen verlinken",
    "embed": "eingebettete Inhalte laden Daten von fremden Servern – bitte stattdessen verlinken",
    "meta": "es verändert die ganze Seite (z. B. eine Weiterleitung auf eine andere Website) – "
            "bitte entfernen",
    "base": "es verändert alle Adressen der Seite – bitte entfernen",
    "link": "es lädt Dateien in die Seite – bitte entfernen",
    "style": "Stile gehören in docs/assets/k3b.css – bitte entfernen",
    "form": "Formulare senden Daten – bitte auf das Formular verlinken",
}
EXPLAIN = "(REDAKTION.md, „HTML im Text“)"
# Markdown's attribute lists, {: onclick="…" } or {: style="…" } after a heading or paragraph.
ATTR_LIST = re.compile(r"\{:?[^{}\n]*?(?<![\w-])(on[a-z]+|style)\s*=", re.IGNORECASE)
AUTOLINK = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>")


def _allowed_attribute(tag: str, name: str) -> bool:
    return name in GENERIC or name.startswith("aria-") or name in ATTRIBUTES.get(tag, ())


def _scheme_problem(value: str) -> str:
    """The refused scheme of a URL attribute's value, or ""."""
    for candidate in (part.strip().split(" ")[0] for part in value.split(",")) if "," in value else [value]:
        compact = re.sub(r"[\x00-\x20]", "", candidate)
        match = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", compact)
        if match and match.group(1).lower() not in SCHEMES:
            return match.group(1).lower()
    return ""


class _Checker(HTMLParser):
    def __init__(self, path: str, first_line: int, problems: ProblemList) -> None:
        super().__init__(convert_charrefs=True)
        self.path, self.first_line, self.problems = path, first_line, problems

    def _add(self, message: str) -> None:
        self.problems.add(self.path, self.getpos()[0] + self.first_line - 1, message)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TAGS:
            why = WHY.get(tag) or ("es wird mit seinem Inhalt entfernt – bitte löschen" if tag in
                                   DROPPED_WITH_CONTENT else "bitte entfernen (der Text darin bleibt stehen)")
            self._add(f"HTML-Element <{tag}> ist nicht erlaubt: {why} {EXPLAIN}")
            return
        for name, value in attrs:
            if name.startswith("on"):
                self._add(f"<{tag}>: das Attribut „{name}“ führt Skripte aus und ist nicht erlaubt – "
                          f"bitte entfernen {EXPLAIN}")
            elif name == "style":
                self._add(f"<{tag}>: das Attribut „style“ ist nicht erlaubt (die Sicherheitsrichtlinie der "
                          "Seite blockiert es) – bitte eine Klasse aus docs/assets/k3b.css verwenden "
                          f"{EXPLAIN}")
            elif not _allowed_attribute(tag, name):
                self._add(f"<{tag}>: das Attribut „{name}“ ist nicht erlaubt – bitte entfernen {EXPLAIN}")
            elif name in URL_ATTRIBUTES and value and (scheme := _scheme_problem(value)):
                self._add(f"<{tag}>: eine Adresse mit „{scheme}:“ ist nicht erlaubt – nur http(s), mailto, "
                          f"tel oder Adressen dieser Website {EXPLAIN}")

    handle_startendtag = handle_starttag


def check_raw_html(markdown: str, path: str, problems: ProblemList, first_line: int = 1) -> None:
    """Report the HTML in ``markdown`` that ``sanitize`` would remove, one line each."""
    if "<" not in markdown and "{" not in markdown:
        return
    text = AUTOLINK.sub(lambda m: " " * len(m.group(0)), masked(markdown))
    for match in ATTR_LIST.finditer(text):
        problems.add(path, first_line + text.count("\n", 0, match.start()),
                     f"das Attribut „{match.group(1).lower()}“ in „{{: …}}“ ist nicht erlaubt – "
                     f"bitte entfernen {EXPLAIN}")
    if "<" not in text:
        return
    checker = _Checker(path, first_line, problems)
    checker.feed(text)
    checker.close()


_CLEAN = dict(
    tags=set(TAGS),
    attributes={tag: set(names) | set(GENERIC) for tag, names in ATTRIBUTES.items()} | {"*": set(GENERIC)},
    generic_attribute_prefixes={"aria-"},
    url_schemes=set(SCHEMES),
    clean_content_tags=set(DROPPED_WITH_CONTENT),
    link_rel=None,
    strip_comments=True,
)


def sanitize(html: str) -> str:
    """``html`` with everything outside the allow-list removed (nh3)."""
    return nh3.clean(html, **_CLEAN)
