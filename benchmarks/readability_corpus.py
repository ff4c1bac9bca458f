"""How well seo-audit's readability measures order French texts that people graded.

    python benchmarks/readability_corpus.py            # the committed sample
    python benchmarks/readability_corpus.py --build DIR  # rebuild the sample from a checkout

Corpus: 44 subjects, each with its article in Vikidia (the French encyclopedia written for
readers aged 8 to 13) and in Wikipedia (written for adults): the "corpus comparable" of
github.com/m2litl2019/Projet-conception-Vikidia. The grade is the audience the editors wrote
for: Vikidia = easier, Wikipedia = harder. benchmarks/data/vikiwiki/README.md gives the
source, the licence (CC BY-SA) and how the sample was built.

Each text is measured through the public API (`seo_audit.audit`, plain text), so the numbers
are the ones a user reads in a report. For each measure the script prints:

* paired ordering: on how many of the 44 subjects the measure calls the Vikidia article
  easier than the Wikipedia one (50 % = chance);
* all-pairs ordering: the same over every (Vikidia, Wikipedia) pair of texts, subjects mixed
  (the area under the ROC curve; ties count one half);
* Spearman's rho between the measure and the grade (0 = Vikidia, 1 = Wikipedia), signed so
  that a positive rho means "the measure says harder where people wrote for adults".

MEASURES is the one list of what is compared: a new metric of the report is one line there.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "benchmarks" / "data" / "vikiwiki" / "vikiwiki.tsv"
CORPUS_DIR = Path("indices_lexicaux") / "corpusComparableWikiVikiTAL"
SENTENCES_PER_TEXT = 25
MIN_SENTENCES = 10

# (label, metric key in the report, sign): sign +1 when a higher value means a harder text.
MEASURES: list[tuple[str, str, int]] = [
    ("reading ease (Kandel–Moles)", "reading_ease", -1),
    ("LIX", "lix", +1),
    ("long-word share (> 6 letters)", "long_word_ratio", +1),
    ("average sentence words", "avg_sentence_words", +1),
    ("syllables per word", "syllables_per_word", +1),
    ("word complexity (long and rare words)", "word_complexity", +1),
]

_FOOTNOTE = re.compile(r"^\[\d+\]$")
_GLUED = re.compile(r"[a-zà-ÿ]{3}[A-ZÀ-Ý][a-zà-ÿ]")

# Tokens of the Talismane output that attach to the previous or next token.
_NO_SPACE_BEFORE = frozenset(",.;:!?)]…%»")
_NO_SPACE_AFTER = frozenset("([«")


def detokenise(tokens: list[str]) -> str:
    """Rebuild running text from one tokenised sentence."""
    out = ""
    for token in tokens:
        token = token.replace("_", " ")  # multi-word tokens: "8_000", "parce_que"
        glue = (
            not out
            or token in _NO_SPACE_BEFORE
            or out[-1] in _NO_SPACE_AFTER
            or out.endswith(("'", "’", "-"))
            or token.startswith("-")
        )
        out += token if glue else " " + token
    return out


def _drop_footnotes(tokens: list[str]) -> list[str]:
    """Remove footnote calls, one token ("[3]") or three ("[", "3", "]"), and the comma
    left between two of them ("Sud [6], [7].")."""
    kept: list[str] = []
    i = 0
    while i < len(tokens):
        if _FOOTNOTE.match(tokens[i]):
            i += 1
        elif (
            tokens[i] == "["
            and i + 2 < len(tokens)
            and tokens[i + 1].isdigit()
            and tokens[i + 2] == "]"
        ):
            i += 3
        else:
            kept.append(tokens[i])
            i += 1
    following = [*kept[1:], ""][: len(kept)]
    return [
        token
        for token, nxt in zip(kept, following, strict=True)
        if token != "," or nxt not in _NO_SPACE_BEFORE
    ]


def read_talismane(path: Path) -> list[str]:
    """Whole sentences of one file: complete (final . ! ?) and of at least six tokens.

    The scraped articles lost the words of their links, which cut many sentences short; a
    cut sentence has no final punctuation and is left out, like headings and list items.
    Footnote calls ("[3]") are dropped, and so is a sentence holding two words glued by the
    scrape ("AustralieCommonwealth": an infobox run into the text).
    """
    sentences, tokens = [], []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        columns = line.split("\t")
        if len(columns) > 1:
            tokens.append(columns[1])
            continue
        tokens = _drop_footnotes(tokens)
        if (
            len(tokens) >= 6
            and tokens[-1] in (".", "!", "?")
            and tokens[0][:1].isupper()
            and not any(_GLUED.search(t) for t in tokens)
        ):
            sentences.append(detokenise(tokens))
        tokens = []
    return sentences


def build(checkout: Path) -> None:
    """Write the sample: the first SENTENCES_PER_TEXT whole sentences of each article.

    A subject is kept only when both its articles have at least MIN_SENTENCES whole
    sentences (two Vikidia files of the source are empty or nearly so)."""
    texts: dict[str, dict[str, list[str]]] = {}
    for source in ("vikidia", "wikipedia"):
        for path in sorted((checkout / CORPUS_DIR / source).glob("*.txt")):
            subject = path.stem.removesuffix(f"_{source}")
            sentences = read_talismane(path)[:SENTENCES_PER_TEXT]
            texts.setdefault(subject, {})[source] = sentences
    kept = []
    for subject, pair in sorted(texts.items()):
        if min(len(pair.get("vikidia", [])), len(pair.get("wikipedia", []))) < MIN_SENTENCES:
            print(f"left out {subject}: no pair with {MIN_SENTENCES} whole sentences each")
        else:
            kept.append(subject)
    rows = [
        (subject, source, grade, " ".join(texts[subject][source]))
        for source, grade in (("vikidia", 0), ("wikipedia", 1))
        for subject in kept
    ]
    SAMPLE.parent.mkdir(parents=True, exist_ok=True)
    lines = ["subject\tsource\tgrade\ttext"]
    lines += [f"{s}\t{src}\t{g}\t{text.replace(chr(9), ' ')}" for s, src, g, text in rows]
    SAMPLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} texts to {SAMPLE.relative_to(ROOT)}")


def load_sample(path: Path = SAMPLE) -> list[dict[str, str]]:
    """Rows of the sample: subject, source, grade, text (tab-separated, no quoting)."""
    header, *lines = path.read_text(encoding="utf-8").splitlines()
    keys = header.split("\t")
    return [dict(zip(keys, line.split("\t"), strict=True)) for line in lines if line]


def measure(texts: list[str]) -> list[dict]:
    """The report's metrics of each text, audited as plain text."""
    from seo_audit import audit

    # One sentence per line would make each a paragraph; five per paragraph reads naturally.
    reports = []
    for text in texts:
        sentences = re.split(r"(?<=[.!?]) (?=[A-ZÀ-Ý])", text)
        paragraphs = [" ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)]
        reports.append(audit("\n\n".join(paragraphs), input_format="text").metrics)
    return reports


def _ranks(values: list[float]) -> list[float]:
    """Ranks from 1, ties sharing their mean rank."""
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def spearman(xs: list[float], ys: list[float]) -> float:
    """Spearman's rho: Pearson's correlation of the ranks."""
    rx, ry = _ranks(xs), _ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    return cov / (vx * vy) ** 0.5 if vx and vy else 0.0


def _ordered(easy: float, hard: float) -> float:
    """1 when the pair is in the right order, 0.5 for a tie, 0 otherwise."""
    return 1.0 if easy < hard else 0.5 if easy == hard else 0.0


def evaluate(rows: list[dict[str, str]] | None = None) -> list[dict]:
    """One result per measure: paired and all-pairs ordering accuracy, Spearman's rho."""
    rows = load_sample() if rows is None else rows
    metrics = measure([row["text"] for row in rows])
    grades = [float(row["grade"]) for row in rows]
    by_subject: dict[str, dict[int, int]] = {}
    for index, row in enumerate(rows):
        by_subject.setdefault(row["subject"], {})[int(row["grade"])] = index
    pairs = [(s[0], s[1]) for s in by_subject.values() if 0 in s and 1 in s]
    easy = [i for i, g in enumerate(grades) if g == 0]
    hard = [i for i, g in enumerate(grades) if g == 1]
    results = []
    for label, key, sign in MEASURES:
        # Signed so that a higher value means a harder text.
        values = [sign * float(m[key]) for m in metrics]
        paired = sum(_ordered(values[e], values[h]) for e, h in pairs) / len(pairs)
        all_pairs = sum(_ordered(values[e], values[h]) for e in easy for h in hard)
        results.append(
            {
                "measure": label,
                "key": key,
                "paired": paired,
                "all_pairs": all_pairs / (len(easy) * len(hard)),
                "spearman": spearman(values, grades),
                "subjects": len(pairs),
                "texts": len(rows),
                "mean_easy": sum(sign * values[i] for i in easy) / len(easy),
                "mean_hard": sum(sign * values[i] for i in hard) / len(hard),
            }
        )
    return results


def table(results: list[dict]) -> str:
    header = (
        "| measure | Vikidia mean | Wikipedia mean | paired ordering | all-pairs ordering "
        "| Spearman's rho |"
    )
    lines = [header, "|---|---|---|---|---|---|"]
    for r in results:
        lines.append(
            f"| {r['measure']} | {r['mean_easy']:.3g} | {r['mean_hard']:.3g} "
            f"| {100 * r['paired']:.1f} % | {100 * r['all_pairs']:.1f} % | {r['spearman']:+.2f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", type=Path, metavar="DIR", help="checkout of the source repo")
    args = parser.parse_args(argv)
    if args.build is not None:
        if not (args.build / CORPUS_DIR).is_dir():
            print(f"{args.build}: no {CORPUS_DIR} folder in it", file=sys.stderr)
            return 2
        build(args.build)
    results = evaluate()
    print(
        f"{results[0]['subjects']} subjects, {results[0]['texts']} texts "
        "(Vikidia = written for children, Wikipedia = for adults)"
    )
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
