"""`--format concise`: one line per finding, `path:line:col: ID severity message`; the column
is that of the sentence, word or heading the finding is about (1 for a whole-file finding)."""

from __future__ import annotations

from seo_audit.formats import RenderOptions
from seo_audit.formats.findings import findings
from seo_audit.formats.safe import for_terminal
from seo_audit.report import Report


def render(reports: list[Report], options: RenderOptions) -> str:
    lines = [
        f"{f.path}:{f.line}:{f.column}: {f.check_id} {f.level} {f.message}"
        for report in reports
        for f in findings(report)
    ]
    return for_terminal("".join(line + "\n" for line in lines))
