"""`--format github`: GitHub Actions workflow commands, plus a step summary table.

Each failing or warning check becomes one `::error file=…,line=…,title=…::message` (or
::warning / ::notice) on its first place, the message naming the other places' lines: GitHub
shows only a few annotations per step, and twelve copies of one message hide the rest.
Escaped as the Actions runner requires: in the message `%`, CR and LF; in properties also
`:` and `,`. When $GITHUB_STEP_SUMMARY is set, the CLI appends the Markdown table of the
`markdown` format to that file.
"""

from __future__ import annotations

from seo_audit.formats import RenderOptions
from seo_audit.formats.findings import Finding, findings
from seo_audit.formats.safe import for_terminal
from seo_audit.i18n import _, ngettext
from seo_audit.report import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


# Lines of the other places named in a grouped annotation; the rest are counted.
NAMED_LINES = 10


def _grouped(report: Report) -> list[tuple[Finding, str]]:
    """One finding per check and file, its message completed with the other places."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in findings(report):
        groups.setdefault((f.check_id, f.path), []).append(f)
    out = []
    for group in groups.values():
        first, others = group[0], group[1:]
        message = first.message
        if others:
            lines = sorted({f.line for f in others} - {first.line})
            named = ", ".join(str(n) for n in lines[:NAMED_LINES])
            more = ""
            if len(lines) > NAMED_LINES:
                more = _(" and {count} more").format(count=len(lines) - NAMED_LINES)
            if lines:
                said = ngettext(" (also on line {lines})", " (also on lines {lines})", len(lines))
                message += said.format(lines=named + more)
        out.append((first, message))
    return out


def render(reports: list[Report], options: RenderOptions) -> str:
    out = []
    for report in reports:
        for f, message in _grouped(report):
            title = f"seo-audit {f.check_id} {f.check_name}"
            where = [("file", f.path), ("line", str(f.line))]
            if f.end_line is not None:
                # GitHub draws a column range only on one line.
                where.append(("col", str(f.column)))
                where.append(("endLine", str(f.end_line)))
                if f.end_line == f.line:
                    where.append(("endColumn", str(f.end_column)))
            props = ",".join(
                f"{key}={escape_property(value)}" for key, value in [*where, ("title", title)]
            )
            out.append(f"::{COMMANDS[f.level]} {props}::{escape_data(message)}\n")
    return for_terminal("".join(out))
