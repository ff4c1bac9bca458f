"""Plain text: paragraphs separated by blank lines. No heading can be seen in plain text."""

from __future__ import annotations

from seo_audit.document import PARAGRAPH, Block, Document


def parse_text(path: str, text: str) -> Document:
    document = Document(path=path, format="text", can_show_headings=False)
    lines = text.split("\n")
    start: int | None = None
    for i, line in enumerate(lines + [""]):
        if line.strip():
            if start is None:
                start = i
        elif start is not None:
            paragraph = "\n".join(lines[start:i]).strip("\n")
            document.blocks.append(Block(PARAGRAPH, paragraph, start + 1))
            start = None
    return document
