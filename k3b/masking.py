"""Markdown with code and HTML comments blanked out, for finding citations and links.

Blanking keeps every offset and line number, so a match in the masked text points at the
same place in the source.
"""

from __future__ import annotations

import re

FENCE = re.compile(r"^[ \t]{0,3}(?P<fence>`{3,}|~{3,})")
INLINE_CODE = re.compile(r"(?P<ticks>`+)(?:.+?)(?P=ticks)", re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def masked(markdown: str) -> str:
    """``markdown`` with code and comments blanked out (same length, newlines kept)."""
    if "`" not in markdown and "~~~" not in markdown and "<!--" not in markdown:
        return markdown  # nothing to blank out: most texts have no code
    blank = lambda m: re.sub(r"[^\n]", " ", m.group(0))  # noqa: E731
    lines = markdown.splitlines(keepends=True)
    out: list[str] = []
    fence: str | None = None
    for line in lines:
        match = FENCE.match(line)
        if fence is None and match:
            fence = match.group("fence")
            out.append(re.sub(r"[^\n]", " ", line))
        elif fence is not None:
            closing = match is not None and match.group("fence")[0] == fence[0] \
                and len(match.group("fence")) >= len(fence) and not line.strip().strip(fence[0])
            if closing:
                fence = None
            out.append(re.sub(r"[^\n]", " ", line))
        else:
            out.append(line)
    text = "".join(out)
    text = COMMENT.sub(blank, text)
    return INLINE_CODE.sub(blank, text)
