"""Word documents (.docx), read with python-docx (the `docx` extra).

The document's text is its plain text, one line per paragraph of the body, in order (empty
paragraphs and table-cell paragraphs included), so that line N of a finding is the N-th
paragraph a writer counts in Word. An image stands in its paragraph's line as
`[image: alt text]` (or `[image]` when it has none), which gives findings about it a place.

What is prose:

- Headings: the styles Heading 1-6 (« Titre 1 »-« Titre 6 » in a French Word) and Title
  (« Titre », the headline: H1); a style based on one of them is a heading of its level; a
  style with another name is a heading when it (or the paragraph) sets an outline level.
- List items: numbered or bulleted paragraphs, and the list styles (List Paragraph,
  « Paragraphe de liste »…); quotes: the Quote styles (« Citation »…); other paragraphs are
  paragraphs.
- Table cells, when they read as sentences (as in HTML: 12 words or more, or 3 words or
  more ending like a sentence); a table of contents is not prose.
- Text of tracked insertions counts, deleted text does not; field codes are not text, field
  results are (a HYPERLINK field is a link). Headers, footers, notes, comments and text boxes
  are not read.

Links are the hyperlinks (their text and address); images are the pictures, with their alt
text (Word's "Alt Text": the description, else the title). The title, description and
keywords come from the document's properties (File → Info): Title; Comments, else Subject;
Tags (keywords, separated by ";" or ",").

A .docx is a zip archive: it is read from its bytes (within the size limit of a draft), and
one whose parts would unpack to more than UNPACKED_MAX bytes, or with more than MAX_PARTS
parts, is refused before anything is unpacked.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any

from seo_audit.document import (
    HEADING,
    LIST_ITEM,
    PARAGRAPH,
    QUOTE,
    Block,
    Document,
    Image,
    Link,
)
from seo_audit.errors import InputError
from seo_audit.i18n import _, count
from seo_audit.parse.directives import find_directives
from seo_audit.parse.html import _SENTENCE_END, CELL_PROSE_WORDS, CELL_SENTENCE_WORDS
from seo_audit.textmap import SourceMap

UNPACKED_MAX = 64 * 1024 * 1024
MAX_PARTS = 10_000
MAX_TABLE_DEPTH = 20  # tables inside tables: deeper ones are not read

_NS = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
    "v": "urn:schemas-microsoft-com:vml",
    "o": "urn:schemas-microsoft-com:office:office",
}


def _q(name: str) -> str:
    """`w:p` → `{namespace}p`."""
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


_P, _TBL, _TR, _TC = _q("w:p"), _q("w:tbl"), _q("w:tr"), _q("w:tc")
_SDT, _SDT_CONTENT, _CUSTOM_XML = _q("w:sdt"), _q("w:sdtContent"), _q("w:customXml")
_VAL, _PPR, _T, _INSTR = _q("w:val"), _q("w:pPr"), _q("w:t"), _q("w:instrText")
_FLD_CHAR, _FLD_SIMPLE, _HYPERLINK = _q("w:fldChar"), _q("w:fldSimple"), _q("w:hyperlink")
_DRAWING, _PICT, _HYPHEN = _q("w:drawing"), _q("w:pict"), _q("w:noBreakHyphen")
# Inside a paragraph: what is not text, or not the paragraph's own text.
_SKIPPED = frozenset(
    _q(n)
    for n in (
        "w:pPr",
        "w:rPr",
        "w:del",
        "w:moveFrom",
        "w:delText",
        "w:txbxContent",
        "w:footnoteReference",
        "w:endnoteReference",
        "w:commentReference",
        "w:object",
        "w:fldData",
        "mc:Fallback",
    )
)
_SPACES = frozenset(_q(n) for n in ("w:tab", "w:ptab", "w:br", "w:cr"))
_HEADING_NAME = re.compile(r"(?:heading|titre)\s*([1-9])", re.I)
_TITLE_NAME = re.compile(r"title|titre", re.I)
_LIST_NAME = re.compile(r"(?:list|liste)\b.*|.*paragraphe de liste", re.I)
_QUOTE_NAME = re.compile(r"(?:intense\s+)?quote|citation(?:\s+intense)?", re.I)
_HYPERLINK_FIELD = re.compile(r'^\s*HYPERLINK\s+"?([^"\s]*)"?(?:.*?\\l\s+"([^"]*)")?', re.S)
_KEYWORDS_SPLIT = re.compile(r"[;,]")


def parse_docx(path: str, data: bytes) -> Document:
    """Read a Word document from its bytes into a Document (InputError if it cannot be)."""
    try:
        import docx
    except ImportError:
        raise InputError(
            path, _("reading Word documents needs python-docx: pip install 'seo-audit[docx]'")
        ) from None
    _check_archive(path, data)
    try:
        word = docx.Document(BytesIO(data))
        reader = _Reader(word)
        reader.body(word.element.body)
        document = Document(path=path, format="docx", text="\n".join(reader.lines))
        reader.finish(document)
        _properties(document, word.core_properties)
    except Exception as exc:  # python-docx on an untrusted file: its failures are the file's
        raise InputError(path, _unreadable(exc)) from None
    document.directives = find_directives(document.text, 1)
    return document


def _unreadable(exc: BaseException) -> str:
    return _("not a readable Word document ({reason})").format(reason=_reason(exc))


def _reason(exc: BaseException) -> str:
    text = str(exc).strip().split("\n")[0]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _check_archive(path: str, data: bytes) -> None:
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputError(
            path,
            _(
                "an old Word file (.doc) or a password-protected document: save it as .docx "
                "without a password"
            ),
        )
    try:
        parts = zipfile.ZipFile(BytesIO(data)).infolist()
    except (zipfile.BadZipFile, EOFError, OSError, ValueError) as exc:
        raise InputError(path, _unreadable(exc)) from None
    unpacked = sum(part.file_size for part in parts)
    if len(parts) > MAX_PARTS or unpacked > UNPACKED_MAX:
        raise InputError(
            path,
            _(
                "refused: the archive holds {parts} parts that unpack to {size} bytes (at "
                "most {most_parts} parts and {most_size} bytes)"
            ).format(
                parts=count(len(parts)),
                size=count(unpacked),
                most_parts=count(MAX_PARTS),
                most_size=count(UNPACKED_MAX),
            ),
        )


def _properties(document: Document, core: Any) -> None:
    """Title, description and keywords from the document properties."""
    title = (core.title or "").strip()
    description = " ".join((core.comments or core.subject or "").split())
    keywords = [k.strip() for k in _KEYWORDS_SPLIT.split(core.keywords or "") if k.strip()]
    document.title = title or None
    document.description = description or None
    document.keywords = keywords
    document.meta = {"title": title, "description": description, "keywords": keywords}


# --- Styles -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Kind:
    kind: str
    level: int = 0


class _Styles:
    """What each paragraph style makes of a paragraph, its base styles followed."""

    def __init__(self, word: Any) -> None:
        from docx.enum.style import WD_STYLE_TYPE

        self.by_id: dict[str, Any] = {}
        for style in word.styles:
            if style.type == WD_STYLE_TYPE.PARAGRAPH and style.style_id:
                self.by_id[style.style_id] = style
        default = word.styles.default(WD_STYLE_TYPE.PARAGRAPH)
        self.default = default.style_id if default is not None else None
        self.cache: dict[str | None, tuple[_Kind | None, int | None, bool]] = {}

    def chain(self, style_id: str | None) -> Iterator[Any]:
        seen: set[str] = set()
        style = self.by_id.get(style_id or self.default or "")
        while style is not None and style.style_id not in seen:
            seen.add(style.style_id)
            yield style
            style = style.base_style

    def of(self, style_id: str | None) -> tuple[_Kind | None, int | None, bool]:
        """(kind by name, outline level, numbered) of a style, from it or its bases."""
        if style_id not in self.cache:
            named: _Kind | None = None
            outline: int | None = None
            numbered = False
            for style in self.chain(style_id):
                if named is None:
                    named = _kind_of_name(style.name or "") or _kind_of_name(style.style_id)
                ppr = style.element.find(_PPR)
                if ppr is not None:
                    if outline is None:
                        outline = _outline(ppr)
                    numbered = numbered or _numbered(ppr)
            self.cache[style_id] = (named, outline, numbered)
        return self.cache[style_id]


def _kind_of_name(name: str) -> _Kind | None:
    name = name.strip()
    if m := _HEADING_NAME.fullmatch(name):
        return _Kind(HEADING, min(int(m.group(1)), 6))
    if _TITLE_NAME.fullmatch(name):
        return _Kind(HEADING, 1)
    if _QUOTE_NAME.fullmatch(name):
        return _Kind(QUOTE)
    if _LIST_NAME.fullmatch(name):
        return _Kind(LIST_ITEM)
    return None


def _outline(ppr: Any) -> int | None:
    """The heading level an outline level sets (w:outlineLvl 0-8), None for body text."""
    found = ppr.find(_q("w:outlineLvl"))
    if found is None:
        return None
    try:
        value = int(found.get(_VAL, "9"))
    except ValueError:
        return None
    return min(value + 1, 6) if 0 <= value <= 8 else None


def _numbered(ppr: Any) -> bool:
    numbering = ppr.find(_q("w:numPr"))
    if numbering is None:
        return False
    num_id = numbering.find(_q("w:numId"))
    return num_id is None or num_id.get(_VAL) != "0"


# --- Reading the body -------------------------------------------------------------------------


@dataclass
class _Line:
    """A paragraph's line being written: its characters, which are prose, its links and
    images (ranges in the line)."""

    chars: list[str] = field(default_factory=list)
    prose: list[bool] = field(default_factory=list)
    links: list[tuple[str, int, int]] = field(default_factory=list)
    images: list[tuple[str, str, int, int, int]] = field(default_factory=list)  # src alt…

    def add(self, text: str, prose: bool = True) -> None:
        for char in text:
            self.chars.append(" " if char in "\n\r\v\f" else char)
            self.prose.append(prose)


@dataclass
class _Paragraph:
    line: int  # 0-based index in the document's lines
    kind: str
    level: int
    text: _Line


class _Reader:
    def __init__(self, word: Any) -> None:
        self.part = word.part
        self.styles = _Styles(word)
        self.lines: list[str] = []
        self.paragraphs: list[_Paragraph] = []

    # -- structure -----------------------------------------------------------------------

    def body(self, element: Any, prose: bool = True, depth: int = 0) -> None:
        """Paragraphs and tables, in document order; a table of contents is no prose."""
        for child in element:
            if child.tag in (_SDT, _CUSTOM_XML):
                inside = child.find(_SDT_CONTENT) if child.tag == _SDT else child
                if inside is not None:
                    self.body(inside, prose and not _is_contents_table(child), depth)
            elif child.tag == _P:
                self.paragraph(child, prose)
            elif child.tag == _TBL and depth < MAX_TABLE_DEPTH:
                for row in _content(child, _TR):
                    for cell in _content(row, _TC):
                        first = len(self.paragraphs)
                        self.body(cell, prose, depth + 1)
                        self._keep_cell(first)

    def _keep_cell(self, first: int) -> None:
        """Keep a cell's paragraphs as prose only when the cell reads as sentences."""
        cell = self.paragraphs[first:]
        texts = ["".join(p.text.chars).strip() for p in cell]
        words = sum(len(t.split()) for t in texts)
        last = next((t for t in reversed(texts) if t), "")
        heading = any(p.kind == HEADING for p in cell)
        sentence = words >= CELL_SENTENCE_WORDS and _SENTENCE_END.search(last) is not None
        if not (heading or words >= CELL_PROSE_WORDS or sentence):
            del self.paragraphs[first:]

    # -- paragraphs ----------------------------------------------------------------------

    def paragraph(self, p: Any, prose: bool) -> None:
        line = _Line()
        self._runs(p, line)
        self.lines.append("".join(line.chars))
        if prose:
            kind = self._kind(p)
            self.paragraphs.append(_Paragraph(len(self.lines) - 1, kind.kind, kind.level, line))

    def _kind(self, p: Any) -> _Kind:
        ppr = p.find(_PPR)
        style_id = None
        if ppr is not None:
            style = ppr.find(_q("w:pStyle"))
            style_id = style.get(_VAL) if style is not None else None
        named, outline, numbered = self.styles.of(style_id)
        if named is not None and named.kind == HEADING:
            return named
        direct = _outline(ppr) if ppr is not None else None
        if named is None and (direct or outline):
            return _Kind(HEADING, direct or outline or 1)
        if (ppr is not None and _numbered(ppr)) or numbered:
            return _Kind(LIST_ITEM)
        return named or _Kind(PARAGRAPH)

    def _runs(self, p: Any, line: _Line) -> None:
        """The paragraph's text, links and images, in order."""
        from lxml import etree

        fields: list[_Field] = []  # open complex fields
        links: list[tuple[object, str, int]] = []  # open links: owner, url, start in the line
        walk = etree.iterwalk(p, events=("start", "end"))
        for event, element in walk:
            tag = element.tag
            if event == "end":
                if links and links[-1][0] is element:  # a hyperlink or simple field ends
                    _close_link(links, line)
                continue
            if tag in _SKIPPED:
                walk.skip_subtree()
            elif tag == _T:
                if not any(f.in_code for f in fields):
                    line.add(element.text or "")
            elif tag in _SPACES:
                line.add(" ")
            elif tag == _HYPHEN:
                line.add("-")
            elif tag == _INSTR:
                if fields and fields[-1].in_code:
                    fields[-1].code += element.text or ""
                walk.skip_subtree()
            elif tag == _FLD_CHAR:
                _field_char(element.get(_q("w:fldCharType")), fields, links, line)
            elif tag in (_HYPERLINK, _FLD_SIMPLE):
                url = (
                    self._hyperlink_url(element)
                    if tag == _HYPERLINK
                    else _field_url(element.get(_q("w:instr"), ""))
                )
                if url is not None:
                    links.append((element, url, len(line.chars)))
            elif tag in (_DRAWING, _PICT):
                self._image(element, line)
                walk.skip_subtree()
        while links:  # a field left open at the end of the paragraph
            _close_link(links, line)

    def _hyperlink_url(self, element: Any) -> str | None:
        rel = element.get(_q("r:id"))
        anchor = element.get(_q("w:anchor"))
        if rel:
            relationship = self.part.rels.get(rel)
            if relationship is not None and relationship.is_external:
                url = relationship.target_ref
                return f"{url}#{anchor}" if anchor else url
        return f"#{anchor}" if anchor else None

    def _image(self, element: Any, line: _Line) -> None:
        """A picture (DrawingML, or VML in older files) as `[image: alt]` in the line."""
        if element.tag == _q("w:drawing"):
            if not element.findall(f".//{_q('pic:pic')}"):
                return  # a chart, a shape: no picture
            described = element.find(f".//{_q('wp:docPr')}")
            alt = ""
            if described is not None:
                alt = described.get("descr") or described.get("title") or ""
            blip = element.find(f".//{_q('a:blip')}")
            rel = blip.get(_q("r:embed")) if blip is not None else None
        else:
            data = element.find(f".//{_q('v:imagedata')}")
            if data is None:
                return
            shape = element.find(f".//{_q('v:shape')}")
            alt = (shape.get("alt") if shape is not None else None) or data.get(_q("o:title"), "")
            rel = data.get(_q("r:id"))
        relationship = self.part.rels.get(rel) if rel else None
        src = relationship.target_ref if relationship is not None else ""
        alt = " ".join(alt.split())
        start = len(line.chars)
        line.add("[image: " if alt else "[image", prose=False)
        alt_start = len(line.chars)
        line.add(alt, prose=False)
        line.add("]", prose=False)
        line.images.append((src, alt, start, len(line.chars), alt_start))

    # -- the Document --------------------------------------------------------------------

    def finish(self, document: Document) -> None:
        index = document.lines
        for paragraph in self.paragraphs:
            at = index.line_start(paragraph.line + 1)
            number = paragraph.line + 1
            text, where = _collapsed(paragraph.text, 0, len(paragraph.text.chars), at)
            if text:
                document.blocks.append(Block(paragraph.kind, text, number, paragraph.level, where))
            for url, start, end in paragraph.text.links:
                link_text, link_map = _collapsed(paragraph.text, start, end, at)
                document.links.append(Link(url, link_text, number, link_map))
            for src, alt, start, end, alt_start in paragraph.text.images:
                alt_map = SourceMap.contiguous(at + alt_start, len(alt))
                document.images.append(Image(src, alt, number, alt_map, at + start, at + end))


