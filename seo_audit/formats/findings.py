"""Findings: the flat list of (file, line, check, level, message) the line-based formats print."""

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


def level_of(status: str, severity: str) -> str:
    """A failing check keeps its severity; a warn (in-between) is at most a warning."""
    if status == WARN and severity == "error":
        return "warning"
    return severity


def findings(report: Report) -> list[Finding]:
    """One finding per line of each failing or warning check (line 1 when it has none)."""
    if report.error is not None:
        return [Finding(report.path, 1, INPUT_ERROR_ID, "input-error", "error", report.error)]
    out = []
    for r in report.checks:
        if r.status not in (FAIL, WARN):
            continue
        level = level_of(r.status, r.severity)
        for line in r.lines or [1]:
            out.append(Finding(report.path, line, r.id, r.name, level, r.message))
    return out
