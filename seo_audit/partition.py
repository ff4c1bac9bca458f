"""The partition-level entry point: audit one partition of a corpus, inside any engine.

Dask, Spark (`mapPartitions`), Ray, a Kubernetes job or a plain script hand a worker a
partition: an iterable of drafts. `audit_partition` audits it through the one pipeline
(`engine.audit_drafts`) and yields one JSON-ready result per draft, in order:

    {"schema_version": 1, <Report.to_dict()>, <the record's metadata>}

That is the line `--format jsonl` writes, plus the metadata, so results can be written as
JSON Lines, merged (`seo-audit merge`) and turned back into Reports (`Report.from_dict`) for
every output format. The spaCy model is loaded once per process, on the first draft that
needs it (`seo_audit.nlp.get_nlp`), and nothing spaCy made ever leaves the process: only
plain dicts, lists, strings and numbers.

A draft is given as
- a path (`str` or `os.PathLike`), read on the worker;
- a `Draft`;
- a record (a mapping, such as a dict or `Row.asDict()`): `path`, and optionally `text`
  (the draft itself; then `path` only names it, and defaults to "<text>"), `format`
  (markdown, html or text; default: `AuditOptions.input_format`, else from the extension,
  and Markdown for a text without a path) and `keyword` (this draft's
  keyphrase, over `AuditOptions.keyword` and the front matter). Every other key is
  metadata, copied into the result unchanged (an `index` lets `seo-audit merge` restore the
  input order). The report's own keys (`passed`, `score`, `checks`...) cannot be metadata.

Nothing about one draft raises: a missing or binary file, a malformed record, even an
internal error becomes that draft's result with `error` set (and `passed` false).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from seo_audit.engine import PIPE_BATCH, AuditOptions, Draft, audit_drafts
from seo_audit.parse import FORMATS
from seo_audit.report import SCHEMA_VERSION, Report

# The keys a record gives its draft by; every other key is metadata.
DRAFT_KEYS = ("path", "text", "format", "keyword")
# The keys of a result that the report itself writes: a record cannot carry them.
REPORT_KEYS = frozenset(["schema_version", *Report(path="").to_dict()]) - {"path", "keyword"}
TEXT_PATH = "<text>"


class _BadRecord(Exception):
    def __init__(self, path: str, problem: str, metadata: dict[str, Any]) -> None:
        super().__init__(problem)
        self.path = path
        self.problem = problem
        self.metadata = metadata


def result_of(report: Report, metadata: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A report as a partition result: its JSON Lines object plus the record's metadata."""
    return {"schema_version": SCHEMA_VERSION, **report.to_dict(), **(metadata or {})}


def draft_of(item: Any, input_format: str | None = None) -> tuple[Draft, dict[str, Any]]:
    """The draft an item names and the metadata it carries; raises _BadRecord.
    `input_format` is the run's (AuditOptions.input_format)."""
    if isinstance(item, Draft):
        return item, {}
    if isinstance(item, str | os.PathLike):
        return Draft(os.fspath(item)), {}
    if not isinstance(item, Mapping):
        kind = type(item).__name__
        raise _BadRecord("<record>", f"not a path, Draft or record (mapping): {kind}", {})
    metadata = {key: value for key, value in item.items() if key not in DRAFT_KEYS}
    text = item.get("text")
    path = item.get("path", TEXT_PATH if text is not None else None)
    if not isinstance(path, str | os.PathLike):
        problem = "record has no `path`" if path is None else "record `path` is not a string"
        raise _BadRecord("<record>", problem, metadata)
    path = os.fspath(path)
    for key in ("text", "format", "keyword"):
        if item.get(key) is not None and not isinstance(item[key], str):
            raise _BadRecord(path, f"record `{key}` is not a string", metadata)
    if item.get("format") is not None and item["format"] not in FORMATS:
        problem = f"record `format` {item['format']!r} is none of {', '.join(FORMATS)}"
        raise _BadRecord(path, problem, metadata)
    reserved = sorted(REPORT_KEYS & set(metadata))
    if reserved:
        problem = f"record field(s) {', '.join(reserved)} are the report's own; rename them"
        raise _BadRecord(path, problem, metadata)
    fmt = item.get("format") or input_format or ("markdown" if "path" not in item else None)
    return Draft(path, text, fmt, item.get("keyword")), metadata


def error_result(item: Any, problem: str, options: AuditOptions | None = None) -> dict[str, Any]:
    """The result of an item that could not be audited at all (`problem` says why)."""
    try:
        draft, metadata = draft_of(item)
        path = draft.path
    except _BadRecord as bad:
        path, metadata = bad.path, bad.metadata
    fail_on = options.fail_on if options is not None else "error"
    return result_of(Report(path=path, error=problem, fail_on=fail_on), metadata)


def audit_partition(
    items: Iterable[Any], options: AuditOptions | None = None
) -> Iterator[dict[str, Any]]:
    """Audit a partition of drafts (paths, Drafts or records), yielding one JSON-ready
    result per draft in input order (see the module documentation). Lazy: drafts are
    read and analysed a batch at a time, so a partition of any size streams."""
    options = options or AuditOptions()
    items = iter(items)
    while batch := list(islice(items, PIPE_BATCH)):
        yield from _audit_batch(batch, options)


def _audit_batch(batch: list[Any], options: AuditOptions) -> Iterator[dict[str, Any]]:
    prepared: list[tuple[Draft, dict[str, Any]] | _BadRecord] = []
    for item in batch:
        try:
            prepared.append(draft_of(item, options.input_format))
        except _BadRecord as bad:
            prepared.append(bad)
    drafts = [entry[0] for entry in prepared if not isinstance(entry, _BadRecord)]
    try:
        reports: Iterator[Report] = iter(list(audit_drafts(drafts, options)))
    except Exception as exc:  # a broken rule set: every draft of the batch says so
        problem = f"not checked ({type(exc).__name__}: {exc})"
        reports = iter([Report(d.path, error=problem, fail_on=options.fail_on) for d in drafts])
    for entry in prepared:
        if isinstance(entry, _BadRecord):
            report = Report(path=entry.path, error=entry.problem, fail_on=options.fail_on)
            yield result_of(report, entry.metadata)
        else:
            yield result_of(next(reports), entry[1])


__all__ = ["audit_partition", "draft_of", "error_result", "result_of"]
