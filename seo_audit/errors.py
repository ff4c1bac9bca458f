"""Errors that end the check of one file (or the run) with exit code 2 and one clear line."""

from __future__ import annotations


class SeoAuditError(Exception):
    """Base class: a problem the user can fix, reported as one line, never a traceback."""


class InputError(SeoAuditError):
    """A file that cannot be read or parsed (missing, binary, empty, bad encoding...)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class RulesetError(SeoAuditError):
    """An invalid rule set or configuration: unknown check, wrong type, bad range, unknown id."""
