"""The document model: what a parser extracts from a draft, each piece with its source line."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from seo_audit.textmap import LineIndex, SourceMap

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

    `map` gives the file offset of every character of `text`; `text` keeps the line breaks
    of the source inside the block.
    """

    kind: str
    text: str
    line: int
    level: int = 0  # heading level 1-6, 0 for other blocks
    map: SourceMap = field(default_factory=SourceMap, repr=False)
    lang: str | None = None  # a language the markup declares for it (HTML `lang`), e.g. "en"

    @property
    def start(self) -> int:
        return self.span(0, len(self.text))[0]

    @property
    def end(self) -> int:
        return self.span(0, len(self.text))[1]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The file range of the block's characters [start, end)."""
        return self.map.span(start, end)


@dataclass
class Link:
    url: str
    text: str
    line: int
    map: SourceMap = field(default_factory=SourceMap, repr=False)  # of `text` in the file


@dataclass
class Image:
    src: str
    alt: str
    line: int
    map: SourceMap = field(default_factory=SourceMap, repr=False)  # of `alt` in the file
    start: int = 0  # the range of the whole image markup in the file
    end: int = 0


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
    text: str = field(default="", repr=False)  # the whole file, as decoded
    blocks: list[Block] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    title: str | None = None  # front matter title or HTML <title>
    title_line: int | None = None
    title_map: SourceMap | None = field(default=None, repr=False)
    description: str | None = None
    description_line: int | None = None
    description_map: SourceMap | None = field(default=None, repr=False)
    keywords: list[str] = field(default_factory=list)  # from front matter or meta keywords
    slug: str | None = None
    slug_line: int | None = None
    slug_map: SourceMap | None = field(default=None, repr=False)
    links: list[Link] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    can_show_headings: bool = True  # False for plain text: no heading can be seen there

    @property
    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == HEADING]

    @functools.cached_property
    def lines(self) -> LineIndex:
        """Lines and columns of file offsets."""
        return LineIndex(self.text)


def title_of(document: Document) -> tuple[str | None, int | None, SourceMap | None]:
    """The page title, its line and map: front matter `title` or HTML <title>, else the
    first H1."""
    if document.title:
        return document.title, document.title_line, document.title_map
    for block in document.headings:
        if block.level == 1 and block.text.strip():
            return block.text, block.line, block.map
    return None, None, None


def slug_words(document: Document) -> tuple[str | None, SourceMap | None]:
    """The slug as words and its map: front matter `slug`, else the file name
    (`velo-electrique.md`, which stands nowhere in the file: no map)."""
    slug, where = document.slug, document.slug_map
    if not slug and document.path not in ("-", "<text>"):
        slug, where = PurePath(document.path).stem, None
    if not slug:
        return None, None
    last = slug.rstrip("/").rsplit("/", 1)[-1]
    start = slug.rstrip("/").rfind(last)
    if where is not None:
        where = where.sliced(start, start + len(last))
    return last.replace("-", " ").replace("_", " "), where
