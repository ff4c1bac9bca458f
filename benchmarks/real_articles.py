"""Word counts on real French articles against a careful hand count.

    python benchmarks/real_articles.py

The articles are in tests/data/real/ (where each comes from, its author and licence: the
README.md there); counts.toml holds the hand count of each. seo-audit counts every file through
its one pipeline (`audit_drafts`, the `words` that `seo-audit metrics` prints), and the table
shows both counts and their difference, then the totals of each kind of input. The README
quotes this table; tests/test_real_articles.py requires every file within 5 %.
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

DATA = HERE.parent / "tests" / "data" / "real"
LIMIT = 0.05  # |seo-audit − hand| / hand, for every file


@dataclass(frozen=True)
class Row:
    file: str
    kind: str
    hand: int
    ours: int

    @property
    def difference(self) -> float:
        return (self.ours - self.hand) / self.hand


def articles() -> list[dict[str, object]]:
    """The entries of counts.toml, in its order."""
    with (DATA / "counts.toml").open("rb") as handle:
        return list(tomllib.load(handle)["article"])


def rows() -> list[Row]:
    """One row a file: its hand count and seo-audit's."""
    from seo_audit.engine import AuditOptions, audit_drafts

    entries = articles()
    paths = [str(DATA / str(entry["file"])) for entry in entries]
    found = []
    for entry, report in zip(entries, audit_drafts(paths, AuditOptions()), strict=True):
        if report.error:
            raise SystemExit(f"{report.path}: {report.error}")
        words = int(report.metrics["words"])
        found.append(Row(str(entry["file"]), str(entry["kind"]), int(entry["hand"]), words))
    return found


def by_kind(found: list[Row]) -> list[Row]:
    """The totals of each kind of input, in the order the kinds first appear."""
    kinds = list(dict.fromkeys(row.kind for row in found))
    return [
        Row(
            f"all {kind}",
            kind,
            sum(row.hand for row in found if row.kind == kind),
            sum(row.ours for row in found if row.kind == kind),
        )
        for kind in kinds
    ]


def table(found: list[Row]) -> str:
    """A Markdown table: each file, then the totals of each kind."""
    header = ("file", "kind", "hand count", "seo-audit", "difference")
    lines = [header]
    for row in [*found, *by_kind(found)]:
        lines.append(
            (row.file, row.kind, str(row.hand), str(row.ours), f"{100 * row.difference:+.1f} %")
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = []
    for n, line in enumerate(lines):
        out.append(
            "| " + " | ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)) + " |"
        )
        if n == 0:
            out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(out)


def main() -> None:
    found = rows()
    print(table(found))
    worst = max(found, key=lambda row: abs(row.difference))
    print(
        f"\nlargest difference: {worst.file} {100 * worst.difference:+.1f} % "
        f"(limit ±{100 * LIMIT:.0f} % on every file)"
    )


if __name__ == "__main__":
    main()
