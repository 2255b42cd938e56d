"""Architecture contracts (``.importlinter``): the core is engine-free, layered and acyclic."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # this checkout's k3b, whatever is installed
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


def test_a_wheel_of_the_project_holds_the_whole_core(tmp_path) -> None:
    """Installed without ``-e`` (a deploy image, ProperDocs' or Zensical's environment), the
    core must be complete: every module of every subpackage and the data files it reads."""
    source = tmp_path / "source"  # a copy: building in the checkout would leave build/ there
    shutil.copytree(ROOT / "k3b", source / "k3b", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copyfile(ROOT / name, source / name)
    result = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps",
                             "--no-build-isolation", "--wheel-dir", str(tmp_path), str(source)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    (wheel,) = tmp_path.glob("*.whl")
    packed = {name for name in zipfile.ZipFile(wheel).namelist() if name.startswith("k3b/")}
    core = {path.relative_to(ROOT).as_posix() for path in (ROOT / "k3b").rglob("*")
            if path.is_file() and "__pycache__" not in path.parts}
    assert core <= packed, sorted(core - packed)
    assert {"k3b/data/karte.json", "k3b/data/kreise.csv", "k3b/bibliography/reader.py"} <= packed
