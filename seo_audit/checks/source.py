"""Source checks: a rewrite compared with the article it rewrites (given by --source or the
front matter `source:`). Without a source they are skipped and do not count in the score."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from seo_audit.checks.base import FAIL, PASS, Check, Option, Outcome, Place, pct, register, skip
from seo_audit.checks.needs import SOURCE
from seo_audit.i18n import N_, _, number

if TYPE_CHECKING:
    from seo_audit.analyze import Analysis
    from seo_audit.rewrite import SourceComparison

# How many facts a message names before "and N more".
NAMED_IN_MESSAGE = 5


def _span(first: int | None, last: int | None) -> str:
    if first is None:
        return "?"
    return str(first) if first == last else f"{first}-{last}"


def _name(path: str) -> str:
    return Path(path).name or path


def _left_out(c: SourceComparison) -> str:
    """ " (left out: N paragraph(s) not in French, …)" when a source had some, else ""."""
    if not c.left_out:
        return ""
    where = ", ".join(
        _("{path} line {line} ({language})").format(
            path=_name(p.source_path), line=p.line, language=p.language
        )
        for p in c.left_out
    )
    return _(" ({count} paragraph(s) not in French left out: {where})").format(
        count=len(c.left_out), where=where
    )


def _named(facts: list[Any], where: str = N_("line")) -> str:
    """« text » (line N), ... for the first few facts, then how many more."""
    shown = ", ".join(
        _("« {text} » ({where} {line})").format(text=f.text, where=_(where), line=f.line)
        for f in facts[:NAMED_IN_MESSAGE]
    )
    return shown + _more(len(facts) - NAMED_IN_MESSAGE)


def _more(more: int) -> str:
    return _(" and {count} more").format(count=more) if more > 0 else ""


def _named_missing(facts: list[Any], several: bool) -> str:
    """Missing source facts with their line, and their source when there are several."""
    if not several:
        return _named(facts, N_("source line"))
    shown = ", ".join(
        _("« {text} » ({path} line {line})").format(
            text=f.text, path=_name(f.source_path), line=f.line
        )
        for f in facts[:NAMED_IN_MESSAGE]
    )
    return shown + _more(len(facts) - NAMED_IN_MESSAGE)


@register
class SourceOriginality(Check):
    """At most {max_overlap} of the rewrite is copied, and no passage over {max_copied_words} words.

    What it checks:
        Cuts the draft and the source into sequences of five words (lower case, accents
        kept, apostrophes unified, punctuation dropped) and measures the share of the
        draft's sequences that also appear in the source. Also finds the longest passage
        copied word for word. Fails when the share is above `max_overlap` or the passage is
        longer than `max_copied_words`; the lines are those of the copied passage in the
        draft, and the message gives its lines in the source.

    Why it matters:
        Search engines keep one copy of duplicated text and rank it; a rewrite that pastes
        its source adds nothing and can be filtered out, or seen as plagiarism.

    Failing example:
        Source:
            Le conseil régional a voté mardi une aide de deux millions d’euros pour les
            lignes de car rurales.
        Draft:
            Selon la presse locale, le conseil régional a voté mardi une aide de deux
            millions d’euros pour les lignes de car rurales.

    Passing example:
        Source:
            Le conseil régional a voté mardi une aide de deux millions d’euros pour les
            lignes de car rurales.
        Draft:
            Les lignes de car des campagnes recevront deux millions d’euros : les élus
            régionaux l’ont décidé mardi.
    """

    id = "O001"
    name = "source-originality"
    family = "source"
    needs = (SOURCE,)
    severity = "error"
    weight = 3.0
    options = (
        Option(
            "max_overlap",
            float,
            0.35,
            "highest share of the draft's 5-word sequences in the source",
            min=0,
            max=1,
        ),
        Option("max_copied_words", int, 25, "longest passage copied verbatim", min=1),
    )

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        limit, words_max = opts["max_overlap"], opts["max_copied_words"]
        expected = _("<= {share} of 5-word sequences shared, copies <= {words} words").format(
            share=pct(100 * limit), words=words_max
        )
        c = a.source
        copy = c.longest_copy
        said = (
            _(
                "{share} of the draft's 5-word sequences come from the source; "
                "longest copied passage {words} words"
            )
        ).format(share=pct(100 * c.overlap), words=copy.words)
        if copy.words:
            named = f"{_name(copy.source_path)} " if len(c.paths) > 1 else ""
            said += _(" (draft lines {draft}, {named}source lines {source})").format(
                draft=_span(copy.draft_first_line, copy.draft_last_line),
                named=named,
                source=_span(copy.source_first_line, copy.source_last_line),
            )
        said += _left_out(c)
        if c.overlap <= limit and copy.words <= words_max:
            return Outcome(PASS, round(c.overlap, 3), expected, _("{said}.").format(said=said))
        lines = []
        if copy.words:
            lines = [
                Place(
                    copy.draft_start,
                    copy.draft_end,
                    _("{words} words copied").format(words=copy.words),
                )
            ]
        return Outcome(
            FAIL,
            round(c.overlap, 3),
            expected,
            _("{said}: rewrite it in your own words.").format(said=said),
            lines,
        )


@register
class SourceFactsKept(Check):
    """The rewrite keeps at least {min_kept} of the source's facts: names, numbers and dates.

    What it checks:
        Lists the facts of the source — people, places, organisations, numbers with what
        they count, quantities with their unit, dates and days of the week — and looks for
        each in the draft as a careful reader would (« sept jours » = « 7 jours »,
        « Poutine » = « Vladimir Poutine », « 1 200 » = « mille deux cents »). Fails when
        the share kept is below `min_kept`; the lines are the SOURCE lines of the missing
        facts, and the message names them. With several sources, their facts are counted
        once each (a fact two reports state is one fact), and the message gives the share
        kept of each source.

    Why it matters:
        A rewrite that loses the figures and the names of its source tells less, and often
        tells it wrong: the reader came for the facts.

    Failing example:
        Source:
            Le club a recruté trois joueurs cet été, dont l’ailier Marco Silva, pour
            4 millions d’euros.
        Draft:
            Le club s’est renforcé cet été.

    Passing example:
        Source:
            Le club a recruté trois joueurs cet été, dont l’ailier Marco Silva, pour
            4 millions d’euros.
        Draft:
            Cet été, le club a dépensé quatre millions d’euros pour trois joueurs, parmi
            lesquels l’ailier Marco Silva.
    """

    id = "O002"
    name = "source-facts-kept"
    family = "source"
    needs = (SOURCE,)
    severity = "error"
    weight = 3.0
    options = (Option("min_kept", float, 0.9, "lowest share of source facts kept", min=0, max=1),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        limit = opts["min_kept"]
        expected = _(">= {share} of the source facts").format(share=pct(100 * limit))
        c = a.source
        share = c.kept_share
        if share is None:
            return skip(_("The source states no fact (name, number or date)."), expected)
        missing = c.missing
        said = (_("{count} of {total} source facts kept ({share})")).format(
            count=len(c.facts) - len(missing), total=len(c.facts), share=pct(100 * share)
        )
        if len(c.paths) > 1:
            each = ", ".join(
                _("{path}: {kept} of {total}").format(path=_name(path), kept=kept, total=total)
                for path, (kept, total) in c.kept_by_source().items()
            )
            said += _(" over {count} sources ({each})").format(count=len(c.paths), each=each)
        if missing:
            said += _("; missing: {facts}").format(facts=_named_missing(missing, len(c.paths) > 1))
        said += _left_out(c)
        if share >= limit:
            return Outcome(PASS, round(share, 3), expected, _("{said}.").format(said=said))
        return Outcome(
            FAIL,
            round(share, 3),
            expected,
            _("{said}.").format(said=said),
            [Place(f.start, f.end, f.text, path=f.source_path or c.source_path) for f in missing][
                :50
            ],
        )


@register
class SourceFactsInvented(Check):
    """The rewrite adds at most {max_invented:fact} (name, number, date) that the source lacks.

    What it checks:
        Lists the facts of the draft (people, places, organisations, numbers, quantities,
        dates) and looks for each in the source. Each one the source does not state is
        counted as invented; fails above `max_invented`, with the draft lines of the
        invented facts, named in the message.

    Why it matters:
        A figure or a name that appears in the rewrite only was made up, misread or taken
        from elsewhere without a source: it is the first thing a fact-checker catches, and
        a false figure costs a site its readers' trust.

    Failing example:
        Source:
            La médiathèque a prêté 18 000 livres l’an dernier.
        Draft:
            La médiathèque a prêté 18 000 livres l’an dernier, deux fois plus qu’à Vannes.

    Passing example:
        Source:
            La médiathèque a prêté 18 000 livres l’an dernier.
        Draft:
            L’an dernier, dix-huit mille livres sont sortis de la médiathèque.
    """

    id = "O003"
    name = "source-facts-invented"
    family = "source"
    needs = (SOURCE,)
    severity = "warning"
    weight = 2.0
    options = (Option("max_invented", int, 0, "invented facts tolerated", min=0),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        limit = opts["max_invented"]
        expected = _("<= {limit} fact(s) absent from the source").format(limit=limit)
        c = a.source
        invented = c.invented
        if len(invented) <= limit:
            said = _("No fact of the draft is missing from the source.")
            if invented:
                said = _("{count} fact(s) absent from the source: {facts}.").format(
                    count=len(invented), facts=_named(invented)
                )
            return Outcome(PASS, len(invented), expected, said)
        return Outcome(
            FAIL,
            len(invented),
            expected,
            _(
                "{count} fact(s) absent from the source: {facts}: check them or give their source."
            ).format(count=len(invented), facts=_named(invented)),
            [Place(f.start, f.end, f.text) for f in invented][:50],
        )


@register
class SourceLength(Check):
    """The rewrite is {min_ratio} to {max_ratio} times as long as its source.

    What it checks:
        Divides the draft's words by the source's words (headings and list items count,
        front matter does not; with several sources, the longest one's) and fails outside
        `min_ratio` to `max_ratio`.

    Why it matters:
        An SEO rewrite usually develops its source (context, subheadings, advice); much
        shorter, it drops facts; far longer, it pads them.

    Failing example:
        Source:
            Le conseil régional a voté mardi une aide de deux millions d’euros pour les
            lignes de car rurales. Elle doit maintenir les dessertes du dimanche.
        Draft:
            La région aide les cars ruraux.

    Passing example:
        Source:
            Le conseil régional a voté mardi une aide de deux millions d’euros pour les
            lignes de car rurales. Elle doit maintenir les dessertes du dimanche.
        Draft:
            ## Deux millions pour les cars des campagnes

            Mardi, les élus régionaux ont voté deux millions d’euros pour les lignes de
            car rurales. Sans cette aide, plusieurs dessertes du dimanche auraient disparu.

            Pour les villages éloignés des gares, le car reste souvent le seul moyen de
            rejoindre la ville sans voiture. Les associations d’usagers saluent donc une
            décision attendue depuis des mois.
    """

    id = "O004"
    name = "source-length"
    family = "source"
    needs = (SOURCE,)
    severity = "warning"
    weight = 1.0
    options = (
        Option("min_ratio", float, 1.2, "shortest draft in source lengths", min=0),
        Option("max_ratio", float, 4.0, "longest draft in source lengths", min=0),
    )
    ordered_options = (("min_ratio", "max_ratio"),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        low, high = opts["min_ratio"], opts["max_ratio"]
        expected = _("{low}-{high} times the source's length").format(
            low=number(low), high=number(high)
        )
        c = a.source
        if not c.source_words:
            return skip(_("The source has no words."), expected)
        ratio = c.length_ratio
        said = _("{words} words for a source of {source} ({ratio} times)").format(
            words=c.draft_words, source=c.source_words, ratio=number(ratio, 2)
        )
        if len(c.paths) > 1:
            said = _(
                "{words} words for {count} sources of {sizes} words ({ratio} times the longest)"
            ).format(
                words=c.draft_words,
                count=len(c.paths),
                sizes=", ".join(str(n) for n in c.words_by_source),
                ratio=number(ratio, 2),
            )
        if low <= ratio <= high:
            return Outcome(PASS, round(ratio, 2), expected, _("{said}.").format(said=said))
        advice = _("develop it") if ratio < low else _("cut the padding")
        return Outcome(
            FAIL, round(ratio, 2), expected, _("{said}: {advice}.").format(said=said, advice=advice)
        )
