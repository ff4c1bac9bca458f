"""HTML fragments and full pages, parsed with BeautifulSoup on Python's html.parser.

html.parser is lenient with broken markup and records each tag's source line, which every
finding needs; BeautifulSoup gives the tree on top of it.
"""

from __future__ import annotations

import re
import warnings
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, MarkupResemblesLocatorWarning, NavigableString, Tag

from seo_audit.document import HEADING, LIST_ITEM, PARAGRAPH, QUOTE, Block, Document, Image, Link
from seo_audit.errors import InputError
from seo_audit.parse.directives import find_directives
from seo_audit.parse.frontmatter import keywords_from_meta
from seo_audit.textmap import SourceMap, align

# Elements whose text is not article prose.
SKIPPED = {
    "script",
    "style",
    "nav",
    "header",
    "footer",
    "code",
    "pre",
    "noscript",
    "template",
    "svg",
    "form",
    "button",
    "select",
    "textarea",
    "iframe",
    "head",
    "table",
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Elements that hold a block of prose of their own.
PROSE = HEADINGS | {"p", "li", "blockquote", "dt", "dd", "figcaption"}
_SPACES = re.compile(r"[ \t\f\v]+")
_NEWLINES = re.compile(r" ?\n[\s]*")


def parse_html(path: str, text: str) -> Document:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MarkupResemblesLocatorWarning)
            soup = BeautifulSoup(text, "html.parser")
    except Exception as exc:  # html.parser can still choke on some byte soup
        raise InputError(path, f"malformed HTML: {exc}") from None
    document = Document(path=path, format="html", text=text)
    _read_head(soup, document)
    _walk(soup, document, in_quote=False)
    # Directives are read from the raw text, where their line numbers are exact.
    document.directives = find_directives(text, 1)
    return document


def _read_head(soup: BeautifulSoup, document: Document) -> None:
    title = soup.find("title")
    if isinstance(title, Tag):
        document.title = _clean(title.get_text()).strip() or None
        document.title_line = title.sourceline
        if document.title:
            document.title_map = _map_html(document.title, document, title)
    meta: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        name = str(tag.get("name") or tag.get("property") or "").lower()
        content = str(tag.get("content") or "").strip()
        if name == "description" or (name == "og:description" and "description" not in meta):
            meta["description"] = content
            document.description = content or None
            document.description_line = tag.sourceline
            start = _tag_offset(document, tag)
            document.description_map = align(content, document.text, start, len(document.text))
        elif name == "keywords":
            meta["keywords"] = content
        elif name == "og:url":
            meta["og:url"] = content
    # The slug: the last part of the page's canonical address (or og:url).
    canonical = soup.find("link", rel="canonical")
    url = str(canonical.get("href") or "") if isinstance(canonical, Tag) else ""
    path = urlsplit(url or meta.get("og:url", "")).path.rstrip("/")
    if path:
        document.slug = path.rsplit("/", 1)[-1].rsplit(".", 1)[0] or None
    document.meta = meta
    document.keywords = keywords_from_meta(meta)


def _walk(node: Tag, document: Document, in_quote: bool) -> None:
    for child in node.children:
        if not isinstance(child, Tag):
            continue
        name = child.name.lower()
        if name in SKIPPED:
            continue
        if name == "img":
            _add_image(child, document)
        elif name == "a" and child.get("href") is not None:
            _add_link(child, document)
        if name == "blockquote" and child.find(PROSE - {"blockquote"}) is not None:
            _walk(child, document, in_quote=True)
        elif name in PROSE:
            _add_block(child, name, document, in_quote)
        else:
            _walk(child, document, in_quote)


