"""The ways to publish: GitHub Actions and GitLab CI files (valid against their schemas, in
the right order), the commit-time check, `make deploy` with rsync, and edit links."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from sitebuild import ROOT, build, html, make_project

BIN = Path(sys.executable).parent
GITHUB = ROOT / ".github/workflows/publish.yml"
GITLAB = ROOT / ".gitlab-ci.yml"


SCHEMAS = [(GITHUB, "vendor.github-workflows"), (GITLAB, "vendor.gitlab-ci")]


@pytest.mark.parametrize(("path", "schema"), SCHEMAS, ids=["github", "gitlab"])
def test_pipeline_files_match_their_schemas(path, schema):
    """check-jsonschema's vendored schemas: no network."""
    result = subprocess.run([str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def _commands(steps: list[dict]) -> list[str]:
    return [step.get("run") or step.get("uses", "") for step in steps]


def test_github_checks_builds_and_publishes_on_main_and_daily():
    workflow = yaml.safe_load(GITHUB.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads the key "on" as true
    assert triggers["push"]["branches"] == ["main"] and triggers["schedule"][0]["cron"]
    build = workflow["jobs"]["build"]
    steps = _commands(build["steps"])
    assert steps.index("make check") < steps.index("make build")
    # configure-pages reads the public address (a private repository needs pages: read), and
    # the check already sees it: a link from "/" that would leave https://…/repository/ fails there.
    assert build["permissions"] == {"contents": "read", "pages": "read"}
    assert steps.index("actions/configure-pages@v5") < steps.index("make check")
    check_step = next(step for step in build["steps"] if step.get("run") == "make check")
    assert "steps.pages.outputs.base_url" in check_step["env"]["K3B_SITE_URL"]
    assert any(s.startswith("actions/upload-pages-artifact") for s in steps)
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build" and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert _commands(deploy["steps"])[0].startswith("actions/deploy-pages")
    assert workflow["env"]["TZ"] == "Europe/Berlin"


def test_gitlab_checks_then_publishes_pages():
    pipeline = yaml.safe_load(GITLAB.read_text(encoding="utf-8"))
    assert pipeline["stages"] == ["check", "deploy"]
    assert pipeline["pruefen"]["script"] == ["make check"]
    assert pipeline["pages"]["artifacts"]["paths"] == ["public"]
    script = pipeline["pages"]["script"]
    assert "make build" in script[0] and script[1] == "mv site public"


def _git_project(tmp_path: Path, scenario: str) -> Path:
    project = make_project(tmp_path, scenario)
    shutil.copy(ROOT / ".pre-commit-config.yaml", project)
    (project / ".venv").symlink_to(ROOT / ".venv")
    for command in (["init", "-q"], ["add", "-A"]):
        subprocess.run(["git", *command], cwd=project, check=True)
    return project


def test_pre_commit_hook_stops_a_commit_with_broken_links(tmp_path):
    assert subprocess.run([str(BIN / "pre-commit"), "validate-config", str(ROOT / ".pre-commit-config.yaml")]
                          ).returncode == 0
    project = _git_project(tmp_path, "broken-links")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"), "K3B_TODAY": "2026-12-01",
           "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run([str(BIN / "pre-commit"), "install"], cwd=project, env=env, check=True,
                   capture_output=True)
    commit = subprocess.run(["git", "commit", "-q", "-m", "Neuer Artikel"], cwd=project, env=env,
                            capture_output=True, text=True)
    assert commit.returncode != 0
    assert "docs/artikel/verweise.md:19: Link „zeil.md“ führt ins Leere" in commit.stdout + commit.stderr
    assert subprocess.run(["git", "rev-parse", "HEAD"], cwd=project, capture_output=True).returncode != 0


def _make(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    shutil.copy(ROOT / "Makefile", project)
    shutil.copytree(ROOT / "deploy", project / "deploy", dirs_exist_ok=True)
    shutil.copytree(ROOT / "tools", project / "tools", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__"))
    if not (project / ".venv").exists():
        (project / ".venv").symlink_to(ROOT / ".venv")
    # -o: the environment is there (the symlink), make must not try to install it.
    return subprocess.run(["make", "-s", "-o", ".venv/.installed", *args], cwd=project, capture_output=True,
                          text=True, env={**os.environ, "K3B_TODAY": "2026-12-01", **env})


def test_make_deploy_needs_a_target_and_the_public_address(tmp_path):
    project = make_project(tmp_path, "minimal")
    missing = _make(project, "deploy")
    assert missing.returncode != 0 and "DEPLOY_TARGET fehlt" in missing.stdout + missing.stderr
    no_url = _make(project, "deploy", "DEPLOY_TARGET=/tmp/x", K3B_SITE_URL="")
    assert no_url.returncode != 0 and "K3B_SITE_URL fehlt" in no_url.stdout + no_url.stderr


def test_make_deploy_builds_and_syncs_with_the_headers(tmp_path):
    project = make_project(tmp_path, "minimal")
    calls = tmp_path / "rsync-calls.txt"
    fake = tmp_path / "rsync"
    fake.write_text(f"#!/bin/sh\nprintf '%s\\n' \"$*\" >> {calls}\n", encoding="utf-8")
    fake.chmod(0o755)
    result = _make(project, "deploy", "DEPLOY_TARGET=k3b@server:/srv/k3b", f"RSYNC={fake}",
                   K3B_SITE_URL="https://wissen.k3b.example/")
    assert result.returncode == 0, result.stdout + result.stderr
    site, deploy = calls.read_text(encoding="utf-8").splitlines()
    assert site.endswith("--delete --delay-updates --chmod=D755,F644 site/ k3b@server:/srv/k3b/site/")
    assert deploy.endswith("deploy/nginx.conf deploy/apache.htaccess k3b@server:/srv/k3b/deploy/")
    assert "Content-Security-Policy" in (project / "site/.htaccess").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in (project / "site/_headers").read_text(encoding="utf-8")
    canonical = html(project / "site", "artikel/windpark-im-dorf/").select_one("link[rel=canonical]")["href"]
    assert canonical == "https://wissen.k3b.example/artikel/windpark-im-dorf/"


def test_make_deploy_never_publishes_drafts(tmp_path):
    """Not even with K3B_PREVIEW=1 left in the shell from an internal preview."""
    project = make_project(tmp_path, "drafts")
    target = tmp_path / "server"
    result = _make(project, "deploy", f"DEPLOY_TARGET={target}", K3B_SITE_URL="https://wissen.k3b.example/",
                   K3B_PREVIEW="1")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (target / "site/artikel/veroeffentlicht/index.html").is_file()
    assert not (target / "site/artikel/entwurf").exists() and not (target / "site/artikel/geplant").exists()


def test_make_deploy_with_real_rsync_to_a_folder(tmp_path):
    if shutil.which("rsync") is None:
        pytest.fail("rsync fehlt (apt-get install rsync); make test installiert es")
    project = make_project(tmp_path, "minimal")
    target = tmp_path / "server"
    result = _make(project, "deploy", f"DEPLOY_TARGET={target}", K3B_SITE_URL="https://wissen.k3b.example/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (target / "site/index.html").is_file() and (target / "site/.htaccess").is_file()
    assert (target / "deploy/nginx.conf").is_file()


def test_edit_links_with_a_repository(tmp_path, monkeypatch):
    monkeypatch.setenv("K3B_REPO_URL", "https://github.com/k3b/wissensportal")
    monkeypatch.setenv("K3B_EDIT_URI", "edit/main/docs/")
    site = build(make_project(tmp_path, "minimal"))
    edit = html(site, "artikel/windpark-im-dorf/").select_one("a[rel=edit]")
    assert edit["href"] == "https://github.com/k3b/wissensportal/edit/main/docs/artikel/windpark-im-dorf.md"
    assert edit["aria-label"] == "Diese Seite bearbeiten"
    assert not html(site, "themen/energiewende/").select("a[rel=edit]")  # generated: no source file
    header = html(site, "")
    assert header.select_one("a.md-source")["href"] == "https://github.com/k3b/wissensportal"
    assert not header.select("[data-md-component=source]")  # no request to the GitHub API


def test_no_edit_links_without_a_repository(minimal_site):
    assert not html(minimal_site, "artikel/windpark-im-dorf/").select("a[rel=edit], a.md-source")
