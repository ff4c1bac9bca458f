"""The README's accuracy table is the one `python benchmarks/accuracy.py` prints, row for row."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_readme_quotes_the_accuracy_table_as_printed():
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "accuracy.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [line for line in done.stdout.splitlines() if line.startswith("|")]
    assert len(rows) > 10, done.stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    start = readme.index(rows[0])  # the table, whole and in order
    assert readme[start : start + len(rows)] == rows
