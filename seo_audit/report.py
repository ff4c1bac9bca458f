"""Reports: check results, score and verdict per file, and the versioned JSON wire shape.

Score: each evaluated check contributes its weight × credit, where a pass earns 1, a warn
0.5 and a fail 0; skipped and disabled checks do not count. The score is
round(100 × Σ weight × credit / Σ weight), so it is deterministic and between 0 and 100.

Verdict: a file fails when any check of severity "error" has status "fail" (with
`--fail-on warning`, warnings and warns count too). The score never decides the verdict
unless `--fail-under` asks for it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from seo_audit import __version__
from seo_audit.checks.base import FAIL, PASS, SKIP, WARN, CheckResult
from seo_audit.i18n import _
from seo_audit.marks import DraftView

SCHEMA_VERSION = 1
CREDIT = {PASS: 1.0, WARN: 0.5, FAIL: 0.0}


def score_of(results: list[CheckResult]) -> int:
    counted = [r for r in results if r.status != SKIP and r.weight > 0]
    total = sum(r.weight for r in counted)
    if not total:
        return 0
    return round(100 * sum(r.weight * CREDIT[r.status] for r in counted) / total)


def failing(
    results: list[CheckResult], fail_on: str = "error", accept_unverifiable: bool = False
) -> list[CheckResult]:
    """The results that fail a draft: error-severity fails, required checks that cannot be
    verified (unless accepted), plus warnings with fail_on=warning."""

    def fails(r: CheckResult) -> bool:
        if r.unverifiable:
            return r.severity == "error" and not accept_unverifiable
        if fail_on == "warning":
            return (r.status == FAIL and r.severity in ("error", "warning")) or (
                r.status == WARN and r.severity == "error"
            )
        return r.status == FAIL and r.severity == "error"

    return [r for r in results if fails(r)]


@dataclass
class Report:
    """The result of auditing one draft."""

    path: str
    checks: list[CheckResult] = field(default_factory=list)
    metrics: dict[str, Any] = field(default_factory=dict)
    keyword: str | None = None
    keyword_source: str | None = None
    suggestions: list[str] = field(default_factory=list)
    input_format: str | None = None
    ruleset: str | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    fail_on: str = "error"
    fail_under: int | None = None
    accept_unverifiable: bool = False  # from the rule set
    # What the draft is called where it lives, when its path does not say it (a post of a
    # WordPress export: its title and address); in JSON only when set.
    title: str | None = None
    link: str | None = None
    # The draft's text, blocks and marks, for a writer's view (HTML report, editor); not part
    # of the JSON report.
    draft: DraftView | None = field(default=None, repr=False, compare=False)

    @property
    def score(self) -> int:
        return score_of(self.checks)

    @property
    def passed(self) -> bool:
        if self.error is not None or self.failures:
            return False
        return self.fail_under is None or self.score >= self.fail_under

    @property
    def failures(self) -> list[CheckResult]:
        return failing(self.checks, self.fail_on, self.accept_unverifiable)

    def verdict_reasons(self) -> list[str]:
        """Why the draft fails, one reason per cause (empty when it passes)."""
        if self.error is not None:
            return [_("could not be checked: {error}").format(error=self.error)]
        reasons = []
        failures = self.failures
        required = [r for r in failures if r.severity == "error" and r.status == FAIL]
        if required:
            names = ", ".join(f"{r.id} {r.name}" for r in required)
            said = _("{count} required check(s) failed: {names}")
            reasons.append(said.format(count=len(required), names=names))
        unverifiable = [r for r in failures if r.unverifiable]
        if unverifiable:
            names = ", ".join(f"{r.id} {r.name}" for r in unverifiable)
            said = _("{count} required check(s) cannot be verified: {names}")
            reasons.append(said.format(count=len(unverifiable), names=names))
        gated = [
            r
            for r in failures
            if not r.unverifiable and (r.severity != "error" or r.status != FAIL)
        ]
        if gated:
            names = ", ".join(f"{r.id} {r.name}" for r in gated)
            said = _("--fail-on warning: {count} warning(s): {names}")
            reasons.append(said.format(count=len(gated), names=names))
        if self.fail_under is not None and self.score < self.fail_under:
            said = _("score {score} is below --fail-under {limit}")
            reasons.append(said.format(score=self.score, limit=self.fail_under))
        return reasons

    def __repr__(self) -> str:
        if self.error is not None:
            return f"Report(path={self.path!r}, error={self.error!r})"
        verdict = "passed" if self.passed else "failed"
        return (
            f"Report(path={self.path!r}, {verdict}, score={self.score}, "
            f"checks={len(self.checks)}, failures={[r.id for r in self.failures]})"
        )

    def check(self, key: str) -> CheckResult:
        """A result by check id or name."""
        for result in self.checks:
            if key in (result.id, result.name):
                return result
        raise KeyError(key)

    def to_dict(self) -> dict[str, Any]:
        named = {k: v for k, v in (("title", self.title), ("link", self.link)) if v is not None}
        return {
            "path": self.path,
            **named,
            "passed": self.passed,
            "score": self.score if self.error is None else None,
            "keyword": self.keyword,
            "keyword_source": self.keyword_source,
            "keyword_suggestions": list(self.suggestions),
            "input_format": self.input_format,
            "ruleset": self.ruleset,
            "error": self.error,
            "notes": list(self.notes),
            "metrics": dict(self.metrics),
            "checks": [r.to_dict() for r in self.checks],
            # Said only when the rule set accepts it: it changes the verdict of the checks above.
            **({"accept_unverifiable": True} if self.accept_unverifiable else {}),
        }

    @classmethod
    def from_dict(
        cls, data: dict[str, Any], fail_on: str = "error", fail_under: int | None = None
    ) -> Report:
        """A report back from its `to_dict()`: an entry of a JSON report's `files`, a JSON
        Lines line or a partition result (extra keys are left out). How the verdict was
        reached is not part of the data: give the run's `fail_on` and `fail_under`. The
        writer's view (`draft`) is not part of it either and stays None."""
        version = data.get("schema_version", SCHEMA_VERSION)
        if version != SCHEMA_VERSION:
            raise ValueError(f"schema_version {version!r}: this seo-audit reads {SCHEMA_VERSION}")
        return cls(
            path=data["path"],
            checks=[CheckResult.from_dict(c) for c in data.get("checks") or []],
            metrics=dict(data.get("metrics") or {}),
            keyword=data.get("keyword"),
            keyword_source=data.get("keyword_source"),
            suggestions=list(data.get("keyword_suggestions") or []),
            input_format=data.get("input_format"),
            ruleset=data.get("ruleset"),
            error=data.get("error"),
            notes=list(data.get("notes") or []),
            fail_on=fail_on,
            fail_under=fail_under,
            accept_unverifiable=bool(data.get("accept_unverifiable", False)),
            title=data.get("title"),
            link=data.get("link"),
        )


def summary_of(reports: list[Report]) -> dict[str, int]:
    errors = sum(1 for r in reports if r.error is not None)
    passed = sum(1 for r in reports if r.passed)
    return {
        "files": len(reports),
        "passed": passed,
        "failed": len(reports) - passed - errors,
        "errors": errors,
    }


def run_to_dict(reports: list[Report]) -> dict[str, Any]:
    """The versioned JSON document of a run (schema_version 1)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "seo-audit", "version": __version__},
        "files": [r.to_dict() for r in reports],
        "summary": summary_of(reports),
    }


def exit_code(reports: list[Report]) -> int:
    """0 when every file passes, 1 when a draft fails, 2 when a file could not be checked."""
    if any(r.error is not None for r in reports):
        return 2
    return 0 if all(r.passed for r in reports) else 1
