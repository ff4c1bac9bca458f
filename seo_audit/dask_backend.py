"""Auditing a batch on Dask distributed: an existing cluster (tcp://HOST:8786) or a local one.

Needs the `dask` extra (`pip install 'seo-audit[dask]'`), on the client and every worker,
and the drafts readable at the same paths on both (a shared file system, as a cluster has).

- Drafts go out in partitions (`audit_partition` over a list of paths or records), large
  enough that a task costs nothing next to its drafts; the model is loaded once per worker
  process, when it joins, by a worker plugin (and would be by the first task otherwise),
  never once per task. Only plain results (dicts) come back: nothing made by spaCy is
  shipped.
- Results stream back in input order, while a bounded window of partitions is in flight:
  the input is read lazily and neither the client nor a worker holds the whole batch.
- A worker that dies loses no draft: the scheduler runs its partitions again on another
  worker (up to its `allowed-failures`, 3 by default), and a partition whose task raised is
  retried `retries` times. A partition that fails for good still gets one result per draft,
  each with `error` set, so the report has one entry per input.
"""

from __future__ import annotations

import contextlib
import logging
import math
import re
import uuid
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from itertools import islice
from typing import Any

from distributed import Client, Future, LocalCluster, WorkerPlugin

from seo_audit.engine import AuditOptions
from seo_audit.errors import SeoAuditError
from seo_audit.partition import audit_partition, error_result
from seo_audit.report import Report

# Drafts per task: a draft takes 50-200 ms, a task costs the scheduler about 1 ms, and the
# model is loaded per worker, not per task; 32 drafts are two nlp.pipe batches.
PARTITION_SIZE = 32
# Times a partition whose task raised is run again (a worker that died is handled by the
# scheduler, which reschedules what it was running).
RETRIES = 2
# Partitions in flight per worker thread: enough that none waits, few enough that memory
# stays flat whatever the size of the batch.
WINDOW_PER_THREAD = 2
CONNECT_TIMEOUT = "20s"
# Longest reason a failed partition's drafts give (Dask's messages can run to paragraphs).
MAX_REASON = 200

_LOCAL_RE = re.compile(r"local:(\d{1,4})")


class SchedulerError(SeoAuditError):
    """The scheduler cannot be reached, started or used."""


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy model once in each worker process, when the worker starts (or when
    the plugin is registered), so that the first partition does not pay for it."""

    name = "seo-audit-model"
    idempotent = True

    def setup(self, worker: Any) -> None:
        from seo_audit.nlp import get_nlp

        get_nlp()


def audit_task(items: list[Any], options: AuditOptions) -> list[dict[str, Any]]:
    """What a Dask task runs: one partition, on a worker."""
    return list(audit_partition(items, options))


def partition_size_for(items: Iterable[Any], threads: int) -> int:
    """PARTITION_SIZE, or less for a short list so that every worker thread gets work."""
    if not isinstance(items, Sized):
        return PARTITION_SIZE
    per_thread = math.ceil(len(items) / max(1, threads * WINDOW_PER_THREAD))
    return max(1, min(PARTITION_SIZE, per_thread))


def audit_on_dask(
    items: Iterable[Any],
    options: AuditOptions,
    client: Client,
    *,
    partition_size: int | None = None,
    retries: int = RETRIES,
    window: int | None = None,
) -> Iterator[dict[str, Any]]:
    """Audit `items` (paths, Drafts or records, as `audit_partition` takes) on the cluster
    of `client`, yielding one result per item in input order (see the module doc).

    `partition_size`: drafts per task (default: PARTITION_SIZE, less for a short list);
    `window`: partitions in flight (default: WINDOW_PER_THREAD per worker thread, plus one).
    """
    threads = max(1, sum(client.nthreads().values()))
    size = partition_size or partition_size_for(items, threads)
    window = window or threads * WINDOW_PER_THREAD + 1
    run = uuid.uuid4().hex[:8]
    source = iter(items)
    pending: deque[tuple[list[Any], Future]] = deque()
    number = 0
    try:
        while True:
            while len(pending) < window:
                part = list(islice(source, size))
                if not part:
                    break
                key = f"seo-audit-{run}-{number}"
                number += 1
                future = client.submit(
                    audit_task, part, options, key=key, retries=retries, pure=False
                )
                pending.append((part, future))
            if not pending:
                return
            part, future = pending.popleft()
            try:
                results = future.result()
            except Exception as exc:  # KilledWorker, or a task that kept raising
                reason = " ".join(str(exc).split())  # one line
                if len(reason) > MAX_REASON:
                    reason = reason[: MAX_REASON - 1] + "…"
                problem = f"not checked: its Dask task failed ({type(exc).__name__}: {reason})"
                results = [error_result(item, problem, options) for item in part]
            finally:
                future.release()
            yield from results
    finally:
        if pending:  # stopped early (interrupted, or the consumer closed the generator)
            with contextlib.suppress(Exception):  # the client may be closed already
                client.cancel([future for _, future in pending])


class DaskBatch:
    """A connection to a Dask cluster for a batch: `connect("tcp://HOST:8786")` joins an
    existing scheduler, `connect("local:N")` starts a local cluster of N single-threaded
    worker processes (on this machine only, closed with the batch)."""

    def __init__(self, client: Client, cluster: LocalCluster | None = None) -> None:
        self.client = client
        self.cluster = cluster

    @classmethod
    def connect(cls, scheduler: str) -> DaskBatch:
        """Join or start the cluster and load the model on its workers; SchedulerError."""
        local = _LOCAL_RE.fullmatch(scheduler.strip())
        cluster = None
        try:
            if local:
                workers = int(local.group(1))
                if workers < 1:
                    raise SchedulerError(f"--scheduler {scheduler}: give at least 1 worker")
                cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address=None,
                    worker_dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
                client = Client(cluster, timeout=CONNECT_TIMEOUT)
            elif "://" in scheduler:
                client = Client(scheduler, timeout=CONNECT_TIMEOUT)
            else:
                raise SchedulerError(
                    f"--scheduler {scheduler}: give a scheduler address (tcp://HOST:8786) "
                    "or local:N for a local cluster of N workers"
                )
        except SchedulerError:
            raise
        except Exception as exc:  # OSError, TimeoutError, ValueError from distributed
            if cluster is not None:
                cluster.close()
            raise SchedulerError(f"--scheduler {scheduler}: cannot connect ({exc})") from None
        batch = cls(client, cluster)
        try:
            if not client.nthreads():
                client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
            client.register_plugin(ModelPlugin())
        except Exception as exc:
            batch.close()
            problem = f"the workers cannot audit ({type(exc).__name__}: {exc})"
            raise SchedulerError(f"--scheduler {scheduler}: {problem}") from None
        return batch

    def audit(self, paths: Iterable[str], options: AuditOptions) -> Iterator[Report]:
        """Reports of `paths`, in order, audited on the cluster."""
        for result in audit_on_dask(paths, options, self.client):
            yield Report.from_dict(result, options.fail_on, options.fail_under)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()

    def __enter__(self) -> DaskBatch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


__all__ = ["DaskBatch", "ModelPlugin", "SchedulerError", "audit_on_dask", "audit_task"]
