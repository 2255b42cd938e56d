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
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

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


def related(nodes: Iterable[Node], limit: int = LIMIT) -> dict[str, list[str]]:
    """For every node id, the ids of its related nodes, best first."""
    nodes = list(nodes)
    by_work: defaultdict[str, list[Node]] = defaultdict(list)
    groups: defaultdict[frozenset[str], list[Node]] = defaultdict(list)
    for node in nodes:
        for work in node.works:
            by_work[work].append(node)
        if node.topics:
            groups[node.topics].append(node)
    # A work cited by hundreds of texts would make this quadratic: through one work, only its
    # newest citers are candidates (exact unless more than WORK_CANDIDATES texts cite it).
    for work, citers in by_work.items():
        if len(citers) > WORK_CANDIDATES:
            by_work[work] = sorted(citers, key=lambda n: _rank_key(0, n))[:WORK_CANDIDATES]
    # Newest first inside each group; only the head of each group can be chosen by topics.
    heads = {
        topics: sorted(members, key=lambda n: _rank_key(0, n))[: limit + 1]
        for topics, members in groups.items()
    }
    order = {node.id: _rank_key(0, node)[1:] for node in nodes}  # score aside, fixed per node
    result: dict[str, list[str]] = {}
    for node in nodes:
        scores: dict[str, int] = {}
        for work in node.works:
            for other in by_work[work]:
                if other.id not in scores:
                    scores[other.id] = _score(node, other)
        for topics, head in heads.items():
            if not topics & node.topics:
                continue
            for other in head:
                if other.id not in scores:
                    scores[other.id] = _score(node, other)
        scores.pop(node.id, None)
        candidates = ((-score, order[other]) for other, score in scores.items() if score > 0)
        best = heapq.nsmallest(limit, candidates)
        result[node.id] = [rank[-1] for _, rank in best]
    return result


def _score(a: Node, b: Node) -> int:
    return CITATION_WEIGHT * len(a.works & b.works) + TOPIC_WEIGHT * len(a.topics & b.topics)
