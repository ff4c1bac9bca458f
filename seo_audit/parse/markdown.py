"""Markdown (CommonMark via markdown-it-py) with YAML or TOML front matter."""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.token import Token

from seo_audit.document import HEADING, LIST_ITEM, PARAGRAPH, QUOTE, Block, Document, Image, Link
from seo_audit.parse.directives import find_directives
from seo_audit.parse.frontmatter import apply_meta, split_front_matter
from seo_audit.textmap import SourceMap, align

_md = MarkdownIt("commonmark").enable("table")
# Template tags of static site generators: Hugo shortcodes `{{< figure src="…" >}}`,
# `{{% note %}}` and Liquid tags `{% post_url … %}`. They are markup, not prose (the text
# between a pair of them is). `{{ … }}` stays: it prints a value (an MDN macro, a title).
# A tag is at most 500 characters long, so that text full of openings without a closing stays
# linear (each opening looks that far, not to the end of the text).
_TEMPLATE_TAG = re.compile(r"\{\{<.{0,500}?>\}\}|\{\{%.{0,500}?%\}\}|\{%.{0,500}?%\}", re.S)


def parse_markdown(path: str, text: str) -> Document:
    fm = split_front_matter(path, text)
    document = Document(path=path, format="markdown", text=text)
    apply_meta(document, fm)
    offset = fm.body_first_line  # markdown-it maps lines from 0 within the body
    lines = document.lines

    tokens = _md.parse(fm.body)
    list_depth = quote_depth = 0
    in_table = False
    heading_level = 0
    for token in tokens:
        t = token.type
        if t in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif t == "blockquote_open":
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t == "table_open":
            in_table = True  # tables hold data, not prose
        elif t == "table_close":
            in_table = False
        elif t == "heading_open":
            heading_level = int(token.tag[1])
        elif t == "heading_close":
            heading_level = 0
        elif t == "html_block":
            document.directives.extend(find_directives(token.content, offset + _line(token)))
        elif t == "inline" and not in_table:
            line = offset + _line(token)
            first, last = token.map or (0, 1)
            where = _Cursor(text, lines.line_start(offset + first), lines.line_start(offset + last))
            if offset + last > lines.lines:
                where.limit = len(text)
            prose, prose_map = _inline_text(token, line, document, where)
            if not prose_map.length:  # an empty heading: the place is its line
                start = lines.line_start(line)
                end = text.find("\n", start)
                line_end = len(text) if end < 0 else end
                prose_map = SourceMap.empty_at(start, len(text[start:line_end].rstrip()) + start)
            if heading_level:
                kind = HEADING
            elif quote_depth:
                kind = QUOTE
            elif list_depth:
                kind = LIST_ITEM
            else:
                kind = PARAGRAPH
            # A line holding only an image or a link list item still yields a block;
            # empty prose is dropped.
            if prose.strip() or kind == HEADING:
                document.blocks.append(Block(kind, prose, line, heading_level, prose_map))
    return document


def _line(token: Token) -> int:
    return token.map[0] if token.map else 0


class _Cursor:
    """How far the plain text of one inline token has been found in the file."""

    def __init__(self, text: str, at: int, limit: int) -> None:
        self.text, self.at, self.limit = text, at, limit

    def find(self, piece: str) -> SourceMap:
        found = align(piece, self.text, self.at, self.limit)
        if found.length:
            self.at = max(self.at, found.to_source(found.length - 1) + 1)
        return found

    def skip_past(self, piece: str) -> int:
        """Move past `piece` (code, HTML, a link's destination); its offset, or the cursor."""
        found = self.text.find(piece, self.at, self.limit) if piece else -1
        if found < 0:
            return self.at
        self.at = found + len(piece)
        return found


def _inline_text(
    token: Token, line: int, document: Document, where: _Cursor
) -> tuple[str, SourceMap]:
    """Plain text of an inline token and its map; records links, images and directives."""
    parts: list[str] = []
    built = SourceMap()
    length = 0
    link_stack: list[tuple[str, int, bool]] = []  # (href, start in the text, autolink)
    newlines = 0

    def add(piece: str, piece_map: SourceMap) -> None:
        nonlocal length
        parts.append(piece)
        built.extend(piece_map)
        length += len(piece)

    for child in token.children or []:
        ct = child.type
        if ct == "text":
            if link_stack and link_stack[-1][2]:
                where.skip_past(child.content)
                continue  # an autolink's text is its URL, not prose
            _add_text(child.content, add, where)
        elif ct in ("softbreak", "hardbreak"):
            at = where.skip_past("\n")
            add("\n", SourceMap.contiguous(at, 1))
            newlines += 1
        elif ct == "code_inline":
            # Code is not prose, but it still separates words.
            add(" ", SourceMap.contiguous(where.skip_past(child.content), 1))
        elif ct == "link_open":
            href = str(child.attrs.get("href", ""))
            link_stack.append((href, length, child.markup == "autolink"))
        elif ct == "link_close" and link_stack:
            href, start, autolink = link_stack.pop()
            anchor_text = "".join(parts)[start:]
            anchor = anchor_text.strip()
            lead = len(anchor_text) - len(anchor_text.lstrip())
            anchor_map = built.sliced(start + lead, start + lead + len(anchor))
            if autolink:
                anchor, anchor_map = href, SourceMap.contiguous(where.skip_past(">") - 1, 1)
            else:
                _skip_destination(where)
            document.links.append(Link(href, anchor, line + newlines, anchor_map))
        elif ct == "image":
            alt = child.content or "".join(c.content for c in child.children or [])
            start = where.skip_past("![")
            alt_map = where.find(alt)
            _skip_destination(where)
            document.images.append(
                Image(
                    str(child.attrs.get("src", "")), alt, line + newlines, alt_map, start, where.at
                )
            )
        elif ct == "html_inline":
            document.directives.extend(find_directives(child.content, line + newlines))
            where.skip_past(child.content)
    return "".join(parts), built


def _add_text(text: str, add: Callable[[str, SourceMap], None], where: _Cursor) -> None:
    """Add a text token's content; a template tag in it becomes a space (words stay apart)."""
    last = 0
    if "{" in text:
        for m in _TEMPLATE_TAG.finditer(text):
            if m.start() > last:
                add(text[last : m.start()], where.find(text[last : m.start()]))
            add(" ", SourceMap.contiguous(where.skip_past(m.group()), 1))
            last = m.end()
    if last < len(text):
        add(text[last:], where.find(text[last:]))


def _skip_destination(where: _Cursor) -> None:
    """Move past a link's or image's `](destination "title")`, which holds no prose."""
    if where.text.startswith("](", where.at):
        where.at += 1
        close = where.text.find(")", where.at, where.limit)
        if close >= 0:
            where.at = close + 1
