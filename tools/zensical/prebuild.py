"""Prototype: the whole site as finished Markdown, for an engine without our hooks (Zensical).

Reads the project like ``make check`` (``k3b.project``), collects and checks it
(``k3b.assemble``), then writes a complete ``docs/`` tree to ``OUT/docs``: every staff page
with everything the build adds (``k3b.compose``, with the HTML left in the Markdown instead
of MkDocs placeholders), every generated page (publications, listings, hubs) and file
(feeds, calendars, ``.bib``, data), the image sizes, and a ``mkdocs.yml`` without hooks and
template overrides. Zensical (or any engine that renders Markdown with raw HTML) then only
renders it:

    python tools/zensical/prebuild.py OUT && (cd OUT && zensical build)

Not part of ``make build`` and not needed by it. What it cannot do is in ENGINE.md.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

import yaml

from k3b.assemble import assemble
from k3b.bibliography.parse import load_bibliography
from k3b.builddate import build_date
from k3b.citations import BIBLIOGRAPHY_ID, BIBLIOGRAPHY_TITLE
from k3b.compose import compose
from k3b.frontmatter import parse_front_matter
from k3b.imagecache import cache_dir, make_all
from k3b.plan import front_matter
from k3b.problems import ProblemList
from k3b.project import Settings, docs_files, publication_sources, read_config
from k3b.topics import load_vocabulary


def _same(html: str) -> str:
    return html


def _with_front_matter(source: str, markdown: str) -> str:
    """The page's own front matter block, then the composed body."""
    fm = parse_front_matter(source)
    if not fm.present:
        return markdown
    block = "\n".join(source.splitlines()[: fm.body_line - 1])
    return block + "\n" + markdown


def prebuild(root: Path, out: Path) -> tuple[int, int, ProblemList]:
    """Write the finished tree; returns (pages, files, problems). Nothing is written on problems."""
    settings = Settings.from_config(root, config := read_config(root / "mkdocs.yml"))
    vocabulary = load_vocabulary(settings.vocabulary, settings.shown(settings.vocabulary))
    problems = ProblemList()
    bibliography, errors, _notes = load_bibliography(publication_sources(settings), vocabulary,
                                                     settings.private_fields)
    problems.extend(errors)
    pages, static = docs_files(settings)
    result = assemble(pages, static, vocabulary, bibliography, problems, site_url=settings.site_url,
                      site_name=settings.site_name, today=build_date(), docs_dir=settings.docs_dir,
                      max_image_mb=settings.max_image_mb)
    if problems:
        return 0, 0, problems
    site, plan = result.site, result.plan
    docs = out / "docs"
    shutil.rmtree(out, ignore_errors=True)
    docs.mkdir(parents=True)
    written = 0

    def write(src: str, source: str, markdown_in: str) -> None:
        nonlocal written
        url = src.removesuffix(".md").removesuffix("index").rstrip("/")
        page_url = "" if not url else url + "/"
        composed = compose(site, plan, src, markdown_in, page_url, settings.site_url, _same)
        markdown = composed.markdown
        if composed.bibliography:  # the heading MkDocs' adapter adds after Markdown
            markdown = markdown.replace(composed.bibliography,
                                        f"## {BIBLIOGRAPHY_TITLE} {{#{BIBLIOGRAPHY_ID}}}\n\n"
                                        + composed.bibliography, 1)
        target = docs / src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_with_front_matter(source, markdown), encoding="utf-8")
        written += 1

    withheld = set(site.withheld)
    for page in pages:
        if page.src_path in withheld:
            continue
        source = page.read()
        write(page.src_path, source, parse_front_matter(source).body.lstrip("\n"))
    own = {page.src_path for page in pages}
    for src, planned in plan.pages.items():
        if src not in own:
            write(src, front_matter(planned), "")
    for planned_file in plan.files:
        target = docs / planned_file.src
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(planned_file.content)
    made, _failed = make_all(result.images.published.values(), settings.docs_dir, cache_dir(root))
    replaced = set(result.images.replaced)
    for src in static:
        if src not in replaced:
            (docs / src).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(settings.docs_dir / src, docs / src)
    for src, path in made.items():
        (docs / src).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, docs / src)
    config = dict(config)
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config["docs_dir"] = "docs"
    config["theme"] = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    config["plugins"] = [p for p in config.get("plugins", []) if p == "search" or "search" in p]
    (out / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False),
                                    encoding="utf-8")
    return written, len(plan.files) + len(static) + len(made), problems


def main() -> int:
    parser = argparse.ArgumentParser(description="Schreibt die fertige Seite als Markdown (Prototyp).")
    parser.add_argument("out", type=Path)
    parser.add_argument("--projekt", type=Path, default=Path("."))
    args = parser.parse_args()
    started = time.perf_counter()
    pages, files, problems = prebuild(args.projekt.resolve(), args.out.resolve())
    for line in problems.lines():
        print(line)
    if problems:
        return 1
    print(f"{pages} Seiten und {files} Dateien in {time.perf_counter() - started:.2f} s nach {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
