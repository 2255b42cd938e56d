"""Front matter parsing that keeps line numbers and never fails silently.

MkDocs swallows invalid YAML and renders the raw front matter into the page body. This
module reads the same block, reports every problem with its line in the source file, and
remembers on which line each key stands so that later validation can point at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

# Same opening and closing rule as mkdocs.utils.meta, so both agree on what the block is.
_OPEN = re.compile(r"\A-{3}[ \t]*\n")
_CLOSE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$", re.MULTILINE)


class FrontMatterError(Exception):
    """The front matter cannot be read; ``line`` is 1-based in the source file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


@dataclass(frozen=True)
class FrontMatter:
    """The parsed block: values, the line of each top-level key, and the body after it."""

    data: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1
    present: bool = False

    def line_of(self, key: str) -> int:
        """Line of ``key`` in the source, or the block's first line if the key is absent.
        List items and their keys have lines too: ``funders.0``, ``funders.0.logo``."""
        return self.key_lines.get(key, 1)


class _UniqueKeyLoader(yaml.SafeLoader):
    """Safe loader that rejects duplicate keys instead of keeping the last one silently."""


# libyaml's parser when PyYAML has it (about five times faster), with the same constructors.
# Its error messages differ, so a block it rejects is parsed again by the Python loader,
# whose messages are the ones translated below.
class _FastUniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same loader on libyaml's parser."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False):
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if isinstance(key, str) and key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"Feld „{key}“ steht doppelt", key_node.start_mark
            )
        seen[key] = key_node.start_mark.line
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


def _construct_timestamp(loader: _UniqueKeyLoader, node: yaml.ScalarNode):
    # "2025-02-30" looks like a date to YAML but is none; keep the text so that the
    # schema can report it instead of PyYAML raising a bare ValueError.
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


for _loader in (_UniqueKeyLoader, _FastUniqueKeyLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def parse_front_matter(source: str) -> FrontMatter:
    """Split ``source`` into front matter and body.

    Raises:
        FrontMatterError: the block is not closed, is not valid YAML or is not a mapping.
    """
    source = source.lstrip("\ufeff").replace("\r\n", "\n")
    opening = _OPEN.match(source)
    if not opening:
        return FrontMatter(body=source)
    closing = _CLOSE.search(source, opening.end())
    if not closing:
        raise FrontMatterError(
            1, "Front Matter wird nicht mit einer Zeile „---“ abgeschlossen"
        )
    block = source[opening.end() : closing.start()]
    body_start = closing.end() + 1 if closing.end() < len(source) else closing.end()
    body_line = source.count("\n", 0, body_start) + 1
    offset = 2  # the block starts on the line after the opening "---"
    try:
        node, data = _load(block)
    except yaml.MarkedYAMLError as error:
        # The context mark is where the broken construct starts (an opening quote or
        # bracket); that is the line to fix, while the problem mark is where YAML gave up.
        mark = error.context_mark or error.problem_mark
        line = offset + (mark.line if mark else 0)
        raise FrontMatterError(line, f"Front Matter ist kein gültiges YAML: {_describe(error)}") from None
    except (yaml.YAMLError, ValueError, TypeError) as error:
        raise FrontMatterError(offset, f"Front Matter ist kein gültiges YAML: {error}") from None
    if data is None:
        return FrontMatter(body=source[body_start:], body_line=body_line, present=True)
    if not isinstance(data, dict):
        raise FrontMatterError(
            offset,
            "Front Matter muss aus Feldern der Form „name: wert“ bestehen, "
            f"gefunden wurde {_kind(data)}",
        )
    key_lines = _key_lines(node, offset) if isinstance(node, yaml.MappingNode) else {}
    return FrontMatter(
        data={str(k): v for k, v in data.items()},
        key_lines=key_lines,
        body=source[body_start:],
        body_line=body_line,
        present=True,
    )


def body_of(source: str) -> str:
    """The text after the front matter, without parsing it (for finding a page's anchors)."""
    source = source.lstrip("\ufeff").replace("\r\n", "\n")
    opening = _OPEN.match(source)
    closing = _CLOSE.search(source, opening.end()) if opening else None
    return source[closing.end():] if closing else source


def _key_lines(node: yaml.MappingNode, offset: int) -> dict[str, int]:
    """Lines of the top-level keys, and of list items and their keys below them
    (``funders.0``, ``funders.0.logo``), so that a message can point at a list item."""
    lines: dict[str, int] = {}
    for key, value in node.value:
        name = str(key.value)
        lines[name] = offset + key.start_mark.line
        if isinstance(value, yaml.SequenceNode):
            for number, child in enumerate(value.value):
                lines[f"{name}.{number}"] = offset + child.start_mark.line
                if isinstance(child, yaml.MappingNode):
                    for child_key, _ in child.value:
                        lines[f"{name}.{number}.{child_key.value}"] = offset + child_key.start_mark.line
    return lines


def _load(block: str) -> tuple[yaml.Node | None, Any]:
    """The block's node tree (for key lines) and its value, from one parse."""
    try:
        return _load_with(_FastUniqueKeyLoader, block)
    except yaml.YAMLError:
        return _load_with(_UniqueKeyLoader, block)  # raises again, with the familiar message


def _load_with(loader_class: type, block: str) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(block)
    try:
        node = loader.get_single_node()
        return node, (loader.construct_document(node) if node is not None else None)
    finally:
        loader.dispose()


_PROBLEMS_DE = {
    "mapping values are not allowed here": "hier ist kein Doppelpunkt erlaubt "
    "(Text mit „: “ in Anführungszeichen setzen)",
    "could not find expected ':'": "ein Doppelpunkt fehlt",
    "found character '\\t' that cannot start any token": "Tabulator statt Leerzeichen",
    "expected <block end>, but found '-'": "Listeneintrag falsch eingerückt",
    "found undefined alias": "unbekannter Verweis mit *",
    "found unexpected end of stream": "Anführungszeichen oder Klammer nicht geschlossen",
}


_CONTEXTS_DE = {
    "while parsing a flow sequence": "die eckige Klammer „[“ wird nicht geschlossen",
    "while parsing a flow mapping": "die geschweifte Klammer „{“ wird nicht geschlossen",
    "while scanning a quoted scalar": "das Anführungszeichen wird nicht geschlossen",
    "while scanning a simple key": "ein Doppelpunkt fehlt",
}


def yaml_problem(error: yaml.MarkedYAMLError) -> tuple[int, str]:
    """Where a YAML text is broken (its line, from 1; the line of the broken construct's
    start) and what is wrong, in German."""
    mark = error.context_mark or error.problem_mark
    return (mark.line + 1 if mark else 1), _describe(error)


def _describe(error: yaml.MarkedYAMLError) -> str:
    for english, german in _CONTEXTS_DE.items():
        if str(error.context or "").startswith(english):
            return german
    problem = str(error.problem or error.context or "unbekannter Fehler")
    for english, german in _PROBLEMS_DE.items():
        if problem.startswith(english):
            return german
    return problem


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "eine Liste"
    if isinstance(value, str):
        return f"der Text „{value[:40]}“"
    return f"der Wert {value!r}"
