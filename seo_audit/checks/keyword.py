"""Keyword checks: is the focus keyphrase used, and used naturally?"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from seo_audit.checks.base import FAIL, PASS, Check, Option, Outcome, lines_of, register, skip

if TYPE_CHECKING:
    from seo_audit.analyze import Analysis

NO_KEYWORD = "No focus keyphrase: set --keyword or `keyword:` in the front matter."


def no_keyword_message(a: Analysis) -> str:
    if a.suggestions:
        quoted = ", ".join(f"“{s}”" for s in a.suggestions)
        return f"{NO_KEYWORD} Likely keyphrases: {quoted}."
    return NO_KEYWORD


@register
class KeywordDensity(Check):
    """The focus keyphrase makes up 0.5 % to 3 % of the words.

    What it checks:
        Counts the occurrences of the focus keyphrase (from --keyword, the front matter
        `keyword`, `focus_keyword`, `keyphrase` or first of `keywords`, or the HTML meta
        keywords) in the headings and text, and divides by the word count. Elided,
        capitalised, plural and feminine forms count: `l’Ukraine` is an occurrence of
        `Ukraine`, `armes nucléaires` of `arme nucléaire`. A word inside another word
        never counts (`arme` is not in `armée`). Synonyms given in the front matter
        (`synonyms:`) or with --synonym count too.

    Why it matters:
        Too few occurrences and search engines cannot tell what the page is about; too
        many reads as keyword stuffing, which readers dislike and search engines penalise.

    Failing example:
        “vélo électrique” twice in 900 words (0.2 %), or 60 times (6.7 %).

    Passing example:
        “vélo électrique” 12 times in 900 words (1.3 %), spread over the article.

    Options:
        min_density: lowest density in percent (default 0.5).
        max_density: highest density in percent (default 3.0).
    """

    id = "K001"
    name = "keyword-density"
    family = "keyword"
    weight = 3.0
    options = (
        Option("min_density", float, 0.5, "lowest keyword density (percent)", min=0, max=100),
        Option("max_density", float, 3.0, "highest keyword density (percent)", min=0, max=100),
    )

    @classmethod
    def validate_options(cls, opts: dict[str, Any]) -> str | None:
        if opts["min_density"] > opts["max_density"]:
            return "min_density must not be above max_density"
        return None

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        low, high = opts["min_density"], opts["max_density"]
        expected = f"{low}-{high} %"
        if not a.keyword:
            return skip(no_keyword_message(a), expected)
        density = a.metrics["keyword_density"]
        count = a.metrics["keyword_count"]
        words = a.metrics["words"]
        lines = lines_of(a.keyword_hits)
        said = f"“{a.keyword}” found {count} time(s) in {words} words ({density:.2f} %)"
        if density < low:
            target = max(1, round(low * words / 100))
            return Outcome(
                FAIL, density, expected, f"{said}: use it at least {target} times.", lines
            )
        if density > high:
            target = int(high * words / 100)
            return Outcome(
                FAIL,
                density,
                expected,
                f"{said}: keyword stuffing, use it at most {target} times.",
                lines,
            )
        return Outcome(PASS, density, expected, f"{said}.", lines)
