"""benchmarks/readability_corpus.py: how the readability measures order graded texts."""

from __future__ import annotations

import pytest
from benchmark_loader import load_benchmark

corpus = load_benchmark("readability_corpus")


def test_detokenise_rebuilds_french_text():
    tokens = ["L'", "Australie", "(", "forme", "courante", ")", ",", "compte", "8_000", "km", "."]
    assert corpus.detokenise(tokens) == "L'Australie (forme courante), compte 8 000 km."


def test_footnote_calls_are_dropped():
    tokens = ["du", "Sud", "[", "6", "]", ",", "[7]", ".", "Fin"]
    assert corpus._drop_footnotes(tokens) == ["du", "Sud", ".", "Fin"]


def test_only_whole_sentences_are_read(tmp_path):
    def sentence(words: list[str]) -> str:
        return "\n".join(f"{i}\t{w}\t_\tX\tX\t" for i, w in enumerate(words, 1)) + "\n\n"

    path = tmp_path / "Chat_vikidia.txt"
    path.write_text(
        sentence(["Le", "chat", "est", "un", "petit", "félin", "."])
        + sentence(["Il", "est", "l'", "un", "des", "animaux", "de"])  # cut by the scrape
        + sentence(["Sous-espèceLe", "chat", "domestique", "est", "un", "mammifère", "."]),
        encoding="utf-8",
    )
    assert corpus.read_talismane(path) == ["Le chat est un petit félin."]


def test_spearman_and_ties():
    assert corpus.spearman([1, 2, 3, 4], [10, 20, 30, 40]) == pytest.approx(1.0)
    assert corpus.spearman([4, 3, 2, 1], [10, 20, 30, 40]) == pytest.approx(-1.0)
    assert corpus._ranks([5.0, 1.0, 5.0]) == [2.5, 1.0, 2.5]


def test_evaluate_orders_an_easy_and_a_hard_text(nlp):
    easy = "Le chat dort. Il aime le lait. Il joue avec une balle. Le soir, il mange."
    hard = (
        "La domestication du chat, consécutive à l'engrangement des réserves céréalières "
        "néolithiques, constitue vraisemblablement un phénomène commensal progressif. "
        "Les représentations iconographiques égyptiennes témoignent incontestablement "
        "d'une vénération institutionnalisée."
    )
    rows = [
        {"subject": "Chat", "source": "vikidia", "grade": "0", "text": easy},
        {"subject": "Chat", "source": "wikipedia", "grade": "1", "text": hard},
    ]
    results = {r["key"]: r for r in corpus.evaluate(rows)}
    assert set(results) == {key for _, key, _ in corpus.MEASURES}
    assert results["reading_ease"]["paired"] == 1.0
    assert results["reading_ease"]["mean_easy"] > results["reading_ease"]["mean_hard"]
    assert results["lix"]["spearman"] == pytest.approx(1.0)


def test_committed_sample_is_paired():
    rows = corpus.load_sample()
    subjects = {}
    for row in rows:
        subjects.setdefault(row["subject"], set()).add(row["grade"])
    assert len(subjects) >= 40
    assert all(grades == {"0", "1"} for grades in subjects.values())


def test_readme_quotes_the_current_figures(nlp):
    """The README's table is the script's output on the committed sample."""
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    table = corpus.table(corpus.evaluate())
    assert table in readme, "re-run python benchmarks/readability_corpus.py and paste its table"
