"""Positions between seo-audit and LSP, and findings as Diagnostics.

seo-audit's places are offsets in Python characters (code points) of the file text with "\\n"
line endings, and its lines and columns count those characters. LSP counts lines from 0 and,
within a line, code units of the encoding agreed at initialisation: UTF-16 unless the client
offers another (`general.positionEncodings`). The two agree on every character but those
outside the Basic Multilingual Plane (most emoji, 𝔸, some CJK): one Python character, two
UTF-16 code units, so a finding after an emoji on its line needs converting. Accents, `’`
and `«` are one unit in both. Lines agree once line endings are normalised, as the engine
does ("\\r\\n" and "\\r" are one line break for LSP too).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lsprotocol import types

from seo_audit.checks.base import FAIL, WARN, CheckResult, Location
from seo_audit.marks import DraftView
from seo_audit.report import Report
from seo_audit.textmap import LineIndex

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"
SOURCE = "seo-audit"
_SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def units(text: str, encoding: str = UTF16) -> int:
    """How many code units of `encoding` the characters of `text` take."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    if text.isascii():
        return len(text)
    return len(text) + sum(1 for char in text if ord(char) > 0xFFFF)


def chars_for_units(line: str, count: int, encoding: str = UTF16) -> int:
    """The character index in `line` that stands `count` code units from its start. A count
    past the end gives the line's length (as LSP says); one inside a character (the second
    half of a surrogate pair) gives that character's start."""
    if count <= 0:
        return 0
    if encoding == UTF32 or line.isascii():
        return min(count, len(line))
    used = 0
    for index, char in enumerate(line):
        width = units(char, encoding)
        if used + width > count:
            return index
        used += width
    return len(line)


class Positions:
    """Offsets of one text <-> LSP positions in a given encoding."""

    def __init__(self, text: str, encoding: str = UTF16) -> None:
        self.text = text
        self.encoding = encoding
        self.lines = LineIndex(text)

    def position(self, offset: int) -> types.Position:
        """The LSP position of a character offset (clamped to the text)."""
        offset = min(max(offset, 0), len(self.text))
        line, _ = self.lines.position(offset)
        start = self.lines.line_start(line)
        return types.Position(line - 1, units(self.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(max(start, end)))

    def line_text(self, line: int) -> str:
        """The text of a 0-based line, without its line break ('' past the end)."""
        if line >= self.lines.lines:
            return ""
        start = self.lines.line_start(line + 1)
        end = self.text.find("\n", start)
        return self.text[start : end if end >= 0 else len(self.text)]

    def offset(self, position: types.Position) -> int:
        """The character offset of an LSP position (clamped: past the end of its line, the
        line's end; past the last line, the end of the text)."""
        if position.line >= self.lines.lines:
            return len(self.text)
        start = self.lines.line_start(position.line + 1)
        line = self.line_text(position.line)
        return start + chars_for_units(line, position.character, self.encoding)

    def line_of(self, offset: int) -> int:
        """The 0-based line of an offset."""
        return self.lines.line(offset) - 1


# --- Findings -> Diagnostics --------------------------------------------------------------


@dataclass
class Finding:
    """One diagnostic and what it stands for: a check result and one of its places in the
    draft (None: the whole draft, shown on its headline)."""

    result: CheckResult
    location: Location | None
    start: int  # the range in the draft's text (offsets)
    end: int
    diagnostic: types.Diagnostic

    @property
    def whole_document(self) -> bool:
        return self.location is None


def shown_value(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "none"
    return str(value)


def message_of(result: CheckResult, location: Location | None) -> str:
    """The check's message with its measured value and target, after the place's note."""
    extra = []
    if result.value is not None:
        extra.append(f"value {shown_value(result.value)}")
    if result.expected:
        extra.append(f"expected {result.expected}")
    message = result.message.strip() or f"{result.id} {result.name}: {result.status}"
    if extra:
        message += f" ({'; '.join(extra)})"
    if location is not None and location.note:
        message = f"{location.note} — {message}"
    return message


def severity_of(result: CheckResult) -> types.DiagnosticSeverity:
    """The rule set's severity (error, warning, info); a `warn` (half a failure) is never
    more than a Warning."""
    severity = _SEVERITY.get(result.severity, types.DiagnosticSeverity.Warning)
    if result.status == WARN:
        return max(severity, types.DiagnosticSeverity.Warning)  # Error is 1: max lowers it
    return severity


def shown_results(report: Report) -> list[CheckResult]:
    """The results worth a diagnostic: failing and warning checks, and any other result the
    verdict counts against the draft."""
    failing = {id(r) for r in report.failures}
    return [r for r in report.checks if r.status in (FAIL, WARN) or id(r) in failing]


def headline_span(view: DraftView | None) -> tuple[int, int]:
    """Where whole-draft findings sit: the headline (first H1), else the first heading,
    else the first block of prose."""
    if view is None or not view.blocks:
        return 0, 0
    headings = [b for b in view.blocks if b.kind == "heading"]
    top = [b for b in headings if b.level == 1]
    block = (top or headings or view.blocks)[0]
    return block.start, block.end


def findings_of(
    report: Report,
    positions: Positions,
    href: Any,
    related: Any = None,
) -> list[Finding]:
    """One Finding (and Diagnostic) per place of each failing or warning check in the
    draft; a check with no place in the draft (word count, reading ease, language), one on
    the headline. Places in another file (a rewrite's source) become related information
    when `related(location)` can turn them into LSP Locations, else are left out.

    `href(result)` gives the documentation address of a check (or None)."""
    found: list[Finding] = []
    head = headline_span(report.draft)
    for result in shown_results(report):
        here = [loc for loc in result.locations if loc.path is None]
        elsewhere = [loc for loc in result.locations if loc.path is not None]
        info = None
        if related is not None and elsewhere:
            info = [
                types.DiagnosticRelatedInformation(where, loc.note or loc.text[:80])
                for loc in elsewhere
                if (where := related(loc)) is not None
            ] or None
        address = href(result)
        places: list[Location | None] = list(here) or [None]
        for loc in places:
            start, end = (loc.start, loc.end) if loc is not None else head
            diagnostic = types.Diagnostic(
                range=positions.range(start, end),
                message=message_of(result, loc),
                severity=severity_of(result),
                code=result.id,
                code_description=types.CodeDescription(href=address) if address else None,
                source=SOURCE,
                related_information=info,
                data={"id": result.id, "name": result.name, "whole": loc is None},
            )
            found.append(Finding(result, loc, start, end, diagnostic))
    found.sort(key=lambda f: (f.start, f.end, f.result.id))
    return found


def error_diagnostic(problem: str, positions: Positions) -> types.Diagnostic:
    """A draft that cannot be checked (broken front matter...): one Error on its first line."""
    first = positions.line_text(0)
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, units(first))),
        message=f"seo-audit cannot check this draft: {problem}",
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )
