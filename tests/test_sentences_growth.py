"""The sentence rules and the paragraph regexes take time in proportion to the text
(tests/growth.py: no absolute time is asserted)."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest
from growth import assert_linear

from seo_audit.french import sentences
from seo_audit.french.sentences import COMPONENT_NAME
from seo_audit.nlp import BLOCK_SEPARATOR

# Sentences written for this test, with the cases the rules read: titles, abbreviations,
# initials, quotations, brackets, ellipses, numbers.
SENTENCES = [
    "M. Durand a présenté le budget devant le conseil municipal.",
    "Mme Lefort, adjointe aux finances, a salué un document « sérieux ».",
    "Le Dr Moreau reçoit du lundi au jeudi, p. ex. le matin.",
    "« Nous tiendrons les délais ! » Le maire semblait confiant.",
    "Les travaux (voir art. 3 du règlement) dureront deux ans.",
    "J.-P. Sartre et Simone de Beauvoir y ont vécu, etc. Le quartier a changé.",
    "La facture atteint 1.200 euros… Personne ne s’y attendait.",
    "Le chantier reprendra en janv. 2025, selon la mairie.",
    "Pourquoi attendre ? La rénovation est urgente.",
    "Il a cité la vitamine C. Elle renforce les défenses.",
]


def _prose(paragraphs: int) -> str:
    rng = random.Random(paragraphs)
    blocks = [" ".join(rng.sample(SENTENCES, 4)) for _ in range(paragraphs)]
    return BLOCK_SEPARATOR.join(blocks)


def _component_timer(
    nlp,  # noqa: ANN001
    make_text: Callable[[int], str],
    tagged: bool = True,
) -> Callable[[int], Callable[[], object]]:
    """Time the sentence component alone, on a Doc tagged by the components before it
    (`tagged`) or just tokenized."""
    component = nlp.get_pipe(COMPONENT_NAME)
    before = []
    for name, pipe in nlp.pipeline:
        if name == COMPONENT_NAME or not tagged:
            break
        before.append(pipe)

    def run_of(n: int) -> Callable[[], object]:
        doc = nlp.make_doc(make_text(n))
        for pipe in before:
            doc = pipe(doc)
        return lambda: component(doc.copy())

    return run_of


def test_sentence_rules_grow_linearly_on_prose(nlp):
    assert_linear(_component_timer(nlp, _prose), 100)


@pytest.mark.parametrize("unit", ["» ", ". ) » ! ? … ", "a. "])
def test_sentence_rules_grow_linearly_on_punctuation(nlp, unit):
    def text_of(n: int) -> str:
        return unit * (n // len(unit))

    # Untagged: the rules that read tags only look ahead or back a few tokens.
    assert_linear(_component_timer(nlp, text_of, tagged=False), 20_000)


@pytest.mark.parametrize("unit", [" ", " \t", "'", "’", ")", ".", "\n ", " \n \r"])
def test_paragraph_regexes_grow_linearly(unit):
    def run_of(n: int) -> Callable[[], object]:
        text = unit * (n // len(unit))
        return lambda: [
            sentences._LINE_BREAK_RE.sub(" ", p) for p in sentences._PARAGRAPH_BREAK_RE.split(text)
        ]

    assert_linear(run_of, 50_000)


def test_line_breaks_are_spaces_as_before():
    """The regexes still make single line breaks spaces and blank lines paragraph ends."""
    text = "Un  \n  deux\t\n\ttrois \r\n quatre\n \n cinq\nsix"
    paragraphs = [
        sentences._LINE_BREAK_RE.sub(" ", p).strip()
        for p in sentences._PARAGRAPH_BREAK_RE.split(text)
    ]
    assert paragraphs == ["Un deux trois quatre", "cinq six"]


def test_the_growth_rule_fails_a_quadratic_cost():
    """assert_linear would catch a quadratic cost, and passes a linear one."""

    def quadratic(n: int) -> Callable[[], object]:
        items = list(range(n))
        return lambda: [x for x in items for _ in items[:n]]

    def linear(n: int) -> Callable[[], object]:
        items = list(range(n * 400))
        return lambda: sorted(items)

    with pytest.raises(AssertionError):
        assert_linear(quadratic, 600)
    assert_linear(linear, 300)
