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
from seo_audit.i18n import N_, _, decimal, number, percent
from seo_audit.report import Report, summary_of

# How each line is worded, by its effect on the verdict.
FAILS, WARNS, PASSES, SKIPS = N_("FAIL"), N_("warn"), N_("pass"), N_("skip")
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
        return _(kind)
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
        hint = "" if options.verbose else _(" (-v shows more)")
        out.append(" " * PLACE_INDENT + _("… and {count} more").format(count=more) + hint)
    return out


def _check_line(result: CheckResult, kind: str, options: RenderOptions, columns: int) -> list[str]:
    named = _("{name}:").format(name=result.name)
    head = f"  {_label(kind, options.color)} {result.id} {named} "
    text = safe(result.message)
    if result.expected and (kind in (FAILS, WARNS) or options.verbose):
        text += _(" (expected {expected})").format(expected=safe(result.expected))
    visible = len(f"  {_(kind)} {result.id} {named} ")
    wrapped = textwrap.wrap(
        text, width=max(columns - visible, 30), break_long_words=False, break_on_hyphens=False
    )
    lines = [head + (wrapped[0] if wrapped else "")]
    lines.extend(" " * visible + more for more in wrapped[1:])
    return lines


def _verdict(report: Report, color: bool) -> str:
    word = _("PASS") if report.passed else _("FAIL")
    if color:
        word = click.style(word, fg="green" if report.passed else "red", bold=True)
    path = click.style(safe(report.path), bold=True) if color else safe(report.path)
    keyword = _("“{keyword}”").format(keyword=safe(report.keyword)) if report.keyword else _("none")
    head = _("{path}: {verdict}  score {score}/100  keyword {keyword}").format(
        path=path, verdict=word, score=report.score, keyword=keyword
    )
    return head


def render_file(report: Report, options: RenderOptions) -> list[str]:
    columns = options.width
    if report.error is not None:
        label = click.style(_("ERROR"), fg="red", bold=True) if options.color else _("ERROR")
        said = _("{path}: {label} {error}")
        return [said.format(path=safe(report.path), label=label, error=safe(report.error))]
    out = [_verdict(report, options.color)]
    if report.title or report.link:
        title = _("“{keyword}”").format(keyword=safe(report.title)) if report.title else ""
        named = [title, safe(report.link or "")]
        out.append("  " + " ".join(part for part in named if part))
    for reason in report.verdict_reasons():
        out.extend(
            textwrap.wrap(
                safe(reason),
                width=columns,
                initial_indent="  " + _("because") + " ",
                subsequent_indent=" " * (len(_("because")) + 3),
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
        said = _("{passed} check(s) passed, {skipped} skipped (-v lists them)")
        out.append("  " + said.format(passed=hidden[PASSES], skipped=hidden[SKIPS]))
    for note in report.notes:
        out.append("  " + _("note: {note}").format(note=safe(note)))
    m = report.metrics
    if m and not options.quiet:
        density = m.get("keyword_density")
        parts = [
            _("{count} words").format(count=m["words"]),
            _("{count} sentences").format(count=m["sentences"]),
            _("{count} paragraphs").format(count=m["paragraphs"]),
            f"H1/H2/H3 {m['h1']}/{m['h2']}/{m['h3']}",
            _("reading ease {score}").format(score=decimal(m["reading_ease"])),
            _("keyword {density}").format(density=percent(density, 2))
            if density is not None
            else _("keyword -"),
        ]
        if "reading_time_minutes" in m:
            parts.insert(
                1, _("{minutes} min to read").format(minutes=number(m["reading_time_minutes"]))
            )
        out.append("  " + _("metrics: {parts}").format(parts=" · ".join(parts)))
        if m.get("prominent_words"):
            out.extend(
                textwrap.wrap(
                    safe(metric_text(m["prominent_words"])),
                    width=columns,
                    initial_indent="  " + _("prominent words: "),
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
        out.append(_("Drafts that need work:"))
        for r in failed:
            if r.error is not None:
                out.append("  " + _("{path}: could not be checked").format(path=safe(r.path)))
            else:
                ids = ", ".join(f"{c.id} {c.name}" for c in r.failures) or _("score gate")
                said = _("{path}: score {score}, failing {ids}")
                out.append("  " + said.format(path=safe(r.path), score=r.score, ids=ids))
        out.append("")
    s = summary_of(reports)
    out.append(
        _(
            "{files} file(s) checked: {passed} passed, {failed} failed, "
            "{errors} could not be checked."
        ).format(**s)
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
