"""Length checks: is there enough text?"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from seo_audit.checks.base import FAIL, PASS, Check, Option, Outcome, register
from seo_audit.i18n import _

if TYPE_CHECKING:
    from seo_audit.analyze import Analysis


@register
class WordCount(Check):
    """The article has at least {min_words} words.

    What it checks:
        Counts the words of the article as a word processor does: headings, paragraphs,
        list items and quotes, split on spaces (`l’Ukraine` is one word, `Kim Jong-un`
        two, `3,5` one). Front matter, markup, code and URLs are not counted.

    Why it matters:
        Search engines rank pages that cover a subject in depth; a short rewrite of a
        news item rarely does. The default minimum is the one the mission asks for.

    Failing example:
        # Le vélo électrique gagne les villes

        Les ventes de vélos électriques ont encore progressé cette année. Les citadins
        les choisissent pour aller au travail sans effort.

    Passing example:
        (described) An article of 850 words that develops the news with context, causes
        and consequences, under H2 and H3 subheadings.
    """

    id = "L001"
    name = "word-count"
    family = "length"
    severity = "error"
    weight = 3.0
    options = (Option("min_words", int, 700, "minimum number of words", min=1),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        words = a.metrics["words"]
        minimum = opts["min_words"]
        expected = _(">= {minimum} words").format(minimum=minimum)
        if words >= minimum:
            return Outcome(PASS, words, expected, _("{words} words.").format(words=words))
        missing = minimum - words
        said = _("{words} words: add at least {missing} more.").format(words=words, missing=missing)
        return Outcome(FAIL, words, expected, said)
