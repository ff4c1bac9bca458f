"""Linear growth, asserted without an absolute time (the one place for this rule).

A case is timed on an input of size N and of size SCALE x N. A linear cost takes SCALE times
as long, a quadratic one SCALE² times: the larger may take at most RATIO times as long,
halfway between the two (geometrically), so that a noisy shared machine cannot fail a linear
cost and a quadratic one always fails, plus a small constant. Each time is the CPU time of
this process (other processes do not count) with the garbage collector paused, the best of
a few runs, the two sizes taking turns.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

SCALE = 4
RATIO = 8  # linear: 4, quadratic: 16
SLACK = 0.02  # seconds
REPEATS = 5


def cpu_seconds(run: Callable[[], object]) -> float:
    """The CPU time of one call of `run`, the garbage collector paused."""
    gc.collect()
    gc.disable()
    try:
        start = time.process_time()
        run()
        return time.process_time() - start
    finally:
        gc.enable()


def assert_linear(run_of: Callable[[int], Callable[[], object]], n: int) -> None:
    """`run_of(size)` gives a call working on an input of that size; it takes time in
    proportion to the size (see the module docstring)."""
    small_run, large_run = run_of(n), run_of(SCALE * n)
    small_run()  # warm up: first calls allocate and fill caches
    small = large = float("inf")
    for _ in range(REPEATS):
        small = min(small, cpu_seconds(small_run))
        large = min(large, cpu_seconds(large_run))
    assert large <= RATIO * small + SLACK, f"{n}: {small:.4f} s, {SCALE * n}: {large:.4f} s"
