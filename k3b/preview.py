"""The preview (``make serve``) while content is broken: the last good site, with the problems.

MkDocs' own preview stops answering when a rebuild fails („The server will appear stuck
until build errors are resolved“) and does not start at all when the first build fails.
Ours never fails over a staff mistake: the build that found problems publishes the last good
site again (or, before there was one, a page that lists the problems), and
``k3b-vorschau.json`` holds the problems, one German line each, as the terminal shows them,
and which build this is. Every preview page loads ``k3b-vorschau.js``, which shows them above
the text and reloads the page after every build, so an edit or a fix shows by itself.
"""

from __future__ import annotations

import json
import os
import shutil
from html import escape
from pathlib import Path

PROBLEMS_FILE = "k3b-vorschau.json"
SCRIPT_SRC = "assets/javascripts/k3b-vorschau.js"
# An open page learns of a new build from the engine's own long poll (``/livereload/<epoch>/0``
# answers once a build has finished), then reads the problems. MkDocs' reload itself is an
# inline script, which the pages' Content-Security-Policy refuses; this one is a file of the
# site. Where no engine answers (the site served as files), it asks once a second (POLL_MS).
POLL_MS = 1000
SCRIPT = """// The preview's reload and problem banner (make serve; k3b/preview.py). Not on a published site.
(() => {
  const script = document.currentScript;
  const source = new URL("../../k3b-vorschau.json", script.src);
  let stand = null;
  const state = () => fetch(source, { cache: "no-store" }).then((r) => (r.ok ? r.json() : null));
  // False once the page reloads.
  const render = (current) => {
    if (current === null) return true;
    if (stand !== null && current.stand !== stand) {
      location.reload();  // a newer build: its text, or its problems
      return false;
    }
    stand = current.stand;
    const problems = current.probleme;
    // The page before the first good build lists them itself.
    if (!problems.length || document.querySelector("#k3b-vorschau-probleme, .k3b-vorschau")) return true;
    const box = document.createElement("div");
    box.id = "k3b-vorschau-probleme";
    box.className = "admonition failure k3b-banner";
    box.setAttribute("role", "alert");
    const title = document.createElement("p");
    title.className = "admonition-title";
    title.textContent = (problems.length === 1 ? "1 Problem" : `${problems.length} Probleme`)
      + " – die Vorschau zeigt den letzten Stand ohne Fehler. Nach dem Beheben lädt die Seite neu.";
    const list = document.createElement("ul");
    for (const line of problems) {
      const item = document.createElement("li");
      item.textContent = line;
      list.append(item);
    }
    box.append(title, list);
    (document.querySelector("article.md-content__inner") || document.body).prepend(box);
    return true;
  };
  const check = () => state().then(render, () => true);
  const poll = () => check().then((again) => { if (again) setTimeout(poll, POLL_MS); });
  const built = (epoch) => fetch(`/livereload/${epoch}/0`, { cache: "no-store" })
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error("kein Vorschau-Server"))));
  // Each answer is a finished build; the first one says which build is current.
  const follow = (epoch) => built(epoch).then(
    (next) => check().then((again) => { if (again) follow(next); }),
    () => setTimeout(() => follow(epoch), POLL_MS));
  check().then((again) => {
    if (!again) return;
    built(0).then((epoch) => check().then((still) => { if (still) follow(epoch); }), poll);
  });
})();
""".replace("POLL_MS", str(POLL_MS))


def state_json(stand: str, lines: list[str], search: bool = True) -> str:
    """What ``k3b-vorschau.json`` holds: the build (any new value reloads open pages), its
    problems, one German line each, and whether its search index is written yet."""
    return json.dumps({"stand": stand, "probleme": lines, "suche": "fertig" if search else "läuft"},
                      ensure_ascii=False)


def write_atomically(path: Path, text: str) -> None:
    """Open pages read the file four times a second: never half written."""
    partial = path.with_name(path.name + ".neu")
    partial.write_text(text, encoding="utf-8")
    os.replace(partial, path)


# Written after the pages, by the search (k3b.search.indexer), not by the build.
SEARCH_FOLDER = "pagefind"


def remove_stale(site_dir: Path, produced: set[str]) -> list[str]:
    """Remove what a build that renders only changes left of earlier builds: files of pages
    renamed or deleted since. ``produced``: every file this build wrote (site-relative)."""
    removed = []
    for folder, _dirs, names in os.walk(site_dir, topdown=False):
        relative = os.path.relpath(folder, site_dir).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        if prefix.startswith(SEARCH_FOLDER + "/"):
            continue
        for name in names:
            if prefix + name not in produced:
                os.unlink(os.path.join(folder, name))
                removed.append(prefix + name)
        if prefix and not os.listdir(folder):
            os.rmdir(folder)
    return sorted(removed)


def first_build_page(lines: list[str], csp_meta: str) -> str:
    """A page for every address while there was no good build yet."""
    items = "".join(f"<li><code>{escape(line)}</code></li>" for line in lines)
    count = "1 Problem verhindert" if len(lines) == 1 else f"{len(lines)} Probleme verhindern"
    return (
        '<!doctype html>\n<html lang="de"><head><meta charset="utf-8">\n'
        f'{csp_meta}\n<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        "<title>Vorschau: Probleme – K3B Wissensportal</title>\n"
        '<link rel="stylesheet" href="/assets/k3b.css">\n'
        f'<script src="/{SCRIPT_SRC}" defer></script></head>\n'
        '<body><main class="k3b-vorschau"><h1>Die Vorschau kann noch nichts zeigen</h1>\n'
        f"<p>{count} den ersten Build. Sobald alles behoben ist, lädt diese Seite von "
        "selbst neu. Was zu tun ist, steht in REDAKTION.md unter „Meldungen und was zu tun ist“.</p>\n"
        f'<ul class="k3b-vorschau__probleme">{items}</ul></main></body></html>\n'
    )


def keep(site_dir: Path, kept: Path, only: tuple[str, ...] = ()) -> None:
    """Remember the just-built site as the last good one (hard links: no copying), or only the
    files named in ``only`` (as copies: the next build writes into them)."""
    if kept.exists():
        shutil.rmtree(kept)
    if not only:
        _copy(site_dir, kept)
        return
    kept.mkdir(parents=True)
    for name in only:
        if (site_dir / name).is_file():
            shutil.copyfile(site_dir / name, kept / name)


def restore(kept: Path, site_dir: Path) -> bool:
    """Put the last good site back into ``site_dir``; False if there is none."""
    if not kept.is_dir():
        return False
    _copy(kept, site_dir)
    return True


def _copy(source: Path, target: Path) -> None:
    def link(src: str, dst: str) -> None:
        if os.path.lexists(dst):
            os.unlink(dst)
        try:
            os.link(src, dst)  # the build writes new files, never into old ones
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link, dirs_exist_ok=True)
