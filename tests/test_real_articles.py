"""Word counts on real French articles (tests/data/real/: blog posts in Markdown, full HTML
pages and HTML fragments, as published) against a careful hand count: every file within 5 %.

The hand counts are in tests/data/real/counts.toml, the prose they count in
`<name>.expected.txt`; seo-audit counts each file through its one pipeline, with the real model.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from benchmark_loader import load_benchmark

ROOT = Path(__file__).resolve().parent.parent
real_articles = load_benchmark("real_articles")
KINDS = ("Markdown", "HTML page", "HTML fragment")

# A counter of its own, written apart from seo_audit.french.words, for the hand counts: a piece
# between white space is a word when it holds a letter or a digit and is not a URL or an
# e-mail address.
_NOT_A_WORD = re.compile(r"^\W*(?:https?://|ftp://|www\.)|^\W*[\w.+-]+@[\w-]+\.\w", re.I)


def _words(text: str) -> int:
    pieces = text.split()
    return sum(1 for p in pieces if any(c.isalnum() for c in p) and not _NOT_A_WORD.match(p))


@pytest.fixture(scope="module")
def found(nlp):
    return real_articles.rows()


@pytest.mark.parametrize("kind", KINDS)
def test_word_count_within_5_percent_of_the_hand_count(found, kind):
    table = real_articles.table(found)
    print(table)  # the words of every file and of each kind (pytest -s, or on failure)
    rows = [row for row in found if row.kind == kind]
    assert len(rows) >= 2, table
    off = [row.file for row in rows if abs(row.difference) > real_articles.LIMIT]
    assert not off, f"more than 5 % off the hand count: {off}\n{table}"


def test_the_set_is_real_and_varied():
    entries = real_articles.articles()
    assert len(entries) >= 8
    assert {entry["kind"] for entry in entries} == set(KINDS)
    readme = (real_articles.DATA / "README.md").read_text(encoding="utf-8")
    for entry in entries:
        name = str(entry["file"])
        assert (real_articles.DATA / name).is_file(), name
        # Where it comes from: a row of the README naming the file, a commit and a licence.
        row = next((line for line in readme.splitlines() if line.startswith(f"| `{name}`")), "")
        assert re.search(r"commit `[0-9a-f]{40}`", row), name
        assert re.search(r"CC BY|MIT", row), name
        assert entry["counted"] and entry["left_out"], name


def test_hand_counts_are_the_words_of_the_prose_written_out():
    for entry in real_articles.articles():
        stem = str(entry["file"]).rsplit(".", 1)[0]
        prose = (real_articles.DATA / f"{stem}.expected.txt").read_text(encoding="utf-8")
        assert _words(prose) == entry["hand"], entry["file"]


def test_the_readme_quotes_the_table(found):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert real_articles.table(found) in readme, "run python benchmarks/real_articles.py"
