"""The system packages a make target needs, installed through the package manager.

``make test``, ``make serve`` and ``make deploy`` call this first (README, „Schnellstart“):
on a fresh Debian or Ubuntu machine they install what is missing with ``apt-get`` (as root,
or through passwordless ``sudo``); anywhere else they stop at once with one German line that
names the packages and the command to install them. Nothing is downloaded outside the
package manager. Standard library only: this runs before the virtual environment exists.

Usage: ``python3 tools/system_packages.py TARGET`` with TARGET one of ``NEEDS``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Need:
    """One program a target needs, and the Debian package that brings it."""

    package: str
    program: str  # a command on PATH, or an absolute path
    why: str

    def present(self) -> bool:
        if os.path.isabs(self.program):
            return os.access(self.program, os.X_OK)
        return shutil.which(self.program) is not None


def chromium() -> Need:
    # The browser tests take $CHROMIUM_PATH, else Debian's /usr/bin/chromium (tests/browser/conftest.py).
    return Need("chromium", os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium", "Browsertests")


def rsync() -> Need:
    return Need("rsync", os.environ.get("RSYNC") or "rsync", "make deploy")


NEEDS = {
    "test": lambda: [chromium(), rsync()],
    "serve": lambda: [],
    "deploy": lambda: [rsync()],
}


def missing(target: str) -> list[Need]:
    return [need for need in NEEDS[target]() if not need.present()]


def installer() -> list[str] | None:
    """The command prefix that may install packages here, or None."""
    if shutil.which("apt-get") is None:
        return None
    if os.geteuid() == 0:
        return []
    sudo = shutil.which("sudo")
    if sudo and subprocess.run([sudo, "-n", "true"], capture_output=True).returncode == 0:
        return [sudo, "-n"]
    return None


def _say(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


def ensure(target: str) -> int:
    """Install what ``target`` lacks; 0 when everything is there, else 1 after one German line."""
    lacking = missing(target)
    if not lacking:
        return 0
    packages = sorted({need.package for need in lacking})
    names = " ".join(packages)
    prefix = installer()
    if prefix is None:
        _say(f"Es fehlen Systempakete für make {target}: {names} – bitte als root installieren: "
             f"apt-get install {names} (oder mit dem Paketmanager Ihres Systems)")
        return 1
    _say(f"Installiere Systempakete für make {target}: {names} (apt-get) …")
    environment = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    steps = [["apt-get", "update", "-qq"],
             ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages]]
    for step in steps:
        result = subprocess.run([*prefix, *step], env=environment, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)
        if result.returncode != 0:
            detail = (result.stderr.strip().splitlines() or [""])[-1]
            _say(f"apt-get konnte {names} nicht installieren ({' '.join(step[:2])}: {detail}) – "
                 f"bitte von Hand installieren: apt-get install {names}")
            return 1
    still = [need for need in lacking if not need.present()]
    if still:
        _say("Nach der Installation fehlt noch: " + ", ".join(f"{n.program} ({n.package})" for n in still))
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in NEEDS:
        _say(f"Aufruf: python3 tools/system_packages.py {'|'.join(NEEDS)}")
        sys.exit(2)
    sys.exit(ensure(sys.argv[1]))
