"""Suppressing checks inside a draft, like markdownlint and Vale comments.

- `<!-- seo-audit: disable-file ID -->`, or front matter `seo_audit: {ignore: [ID, ...]}`:
  the check does not run on this file (its result is "skip", saying so).
- `<!-- seo-audit: disable ID -->` … `<!-- seo-audit: enable ID -->`: the lines in between
  are not part of the text for that check: their sentences leave its ratios (passive voice,
  sentence length, transition words…) and their findings are dropped. `disable` with no ID
  means every check.
- `<!-- seo-audit: disable-next-line ID -->`: the same for the next line that holds prose.

A check whose every finding is suppressed is reported as skipped ("suppressed").
Directives naming an unknown check, or that suppress nothing, are reported as notes.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from seo_audit.checks.base import FAIL, SKIP, WARN, Check, CheckResult
from seo_audit.document import Document
from seo_audit.i18n import _
from seo_audit.parse.frontmatter import ignored_checks
from seo_audit.registry import EVERY_CHECK, is_known, names

# The last line of a region left open to the end of the file.
END_OF_FILE = 10**9


@dataclass
class _Region:
    name: str  # check id, name, family or "*"
    first: int
    last: int
    directive_line: int


@dataclass
class Suppressions:
    """What a draft's directives and front matter switch off, and what they were used for."""

    file_off: list[tuple[str, int | None]] = field(default_factory=list)  # (name, line | None)
    regions: list[_Region] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    used: set[int | None] = field(default_factory=set)  # directive lines (None: front matter)

    @classmethod
    def of(cls, document: Document) -> Suppressions:
        found = cls()
        names_off, problems = ignored_checks(document.meta)
        found.notes.extend(problems)
        for name in names_off:
            if is_known(name):
                found.file_off.append((name, None))
            else:
                found.notes.append(
                    _("front matter: unknown check '{name}' in seo_audit.ignore").format(name=name)
                )
        open_regions: dict[str, int] = {}
        prose_lines = sorted({b.line for b in document.blocks})  # lines where prose starts
        for d in sorted(document.directives, key=lambda d: d.line):
            for name in d.rules or [EVERY_CHECK]:
                if not is_known(name):
                    found.notes.append(
                        _("line {line}: unknown check '{name}' in seo-audit directive").format(
                            line=d.line, name=name
                        )
                    )
                elif d.action == "disable-file":
                    found.file_off.append((name, d.line))
                elif d.action == "disable":
                    open_regions.setdefault(name, d.line)
                elif d.action == "enable":
                    start = open_regions.pop(name, None)
                    if start is None:
                        found.notes.append(
                            _("line {line}: 'enable {name}' without a matching 'disable'").format(
                                line=d.line, name=name
                            )
                        )
                    else:
                        found.regions.append(_Region(name, start, d.line, start))
                elif d.action == "disable-next-line":
                    at = bisect.bisect_right(prose_lines, d.line)
                    target = prose_lines[at] if at < len(prose_lines) else d.line + 1
                    found.regions.append(_Region(name, target, target, d.line))
        for name, start in open_regions.items():
            found.regions.append(_Region(name, start, END_OF_FILE, start))
        return found

    def switched_off(self, check: type[Check]) -> str | None:
        """Where the check is switched off for the whole file ("front matter", "line 3")."""
        off = [line for name, line in self.file_off if names(name, check)]
        if not off:
            return None
        self.used.update(off)
        return _("front matter") if off[0] is None else _("line {line}").format(line=off[0])

    def covers(self, check: type[Check]) -> Callable[[int], bool] | None:
        """A test of whether a line is suppressed for `check` (None: nothing is)."""
        regions = [r for r in self.regions if names(r.name, check)]
        if not regions:
            return None

        def covered(line: int) -> bool:
            hit = [r for r in regions if r.first <= line <= r.last]
            self.used.update(r.directive_line for r in hit)
            return bool(hit)

        return covered

    def filter(self, result: CheckResult, covered: Callable[[int], bool] | None) -> CheckResult:
        """Drop a result's findings on suppressed lines; all of them: the check is skipped."""
        if covered is None or result.status not in (FAIL, WARN) or not result.locations:
            return result
        kept = [loc for loc in result.locations if loc.path is not None or not covered(loc.line)]
        if not any(loc.path is None for loc in kept):
            return replace(
                result,
                status=SKIP,
                message=_("Suppressed by seo-audit directives: {message}").format(
                    message=result.message
                ),
            )
        if len(kept) != len(result.locations):
            return replace(result, locations=kept)
        return result

    def unused_notes(self) -> list[str]:
        notes = []
        for name, line in self.file_off:
            if line is not None and line not in self.used:
                notes.append(
                    _("line {line}: directive 'disable-file {name}' suppressed nothing").format(
                        line=line, name=name
                    )
                )
        for region in self.regions:
            if region.directive_line not in self.used:
                notes.append(
                    _("line {line}: seo-audit directive for '{name}' suppressed nothing").format(
                        line=region.directive_line, name=region.name
                    )
                )
        return notes
