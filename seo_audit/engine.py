"""Running an audit: read → parse → one spaCy pass → analyze → checks → report."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc

from seo_audit.analyze import Analysis, AnalysisSettings, analyze, prose_text
from seo_audit.checks.base import CheckResult
from seo_audit.document import Document
from seo_audit.errors import InputError, RulesetError
from seo_audit.io import read_text
from seo_audit.nlp import get_nlp
from seo_audit.parse import format_for_path, parse
from seo_audit.report import Report
from seo_audit.ruleset import RuleSet, load_ruleset, ruleset_for_file
from seo_audit.suppress import apply_suppressions

# Documents sent to nlp.pipe together; larger batches gain little on CPU and hold more memory.
PIPE_BATCH = 16


@dataclass
class AuditOptions:
    """Everything besides the text that changes a verdict."""

    keyword: str | None = None
    synonyms: tuple[str, ...] = ()
    accent_sensitive: bool = False
    input_format: str | None = None  # None: from the file extension
    ruleset: RuleSet | None = None
    select: tuple[str, ...] = ()  # check ids, names or families; empty = all enabled
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"  # "warning": warnings fail a draft too
    fail_under: int | None = None  # a score below this fails a draft
    site_url: str = ""  # the site's address: links to it are internal
    source: str | None = None  # the source article a rewrite is checked against

    def analysis_settings(self) -> AnalysisSettings:
        return AnalysisSettings(
            self.keyword, tuple(self.synonyms), self.accent_sensitive, self.site_url
        )


def _ruleset(options: AuditOptions) -> RuleSet:
    if options.ruleset is None:
        options.ruleset = load_ruleset()
    return options.ruleset


def selected(check_id: str, name: str, family: str, options: AuditOptions) -> bool:
    keys = {check_id.lower(), name, family}
    if options.select and not keys & {s.lower() for s in options.select}:
        return False
    return not keys & {s.lower() for s in options.ignore}


def run_checks(analysis: Analysis, ruleset: RuleSet, options: AuditOptions) -> list[CheckResult]:
    """Run every enabled and selected check on one analysis."""
    results = []
    # As with ruff, naming a check in --select runs it even where the rule set turns it off.
    named = {s.lower() for s in options.select}
    for check, cfg in ruleset.ordered_checks():
        if not (cfg.enabled or {check.id.lower(), check.name} & named):
            continue
        if not selected(check.id, check.name, check.family, options):
            continue
        outcome = check().run(analysis, cfg.options)
        results.append(
            CheckResult(
                id=check.id,
                name=check.name,
                family=check.family,
                status=outcome.status,
                severity=cfg.severity,
                weight=cfg.weight,
                value=outcome.value,
                expected=outcome.expected,
                message=outcome.message,
                lines=list(outcome.lines),
            )
        )
    return results


def build_report(document: Document, analysis: Analysis, options: AuditOptions) -> Report:
    ruleset = ruleset_for_file(_ruleset(options), document.path)
    results = run_checks(analysis, ruleset, options)
    results, notes = apply_suppressions(results, document)
    if not document.can_show_headings:
        notes.append("Plain text: headings cannot be seen, so heading checks are skipped.")
    return Report(
        path=document.path,
        checks=results,
        metrics=analysis.metrics,
        keyword=analysis.keyword,
        keyword_source=analysis.keyword_source,
        suggestions=analysis.suggestions,
        input_format=document.format,
        ruleset=ruleset.name,
        notes=notes,
        fail_on=options.fail_on,
        fail_under=options.fail_under,
    )


def source_path(document: Document, options: AuditOptions) -> str | None:
    """The source of a rewrite: --source, else front matter `source:` next to the draft."""
    if options.source:
        return options.source
    value = document.meta.get("source")
    if not isinstance(value, str) or not value.strip():
        return None
    if document.path in ("-", "<text>"):
        return value.strip()
    return str(Path(document.path).parent / value.strip())


class SourceCache:
    """Source articles parsed and run through spaCy once per process, however many drafts
    of a batch point at them."""

    def __init__(self) -> None:
        self._cache: dict[str, tuple[Document, Doc] | InputError] = {}

    def get(self, path: str) -> tuple[Document, Doc]:
        if path not in self._cache:
            try:
                source = load_document(path)
                self._cache[path] = (source, get_nlp()(prose_text(source)))
            except InputError as exc:
                self._cache[path] = exc
        found = self._cache[path]
        if isinstance(found, InputError):
            raise InputError(found.path, f"source {found.path}: {found.problem}")
        return found


_SOURCES = SourceCache()


def attach_source(analysis: Analysis, options: AuditOptions) -> None:
    """Compare a draft with its source, when it has one (raises InputError if unreadable)."""
    path = source_path(analysis.document, options)
    if path is None:
        return
    from seo_audit.rewrite import compare_with_source

    source_document, source_doc = _SOURCES.get(path)
    analysis.source = compare_with_source(analysis, source_document, source_doc)
    analysis.metrics.update(analysis.source.metrics())


def load_document(path: str, input_format: str | None = None) -> Document:
    """Read and parse one file (or "-" for stdin); raises InputError."""
    fmt = format_for_path(path, input_format)
    return parse(path, read_text(path), fmt)


def audit_document(document: Document, options: AuditOptions | None = None) -> Report:
    """Audit a parsed Document (one spaCy pass)."""
    options = options or AuditOptions()
    nlp = get_nlp()
    doc = nlp(prose_text(document))
    analysis = analyze(document, doc, nlp, options.analysis_settings())
    attach_source(analysis, options)
    return build_report(document, analysis, options)


def analyze_document(document: Document, options: AuditOptions | None = None) -> Analysis:
    options = options or AuditOptions()
    nlp = get_nlp()
    return analyze(document, nlp(prose_text(document)), nlp, options.analysis_settings())


def iter_audit(paths: Sequence[str], options: AuditOptions | None = None) -> Iterator[Report]:
    """Audit many files in input order, batching spaCy through nlp.pipe.

    A file that cannot be read or parsed yields a Report with `error` set; the others are
    still checked.
    """
    options = options or AuditOptions()
    _ruleset(options)  # a broken rule set stops the run before any file is read
    nlp = get_nlp()
    for chunk_start in range(0, len(paths), PIPE_BATCH * 4):
        chunk = paths[chunk_start : chunk_start + PIPE_BATCH * 4]
        loaded: list[Document | Report] = []
        for path in chunk:
            try:
                loaded.append(load_document(path, options.input_format))
            except InputError as exc:
                loaded.append(Report(path=path, error=exc.problem, fail_on=options.fail_on))
        documents = [d for d in loaded if isinstance(d, Document)]
        docs = nlp.pipe((prose_text(d) for d in documents), batch_size=PIPE_BATCH)
        analysed = iter(zip(documents, docs, strict=True))
        for item in loaded:
            if isinstance(item, Report):
                yield item
                continue
            document, doc = next(analysed)
            try:
                analysis = analyze(document, doc, nlp, options.analysis_settings())
                attach_source(analysis, options)
                yield build_report(document, analysis, options)
            except InputError as exc:
                yield Report(path=document.path, error=exc.problem, fail_on=options.fail_on)
            except Exception as exc:  # a bug must not hide the rest of the batch
                problem = f"internal error ({type(exc).__name__}: {exc}); please report it"
                yield Report(path=document.path, error=problem, fail_on=options.fail_on)


def audit_many(paths: Iterable[str | Path], options: AuditOptions | None = None) -> list[Report]:
    return list(iter_audit([str(p) for p in paths], options))


__all__ = [
    "AuditOptions",
    "InputError",
    "RulesetError",
    "audit_document",
    "audit_many",
    "iter_audit",
    "load_document",
    "run_checks",
]
