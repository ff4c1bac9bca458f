"""What the HTML report adds to checking one draft.

    python benchmarks/html_report.py [--draft PATH] [--rounds R]

Checks an 800-word draft (by default samples/echec-phrases-longues.md, 824 words and some
fifty marks) with the model already loaded, and times, back to back in every round:

1. checking it: `audit_one`, as `seo-audit check` does for one draft;
2. checking it and rendering its HTML page: `audit_one` + `render_page`.

It prints the median of each, and the ratio (goal: rendering adds under 5 %) measured
within each run of (2), (check + render) / check, whose median is not blurred by the noise
between two separate checks; the ratio of the two medians is printed as a cross-check. The
first render of the process, which also compiles the Jinja2 templates, is printed apart.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from seo_audit.engine import AuditOptions, audit_one  # noqa: E402
from seo_audit.formats.html import render_page  # noqa: E402
from seo_audit.ruleset import load_ruleset  # noqa: E402

DRAFT = ROOT / "samples" / "echec-phrases-longues.md"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draft", default=str(DRAFT), help="the draft to check")
    parser.add_argument("--rounds", type=int, default=30, help="rounds (default 30)")
    args = parser.parse_args()
    options = AuditOptions(ruleset=load_ruleset("default"))

    report = audit_one(args.draft, options)  # loads the model
    start = time.perf_counter()
    page = render_page(report)
    first_render = time.perf_counter() - start

    check_times, both_times, render_times = [], [], []
    for _ in range(args.rounds):
        start = time.perf_counter()
        audit_one(args.draft, options)
        check_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        report = audit_one(args.draft, options)
        middle = time.perf_counter()
        page = render_page(report)
        end = time.perf_counter()
        both_times.append(end - start)
        render_times.append(end - middle)
    ratios = [b / (b - r) for b, r in zip(both_times, render_times, strict=True)]

    words = report.metrics["words"]
    check = statistics.median(check_times)
    both = statistics.median(both_times)
    render = statistics.median(render_times)
    ratio = statistics.median(ratios)
    print(f"draft: {args.draft} ({words} words, {len(report.draft.marks)} marks)")
    print(f"page: {len(page.encode('utf-8')):,} bytes")
    print(f"rounds: {args.rounds} (medians)")
    print(f"check:                {1000 * check:8.1f} ms")
    print(f"check + HTML report:  {1000 * both:8.1f} ms")
    print(f"  of which rendering: {1000 * render:8.1f} ms")
    print(f"ratio: {ratio:.3f} (rendering adds {100 * (ratio - 1):.1f} %; goal: under 5 %)")
    print(f"ratio of the medians (separate checks): {both / check:.3f}")
    print(f"first render of the process (templates compiled): {1000 * first_render:.1f} ms")


if __name__ == "__main__":
    main()
