"""Documentation generated from the check registry, so that it cannot drift from the code.

- `check_table()`: the README's table of checks (id, name, family, severity, what it wants),
  written between the markers `<!-- checks:start -->` and `<!-- checks:end -->` of README.md;
- `score_explanation()`: how the score and the verdict are computed, from the docstring of
  `seo_audit.report` (`seo-audit explain score`).

`python -m seo_audit.docs` rewrites the README's table; `python -m seo_audit.docs --check`
exits 1 when it is out of date (the tests compare it in memory too).
"""

from __future__ import annotations

import argparse
import inspect
import sys
import textwrap
from pathlib import Path

from seo_audit.checks import REGISTRY
from seo_audit.checks.base import FAMILY_ORDER
from seo_audit.i18n import _

START, END = "<!-- checks:start -->", "<!-- checks:end -->"
# The repository's README beside the package in a source tree; from an installed package,
# the README of the folder the command runs in.
_SOURCE_README = Path(__file__).resolve().parent.parent / "README.md"
README = _SOURCE_README if _SOURCE_README.is_file() else Path("README.md")


def check_table() -> str:
    """Every check in report order (by family, then id), with its defaults."""
    rows = [
        "| id | name | family | severity | what it wants |",
        "|---|---|---|---|---|",
    ]
    for check in sorted(REGISTRY.values(), key=lambda c: (FAMILY_ORDER.index(c.family), c.id)):
        severity = check.severity if check.enabled else f"{check.severity} (off)"
        wants = check.summary().replace("|", "\\|")
        rows.append(f"| {check.id} | `{check.name}` | {check.family} | {severity} | {wants} |")
    return "\n".join(rows) + "\n"


def with_table(readme: str) -> str:
    """`readme` with the generated table between the markers."""
    start, end = readme.find(START), readme.find(END)
    if start < 0 or end < start:
        raise ValueError(f"the README lacks the markers {START} ... {END}")
    return readme[: start + len(START)] + "\n\n" + check_table() + "\n" + readme[end:]


def score_explanation() -> str:
    """How the score and the verdict are computed: the docstring of seo_audit.report, less
    its first line."""
    from seo_audit import report

    return "\n\n".join(textwrap.fill(_(p), 88) for p in score_paragraphs(report.__doc__)) + "\n"


def score_paragraphs(doc: str | None) -> list[str]:
    """The paragraphs of seo_audit.report's docstring after its first line, each on one line
    (the texts the catalogue holds, see i18n_extract.py)."""
    paragraphs = inspect.cleandoc(doc or "").split("\n\n")[1:]
    return [" ".join(p.split()) for p in paragraphs]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate the README's table of checks.")
    parser.add_argument("readme", nargs="?", type=Path, default=README, help="README.md to update")
    parser.add_argument(
        "--check", action="store_true", help="only say whether the table is up to date"
    )
    args = parser.parse_args(argv)
    try:
        current = args.readme.read_text(encoding="utf-8")
        updated = with_table(current)
    except (OSError, ValueError) as exc:
        print(f"{args.readme}: {exc}", file=sys.stderr)
        return 2
    if updated == current:
        print(f"{args.readme}: the table of checks is up to date")
        return 0
    if args.check:
        print(f"{args.readme}: the table of checks is out of date: run python -m seo_audit.docs")
        return 1
    args.readme.write_text(updated, encoding="utf-8")
    print(f"{args.readme}: table of checks rewritten")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
