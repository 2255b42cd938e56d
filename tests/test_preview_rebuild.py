"""The preview renders only what an edit changed, and its site stays that of a fresh build.

A real preview (``make serve``'s command, MkDocs' ``--dirty`` with ``k3b.rebuild``) of the real
content goes through a series of edits, a new article, a rename, a deletion, a change in the
bibliography, two saves in quick succession, a broken file and its fix. Then its site folder
is compared, file by file, with the folder of a preview started afresh on the final content,
on the same port.
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

from previewserver import Preview, free_port
from searchindex import indexed_pages
from sitebuild import make_project

ARTICLE = "docs/artikel/wenn-die-schule-schliesst.md"
NEW = "docs/artikel/ein-neuer-beitrag.md"
RENAMED = "docs/artikel/ein-umbenannter-beitrag.md"
NEW_TEXT = """---
title: Ein neuer Beitrag zum Test
date: 2026-11-30
authors:
  - K3B-Redaktion
summary: Ein Beitrag, den der Test anlegt, umbenennt und wieder löscht.
topics:
  - Strukturwandel
---

Fiktives Beispiel. Ein kurzer Text über den Strukturwandel im Revier [@arnstein1969ladder].
"""


def _edit(project: Path, path: str, old: str, new: str) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text, (path, old)
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def _steps(project: Path):
    """(what, change): each change is one save, as staff make them."""
    yield "Text eines Artikels", lambda: _edit(project, ARTICLE, "Die Grundschule ist",
                                               "Die Dorfschule ist")
    yield "noch einmal Text", lambda: _edit(project, ARTICLE, "Treffpunkt für Eltern",
                                            "Treffpunkt für Familien")
    yield "Titel eines Artikels", lambda: _edit(project, ARTICLE, "title: Wenn die Schule schließt",
                                                "title: Wenn die Dorfschule schließt")
    yield "neuer Artikel", lambda: (project / NEW).write_text(NEW_TEXT, encoding="utf-8")
    yield "umbenannt", lambda: (project / NEW).rename(project / RENAMED)
    yield "Literatur geändert", lambda: _edit(project, "publications/literatur.bib",
                                              "{A Ladder of Citizen Participation}",
                                              "{A Ladder of Citizen Participation (Test)}")
    yield "gelöscht", lambda: (project / RENAMED).unlink()
    yield "Themen eines Artikels", lambda: _edit(project, ARTICLE, "  - Demografischer Wandel",
                                                 "  - Demografischer Wandel\n  - Strukturwandel")


def _varies(name: str) -> bool:
    """The build's stamp, and the files in which Pagefind writes the same filters differently
    from run to run (its own order; two runs on one folder differ there too)."""
    return name == "k3b-vorschau.json" or name.startswith("pagefind/filter/") \
        or name in ("pagefind/pagefind-entry.json",) or name.endswith(".pf_meta")


def _files(site: Path) -> dict[str, bytes]:
    found = {}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        name = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if _varies(name):
            continue
        if name.endswith(".gz"):
            data = gzip.decompress(data)  # the header holds the time of writing
        found[name] = data
    return found


def _site_of(preview: Preview, copy: Path) -> tuple[dict[str, bytes], dict[str, dict]]:
    shutil.copytree(preview.site, copy)
    return _files(copy), indexed_pages(copy)


def test_the_preview_after_edits_equals_a_fresh_one(tmp_path):
    project = make_project(tmp_path, real_content=True)
    port = free_port()
    preview = Preview(project, port=port)
    try:
        state = preview.settled_after(None, "die Vorschau wurde nicht fertig")
        assert state["probleme"] == []
        for what, change in _steps(project):
            change()
            state = preview.settled_after(state["stand"], f"nach „{what}“ kein neuer Stand")
            assert state["probleme"] == [], (what, state["probleme"])
        # Two saves in quick succession: the second stops the first build's search index.
        _edit(project, ARTICLE, "Die Dorfschule ist", "Die kleine Dorfschule ist")
        quick = preview.wait_for(lambda: (s := preview.state())["stand"] != state["stand"] and s,
                                 "nach der ersten schnellen Änderung kein neuer Stand")
        _edit(project, ARTICLE, "Die kleine Dorfschule ist", "Die Dorfschule ist")
        state = preview.settled_after(quick["stand"], "nach der zweiten schnellen Änderung kein neuer Stand")
        # A broken file: the last good site stays, then the fix.
        _edit(project, ARTICLE, "title: Wenn", "title: Wenn: ")
        state = preview.settled_after(state["stand"], "der Fehler wurde nicht gemeldet")
        assert state["probleme"] and state["probleme"][0].startswith(ARTICLE), state
        _edit(project, ARTICLE, "title: Wenn: ", "title: Wenn")
        state = preview.settled_after(state["stand"], "nach dem Beheben kein neuer Stand")
        assert state["probleme"] == []
        log = preview.log.read_text(encoding="utf-8")
        edited, edited_search = _site_of(preview, tmp_path / "bearbeitet")
    finally:
        preview.stop()
    assert "dirty" not in log and "Traceback" not in log, log[-3000:]
    fresh_preview = Preview(project, port=port)
    try:
        fresh_preview.settled_after(None, "die neue Vorschau wurde nicht fertig")
        fresh, fresh_search = _site_of(fresh_preview, tmp_path / "frisch")
    finally:
        fresh_preview.stop()
    # What the edits did shows, and the removed pages are gone.
    assert "artikel/ein-umbenannter-beitrag/index.html" not in edited
    assert "artikel/ein-neuer-beitrag/index.html" not in edited
    assert "Wenn die Dorfschule schließt" in edited["artikel/wenn-die-schule-schliesst/index.html"].decode()
    assert sorted(edited) == sorted(fresh)
    differing = [name for name in fresh if edited[name] != fresh[name]]
    assert differing == [], differing[:20]
    assert edited_search == fresh_search  # every page's record in the search, filters too