def _add_block(tag: Tag, name: str, document: Document, in_quote: bool) -> None:
    # Text of the block, leaving out nested lists and skipped elements (they are walked apart).
    parts: list[str] = []
    nested: list[Tag] = []
    for piece in tag.descendants:
        if isinstance(piece, Tag):
            if piece.name in SKIPPED or piece.name in ("ul", "ol") or piece.name in PROSE:
                # Nested lists, and prose blocks left open in sloppy HTML (`<p>a<p>b`),
                # are blocks of their own.
                if not _inside(piece, nested):
                    nested.append(piece)
            elif piece.name == "br":
                parts.append("\n")
            elif piece.name == "img" and not _inside(piece, nested):
                _add_image(piece, document)
            elif piece.name == "a" and piece.get("href") is not None and not _inside(piece, nested):
                _add_link(piece, document)
            continue
        if isinstance(piece, Comment):
            continue
        if isinstance(piece, NavigableString) and not _inside(piece, nested):
            parts.append(str(piece))
    raw = _clean("".join(parts))
    line = tag.sourceline or 1
    stripped = raw.lstrip()
    line += raw[: len(raw) - len(stripped)].count("\n")
    prose = stripped.rstrip()
    where = _map_html(prose, document, tag)
    if name in HEADINGS:
        document.blocks.append(Block(HEADING, prose, line, int(name[1]), where))
    elif prose:
        kind = (
            LIST_ITEM
            if name in ("li", "dt", "dd")
            else QUOTE
            if in_quote or name == "blockquote"
            else PARAGRAPH
        )
        document.blocks.append(Block(kind, prose, line, map=where))
    for sub in nested:
        if sub.name in PROSE:
            _add_block(sub, sub.name, document, in_quote)
        elif sub.name in ("ul", "ol"):
            _walk(sub, document, in_quote)


def _add_link(tag: Tag, document: Document) -> None:
    text = _clean(tag.get_text()).strip()
    where = _map_html(text, document, tag)
    document.links.append(Link(str(tag["href"]), text, tag.sourceline or 1, where))


def _add_image(tag: Tag, document: Document) -> None:
    alt = "" if tag.get("alt") is None else str(tag.get("alt"))
    start = _tag_offset(document, tag)
    end = document.text.find(">", start)
    end = len(document.text) if end < 0 else end + 1
    where = align(alt, document.text, start, end)
    document.images.append(
        Image(str(tag.get("src", "")), alt, tag.sourceline or 1, where, start, end)
    )


def _tag_offset(document: Document, tag: Tag) -> int:
    return document.lines.line_start(tag.sourceline or 1) + (tag.sourcepos or 0)


def _map_html(prose: str, document: Document, tag: Tag) -> SourceMap:
    """Where the characters of `prose`, the text of `tag`, stand in the raw HTML: tags and
    comments are skipped, a space matches a run of white space, an entity its character."""
    text, at = document.text, _tag_offset(document, tag)
    out = SourceMap()
    for char in prose:
        while at < len(text):
            if text.startswith("<!--", at):
                close = text.find("-->", at)
                at = len(text) if close < 0 else close + 3
            elif text[at] == "<":
                close = text.find(">", at)
                at = len(text) if close < 0 else close + 1
            else:
                break
        if at >= len(text):
            out.append(len(text) - 1 if text else 0, synthetic=True)
            continue
        if char.isspace():
            if not text[at].isspace():
                out.append(at, synthetic=True)  # a break the parser put in for a tag
                continue
            out.append(at)
            while at < len(text) and text[at].isspace():
                at += 1
            continue
        while at < len(text) and text[at].isspace():
            at += 1
        out.append(min(at, len(text) - 1))
        if text.startswith("&", at) and (char != "&" or text.startswith("&amp;", at)):
            end = text.find(";", at, at + 12)
            at = at + 1 if end < 0 else end + 1
        else:
            at += 1
    return out


def _inside(piece: Tag | NavigableString, containers: list[Tag]) -> bool:
    """True when `piece` lies inside one of `containers` (walks its few ancestors)."""
    if not containers:
        return False
    ids = {id(c) for c in containers}
    return any(id(parent) in ids for parent in piece.parents)


def _clean(text: str) -> str:
    """Collapse runs of spaces; keep one newline where the source had line breaks."""
    return _NEWLINES.sub("\n", _SPACES.sub(" ", text))
