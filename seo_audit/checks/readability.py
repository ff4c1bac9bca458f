"""Readability checks: sentences a reader gets through, words that are not too heavy."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from seo_audit.checks.base import FAIL, PASS, WARN, Check, Option, Outcome, pct, register, skip

if TYPE_CHECKING:
    from seo_audit.analyze import Analysis


@register
class SentenceLength(Check):
    """At most 25 % of the sentences have more than 20 words; none is over 35.

    What it checks:
        Counts the words of every sentence of the text (headings excluded) and the share of
        sentences longer than `max_words`. Every sentence longer than `very_long_words` is
        listed with its line, whatever the share.

    Why it matters:
        Long sentences are the first thing that makes a web article hard to read, on a
        phone most of all. French tolerates longer sentences than English, but past 20
        words the reader starts to lose the thread.

    Failing example:
        « Le conseil municipal, qui s’est réuni mardi soir après une longue journée de
        débats, a finalement décidé, malgré l’opposition d’une partie des élus, de
        prolonger la piste cyclable jusqu’à la gare. » (37 words)

    Passing example:
        « Le conseil municipal s’est réuni mardi soir. Malgré l’opposition d’une partie des
        élus, il a prolongé la piste cyclable jusqu’à la gare. »

    Options:
        max_words: a sentence is long above this many words (default 20).
        max_ratio: the highest share of long sentences, 0-1 (default 0.25).
        very_long_words: every sentence above this many words is listed (default 35).
    """

    id = "R001"
    name = "sentence-length"
    family = "readability"
    weight = 2.0
    options = (
        Option("max_words", int, 20, "a sentence is long above this many words", min=1),
        Option("max_ratio", float, 0.25, "highest share of long sentences", min=0, max=1),
        Option("very_long_words", int, 35, "list every sentence above this many words", min=1),
    )

    @classmethod
    def validate_options(cls, opts: dict[str, Any]) -> str | None:
        if opts["very_long_words"] < opts["max_words"]:
            return "very_long_words must not be below max_words"
        return None

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        body = a.body_sentences
        limit, ratio_max = opts["max_words"], opts["max_ratio"]
        expected = f"<= {pct(100 * ratio_max)} of sentences over {limit} words"
        if not body:
            return skip("No sentence to measure.", expected)
        long_ones = [s for s in body if s.words > limit]
        very_long = [s for s in body if s.words > opts["very_long_words"]]
        ratio = len(long_ones) / len(body)
        lines = sorted({s.line for s in very_long})
        said = f"{len(long_ones)} of {len(body)} sentences over {limit} words ({pct(100 * ratio)})"
        if very_long:
            worst = max(very_long, key=lambda s: s.words)
            said += (
                f"; {len(very_long)} over {opts['very_long_words']} words, the longest "
                f"({worst.words} words) on line {worst.line}"
            )
        if ratio > ratio_max:
            return Outcome(
                FAIL,
                round(ratio, 3),
                expected,
                said + ": split them.",
                lines or sorted({s.line for s in long_ones})[:50],
            )
        if very_long:
            return Outcome(WARN, round(ratio, 3), expected, said + ".", lines)
        return Outcome(PASS, round(ratio, 3), expected, said + ".")


@register
class ReadingEase(Check):
    """The Kandel–Moles reading ease is at least 50 (warning below 60).

    What it checks:
        Computes the French reading ease of Kandel and Moles (1958), the French version of
        Flesch's formula: 207 − 1.015 × words per sentence − 73.6 × syllables per word,
        with syllables counted as spoken French counts them (final mute e silent).
        Headings are left out.

    Why it matters:
        A web article is read quickly, often on a phone. Below 50 the text reads like an
        academic paper; 60 and above is comfortable for the general public.

    Failing example:
        « L’internationalisation des problématiques environnementales conditionne
        l’élaboration de politiques intergouvernementales contraignantes. » (about 0)

    Passing example:
        « Les villes changent. Elles font plus de place aux vélos et aux piétons. » (about 90)

    Options:
        min_score: below this the check fails (default 50).
        warn_below: below this the check warns (default 60).
    """

    id = "R002"
    name = "reading-ease"
    family = "readability"
    weight = 2.0
    options = (
        Option("min_score", float, 50.0, "fail below this reading ease", min=-100, max=207),
        Option("warn_below", float, 60.0, "warn below this reading ease", min=-100, max=207),
    )

    @classmethod
    def validate_options(cls, opts: dict[str, Any]) -> str | None:
        if opts["min_score"] > opts["warn_below"]:
            return "min_score must not be above warn_below"
        return None

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        low, warn = opts["min_score"], opts["warn_below"]
        expected = f">= {low:g} (>= {warn:g} for a pass)"
        if not a.body_sentences:
            return skip("No sentence to measure.", expected)
        score = a.metrics["reading_ease"]
        said = (
            f"Reading ease {score:.1f} ({a.metrics['avg_sentence_words']:.1f} words per "
            f"sentence, {a.metrics['syllables_per_word']:.2f} syllables per word)"
        )
        if score < low:
            return Outcome(FAIL, score, expected, said + ": use shorter sentences and words.")
        if score < warn:
            return Outcome(WARN, score, expected, said + ": fairly hard to read.")
        return Outcome(PASS, score, expected, said + ".")
