"""The topic vocabulary: one data file, validated, with lookup by label or slug."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem
from .slugs import slugify

DEFAULT_THRESHOLD = 3


@dataclass(frozen=True)
class Topic:
    """One topic of the controlled vocabulary."""

    slug: str
    label: str
    description: str
    keywords: tuple[str, ...]


class VocabularyError(Exception):
    """The vocabulary file is broken; ``problems`` holds one line per mistake."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Vocabulary:
    """All topics, in the order of the data file, and the detection threshold."""

    topics: tuple[Topic, ...]
    threshold: int = DEFAULT_THRESHOLD

    def by_slug(self, slug: str) -> Topic | None:
        return next((t for t in self.topics if t.slug == slug), None)

    def resolve(self, name: str) -> Topic | None:
        """The topic named by its label or slug, ignoring case and umlaut spelling."""
        wanted = slugify(name)
        return next((t for t in self.topics if t.slug == wanted or slugify(t.label) == wanted), None)

    def suggest(self, name: str) -> str | None:
        """The label closest to a misspelt ``name``, if any is close enough."""
        labels = {t.label.casefold(): t.label for t in self.topics}
        labels.update({t.slug: t.label for t in self.topics})
        match = difflib.get_close_matches(name.casefold(), list(labels), n=1, cutoff=0.6)
        return labels[match[0]] if match else None


def load_vocabulary(path: Path, display_path: str | None = None) -> Vocabulary:
    """Read and validate the vocabulary file.

    Raises:
        VocabularyError: with every problem of the file, each naming the entry.
    """
    shown = display_path or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise VocabularyError([Problem(shown, 1, f"Themen-Datei nicht lesbar: {error.strerror}")]) from None
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as error:
        line = (error.problem_mark.line + 1) if error.problem_mark else 1
        raise VocabularyError([Problem(shown, line, f"kein gültiges YAML: {error.problem}")]) from None
    except (yaml.YAMLError, ValueError, TypeError) as error:
        raise VocabularyError([Problem(shown, 1, f"kein gültiges YAML: {error}")]) from None
    if not isinstance(data, dict) or not isinstance(data.get("themen"), list):
        raise VocabularyError([Problem(shown, 1, 'die Datei braucht eine Liste „themen:“')])
    entry_lines = _entry_lines(node)
    problems: list[Problem] = []
    topics: list[Topic] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(data["themen"]):
        line = entry_lines[index] if index < len(entry_lines) else 1
        topic = _parse_entry(entry, index, line, shown, problems)
        if topic is None:
            continue
        if topic.slug in seen:
            problems.append(Problem(
                shown, line,
                f'Thema „{topic.label}“: Slug „{topic.slug}“ ist schon vergeben '
                f"(Eintrag in Zeile {seen[topic.slug]})",
            ))
            continue
        seen[topic.slug] = line
        topics.append(topic)
    threshold = data.get("schwelle")
    threshold = DEFAULT_THRESHOLD if threshold is None else threshold
    if not isinstance(threshold, int) or isinstance(threshold, bool) or threshold < 1:
        problems.append(Problem(shown, 1, "„schwelle“ muss eine ganze Zahl ab 1 sein"))
        threshold = DEFAULT_THRESHOLD
    if problems:
        raise VocabularyError(problems)
    return Vocabulary(tuple(topics), threshold)


def _entry_lines(node: Any) -> list[int]:
    if not isinstance(node, yaml.MappingNode):
        return []
    for key, value in node.value:
        if key.value == "themen" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _parse_entry(
    entry: Any, index: int, line: int, shown: str, problems: list[Problem]
) -> Topic | None:
    name = f"Thema Nr. {index + 1}"
    if not isinstance(entry, dict):
        problems.append(Problem(shown, line, f"{name}: Eintrag muss Felder haben (slug, label …)"))
        return None
    label = entry.get("label")
    if not isinstance(label, str) or not label.strip():
        problems.append(Problem(shown, line, f"{name}: das Feld „label“ fehlt"))
        return None
    name = f"Thema „{label}“"
    slug = entry.get("slug") or slugify(label)
    if not isinstance(slug, str) or slug != slugify(slug):
        problems.append(Problem(
            shown, line, f"{name}: Slug „{slug}“ ist ungültig, erlaubt sind a–z, 0–9 und -"
        ))
        return None
    keywords = entry.get("schlagwoerter") or []
    if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
        problems.append(Problem(shown, line, f"{name}: „schlagwoerter“ muss eine Liste sein"))
        return None
    description = entry.get("beschreibung") or ""
    if not isinstance(description, str):
        problems.append(Problem(shown, line, f"{name}: „beschreibung“ muss ein Text sein"))
        return None
    return Topic(slug, label.strip(), description.strip(), tuple(k.strip() for k in keywords))
