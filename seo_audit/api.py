"""The library API: audit a text, a file or many files; French helpers for measuring."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from seo_audit.engine import AuditOptions, Draft, audit_drafts, audit_one
from seo_audit.report import Report
from seo_audit.ruleset import RuleSet, load_ruleset

# One source article, or several reports of the same event.
SourceArg = str | Path | Sequence[str | Path] | None


def _sources(source: SourceArg) -> tuple[str, ...]:
    if source is None:
        return ()
    if isinstance(source, str | Path):
        return (str(source),)
    return tuple(str(s) for s in source)


def _options(
    keyword: str | None,
    synonyms: Sequence[str],
    ruleset: RuleSet | str | None,
    input_format: str | None,
    accent_sensitive: bool,
    source: SourceArg = None,
) -> AuditOptions:
    rules = load_ruleset(ruleset) if not isinstance(ruleset, RuleSet) else ruleset
    return AuditOptions(
        keyword=keyword,
        synonyms=tuple(synonyms),
        accent_sensitive=accent_sensitive,
        input_format=input_format,
        ruleset=rules,
        source=_sources(source),
        lang=rules.lang or "en",  # a library call does not depend on the machine's locale
    )


def audit(
    text: str,
    *,
    input_format: str = "markdown",
    keyword: str | None = None,
    synonyms: Sequence[str] = (),
    ruleset: RuleSet | str | None = None,
    accent_sensitive: bool = False,
    path: str = "<text>",
    source: SourceArg = None,
) -> Report:
    """Audit a draft given as a string. Raises InputError for unparseable text.

    `source`: path of the article the draft rewrites, or a list of paths (several reports of
    the same event); adds the originality and facts checks.
    """
    if not isinstance(text, str):
        raise TypeError(
            f"audit() takes the draft's text; to audit a file, use audit_file({text!r})"
        )
    options = _options(keyword, synonyms, ruleset, input_format, accent_sensitive, source)
    return audit_one(Draft(path, text, input_format), options)


def audit_file(
    path: str | Path,
    *,
    input_format: str | None = None,
    keyword: str | None = None,
    synonyms: Sequence[str] = (),
    ruleset: RuleSet | str | None = None,
    accent_sensitive: bool = False,
    source: SourceArg = None,
) -> Report:
    """Audit one file. Raises InputError when it cannot be read or parsed."""
    options = _options(keyword, synonyms, ruleset, input_format, accent_sensitive, source)
    return audit_one(Draft(str(path)), options)


def audit_many(
    paths: Iterable[str | Path],
    *,
    input_format: str | None = None,
    keyword: str | None = None,
    synonyms: Sequence[str] = (),
    ruleset: RuleSet | str | None = None,
    accent_sensitive: bool = False,
    source: SourceArg = None,
) -> list[Report]:
    """Audit many files with one loaded model, batched through nlp.pipe, in input order.

    A file that cannot be read gets a Report with `error` set instead of raising.
    """
    options = _options(keyword, synonyms, ruleset, input_format, accent_sensitive, source)
    return list(audit_drafts(paths, options))
