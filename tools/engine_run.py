"""Run the build engine (MkDocs or ProperDocs) and show its own English lines in German.

    python tools/engine_run.py ENGINE build|serve [ARGUMENTS …]

Our hooks report every problem in German. The engine adds a few lines of its own: „Cleaning
site directory“, „Documentation built in 1.53 seconds“, „Serving on …“ and, after our report
of problems, „Aborted with a BuildError!“. Staff read these in ``make build``, ``make serve``
and the publish pipeline's job log, so this wrapper passes every line of the engine through
and translates the ones it knows (MkDocs 1.6 and ProperDocs 1.6 print the same). Lines it
does not know pass unchanged. The exit code is the engine's.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from collections.abc import Callable

COUNTED = {"warning": "Warnung(en)", "error": "Fehler", "info": "Hinweis(e)"}


def _counts(text: str) -> str:
    """„2 warnings, 1 errors“ (MkDocs' strict-mode summary) in German."""
    return ", ".join(f"{number} {COUNTED.get(kind.lower(), kind)}"
                     for number, kind in re.findall(r"(\d+) (\w+?)s\b", text)) or text


Replacement = str | Callable[[re.Match[str]], str]

# (the engine's message, its German form); matched anywhere in a line, so the log prefix
# („INFO    -  “) and the preview's time stamp („[12:00:01] “) stay as they are.
_MESSAGES: tuple[tuple[str, Replacement], ...] = (
    (r"Cleaning site directory$", "Leere den Ordner der Website"),
    (r"Building documentation to directory: (?P<x>.*)$", r"Baue die Website in den Ordner \g<x>"),
    (r"Building documentation\.\.\.$", "Baue die Website …"),
    (r"Documentation built in (?P<x>[\d.]+) seconds$",
     lambda match: f"Website gebaut in {match['x'].replace('.', ',')} s"),
    (r"^Aborted with a BuildError!$", "Build abgebrochen – die Probleme stehen oben."),
    (r"Error building page '(?P<x>.+)':$", r"Die Seite aus docs/\g<x> ließ sich nicht bauen:"),
    (r"^Aborted with a configuration error!$",
     "Build abgebrochen: Fehler in der Konfiguration (siehe oben)."),
    (r"^Aborted with (?P<x>\d+) configuration warnings in 'strict' mode!$",
     r"Build abgebrochen: \g<x> Warnung(en) zur Konfiguration – siehe oben."),
    (r"^Aborted with (?P<x>.+) in strict mode!$",
     lambda match: f"Build abgebrochen: {_counts(match['x'])} – siehe oben."),
    (r"An error happened during the rebuild\. The server will appear stuck until build errors are "
     r"resolved\.$", "Die Vorschau konnte nicht neu gebaut werden (ein Fehler im Programm, nicht im "
                     "Inhalt – siehe oben): Sie antwortet erst wieder, wenn er behoben ist."),
    (r"Watching paths for changes: (?P<x>.*)$", r"Beobachte Änderungen in: \g<x>"),
    (r"Serving on (?P<x>\S+) and opening it in a browser$", r"Vorschau unter \g<x> (öffnet im Browser)"),
    (r"Serving on (?P<x>\S+)$", r"Vorschau unter \g<x>"),
    (r"Detected file changes$", "Änderung erkannt"),
    (r"Reloading browsers$", "Lade die Vorschau im Browser neu"),
    (r"Browser connected: (?P<x>\S+)$", r"Browser verbunden: \g<x>"),
    (r"Shutting down\.\.\.$", "Beende die Vorschau …"),
)
MESSAGES = tuple((re.compile(pattern), german) for pattern, german in _MESSAGES)


# The engine's lines that say nothing staff act on: left out, so their own problems stand out.
QUIET = tuple(re.compile(p) for p in (r"INFO\s+-\s+Cleaning site directory$",
                                      r"INFO\s+-\s+Building documentation to directory: .*$"))


def translate(line: str) -> str | None:
    """``line`` with the engine's message in German, unchanged, or None to leave it out."""
    if any(pattern.search(line) for pattern in QUIET):
        return None
    for pattern, german in MESSAGES:
        translated, count = pattern.subn(german, line, count=1)
        if count:
            return translated
    return line


# The preview renders only what an edit changed (k3b/rebuild.py): the engine's `--dirty`
# asks our hooks which pages to render. `--clean` renders everything on every change.
PREVIEW_OPTIONS = ["--dirty"]


def engine_command(argv: list[str]) -> list[str]:
    if argv[1] == "serve" and not {"--dirty", "--clean"} & set(argv):
        return [*argv, *PREVIEW_OPTIONS]
    return argv


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print("Aufruf: python tools/engine_run.py ENGINE build|serve [ARGUMENTE …]", file=sys.stderr)
        return 2
    argv = engine_command(argv)
    # The engine's output comes through a pipe: unbuffered, so the preview's lines appear at once.
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    try:
        engine = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env,
                                  text=True, encoding="utf-8", errors="replace", bufsize=1)
    except OSError as error:
        print(f"{argv[0]} ließ sich nicht starten: {error.strerror} – bitte `make build` verwenden, "
              f"das die Umgebung einrichtet", file=sys.stderr)
        return 2
    # Ctrl-C in `make serve` reaches the engine too (same process group); it stops the
    # preview and says so, and this wrapper passes on what it still prints.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A stop sent to this wrapper alone (kill, a test, a process manager) stops the engine too,
    # instead of leaving it running with the port taken.
    signal.signal(signal.SIGTERM, lambda signum, frame: engine.terminate())
    assert engine.stdout is not None
    for line in engine.stdout:
        translated = translate(line.rstrip("\n"))
        if translated is not None:
            sys.stdout.write(translated + "\n")
            sys.stdout.flush()
    return engine.wait()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
