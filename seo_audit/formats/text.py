"""`--format text`: the readable report, grouped by file, with a summary line."""

from __future__ import annotations

import click

from seo_audit.checks.base import FAIL, PASS, SKIP, WARN, CheckResult
from seo_audit.formats import RenderOptions
from seo_audit.report import Report, summary_of

SYMBOLS = {
    PASS: ("✓", "green"),
    WARN: ("!", "yellow"),
    FAIL: ("✗", "red"),
    SKIP: ("-", "bright_black"),
}
WORDS = {PASS: "pass", WARN: "warn", FAIL: "FAIL", SKIP: "skip"}


def _status(result: CheckResult, color: bool) -> str:
    if color:
        symbol, fg = SYMBOLS[result.status]
        return click.style(symbol, fg=fg, bold=result.status == FAIL)
    return WORDS[result.status]


# Places shown under a finding; the rest are counted.
SHOWN_PLACES = 5
EXCERPT_CHARS = 72


def excerpt(text: str, width: int = EXCERPT_CHARS) -> str:
    """The text of a place on one line, shortened in the middle when too long."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    half = (width - 3) // 2
    return f"{flat[:half]} … {flat[-half:]}"


def _places(result: CheckResult, path: str) -> list[str]:
    """Where a finding is: `line:col` with the text found there, as a linter's code frame."""
    out = []
    for loc in result.locations[:SHOWN_PLACES]:
        where = f"{loc.line}:{loc.column}"
        if loc.path is not None:
            where = f"{loc.path}:{where}"
        note = f"  ({loc.note})" if loc.note and loc.note not in loc.text else ""
        out.append(f"      {where}  « {excerpt(loc.text)} »{note}")
    if len(result.locations) > SHOWN_PLACES:
        out.append(f"      … and {len(result.locations) - SHOWN_PLACES} more")
    return out


def render_file(report: Report, options: RenderOptions) -> list[str]:
    color = options.color
    if report.error is not None:
        label = click.style("ERROR", fg="red", bold=True) if color else "ERROR"
        return [f"{report.path}: {label} {report.error}"]
    verdict = "PASS" if report.passed else "FAIL"
    if color:
        verdict = click.style(verdict, fg="green" if report.passed else "red", bold=True)
    keyword = f"“{report.keyword}”" if report.keyword else "none"
    head = f"{report.path}: {verdict}  score {report.score}/100  keyword {keyword}"
    if color:
        head = click.style(report.path, bold=True) + head[len(report.path) :]
    out = [head]
    width = max((len(f"{r.id} {r.name}") for r in report.checks), default=20)
    for r in report.checks:
        if options.quiet and r.status in (PASS, SKIP):
            continue
        if r.status == WARN and options.quiet and r.severity != "error":
            continue
        label = f"{r.id} {r.name}".ljust(width)
        severity = "" if r.severity == "error" or r.status in (PASS, SKIP) else f" ({r.severity})"
        line = f"  {_status(r, color)} {label}  {r.message}{severity}"
        # The target is shown where it matters: on what needs fixing (always, with -v).
        if r.expected and (r.status in (FAIL, WARN) or options.verbose):
            line += f" (expected {r.expected})"
        out.append(line)
        if r.status in (FAIL, WARN):
            out.extend(_places(r, report.path))
    for note in report.notes:
        out.append(f"  note: {note}")
    m = report.metrics
    if m and not options.quiet:
        density = m.get("keyword_density")
        parts = [
            f"{m['words']} words",
            f"{m['sentences']} sentences",
            f"{m['paragraphs']} paragraphs",
            f"H1/H2/H3 {m['h1']}/{m['h2']}/{m['h3']}",
            f"reading ease {m['reading_ease']}",
            f"keyword {density:.2f} %" if density is not None else "keyword -",
        ]
        out.append("  metrics: " + " · ".join(parts))
        if options.verbose:
            for key, value in m.items():
                out.append(f"    {key}: {value}")
    return out


def render(reports: list[Report], options: RenderOptions) -> str:
    lines: list[str] = []
    for report in reports:
        if options.quiet and report.passed:
            continue
        lines.extend(render_file(report, options))
        lines.append("")
    s = summary_of(reports)
    lines.append(
        f"{s['files']} file(s) checked: {s['passed']} passed, {s['failed']} failed, "
        f"{s['errors']} could not be checked."
    )
    return "\n".join(lines) + "\n"
