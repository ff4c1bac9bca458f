"""Structure checks: one H1, headings that say something, sections and paragraphs of a
readable length."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from seo_audit.checks.base import FAIL, PASS, Check, Option, Outcome, Place, place, register, skip
from seo_audit.checks.needs import HEADINGS
from seo_audit.french.words import count_words
from seo_audit.i18n import _

if TYPE_CHECKING:
    from seo_audit.analyze import Analysis


@register
class SingleH1(Check):
    """The article has exactly one H1 (a front matter title counts as the H1).

    What it checks:
        Counts the level-1 headings. In Markdown with a front matter `title`, the site
        generator usually prints the title as the H1, so no H1 in the body is fine, and one
        H1 in the body is fine too; two or more H1 fail.

    Why it matters:
        The H1 is the headline of the page; two headlines blur what the page is about for
        readers and search engines.

    Failing example:
        # Le vélo électrique

        Les citadins l’adoptent pour leurs trajets quotidiens.

        # Nos conseils

        Essayez plusieurs modèles avant d’acheter.

    Passing example:
        # Le vélo électrique

        Les citadins l’adoptent pour leurs trajets quotidiens.

        ## Nos conseils

        Essayez plusieurs modèles avant d’acheter.
    """

    id = "S001"
    name = "single-h1"
    family = "structure"
    needs = (HEADINGS,)
    severity = "warning"
    weight = 1.0

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        expected = _("exactly 1 H1")
        h1 = [b for b in a.document.headings if b.level == 1]
        titled = a.document.format == "markdown" and bool(a.document.title)
        if len(h1) == 1 or (not h1 and titled):
            said = (
                _("The headline is the front matter title.")
                if not h1
                else _("The headline is one H1.")
            )
            return Outcome(PASS, max(len(h1), 1), expected, said)
        if not h1:
            return Outcome(FAIL, 0, expected, _("No H1 and no title: add a headline."))
        return Outcome(
            FAIL,
            len(h1),
            expected,
            _("{count} H1 headings: keep one, make the others H2.").format(count=len(h1)),
            [place(b) for b in h1],
        )


@register
class HeadingLength(Check):
    """No heading is empty or longer than {max_chars} characters.

    What it checks:
        Every heading (H1 to H6) has text, and at most `max_chars` characters.

    Why it matters:
        An empty heading is a markup error that screen readers announce as nothing; a long
        one is a sentence, not a signpost, and is cut in search results.

    Failing example:
        ## Pourquoi tant de citadins troquent-ils leur voiture contre un vélo électrique ?

    Passing example:
        ## Pourquoi les citadins adoptent le vélo électrique
    """

    id = "S002"
    name = "heading-length"
    family = "structure"
    severity = "warning"
    weight = 1.0
    options = (Option("max_chars", int, 70, "longest heading in characters", min=1),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        limit = opts["max_chars"]
        expected = _("1-{limit} characters").format(limit=limit)
        headings = a.document.headings
        if not headings:
            return skip(_("No heading."), expected)
        empty = [b for b in headings if not b.text.strip()]
        long_ones = [b for b in headings if len(b.text.strip()) > limit]
        if not empty and not long_ones:
            return Outcome(PASS, len(headings), expected, _("Every heading has a good length."))
        parts = []
        if empty:
            parts.append(_("{count} empty heading(s)").format(count=len(empty)))
        if long_ones:
            longest = max(len(b.text.strip()) for b in long_ones)
            parts.append(
                _("{count} over {limit} characters (longest {longest})").format(
                    count=len(long_ones), limit=limit, longest=longest
                )
            )
        return Outcome(
            FAIL,
            len(empty) + len(long_ones),
            expected,
            "; ".join(parts) + ".",
            [
                place(
                    b,
                    _("empty")
                    if not b.text.strip()
                    else _("{count} characters").format(count=len(b.text.strip())),
                )
                for b in sorted(empty + long_ones, key=lambda b: b.start)
            ],
        )


@register
class SubheadingDistribution(Check):
    """No section runs longer than {max_words} words without a subheading.

    What it checks:
        Counts the words between one heading and the next (and before the first heading);
        each stretch longer than `max_words` is listed with where it starts.

    Why it matters:
        On screen, a long stretch without a subheading is a wall of text; readers who scan
        lose their way and leave.

    Failing example:
        (described) An H2 followed by 450 words of paragraphs before the next heading.

    Passing example:
        # Le vélo électrique en ville

        ## Le budget

        Un bon modèle coûte plus de mille euros. Les aides réduisent la facture.

        ### L’entretien

        Une révision par an suffit le plus souvent.
    """

    id = "S003"
    name = "subheading-distribution"
    family = "structure"
    needs = (HEADINGS,)
    severity = "warning"
    weight = 1.0
    options = (Option("max_words", int, 300, "longest section without a subheading", min=1),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        limit = opts["max_words"]
        expected = _("<= {limit} words per section").format(limit=limit)
        measured = a.sections()
        too_long = [
            (Place(blocks[0].start, blocks[-1].end, _("{words} words").format(words=words)), words)
            for blocks, words in measured
            if words > limit
        ]
        longest = max((words for _blocks, words in measured), default=0)
        if not too_long:
            return Outcome(
                PASS,
                longest,
                expected,
                _("Longest section: {longest} words.").format(longest=longest),
            )
        return Outcome(
            FAIL,
            longest,
            expected,
            _(
                "{count} section(s) over {limit} words without a subheading (longest {longest})."
            ).format(count=len(too_long), limit=limit, longest=longest),
            [where for where, _words in too_long],
        )


@register
class ParagraphLength(Check):
    """No paragraph is longer than {max_words} words.

    What it checks:
        Counts the words of every paragraph (and quote) and lists those over `max_words`.

    Why it matters:
        Short paragraphs are how the web is read, on a phone most of all: a 200-word
        paragraph fills the screen and hides its point.

    Failing example:
        (described) One paragraph of 190 words that tells the whole history of the bicycle.

    Passing example:
        Le premier vélo sans pédales date de 1817. On le poussait avec les pieds.

        Les pédales arrivent vers 1860, sur la roue avant.

        La chaîne et les pneus gonflables font ensuite le vélo moderne.
    """

    id = "S004"
    name = "paragraph-length"
    family = "structure"
    severity = "warning"
    weight = 1.0
    options = (Option("max_words", int, 150, "longest paragraph in words", min=1),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        limit = opts["max_words"]
        expected = _("<= {limit} words per paragraph").format(limit=limit)
        paragraphs = [b for b in a.document.blocks if b.kind in ("paragraph", "quote")]
        if not paragraphs:
            return skip(_("No paragraph."), expected)
        sizes = [(b, count_words(b.text)) for b in paragraphs]
        too_long = [(b, n) for b, n in sizes if n > limit]
        longest = max(n for _block, n in sizes)
        if not too_long:
            return Outcome(
                PASS,
                longest,
                expected,
                _("Longest paragraph: {longest} words.").format(longest=longest),
            )
        return Outcome(
            FAIL,
            longest,
            expected,
            _("{count} paragraph(s) over {limit} words (longest {longest}).").format(
                count=len(too_long), limit=limit, longest=longest
            ),
            [place(b, _("{words} words").format(words=n)) for b, n in too_long],
        )
