"""The document model: what a parser extracts from a draft, each piece with its source line."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

# Kinds of prose block. Headings count as words and as sentences for keyword matching;
# paragraphs, list items and quotes are the body text.
HEADING = "heading"
PARAGRAPH = "paragraph"
LIST_ITEM = "list_item"
QUOTE = "quote"
BODY_KINDS = (PARAGRAPH, LIST_ITEM, QUOTE)


@dataclass
class Block:
    """A block of prose: its plain text (inline markup removed), kind and 1-based first line.

    `text` keeps the line breaks of the source inside the block, so that a character offset
    maps back to a source line: `line + text[:offset].count("\\n")`.
    """

    kind: str
    text: str
    line: int
    level: int = 0  # heading level 1-6, 0 for other blocks

    def line_at(self, offset: int) -> int:
        """The source line of the character at `offset` in `text`."""
        return self.line + self.text.count("\n", 0, offset)


@dataclass
class Link:
    url: str
    text: str
    line: int


@dataclass
class Image:
    src: str
    alt: str
    line: int


@dataclass
class Directive:
    """An inline `<!-- seo-audit: ... -->` comment: action ("disable", "enable",
    "disable-next-line", "disable-file") and the check ids or names it names."""

    action: str
    rules: list[str]
    line: int


@dataclass
class Document:
    """A parsed draft. `meta` is the front matter (or HTML meta tags) as read."""

    path: str
    format: str  # "markdown", "html" or "text"
    blocks: list[Block] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    title: str | None = None  # front matter title or HTML <title>
    title_line: int | None = None
    description: str | None = None
    description_line: int | None = None
    keywords: list[str] = field(default_factory=list)  # from front matter or meta keywords
    slug: str | None = None
    slug_line: int | None = None
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    can_show_headings: bool = True  # False for plain text: no heading can be seen there

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == HEADING]

    @property
    def body_blocks(self) -> list[Block]:
        return [b for b in self.blocks if b.kind in BODY_KINDS]


def title_of(document: Document) -> tuple[str | None, int | None]:
    """The page title: front matter `title` or HTML <title>, else the first H1."""
    if document.title:
        return document.title, document.title_line
    for block in document.headings:
        if block.level == 1 and block.text.strip():
            return block.text, block.line
    return None, None


def slug_words(document: Document) -> str | None:
    """The slug as words: front matter `slug`, else the file name (`velo-electrique.md`)."""
    slug = document.slug
    if not slug and document.path not in ("-", "<text>"):
        slug = PurePath(document.path).stem
    if not slug:
        return None
    return slug.strip("/").rsplit("/", 1)[-1].replace("-", " ").replace("_", " ")
