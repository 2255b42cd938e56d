"""`make check`: everything a build checks, without rendering a page.

Reads ``mkdocs.yml``, the vocabulary, ``publications/*.bib`` and ``docs/`` directly and runs
the same collection and the same link and image checks as the build (``k3b.assemble``), so
it reports exactly the problems ``make build`` would, in the same German lines, in a
fraction of the time. It needs no build engine. Only what needs the pixels of an image
(a photo that is cut off in the middle) shows up in the build alone.

    python -m k3b.check            # the published build's view: drafts are left out
    python -m k3b.check --vorschau # the preview's view (make serve)

Exit status 1 if there are problems. In GitHub Actions (``GITHUB_ACTIONS=true``) every
problem is also written as an annotation, so it appears on the changed file's line.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from . import timing
from .assemble import assemble
from .bibliography.parse import load_bibliography
from .builddate import BuildDateError, build_date
from .buildlog import PER_FILE
from .navcheck import Navigation
from .problems import ProblemList
from .project import ConfigError, Settings, docs_files, publication_sources, read_config
from .symlinks import escaping_links, is_below, report_links
from .topics import VocabularyError, load_vocabulary


def check(root: Path, preview: bool = False, note: Callable[[str], None] = lambda line: None,
          every_note: bool = False) -> ProblemList:
    """Every problem of the project in ``root`` (the folder of mkdocs.yml)."""
    problems = ProblemList()
    config_file = root / "mkdocs.yml"
    try:
        config = read_config(config_file)
        settings = Settings.from_config(root, config)
    except ConfigError as error:
        text = config_file.read_text(encoding="utf-8", errors="replace") if config_file.is_file() else ""
        problems.add("mkdocs.yml", error.line_in(text), error.message)
        return problems
    if not settings.site_url.startswith(("http://", "https://")):
        problems.add("mkdocs.yml", 1, "„site_url“ fehlt: Feeds und kanonische Links brauchen die "
                     "öffentliche Adresse (z. B. site_url: https://wissen.k3b.example/)")
    refused = escaping_links(root)
    report_links(refused, problems, settings.shown)
    if is_below(settings.vocabulary, refused):
        return problems
    try:
        vocabulary = load_vocabulary(settings.vocabulary, settings.shown(settings.vocabulary))
        today = build_date()
    except VocabularyError as error:
        problems.extend(error.problems)
        return problems
    except BuildDateError as error:
        problems.add("K3B_TODAY", 1, str(error))
        return problems
    with timing.phase("bibtex"):
        bibliography, errors, notes = load_bibliography(publication_sources(settings, refused), vocabulary,
                                                        settings.private_fields, every_note)
    problems.extend(errors)
    for line in notes.lines(per_file=PER_FILE):
        note(line)
    pages, files = docs_files(settings, refused)
    assemble(pages, files, vocabulary, bibliography, problems, site_url=settings.site_url or "http://x/",
             site_name=settings.site_name, today=today, docs_dir=settings.docs_dir, preview=preview,
             max_image_mb=settings.max_image_mb, info=note,
             navigation=Navigation(config.get("nav"), "mkdocs.yml", config_file.read_text(encoding="utf-8")))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make check", description="Prüft die Inhalte wie ein Build, "
                                     "ohne Seiten zu erzeugen.")
    parser.add_argument("--vorschau", action="store_true", help="wie make serve: Entwürfe gehören dazu")
    parser.add_argument("--projekt", type=Path, default=Path("."), help="Ordner mit mkdocs.yml")
    parser.add_argument("--alle", action="store_true",
                        help="jeden Hinweis einzeln, auch die sonst zusammengefassten (make check ALLE=1)")
    args = parser.parse_args(argv)
    notes: list[str] = []
    problems = check(args.projekt, args.vorschau, lambda line: notes.append(line), args.alle)
    for line in notes:  # the build's notes (BibTeX, drafts, scheduled pages) but not every detection
        if ": Themen erkannt: " not in line:
            print(f"Hinweis: {line}")
    for problem in sorted(problems.items):
        print(problem)
        if os.environ.get("GITHUB_ACTIONS") == "true":
            message = problem.message.replace("%", "%25").replace("\n", "%0A")
            print(f"::error file={problem.path},line={problem.line}::{message}")
    if problems:
        count = len(problems)
        print(f"{count} Problem{'e' if count != 1 else ''} gefunden – bitte beheben, dann erneut "
              "„make check“.")
        return 1
    print("Geprüft: keine Probleme gefunden.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
