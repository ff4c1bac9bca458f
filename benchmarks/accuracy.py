"""Accuracy of seo-audit's French analysis on labelled sets, in one table.

    python benchmarks/accuracy.py

Each component has its own script (benchmarks/acc_*.py) with an `evaluate()` that returns
rows; this one runs them all and prints one table, with textstat's score where textstat has
an equivalent. The README quotes this table.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

COMPONENTS = ("acc_syllables", "acc_sentences", "acc_keyword", "acc_passive", "acc_facts")


def fmt(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{100 * value:.1f} %" if value <= 1 else f"{value:.3f}"
    return str(value)


def main() -> None:
    rows = []
    for name in COMPONENTS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            print(f"(skipped {name}: {exc})", file=sys.stderr)
            continue
        rows.extend(module.evaluate())
    header = ("component", "labelled set", "metric", "seo-audit", "textstat")
    table = [header] + [
        (
            str(r["component"]),
            str(r["dataset"]),
            str(r["metric"]),
            fmt(r["score"]),
            fmt(r.get("textstat")),
        )
        for r in rows
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(header))]
    lines = [
        "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in table
    ]
    lines.insert(1, "|" + "|".join("-" * (w + 2) for w in widths) + "|")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
