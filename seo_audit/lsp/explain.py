"""What the editor shows about a check: hover text, documentation files, report files.

A diagnostic's `codeDescription.href` is the address of its check's documentation: the
`docsUrl` setting with `{id}` and `{name}` filled in when set (a team's own pages), else a
`file:` URI of a Markdown page written by the server, `seo-audit explain ID` as Markdown,
under `$XDG_CACHE_HOME/seo-audit/docs/VERSION/` (`~/.cache/...` without it). The page is
written once per server and version, so the address is stable across sessions.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from seo_audit import __version__
from seo_audit.checks.base import DESCRIBED, Check, CheckResult, Location
from seo_audit.i18n import _, current_language
from seo_audit.registry import find_check
from seo_audit.ruleset import RuleSet

EXAMPLE_LINES = 12  # longest example a hover shows


@cache
def cache_root() -> Path:
    """seo-audit's cache folder ($XDG_CACHE_HOME/seo-audit or ~/.cache/seo-audit), else a
    private temporary folder when that one cannot be written."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    root = Path(base) / "seo-audit"
    try:
        root.mkdir(parents=True, exist_ok=True)
        if os.access(root, os.W_OK):
            return root
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="seo-audit-"))


def write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` through a temporary file in the same folder, renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def directive(action: str, check_id: str) -> str:
    """A suppression comment: `<!-- seo-audit: disable-next-line R001 -->`."""
    return f"<!-- seo-audit: {action} {check_id} -->"


def _fenced(text: str, limit: int | None = None) -> str:
    lines = text.splitlines()
    if limit is not None and len(lines) > limit:
        lines = [*lines[:limit], "…"]
    fence = "````" if any(line.startswith("```") for line in lines) else "```"
    return "\n".join([f"{fence}markdown", *lines, fence])


def _example(check: type[Check], heading: str, limit: int | None = None) -> str | None:
    text = check.doc_sections().get(heading)
    if not text:
        return None
    described = _(DESCRIBED)  # doc_sections gives the example in the current language
    if text.startswith(described):
        return text.removeprefix(described).strip()
    return _fenced(text, limit)


def _options_table(check: type[Check], values: dict[str, Any] | None, label: str) -> list[str]:
    if not check.options:
        return []
    current = check.values(values)
    head = (_("option"), label, _("default"), _("meaning"))
    rows = ["| {} |".format(" | ".join(head)), "|---|---|---|---|"]
    for o in check.options:
        meaning = _(o.help).replace("|", "\\|")
        rows.append(f"| `{o.name}` | {o.show(current[o.name])} | {o.show(o.default)} | {meaning} |")
    return rows


def check_page(check: type[Check]) -> str:
    """A check's documentation as a Markdown page, with its default values."""
    state = "" if check.enabled else " · " + _("off by default")
    parts = [
        f"# {check.id} {check.name}",
        check.summary(),
        _("Family {family} · default severity {severity} · weight {weight}").format(
            family=check.family, severity=check.severity, weight=f"{check.weight:g}"
        )
        + state,
    ]
    for heading, text in check.doc_sections().items():
        if heading.endswith("example"):
            body = _example(check, heading) or ""
        else:
            body = text
        parts.append(f"## {_(heading)}\n\n{body}")
    table = _options_table(check, None, _("value"))
    if table:
        where = _("Set under `[checks.{name}]` in a rule set.").format(name=check.name)
        parts.append(f"## {_('Options')}\n\n{where}\n\n" + "\n".join(table))
    how = _("`{line}` on the line before a paragraph, or `{file}` for the whole draft.").format(
        line=directive("disable-next-line", check.id), file=directive("disable-file", check.id)
    )
    parts.append(f"## {_('Suppressing it in a draft')}\n\n{how}")
    return "\n\n".join(parts) + "\n"


_written: set[Path] = set()


def doc_file(check: type[Check]) -> Path:
    """The Markdown page of a check in the cache folder, written if missing or outdated."""
    path = cache_root() / "docs" / __version__ / current_language() / f"{check.id}-{check.name}.md"
    if path not in _written:
        page = check_page(check)
        try:
            current = path.read_text(encoding="utf-8") if path.is_file() else None
        except OSError:
            current = None
        if current != page:
            write_atomically(path, page)
        _written.add(path)
    return path


def doc_href(check_id: str, template: str | None = None) -> str | None:
    """The documentation address of a check (None when it cannot be written)."""
    check = find_check(check_id)
    if check is None:
        return None
    if template:
        return template.replace("{id}", check.id).replace("{name}", check.name)
    try:
        return doc_file(check).as_uri()
    except OSError:
        return None


def hover_text(
    result: CheckResult,
    location: Location | None,
    ruleset: RuleSet | None,
    href: str | None = None,
    can_suppress: bool = True,
) -> str:
    """Markdown for a finding: what is wrong there, the threshold, how to fix it, why."""
    check = find_check(result.id)
    head = f"**{result.id} {result.name}** · {result.family} · {result.status}, "
    head += _("severity {severity}").format(severity=result.severity)
    if ruleset is not None:
        head += " " + _("in rule set `{name}`").format(name=ruleset.name)
    parts = [head]
    where = ""
    if location is not None and location.note:
        where = _("**Here:** {note}.").format(note=location.note) + " "
    parts.append(where + result.message)
    measured = []
    if result.value is not None:
        from seo_audit.lsp.convert import shown_value

        measured.append(_("**Measured:** {value}").format(value=shown_value(result.value)))
    if result.expected:
        measured.append(_("**Target:** {target}").format(target=result.expected))
    if measured:
        parts.append(" · ".join(measured))
    if check is not None:
        values = ruleset.checks[check.id].options if ruleset is not None else None
        fix = _("**How to fix it:** {summary}").format(summary=check.summary(values))
        example = _example(check, "Passing example", EXAMPLE_LINES)
        if example:
            fix += " " + _("For example:") + f"\n\n{example}"
        parts.append(fix)
        sections = check.doc_sections(values)
        for heading in ("What it checks", "Why it matters"):
            if sections.get(heading):
                said = " ".join(sections[heading].split())
                parts.append(f"**{_('{heading}:').format(heading=_(heading))}** {said}")
        table = _options_table(check, values, ruleset.name if ruleset else _("value"))
        if table:
            parts.append(f"**{_('Thresholds')}**\n\n" + "\n".join(table))
    if can_suppress:
        parts.append(
            _("Not wanted here? `{directive}` on the line before (quick fix).").format(
                directive=directive("disable-next-line", result.id)
            )
        )
    if href:
        parts.append(f"[{_('Documentation of {id}').format(id=result.id)}]({href})")
    return "\n\n".join(parts)


def report_file(uri: str) -> Path:
    """Where the HTML report of the draft at `uri` is written (one file per draft, rewritten
    each time) in the cache folder."""
    digest = hashlib.sha256(uri.encode("utf-8")).hexdigest()[:16]
    stem = Path(uri.rsplit("/", 1)[-1]).stem or "draft"
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in stem)[:60]
    return cache_root() / "reports" / f"{safe}-{digest}.html"
