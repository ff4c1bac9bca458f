"""Language checks: the article is in French."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from seo_audit.checks.base import FAIL, PASS, WARN, Check, Option, Outcome, register

if TYPE_CHECKING:
    from seo_audit.analyze import Analysis

LANGUAGE_NAMES = {
    "fr": "French",
    "en": "English",
    "es": "Spanish",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "und": "undetermined",
}


@register
class LanguageFrench(Check):
    """The article is written in French.

    What it checks:
        Identifies the language of the whole text from its most frequent function words
        (articles, prepositions, pronouns) and lists the paragraphs of 15 words or more
        that are in another language.

    Why it matters:
        The mission is French articles. A draft mostly in another language fails whatever
        its other numbers, since they measure French text with French rules. A stray
        paragraph in English is usually a leftover of the source or of a prompt.

    Failing example:
        An article written in English, or a French article whose conclusion is in English.

    Passing example:
        An article in French that quotes an English brand name or a short English phrase.

    Options:
        max_foreign_paragraphs: paragraphs in another language allowed before a warning
        (default 0).
    """

    id = "F001"
    name = "language-french"
    family = "french"
    weight = 3.0
    options = (Option("max_foreign_paragraphs", int, 0, "foreign paragraphs allowed", min=0),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        name = LANGUAGE_NAMES.get(a.language, a.language)
        expected = "French"
        if a.language != "fr":
            return Outcome(
                FAIL, a.language, expected, f"The text is not French (detected: {name})."
            )
        foreign = a.foreign_blocks
        lines = [a.document.blocks[bi].line for bi, _ in foreign]
        if len(foreign) > opts["max_foreign_paragraphs"]:
            langs = ", ".join(sorted({LANGUAGE_NAMES.get(c, c) for _, c in foreign}))
            return Outcome(
                WARN, "fr", expected, f"French, but {len(foreign)} paragraph(s) in {langs}.", lines
            )
        return Outcome(PASS, "fr", expected, "The text is French.")
