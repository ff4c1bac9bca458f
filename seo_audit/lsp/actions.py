"""Quick fixes: the suppression comments of seo_audit.suppress, inserted where they work.

- A finding on the first line of a block of prose (a one-line paragraph, a heading, the
  first line of a paragraph): `<!-- seo-audit: disable-next-line ID -->` on a line of its own
  just before it.
- A finding further down a block (a paragraph written over several lines): a comment there
  would split the paragraph in Markdown, and `disable-next-line` only reaches the line after
  it, so the block is wrapped in `disable ID` ... `enable ID` instead.
- Inside a Markdown list item or block quote, the comment carries the line's container
  prefix (`> ` kept, a list marker turned into spaces), so it belongs to the container
  and does not end the list or the quote (at column 0 it would split them in two).
- Any finding, also those with no place in the prose (word count, the front matter's title):
  `<!-- seo-audit: disable-file ID -->` at the top, after the front matter (Markdown) or the
  doctype (HTML).

Plain text has no comments: no quick fix there.
"""

from __future__ import annotations

import re

from lsprotocol import types

from seo_audit.i18n import _
from seo_audit.lsp.convert import Finding, Positions
from seo_audit.lsp.explain import directive
from seo_audit.marks import BlockView

_FENCES = {"---": ("---", "..."), "+++": ("+++",)}
_DOCTYPE = re.compile(r"\s*<!doctype\b[^>]*>", re.IGNORECASE)
# What may stand before a Markdown block's text on its line: block quote markers, list
# markers and the spaces after them (a heading's `#` is not a container).
_CONTAINERS = re.compile(r"(?:[ \t]*(?:>|[-+*]|\d{1,9}[.)])(?=[ \t]|$)[ \t]?)*[ \t]*")
_LIST_MARKER = re.compile(r"[-+*]|\d{1,9}[.)]")


def file_directive_line(text: str, input_format: str) -> int:
    """The 0-based line a `disable-file` comment goes on: after the front matter of a
    Markdown draft, after the doctype of an HTML page, else the first line."""
    lines = text.split("\n")
    if input_format == "markdown" and lines and lines[0].rstrip() in _FENCES:
        closers = _FENCES[lines[0].rstrip()]
        for n in range(1, len(lines)):
            if lines[n].rstrip() in closers:
                return n + 1
        return 0
    if input_format == "html":
        found = _DOCTYPE.match(text)
        if found:
            return text.count("\n", 0, found.end()) + 1
    return 0


def _block_at(blocks: list[BlockView], offset: int) -> BlockView | None:
    for block in blocks:
        if block.start <= offset < max(block.end, block.start + 1):
            return block
    return None


def container_prefix(line_text: str) -> str:
    """What a comment line needs in front to stay inside the Markdown list items and block
    quotes of `line_text`, the part of a line before a block's text: `> ` kept, each list
    marker turned into spaces of its width (the content column of the item). Empty when
    the part is not only containers (a heading's `## `)."""
    found = _CONTAINERS.fullmatch(line_text)
    if found is None or not line_text.strip():
        return ""
    return _LIST_MARKER.sub(lambda m: " " * len(m.group()), line_text)


def _insert(positions: Positions, line: int, text: str, newline: str) -> types.TextEdit:
    """An edit putting `text` on a line of its own before 0-based `line` (after the last
    line when `line` is past it)."""
    if line < positions.lines.lines:
        where = types.Position(line, 0)
        return types.TextEdit(types.Range(where, where), text + newline)
    end = positions.position(len(positions.text))
    lead = "" if positions.text.endswith("\n") or not positions.text else newline
    return types.TextEdit(types.Range(end, end), lead + text + newline)


def suppression_actions(
    uri: str,
    version: int,
    finding: Finding,
    positions: Positions,
    blocks: list[BlockView],
    input_format: str,
    newline: str = "\n",
) -> list[types.CodeAction]:
    """The quick fixes that silence one finding (none for plain text)."""
    if input_format not in ("markdown", "html"):
        return []
    check_id = finding.result.id
    doc = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)

    def action(title: str, edits: list[types.TextEdit], preferred: bool) -> types.CodeAction:
        change = types.TextDocumentEdit(text_document=doc, edits=edits)
        return types.CodeAction(
            title=title,
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[finding.diagnostic],
            edit=types.WorkspaceEdit(document_changes=[change]),
            is_preferred=preferred or None,
        )

    actions = []
    block = None if finding.whole_document else _block_at(blocks, finding.start)
    if block is not None:
        line = positions.line_of(finding.start)
        first = positions.line_of(block.start)
        prefix = ""
        if input_format == "markdown":
            line_start = positions.text.rfind("\n", 0, block.start) + 1
            prefix = container_prefix(positions.text[line_start : block.start])
        if line == first:
            comment = prefix + directive("disable-next-line", check_id)
            edit = _insert(positions, line, comment, newline)
            actions.append(
                action(_("Disable {id} for this line").format(id=check_id), [edit], True)
            )
        else:
            last = positions.line_of(max(block.end - 1, block.start))
            edits = [
                _insert(positions, first, prefix + directive("disable", check_id), newline),
                _insert(positions, last + 1, prefix + directive("enable", check_id), newline),
            ]
            title = _("Disable {id} for this paragraph").format(id=check_id)
            actions.append(action(title, edits, True))
    top = file_directive_line(positions.text, input_format)
    edit = _insert(positions, top, directive("disable-file", check_id), newline)
    title = _("Disable {id} for this file").format(id=check_id)
    actions.append(action(title, [edit], False))
    return actions
