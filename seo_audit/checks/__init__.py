"""The check library: importing this package registers every check.

Families, in report order: length, headings, structure, keyword, meta, links, readability,
french (and source, for rewrites checked against their source).
"""

from seo_audit.checks import (  # noqa: F401
    headings,
    keyword,
    language,
    length,
    links,
    meta,
    readability,
    source,
    structure,
)
from seo_audit.checks.base import REGISTRY, Check, CheckResult, Option, Outcome

__all__ = ["REGISTRY", "Check", "CheckResult", "Option", "Outcome"]
