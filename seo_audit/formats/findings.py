"""Findings: the flat list of (file, range, check, level, message) the line-based formats print."""

from __future__ import annotations

from dataclasses import dataclass

from seo_audit.checks.base import FAIL, WARN
from seo_audit.report import Report

INPUT_ERROR_ID = "E000"  # the pseudo-check of a file that could not be read


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    check_id: str
    check_name: str
    level: str  # "error", "warning" or "info": what the finding does to the verdict
    message: str
    column: int = 1
    end_line: int | None = None  # None: the finding is about the whole file
    end_column: int | None = None
    text: str = ""  # what the range holds in the file
    note: str = ""  # what this place is ("37 words")


def level_of(status: str, severity: str) -> str:
    """A failing check keeps its severity; a warn (in-between) is at most a warning."""
    if status == WARN and severity == "error":
        return "warning"
    return severity


def findings(report: Report) -> list[Finding]:
    """One finding per place of each failing or warning check (line 1 of the file when the
    check is about the whole draft)."""
    if report.error is not None:
        return [Finding(report.path, 1, INPUT_ERROR_ID, "input-error", "error", report.error)]
    out = []
    failures = report.failures
    for r in report.checks:
        unverifiable = r.unverifiable and r in failures  # a required check nobody can verify
        if r.status not in (FAIL, WARN) and not unverifiable:
            continue
        level = "error" if unverifiable else level_of(r.status, r.severity)
        if not r.locations:
            out.append(Finding(report.path, 1, r.id, r.name, level, r.message))
        for loc in r.locations:
            out.append(
                Finding(
                    loc.path or report.path,
                    loc.line,
                    r.id,
                    r.name,
                    level,
                    r.message,
                    loc.column,
                    loc.end_line,
                    loc.end_column,
                    loc.text,
                    loc.note,
                )
            )
    return out
