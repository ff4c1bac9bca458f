"""Scale-out: drafts per second and peak memory per worker, --jobs 1 / --jobs 2 / Dask.

    python benchmarks/scale_out.py [--copies 50] [--no-end-to-end] [--no-steady]

Needs the dask extra (`pip install -e '.[dask]'`). The batch is N copies of each bundled
sample (8 samples: 50 copies make 400 drafts), the same for every mode:

1. end to end: `seo-audit check DIR -f json -o FILE` with `--jobs 1`, `--jobs 2` and
   `--scheduler local:2` (a local Dask cluster of 2 single-threaded worker processes), each
   in a fresh process: model loading (and the cluster's start) included. The memory of every
   process of the run is sampled (psutil, every 0.25 s): the peak resident set (RSS) and
   proportional set (PSS: pages shared by n processes count 1/n each) of the largest worker
   (with --jobs 1 the one process is the worker), and of the parent (the Dask client).
2. steady state: the same batch once the model is loaded (and the cluster up), in this
   process: `audit_parallel(jobs=1)`, `audit_parallel(jobs=2)` and `DaskBatch.audit` on a
   local cluster of 2 workers, whose resident memory is read every tenth of the batch, to
   show that it stays flat.

Wall-clock rates depend on what else the machine runs (the load average is printed): the CPU
time of every process of a run (user + system, all workers included) is measured too, per
draft, and gives what a million drafts cost in core-hours whatever the load.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from seo_audit.engine import AuditOptions  # noqa: E402
from seo_audit.parallel import audit_parallel  # noqa: E402
from seo_audit.parse import SUPPORTED_EXTENSIONS  # noqa: E402
from seo_audit.ruleset import load_ruleset  # noqa: E402

MODES = {
    "--jobs 1": ["--jobs", "1"],
    "--jobs 2": ["--jobs", "2"],
    "Dask local:2": ["--scheduler", "local:2"],
}
SAMPLE_EVERY = 0.25  # seconds between memory samples


def sample_files() -> list[Path]:
    return sorted(
        p
        for p in (ROOT / "samples").glob("*")
        if p.suffix in SUPPORTED_EXTENSIONS and p.name != "README.md"
    )


def make_batch(folder: Path, copies: int) -> list[str]:
    paths = []
    for i in range(copies):
        for src in sample_files():
            dst = folder / f"{i:03d}-{src.name}"
            shutil.copy(src, dst)
            paths.append(str(dst))
    return sorted(paths)


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _cpu_of_children() -> float:
    """CPU seconds of every descendant reaped so far (with theirs)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _cpu_here() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime + _cpu_of_children()


def end_to_end(folder: Path, n: int) -> None:
    print(f"1. end to end, {n} drafts (model load and cluster start included)")
    for label, args in MODES.items():
        command = [sys.executable, "-m", "seo_audit", "check", str(folder), *args]
        command += ["-f", "json", "-o", str(folder.parent / "out.json")]
        cpu = _cpu_of_children()
        seconds, code, parent, workers = _run_sampled(command)
        cpu = _cpu_of_children() - cpu
        if code not in (0, 1):
            raise SystemExit(f"{label}: exit code {code}")
        worker = max(workers.values(), default=parent, key=lambda m: m[0])
        line = (
            f"  {label:<13} {seconds:6.1f} s  {n / seconds:5.2f} drafts/s  CPU {cpu / n:.3f} "
            f"s/draft  peak per worker: RSS {worker[0]:4.0f} MiB, PSS {worker[1]:4.0f} MiB"
        )
        if workers:
            line += f"  (parent: RSS {parent[0]:.0f} MiB)"
        print(line)


