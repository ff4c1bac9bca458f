"""Auditing a batch in worker processes, each loading the spaCy model once.

Results come back in input order: chunks are handed out in order and `Executor.map` yields
them in that order, while later chunks are still being analysed.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import signal
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor

from seo_audit.engine import AuditOptions, audit_drafts
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


def _audit_chunk(paths: list[str]) -> list[Report]:
    return list(audit_drafts(paths, _worker_options))


def _chunks(paths: Sequence[str], jobs: int) -> list[list[str]]:
    # Small chunks keep every worker busy to the end (the last chunk is what one worker does
    # while the others wait); a few documents each still batch well through nlp.pipe.
    size = max(1, min(4, len(paths) // (jobs * 8)))
    return [list(paths[i : i + size]) for i in range(0, len(paths), size)]


def audit_parallel(paths: Sequence[str], options: AuditOptions, jobs: int) -> Iterator[Report]:
    """Audit `paths` with `jobs` processes (1: in this process), yielding in input order."""
    jobs = max(1, min(jobs, len(paths)))
    if jobs == 1:
        yield from audit_drafts(paths, options)
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
        for reports in pool.map(_audit_chunk, _chunks(paths, jobs)):
            yield from reports
