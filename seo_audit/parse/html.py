"""HTML fragments and full pages, read in one pass with Python's html.parser.

The parser streams: it keeps a stack of open elements, never a tree, and never recurses, so
10,000 nested `<div>` cost what 10,000 paragraphs cost. Tags are read as a browser reads them:

- Optional end tags are implied: a new `<p>`, a heading or a block element closes an open
  `<p>`; `<li>` closes the open item of its list, `<dt>`/`<dd>` the open term or definition,
  `<td>`/`<tr>` the open cell or row. A page without `<head>`, `</head>` or `<body>` tags finds
  its prose: the head ends at the first element that cannot stand in a head.
- A stray end tag is ignored; an end tag closes the elements left open inside its element.

What is prose:

- Headings `<h1>`-`<h6>` are one block each, whatever they hold.
- Each run of inline content between two block boundaries is a block: a paragraph, a list item
  (anywhere in `<li>`, `<dt>`, `<dd>`) or a quote (anywhere in `<blockquote>`; the innermost of
  the two decides). Text straight inside `<div>`,
  `<section>`, `<td>`, `<body>`... is prose too. Two `<br>` in a row end a paragraph; so does
  a blank line in text that stands straight in a container (WordPress bodies without `<p>`).
- Not prose: script, style, nav, footer, code, pre, noscript, template, svg, math, button,
  select, textarea, iframe, canvas, audio, video, object and the head; a `<header>` outside
  `<main>`/`<article>` (the site's banner; inside them it holds the article's own title);
  an element with `role="navigation"`.
- A block whose class or id names navigation (NAVIGATION_NAMES: `site-menu`, `sidebar`,
  `toc`, MDN's `Quick_links`...) is left out when more than half of its words are link text
  and it holds no `<h1>`, `<main>` or `<article>` (like a cell, decided at its end).
- Front matter at the top of the file (a Jekyll or Hugo page) is metadata, not prose.
- A table cell is prose when its text reads as sentences (3 words or more ending like a
  sentence, or 12 words or more, or a heading); cells of data (figures, labels) are not.
- A `<form>` is not prose unless it holds an `<h1>`, `<main>` or `<article>` (pages built
  inside one form, as ASP.NET builds them).
- When the page has prose inside `<main>` or `<article>`, only that prose counts: menus,
  sidebars (`<aside>`) and footers around it are left out, with their links and images.
  A page left with no prose is refused by `parse` ("no prose found").

Every block, link text, image alt, title and description keeps a SourceMap: each plain
character maps to its place in the file; a character decoded from an entity maps to the
entity's `&`, collapsed white space to its first newline (else its first character), a
`<br>` line break to the `<br>` tag.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

from seo_audit.document import HEADING, LIST_ITEM, PARAGRAPH, QUOTE, Block, Document, Image, Link
from seo_audit.errors import InputError
from seo_audit.i18n import _
from seo_audit.parse.directives import find_directives
from seo_audit.parse.frontmatter import apply_meta, keywords_from_meta, split_front_matter
from seo_audit.textmap import LineIndex, SourceMap, align

HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements whose content is not article prose. The first ones are not seen on the page and
# join the text around them; the others stand between words.
HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title"})
SKIPPED = HIDDEN | {
    "nav",
    "footer",
    "code",
    "pre",
    "svg",
    "math",
    "button",
    "select",
    "textarea",
    "iframe",
    "canvas",
    "audio",
    "video",
    "object",
}
VOID = frozenset(
    {
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
# Start tags that close an open <p> (HTML's "close a p element").
CLOSES_P = HEADINGS | {
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hgroup",
    "hr",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "plaintext",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "xmp",
}
# Elements that start and end a block of text: inline content never runs across them.
BLOCK = CLOSES_P | {
    "body",
    "caption",
    "legend",
    "noscript",
    "optgroup",
    "option",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
}
# Blocks whose text is one paragraph even across a blank line.
_WHOLE = HEADINGS | {"p", "li", "dt", "dd", "figcaption", "caption", "summary", "legend"}
HEAD_CONTENT = frozenset(
    {
        "base",
        "basefont",
        "bgsound",
        "link",
        "meta",
        "noframes",
        "noscript",
        "script",
        "style",
        "template",
        "title",
    }
)
CELLS = frozenset({"td", "th", "caption"})
# Scopes: an end tag or an implied end only reaches back to the nearest of these.
_SCOPE = ("applet", "caption", "table", "td", "th", "marquee", "object", "template")
_BUTTON_SCOPE = (*_SCOPE, "button")
_LIST_SCOPE = (*_SCOPE, "ol", "ul")
_TABLE_SCOPE = ("table", "template")
_ROW_SCOPE = ("table", "template", "tr")
_SECTIONS = ("tbody", "thead", "tfoot")

_WS_RUN = re.compile(r"[ \t\n\r\f\v]{2,}|[\t\n\r\f\v]")
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\t\n\f <&#;]{1,32};?)")
_TAG_NAME = re.compile(r"<[a-zA-Z][^\t\n\r\f />\x00]*")
_ATTR = re.compile(r"""[\s/]*([^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?""")
_COMMENT_CLOSE = re.compile(r"--!?\s*>")
_SENTENCE_END = re.compile(r"[.!?…][\s\"'»”’)\]]*$")
CELL_PROSE_WORDS = 12  # a cell this long is prose even without a full stop
CELL_SENTENCE_WORDS = 3  # a cell that ends like a sentence needs this many words
# Words of a class or id that name a site's navigation (menus, sidebars, breadcrumb trails,
# tables of contents, MDN's "Quick_links"). Such a block is left out when most of its words
# are link text and it holds no <h1>, <main> or <article>.
NAVIGATION_NAMES = frozenset(
    {
        "breadcrumb",
        "breadcrumbs",
        "menu",
        "nav",
        "navbar",
        "navigation",
        "pagination",
        "quicklinks",
        "sidebar",
        "toc",
    }
)
NAVIGATION_LINK_SHARE = 0.5  # above this share of link words, a block named so is navigation
_NAME_PARTS = re.compile(r"[-_]")


def parse_html(path: str, text: str) -> Document:
    """Parse a decoded HTML fragment or page into a Document."""
    document = Document(path=path, format="html", text=text)
    # Front matter (a Jekyll or Hugo page, an MDN source file) is not prose: it is read as in
    # Markdown and blanked out, line breaks kept, so that offsets and lines stay the file's.
    fm = split_front_matter(path, text)
    fed = text
    if fm.body_first_line > 1:
        apply_meta(document, fm)
        cut = len(text) - len(fm.body)
        fed = re.sub(r"[^\n]", " ", text[:cut]) + text[cut:]
    reader = _Reader(document)
    try:
        reader.feed(fed)
        reader.close()
    except AssertionError as exc:  # html.parser's way to reject what it cannot tokenize
        raise InputError(path, _("malformed HTML: {problem}").format(problem=exc)) from None
    reader.finish()
    # Directives are read from the raw text, where their line numbers are exact.
    document.directives = find_directives(text, 1)
    return document


def _decode(raw: str, at: int) -> tuple[str, list[int]]:
    """`html.unescape(raw)` and the file offset of each of its characters (`raw` stands at
    `at`): a decoded entity maps to its `&`."""
    out: list[str] = []
    offsets: list[int] = []
    last = 0
    for m in _CHARREF.finditer(raw):
        start, end = m.span()
        if start > last:
            out.append(raw[last:start])
            offsets.extend(range(at + last, at + start))
        entity = m.group()
        decoded = html.unescape(entity)
        # What a named reference without ";" leaves undecoded (`&amplifier` → `&lifier`)
        # keeps its own place.
        kept = 0
        while (
            kept < len(decoded) - 1
            and kept < len(entity) - 1
            and decoded[-1 - kept] == entity[-1 - kept]
        ):
            kept += 1
        if decoded == entity:
            kept = len(entity)
        out.append(decoded)
        offsets.extend([at + start] * (len(decoded) - kept))
        offsets.extend(range(at + end - kept, at + end))
        last = end
    out.append(raw[last:])
    offsets.extend(range(at + last, at + len(raw)))
    return "".join(out), offsets


class _Text:
    """Plain text being gathered with the file offset of each character. Runs of white space
    become one space, or one newline when they hold a line break; white space at both ends is
    dropped."""

    __slots__ = ("parts", "map", "length", "space", "space_at")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.map = SourceMap()
        self.length = 0
        self.space = ""  # white space waiting for the next word: "", " " or "\n"
        self.space_at = 0

    def white(self, newline: bool, at: int) -> None:
        if newline:
            if self.space != "\n":
                self.space, self.space_at = "\n", at
        elif not self.space:
            self.space, self.space_at = " ", at

    def put(self, piece: str, at: int | list[int], start: int = 0) -> None:
        """Add words separated by single spaces; `at` is the piece's offset, or the offsets
        of a decoded text in which the piece starts at `start`."""
        if self.space:
            if self.length:
                self.parts.append(self.space)
                self.map.append(self.space_at)
                self.length += 1
            self.space = ""
        self.parts.append(piece)
        if isinstance(at, int):
            self.map.append(at, len(piece))
        else:
            for offset in at[start : start + len(piece)]:
                self.map.append(offset)
        self.length += len(piece)

    def take(self) -> tuple[str, SourceMap]:
        """The text gathered so far, stripped, and its map; starts again empty."""
        text, where = "".join(self.parts), self.map
        self.parts, self.map, self.length, self.space = [], SourceMap(), 0, ""
        if text and (text[0].isspace() or text[-1].isspace()):  # a no-break space at an end
            stripped = text.lstrip()
            lead = len(text) - len(stripped)
            stripped = stripped.rstrip()
            text, where = stripped, where.sliced(lead, lead + len(stripped))
        return text, where


class _Open:
    """An element on the stack of open elements."""

    __slots__ = ("name", "skip", "block", "scope", "region", "link", "title")

    def __init__(self, name: str) -> None:
        self.name = name
        self.skip = False  # its content is not prose
        self.block = False  # a block boundary
        self.scope = False  # <main> or <article>
        self.region: _Region | None = None  # a table cell or form, decided at its end
        self.link: _Link | None = None
        self.title = False


@dataclass
class _Link:
    url: str
    line: int
    text: _Text = field(default_factory=_Text)


@dataclass
class _Region:
    """A table cell or a form: what it adds to the page is kept or dropped once it ends.

    Its blocks, links and images go to the page's lists like any other; the region keeps
    where they start in those lists and a summary of its text (no copy, whatever the
    nesting)."""

    kind: str
    starts: tuple[int, int, int]  # lengths of the page's blocks, links and images at its start
    words: int = 0
    link_words: int = 0  # words of the link texts inside it
    last: str = ""  # the text of its last block
    heading: bool = False
    landmark: bool = False  # holds an <h1>, <main> or <article>

    def note(self, block: Block) -> None:
        self.words += len(block.text.split())
        self.last = block.text
        self.heading = self.heading or block.kind == HEADING

    def absorb(self, inner: _Region) -> None:
        """Count the text of a region kept inside this one."""
        self.words += inner.words
        self.link_words += inner.link_words
        self.last = inner.last or self.last
        self.heading = self.heading or inner.heading

    def keep(self) -> bool:
        if self.kind == "form":
            return self.landmark
        if self.kind == "navigation":
            return self.landmark or self.link_words <= NAVIGATION_LINK_SHARE * self.words
        return (
            self.heading
            or self.words >= CELL_PROSE_WORDS
            or (self.words >= CELL_SENTENCE_WORDS and _SENTENCE_END.search(self.last) is not None)
        )


class _Reader(HTMLParser):
    def __init__(self, document: Document) -> None:
        super().__init__(convert_charrefs=True)
        self.document = document
        self.source = document.text
        self.lines: LineIndex = document.lines
        self.stack: list[_Open] = []
        self.where: dict[str, list[int]] = {}  # tag name → stack positions, innermost last
        self.blocks_open: list[int] = []  # stack positions of open block elements
        self.langs: list[tuple[int, str]] = []  # (stack position, language) of `lang` attributes
        self.skip = 0  # open elements whose content is not prose
        self.scope = 0  # open <main> and <article> elements
        self.body_seen = False
        # What the page holds, each with whether it stands inside <main> or <article>.
        self.blocks: list[tuple[Block, bool]] = []
        self.links: list[tuple[Link, bool]] = []
        self.images: list[tuple[Image, bool]] = []
        self.regions: list[_Region] = []
        self.text = _Text()  # the block being read
        self.after_br = False  # a <br> and only white space since: a second one ends it
        self.heading: _Open | None = None
        self.heading_at = 0
        self.link: _Link | None = None
        self.title: _Text | None = None
        self.title_line: int | None = None
        self.meta: dict[str, str] = {}
        self.canonical: str | None = None
        self._raw: str | None = None  # html.parser's buffer, for the scans below
        self._last_gt = -1
        self._last_comment_close = -1

    # -- positions -----------------------------------------------------------------------

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.lines.line_start(line) + column

    def _last(self, name: str) -> int:
        found = self.where.get(name)
        return found[-1] if found else -1

    def _in_scope(self, name: str, boundaries: tuple[str, ...]) -> int:
        """Stack position of the innermost open `name` not hidden behind a boundary, or -1."""
        at = self._last(name)
        if at < 0:
            return -1
        for boundary in boundaries:
            if boundary != name and self._last(boundary) > at:
                return -1
        return at

    # -- html.parser's scans, guarded ----------------------------------------------------
    # html.parser looks for the end of a tag, comment or declaration up to the end of its
    # buffer and, when there is none, starts again one character further: quadratic on text
    # full of "<" with no ">" after it. These guards answer "not terminated" at once.

    def _scan_limits(self) -> None:
        if self.rawdata is not self._raw:
            self._raw = self.rawdata
            self._last_gt = self.rawdata.rfind(">")
            self._last_comment_close = -1
            for m in _COMMENT_CLOSE.finditer(self.rawdata):
                self._last_comment_close = m.start()

    def parse_starttag(self, i: int) -> int:
        self._scan_limits()
        return -1 if i > self._last_gt else super().parse_starttag(i)

    def parse_endtag(self, i: int) -> int:
        self._scan_limits()
        return -1 if i > self._last_gt else super().parse_endtag(i)

    def parse_pi(self, i: int) -> int:
        self._scan_limits()
        return -1 if i > self._last_gt else super().parse_pi(i)

    def parse_comment(self, i: int, report: int = 1) -> int:
        self._scan_limits()
        return -1 if i > self._last_comment_close else super().parse_comment(i, report)

    def parse_html_declaration(self, i: int) -> int:
        self._scan_limits()
        if i > self._last_gt:
            return -1
        if self.rawdata.startswith("<![", i):
            # A CDATA section or a conditional comment: HTML reads it as a bogus comment
            # (html.parser raises on the ones it does not know).
            return self.parse_bogus_comment(i)
        return super().parse_html_declaration(i)

    # -- events --------------------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)  # XHTML's <p/>: an empty element

    def handle_endtag(self, tag: str) -> None:
        if tag == "br":  # </br> reads as <br>
            self._br(self._offset())
            return
        if tag in ("html", "body"):
            return  # what follows is still the page's body
        if tag in HEADINGS:
            at = max(self._in_scope(h, _SCOPE) for h in HEADINGS)
        elif tag == "p":
            at = self._in_scope("p", _BUTTON_SCOPE)
            if at < 0:
                self._boundary()  # </p> alone: an empty paragraph, a boundary all the same
                return
        elif tag == "li":
            at = self._in_scope("li", _LIST_SCOPE)
        elif tag in CELLS or tag in _SECTIONS or tag in ("table", "tr"):
            at = self._in_scope(tag, _TABLE_SCOPE)
        else:
            at = self._in_scope(tag, _SCOPE)
        if at < 0:
            return  # stray end tag
        if tag not in BLOCK and self.blocks_open and self.blocks_open[-1] > at:
            # </b> after a block opened inside <b>: leave the block open; a link still ends.
            entry = self.stack[at]
            if entry.link is not None and entry.link is self.link:
                self._end_link()
            return
        self._pop_to(at)

    def handle_data(self, data: str) -> None:
        at = self._offset()
        if not self.body_seen and data.strip():
            if self.stack and self.stack[-1].name == "head":
                self._pop_to(len(self.stack) - 1)  # text cannot stand in a head: the body begins
            self.body_seen = not self.skip
        sinks = self._sinks()
        if not sinks:
            return
        offsets = self._offsets_of(data, at)
        split = self.title is None and self.heading is None and self._splits_on_blank_lines()
        pos = 0
        # Single spaces between words stay as they are: only longer runs, line breaks and
        # the spaces at both ends of the data need collapsing.
        for m in _WS_RUN.finditer(data):
            start, end = m.span()
            self._words(sinks, data, pos, start, offsets)
            newline = data.find("\n", start, end)
            first = newline if newline >= 0 else start
            here = offsets + first if isinstance(offsets, int) else offsets[first]
            if split and newline >= 0 and data.find("\n", newline + 1, end) >= 0:
                self._flush()  # a blank line: the paragraph ends
                if self.link is not None:
                    self.link.text.white(True, here)
            else:
                for sink in sinks:
                    sink.white(newline >= 0, here)
            pos = end
        self._words(sinks, data, pos, len(data), offsets)

    def _words(
        self, sinks: list[_Text], data: str, start: int, end: int, offsets: int | list[int]
    ) -> None:
        """Add `data[start:end]`, words separated by single spaces."""
        if start < end and data[start] == " ":
            here = offsets + start if isinstance(offsets, int) else offsets[start]
            for sink in sinks:
                sink.white(False, here)
            start += 1
        trailing = end > start and data[end - 1] == " "
        if trailing:
            end -= 1
        if end > start:
            piece = data[start:end]
            at = offsets + start if isinstance(offsets, int) else offsets
            for sink in sinks:
                sink.put(piece, at, start)
            if sinks[0] is self.text:
                self.after_br = False
        if trailing:
            here = offsets + end if isinstance(offsets, int) else offsets[end]
            for sink in sinks:
                sink.white(False, here)

    # -- starting elements ---------------------------------------------------------------

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        at = self._offset()
        if tag == "meta":
            self._meta(attrs, at)
            return
        if tag == "link":
            rel = (_attr(attrs, "rel") or "").lower().split()
            if "canonical" in rel and self.canonical is None:
                self.canonical = _attr(attrs, "href") or ""
            return
        if tag == "html":
            return
        if tag == "head":
            if self.body_seen or self._last("head") >= 0:
                return  # a second head, or one inside the body: ignored
        elif tag not in HEAD_CONTENT:
            self.body_seen = True
            head = self._last("head")
            if head >= 0:
                self._pop_to(head)  # the body begins, with or without </head> and <body>
        if tag == "body":
            self._boundary()
            return
        self._implied_ends(tag)
        if tag == "br":
            self._br(at)
            return
        if tag == "img":
            if not self.skip and self.title is None:
                self._image(attrs, at)
            return
        if tag in VOID:
            if tag == "hr":
                self._boundary()
            return
        if tag in BLOCK:
            self._boundary()
        elif tag in SKIPPED and tag not in HIDDEN and not self.skip:
            for sink in self._sinks():
                sink.white(False, at)  # code, a button...: words on either side stay apart
        self._push(tag, attrs, at)

    def _implied_ends(self, tag: str) -> None:
        """Close what the start of `tag` closes: optional end tags left out."""
        if tag in HEADINGS:
            at = max(self._in_scope(h, _SCOPE) for h in HEADINGS)
            if at >= 0:
                self._pop_to(at)
        if tag == "li":
            at = self._in_scope("li", _LIST_SCOPE)
            if at >= 0:
                self._pop_to(at)
        elif tag in ("dd", "dt"):
            at = max(self._in_scope("dd", (*_SCOPE, "dl")), self._in_scope("dt", (*_SCOPE, "dl")))
            if at >= 0:
                self._pop_to(at)
        elif tag in ("td", "th"):
            at = max(self._in_scope("td", _ROW_SCOPE), self._in_scope("th", _ROW_SCOPE))
            if at >= 0:
                self._pop_to(at)
        elif tag == "tr":
            at = self._in_scope("tr", _TABLE_SCOPE)
            if at >= 0:
                self._pop_to(at)
        elif tag in _SECTIONS:
            at = max(self._in_scope(s, _TABLE_SCOPE) for s in _SECTIONS)
            if at >= 0:
                self._pop_to(at)
        elif tag == "a" and self.link is not None:
            self._end_link()  # links do not nest
        if tag in CLOSES_P:
            at = self._in_scope("p", _BUTTON_SCOPE)
            if at >= 0:
                self._pop_to(at)

    def _push(self, tag: str, attrs: list[tuple[str, str | None]], at: int) -> None:
        entry = _Open(tag)
        entry.block = tag in BLOCK
        skipped = (
            tag in SKIPPED
            or (tag == "header" and not self.scope)
            or (_attr(attrs, "role") or "").strip().lower() == "navigation"
        )
        entry.skip = skipped
        position = len(self.stack)
        self.stack.append(entry)
        self.where.setdefault(tag, []).append(position)
        lang = _attr(attrs, "lang")
        if lang and lang.strip():
            self.langs.append((position, lang.strip().lower().split("-")[0]))
        if entry.block:
            self.blocks_open.append(position)
        if skipped:
            self.skip += 1
        if self.skip:
            if tag == "title" and self.title_line is None and self._last("svg") < 0:
                entry.title = True
                self.title = _Text()
                self.title_line = self.lines.line(at)
            return
        if tag in ("main", "article"):
            entry.scope = True
            self.scope += 1
        if tag in ("main", "article", "h1") and self.regions:
            self.regions[-1].landmark = True
        navigation = entry.block and not entry.scope and _names_navigation(attrs)
        if tag in CELLS or tag == "form" or navigation:
            starts = (len(self.blocks), len(self.links), len(self.images))
            kind = "form" if tag == "form" else "cell" if tag in CELLS else "navigation"
            entry.region = _Region(kind, starts)
            self.regions.append(entry.region)
        elif tag in HEADINGS:
            self.heading = entry
            self.heading_at = at
        elif tag == "a":
            href = _attr(attrs, "href")
            if href is not None:
                self.link = entry.link = _Link(href, self.lines.line(at))

    # -- ending elements -----------------------------------------------------------------

    def _pop_to(self, position: int) -> None:
        """Close the open elements down to `position`, that one included."""
        while len(self.stack) > position:
            entry = self.stack[-1]
            if entry.block:
                if entry is self.heading:
                    self._flush_heading()
                else:
                    self._boundary()
            if entry.region is not None:
                self._end_region()
            if entry.link is not None and entry.link is self.link:
                self._end_link()
            if entry.title:
                self._end_title()
            self.stack.pop()
            self.where[entry.name].pop()
            if self.langs and self.langs[-1][0] == len(self.stack):
                self.langs.pop()
            if entry.block:
                self.blocks_open.pop()
            self.skip -= entry.skip
            self.scope -= entry.scope

    def _end_link(self) -> None:
        link, self.link = self.link, None
        if link is None:
            return
        text, where = link.text.take()
        self.links.append((Link(link.url, text, link.line, where), self.scope > 0))
        if self.regions:
            self.regions[-1].link_words += len(text.split())

    def _end_region(self) -> None:
        region = self.regions.pop()
        outer = self.regions[-1] if self.regions else None
        if outer is not None:
            outer.landmark = outer.landmark or region.landmark
        if not region.keep():
            blocks, links, images = region.starts
            del self.blocks[blocks:], self.links[links:], self.images[images:]
        elif outer is not None:
            outer.absorb(region)

    def _end_title(self) -> None:
        title, self.title = self.title, None
        if title is None:
            return
        text, where = title.take()
        document = self.document
        document.title, document.title_line = text or None, self.title_line
        document.title_map = where if text else None

    def finish(self) -> None:
        """At the end of the file: close what is open, keep the article's prose."""
        self._pop_to(0)
        self._flush()
        if self.link is not None:
            self._end_link()
        blocks, links, images = self.blocks, self.links, self.images
        if any(inside for _, inside in blocks):
            # Prose inside <main> or <article>: what stands around it is the site's.
            blocks = [item for item in blocks if item[1]]
            links = [item for item in links if item[1]]
            images = [item for item in images if item[1]]
        document = self.document
        document.blocks = [block for block, _ in blocks]
        document.links = [link for link, _ in links]
        document.images = [image for image, _ in images]
        path = urlsplit(self.canonical or self.meta.get("og:url", "")).path.rstrip("/")
        if path:
            document.slug = path.rsplit("/", 1)[-1].rsplit(".", 1)[0] or None
        # The page's own meta tags, and front matter for what they do not say.
        document.meta = {**document.meta, **self.meta}
        document.keywords = keywords_from_meta(document.meta)

    # -- blocks --------------------------------------------------------------------------

    def _add_block(self, block: Block) -> None:
        self.blocks.append((block, self.scope > 0))
        if self.regions:
            self.regions[-1].note(block)

    def _sinks(self) -> list[_Text]:
        """Where text goes now: the title, or the block and the open link's text."""
        if self.title is not None:
            return [self.title]
        if self.skip:
            return []
        return [self.text] if self.link is None else [self.text, self.link.text]

    def _offsets_of(self, data: str, at: int) -> int | list[int]:
        """Where the characters of `data`, which html.parser reports at `at`, stand: `at`
        when the data stands verbatim, else the offset of each decoded character.

        html.parser decodes the text up to the next "<"; what it cannot read as a tag or a
        comment it decodes up to the next ">" (or "<")."""
        source = self.source
        if source.startswith(data, at):
            return at
        ends = []
        for mark, past in (("<", 0), (">", 1)):
            end = source.find(mark, at + 1)
            ends.append(len(source) if end < 0 else end + past)
        for end in ends:
            decoded, offsets = _decode(source[at:end], at)
            if decoded == data:
                return offsets
        found = align(data, source, at, min(len(source), at + 4 * len(data) + 64))
        return [found.to_source(i) for i in range(len(data))]

    def _splits_on_blank_lines(self) -> bool:
        return not self.blocks_open or self.stack[self.blocks_open[-1]].name not in _WHOLE

    def _br(self, at: int) -> None:
        if self.skip or self.title is not None:
            return
        if self.after_br and self.heading is None:
            self._flush()  # <br><br>: the paragraph ends
        else:
            self.text.white(True, at)
            self.after_br = True
        if self.link is not None:
            self.link.text.white(True, at)

    def _boundary(self) -> None:
        """A block starts or ends here: the block being read ends; in a heading, words on
        either side stay apart."""
        if self.heading is None:
            self._flush()
        else:
            self.text.white(False, self._offset())

    def _flush(self) -> None:
        """The block being read ends: keep it when it holds text."""
        self.after_br = False
        text, where = self.text.take()
        if not text:
            return
        li = max(self._last("li"), self._last("dt"), self._last("dd"))
        quote = self._last("blockquote")
        kind = LIST_ITEM if li > quote else QUOTE if quote >= 0 else PARAGRAPH
        line = self.lines.line(where.to_source(0))
        self._add_block(Block(kind, text, line, map=where, lang=self._lang()))

    def _flush_heading(self) -> None:
        heading, self.heading = self.heading, None
        if heading is None:
            return
        self.after_br = False
        text, where = self.text.take()
        line = self.lines.line(where.to_source(0) if text else self.heading_at)
        block = Block(HEADING, text, line, int(heading.name[1]), where, self._lang())
        self._add_block(block)

    def _lang(self) -> str | None:
        """The language declared by the innermost open element with a `lang` attribute."""
        return self.langs[-1][1] if self.langs else None

    # -- images and meta tags ------------------------------------------------------------

    def _image(self, attrs: list[tuple[str, str | None]], at: int) -> None:
        raw = self.get_starttag_text() or ""
        alt = _attr(attrs, "alt") or ""
        where = self._attr_map(raw, at, "alt", alt)
        image = Image(_attr(attrs, "src") or "", alt, self.lines.line(at), where, at, at + len(raw))
        self.images.append((image, self.scope > 0))

    def _meta(self, attrs: list[tuple[str, str | None]], at: int) -> None:
        name = (_attr(attrs, "name") or _attr(attrs, "property") or "").lower()
        content = _attr(attrs, "content") or ""
        if name == "description" or (name == "og:description" and "description" not in self.meta):
            raw = self.get_starttag_text() or ""
            where = self._attr_map(raw, at, "content", content)
            stripped = content.lstrip()
            lead = len(content) - len(stripped)
            stripped = stripped.rstrip()
            document = self.document
            self.meta["description"] = stripped
            document.description = stripped or None
            document.description_line = self.lines.line(at)
            document.description_map = where.sliced(lead, lead + len(stripped))
        elif name in ("keywords", "og:url"):
            self.meta[name] = content.strip()

    def _attr_map(self, raw: str, at: int, name: str, value: str) -> SourceMap:
        """The map of an attribute's decoded `value` in the tag `raw` standing at `at`."""
        found = _attr_source(raw, name)
        if found is not None:
            decoded, offsets = _decode(found[1], at + found[0])
            if decoded == value:
                out = SourceMap()
                for offset in offsets:
                    out.append(offset)
                return out
        return align(value, self.source, at, at + len(raw))


def _names_navigation(attrs: list[tuple[str, str | None]]) -> bool:
    """True when the element's class or id names navigation (`site-menu`, `Quick_links`)."""
    for key in ("class", "id"):
        for token in (_attr(attrs, key) or "").lower().split():
            parts = _NAME_PARTS.split(token)
            if "".join(parts) in NAVIGATION_NAMES or not NAVIGATION_NAMES.isdisjoint(parts):
                return True
    return False


def _attr(attrs: list[tuple[str, str | None]], name: str) -> str | None:
    """The first value of an attribute ("" when it has none), None when it is absent."""
    for key, value in attrs:
        if key == name:
            return value or ""
    return None


def _attr_source(raw: str, name: str) -> tuple[int, str] | None:
    """Where the value of attribute `name` starts in the start tag `raw`, and its raw text."""
    tag = _TAG_NAME.match(raw)
    if tag is None:
        return None
    k = tag.end()
    while k < len(raw):
        m = _ATTR.match(raw, k)
        if m is None or m.end() == k:
            return None
        if m.group(1).lower() == name:
            if m.group(3) is None:
                return m.end(), ""
            value, start = m.group(3), m.start(3)
            if value[:1] in ("'", '"') and value[:1] == value[-1:] and len(value) >= 2:
                return start + 1, value[1:-1]
            return start, value
        k = m.end()
    return None
