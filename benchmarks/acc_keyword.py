"""Accuracy of French keyphrase matching against counts a French writer gave by hand.

Data: benchmarks/data/keywords.tsv (the set the matcher was tuned on) and
benchmarks/data/keywords_holdout.tsv (written after tuning stopped, never tuned on). Each
row is text<TAB>keyphrase<TAB>expected count; synonyms follow the keyphrase as
"kw|syn1|syn2"; a literal "\\n" in the text is a line break, so "\\n\\n" separates blocks
(a heading and its paragraph). A case is right when the count is exact.

The baseline counts case-insensitive substrings of the keyphrase and its synonyms, which
is what a plain text search does.

Run from the repository root: python benchmarks/acc_keyword.py [--errors]
"""

from __future__ import annotations

import csv
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from seo_audit.french.keyword import KeyphraseMatcher  # noqa: E402
from seo_audit.nlp import BLOCK_SEPARATOR, get_nlp  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
DATASETS = ("keywords.tsv", "keywords_holdout.tsv")
COMPONENT = "keyword matching"
BASELINE = "naive case-insensitive substring count"


@dataclass(frozen=True)
class Case:
    text: str  # blocks already joined with BLOCK_SEPARATOR
    keyphrase: str
    synonyms: tuple[str, ...]
    expected: int


def prepare_text(raw: str) -> str:
    """Blocks split on blank lines, single line breaks made spaces, joined for one pass."""
    text = raw.replace("\\n", "\n")
    blocks = [" ".join(b.split("\n")).strip() for b in re.split(r"\n\s*\n", text)]
    return BLOCK_SEPARATOR.join(b for b in blocks if b)


def load_cases(path: Path) -> list[Case]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        cases = []
        for row in reader:
            keyphrase, *synonyms = row["keyphrase"].split("|")
            cases.append(
                Case(prepare_text(row["text"]), keyphrase, tuple(synonyms), int(row["expected"]))
            )
    return cases


def matcher_counts(cases: list[Case]) -> list[int]:
    """Occurrences found by KeyphraseMatcher, sentence by sentence, one nlp.pipe pass."""
    nlp = get_nlp()
    counts = []
    for case, doc in zip(cases, nlp.pipe(c.text for c in cases), strict=True):
        matcher = KeyphraseMatcher(nlp, case.keyphrase, case.synonyms)
        counts.append(sum(len(matcher.find(sent)) for sent in doc.sents))
    return counts


def naive_counts(cases: list[Case]) -> list[int]:
    return [
        sum(case.text.lower().count(k.lower()) for k in (case.keyphrase, *case.synonyms))
        for case in cases
    ]


def _score(cases: list[Case], counts: list[int]) -> float:
    return sum(c.expected == n for c, n in zip(cases, counts, strict=True)) / len(cases)


def evaluate() -> list[dict]:
    """One row per dataset for the matcher and one for the naive baseline."""
    rows: list[dict] = []
    for name in DATASETS:
        path = DATA / name
        if not path.exists():
            continue
        cases = load_cases(path)
        dataset = f"{name} ({len(cases)} cases)"
        for component, counts in (
            (COMPONENT, matcher_counts(cases)),
            (BASELINE, naive_counts(cases)),
        ):
            rows.append(
                {
                    "component": component,
                    "dataset": dataset,
                    "metric": "exact count",
                    "score": round(_score(cases, counts), 4),
                    "textstat": None,
                }
            )
    return rows


def _print_errors() -> None:
    for name in DATASETS:
        path = DATA / name
        if not path.exists():
            continue
        cases = load_cases(path)
        for case, n in zip(cases, matcher_counts(cases), strict=True):
            if n != case.expected:
                kw = "|".join((case.keyphrase, *case.synonyms))
                print(f"{name}: expected {case.expected}, got {n}: [{kw}] {case.text!r}")


if __name__ == "__main__":
    for row in evaluate():
        print(f"{row['component']:<40} {row['dataset']:<34} {row['metric']}: {row['score']:.1%}")
    if "--errors" in sys.argv[1:]:
        _print_errors()
