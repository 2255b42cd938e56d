"""A real preview (``make serve``'s command, ``tools/engine_run.py … serve``) on 127.0.0.1.

Shared by the tests that edit content while a preview runs. ``site`` is the folder it serves:
the engine's temporary folder, found below the ``TMPDIR`` the preview is given.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from sitebuild import ROOT

ENGINES = {"mkdocs": str(Path(sys.executable).with_name("mkdocs")),
           "properdocs": str(ROOT / ".venv-properdocs/bin/properdocs")}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str, timeout: float = 2.0) -> tuple[int, str, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8"), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8"), time.monotonic() - started


class Preview:
    def __init__(self, project: Path, engine: str = "mkdocs", port: int | None = None,
                 options: tuple[str, ...] = ()) -> None:
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = project / f"serve-{self.port}-{time.monotonic_ns()}.log"
        self.output = self.log.open("w")
        self.tmp = project.parent / f"tmp-{self.log.stem}"
        self.tmp.mkdir()
        env = {**os.environ, "K3B_TODAY": "2026-12-01", "NO_MKDOCS_2_WARNING": "1", "TMPDIR": str(self.tmp)}
        self.process = subprocess.Popen(
            [sys.executable, str(ROOT / "tools/engine_run.py"), ENGINES[engine], "serve",
             "--dev-addr", f"127.0.0.1:{self.port}", "--livereload", *options],
            cwd=project, env=env, stdout=self.output, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                get(self.url, timeout=1)
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        pytest.fail("Die Vorschau startete nicht: " + self.log.read_text(encoding="utf-8")[-3000:])

    @property
    def site(self) -> Path:
        (folder,) = self.tmp.glob("mkdocs_*")
        return folder

    def state(self) -> dict:
        return json.loads(get(self.url + "k3b-vorschau.json")[1])

    def problems(self) -> list[str]:
        return self.state()["probleme"]

    def wait_for(self, predicate, what: str, seconds: float = 30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            value = predicate()
            if value:
                return value
            time.sleep(0.2)
        pytest.fail(f"{what} – Protokoll: " + self.log.read_text(encoding="utf-8")[-3000:])

    def settled_after(self, stand: str | None, what: str) -> dict:
        """The state of the first build after ``stand``, once its search index is written."""
        return self.wait_for(lambda: (s := self.state())["stand"] != stand and s["suche"] == "fertig" and s,
                             what, seconds=60)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=20)
        self.output.close()
