"""Accuracy of fact matching between a source article and its rewrite.

Data:
- benchmarks/data/facts.tsv (the set the matcher was tuned on) and
  benchmarks/data/facts_holdout.tsv (written after tuning stopped, never tuned on): rows
  fact<TAB>draft sentence<TAB>expected (1: the sentence states the fact, 0: it does not).
  A fact is a number, quantity or date as the source writes it ("1 200 euros", "mardi
  12 mars"), found by the same extraction as in an audit; a name carries its kind, as the
  named-entity tagger gives it in an audit: "person:Vladimir Poutine", "place:la Russie",
  "organisation:SNCF". A case is right when found == expected. Both sets end with names
  as the news writes them (short forms, transliterations, compounds, and distinct names
  that must not match); the held-out ones were written before the matcher was run on them.
- samples/rewrites/facts-labels.tsv: hand labels of the sample rewrites, end to end
  (extraction from the whole source and draft, then matching): each labelled source fact
  must be extracted on its line with the right kept/dropped verdict, each labelled invented
  fact reported on its line; every other reported invention counts as one more error.

The baseline looks for the fact's text as a case-insensitive substring of the sentence.

Run from the repository root: python benchmarks/acc_facts.py [--errors]
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from seo_audit.french.facts import (  # noqa: E402
    ENTITY_KINDS,
    Fact,
    FactSide,
    entity_fact,
    extract_facts,
    find_fact,
    fold,
)
from seo_audit.nlp import get_nlp  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
DATASETS = ("facts.tsv", "facts_holdout.tsv")
SAMPLES = ROOT / "samples" / "rewrites"
COMPONENT = "fact matching"
BASELINE = "naive case-insensitive substring"
NAME_KINDS = set(ENTITY_KINDS.values())


@dataclass(frozen=True)
class Case:
    fact: str  # as written in the source, with "kind:" before a name
    draft: str
    expected: bool

    @property
    def kind_and_text(self) -> tuple[str | None, str]:
        kind, sep, text = self.fact.partition(":")
        return (kind, text) if sep and kind in NAME_KINDS else (None, self.fact)


def load_cases(path: Path) -> list[Case]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [Case(r["fact"], r["draft"], r["expected"] == "1") for r in reader]


def source_fact(case: Case, nlp) -> Fact | None:  # noqa: ANN001
    """The fact a source phrase states: a name of the given kind, else the first number,
    quantity or date the extraction finds in it."""
    kind, text = case.kind_and_text
    if kind is not None:
        return entity_fact(text, kind)
    found = [f for f in extract_facts(nlp(text)) if f.kind not in NAME_KINDS]
    return found[0] if found else None


def matcher_verdicts(cases: list[Case]) -> list[bool]:
    nlp = get_nlp()
    verdicts = []
    for case, doc in zip(cases, nlp.pipe(c.draft for c in cases), strict=True):
        fact = source_fact(case, nlp)
        verdicts.append(fact is not None and find_fact(fact, FactSide(doc)) is not None)
    return verdicts


def naive_verdicts(cases: list[Case]) -> list[bool]:
    return [c.kind_and_text[1].lower() in c.draft.lower() for c in cases]


def _score(cases: list[Case], verdicts: list[bool]) -> float:
    return sum(c.expected == v for c, v in zip(cases, verdicts, strict=True)) / len(cases)


# --- The sample rewrites, end to end ----------------------------------------------------------


def _same_fact(label: str, found: str) -> bool:
    a, b = fold(label), fold(found)
    return a in b or b in a


def sample_errors() -> tuple[int, int, list[str]]:
    """(right, total, errors) over samples/rewrites/facts-labels.tsv, end to end."""
    from seo_audit.engine import AuditOptions, audit_one

    labels = SAMPLES / "facts-labels.tsv"
    with labels.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE))[1:]
    options = AuditOptions(source=str(SAMPLES / "source-crue.txt"))
    right, total, errors = 0, 0, []
    for rewrite in dict.fromkeys(r[0] for r in rows):
        c = audit_one(str(SAMPLES / rewrite), options).draft.source
        claimed = set()
        for row in (r for r in rows if r[0] == rewrite):
            fact, line, verdict = row[1], int(row[2]), row[3]
            total += 1
            if verdict == "invented":
                hit = [
                    i
                    for i, x in enumerate(c.invented)
                    if x.line == line and _same_fact(fact, x.text)
                ]
                claimed.update(hit)
                ok, said = bool(hit), "not reported as invented"
            else:
                mine = [x for x in c.facts if x.line == line and _same_fact(fact, x.text)]
                ok = bool(mine) and mine[0].kept == (verdict == "1")
                said = "not extracted" if not mine else f"kept={mine[0].kept}"
            right += ok
            if not ok:
                errors.append(f"{rewrite} line {line}: {fact!r} labelled {verdict}, {said}")
        for i, x in enumerate(c.invented):
            if i not in claimed:
                total += 1
                errors.append(f"{rewrite} line {x.line}: {x.text!r} reported invented, is not")
    return right, total, errors


def evaluate() -> list[dict]:
    """One row per labelled set for the matcher (and the baseline on the pair sets), plus
    one for the sample rewrites end to end."""
    rows: list[dict] = []
    for name in DATASETS:
        path = DATA / name
        if not path.exists():
            continue
        cases = load_cases(path)
        for component, verdicts in (
            (COMPONENT, matcher_verdicts(cases)),
            (BASELINE, naive_verdicts(cases)),
        ):
            rows.append(
                {
                    "component": component,
                    "dataset": f"{name} ({len(cases)} pairs)",
                    "metric": "accuracy",
                    "score": round(_score(cases, verdicts), 4),
                    "textstat": None,
                }
            )
    if (SAMPLES / "facts-labels.tsv").exists():
        right, total, _ = sample_errors()
        rows.append(
            {
                "component": COMPONENT,
                "dataset": f"samples/rewrites/facts-labels.tsv ({total} labels, end to end)",
                "metric": "accuracy",
                "score": round(right / total, 4) if total else None,
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
        for case, found in zip(cases, matcher_verdicts(cases), strict=True):
            if found != case.expected:
                print(f"{name}: expected {int(case.expected)}: {case.fact!r} in {case.draft!r}")
    if (SAMPLES / "facts-labels.tsv").exists():
        for error in sample_errors()[2]:
            print(f"facts-labels.tsv: {error}")


if __name__ == "__main__":
    for row in evaluate():
        print(f"{row['component']:<34} {row['dataset']:<58} {row['metric']}: {row['score']:.1%}")
    if "--errors" in sys.argv[1:]:
        _print_errors()
