"""Throughput: seo-audit's pipeline against bare spaCy on the same texts, in one run.

    python benchmarks/throughput.py [--copies N] [--rounds R] [--jobs-copies N]

Both sides use the same loaded pipeline (seo_audit.nlp.get_nlp) and the same texts, timed
back to back in every round (the median of the per-round ratios is printed):

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


def race(label: str, texts: list[str], paths: list[str], disable: list[str], rounds: int) -> None:
    """Bare nlp.pipe (with `disable`) against audit_drafts, back to back each round."""
    nlp = get_nlp()
    options = AuditOptions(ruleset=load_ruleset("default"))
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:4], disable=disable))  # warm-up: first calls allocate
    bare_times, our_times = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=16, disable=disable):
            pass
        bare_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        reports = list(audit_drafts(paths, options))
        our_times.append(time.perf_counter() - start)
    assert all(r.error is None for r in reports), [r.error for r in reports if r.error]
    best_bare, best_ours = min(bare_times), min(our_times)
    ratio = statistics.median(b / o for b, o in zip(bare_times, our_times, strict=True))
    n = len(paths)
    pipes = "without " + ", ".join(disable) if disable else "full pipeline"
    print(f"{label}: {n} documents, {words:,} words")
    print(
        f"  bare nlp.pipe ({pipes}): {n / best_bare:6.1f} docs/s ({words / best_bare:,.0f} words/s)"
    )
    ours = f"{n / best_ours:6.1f} docs/s ({words / best_ours:,.0f} words/s)"
    print(f"  seo-audit audit_drafts:   {ours}")
    print(f"  ratio (ours / bare spaCy, median of {rounds} rounds): {ratio:.2f}")


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
