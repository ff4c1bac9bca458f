"""seo-audit: a rule-based SEO analyzer and scorer for French articles.

    from seo_audit import audit_file
    report = audit_file("article.md", keyword="vélo électrique")
    report.passed, report.score, report.metrics["words"]

Names are imported on first use, so that `import seo_audit` stays cheap (the spaCy model
loads only when a text is analysed).
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_LAZY = {
    "audit": "seo_audit.api",
    "audit_file": "seo_audit.api",
    "audit_many": "seo_audit.api",
    "Report": "seo_audit.report",
    "CheckResult": "seo_audit.checks.base",
    "Location": "seo_audit.checks.base",
    "AuditOptions": "seo_audit.engine",
    "Draft": "seo_audit.engine",
    "audit_drafts": "seo_audit.engine",
    "RuleSet": "seo_audit.ruleset",
    "load_ruleset": "seo_audit.ruleset",
    "InputError": "seo_audit.errors",
    "RulesetError": "seo_audit.errors",
    "SeoAuditError": "seo_audit.errors",
    "syllables": "seo_audit.helpers",
    "sentences": "seo_audit.helpers",
    "is_passive": "seo_audit.helpers",
    "keyword_occurrences": "seo_audit.helpers",
    "is_french": "seo_audit.helpers",
}

__all__ = ["__version__", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'seo_audit' has no attribute {name!r}")
