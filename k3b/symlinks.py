"""Symbolic links in the content folders: followed inside the project, refused outside it.

Git stores symlinks, and MkDocs follows them: one commit of ``docs/umgebung.txt →
/proc/self/environ`` would publish the build machine's environment (CI secrets included),
``→ /etc/hosts`` or a linked folder likewise. A link whose target lies inside the project
(``docs/bilder → ../gemeinsam/bilder``) is fine; one that leads outside it, or nowhere, is a
German error, and the build reads nothing through it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .problems import ProblemList

CONTENT_FOLDERS = ("docs", "publications", "data")


def escaping_links(root: Path, folders: Iterable[str] = CONTENT_FOLDERS) -> dict[Path, str]:
    """Every symlink below ``root/<folder>`` that leads outside ``root`` or nowhere: path → why."""
    real_root, root = root.resolve(), root.absolute()
    found: dict[Path, str] = {}
    seen: set[Path] = set()
    for name in folders:
        top = root / name
        if top.is_symlink():
            found.update(_judge(top, real_root))
            if top in found:
                continue
        if not top.is_dir():
            continue
        for folder, dirs, files in os.walk(top, followlinks=True):
            real = Path(folder).resolve()
            if real in seen:  # a link back to a folder already read: no loop
                dirs[:] = []
                continue
            seen.add(real)
            for entry in [*dirs, *files]:
                path = Path(folder) / entry
                if path.is_symlink():
                    found.update(_judge(path, real_root))
            dirs[:] = [d for d in dirs if Path(folder) / d not in found]
    return found


def _judge(link: Path, root: Path) -> dict[Path, str]:
    try:
        target = link.resolve(strict=True)
    except (OSError, RuntimeError):
        return {link: "ist ein Verweis (Symlink), der ins Leere führt – bitte die Datei selbst ablegen"}
    if target == root or root in target.parents:
        return {}
    return {link: "ist ein Verweis (Symlink) auf eine Datei außerhalb des Projekts – der Build liest sie "
                  "nicht; bitte die Datei selbst ins Projekt legen"}


def report_links(links: dict[Path, str], problems: ProblemList, shown: Callable[[Path], str]) -> None:
    for path, why in sorted(links.items()):
        problems.add(shown(path), 1, why)


def is_below(path: Path | str, links: Iterable[Path]) -> bool:
    """True if ``path`` is one of ``links`` or lies in a linked folder among them."""
    candidate = Path(os.path.abspath(path))
    return any(candidate == link or link in candidate.parents for link in links)
