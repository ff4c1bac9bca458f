"""Throughput: seo-audit's pipeline against bare spaCy on the same texts, in one run.

    python benchmarks/throughput.py [--copies N] [--rounds R] [--jobs-copies N]

Both sides use the same loaded pipeline (seo_audit.nlp.get_nlp) and the same texts. In every
round the two sides take turns every CHUNK documents, so that a few slow seconds of a shared
machine fall on both alike. The ratio printed first is that of the best times (each chunk's
best round, as `timeit` takes the best of its repeats: what the work costs, without what other
programs added to some runs); the ratios round by round follow, their median and range:

1. drafts without a source (the bundled samples, N copies): `audit_drafts` against bare
   `nlp.pipe` of fr_core_news_md WITHOUT `ner`, which no check reads for such drafts.
   Target: ratio >= 0.85.
2. rewrites with a source (samples/rewrites): `audit_drafts`, which runs the full pipeline
   for them and compares with the source, against bare `nlp.pipe` with the full pipeline.
3. `seo-audit check DIR --jobs 1` against `--jobs 2`, end to end, with the peak memory (RSS)
   of the one-worker run.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from seo_audit.analyze import prose_text  # noqa: E402
from seo_audit.engine import SOURCE_ONLY_PIPES, AuditOptions, audit_drafts, load_document  # noqa: E402
from seo_audit.nlp import get_nlp  # noqa: E402
from seo_audit.parse import SUPPORTED_EXTENSIONS  # noqa: E402
from seo_audit.ruleset import load_ruleset  # noqa: E402

REWRITES = ROOT / "samples" / "rewrites"


def sample_files() -> list[Path]:
    # The top-level samples: drafts without a source.
    return sorted(
        p
        for p in (ROOT / "samples").glob("*")
        if p.suffix in SUPPORTED_EXTENSIONS and p.name != "README.md"
    )


def rewrite_files() -> list[Path]:
    """The sample rewrites; each names its source (source-crue.txt) in its front matter."""
    return sorted(p for p in REWRITES.glob("*.md") if p.name != "README.md")


def copies_of(files: list[Path], copies: int, folder: Path) -> list[str]:
    paths = []
    for i in range(copies):
        for src in files:
            dst = folder / f"{i:03d}-{src.name}"
            shutil.copy(src, dst)
            paths.append(str(dst))
    return paths


# Documents timed on one side, then the same documents on the other: the two sides alternate
# every few documents, so that a machine slowing down or speeding up for a few seconds (a
# shared virtual machine does) weighs on both alike.
CHUNK = 8


def race(label: str, texts: list[str], paths: list[str], disable: list[str], rounds: int) -> None:
    """Bare nlp.pipe (with `disable`) against audit_drafts on the same documents, the two
    sides alternating every CHUNK documents (which one goes first alternates too)."""
    nlp = get_nlp()
    options = AuditOptions(ruleset=load_ruleset("default"))
    words = sum(len(t.split()) for t in texts)
    n = len(paths)
    chunks = [(texts[i : i + CHUNK], paths[i : i + CHUNK]) for i in range(0, n, CHUNK)]

    def bare(chunk_texts: list[str], _paths: list[str]) -> None:
        for _doc in nlp.pipe(chunk_texts, batch_size=16, disable=disable):
            pass

    def ours(_texts: list[str], chunk_paths: list[str]) -> None:
        reports = list(audit_drafts(chunk_paths, options))
        assert all(r.error is None for r in reports), [r.error for r in reports if r.error]

    # Warm-up, the same for both: first calls allocate and fill caches.
    bare(*chunks[0])
    ours(*chunks[0])
    # times[side][k]: the seconds of each round on chunk k.
    times: dict[Callable[[list[str], list[str]], None], list[list[float]]] = {
        bare: [[] for _ in chunks],
        ours: [[] for _ in chunks],
    }
    for _ in range(rounds):
        for k, chunk in enumerate(chunks):
            for side in (bare, ours) if k % 2 == 0 else (ours, bare):
                start = time.perf_counter()
                side(*chunk)
                times[side][k].append(time.perf_counter() - start)
    # The best time of each chunk, as timeit takes the best of its repeats: the work itself,
    # without what other programs on the machine added to some of its runs.
    best_bare = sum(min(t) for t in times[bare])
    best_ours = sum(min(t) for t in times[ours])
    rounds_ratios = sorted(
        sum(b[r] for b in times[bare]) / sum(o[r] for o in times[ours]) for r in range(rounds)
    )
    pipes = "without " + ", ".join(disable) if disable else "full pipeline"
    print(f"{label}: {n} documents, {words:,} words")
    print(
        f"  bare nlp.pipe ({pipes}): {n / best_bare:6.1f} docs/s ({words / best_bare:,.0f} words/s)"
    )
    ours_speed = f"{n / best_ours:6.1f} docs/s ({words / best_ours:,.0f} words/s)"
    print(f"  seo-audit audit_drafts:   {ours_speed}")
    print(f"  ratio (ours / bare spaCy, best of {rounds} rounds): {best_bare / best_ours:.2f}")
    print(
        f"  ratio round by round: median {statistics.median(rounds_ratios):.2f}, "
        f"from {rounds_ratios[0]:.2f} to {rounds_ratios[-1]:.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=6, help="copies of each sample")
    parser.add_argument(
        "--rounds", type=int, default=5, help="rounds, each timing both sides back to back"
    )
    parser.add_argument(
        "--jobs-copies",
        type=int,
        default=25,
        help="copies of each sample for the --jobs 1 / --jobs 2 comparison (0: skip it)",
    )
    args = parser.parse_args()
    nlp = get_nlp()
    without = [name for name in SOURCE_ONLY_PIPES if name in nlp.pipe_names]
    with tempfile.TemporaryDirectory() as tmp:
        paths = copies_of(sample_files(), args.copies, Path(tmp))
        texts = [prose_text(load_document(p)) for p in paths]
        race(
            "1. drafts without a source (target ratio >= 0.85)", texts, paths, without, args.rounds
        )
    # The rewrites are audited where they are, next to their source.
    rewrites = [str(p) for p in rewrite_files()] * args.copies
    texts = [prose_text(load_document(p)) for p in rewrites]
    race("2. rewrites with a source", texts, rewrites, [], args.rounds)
    if args.jobs_copies:
        compare_jobs(sample_files(), args.jobs_copies)


def compare_jobs(sources: list[Path], copies: int) -> None:
    """`seo-audit check DIR --jobs 1` against `--jobs 2`, end to end (model loading included),
    each in a fresh process, on the same batch."""
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(copies):
            for src in sources:
                shutil.copy(src, Path(tmp) / f"{i:03d}-{src.name}")
        n = copies * len(sources)
        times, peak = {}, {}
        for jobs in (1, 2):
            start = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "seo_audit",
                    "check",
                    tmp,
                    "--jobs",
                    str(jobs),
                    "--format",
                    "json",
                    "--output",
                    str(Path(tmp) / f"out-{jobs}.json"),
                ],
                check=False,
                cwd=ROOT,
            )
            times[jobs] = time.perf_counter() - start
            # ru_maxrss of the children is the largest of any child so far (KiB on Linux).
            peak[jobs] = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    print(
        f"3. batch of {n} drafts, end to end: --jobs 1 {times[1]:.1f} s, "
        f"--jobs 2 {times[2]:.1f} s, speed-up {times[1] / times[2]:.2f}x (target >= 1.7x)"
    )
    print(f"  peak memory of one worker (--jobs 1 process, RSS): {peak[1] / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
