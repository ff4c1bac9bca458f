"""Suppressing checks inside a draft, like markdownlint and Vale comments.

- `<!-- seo-audit: disable-file ID -->`, or front matter `seo_audit: {ignore: [ID, ...]}`:
  the check does not run on this file (its result becomes "skip").
- `<!-- seo-audit: disable ID -->` … `<!-- seo-audit: enable ID -->`: lines in between are
  dropped from the check's findings; `disable` with no ID means every check.
- `<!-- seo-audit: disable-next-line ID -->`: the next non-blank line's findings are dropped.

A check whose every finding line is suppressed is reported as skipped ("suppressed").
Directives naming an unknown check, or that suppress nothing, are reported as notes.
"""

from __future__ import annotations

from dataclasses import replace

from seo_audit.checks import REGISTRY
from seo_audit.checks.base import FAIL, SKIP, WARN, CheckResult
from seo_audit.document import Document
from seo_audit.registry import EVERY_CHECK as ALL
from seo_audit.registry import is_known as _known
from seo_audit.registry import names


def _matches(name: str, result: CheckResult) -> bool:
    return names(name, REGISTRY[result.id])


def apply_suppressions(
    results: list[CheckResult], document: Document
) -> tuple[list[CheckResult], list[str]]:
    notes: list[str] = []
    file_off: list[tuple[str, int | None]] = []  # (name, directive line or None for front matter)
    meta = document.meta.get("seo_audit") or document.meta.get("seo-audit") or {}
    ignore = meta.get("ignore", []) if isinstance(meta, dict) else []
    if isinstance(ignore, str):
        ignore = [ignore]
    file_off.extend((str(name), None) for name in ignore)

    ranges: list[tuple[str, int, int, int]] = []  # (name, first line, last line, directive line)
    open_ranges: dict[str, int] = {}
    prose_lines = {b.line for b in document.blocks}  # lines where prose starts
    for d in sorted(document.directives, key=lambda d: d.line):
        names = d.rules or [ALL]
        for name in names:
            if not _known(name):
                notes.append(f"line {d.line}: unknown check '{name}' in seo-audit directive")
                continue
            if d.action == "disable-file":
                file_off.append((name, d.line))
            elif d.action == "disable":
                open_ranges.setdefault(name, d.line)
            elif d.action == "enable":
                start = open_ranges.pop(name, None)
                if start is None:
                    notes.append(f"line {d.line}: 'enable {name}' without a matching 'disable'")
                else:
                    ranges.append((name, start, d.line, start))
            elif d.action == "disable-next-line":
                following = [line for line in prose_lines if line > d.line]
                target = min(following) if following else d.line + 1
                ranges.append((name, target, target, d.line))
    for name, start in open_ranges.items():
        ranges.append((name, start, 10**9, start))

    used: set[int | None] = set()
    out: list[CheckResult] = []
    for result in results:
        off = [line for name, line in file_off if _matches(name, result)]
        if off:
            used.update(off)
            where = "front matter" if off[0] is None else f"line {off[0]}"
            out.append(replace(result, status=SKIP, message=f"Suppressed for this file ({where})."))
            continue
        if result.status in (FAIL, WARN) and result.lines:
            kept = []
            for where in result.locations:
                line = where.line
                hit = [
                    r
                    for r in ranges
                    if where.path is None and _matches(r[0], result) and r[1] <= line <= r[2]
                ]
                if hit:
                    used.update(r[3] for r in hit)
                else:
                    kept.append(where)
            if not [k for k in kept if k.path is None]:
                result = replace(
                    result,
                    status=SKIP,
                    message="Suppressed by seo-audit directives: " + result.message,
                )
            elif len(kept) != len(result.locations):
                result = replace(result, locations=kept)
        out.append(result)
    for name, line in file_off:
        if line is not None and line not in used:
            notes.append(f"line {line}: directive 'disable-file {name}' suppressed nothing")
    for name, _, _, line in ranges:
        if line not in used:
            notes.append(f"line {line}: seo-audit directive for '{name}' suppressed nothing")
    return out, notes
