"""From the command line's files to reports: files refused from their name or `stat`, files
read by the pipeline, and WordPress exports opened into one draft per post.

Reports come out in input order, a post's in its place in its export. An export is read as
the pipeline asks for drafts, never whole; a file refused from its `stat` is never opened,
and the model is loaded only if some draft is left to check.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from seo_audit import io
from seo_audit.engine import AuditOptions, Draft
from seo_audit.errors import InputError
from seo_audit.parse import format_for_path
from seo_audit.report import Report

EXPORT_SUFFIX = ".xml"
# Names of posts listed in the line that says some were passed over for want of text.
_SHOWN = 5


@dataclass(frozen=True)
class _Label:
    """How a checked draft is named in its report besides its path."""

    title: str | None = None
    link: str | None = None
    keyphrase: bool = False  # the post has a focus keyphrase of its own (Yoast)


_FILE = _Label()


def is_export(path: str, input_format: str | None = None) -> bool:
    """A WordPress export: an .xml file named on the command line (never `--input-format`)."""
    return input_format is None and Path(path).suffix.lower() == EXPORT_SUFFIX


def draft_count(files: list[str], input_format: str | None = None) -> int | None:
    """How many drafts the files hold, None when an export's posts are yet to be counted."""
    return None if any(is_export(f, input_format) for f in files) else len(files)


def screened(
    files: list[str],
    options: AuditOptions,
    max_bytes: int,
    jobs: int,
    wp_statuses: tuple[str, ...] | None = None,
    notice: Callable[[str], None] | None = None,
    cluster: Any = None,
) -> Iterator[Report]:
    """Reports in input order, one per file and one per post of each export.

    A file refused from its name or `stat` alone (missing, not a regular file, too large,
    unknown type) gets its error report without being opened; a broken export gets one error
    report after the posts read before the break. `notice` hears about posts passed over.
    The drafts go to `cluster` (Dask) when given, else to `jobs` local processes.
    """
    from seo_audit import parallel

    order: deque[Report | _Label] = deque()  # what each next report is, in input order

    def drafts() -> Iterator[str | Draft]:
        for path in files:
            if is_export(path, options.input_format):
                yield from _export(path, options, max_bytes, wp_statuses, order, notice)
                continue
            try:
                format_for_path(path, options.input_format)
                io.check_file(path, max_bytes)
            except InputError as exc:
                order.append(Report(path=path, error=exc.problem, fail_on=options.fail_on))
                continue
            order.append(_FILE)
            yield path

    to_check: Iterator[str | Draft] | list[str | Draft] = drafts()
    if draft_count(files, options.input_format) is not None:
        to_check = list(to_check)  # a known number of drafts: no more workers than drafts
    if cluster is not None:  # a seo_audit.dask_backend.DaskBatch
        checked = iter(cluster.audit(to_check, options) if to_check else ())
    else:
        checked = iter(parallel.audit_parallel(to_check, options, jobs) if to_check else ())
    for report in checked:
        while isinstance(order[0], Report):
            yield order.popleft()
        label = order.popleft()
        assert isinstance(label, _Label)
        yield _named(report, label)
    while order:
        item = order.popleft()
        assert isinstance(item, Report)
        yield item


def _export(
    path: str,
    options: AuditOptions,
    max_bytes: int,
    statuses: tuple[str, ...] | None,
    order: deque[Report | _Label],
    notice: Callable[[str], None] | None,
) -> Iterator[Draft]:
    """The drafts of an export's posts, noting in `order` what each report will be."""
    from seo_audit.wordpress import DEFAULT_STATUSES, ExportSummary, read_export

    summary = ExportSummary()
    try:
        for post in read_export(path, statuses or DEFAULT_STATUSES, max_bytes, summary):
            if post.problem is not None:
                order.append(
                    Report(
                        path=post.path,
                        error=post.problem,
                        fail_on=options.fail_on,
                        title=post.title or None,
                        link=post.link or None,
                    )
                )
                continue
            order.append(_Label(post.title or None, post.link or None, post.keyphrase is not None))
            yield post.draft()
    except InputError as exc:
        order.append(Report(path=path, error=exc.problem, fail_on=options.fail_on))
    if summary.empty and notice is not None:
        names = ", ".join(f"#{name}" for name in summary.empty[:_SHOWN])
        more = f" and {len(summary.empty) - _SHOWN} more" if len(summary.empty) > _SHOWN else ""
        notice(
            f"{path}: {len(summary.empty)} post(s) or page(s) without any text passed over: "
            f"{names}{more}"
        )


def _named(report: Report, label: _Label) -> Report:
    """A post's report with its title and link, and the keyphrase's origin said plainly."""
    if label is _FILE:
        return report
    report.title, report.link = label.title, label.link
    if label.keyphrase and report.keyword_source == "meta keywords":
        report.keyword_source = "Yoast focus keyphrase"
    if report.error is None and report.keyword is None:
        report.notes.append(
            "This post has no focus keyphrase: set one in Yoast SEO, or give --keyword."
        )
    return report
