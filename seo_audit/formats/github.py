"""`--format github`: GitHub Actions workflow commands, plus a step summary table.

Each finding becomes `::error file=…,line=…,title=…::message` (or ::warning / ::notice),
escaped as the Actions runner requires: in the message `%`, CR and LF; in properties also
`:` and `,`. When $GITHUB_STEP_SUMMARY is set, the CLI appends the Markdown table of the
`markdown` format to that file.
"""

from __future__ import annotations

from seo_audit.formats import RenderOptions
from seo_audit.formats.findings import findings
from seo_audit.formats.safe import for_terminal
from seo_audit.report import Report

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(reports: list[Report], options: RenderOptions) -> str:
    out = []
    for report in reports:
        for f in findings(report):
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
            out.append(f"::{COMMANDS[f.level]} {props}::{escape_data(f.message)}\n")
    return for_terminal("".join(out))
