"""Building the search index of a built site with Pagefind, once per build.

Pagefind reads the site's HTML files and writes its index in pieces to ``pagefind/``: the
browser loads only the pieces a query needs, so what a page view or a search costs does
not grow with the site. Only pages with ``data-pagefind-body`` are indexed (see
``markup.py``); inside them, elements marked ``data-pagefind-ignore`` are left out.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

OUTPUT = "pagefind"
# Left out of the indexed text, besides the data-pagefind-ignore elements: the "¶" of
# every heading's permalink.
EXCLUDE_SELECTORS = (".headerlink",)
# Where Pagefind starts reading each page: the element that carries data-pagefind-body on
# every indexed page (overrides/main.html). Without it Pagefind reads the whole theme around
# it too (header, navigation, footer: two thirds of a publication's page) and took twice as
# long; the page records come out the same (tests/test_shortcuts.py).
ROOT_SELECTOR = "article.md-content__inner"
# Pagefind always writes its ready-made interfaces; the site uses only its search API.
UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
          "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js")
_INDEXED = re.compile(r"Indexed (\d+) pages?")


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message is German and names what to do."""


@dataclass(frozen=True)
class IndexReport:
    pages: int
    seconds: float
    peak_rss_mb: float  # of the Pagefind process


def pagefind_executable() -> Path:
    """The Pagefind binary from the ``pagefind_bin`` package (installed with ``pagefind[bin]``)."""
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise SearchIndexError("Pagefind fehlt: bitte `make build` oder `make serve` verwenden "
                               "(installiert pagefind[bin] aus constraints.txt)") from None
    try:
        return Path(get_executable())
    except FileNotFoundError as error:
        raise SearchIndexError(f"Pagefind-Programm nicht gefunden: {error}") from None


def build_index(site: Path, executable: Path | None = None,
                root_selector: str | None = ROOT_SELECTOR,
                started: Callable[[subprocess.Popen], None] | None = None) -> IndexReport:
    """Index the built site in ``site`` into ``site/pagefind/``, replacing an older index.

    ``started`` gets the Pagefind process (the preview stops it when the next edit comes)."""
    program = executable or pagefind_executable()
    shutil.rmtree(site / OUTPUT, ignore_errors=True)
    command = [str(program), "--site", str(site), "--output-subdir", OUTPUT, "--force-language", "de"]
    if root_selector:
        command += ["--root-selector", root_selector]
    for selector in EXCLUDE_SELECTORS:
        command += ["--exclude-selectors", selector]
    start = time.perf_counter()
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    except OSError as error:
        raise SearchIndexError(f"Pagefind ließ sich nicht starten: {error.strerror}") from None
    if started is not None:
        started(process)
    with process.stdout:
        output = process.stdout.read().decode("utf-8", errors="replace")
    # wait4: the resource use of this child alone, for the benchmark's memory figure.
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        tail = " / ".join(line for line in output.splitlines()[-5:] if line.strip())
        raise SearchIndexError(f"Suchindex konnte nicht erstellt werden (Pagefind, Code "
                               f"{process.returncode}): {tail}")
    for name in UNUSED:
        (site / OUTPUT / name).unlink(missing_ok=True)
    found = _INDEXED.search(output)
    return IndexReport(int(found.group(1)) if found else 0, seconds, usage.ru_maxrss / 1024)
