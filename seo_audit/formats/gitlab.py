"""`--format gitlab`: a GitLab code quality report (a JSON array of Code Climate issues)."""

from __future__ import annotations

import hashlib
import json

from seo_audit.formats import RenderOptions
from seo_audit.formats.findings import findings
from seo_audit.report import Report

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}


def render(reports: list[Report], options: RenderOptions) -> str:
    issues = []
    for report in reports:
        for f in findings(report):
            # Stable across runs so that GitLab can tell new findings from old ones.
            key = f"{f.path}:{f.check_id}:{f.line}:{f.column}:{f.message}"
            issues.append(
                {
                    "description": f"{f.check_id} {f.check_name}: {f.message}",
                    "check_name": f.check_name,
                    "fingerprint": hashlib.sha256(key.encode("utf-8")).hexdigest(),
                    "severity": "blocker" if f.check_id == "E000" else SEVERITIES[f.level],
                    "location": {
                        "path": f.path,
                        "lines": {"begin": f.line, "end": f.end_line or f.line},
                    },
                }
            )
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
