"""Readability checks: sentences a reader gets through, words that are not too heavy."""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

from seo_audit.checks.base import (
    FAIL,
    PASS,
    WARN,
    Check,
    Option,
    Outcome,
    Place,
    pct,
    place,
    register,
    skip,
)
from seo_audit.french.insights import not_measured
from seo_audit.i18n import _, number

if TYPE_CHECKING:
    from seo_audit.analyze import Analysis


@register
class SentenceLength(Check):
    """Sentences: at most {max_ratio} over {max_words} words, each over {very_long_words} is listed.

    What it checks:
        Counts the words of every sentence of the text (headings excluded) and the share of
        sentences longer than `max_words`. Every sentence longer than `very_long_words` is
        listed with its line, whatever the share (a warning when the share is fine).

    Why it matters:
        Long sentences are the first thing that makes a web article hard to read, on a
        phone most of all. French tolerates longer sentences than English, but past
        {max_words} words the reader starts to lose the thread.

    Failing example:
        Le conseil municipal, qui s’est réuni mardi soir après une longue journée de
        débats, a finalement décidé, malgré l’opposition d’une partie des élus, de
        prolonger la piste cyclable jusqu’à la gare.

    Passing example:
        Le conseil municipal s’est réuni mardi soir. Malgré l’opposition d’une partie des
        élus, il a prolongé la piste cyclable jusqu’à la gare.
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

    ordered_options = (("max_words", "very_long_words"),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        body = a.body_sentences
        limit, ratio_max = opts["max_words"], opts["max_ratio"]
        expected = _("<= {share} of sentences over {limit} words").format(
            share=pct(100 * ratio_max), limit=limit
        )
        if not body:
            return skip(_("No sentence to measure."), expected)
        long_ones = [s for s in body if s.words > limit]
        very_long = [s for s in body if s.words > opts["very_long_words"]]
        ratio = len(long_ones) / len(body)
        lines = [place(s, _("{words} words").format(words=s.words)) for s in very_long]
        said = _("{count} of {total} sentences over {limit} words ({share})").format(
            count=len(long_ones), total=len(body), limit=limit, share=pct(100 * ratio)
        )
        if very_long:
            worst = max(very_long, key=lambda s: s.words)
            said = _(
                "{said}; {count} over {limit} words, the longest ({words} words) on line {line}"
            ).format(
                said=said,
                count=len(very_long),
                limit=opts["very_long_words"],
                words=worst.words,
                line=worst.line,
            )
        if ratio > ratio_max:
            return Outcome(
                FAIL,
                round(ratio, 3),
                expected,
                _("{said}: split them.").format(said=said),
                lines
                or [place(s, _("{words} words").format(words=s.words)) for s in long_ones][:50],
            )
        if very_long:
            return Outcome(WARN, round(ratio, 3), expected, _("{said}.").format(said=said), lines)
        return Outcome(PASS, round(ratio, 3), expected, _("{said}.").format(said=said))


@register
class ReadingEase(Check):
    """The Kandel–Moles reading ease is at least {min_score} (a warning below {warn_below}).

    What it checks:
        Computes the French reading ease of Kandel and Moles (1958), the French version of
        Flesch's formula: 207 − 1.015 × words per sentence − 73.6 × syllables per word,
        with syllables counted as spoken French counts them (final mute e silent).
        Headings are left out.

    Why it matters:
        A web article is read quickly, often on a phone. The lower the score, the more the
        text reads like an academic paper; the general public reads a high score with ease.

    Failing example:
        L’internationalisation des problématiques environnementales conditionne
        l’élaboration de politiques intergouvernementales contraignantes.

    Passing example:
        Les villes changent. Elles font plus de place aux vélos et aux piétons.
    """

    id = "R002"
    name = "reading-ease"
    family = "readability"
    weight = 2.0
    options = (
        Option("min_score", float, 50.0, "fail below this reading ease", min=-100, max=207),
        Option("warn_below", float, 60.0, "warn below this reading ease", min=-100, max=207),
    )

    ordered_options = (("min_score", "warn_below"),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        low, warn = opts["min_score"], opts["warn_below"]
        expected = _(">= {low}, >= {warn} to pass").format(low=number(low), warn=number(warn))
        if not a.body_sentences:
            return skip(_("No sentence to measure."), expected)
        score = a.metrics["reading_ease"]
        said = (
            _("Reading ease {score} ({words} words per sentence, {syllables} syllables per word)")
        ).format(
            score=number(score, 1),
            words=number(a.metrics["avg_sentence_words"], 1),
            syllables=number(a.metrics["syllables_per_word"], 2),
        )
        if score < low:
            return Outcome(
                FAIL,
                score,
                expected,
                _("{said}: use shorter sentences and words.").format(said=said),
            )
        if score < warn:
            return Outcome(
                WARN, score, expected, _("{said}: fairly hard to read.").format(said=said)
            )
        return Outcome(PASS, score, expected, _("{said}.").format(said=said))


@register
class PassiveVoice(Check):
    """At most {max_ratio} of the sentences are in the passive voice.

    What it checks:
        Finds passive sentences from the dependency parse: être + past participle of a
        transitive verb (« le pont a été fermé »), the pronominal passive (« ce modèle se
        vend bien ») and se faire + infinitive (« il s’est fait arrêter »). Être + a verb of
        motion or state (« il est rentré », « elle est devenue ») and reflexive verbs (« elle
        s’est levée ») are not passive, nor is a participle that says a state after a present
        or imperfect être with no « par » agent (« la porte est fermée », « il est connu pour
        ses romans »). Each passive sentence is listed with its line.

    Why it matters:
        The active voice says who does what; the passive hides the actor and makes the
        sentence longer. A few passives are fine, a text full of them feels vague.

    Failing example:
        Le projet a été validé par le conseil. Les travaux seront lancés en mai. Les
        riverains ont été informés par courrier.

    Passing example:
        Le conseil a validé le projet. Les travaux commencent en mai. La mairie a écrit
        aux riverains.
    """

    id = "R003"
    name = "passive-voice"
    family = "readability"
    severity = "warning"
    weight = 1.0
    options = (Option("max_ratio", float, 0.1, "highest share of passive sentences", min=0, max=1),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        limit = opts["max_ratio"]
        expected = _("<= {share} of sentences").format(share=pct(100 * limit))
        body = a.body_sentences
        if not body:
            return skip(_("No sentence to measure."), expected)
        passive = [s for s in body if s.passive]
        ratio = len(passive) / len(body)
        said = _("{count} of {total} sentences in the passive voice ({share})").format(
            count=len(passive), total=len(body), share=pct(100 * ratio)
        )
        lines = [place(s, _("passive")) for s in passive]
        if ratio > limit:
            return Outcome(
                FAIL, round(ratio, 3), expected, _("{said}: say who acts.").format(said=said), lines
            )
        return Outcome(PASS, round(ratio, 3), expected, _("{said}.").format(said=said), lines)


@register
class TransitionWords(Check):
    """At least {min_ratio} of the sentences hold a transition word (texts of {min_words}+ words).

    What it checks:
        Counts the sentences that contain a French connector: single words (« ainsi »,
        « pourtant »), phrases (« en effet », « c’est pourquoi », « par ailleurs ») and
        two-part connectors (« d’une part … d’autre part »), from a list of several hundred
        grouped by role (addition, cause, consequence, opposition, time...). Texts shorter
        than `min_words` are not measured.

    Why it matters:
        Connectors show how one idea leads to the next; without them an article reads as a
        list of facts and readers lose the thread.

    Failing example:
        (described) A text of 250 words in sentences like « Les ventes augmentent. Les prix
        baissent. Les villes construisent des pistes. »

    Passing example:
        (described) The same text where one sentence in three is linked to the one before:
        « Les ventes augmentent. En effet, les prix baissent. De plus, les villes
        construisent des pistes. »
    """

    id = "R004"
    name = "transition-words"
    family = "readability"
    severity = "warning"
    weight = 1.0
    options = (
        Option("min_ratio", float, 0.3, "lowest share of sentences with a connector", min=0, max=1),
        Option("min_words", int, 200, "texts with fewer words are not measured", min=0),
    )

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        limit = opts["min_ratio"]
        expected = _(">= {share} of sentences").format(share=pct(100 * limit))
        body = a.body_sentences
        if a.metrics["words"] < opts["min_words"] or not body:
            return skip(_("Text under {count} words.").format(count=opts["min_words"]), expected)
        with_connector = [s for s in body if s.connectors]
        ratio = len(with_connector) / len(body)
        said = (_("{count} of {total} sentences hold a transition word ({share})")).format(
            count=len(with_connector), total=len(body), share=pct(100 * ratio)
        )
        if ratio < limit:
            return Outcome(
                FAIL,
                round(ratio, 3),
                expected,
                _("{said}: link your ideas (en effet, ainsi, pourtant...).").format(said=said),
            )
        return Outcome(PASS, round(ratio, 3), expected, _("{said}.").format(said=said))


@register
class ConsecutiveSentences(Check):
    """No more than {max_run} sentences in a row start with the same word.

    What it checks:
        Compares the first word of each sentence with that of the next ones, from one
        paragraph to the next; a heading ends a run. When a sentence starts with an article
        or determiner (« le », « une », « ces »), the first two words are compared: « Le
        conseil… Le maire… » are different beginnings.

    Why it matters:
        A run of sentences that open the same way sounds mechanical, a tell-tale sign of a
        hasty or machine rewrite.

    Failing example:
        Il arrive à 8 h. Il ouvre le magasin. Il sert ses premiers clients.

    Passing example:
        Il arrive à 8 h. Aussitôt, il ouvre le magasin. Les premiers clients entrent.
    """

    id = "R005"
    name = "consecutive-sentences"
    family = "readability"
    severity = "warning"
    weight = 1.0
    options = (Option("max_run", int, 2, "longest run of sentences starting alike", min=1),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        limit = opts["max_run"]
        expected = _("<= {limit} sentences in a row starting alike").format(limit=limit)
        runs = [run for run in a.opening_runs() if len(run) > limit]
        if not runs:
            return Outcome(PASS, 0, expected, _("No repeated sentence openings."))
        longest = max(runs, key=len)
        line, length, opening = longest[0].line, len(longest), longest[0].opening
        return Outcome(
            FAIL,
            len(runs),
            expected,
            _(
                "{count} run(s) of sentences starting alike; {length} start with "
                "« {opening} » on line {line}."
            ).format(count=len(runs), length=length, opening=opening, line=line),
            [
                Place(
                    r[0].start,
                    r[-1].end,
                    _("{count} start with {opening}").format(count=len(r), opening=r[0].opening),
                )
                for r in runs
            ],
        )


# Complex words named in R006's message; its places list them all.
NAMED_WORDS = 10


@register
class WordComplexity(Check):
    """At most {max_ratio} of the words are complex: {min_letters}+ letters and rare.

    What it checks:
        Counts the complex words of the text (headings excluded): words of at least
        `min_letters` letters whose frequency in French is below `max_zipf` on the Zipf
        scale (log10 of its uses per billion words, from the wordfreq project's French
        list), the more common of the word and its lemma counting, so that a rare
        plural of a common word is not complex. Proper nouns, numbers, words with
        capitals inside a sentence and the keyphrase's own words are left out: the
        writer cannot replace them with a simpler word. Each complex word is listed.

    Why it matters:
        A reader slows down on a long word they rarely meet, and skims past it on a
        phone. A few technical terms are fine; when they pile up, the article reads like a
        report. Replace them with everyday words or explain them.

    Failing example:
        La réinterprétation contemporaine des patrimoines vernaculaires exige une
        contextualisation méthodologique rigoureuse.

    Passing example:
        Le musée du village rouvre ses portes en juin. On y voit des outils anciens et des
        photos de la fête.
    """

    id = "R006"
    name = "word-complexity"
    family = "readability"
    severity = "warning"
    weight = 1.0
    options = (
        # Measured on the samples (10 letters, Zipf 3.5): 3.8 % of the words of the
        # deliberately heavy echec-phrases-longues.md are complex, 1.5 % at most in the others.
        Option("max_ratio", float, 0.03, "highest share of complex words", min=0, max=1),
        # A long word is twice the length of a common French word: short rare words (« radis »,
        # « basilic ») are read at a glance.
        Option("min_letters", int, 10, "a word is long from this many letters", min=1),
        Option(
            "max_zipf",
            float,
            3.5,
            "a word is rare below this Zipf frequency (3.5: about 3 times in a million words)",
            min=2.5,
            max=8,
        ),
    )

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        limit = opts["max_ratio"]
        expected = _("<= {share} of words").format(share=pct(100 * limit))
        body = a.body_sentences
        words = sum(s.words for s in body)
        if not words:
            return skip(_("No sentence to measure."), expected)
        if not a.insights.measured:
            return skip(not_measured(a), expected)
        # The complex words of the sentences this check sees (some may be suppressed).
        starts = [s.start for s in body]
        found = []
        for w in a.insights.complex_words:
            i = bisect.bisect_right(starts, w.start) - 1
            if i >= 0 and w.start < body[i].end:
                found.append(w)
        ratio = len(found) / words
        distinct = list(dict.fromkeys(w.text for w in found))
        said = _("{count} of {words} words are long and rare ({share})").format(
            count=len(found), words=words, share=pct(100 * ratio)
        )
        if distinct:
            said += ": " + ", ".join(distinct[:NAMED_WORDS])
            if len(distinct) > NAMED_WORDS:
                said += _(" and {count} more").format(count=len(distinct) - NAMED_WORDS)
        places = [Place(w.start, w.end, _("rare word")) for w in found]
        if ratio > limit:
            return Outcome(
                FAIL, round(ratio, 3), expected, said + _(". Use everyday words."), places
            )
        return Outcome(PASS, round(ratio, 3), expected, said + ".", places)
