"""Merging JSON Lines results (`check --shard I/N -f jsonl`, `audit_partition` output) into
one run, from which `seo-audit merge` writes any report format.

Order: when every result records an integer `index` (a metadata field a partition's records
may carry), results are put back in that order; otherwise they are sorted by path, which is
the order `check DIR` gives a directory's drafts. Either way a repeated index (or, without
indexes, a repeated path) is an error: the same shard or file was given twice.

The verdict of each draft depends on `--fail-on` and `--fail-under`, which a result does
not record: merge must be given those of the check runs, and refuses results whose recorded
`passed` disagrees with them.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from seo_audit.errors import SeoAuditError
from seo_audit.report import Report


class MergeError(SeoAuditError):
    """A results file that cannot be merged (unreadable, not JSON Lines, inconsistent)."""


def read_results(source: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, result) for each non-blank line of a JSON Lines file ("-": stdin)."""
    if source == "-":
        yield from _parse(source, sys.stdin)
        return
    try:
        stream = open(source, encoding="utf-8")  # noqa: SIM115 (closed below)
    except OSError as exc:
        raise MergeError(f"{source}: cannot read the results ({exc.strerror or exc})") from None
    with stream:
        yield from _parse(source, stream)


def _parse(source: str, stream: TextIO) -> Iterator[tuple[int, dict[str, Any]]]:
    number = 0
    try:
        for number, line in enumerate(stream, 1):  # noqa: B007 (read in the except)
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                raise MergeError(f"{source}:{number}: not JSON ({exc.msg})") from None
            if not isinstance(data, dict) or not isinstance(data.get("path"), str):
                raise MergeError(f"{source}:{number}: not a result (an object with a path)")
            yield number, data
    except UnicodeDecodeError as exc:
        raise MergeError(f"{source}:{number + 1}: not valid UTF-8 ({exc.reason})") from None
    except OSError as exc:
        raise MergeError(f"{source}: cannot read the results ({exc.strerror or exc})") from None


def merge_results(
    sources: Iterable[str], fail_on: str = "error", fail_under: int | None = None
) -> list[Report]:
    """The reports of every result in `sources`, in input order (see the module doc)."""
    entries: list[tuple[Any, str, Report]] = []  # (index or None, "file:line", report)
    for source in sources:
        for number, data in read_results(source):
            where = f"{source}:{number}"
            try:
                report = Report.from_dict(data, fail_on, fail_under)
            except (KeyError, TypeError, ValueError) as exc:
                problem = f"{type(exc).__name__}: {exc}"
                raise MergeError(f"{where}: not a seo-audit result ({problem})") from None
            if "passed" in data and data["passed"] != report.passed:
                raise MergeError(
                    f"{where}: {report.path} was judged with other settings (recorded passed="
                    f"{str(data['passed']).lower()}); give merge the --fail-on and --fail-under "
                    "of the check runs"
                )
            index = data.get("index")
            entries.append((index if _is_index(index) else None, where, report))
    by_index = bool(entries) and all(index is not None for index, _, _ in entries)
    entries.sort(key=(lambda e: e[0]) if by_index else (lambda e: e[2].path))
    for before, after in zip(entries, entries[1:], strict=False):
        same = before[0] == after[0] if by_index else before[2].path == after[2].path
        if same:
            what = f"index {after[0]}" if by_index else after[2].path
            raise MergeError(
                f"{what} appears twice ({before[1]} and {after[1]}): was a shard given twice?"
            )
    return [report for _, _, report in entries]


def _is_index(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


__all__ = ["MergeError", "merge_results", "read_results"]
