"""Auditing a batch in worker processes, each loading the spaCy model once.

Results come back in input order: chunks are handed out in order and yielded in that order,
while later chunks are still being analysed. Drafts may be paths or `Draft` records (a
WordPress post's text), and may come from a stream of unknown length: only a few chunks per
worker are handed out ahead of the reports read back.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor

from seo_audit.engine import AuditOptions, Draft, audit_drafts
from seo_audit.report import Report

_worker_options: AuditOptions | None = None


def default_jobs() -> int:
    return os.cpu_count() or 1


def _init_worker(options: AuditOptions) -> None:
    global _worker_options
    _worker_options = options
    # Ctrl-C is the parent's to handle: it stops handing out drafts, lets the running ones
    # finish and prints what is done.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from seo_audit.nlp import get_nlp

    get_nlp()  # load the model once per worker, before the first chunk arrives


def _audit_chunk(drafts: list[str | Draft]) -> list[Report]:
    return list(audit_drafts(drafts, _worker_options))


# Chunks handed out per worker ahead of the reports read back.
AHEAD = 4


def _chunks(drafts: Iterable[str | Draft], size: int) -> Iterator[list[str | Draft]]:
    items = iter(drafts)
    while chunk := list(itertools.islice(items, size)):
        yield chunk


def _chunk_size(count: int | None, jobs: int) -> int:
    # Small chunks keep every worker busy to the end (the last chunk is what one worker does
    # while the others wait); a few documents each still batch well through nlp.pipe.
    return 4 if count is None else max(1, min(4, count // (jobs * 8)))


def audit_parallel(
    drafts: Iterable[str | Draft], options: AuditOptions, jobs: int
) -> Iterator[Report]:
    """Audit `drafts` with `jobs` processes (1: in this process), yielding in input order.

    A sequence is never given more workers than it has drafts; a stream (of unknown length)
    starts them once it yields its first draft, and is read only a few chunks ahead."""
    count = len(drafts) if isinstance(drafts, Sequence) else None
    if count is not None:
        jobs = max(1, min(jobs, count))
    items = iter(drafts)
    first = next(items, None)
    if first is None:
        return
    items = itertools.chain([first], items)
    if jobs == 1:
        yield from audit_drafts(items, options)
        return
    # With "fork" the parent loads the model once and every worker shares it (copy on
    # write) instead of loading its own; elsewhere ("spawn") each worker loads it once.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    if method == "fork":
        from seo_audit.nlp import get_nlp

        get_nlp()
        # Keep the collector off the model's objects in the workers: a collection touches
        # every object it scans and turns the shared pages into private copies.
        gc.freeze()
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_init_worker, initargs=(options,)
    ) as pool:
        pending: deque[Future[list[Report]]] = deque()
        try:
            for chunk in _chunks(items, _chunk_size(count, jobs)):
                pending.append(pool.submit(_audit_chunk, chunk))
                if len(pending) >= jobs * AHEAD:
                    yield from pending.popleft().result()
            while pending:
                yield from pending.popleft().result()
        finally:
            for future in pending:  # interrupted: hand out nothing more
                future.cancel()
