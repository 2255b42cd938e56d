"""MkDocs adapter for publications: one generated page per BibTeX entry, and the listing.

Entries are parsed and formatted once per build, and not at all on a rebuild in
``mkdocs serve`` when no .bib file, the vocabulary or the settings changed.
"""

from __future__ import annotations

import json
import logging
import os
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from k3b.bibliography.model import DEFAULT_PRIVATE_FIELDS
from k3b.bibliography.parse import Bibliography, BibSource, load_bibliography
from k3b.bibliography.render import head_tags, listing_html, page_markdown
from k3b.buildlog import report
from k3b.topics import Vocabulary, load_vocabulary

log = logging.getLogger("mkdocs.plugins.k3b.publications")

SECTION = "publikationen"
OWN_FILE = "k3b.bib"
# Survives rebuilds in `mkdocs serve`: (cache key, bibliography, notes, vocabulary).
_cache: tuple[tuple, Bibliography, list[str], Vocabulary] | None = None
_bibliography = Bibliography()
_by_page: dict[str, str] = {}


def _settings(config: MkDocsConfig) -> tuple[Path, Path, tuple[str, ...]]:
    settings = config.extra.get("k3b") or {}
    base = Path(os.path.dirname(config.config_file_path or "."))
    private = tuple(settings.get("private_fields", DEFAULT_PRIVATE_FIELDS))
    return base, base / settings.get("vocabulary", "data/themen.yml"), private


def load(config: MkDocsConfig) -> Bibliography:
    """Parse all publications/*.bib, or reuse the last result if nothing changed."""
    global _cache
    base, vocabulary_path, private = _settings(config)
    files = sorted((base / "publications").glob("*.bib"))
    key = (tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files),
           vocabulary_path.stat().st_mtime_ns, private)
    if _cache is None or _cache[0] != key:
        sources = [BibSource(f, os.path.relpath(f, base).replace(os.sep, "/"), f.name == OWN_FILE)
                   for f in files]
        vocabulary = load_vocabulary(vocabulary_path)
        bibliography, errors, notes = load_bibliography(sources, vocabulary, private)
        if errors:
            raise PluginError(report(errors, log))
        _cache = (key, bibliography, notes.lines(), vocabulary)
    for line in _cache[2]:
        log.info(line)
    return _cache[1]


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Generate a page and a .bib download per entry, and the listing if none is written."""
    global _bibliography
    _bibliography = load(config)
    _by_page.clear()
    for pub in _bibliography.entries.values():
        src = f"{SECTION}/{pub.slug}.md"
        _by_page[src] = pub.key
        if files.get_file_from_path(src) is None:
            front = f"---\ntitle: {json.dumps(pub.title)}\n---\n"
            files.append(File.generated(config, src, content=front))
        files.append(File.generated(config, f"{SECTION}/{pub.slug}/{pub.slug}.bib", content=pub.bibtex))
    listing = f"{SECTION}/index.md"
    if files.get_file_from_path(listing) is None:
        files.append(File.generated(config, listing, content="---\ntitle: Publikationen\n---\n"))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill generated publication pages and the listing."""
    src = page.file.src_uri
    if _cache is None or (src not in _by_page and src != f"{SECTION}/index.md"):
        return markdown
    vocabulary = _cache[3]
    if src == f"{SECTION}/index.md":
        page.meta.setdefault("description", "Publikationen des K3B und zitierte Literatur, nach Jahr.")
        return markdown + "\n\n" + listing_html(_bibliography.entries.values(), vocabulary, page.url)
    pub = _bibliography.entries[_by_page[src]]
    page.meta["title"] = escape(pub.title)
    page.meta["description"] = escape(pub.abstract[:300] or pub.citation_text)
    page.meta["tags"] = [t.label for t in map(vocabulary.by_slug, pub.topics) if t]
    page.meta["k3b_head"] = head_tags(pub, (config.site_url or "") + page.url)
    return markdown + "\n\n" + page_markdown(pub, vocabulary, page.url)
