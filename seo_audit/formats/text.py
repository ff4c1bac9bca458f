"""`--format text`: the readable report, as a linter prints it.

For each draft: the verdict and, when it fails, why; then what needs attention, one line per
check worded by its effect on the verdict (`FAIL` fails the draft, `warn` does not), with the
measured value, the target and the places, each quoted from the file. Passing and skipped
checks are counted, and listed with `-v`. The lines fit the terminal's width.
"""

from __future__ import annotations

import shutil
import textwrap

import click

from seo_audit.checks.base import PASS, SKIP, CheckResult
from seo_audit.formats import RenderOptions, metric_text
from seo_audit.formats.safe import for_terminal as safe
from seo_audit.report import Report, summary_of

# How each line is worded, by its effect on the verdict.
FAILS, WARNS, PASSES, SKIPS = "FAIL", "warn", "pass", "skip"
STYLES = {FAILS: ("✗", "red"), WARNS: ("!", "yellow"), PASSES: ("✓", "green"), SKIPS: ("-", None)}
# Places shown under a finding (more with -v); the rest are counted.
SHOWN_PLACES = 3
SHOWN_PLACES_VERBOSE = 20
PLACE_INDENT = 6


def terminal_width() -> int:
    """Columns to lay the report out in: the terminal's, within reason."""
    return max(60, min(shutil.get_terminal_size((100, 24)).columns, 120))


def effect(result: CheckResult, report: Report) -> str:
    """FAIL when the result fails the draft (a required check that failed or cannot be
    verified), warn when it needs attention but does not."""
    if result in report.failures:
        return FAILS
    if result.status == PASS:
        return PASSES
    return SKIPS if result.status == SKIP else WARNS


def excerpt(text: str, room: int) -> str:
    """The text of a place on one line, shortened in the middle when too long."""
    flat = safe(" ".join(text.split()))
    if len(flat) <= room:
        return flat
    half = max((room - 3) // 2, 4)
    return f"{flat[:half]} … {flat[-half:]}"


def _label(kind: str, color: bool) -> str:
    if not color:
        return kind
    symbol, fg = STYLES[kind]
    return click.style(symbol, fg=fg, bold=kind == FAILS)


def _places(result: CheckResult, options: RenderOptions) -> list[str]:
    """Where a finding is: `line:col` with the text found there, as a linter's code frame."""
    out = []
    columns = options.width
    shown = SHOWN_PLACES_VERBOSE if options.verbose else SHOWN_PLACES
    for loc in result.locations[:shown]:
        where = f"{loc.line}:{loc.column}"
        if loc.path is not None:
            where = f"{safe(loc.path)}:{where}"
        note = f"  ({safe(loc.note)})" if loc.note and loc.note not in loc.text else ""
        room = columns - PLACE_INDENT - len(where) - len(note) - 6
        out.append(f"{' ' * PLACE_INDENT}{where}  « {excerpt(loc.text, room)} »{note}")
    if len(result.locations) > shown:
        more = len(result.locations) - shown
        hint = "" if options.verbose else " (-v shows more)"
        out.append(f"{' ' * PLACE_INDENT}… and {more} more{hint}")
    return out


def _check_line(result: CheckResult, kind: str, options: RenderOptions, columns: int) -> list[str]:
    head = f"  {_label(kind, options.color)} {result.id} {result.name}: "
    text = safe(result.message)
    if result.expected and (kind in (FAILS, WARNS) or options.verbose):
        text += f" (expected {safe(result.expected)})"
    visible = len(f"  {kind} {result.id} {result.name}: ")
    wrapped = textwrap.wrap(
        text, width=max(columns - visible, 30), break_long_words=False, break_on_hyphens=False
    )
    lines = [head + (wrapped[0] if wrapped else "")]
    lines.extend(" " * visible + more for more in wrapped[1:])
    return lines


def _verdict(report: Report, color: bool) -> str:
    word = "PASS" if report.passed else "FAIL"
    if color:
        word = click.style(word, fg="green" if report.passed else "red", bold=True)
    path = click.style(safe(report.path), bold=True) if color else safe(report.path)
    keyword = f"“{safe(report.keyword)}”" if report.keyword else "none"
    head = f"{path}: {word}  score {report.score}/100  keyword {keyword}"
    return head


def render_file(report: Report, options: RenderOptions) -> list[str]:
    columns = options.width
    if report.error is not None:
        label = click.style("ERROR", fg="red", bold=True) if options.color else "ERROR"
        return [f"{safe(report.path)}: {label} {safe(report.error)}"]
    out = [_verdict(report, options.color)]
    if report.title or report.link:
        named = [f"“{safe(report.title)}”" if report.title else "", safe(report.link or "")]
        out.append("  " + " ".join(part for part in named if part))
    for reason in report.verdict_reasons():
        out.extend(
            textwrap.wrap(
                safe(reason),
                width=columns,
                initial_indent="  because ",
                subsequent_indent=" " * 10,
                break_on_hyphens=False,
            )
        )
    hidden = {PASSES: 0, SKIPS: 0}
    for result in report.checks:
        kind = effect(result, report)
        if kind in hidden and not options.verbose:
            hidden[kind] += 1
            continue
        if options.quiet and kind == WARNS:
            continue
        out.extend(_check_line(result, kind, options, columns))
        if kind in (FAILS, WARNS):
            out.extend(_places(result, options))
    if hidden[PASSES] or hidden[SKIPS]:
        out.append(f"  {hidden[PASSES]} check(s) passed, {hidden[SKIPS]} skipped (-v lists them)")
    for note in report.notes:
        out.append(f"  note: {safe(note)}")
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
        if "reading_time_minutes" in m:
            parts.insert(1, f"{m['reading_time_minutes']} min to read")
        out.append("  metrics: " + " · ".join(parts))
        if m.get("prominent_words"):
            out.extend(
                textwrap.wrap(
                    safe(metric_text(m["prominent_words"])),
                    width=columns,
                    initial_indent="  prominent words: ",
                    subsequent_indent=" " * 4,
                )
            )
        if options.verbose:
            for key, value in m.items():
                out.append(f"    {key}: {safe(metric_text(value))}")
    return out


def render_summary(reports: list[Report], options: RenderOptions) -> list[str]:
    """The closing lines of a run: the failing drafts (in a batch) and the counts."""
    out = []
    failed = [r for r in reports if not r.passed]
    if len(reports) > 1 and failed:
        out.append("Drafts that need work:")
        for r in failed:
            if r.error is not None:
                out.append(f"  {safe(r.path)}: could not be checked")
            else:
                ids = ", ".join(f"{c.id} {c.name}" for c in r.failures) or "score gate"
                out.append(f"  {safe(r.path)}: score {r.score}, failing {ids}")
        out.append("")
    s = summary_of(reports)
    out.append(
        f"{s['files']} file(s) checked: {s['passed']} passed, {s['failed']} failed, "
        f"{s['errors']} could not be checked."
    )
    return out


def render(reports: list[Report], options: RenderOptions) -> str:
    lines: list[str] = []
    for report in reports:
        if options.quiet and report.passed:
            continue
        lines.extend(render_file(report, options))
        lines.append("")
    lines.extend(render_summary(reports, options))
    return "\n".join(lines) + "\n"
