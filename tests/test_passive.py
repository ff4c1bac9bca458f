"""Passive voice detection on real French text with the real fr_core_news_md model."""

from __future__ import annotations

from pathlib import Path

import pytest

from seo_audit.french.passive import is_passive_span, passive_verbs
from seo_audit.nlp import BLOCK_SEPARATOR

DATA = Path(__file__).resolve().parent.parent / "benchmarks" / "data" / "passive.tsv"


def _labelled() -> list[tuple[bool, str]]:
    rows = []
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            label, sentence = line.split("\t", 1)
            rows.append((label == "1", sentence))
    return rows


def test_labelled_set_is_large_and_hard_enough():
    rows = _labelled()
    assert len(rows) >= 130
    assert sum(not gold for gold, _ in rows) >= len(rows) // 2


def test_state_rule_needs_the_state_participle_and_a_present_tense(nlp):
    """The state rule is what separates these pairs; the same verbs otherwise."""
    pairs = [
        ("Le château est fermé au public.", False),
        ("Le château fut fermé au public en 1920.", True),
        ("Le château est visité au printemps.", True),
    ]
    for sentence, expected in pairs:
        assert is_passive_span(nlp(sentence)[:]) is expected, sentence


def test_accuracy_on_labelled_set(nlp):
    rows = _labelled()
    docs = nlp.pipe([sentence for _, sentence in rows])
    errors = [
        sentence
        for (gold, sentence), doc in zip(rows, docs, strict=True)
        if is_passive_span(doc[:]) != gold
    ]
    accuracy = 1 - len(errors) / len(rows)
    assert accuracy >= 0.95, f"accuracy {accuracy:.3f}; errors: {errors}"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # être + participle of a transitive verb, all tenses, infinitive, subordinate clause
        ("Le tunnel a été rouvert aux camions lundi matin.", ["rouvert"]),
        ("Les notes du baccalauréat seront envoyées par SMS.", ["envoyées"]),
        ("La comtesse fut enterrée dans le caveau familial.", ["enterrée"]),
        ("Ce formulaire doit être rempli en lettres capitales.", ["rempli"]),
        ("Le maire regrette que la fête ait été gâchée par la pluie.", ["gâchée"]),
        ("Le gardien a été expulsé puis suspendu deux matchs.", ["expulsé", "suspendu"]),
        # a state participle in an event tense, or with a "par" agent, is passive
        ("La médiathèque a été fermée pendant les travaux.", ["fermée"]),
        ("Le gymnase sera ouvert aux habitants cet été.", ["ouvert"]),
        ("La grille est fermée tous les soirs par un agent municipal.", ["fermée"]),
        # a participle outside the state list after a present être: a usual action
        ("Les poubelles sont vidées le jeudi.", ["vidées"]),
        # pronominal passive and "se faire + infinitive"
        ("Cette soupe se mange chaude avec du pain grillé.", ["mange"]),
        ("Le portugais se parle aussi en Angola.", ["parle"]),
        ("L'ailier s'est fait tacler violemment par un défenseur.", ["tacler"]),
    ],
)
def test_passive_verbs_found(nlp, sentence, expected):
    doc = nlp(sentence)
    assert [t.text for t in passive_verbs(doc[:])] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Mme Lefèvre est arrivée en tête du premier tour.",
        "Le sprinteur est tombé dans le dernier virage.",
        "Ils sont devenus champions d'Europe en 2016.",
        "Ma voisine est née dans un petit village du Jura.",
        "La candidate s'est présentée devant les militants.",
        "Nous nous sommes perdus dans la vieille ville.",
        "Les deux ministres ne se parlent plus depuis le remaniement.",
        "Le comité a validé le budget à l'unanimité.",
        "Les vendanges sont en train de commencer dans le Bordelais.",
        "Les décisions prises en urgence restent critiquables.",
        "Je suis ravie de ce nouveau poste.",
        "Cette application est faite pour les petits commerces.",
        "Le vendeur se fait du souci pour sa boutique.",
        "La salle restera ouverte toute la nuit.",
        # state readings (issue 15): a state participle after a present or imperfect être
        "La médiathèque est fermée le dimanche.",
        "Ce peintre est connu pour ses paysages de Provence.",
        "Les inscriptions sont limitées à vingt participants.",
        "La chambre était équipée d'une petite cuisine.",
        "Ce hameau est très mal desservi.",
        "Le plateau est composé de trois fromages affinés.",
    ],
)
def test_not_passive(nlp, sentence):
    doc = nlp(sentence)
    assert passive_verbs(doc[:]) == []
    assert not is_passive_span(doc[:])


def test_sentences_of_a_joined_document_are_judged_separately(nlp):
    blocks = [
        "Le nouveau stade a été inauguré samedi.",
        "Les supporters sont venus en nombre.",
        "La pelouse sera remplacée pendant la trêve.",
    ]
    doc = nlp(BLOCK_SEPARATOR.join(blocks))
    verdicts = [is_passive_span(sent) for sent in doc.sents]
    assert verdicts == [True, False, True]
