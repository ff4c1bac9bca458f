"""Throughput: seo-audit's audit_many against bare spaCy on the same texts, in one run.

    python benchmarks/throughput.py [--copies N]

Both sides use the same loaded pipeline (seo_audit.nlp.get_nlp) and the same texts (the prose
of the bundled samples, N copies); the ratio says what reading, parsing, the French analysis
and the checks cost on top of spaCy. Target: ratio >= 0.85.
"""

from __future__ import annotations

import argparse
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
from seo_audit.engine import AuditOptions, audit_many, load_document  # noqa: E402
from seo_audit.nlp import get_nlp  # noqa: E402
from seo_audit.parse import SUPPORTED_EXTENSIONS  # noqa: E402
from seo_audit.ruleset import load_ruleset  # noqa: E402


def sample_files() -> list[Path]:
    # The top-level samples: the rewrites in samples/rewrites/ name their source by a
    # relative path, which copies in a temporary folder would break.
    return sorted(
        p
        for p in (ROOT / "samples").glob("*")
        if p.suffix in SUPPORTED_EXTENSIONS and p.name != "README.md"
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
    sources = sample_files()
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i in range(args.copies):
            for src in sources:
                dst = Path(tmp) / f"{i:03d}-{src.name}"
                shutil.copy(src, dst)
                paths.append(str(dst))
        texts = [prose_text(load_document(p)) for p in paths]
        words = sum(len(t.split()) for t in texts)
        options = AuditOptions(ruleset=load_ruleset("default"))
        list(nlp.pipe(texts[:4]))  # warm-up: first calls allocate

        # Both sides back to back in every round, and the median of the per-round ratios:
        # on a shared machine a slow spell then hits one round, not one side.
        bare_times, our_times = [], []
        for _ in range(args.rounds):
            start = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=16):
                pass
            bare_times.append(time.perf_counter() - start)
            start = time.perf_counter()
            reports = audit_many(paths, options)
            our_times.append(time.perf_counter() - start)
        assert all(r.error is None for r in reports)
        best_bare, best_ours = min(bare_times), min(our_times)
        ratio = statistics.median(b / o for b, o in zip(bare_times, our_times, strict=True))

    n = len(paths)
    print(f"documents: {n} ({len(sources)} samples x {args.copies}), {words:,} words")
    print(f"bare nlp.pipe:      {n / best_bare:7.1f} docs/s  ({words / best_bare:,.0f} words/s)")
    print(f"seo-audit audit_many: {n / best_ours:7.1f} docs/s  ({words / best_ours:,.0f} words/s)")
    print(
        f"ratio (ours / bare spaCy, median of {args.rounds} rounds): {ratio:.2f}  (target >= 0.85)"
    )
    if args.jobs_copies:
        compare_jobs(sources, args.jobs_copies)


def compare_jobs(sources: list[Path], copies: int) -> None:
    """`seo-audit check DIR --jobs 1` against `--jobs 2`, end to end (model loading included),
    each in a fresh process, on the same batch."""
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(copies):
            for src in sources:
                shutil.copy(src, Path(tmp) / f"{i:03d}-{src.name}")
        n = copies * len(sources)
        times = {}
        for jobs in (1, 2):
            start = time.perf_counter()
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
    print(
        f"batch of {n} drafts, end to end: --jobs 1 {times[1]:.1f} s, "
        f"--jobs 2 {times[2]:.1f} s, speed-up {times[1] / times[2]:.2f}x (target >= 1.7x)"
    )


if __name__ == "__main__":
    main()
