"""The README's promise: on a fresh machine `make test` and `make serve` set up everything,
system packages included (tools/system_packages.py).

The machine is simulated honestly: a copy of the project, a PATH that holds only make and
Python (no rsync, no apt-get unless the test puts a stand-in there), CHROMIUM_PATH at a file
that does not exist, and `unshare --user` for a user without root (uid 1000). The real install through
apt-get is what CI does on its fresh machine.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from sitebuild import ROOT

SCRIPT = ROOT / "tools/system_packages.py"
UNSHARE = shutil.which("unshare")
NEEDED = {"Makefile", "tools", "pyproject.toml", "constraints.txt"}  # what make reads before pip


def _bare_bin(tmp_path: Path) -> Path:
    """A PATH folder with make and python3 only."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name, target in {"make": shutil.which("make"), "python3": sys.executable}.items():
        (folder / name).symlink_to(target)
    return folder


def _fake_apt(folder: Path, chromium: Path, exit_code: int = 0) -> Path:
    """An apt-get stand-in that logs its calls and „installs“ chromium and rsync."""
    log = folder.parent / "apt.log"
    script = folder / "apt-get"
    script.write_text(
        "#!/bin/sh\n"
        f'echo "$DEBIAN_FRONTEND $*" >> {log}\n'
        f'[ {exit_code} -ne 0 ] && {{ echo "E: Unable to locate package chromium" >&2; exit {exit_code}; }}\n'
        'case "$1" in install)\n'
        f'  printf "#!/bin/sh\\n" > {chromium}; /bin/chmod +x {chromium}\n'
        f'  printf "#!/bin/sh\\n" > {folder}/rsync; /bin/chmod +x {folder}/rsync;;\n'
        "esac\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return log


def _environment(folder: Path, chromium: Path) -> dict[str, str]:
    return {"PATH": str(folder), "CHROMIUM_PATH": str(chromium), "HOME": str(folder.parent),
            "LANG": "C.UTF-8"}


def _run(command: list[str], environment: dict[str, str], *, user: str | None, cwd: Path = ROOT):
    if user is not None:
        assert UNSHARE, "unshare fehlt (util-linux)"
        # A user without root: an ordinary uid (make cannot run as the unmapped „nobody“).
        flag = ["--map-root-user"] if user == "root" else ["--map-user=1000", "--map-group=1000"]
        command = [UNSHARE, "--user", *flag, *command]
    return subprocess.run(command, env=environment, cwd=cwd, capture_output=True, text=True, timeout=60)


def _project_copy(tmp_path: Path) -> Path:
    """The tracked files of the working tree, as a clean clone would have them."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    copy = tmp_path / "clone"
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file() and name.split("/")[0] in NEEDED:
            (copy / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, copy / name)
    return copy


def test_make_test_without_root_stops_with_one_german_line(tmp_path):
    folder = _bare_bin(tmp_path)
    project = _project_copy(tmp_path)
    result = _run(["make", "test"], _environment(folder, tmp_path / "none"), user="nobody", cwd=project)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if not line.startswith("make:")]
    assert lines == ["Es fehlen Systempakete für make test: chromium rsync – bitte als root installieren: "
                     "apt-get install chromium rsync (oder mit dem Paketmanager Ihres Systems)"]
    assert not (project / ".venv").exists()  # stopped before pip


def test_make_deploy_without_root_names_rsync_only(tmp_path):
    folder = _bare_bin(tmp_path)
    project = _project_copy(tmp_path)
    result = _run(["make", "deploy"], _environment(folder, tmp_path / "none"), user="nobody", cwd=project)
    assert result.returncode != 0
    assert "Es fehlen Systempakete für make deploy: rsync –" in result.stderr
    assert "chromium" not in result.stderr


def test_make_serve_needs_no_system_package(tmp_path):
    folder = _bare_bin(tmp_path)
    environment = _environment(folder, tmp_path / "none")
    result = _run([sys.executable, str(SCRIPT), "serve"], environment, user="nobody")
    assert (result.returncode, result.stderr) == (0, "")


@pytest.mark.parametrize("user", ["root", "nobody"])
def test_apt_get_is_used_only_by_root(tmp_path, user):
    folder = _bare_bin(tmp_path)
    chromium = tmp_path / "chromium"
    log = _fake_apt(folder, chromium)
    result = _run([sys.executable, str(SCRIPT), "test"], _environment(folder, chromium), user=user)
    if user == "root":
        assert result.returncode == 0, result.stderr
        assert result.stderr == "Installiere Systempakete für make test: chromium rsync (apt-get) …\n"
        assert log.read_text(encoding="utf-8").splitlines() == [
            "noninteractive update -qq",
            "noninteractive install -y -qq --no-install-recommends chromium rsync"]
        assert os.access(chromium, os.X_OK)
    else:
        assert result.returncode == 1 and not log.exists()
        assert "bitte als root installieren: apt-get install chromium rsync" in result.stderr


def test_nothing_missing_nothing_installed(tmp_path):
    folder = _bare_bin(tmp_path)
    chromium = tmp_path / "chromium"
    log = _fake_apt(folder, chromium)
    chromium.write_text("#!/bin/sh\n", encoding="utf-8")
    chromium.chmod(0o755)
    (folder / "rsync").symlink_to(chromium)
    result = _run([sys.executable, str(SCRIPT), "test"], _environment(folder, chromium), user="root")
    assert (result.returncode, result.stderr) == (0, "")
    assert not log.exists()


def test_a_failing_apt_get_is_one_german_line(tmp_path):
    folder = _bare_bin(tmp_path)
    chromium = tmp_path / "chromium"
    _fake_apt(folder, chromium, exit_code=100)
    result = _run([sys.executable, str(SCRIPT), "test"], _environment(folder, chromium), user="root")
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        "apt-get konnte chromium rsync nicht installieren (apt-get update: E: Unable to locate package "
        "chromium) – bitte von Hand installieren: apt-get install chromium rsync")


def test_ci_runs_the_readme_command_and_nothing_else():
    commands = [line.strip() for line in (ROOT / ".ci/run").read_text(encoding="utf-8").splitlines()
                if line.strip() and not line.lstrip().startswith("#")]
    assert commands == ['set -euo pipefail', 'cd "$(dirname "$0")/.."', "export CI=true", "make test"]
