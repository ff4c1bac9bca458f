"""Keyphrase matching in French prose, with the real fr_core_news_md pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmark_loader import load_benchmark

from seo_audit.french.keyword import (
    KeyphraseMatcher,
    keyphrase_content_words,
    keyword_occurrences,
)

ROOT = Path(__file__).resolve().parents[1]


def _benchmark():
    return load_benchmark("acc_keyword")


def _hits(nlp, text: str, keyphrase: str, synonyms=(), **options) -> list[str]:
    matcher = KeyphraseMatcher(nlp, keyphrase, synonyms, **options)
    doc = nlp(text)
    return [doc[start:end].text for sent in doc.sents for start, end in matcher.find(sent)]


def test_labelled_set_accuracy(nlp):
    bench = _benchmark()
    cases = bench.load_cases(bench.DATA / "keywords.tsv")
    assert len(cases) >= 60
    found = bench.matcher_counts(cases)
    right = sum(c.expected == n for c, n in zip(cases, found, strict=True))
    naive = sum(c.expected == n for c, n in zip(cases, bench.naive_counts(cases), strict=True))
    assert right / len(cases) >= 0.95
    assert right > naive


def test_holdout_accuracy(nlp):
    bench = _benchmark()
    cases = bench.load_cases(bench.DATA / "keywords_holdout.tsv")
    assert len(cases) >= 25
    found = bench.matcher_counts(cases)
    assert sum(c.expected == n for c, n in zip(cases, found, strict=True)) / len(cases) >= 0.85


def test_evaluate_rows():
    rows = _benchmark().evaluate()
    assert {r["component"] for r in rows} == {
        "keyword matching",
        "naive case-insensitive substring count",
    }
    assert all(r["metric"] == "exact count" and r["textstat"] is None for r in rows)
    assert all(0.0 <= r["score"] <= 1.0 for r in rows)


@pytest.mark.parametrize(
    ("text", "keyphrase", "expected"),
    [
        # plural and feminine
        ("Les frais bancaires ont encore augmenté cette année.", "frais bancaire", 1),
        ("Deux centrales nucléaires fermeront avant 2030.", "centrale nucléaire", 1),
        ("Une avocate pénaliste défendra le maire de Brest.", "avocat pénaliste", 1),
        ("Les jeunes conductrices paient une assurance plus chère.", "jeune conducteur", 1),
        # never inside another word
        ("Les armées alliées ont défilé sur les Champs-Élysées.", "arme", 0),
        ("Souvent, il reste à la maison le dimanche.", "vent", 0),
        ("Kimberley a couru le marathon de Berlin en trois heures.", "Kim", 0),
        ("La vente de logements neufs s'effondre.", "vent", 0),
        # elision
        ("Les agriculteurs d’Ukraine sèment malgré les bombardements.", "Ukraine", 1),
        ("L’Ukraine exporte à nouveau son blé.", "l'Ukraine", 1),
        ("Les tarifs de l'électricité baisseront en février.", "tarifs de l’électricité", 1),
        # case, accents, ligatures, no-break spaces
        ("LA RÉFORME DES RETRAITES DIVISE LES SYNDICATS.", "réforme des retraites", 1),
        ("Les hôpitaux publics manquent d'infirmiers.", "hopital public", 1),
        ("Un œuf dur suffit au petit déjeuner.", "oeuf dur", 1),
        ("La dette\u00a0publique dépasse les prévisions.", "dette publique", 1),
        # hyphen and space
        ("Le Royaume-Uni négocie avec Bruxelles.", "Royaume Uni", 1),
        ("Le Royaume Uni négocie avec Bruxelles.", "Royaume-Uni", 1),
        ("Il consulte ses e-mails chaque matin.", "email", 1),
        ("Marie-Claire a ouvert une boulangerie.", "Marie", 0),
        # contiguity and order
        ("La dette de l'État, publique par définition, inquiète.", "dette publique", 0),
        ("Le public s'inquiète de la dette.", "dette publique", 0),
        ("Le chômage baisse ; le taux reste élevé.", "taux de chômage", 0),
        # proper nouns keep their spelling
        ("Le Monde et Libération ont publié la même enquête.", "Le Monde", 1),
        ("Les mondes sous-marins fascinent les plongeurs.", "Le Monde", 0),
    ],
)
def test_clear_cases(nlp, text, keyphrase, expected):
    assert len(_hits(nlp, text, keyphrase)) == expected


def test_synonyms_count_and_do_not_overlap(nlp):
    text = "Le vélo électrique gagne du terrain, et le VAE séduit les retraités."
    assert _hits(nlp, text, "vélo électrique", ["VAE", "vélo"]) == ["vélo électrique", "VAE"]


def test_find_returns_doc_token_indices_inside_the_span(nlp):
    doc = nlp("Il pleut. Les énergies renouvelables progressent vite.")
    second = list(doc.sents)[1]
    found = KeyphraseMatcher(nlp, "énergie renouvelable").find(second)
    assert found == [(second.start + 1, second.start + 3)]
    assert doc[found[0][0] : found[0][1]].text == "énergies renouvelables"


def test_accent_sensitive_option(nlp):
    text = "L'Etat paiera, promet l'État."
    assert len(_hits(nlp, text, "État")) == 2
    assert _hits(nlp, text, "État", accent_sensitive=True) == ["État"]


def test_words_that_differ_only_by_accents_stay_apart(nlp):
    assert _hits(nlp, "Le pêcheur a commis un péché.", "pêche") == []
    assert _hits(nlp, "Elle habite à côté du port.", "côte") == []


def test_keyword_occurrences_counts_per_block():
    text = (
        "Énergie solaire\n\nL’énergie\nsolaire avance.\nUne énergie solaire.\n\nÉnergie\n\nsolaire"
    )
    assert keyword_occurrences(text, "énergie solaire") == 3


@pytest.mark.parametrize(
    ("keyphrase", "words"),
    [
        ("prix de l’énergie", ["prix", "énergie"]),
        ("Kim Jong-un", ["Kim", "Jong-un"]),
        ("l'Ukraine", ["Ukraine"]),
        ("le meilleur vélo pour la ville", ["meilleur", "vélo", "ville"]),
        ("le prix de l'or", ["prix", "or"]),
    ],
)
def test_keyphrase_content_words(nlp, keyphrase, words):
    assert keyphrase_content_words(nlp, keyphrase) == words


def test_quick_rejection_never_changes_a_count(nlp):
    """`_may_hold` only skips work: with it turned off, every labelled case counts the same."""
    import csv

    data = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "keywords.tsv"
    with data.open(encoding="utf-8") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")][1:]
    for text, phrase, _expected in rows:
        keyphrase, *synonyms = phrase.split("|")
        fast = KeyphraseMatcher(nlp, keyphrase, synonyms)
        slow = KeyphraseMatcher(nlp, keyphrase, synonyms)
        slow._may_hold = lambda span: True  # type: ignore[method-assign]
        doc = nlp(text)
        assert [fast.find(s) for s in doc.sents] == [slow.find(s) for s in doc.sents], text
