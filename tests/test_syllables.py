"""Tests for the French syllable counter (spoken convention)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from seo_audit.french.syllables import count_syllables, number_words, token_syllables

DATA = Path(__file__).resolve().parents[1] / "benchmarks" / "data"


def _read(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_accuracy_on_lexique_top_5000() -> None:
    rows = _read("fr_syllables.tsv")
    assert len(rows) == 5000
    hits = 0
    for row in rows:
        # Emulates the morphology: a spelling that is only a verb form has a mute -ent.
        verb_only = set(row["cgram"].split(",")) <= {"VER", "AUX"}
        hits += count_syllables(row["word"], silent_ent=verb_only) == int(row["nbsyll_phon"])
    assert hits / len(rows) >= 0.98


def test_accuracy_without_morphology_stays_high() -> None:
    rows = _read("fr_syllables.tsv")
    hits = sum(count_syllables(r["word"]) == int(r["nbsyll_phon"]) for r in rows)
    assert hits / len(rows) >= 0.97


def test_accuracy_on_held_out_words() -> None:
    rows = _read("syllables_holdout.tsv")
    assert len(rows) >= 60
    hits = sum(count_syllables(r["word"]) == int(r["count"]) for r in rows)
    assert hits / len(rows) >= 0.95


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        # final mute e / es, and one-vowel words that keep it
        ("table", 1),
        ("tables", 1),
        ("écoles", 2),
        ("le", 1),
        ("les", 1),
        ("que", 1),
        ("année", 2),
        # hiatus after a consonant + r/l cluster, glides elsewhere
        ("pays", 2),
        ("paysanne", 3),
        ("crier", 2),
        ("client", 2),
        ("oublier", 3),
        ("cruel", 2),
        ("pied", 1),
        ("hier", 1),
        ("nation", 2),
        ("nuit", 1),
        ("bruit", 1),
        ("oui", 1),
        ("joueur", 1),  # glide, as Lexique's jouer = Zwe
        # inner e: dropped after one consonant, kept after two or in the first syllable
        ("samedi", 2),
        ("lentement", 2),
        ("justement", 3),
        ("petit", 2),
        ("gouvernement", 4),
        ("atelier", 3),
        ("évidemment", 4),
        ("intéresser", 4),
        # qu / gu, y, ill, h
        ("quatorze", 2),
        ("guitare", 2),
        ("aiguë", 2),
        ("payer", 2),
        ("voyageur", 3),
        ("essuyer", 3),
        ("travailler", 3),
        ("feuille", 1),
        ("fille", 1),
        ("juillet", 2),
        ("accueillir", 3),
        ("trahir", 2),
        ("souhait", 1),
        # diaeresis, soft g, loans
        ("naïf", 2),
        ("Noël", 2),
        ("mangeait", 2),
        ("football", 2),
        ("coopérative", 5),
        # -ent is heard by default
        ("vent", 1),
        ("souvent", 2),
        ("président", 3),
        ("vient", 1),
        # être / faire futures
        ("serait", 1),
        ("feront", 1),
    ],
)
def test_tricky_words(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [("chantent", 1), ("étudient", 3), ("jouent", 1), ("prennent", 1), ("sent", 1)],
)
def test_silent_ent_for_plural_verbs(word: str, expected: int) -> None:
    assert count_syllables(word, silent_ent=True) == expected


def test_aient_is_always_silent() -> None:
    assert count_syllables("parlaient") == 2
    assert count_syllables("soient") == 1


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("SEO", 3),
        ("RPDC", 4),
        ("SNCF", 4),
        ("WWF", 7),
        ("CO2", 3),
        ("PDG", 3),
        # read as words: vowels and consonants alternate
        ("ONU", 2),
        ("OTAN", 2),
        ("SAMU", 2),
        ("UNICEF", 3),
    ],
)
def test_acronyms(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


@pytest.mark.parametrize("apostrophe", ["'", "\u2019", "\u02bc"])
def test_apostrophes(apostrophe: str) -> None:
    assert count_syllables(f"l{apostrophe}avion") == 2
    assert count_syllables(f"d{apostrophe}") == 0
    assert count_syllables(f"jusqu{apostrophe}ici") == 3
    assert count_syllables(f"aujourd{apostrophe}hui") == 3


@pytest.mark.parametrize(
    ("word", "expected"),
    [("peut-être", 2), ("a-t-il", 2), ("c'est-à-dire", 3), ("arc-en-ciel", 3), ("week-end", 2)],
)
def test_hyphens(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("0", 2),  # zéro
        ("17", 2),  # dix-sept
        ("21", 3),  # vingt et un
        ("71", 4),  # soixante et onze
        ("80", 3),  # quatre-vingts: the e of quatre is heard before a consonant
        ("94", 5),  # quatre-vingt-quatorze
        ("400", 3),  # quatre cents
        ("1000", 1),  # mille
        ("1890", 7),  # mille huit cent quatre-vingt-dix
        ("2024", 4),  # deux mille vingt-quatre
        ("1000000", 3),  # un million
        ("3,5", 4),  # trois virgule cinq
        ("06", 3),  # zéro six
        ("000", 1),  # the thousands of "10 000"
        ("050", 3),  # the thousands of "2 050": mille cinquante
        ("1er", 2),  # premier
        ("2nde", 2),  # seconde
        ("21e", 4),  # vingt et unième
        ("XIXe", 3),  # dix-neuvième
        ("Ve", 2),  # cinquième
        ("Ier", 2),  # premier
        ("Le", 1),  # a word, not a Roman L
        ("Ce", 1),
        ("Inde", 1),
    ],
)
def test_numbers_are_counted_as_read_aloud(number: str, expected: int) -> None:
    assert count_syllables(number) == expected


def test_number_words() -> None:
    assert number_words(1890) == ["mille", "huit", "cent", "quatre", "vingt", "dix"]
    assert number_words(200_071) == ["deux", "cent", "mille", "soixante", "et", "onze"]
    assert number_words(0) == ["zéro"]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("leader", 2), ("meeting", 2), ("coach", 1), ("streaming", 2), ("business", 2)],
)
def test_english_loanwords(word: str, expected: int) -> None:
    assert count_syllables(word) == expected


def test_rare_words_labelled_set(nlp) -> None:
    """The issue-15 bar: >= 97 % exact on the rare-word tuning set, counted as the analysis
    counts a sentence (so 3rd person plural -ent verbs are decided by the parse)."""
    from benchmark_loader import load_benchmark

    acc = load_benchmark("acc_syllables")
    row = acc._rare_row(acc.RARE_TSV, None)
    assert row["score"] >= 0.97, row


def test_lone_letter_and_empty() -> None:
    assert count_syllables("s") == 1  # "la lettre s"
    assert count_syllables("") == 0
    assert count_syllables("…") == 0


def test_token_syllables_reads_the_morphology(nlp) -> None:
    doc = nlp("Ils chantent souvent dans le vent.")
    counts = {t.text: token_syllables(t) for t in doc}
    assert counts["chantent"] == 1
    assert counts["souvent"] == 2
    assert counts["vent"] == 1
    assert counts["Ils"] == 1
    assert counts["."] == 0


def test_token_syllables_singular_verb_keeps_ent(nlp) -> None:
    doc = nlp("Le froid vient du nord et elles sentent la neige.")
    counts = {t.text: token_syllables(t) for t in doc}
    assert counts["vient"] == 1
    assert counts["sentent"] == 1
    assert counts["neige"] == 1
