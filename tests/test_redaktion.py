"""REDAKTION.md, the staff guide: it explains every German message the build can give and
lists every front matter field of every content type (from the schema)."""

from __future__ import annotations

import ast
import re

import pytest

from k3b.scaffold import guide_tables
from sitebuild import ROOT

GUIDE = ROOT / "REDAKTION.md"
# Where messages are made: problems.add(path, line, MESSAGE), ctx.fail(MESSAGE),
# Problem(path, line, MESSAGE), the German exceptions, and the functions that return the
# text of a message (their names say so).
CALLS = {"add": 2, "fail": 0, "Problem": 2, "FrontMatterError": 1, "BuildDateError": 0, "ConfigError": 1}
MESSAGE_FUNCTIONS = re.compile(r"problem|unknown|missing|^_load$|reason|_describe|_hint|message|^check_")
TRANSLATIONS = ("_PROBLEMS_DE", "_CONTEXTS_DE", "translations")


def _parts(node: ast.AST) -> list[str]:
    """The literal text of a string or f-string, split at its placeholders."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        parts, current = [], ""
        for value in node.values:
            if isinstance(value, ast.Constant):
                current += value.value
            else:
                parts.append(current)
                current = ""
        return [*parts, current]
    if isinstance(node, ast.BinOp):  # "…" + "…"
        return _parts(node.left) + _parts(node.right)
    if isinstance(node, ast.IfExp):
        return _parts(node.body) + _parts(node.orelse)
    return []


def _strings(node: ast.AST) -> list[ast.AST]:
    """The strings a return value holds: itself, or those in a tuple or list (``None, [f"…"]``)."""
    if isinstance(node, ast.Tuple | ast.List):
        return [s for element in node.elts for s in _strings(element)]
    return [node] if isinstance(node, ast.Constant | ast.JoinedStr | ast.BinOp | ast.IfExp) else []


def _key_phrase(parts: list[str]) -> str:
    """The longest literal run of a message, without quotes at its ends: what the guide must say."""
    best = max((p.strip(" „“:–-.()") for p in parts), key=len, default="")
    return best if len(best) >= 8 and re.search(r"[a-zäöüß]{3}", best) else ""


def messages() -> dict[str, str]:
    """Key phrase → where it is made, for every German message in k3b/."""
    found: dict[str, str] = {}
    for path in sorted([*(ROOT / "k3b").rglob("*.py"), *(ROOT / "hooks").glob("*.py")]):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT).as_posix()
        candidates: list[ast.AST] = []
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                function = node.func
                name = function.attr if isinstance(function, ast.Attribute) else getattr(function, "id", "")
                index = CALLS.get(name)
                if index is not None and len(node.args) > index:
                    candidates.append(node.args[index])
            elif isinstance(node, ast.FunctionDef) and MESSAGE_FUNCTIONS.search(node.name):
                returned = [n.value for n in ast.walk(node) if isinstance(n, ast.Return) and n.value]
                candidates += [n for value in returned for n in _strings(value)]
            elif isinstance(node, ast.Assign) and any(getattr(t, "id", "") in TRANSLATIONS
                                                      for t in node.targets):
                candidates += node.value.values
        for candidate in candidates:
            phrase = _key_phrase(_parts(candidate))
            if phrase and not phrase.startswith("<"):
                found.setdefault(phrase, where)
    return found


def test_the_guide_explains_every_message():
    text = " ".join(GUIDE.read_text(encoding="utf-8").split())
    missing = {phrase: where for phrase, where in messages().items() if " ".join(phrase.split()) not in text}
    assert not missing, "In REDAKTION.md („Meldungen und was zu tun ist“) fehlen:\n" + "\n".join(
        f"  {where}: {phrase}" for phrase, where in sorted(missing.items(), key=lambda m: m[1]))


def test_messages_are_found():
    found = messages()
    assert len(found) > 60
    assert "ist kein Datum – bitte als JJJJ-MM-TT angeben, z. B. 2025-03-14" in found
    assert any("ohne Alternativtext" in phrase for phrase in found)


def test_the_guide_has_the_field_tables_of_the_schema():
    """The tables between the markers are written by ``python -m k3b.scaffold --leitfaden``."""
    text = GUIDE.read_text(encoding="utf-8")
    start, end = "<!-- felder:anfang -->", "<!-- felder:ende -->"
    assert text[text.index(start) + len(start):text.index(end)].strip() == guide_tables().strip(), \
        "Feldtabellen veraltet: .venv/bin/python -m k3b.scaffold --leitfaden (zwischen die Marken kopieren)"


@pytest.mark.parametrize("topic", ["Schreiben", "Bilder", "Zitieren", "Prüfen", "Vorschau", "Veröffentlichen",
                                   "Meldungen und was zu tun ist"])
def test_the_guide_has_its_chapters(topic):
    assert re.search(rf"^## .*{topic}", GUIDE.read_text(encoding="utf-8"), re.MULTILINE), topic


def test_the_guide_is_not_published():
    assert not (ROOT / "docs" / "REDAKTION.md").exists() and GUIDE.is_file()
