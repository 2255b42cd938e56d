"""The project as the build and ``make check`` both see it, read without a build engine.

``Settings`` are our part of ``mkdocs.yml`` (``docs_dir``, ``site_url``, ``extra.k3b``),
``read_config`` reads that file as plain YAML (``!ENV`` understood, other tags ignored),
``docs_files`` lists ``docs/`` as MkDocs does (pages and other files, hidden ones left out),
``publication_sources`` the ``.bib`` files. The MkDocs hook gets the same settings from
MkDocs' own configuration.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .bibliography.model import DEFAULT_PRIVATE_FIELDS
from .bibliography.parse import BibSource
from .frontmatter import yaml_problem
from .images import DEFAULT_MAX_MB
from .render import page_url
from .site import SourcePage
from .symlinks import is_below

OWN_FILE = "k3b.bib"  # K3B's own publications; every other publications/*.bib is cited literature
VOCABULARY = "data/themen.yml"


class ConfigError(Exception):
    """``mkdocs.yml`` cannot be used; ``line`` (or the ``key`` whose line it is) and a German
    ``message``."""

    def __init__(self, line: int, message: str, key: str = "") -> None:
        super().__init__(message)
        self.line, self.message, self.key = line, message, key

    def line_in(self, text: str) -> int:
        """The line to show, in the file's ``text``: that of ``key``, if it is found."""
        if self.key:
            for number, line in enumerate(text.splitlines(), 1):
                if line.lstrip().startswith(self.key + ":"):
                    return number
        return self.line


@dataclass(frozen=True)
class Settings:
    root: Path  # the folder of mkdocs.yml
    docs_dir: Path
    site_url: str
    site_name: str
    vocabulary: Path
    private_fields: tuple[str, ...]
    max_image_mb: float

    @classmethod
    def from_config(cls, root: Path, config: Mapping[str, Any]) -> Settings:
        """From ``mkdocs.yml`` as a mapping (MkDocs' validated config or ``read_config``).

        Raises:
            ConfigError: a setting of ours has a value that cannot be used.
        """
        extra = (config.get("extra") or {}).get("k3b") or {}
        max_mb = (extra.get("images") or {}).get("max_mb", DEFAULT_MAX_MB)
        if isinstance(max_mb, bool) or not isinstance(max_mb, int | float) or max_mb <= 0:
            raise ConfigError(1, f"„extra.k3b.images.max_mb“: „{max_mb}“ ist keine Zahl über 0 – die "
                              "höchste erlaubte Größe eines Bildes in MB, z. B. max_mb: 20", key="max_mb")
        return cls(
            root=root,
            docs_dir=root / (config.get("docs_dir") or "docs"),
            site_url=str(config.get("site_url") or ""),
            site_name=str(config.get("site_name") or ""),
            vocabulary=root / extra.get("vocabulary", VOCABULARY),
            private_fields=tuple(extra.get("private_fields", DEFAULT_PRIVATE_FIELDS)),
            max_image_mb=float(max_mb),
        )

    def shown(self, path: Path) -> str:
        """A path as staff see it: relative to the project folder (``docs/artikel/x.md``)."""
        return os.path.relpath(path, self.root).replace(os.sep, "/")


class _ConfigLoader(yaml.SafeLoader):
    """``mkdocs.yml`` as data: ``!ENV [NAME, default]`` from the environment, other tags
    (``!!python/name:`` of Markdown extensions) as plain values."""


def _env(loader: _ConfigLoader, node: yaml.Node) -> Any:
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) \
        else [loader.construct_scalar(node)]
    for name in values[:-1] if len(values) > 1 else values:
        if str(name) in os.environ:
            return os.environ[str(name)]
    return values[-1] if len(values) > 1 else None


def _any_tag(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_scalar(node)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", _any_tag)


def read_config(path: Path) -> dict[str, Any]:
    """``mkdocs.yml`` as data.

    Raises:
        ConfigError: the file is missing, unreadable or not valid YAML.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(1, f"keine „{path.name}“ in „{path.parent}“ – bitte im Projektordner "
                          "aufrufen (dort, wo mkdocs.yml liegt)") from None
    except (OSError, ValueError):
        raise ConfigError(1, "Datei ist nicht lesbar oder nicht in UTF-8 gespeichert") from None
    try:
        data = yaml.load(text, Loader=_ConfigLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        line, problem = yaml_problem(error)
        raise ConfigError(line, f"kein gültiges YAML: {problem}") from None
    except (yaml.YAMLError, ValueError, TypeError) as error:
        raise ConfigError(1, f"kein gültiges YAML: {error}") from None
    if data is not None and not isinstance(data, dict):
        raise ConfigError(1, "die Datei muss aus Einstellungen der Form „name: wert“ bestehen")
    return data or {}


def docs_files(settings: Settings, refused: Iterable[Path] = ()) -> tuple[list[SourcePage], list[str]]:
    """The Markdown pages and the other files below ``docs/``, sorted, hidden ones left out,
    and none through a ``refused`` symlink (``k3b.symlinks``)."""
    refused = tuple(refused)
    pages, others = [], []
    docs = settings.docs_dir
    for folder, dirs, names in os.walk(docs):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.startswith("."):
                continue
            path = Path(folder) / name
            if refused and is_below(path, refused):
                continue
            src = path.relative_to(docs).as_posix()
            if name.endswith(".md"):
                pages.append(SourcePage(src, page_url(src), settings.shown(path),
                                        lambda path=path: path.read_text(encoding="utf-8-sig")))
            else:
                others.append(src)
    return pages, others


def publication_sources(settings: Settings, refused: Iterable[Path] = ()) -> list[BibSource]:
    refused = tuple(refused)
    files = [f for f in sorted((settings.root / "publications").glob("*.bib")) if not is_below(f, refused)]
    return [BibSource(f, settings.shown(f), f.name == OWN_FILE) for f in files]
