"""French sentence boundaries: accuracy bar, hard cases, block separators, parser presets."""

from __future__ import annotations

import pytest
from benchmark_loader import load_benchmark

from seo_audit.french.sentences import COMPONENT_NAME, add_sentence_rules, split_sentences
from seo_audit.nlp import BLOCK_SEPARATOR

_accuracy = load_benchmark("acc_sentences")
DATASETS = _accuracy.DATASETS
boundary_f1 = _accuracy.boundary_f1
exact_count = _accuracy.exact_count
load_paragraphs = _accuracy.load_paragraphs
predict_ours = _accuracy.predict_ours


def test_boundary_f1_on_labelled_set(nlp):
    paragraphs = load_paragraphs(DATASETS["labelled"])
    assert len(paragraphs) >= 60
    predicted = predict_ours(paragraphs)
    assert boundary_f1(paragraphs, predicted) >= 0.97
    assert exact_count(paragraphs, predicted) >= 0.9


HARD_CASES = [
    pytest.param(
        "M. Girard et Mme Texier ont ouvert une librairie. MM. Roy et Dumas les ont aidés.",
        ["M. Girard et Mme Texier ont ouvert une librairie.", "MM. Roy et Dumas les ont aidés."],
        id="titles",
    ),
    pytest.param(
        "Le Dr Costa soigne les sportifs. Le Dr. Vidal aussi.",
        ["Le Dr Costa soigne les sportifs.", "Le Dr. Vidal aussi."],
        id="doctor",
    ),
    pytest.param(
        "Les fruits rouges, p. ex. la fraise, aiment le soleil. Arrosez-les le soir.",
        ["Les fruits rouges, p. ex. la fraise, aiment le soleil.", "Arrosez-les le soir."],
        id="p-ex",
    ),
    pytest.param(
        "La règle figure à l'art. 7 du statut, cf. annexe. Elle date de 1998.",
        ["La règle figure à l'art. 7 du statut, cf. annexe.", "Elle date de 1998."],
        id="art-cf",
    ),
    pytest.param(
        "Prenez le bus n° 12 jusqu'au terminus. La salle est à gauche.",
        ["Prenez le bus n° 12 jusqu'au terminus.", "La salle est à gauche."],
        id="numero",
    ),
    pytest.param(
        "Carthage fut détruite en 146 av. J.-C. par les Romains. Ses ruines attirent.",
        [
            "Carthage fut détruite en 146 av. J.-C. par les Romains.",
            "Ses ruines attirent.",
        ],
        id="av-jc",
    ),
    pytest.param(
        "Le philosophe J.-P. Sartre enseignait au Havre. G. Flaubert était né à Rouen.",
        ["Le philosophe J.-P. Sartre enseignait au Havre.", "G. Flaubert était né à Rouen."],
        id="initials",
    ),
    pytest.param(
        "La dette atteint 3,5 % du PIB. La ville compte 1.200 commerces.",
        ["La dette atteint 3,5 % du PIB.", "La ville compte 1.200 commerces."],
        id="numbers",
    ),
    pytest.param(
        "La version 2.0.0 sort à 10 h 30. Elle est gratuite.",
        ["La version 2.0.0 sort à 10 h 30.", "Elle est gratuite."],
        id="version-time",
    ),
    pytest.param(
        "« Victoire ! », a hurlé le supporter. Ses voisins ont ri.",
        ["« Victoire ! », a hurlé le supporter.", "Ses voisins ont ri."],
        id="quote-exclamation-comma",
    ),
    pytest.param(
        "« Tu as faim ? » demanda sa mère. Il fit non de la tête.",
        ["« Tu as faim ? » demanda sa mère.", "Il fit non de la tête."],
        id="quote-question-lowercase",
    ),
    pytest.param(
        "Le coach a crié : « Plus vite ! » Les joueurs ont accéléré.",
        ["Le coach a crié : « Plus vite ! »", "Les joueurs ont accéléré."],
        id="quote-then-capital",
    ),
    pytest.param(
        "Le vote approche… Les sondages se resserrent.",
        ["Le vote approche…", "Les sondages se resserrent."],
        id="ellipsis-capital",
    ),
    pytest.param(
        "La bourse a monté... puis baissé. Les courtiers sont perplexes.",
        ["La bourse a monté... puis baissé.", "Les courtiers sont perplexes."],
        id="ellipsis-lowercase",
    ),
    pytest.param(
        "— Tu pars déjà ? s'inquiéta Hugo. — Oui, il est tard, dit Chloé.",
        ["— Tu pars déjà ? s'inquiéta Hugo.", "— Oui, il est tard, dit Chloé."],
        id="dialogue-dashes",
    ),
    pytest.param(
        "Le programme est sur https://www.festival-exemple.fr/programme. Réservez vite.",
        ["Le programme est sur https://www.festival-exemple.fr/programme.", "Réservez vite."],
        id="url",
    ),
    pytest.param(
        "Écrivez à billetterie@festival-exemple.fr. Nous répondons vite.",
        ["Écrivez à billetterie@festival-exemple.fr.", "Nous répondons vite."],
        id="email",
    ),
    pytest.param(
        "Le musée rouvre. (Il était fermé depuis mars.) Les horaires changent.",
        ["Le musée rouvre.", "(Il était fermé depuis mars.)", "Les horaires changent."],
        id="parenthesised-sentence",
    ),
    pytest.param(
        "Le score (enfin !) a bougé en seconde période. Le public a exulté.",
        ["Le score (enfin !) a bougé en seconde période.", "Le public a exulté."],
        id="exclamation-in-parentheses",
    ),
    pytest.param(
        "Ils vendent des pulls, des bonnets, etc. Les prix sont bas.",
        ["Ils vendent des pulls, des bonnets, etc.", "Les prix sont bas."],
        id="etc-end",
    ),
    pytest.param(
        "Les vis, les clous, etc. sont au rayon 4. Le rayon 5 est fermé.",
        ["Les vis, les clous, etc. sont au rayon 4.", "Le rayon 5 est fermé."],
        id="etc-inside",
    ),
]