def _run_sampled(command: list[str]) -> tuple[float, int, tuple, dict[int, tuple]]:
    """Run `command`, sampling the memory of it and its descendants: (seconds, exit code,
    (peak RSS, peak PSS) of the process, {worker pid: (peak RSS, peak PSS)})."""
    import psutil

    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, cwd=ROOT)
    main = psutil.Process(proc.pid)
    peaks: dict[int, tuple[float, float]] = {}
    while proc.poll() is None:
        try:
            family = [main, *main.children(recursive=True)]
        except psutil.Error:
            family = []
        for process in family:
            try:
                if "resource_tracker" in " ".join(process.cmdline()):
                    continue
                info = process.memory_full_info()
            except psutil.Error:
                continue
            rss, pss = info.rss / 2**20, info.pss / 2**20
            old = peaks.get(process.pid, (0.0, 0.0))
            peaks[process.pid] = (max(old[0], rss), max(old[1], pss))
        time.sleep(SAMPLE_EVERY)
    seconds = time.perf_counter() - start
    parent = peaks.pop(proc.pid, (0.0, 0.0))
    return seconds, proc.returncode, parent, peaks


def steady(paths: list[str]) -> dict[str, tuple[float, float]]:
    from seo_audit.dask_backend import DaskBatch
    from seo_audit.nlp import get_nlp

    n = len(paths)
    print(f"2. steady state, {n} drafts (model loaded, cluster up)")
    options = AuditOptions(ruleset=load_ruleset("default"))
    get_nlp()
    rates = {}
    for jobs in (1, 2):
        cpu, start = _cpu_here(), time.perf_counter()
        reports = list(audit_parallel(paths, options, jobs))
        seconds, cpu = time.perf_counter() - start, _cpu_here() - cpu
        assert len(reports) == n and not any(r.error for r in reports)
        rates[f"--jobs {jobs}"] = (n / seconds, cpu / n)
        print(
            f"  --jobs {jobs:<6} {seconds:6.1f} s  {n / seconds:5.2f} drafts/s  "
            f"CPU {cpu / n:.3f} s/draft"
        )
    with DaskBatch.connect("local:2") as dask:
        client = dask.client
        samples: list[dict[str, float]] = []
        workers_cpu = sum(client.run(_cpu_seconds).values())
        cpu, start = _cpu_here(), time.perf_counter()
        reports = []
        for report in dask.audit(paths, options):
            reports.append(report)
            if len(reports) % max(1, n // 10) == 0:
                samples.append(client.run(_rss_mib))
        seconds = time.perf_counter() - start
        # The workers' CPU, and this process's: the client and the scheduler.
        workers_cpu = sum(client.run(_cpu_seconds).values()) - workers_cpu
        client_cpu = _cpu_here() - cpu
    assert len(reports) == n and not any(r.error for r in reports)
    cpu = workers_cpu + client_cpu
    rates["Dask local:2"] = (n / seconds, cpu / n)
    print(
        f"  Dask local:2  {seconds:6.1f} s  {n / seconds:5.2f} drafts/s  CPU {cpu / n:.3f} "
        f"s/draft: workers {workers_cpu / n:.3f}, client and scheduler {client_cpu / n:.3f}"
    )
    for number, worker in enumerate(sorted(samples[0]), 1):
        series = [sample[worker] for sample in samples if worker in sample]
        print(
            f"    worker {number}: RSS every {max(1, n // 10)} drafts "
            + " ".join(f"{mib:.0f}" for mib in series)
            + f" MiB (first to last {series[-1] - series[0]:+.0f} MiB)"
        )
    return rates


def _cpu_seconds() -> float:
    times = os.times()
    return times.user + times.system


def _rss_mib() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=50, help="copies of each sample")
    parser.add_argument("--no-end-to-end", action="store_true", help="skip part 1")
    parser.add_argument("--no-steady", action="store_true", help="skip part 2")
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; load average {load()} at the start")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "drafts"
        folder.mkdir()
        paths = make_batch(folder, args.copies)
        if not args.no_end_to_end:
            end_to_end(folder, len(paths))
        if not args.no_steady:
            rates = steady(paths)
            one, cpu_one = rates["--jobs 1"]
            for label in ("--jobs 2", "Dask local:2"):
                rate, cpu = rates[label]
                print(
                    f"  {label}: {rate / one:.2f}x the --jobs 1 rate, "
                    f"{cpu / cpu_one:.2f}x its CPU per draft"
                )
            for label, (_, cpu) in rates.items():
                print(
                    f"a million drafts like these with {label}: {1_000_000 * cpu / 3600:.0f} "
                    f"core-hours ({1 / cpu:.2f} drafts/s per busy core)"
                )
    print(f"load average {load()} at the end")


if __name__ == "__main__":
    main()
