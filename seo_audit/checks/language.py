"""Language checks: the article is in French."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from seo_audit.checks.base import FAIL, PASS, WARN, Check, Option, Outcome, Place, place, register
from seo_audit.i18n import N_, _

if TYPE_CHECKING:
    from seo_audit.analyze import Analysis

LANGUAGE_NAMES = {
    "fr": N_("French"),
    "en": N_("English"),
    "es": N_("Spanish"),
    "de": N_("German"),
    "it": N_("Italian"),
    "pt": N_("Portuguese"),
    "nl": N_("Dutch"),
    "und": N_("undetermined"),
}


@register
class LanguageFrench(Check):
    """The article is in French, with at most {max_foreign_paragraphs:foreign paragraph}.

    What it checks:
        Identifies the language of the whole text from its most frequent function words
        (articles, prepositions, pronouns) and lists the paragraphs of 15 words or more
        that are in another language.

    Why it matters:
        The mission is French articles. A draft mostly in another language fails whatever
        its other numbers, since they measure French text with French rules. A stray
        paragraph in English is usually a leftover of the source or of a prompt.

    Failing example:
        # Electric bikes in the city

        Electric bikes are winning over city dwellers. They make the daily commute shorter
        and much less tiring, and many towns now build new lanes that keep them away from
        the cars.

    Passing example:
        # Le vélo électrique en ville

        Le vélo électrique séduit les citadins. Les marques misent sur le « made in
        France » et sur des modèles pliants, faciles à ranger dans un appartement.
    """

    id = "F001"
    name = "language-french"
    family = "french"
    weight = 3.0
    options = (
        Option(
            "max_foreign_paragraphs",
            int,
            0,
            "paragraphs in another language allowed (quotations never count)",
            min=0,
        ),
    )

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        name = _(LANGUAGE_NAMES.get(a.language, a.language))
        expected = _("French")
        if a.language == "und":
            # Too little text, or none of the function words of any language: no verdict.
            return Outcome(WARN, "und", expected, _("Too little text to tell its language."))
        if a.language != "fr":
            return Outcome(
                FAIL,
                a.language,
                expected,
                _("The text is not French (detected: {name}).").format(name=name),
            )
        foreign = a.foreign_blocks
        lines = [place(a.document.blocks[bi], _(LANGUAGE_NAMES.get(c, c))) for bi, c in foreign]
        if len(foreign) > opts["max_foreign_paragraphs"]:
            langs = ", ".join(sorted({_(LANGUAGE_NAMES.get(c, c)) for _bi, c in foreign}))
            return Outcome(
                FAIL,
                "fr",
                expected,
                _(
                    "French, but {count} paragraph(s) in {langs}: write them in French, "
                    "or mark them as quotations (a blockquote, « », or an HTML lang attribute)."
                ).format(count=len(foreign), langs=langs),
                lines,
            )
        return Outcome(PASS, "fr", expected, _("The text is French."))


# A space before ; : ! ? is a regular, no-break or narrow no-break space in French.
_MISSING_SPACE = re.compile(r"[^\s\u00a0\u202f;:!?](?=[;!?]|:(?!//|\d))")
_GUILLEMET_OPEN = re.compile(r"«(?![\s\u00a0\u202f])")
_GUILLEMET_CLOSE = re.compile(r"(?<![\s\u00a0\u202f])»")
_STRAIGHT_APOSTROPHE = re.compile(r"\w'\w")


@register
class FrenchTypography(Check):
    """French typography: a space before ; : ! ?, spaces inside « », the ’ apostrophe.

    What it checks:
        Finds, in the text: a high punctuation mark (; : ! ?) glued to the word before it;
        French quotation marks « » without a space inside; straight apostrophes (') where
        French typography uses the curly one (’), unless `apostrophe` is off. Each line is
        listed. An info-level check, off by default: many sites follow other conventions
        on purpose.

    Why it matters:
        Careful typography is part of a text's credibility for French readers, and a mix of
        conventions is a sign of copy-paste.

    Failing example:
        Le maire a prévenu: «c'est fini!»

    Passing example:
        Le maire a prévenu\u202f: «\u202fc’est fini\u202f!\u202f»
    """

    id = "F002"
    name = "french-typography"
    family = "french"
    severity = "info"
    weight = 0.0
    enabled = False
    options = (Option("apostrophe", bool, True, "also report straight apostrophes (')"),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        expected = _("French typographic conventions")
        problems: dict[str, list[Place]] = {}
        patterns = [
            (_("no space before ; : ! ?"), _MISSING_SPACE),
            (_("no space inside « »"), _GUILLEMET_OPEN),
            (_("no space inside « »"), _GUILLEMET_CLOSE),
        ]
        if opts["apostrophe"]:
            patterns.append((_("straight apostrophe"), _STRAIGHT_APOSTROPHE))
        for block in a.document.blocks:
            for label, pattern in patterns:
                for m in pattern.finditer(block.text):
                    found = Place(*block.span(m.start(), m.end()), label)
                    problems.setdefault(label, []).append(found)
        if not problems:
            return Outcome(PASS, 0, expected, _("French typography is consistent."))
        places = sorted((p for found in problems.values() for p in found), key=lambda p: p.start)
        summary = ", ".join(f"{label} ({len(found)})" for label, found in problems.items())
        return Outcome(
            FAIL,
            sum(len(v) for v in problems.values()),
            expected,
            _("Typography: {summary}.").format(summary=summary),
            places[:50],
        )
