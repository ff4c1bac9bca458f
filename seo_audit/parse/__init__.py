"""Parsers: Markdown, HTML, plain text and Word (.docx) drafts become a Document."""

from __future__ import annotations

from pathlib import Path

from seo_audit.document import Document
from seo_audit.errors import InputError
from seo_audit.i18n import N_, _

# A draft with nothing to read yet; the language server shows nothing for it.
NO_PROSE = N_("no prose found (only markup, code or front matter)")

FORMATS = ("markdown", "html", "text")
# Formats read from a file's bytes, never given as text (nor chosen with --input-format).
BINARY_FORMATS = ("docx",)

_EXTENSIONS = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdown": "markdown",
    ".mkd": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".text": "text",
    ".docx": "docx",
}

SUPPORTED_EXTENSIONS = tuple(_EXTENSIONS)


def format_for_path(path: str, input_format: str | None = None) -> str:
    """The input format: `input_format` when given, else from the file extension."""
    if input_format:
        if input_format not in FORMATS:
            raise InputError(path, _("unknown input format '{name}'").format(name=input_format))
        return input_format
    if path == "-":
        return "markdown"
    suffix = Path(path).suffix.lower()
    if suffix not in _EXTENSIONS:
        raise InputError(
            path,
            _(
                "unknown file type '{suffix}'; use .md, .html, .txt or .docx, or --input-format"
            ).format(suffix=suffix or _("(none)")),
        )
    return _EXTENSIONS[suffix]


def parse(path: str, text: str, input_format: str) -> Document:
    """Parse decoded text into a Document."""
    if input_format in BINARY_FORMATS:
        raise InputError(
            path,
            _("a .{kind} draft is read from its file, not from text").format(kind=input_format),
        )
    if input_format == "markdown":
        from seo_audit.parse.markdown import parse_markdown

        document = parse_markdown(path, text)
    elif input_format == "html":
        from seo_audit.parse.html import parse_html

        document = parse_html(path, text)
    else:
        from seo_audit.parse.text import parse_text

        document = parse_text(path, text)
    return _with_prose(document)


def parse_bytes(path: str, data: bytes, input_format: str) -> Document:
    """Parse a file read as bytes (a format of BINARY_FORMATS) into a Document."""
    from seo_audit.parse.docx import parse_docx

    return _with_prose(parse_docx(path, data))


def _with_prose(document: Document) -> Document:
    if not any(block.text.strip() for block in document.blocks):
        raise InputError(document.path, _(NO_PROSE))
    return document
