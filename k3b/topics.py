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
    # Groups of words the search treats as one (Windkraft, Windenergie, Windpark): a page
    # with one of them is found by each. Not used for topic detection.
    synonyms: tuple[tuple[str, ...], ...] = ()


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
    entry_nodes = _entry_nodes(node)
    problems: list[Problem] = []
    topics: list[Topic] = []
    seen: dict[str, int] = {}
    synonyms_seen: dict[str, tuple[str, int]] = {}
    for index, entry in enumerate(data["themen"]):
        entry_node = entry_nodes[index] if index < len(entry_nodes) else None
        line = entry_node.start_mark.line + 1 if entry_node is not None else 1
        topic = _parse_entry(entry, index, line, shown, problems)
        if topic is None:
            continue
        groups = _synonym_groups(entry.get("synonyme"), topic, entry_node, line, shown, problems,
                                 synonyms_seen)
        topic = Topic(topic.slug, topic.label, topic.description, topic.keywords, groups)
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


def _value_node(node: Any, name: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == name:
                return value
    return None


def _entry_nodes(node: Any) -> list[Any]:
    entries = _value_node(node, "themen")
    return list(entries.value) if isinstance(entries, yaml.SequenceNode) else []


def _synonym_groups(value: Any, topic: Topic, entry_node: Any, line: int, shown: str,
                    problems: list[Problem], seen: dict[str, tuple[str, int]]) -> tuple[tuple[str, ...], ...]:
    """``synonyme:`` of a topic: a list of groups, each at least two single words; a word
    belongs to one group at most (across all topics)."""
    if value is None:
        return ()
    name = f"Thema „{topic.label}“"
    if not isinstance(value, list):
        problems.append(Problem(shown, line, f"{name}: „synonyme“ muss eine Liste von Gruppen sein, "
                                "z. B. „- [Windkraft, Windenergie]“"))
        return ()
    group_nodes = _value_node(entry_node, "synonyme")
    lines = [n.start_mark.line + 1 for n in group_nodes.value] \
        if isinstance(group_nodes, yaml.SequenceNode) else []
    groups = []
    for number, group in enumerate(value):
        at = lines[number] if number < len(lines) else line
        where = f"{name}, Synonymgruppe Nr. {number + 1}"
        if not isinstance(group, list) or not all(isinstance(w, str) and w.strip() for w in group):
            problems.append(Problem(shown, at, f"{where}: muss eine Liste von Wörtern sein, "
                                    "z. B. „[Windkraft, Windenergie]“"))
            continue
        words = tuple(w.strip() for w in group)
        if len(set(w.casefold() for w in words)) < 2:
            problems.append(Problem(shown, at, f"{where}: braucht mindestens zwei verschiedene Wörter"))
            continue
        bad = [w for w in words if len(w.split()) > 1]
        if bad:
            problems.append(Problem(shown, at, f"{where}: „{bad[0]}“ ist kein einzelnes Wort – "
                                    "Synonyme sind einzelne Wörter"))
            continue
        clash = next((w for w in words if slugify(w) in seen), None)
        if clash is not None:
            other, other_line = seen[slugify(clash)]
            problems.append(Problem(shown, at, f"{where}: „{clash}“ steht schon in einer Synonymgruppe "
                                    f"(Thema „{other}“, Zeile {other_line})"))
            continue
        for word in words:
            seen[slugify(word)] = (topic.label, at)
        groups.append(words)
    return tuple(groups)


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
