"""Requirements for a build engine's virtual environment without MkDocs.

ProperDocs (a maintained fork of MkDocs 1.x) serves ``mkdocs.*`` imports from its own
modules, so Material and our hooks run unchanged on it. But Material and this project
declare ``mkdocs`` as a dependency, and a plain install would pull MkDocs back in. The
Makefile therefore installs Material and the project with ``--no-deps`` and this script
prints everything else they need: the project's runtime dependencies and Material's,
without the MkDocs family.

Usage: ``pip install --dry-run --quiet --no-deps --report - mkdocs-material |
python tools/engine_deps.py pyproject.toml``: pip's installation report (JSON on standard
input) tells Material's requirements without installing it.
"""

from __future__ import annotations

import json
import re
import sys
import tomllib
from pathlib import Path

# MkDocs itself, and what is installed without its dependencies or not used by the build:
# mkdocs-bibtex is pinned for reference but not enabled (see README).
LEFT_OUT = {"mkdocs", "mkdocs-material", "mkdocs-bibtex", "mkdocs-get-deps"}


def name_of(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def engine_requirements(pyproject: Path, report: dict) -> list[str]:
    """The project's and Material's runtime requirements, without the MkDocs family.

    ``report`` is pip's installation report for Material (``pip install --report``).
    """
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    wanted = list(project["dependencies"])
    for item in report["install"]:
        wanted += [r for r in item["metadata"].get("requires_dist", []) if "extra ==" not in r]
    chosen: dict[str, str] = {}
    for requirement in wanted:
        name = name_of(requirement)
        if name not in LEFT_OUT:
            chosen.setdefault(name, requirement.split(";")[0].strip())
    return sorted(chosen.values(), key=str.lower)


if __name__ == "__main__":
    print("\n".join(engine_requirements(Path(sys.argv[1]), json.load(sys.stdin))))