@pytest.mark.parametrize(("text", "expected"), HARD_CASES)
def test_hard_cases(nlp, text, expected):
    assert [s.text.strip() for s in nlp(text).sents] == expected


def test_split_sentences_blocks_and_line_breaks():
    text = (
        "Les nouvelles règles du télétravail\n\n"
        "Le décret paraît demain. Il concerne\nles agents publics.\n\n"
        "à retenir en bref\n\n"
        "Voir l'art.\n\n"
        "12 jours par an au maximum"
    )
    assert split_sentences(text) == [
        "Les nouvelles règles du télétravail",
        "Le décret paraît demain.",
        "Il concerne les agents publics.",
        "à retenir en bref",
        "Voir l'art.",
        "12 jours par an au maximum",
    ]


def test_split_sentences_empty_and_crlf():
    assert split_sentences("") == []
    assert split_sentences(" \n\n \n") == []
    assert split_sentences("Premier bloc sans point\r\n\r\nSecond bloc. Fin.") == [
        "Premier bloc sans point",
        "Second bloc.",
        "Fin.",
    ]


def test_block_separator_always_starts_a_sentence(nlp):
    # Endings that never end a sentence inside a block (M., lower case next) still do
    # before a separator: a heading or list item is never glued to the next block.
    blocks = ["Rencontre avec M.", "dupont et ses abeilles", "- miel de lavande", "- miel de sapin"]
    doc = nlp(BLOCK_SEPARATOR.join(blocks))
    assert [s.text.strip() for s in doc.sents] == blocks


def test_parser_keeps_the_presets(nlp):
    """Every start the rules preset (True or False) survives the parser."""
    paragraphs = load_paragraphs(DATASETS["labelled"])
    doc = nlp.make_doc(BLOCK_SEPARATOR.join(" ".join(p) for p in paragraphs))
    preset: list[bool | None] = []
    for name, component in nlp.pipeline:
        if name == "parser":
            preset = [t.is_sent_start for t in doc]
        doc = component(doc)
    decided = [(i, p) for i, p in enumerate(preset) if p is not None]
    assert len(decided) > 0.95 * len(doc)
    assert [(i, p) for i, p in decided if doc[i].is_sent_start != p] == []


def test_component_sits_before_the_parser_once(nlp):
    names = nlp.pipe_names
    assert names.index(COMPONENT_NAME) < names.index("parser")
    assert names.index("morphologizer") < names.index(COMPONENT_NAME)
    add_sentence_rules(nlp)
    assert nlp.pipe_names.count(COMPONENT_NAME) == 1


def test_no_sentence_is_longer_than_the_cap(nlp):
    from seo_audit.french.sentences import MAX_SENTENCE_TOKENS

    doc = nlp("Début " + "! ? . ; " * 400 + "fin")
    assert max(len(sent) for sent in doc.sents) <= MAX_SENTENCE_TOKENS + 1
    # Ordinary prose is untouched by the cap.
    text = "Le conseil municipal a voté le budget. Les élus ont longuement débattu."
    assert [s.text for s in nlp(text).sents] == [
        "Le conseil municipal a voté le budget.",
        "Les élus ont longuement débattu.",
    ]
