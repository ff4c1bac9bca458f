"""`--format markdown`: a summary table for a pull-request comment or a CI step summary."""

from __future__ import annotations

from seo_audit.formats import RenderOptions, metric_text
from seo_audit.i18n import _, percent
from seo_audit.report import Report, summary_of


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _file(r: Report) -> str:
    """The file cell: the path, and a post's title (a link to it when known)."""
    cell = f"`{_cell(r.path)}`"
    if r.title:
        title = _cell(r.title).replace("[", "\\[").replace("]", "\\]")
        link = (r.link or "").replace(" ", "%20").replace("(", "%28").replace(")", "%29")
        cell += f" [{title}]({_cell(link)})" if link else f" {title}"
    return cell


def render(reports: list[Report], options: RenderOptions) -> str:
    s = summary_of(reports)
    out = [
        "## seo-audit",
        "",
        _(
            "{files} file(s): **{passed} passed**, {failed} failed, {errors} could not be checked."
        ).format(**s),
        "",
        "| {} |".format(
            " | ".join(
                (
                    _("File"),
                    _("Verdict"),
                    _("Score"),
                    _("Words"),
                    _("Reading"),
                    _("Keyword"),
                    _("Failing checks"),
                )
            )
        ),
        "|---|---|---:|---:|---:|---|---|",
    ]
    for r in reports:
        if r.error is not None:
            error = _("error")
            out.append(f"| {_file(r)} | ⚠️ {error} | | | | | {_cell(r.error)} |")
            continue
        verdict = "✅ " + _("pass") if r.passed else "❌ " + _("fail")
        failing = ", ".join(f"{c.id} {c.name}" for c in r.failures) or "—"
        density = r.metrics.get("keyword_density")
        keyword = (
            f"{_cell(r.keyword)} ({percent(density, 2)})"
            if r.keyword and density is not None
            else "—"
        )
        minutes = r.metrics.get("reading_time_minutes")
        reading = f"{minutes} min" if minutes is not None else ""
        out.append(
            f"| {_file(r)} | {verdict} | {r.score} | {r.metrics.get('words', '')} | "
            f"{reading} | {keyword} | {_cell(failing)} |"
        )
    insights = [r for r in reports if r.error is None and r.metrics.get("prominent_words")]
    if insights:
        out += ["", "### Insights", ""]
        for r in insights:
            words = metric_text(r.metrics["prominent_words"])
            share = r.metrics.get("word_complexity")
            complexity = f"{100 * share:.1f} %" if share is not None else "not measured"
            out.append(
                f"- `{_cell(r.path)}`: prominent words {_cell(words)}; complex words {complexity}"
            )
    return "\n".join(out) + "\n"
