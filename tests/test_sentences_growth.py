"""The sentence rules and the paragraph regexes take time in proportion to the text.

No absolute time is asserted: each case is timed on an input of size N and of size 2N, and
the larger may take at most 2.5 times as long, plus a small constant; a quadratic cost takes
4 times as long. The time is the CPU time of this process (other processes on a shared
machine do not count), the best of a few runs.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable

import pytest

from seo_audit.french import sentences
from seo_audit.french.sentences import COMPONENT_NAME
from seo_audit.nlp import BLOCK_SEPARATOR

RATIO = 2.5
SLACK = 0.02  # seconds

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


def _best_time(run: Callable[[], object], repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def _assert_linear(time_of: Callable[[int], float], n: int) -> None:
    small, large = time_of(n), time_of(2 * n)
    assert large <= RATIO * small + SLACK, f"{n}: {small:.4f} s, {2 * n}: {large:.4f} s"


def _component_timer(
    nlp,  # noqa: ANN001
    make_text: Callable[[int], str],
    tagged: bool = True,
) -> Callable[[int], float]:
    """Time the sentence component alone, on a Doc tagged by the components before it
    (`tagged`) or just tokenized."""
    component = nlp.get_pipe(COMPONENT_NAME)
    before = []
    for name, pipe in nlp.pipeline:
        if name == COMPONENT_NAME or not tagged:
            break
        before.append(pipe)

    def time_of(n: int) -> float:
        doc = nlp.make_doc(make_text(n))
        for pipe in before:
            doc = pipe(doc)
        return _best_time(lambda: component(doc.copy()))

    return time_of


def test_sentence_rules_grow_linearly_on_prose(nlp):
    _assert_linear(_component_timer(nlp, _prose), 100)


@pytest.mark.parametrize("unit", ["» ", ". ) » ! ? … ", "a. "])
def test_sentence_rules_grow_linearly_on_punctuation(nlp, unit):
    def text_of(n: int) -> str:
        return unit * (n // len(unit))

    # Untagged: the rules that read tags only look ahead or back a few tokens.
    _assert_linear(_component_timer(nlp, text_of, tagged=False), 20_000)


@pytest.mark.parametrize("unit", [" ", " \t", "'", "’", ")", ".", "\n ", " \n \r"])
def test_paragraph_regexes_grow_linearly(unit):
    def time_of(n: int) -> float:
        text = unit * (n // len(unit))
        return _best_time(
            lambda: [
                sentences._LINE_BREAK_RE.sub(" ", p)
                for p in sentences._PARAGRAPH_BREAK_RE.split(text)
            ]
        )

    _assert_linear(time_of, 50_000)


def test_line_breaks_are_spaces_as_before():
    """The regexes still make single line breaks spaces and blank lines paragraph ends."""
    text = "Un  \n  deux\t\n\ttrois \r\n quatre\n \n cinq\nsix"
    paragraphs = [
        sentences._LINE_BREAK_RE.sub(" ", p).strip()
        for p in sentences._PARAGRAPH_BREAK_RE.split(text)
    ]
    assert paragraphs == ["Un deux trois quatre", "cinq six"]