def _collapsed(line: _Line, start: int, end: int, at: int) -> tuple[str, SourceMap]:
    """The prose characters of line[start:end], white space collapsed and stripped, and
    their map (the line starts at offset `at`)."""
    out: list[str] = []
    where = SourceMap()
    space: int | None = None  # where pending white space starts
    for i in range(start, end):
        if not line.prose[i]:
            continue
        char = line.chars[i]
        if char in " \t":
            if space is None:
                space = i
            continue
        if space is not None and out:
            out.append(" ")
            where.append(at + space)
        space = None
        out.append(char)
        where.append(at + i)
    return "".join(out), where


@dataclass
class _Field:
    """A complex field (fldChar begin … separate … end): its code, then its result."""

    in_code: bool = True
    code: str = ""


def _field_char(
    kind: str | None, fields: list[_Field], links: list[tuple[object, str, int]], line: _Line
) -> None:
    if kind == "begin":
        fields.append(_Field())
    elif kind == "separate" and fields and fields[-1].in_code:
        current = fields[-1]
        current.in_code = False
        url = _field_url(current.code)
        if url is not None:
            links.append((current, url, len(line.chars)))
    elif kind == "end" and fields:
        current = fields.pop()
        if links and links[-1][0] is current:
            _close_link(links, line)


def _close_link(links: list[tuple[object, str, int]], line: _Line) -> None:
    _, url, start = links.pop()
    line.links.append((url, start, len(line.chars)))


def _content(element: Any, tag: str) -> Iterator[Any]:
    """The children of an element of one tag (rows of a table, cells of a row), looking
    through content controls and custom XML."""
    for child in element:
        if child.tag == _SDT:
            inside = child.find(_SDT_CONTENT)
            if inside is not None:
                yield from _content(inside, tag)
        elif child.tag == _CUSTOM_XML:
            yield from _content(child, tag)
        elif child.tag == tag:
            yield child


def _field_url(code: str) -> str | None:
    """The address of a HYPERLINK field (`HYPERLINK "https://…"`, `\\l "bookmark"`)."""
    m = _HYPERLINK_FIELD.match(code)
    if m is None:
        return None
    url, anchor = m.group(1), m.group(2)
    if anchor:
        return f"{url}#{anchor}"
    return url or None


def _is_contents_table(sdt: Any) -> bool:
    gallery = sdt.find(f"{_q('w:sdtPr')}/{_q('w:docPartObj')}/{_q('w:docPartGallery')}")
    return gallery is not None and (gallery.get(_VAL) or "").startswith("Table of Contents")
