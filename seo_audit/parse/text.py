"""Plain text: paragraphs separated by blank lines. No heading can be seen in plain text.

A text with no blank line at all but several lines is read as one paragraph per line: that
is how news wires and many exports lay out an article.

A first paragraph that is one short line without closing punctuation is taken as the title
(it still counts as text): that is how a plain-text article starts.
"""

from __future__ import annotations

from seo_audit.document import PARAGRAPH, Block, Document
from seo_audit.textmap import SourceMap


def parse_text(path: str, text: str) -> Document:
    document = Document(path=path, format="text", text=text, can_show_headings=False)
    lines = text.split("\n")
    line_start = document.lines.line_start

    def add(first: int, last: int) -> None:
        """A paragraph of lines first..last (0-based), without its outer white space."""
        raw = "\n".join(lines[first : last + 1])
        prose = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        at = line_start(first + 1) + lead
        document.blocks.append(
            Block(PARAGRAPH, prose, first + 1, map=SourceMap.contiguous(at, len(prose)))
        )

    filled = [i for i, line in enumerate(lines) if line.strip()]
    one_per_line = len(filled) > 1 and filled[-1] - filled[0] + 1 == len(filled)
    if one_per_line:
        for i in filled:
            add(i, i)
    else:
        start: int | None = None
        for i, line in enumerate([*lines, ""]):
            if line.strip():
                if start is None:
                    start = i
            elif start is not None:
                add(start, i - 1)
                start = None
    first = document.blocks[0] if document.blocks else None
    if first and "\n" not in first.text and _looks_like_title(first.text):
        document.title, document.title_line = first.text, first.line
        document.title_map = first.map
    return document


def _looks_like_title(text: str) -> bool:
    text = text.strip()
    return 0 < len(text.split()) <= 15 and text[-1] not in ".;:,…"
