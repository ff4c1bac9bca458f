"""Heading checks: subheadings that structure the article."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from seo_audit.checks.base import FAIL, PASS, Check, Option, Outcome, Place, place, register
from seo_audit.checks.needs import HEADINGS
from seo_audit.i18n import _

if TYPE_CHECKING:
    from seo_audit.analyze import Analysis


def _count_level(a: Analysis, level: int, minimum: int, label: str) -> Outcome:
    found = [b for b in a.document.headings if b.level == level]
    expected = f">= {minimum}"
    if len(found) >= minimum:
        return Outcome(
            PASS,
            len(found),
            expected,
            _("{count} {label} subheading(s).").format(count=len(found), label=label),
            [place(b) for b in found],
        )
    hashes = "#" * level
    return Outcome(
        FAIL,
        len(found),
        expected,
        _(
            "{count} {label} subheading(s); add at least {missing} "
            "({hashes} in Markdown, <h{level}> in HTML)."
        ).format(
            count=len(found), label=label, missing=minimum - len(found), hashes=hashes, level=level
        ),
    )


@register
class H2Present(Check):
    """The article has at least {min_count:H2 subheading}.

    What it checks:
        Counts the level-2 headings (`## Titre` in Markdown, `<h2>` in HTML).

    Why it matters:
        Subheadings let readers scan the article and tell search engines what each part
        is about; the mission requires H2 sections.

    Failing example:
        # Le vélo électrique en ville

        Les ventes progressent chaque année. Les communes tracent de nouvelles pistes.

        Les prix, eux, restent élevés pour beaucoup de ménages.

    Passing example:
        # Le vélo électrique en ville

        ## Pourquoi le vélo électrique séduit les villes

        Les trajets sont plus courts et moins fatigants qu’en voiture.
    """

    id = "H001"
    name = "h2-present"
    family = "headings"
    needs = (HEADINGS,)
    weight = 2.0
    options = (Option("min_count", int, 1, "minimum number of H2 headings", min=0),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        return _count_level(a, 2, opts["min_count"], "H2")


@register
class H3Present(Check):
    """The article has at least {min_count:H3 subheading}.

    What it checks:
        Counts the level-3 headings (`### Titre` in Markdown, `<h3>` in HTML).

    Why it matters:
        H3 headings split long H2 sections into parts a reader can find; the mission
        requires both H2 and H3 levels.

    Failing example:
        # Le vélo électrique en ville

        ## Combien coûte un vélo électrique

        Un bon modèle coûte plus de mille euros.

        ## Comment l’entretenir

        Une révision par an suffit le plus souvent.

    Passing example:
        # Le vélo électrique en ville

        ## Combien coûte un vélo électrique

        ### Les aides de l’État

        Une prime réduit la facture des ménages modestes.
    """

    id = "H002"
    name = "h3-present"
    family = "headings"
    needs = (HEADINGS,)
    weight = 2.0
    options = (Option("min_count", int, 1, "minimum number of H3 headings", min=0),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        return _count_level(a, 3, opts["min_count"], "H3")


@register
class HeadingOrder(Check):
    """Heading levels follow each other: no H3 before the first H2, no level skipped.

    What it checks:
        Walks the headings in order and reports an H3 that comes before any H2, and a
        heading that goes down more than one level at once (H2 followed by H4).

    Why it matters:
        Screen readers and search engines read the headings as an outline; an H3 with no
        H2 above it, or a skipped level, breaks that outline.

    Failing example:
        # Le vélo électrique en ville

        ### Le prix d’achat

        Un bon modèle coûte plus de mille euros.

    Passing example:
        # Le vélo électrique en ville

        ## Le budget

        ### Le prix d’achat

        Un bon modèle coûte plus de mille euros.

        ## L’entretien

        Une révision par an suffit le plus souvent.
    """

    id = "H003"
    name = "heading-order"
    family = "headings"
    needs = (HEADINGS,)
    severity = "warning"
    weight = 1.0

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        problems: list[tuple[int, str, Place]] = []
        seen_h2 = False
        previous = 0
        for heading in a.document.headings:
            if heading.level == 2:
                seen_h2 = True
            if heading.level == 3 and not seen_h2:
                said = _("an H3 comes before any H2")
                problems.append((heading.line, said, place(heading, said)))
            elif previous and heading.level > previous + 1:
                said = _("H{previous} is followed by H{level}").format(
                    previous=previous, level=heading.level
                )
                problems.append((heading.line, said, place(heading, said)))
            previous = heading.level
        expected = _("no H3 before an H2, no skipped level")
        if not problems:
            return Outcome(PASS, 0, expected, _("Heading levels are in order."))
        first_line, first, _where = problems[0]
        return Outcome(
            FAIL,
            len(problems),
            expected,
            _("{count} heading(s) out of order; line {line}: {first}.").format(
                count=len(problems), line=first_line, first=first
            ),
            [where for _line, _said, where in problems],
        )
