"""`--format jsonl`: one JSON object per file and line, written as each file finishes."""

from __future__ import annotations

import json

from seo_audit.formats import RenderOptions
from seo_audit.report import SCHEMA_VERSION, Report


def render_one(report: Report) -> str:
    data = {"schema_version": SCHEMA_VERSION, **report.to_dict()}
    return json.dumps(data, ensure_ascii=False) + "\n"


def render(reports: list[Report], options: RenderOptions) -> str:
    return "".join(render_one(r) for r in reports)
