"""Markdown (CommonMark via markdown-it-py) with YAML or TOML front matter."""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token

from seo_audit.document import HEADING, LIST_ITEM, PARAGRAPH, QUOTE, Block, Document, Image, Link
from seo_audit.parse.directives import find_directives
from seo_audit.parse.frontmatter import apply_meta, split_front_matter

_md = MarkdownIt("commonmark").enable("table")


def parse_markdown(path: str, text: str) -> Document:
    fm = split_front_matter(path, text)
    document = Document(path=path, format="markdown")
    apply_meta(document, fm)
    offset = fm.body_first_line  # markdown-it maps lines from 0 within the body

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
            prose = _inline_text(token, line, document)
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
                document.blocks.append(Block(kind, prose, line, heading_level))
    return document


def _line(token: Token) -> int:
    return token.map[0] if token.map else 0


def _inline_text(token: Token, line: int, document: Document) -> str:
    """Plain text of an inline token; records links, images and directives on the way."""
    parts: list[str] = []
    link_stack: list[tuple[str, int, bool]] = []  # (href, start index in parts, autolink)
    newlines = 0
    for child in token.children or []:
        ct = child.type
        if ct == "text":
            if link_stack and link_stack[-1][2]:
                continue  # an autolink's text is its URL, not prose
            parts.append(child.content)
        elif ct in ("softbreak", "hardbreak"):
            parts.append("\n")
            newlines += 1
        elif ct == "code_inline":
            parts.append(" ")  # code is not prose, but it still separates words
        elif ct == "link_open":
            href = str(child.attrs.get("href", ""))
            link_stack.append((href, len(parts), child.markup == "autolink"))
        elif ct == "link_close" and link_stack:
            href, start, autolink = link_stack.pop()
            anchor = "".join(parts[start:]).strip()
            document.links.append(Link(href, anchor if not autolink else href, line + newlines))
        elif ct == "image":
            alt = child.content or "".join(c.content for c in child.children or [])
            document.images.append(Image(str(child.attrs.get("src", "")), alt, line + newlines))
        elif ct == "html_inline":
            document.directives.extend(find_directives(child.content, line + newlines))
    return "".join(parts)
