"""Related content: for every item, up to five others ranked by what they share.

Score = 3 × shared cited works + 1 × shared topics; ties go to the newer item, then by
title and id, so the order is deterministic. A publication "cites" itself here, so an
article and a work it cites share one citation, and two articles citing the same work
share one too.

Cost: items are grouped by their exact topic set (a handful of groups, since there are
few topics). Within a group every candidate has the same topic score, so only the newest
few of each group can make the top five; those plus the items sharing a citation are
ranked. That is O(n × (groups + citations)) for the site, not O(n²). A work cited by more
than ``WORK_CANDIDATES`` texts contributes only its newest citers as candidates.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import chain

CITATION_WEIGHT = 3
TOPIC_WEIGHT = 1
LIMIT = 5
WORK_CANDIDATES = 50


@dataclass(frozen=True, slots=True)
class Node:
    """Anything that can be related: an article, a case study or a publication."""

    id: str
    title: str
    recency: int  # a date ordinal; larger is newer, 0 if unknown
    topics: frozenset[str] = frozenset()
    works: frozenset[str] = frozenset()  # keys cited (or, for a publication, its own key)


def _rank_key(score: int, node: Node) -> tuple:
    return (-score, -node.recency, node.title.casefold(), node.id)


# The last call's nodes and result: the preview (`make serve`) collects the site after every
# edit, and most edits change no node (a title, topics, a date or a citation would).
_last: tuple[list[Node], int, dict[str, list[str]]] | None = None


def related(nodes: Iterable[Node], limit: int = LIMIT) -> dict[str, list[str]]:
    """For every node id, the ids of its related nodes, best first."""
    global _last
    nodes = list(nodes)
    if _last is not None and _last[1] == limit and _last[0] == nodes:
        return {key: list(value) for key, value in _last[2].items()}
    result = _related(nodes, limit)
    _last = (nodes, limit, {key: list(value) for key, value in result.items()})
    return result


def _related(nodes: list[Node], limit: int) -> dict[str, list[str]]:
    by_work: defaultdict[str, list[Node]] = defaultdict(list)
    groups: defaultdict[frozenset[str], list[Node]] = defaultdict(list)
    for node in nodes:
        for work in node.works:
            by_work[work].append(node)
        if node.topics:
            groups[node.topics].append(node)
    # A work cited by hundreds of texts would make this quadratic: through one work, only its
    # newest citers are candidates (exact unless more than WORK_CANDIDATES texts cite it).
    truncated = frozenset(work for work, citers in by_work.items() if len(citers) > WORK_CANDIDATES)
    for work in truncated:
        by_work[work] = sorted(by_work[work], key=lambda n: _rank_key(0, n))[:WORK_CANDIDATES]
    # Newest first inside each group; only the head of each group can be chosen by topics.
    heads = {
        topics: sorted(members, key=lambda n: _rank_key(0, n))[: limit + 1]
        for topics, members in groups.items()
    }
    order = {node.id: _rank_key(0, node)[1:] for node in nodes}  # score aside, fixed per node
    citers_of = {work: [n.id for n in citers] for work, citers in by_work.items()}
    works_of = {node.id: node.works for node in nodes}
    topics_of = {node.id: node.topics for node in nodes}
    result: dict[str, list[str]] = {}
    for node in nodes:
        works, topics = node.works, node.topics
        # Shared works, counted in C; a node citing a truncated work counts them one by one,
        # and so does every candidate it reaches only through its topics (below).
        exact = not truncated.isdisjoint(works)
        shared = Counter(chain.from_iterable(map(citers_of.__getitem__, works))) if works else {}
        if exact:
            shared = {other: len(works & works_of[other]) for other in shared}
        scores = {other: CITATION_WEIGHT * count + TOPIC_WEIGHT * len(topics & topics_of[other])
                  for other, count in shared.items()}
        for group, head in heads.items():
            common = TOPIC_WEIGHT * len(group & topics)  # the same for the whole group
            if not common:
                continue
            for other in head:
                if other.id not in scores:
                    scores[other.id] = common + (CITATION_WEIGHT * len(works & other.works) if exact else 0)
        scores.pop(node.id, None)
        candidates = [(-score, order[other]) for other, score in scores.items() if score > 0]
        best = heapq.nsmallest(limit, candidates)
        result[node.id] = [rank[-1] for _, rank in best]
    return result
