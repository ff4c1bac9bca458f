"""Accuracy of French passive voice detection on labelled sentences.

Compares seo_audit.french.passive with two baselines on the tuning set
(benchmarks/data/passive.tsv) and the held-out set (benchmarks/data/passive_holdout.tsv,
never tuned on): the naive rule "any aux:pass in the sentence", and our own rules without
the state rule (the previous version, which counted "la porte est fermée" as passive).
textstat has no passive detector, hence textstat=None.

Run from the repository root: python benchmarks/acc_passive.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from unittest import mock  # noqa: E402

from spacy.tokens import Doc  # noqa: E402

from seo_audit.french import passive  # noqa: E402
from seo_audit.french.passive import is_passive_span  # noqa: E402
from seo_audit.nlp import get_nlp  # noqa: E402

DATA_DIR = ROOT / "benchmarks" / "data"
DATASETS = {
    "passive.tsv": DATA_DIR / "passive.tsv",
    "passive_holdout.tsv": DATA_DIR / "passive_holdout.tsv",
}


def load_labelled(path: Path) -> list[tuple[bool, str]]:
    """Read label<TAB>sentence lines; blank lines and lines starting with "#" are skipped."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, sentence = line.split("\t", 1)
        rows.append((label.strip() == "1", sentence.strip()))
    return rows


def naive_is_passive(doc: Doc) -> bool:
    """The baseline: any token the parser attached as aux:pass."""
    return any(token.dep_ == "aux:pass" for token in doc)


def without_state_rule(doc: Doc) -> bool:
    """The baseline: our rules with the state rule switched off (every stative reading of
    être + participle counts as passive, as before issue 15)."""
    with mock.patch.object(passive, "_reads_as_state", return_value=False):
        return is_passive_span(doc[:])


def _predict(path: Path) -> list[tuple[bool, str, bool, bool, bool]]:
    """(gold, sentence, ours, naive baseline, without-state-rule baseline) per sentence."""
    rows = load_labelled(path)
    docs = get_nlp().pipe([sentence for _, sentence in rows])
    return [
        (gold, sentence, is_passive_span(doc[:]), naive_is_passive(doc), without_state_rule(doc))
        for (gold, sentence), doc in zip(rows, docs, strict=True)
    ]


def _row(dataset: str, method: str, score: float, n: int) -> dict:
    component = "passive voice" if method == "seo-audit" else f"passive voice ({method})"
    return {
        "component": component,
        "dataset": f"{dataset} ({n} sentences)",
        "method": method,
        "metric": "accuracy",
        "score": round(score, 4),
        "n": n,
        "textstat": None,
    }


def evaluate() -> list[dict]:
    """One accuracy row per dataset for seo-audit, and one for the naive aux:pass baseline."""
    results = []
    for name, path in DATASETS.items():
        if not path.exists():
            continue
        predictions = _predict(path)
        n = len(predictions)
        ours = sum(r[0] == r[2] for r in predictions) / n
        naive = sum(r[0] == r[3] for r in predictions) / n
        no_state = sum(r[0] == r[4] for r in predictions) / n
        results.append(_row(name, "seo-audit", ours, n))
        results.append(_row(name, "baseline: any aux:pass", naive, n))
        results.append(_row(name, "baseline: without state rule", no_state, n))
    return results


def main() -> None:
    for row in evaluate():
        name, method, score, n = row["dataset"], row["method"], row["score"], row["n"]
        print(f"{name:<36} {method:<30} accuracy={score:.3f} (n={n})")
    for name, path in DATASETS.items():
        if not path.exists():
            continue
        for gold, sentence, pred, *_ in _predict(path):
            if gold != pred:
                print(f"  error in {name}: gold={int(gold)} predicted={int(pred)}  {sentence}")


if __name__ == "__main__":
    main()
