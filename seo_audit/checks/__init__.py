"""The check library: importing this package registers every check."""

from seo_audit.checks import headings, keyword, language, length, readability  # noqa: F401
from seo_audit.checks.base import REGISTRY, Check, CheckResult, Option, Outcome

__all__ = ["REGISTRY", "Check", "CheckResult", "Option", "Outcome"]
