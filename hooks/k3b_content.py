"""MkDocs adapter for the content model: validation, topics and listings.

The work happens in the ``k3b`` package; this module only moves data between MkDocs and it.
All pages are read and validated in ``on_files``, before anything is rendered or written,
so a build with bad content stops with every problem listed and no page half-written.
"""

from __future__ import annotations

import logging
import os
from html import escape
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from k3b.buildlog import report
from k3b.content import Kind, validate
from k3b.frontmatter import FrontMatterError, parse_front_matter
from k3b.index import ContentIndex
from k3b.markers import check_markers, expand_markers
from k3b.problems import ProblemList
from k3b.render import item_header
from k3b.topics import VocabularyError, load_vocabulary

log = logging.getLogger("mkdocs.plugins.k3b.content")

# Module globals survive rebuilds in `mkdocs serve`; on_config resets them.
_index: ContentIndex | None = None


def project_path(config: MkDocsConfig, path: str) -> str:
    """A path as staff see it: relative to the project folder (``docs/artikel/x.md``)."""
    base = os.path.dirname(config.config_file_path or ".")
    return os.path.relpath(path, base).replace(os.sep, "/")


def fail(problems: ProblemList) -> None:
    """Log every problem on its own line, then stop the build once."""
    raise PluginError(report(problems, log))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Load the topic vocabulary and start a fresh index for this build."""
    global _index
    settings = config.extra.get("k3b") or {}
    base = Path(os.path.dirname(config.config_file_path or "."))
    path = base / settings.get("vocabulary", "data/themen.yml")
    try:
        vocabulary = load_vocabulary(path, project_path(config, str(path)))
    except VocabularyError as error:
        fail(ProblemList(error.problems))
    _index = ContentIndex(vocabulary)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Read and validate every page's front matter; detect missing topics."""
    assert _index is not None
    problems = ProblemList()
    for file in files.documentation_pages():
        shown = project_path(config, os.path.join(config.docs_dir, file.src_path))
        try:
            front_matter = parse_front_matter(file.content_string)
        except FrontMatterError as error:
            problems.add(shown, error.line, error.message)
            continue
        except (OSError, ValueError):
            problems.add(shown, 1, "Datei ist nicht lesbar oder nicht in UTF-8 gespeichert")
            continue
        check_markers(front_matter.body, shown, problems, front_matter.body_line)
        item = validate(file.src_uri, file.url, front_matter, _index.vocabulary, problems, shown)
        if item is None:
            continue
        _index.add(item)
        if item.kind is not Kind.PAGE and not item.topics:
            log.info(f"{shown}: keine Themen angegeben und keine erkannt")
        elif item.detections:
            found = ", ".join(d.explain() for d in item.detections)
            log.info(f"{shown}: Themen erkannt: {found}")
    if problems:
        fail(problems)
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Hand topics to the tags plugin, add the byline and fill listing placeholders."""
    assert _index is not None
    item = _index.get(page.file.src_uri)
    if item is None:
        return markdown
    vocabulary = _index.vocabulary
    page.meta["tags"] = [t.label for t in map(vocabulary.by_slug, item.topics) if t]
    # Material prints title and description into HTML and attributes without escaping.
    if item.title:
        page.meta["title"] = escape(item.title)
    if item.summary:
        page.meta["description"] = escape(item.summary)
    markdown = expand_markers(markdown, _index, page.url)
    header = item_header(item)
    return f"{header}\n\n{markdown}" if header else markdown
