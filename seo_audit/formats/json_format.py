"""`--format json`: the versioned schema (schema_version 1) of the whole run."""

from __future__ import annotations

import json

from seo_audit.formats import RenderOptions
from seo_audit.report import Report, run_to_dict


def render(reports: list[Report], options: RenderOptions) -> str:
    return json.dumps(run_to_dict(reports), ensure_ascii=False, indent=2) + "\n"
