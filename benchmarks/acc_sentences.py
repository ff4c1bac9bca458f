"""Accuracy of French sentence boundaries: seo-audit's rules vs bare spaCy and textstat.

Data: benchmarks/data/sentences.txt (tuned on) and sentences_holdout.txt (written after
tuning, never tuned on). One sentence per line, paragraphs separated by blank lines,
"#" lines are comments. A paragraph's text is its sentences joined by one space.

Metrics:
* boundary F1: boundaries are the character offsets, inside a paragraph, where a sentence
  starts (the paragraph start itself is excluded);
* exact sentence count per paragraph: share of paragraphs with the right number of
  sentences. textstat has no boundaries, so only this second metric is given for it.

Run from the repo root: python benchmarks/acc_sentences.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DATA = ROOT / "benchmarks" / "data"
DATASETS = {"labelled": DATA / "sentences.txt", "holdout": DATA / "sentences_holdout.txt"}


def load_paragraphs(path: Path) -> list[list[str]]:
    """The paragraphs of a data file, each a list of gold sentences."""
    paragraphs: list[list[str]] = []
    current: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#"):
            continue
        if not line:
            if current:
                paragraphs.append(current)
            current = []
            continue
        current.append(line)
    if current:
        paragraphs.append(current)
    return paragraphs


def gold_boundaries(sentences: list[str]) -> set[int]:
    """Offsets of the sentence starts in " ".join(sentences), paragraph start excluded."""
    offsets, pos = set(), 0
    for k, sentence in enumerate(sentences):
        if k:
            offsets.add(pos)
        pos += len(sentence) + 1
    return offsets


def _starts(doc, begin: int, end: int) -> list[int]:
    """Char offsets (relative to `begin`) where non-blank sentences start in [begin, end)."""
    starts = []
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if words and begin <= words[0].idx < end:
            starts.append(words[0].idx - begin)
    return starts


def predict_ours(paragraphs: list[list[str]]) -> list[list[int]]:
    """Sentence starts found by get_nlp(), all paragraphs in ONE Doc as the tool does."""
    from seo_audit.nlp import BLOCK_SEPARATOR, get_nlp

    texts = [" ".join(p) for p in paragraphs]
    doc = get_nlp()(BLOCK_SEPARATOR.join(texts))
    result, begin = [], 0
    for text in texts:
        result.append(_starts(doc, begin, begin + len(text)))
        begin += len(text) + len(BLOCK_SEPARATOR)
    return result


def predict_bare(paragraphs: list[list[str]], nlp) -> list[list[int]]:
    """Sentence starts of bare fr_core_news_md, one Doc per paragraph (its best chance)."""
    texts = [" ".join(p) for p in paragraphs]
    return [_starts(doc, 0, len(text)) for doc, text in zip(nlp.pipe(texts), texts, strict=True)]


def boundary_f1(paragraphs: list[list[str]], predicted: list[list[int]]) -> float:
    tp = fp = fn = 0
    for sentences, starts in zip(paragraphs, predicted, strict=True):
        gold = gold_boundaries(sentences)
        found = {s for s in starts if s != 0}
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
    if tp == 0:
        return 0.0
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return 2 * precision * recall / (precision + recall)


def exact_count(paragraphs: list[list[str]], predicted: list[list[int]]) -> float:
    hits = sum(len(s) == len(p) for p, s in zip(paragraphs, predicted, strict=True))
    return hits / len(paragraphs)


def textstat_exact_count(paragraphs: list[list[str]]) -> float:
    import textstat

    textstat.set_lang("fr")
    hits = sum(textstat.sentence_count(" ".join(p)) == len(p) for p in paragraphs)
    return hits / len(paragraphs)


def errors(paragraphs: list[list[str]], predicted: list[list[int]]) -> list[str]:
    """Readable differences, for tuning: paragraph text with | at missed/extra starts."""
    out = []
    for sentences, starts in zip(paragraphs, predicted, strict=True):
        gold, found = gold_boundaries(sentences), {s for s in starts if s != 0}
        if gold != found:
            text = " ".join(sentences)
            missed = sorted(gold - found)
            extra = sorted(found - gold)
            marks = [f"MISSED@{o}: …{text[max(0, o - 25) : o]}|{text[o : o + 25]}…" for o in missed]
            marks += [f"EXTRA@{o}: …{text[max(0, o - 25) : o]}|{text[o : o + 25]}…" for o in extra]
            out.extend(marks)
    return out


def evaluate() -> list[dict]:
    """One row per (system, dataset, metric); "textstat" holds textstat's exact-count share."""
    import spacy

    from seo_audit.nlp import MODEL_NAME

    bare = spacy.load(MODEL_NAME)
    rows = []
    for path in DATASETS.values():
        if not path.exists():
            continue
        paragraphs = load_paragraphs(path)
        ours = predict_ours(paragraphs)
        base = predict_bare(paragraphs, bare)
        textstat_share = round(textstat_exact_count(paragraphs), 3)
        label = f"{path.name} ({len(paragraphs)} paragraphs)"
        for component, predicted in (
            ("sentence boundaries", ours),
            ("sentence boundaries (bare spaCy)", base),
        ):
            rows.append(
                {
                    "component": component,
                    "dataset": label,
                    "metric": "boundary F1",
                    "score": round(boundary_f1(paragraphs, predicted), 3),
                    "textstat": None,
                    "paragraphs": len(paragraphs),
                }
            )
            rows.append(
                {
                    "component": component,
                    "dataset": label,
                    "metric": "exact sentence count per paragraph",
                    "score": round(exact_count(paragraphs, predicted), 3),
                    "textstat": textstat_share,
                    "paragraphs": len(paragraphs),
                }
            )
    return rows


def main() -> None:
    for row in evaluate():
        textstat = "" if row["textstat"] is None else f"  textstat={row['textstat']:.3f}"
        print(
            f"{row['component']:<34} {row['dataset']:<9} {row['metric']:<36} "
            f"{row['score']:.3f}{textstat}  (n={row['paragraphs']})"
        )
    if "--errors" in sys.argv:
        for name, path in DATASETS.items():
            if path.exists():
                paragraphs = load_paragraphs(path)
                print(f"\n# errors on {name}")
                print("\n".join(errors(paragraphs, predict_ours(paragraphs))))


if __name__ == "__main__":
    main()
