"""`--format sarif`: SARIF 2.1.0 for code-scanning dashboards.

One `rules[]` entry per check (its documentation as description and help), one result per
finding with its region; files that could not be read are tool execution notifications.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from seo_audit import __version__
from seo_audit.checks import REGISTRY
from seo_audit.formats import RenderOptions
from seo_audit.formats.findings import Finding, findings
from seo_audit.report import Report

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
INFORMATION_URI = "https://pypi.org/project/seo-audit/"


def _uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/:._-~")


def _rule(check: Any) -> dict[str, Any]:
    """A check's metadata, generated like `seo-audit explain` from its defaults."""
    what = check.doc_sections()["What it checks"]
    return {
        "id": check.id,
        "name": check.name,
        "shortDescription": {"text": check.summary()},
        "fullDescription": {"text": " ".join(what.split())},
        "help": {"text": check.documentation()},
        "defaultConfiguration": {"level": LEVELS[check.severity]},
        "properties": {"family": check.family, "weight": check.weight},
    }


def _region(f: Finding) -> dict[str, Any]:
    """The region of a finding; columns count characters (see the run's columnKind)."""
    if f.end_line is None:
        return {"startLine": f.line}
    region: dict[str, Any] = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_line,
        "endColumn": f.end_column,
    }
    if f.text:
        region["snippet"] = {"text": f.text}
    return region


def render(reports: list[Report], options: RenderOptions) -> str:
    checks = sorted(REGISTRY.values(), key=lambda c: c.id)
    index = {c.id: i for i, c in enumerate(checks)}
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    for report in reports:
        if report.error is not None:
            notifications.append(
                {
                    "level": "error",
                    "message": {"text": f"{report.path}: {report.error}"},
                    "locations": [
                        {"physicalLocation": {"artifactLocation": {"uri": _uri(report.path)}}}
                    ],
                }
            )
            continue
        for f in findings(report):
            results.append(
                {
                    "ruleId": f.check_id,
                    "ruleIndex": index[f.check_id],
                    "level": LEVELS[f.level],
                    "message": {"text": f.message},
                    "locations": [
                        {
                            "physicalLocation": {
                                "artifactLocation": {"uri": _uri(f.path)},
                                "region": _region(f),
                            }
                        }
                    ],
                }
            )
    run = {
        "tool": {
            "driver": {
                "name": "seo-audit",
                "version": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(c) for c in checks],
            }
        },
        "invocations": [
            {
                "executionSuccessful": not notifications,
                "toolExecutionNotifications": notifications,
            }
        ],
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    sarif = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(sarif, ensure_ascii=False, indent=2) + "\n"
