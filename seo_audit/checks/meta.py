"""Meta checks: the title and description a search result shows."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from seo_audit.checks.base import FAIL, PASS, WARN, Check, Option, Outcome, register, text_place
from seo_audit.document import title_of
from seo_audit.i18n import _

if TYPE_CHECKING:
    from seo_audit.analyze import Analysis

# Approximate advance widths in pixels of Arial at 20 px, the font of a desktop search
# result title; letters with accents are as wide as their base letter.
_NARROW = set("ijlI.,;:!'|’‘()[]{} ")
_SEMI = set('frt-/"«»')
_WIDE_LOWER = set("mw")
_WIDE_UPPER = set("MW")


def title_pixels(text: str) -> int:
    """Estimated width of `text` as a search result title, in pixels."""
    width = 0.0
    for char in unicodedata.normalize("NFD", text):
        if unicodedata.combining(char):
            continue
        if char in _NARROW:
            width += 5.6
        elif char in _SEMI:
            width += 6.7
        elif char in _WIDE_LOWER:
            width += 16.0
        elif char in _WIDE_UPPER:
            width += 17.5
        elif char.isupper():
            width += 13.5
        elif char.isdigit():
            width += 11.1
        else:
            width += 10.9
    return round(width)


@register
class TitleLength(Check):
    """The title has {min_chars} to {max_chars} characters and is at most {max_pixels} px wide.

    What it checks:
        Measures the page title (front matter `title`, HTML `<title>`, or else the H1) in
        characters, and estimates its width in pixels as a desktop search result shows it
        (Arial, 20 px). A missing title fails.

    Why it matters:
        Search engines cut a title too wide for the result with “…”, so its end is lost; a
        very short title wastes the most visible line of the result.

    Failing example:
        ---
        title: Vélo électrique
        ---
        Le vélo électrique séduit de plus en plus de citadins.

    Passing example:
        ---
        title: "Vélo électrique : le guide pour bien choisir en ville"
        ---
        Le vélo électrique séduit de plus en plus de citadins.
    """

    id = "M001"
    name = "title-length"
    family = "meta"
    severity = "warning"
    weight = 1.0
    options = (
        Option("min_chars", int, 30, "shortest title in characters", min=1),
        Option("max_chars", int, 60, "longest title in characters", min=1),
        Option("max_pixels", int, 600, "widest title in pixels", min=100),
    )

    ordered_options = (("min_chars", "max_chars"),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        low, high, pixels_max = opts["min_chars"], opts["max_chars"], opts["max_pixels"]
        expected = _("{low}-{high} characters, <= {pixels} px").format(
            low=low, high=high, pixels=pixels_max
        )
        title, _where, title_map = title_of(a.document)
        if not title:
            return Outcome(FAIL, None, expected, _("No title: set `title:` or an H1 (or <title>)."))
        n, px = len(title), title_pixels(title)
        said = _("Title of {count} characters, about {px} px").format(count=n, px=px)
        places = text_place(title, title_map)
        if n < low:
            return Outcome(FAIL, n, expected, _("{said}: too short.").format(said=said), places)
        if n > high or px > pixels_max:
            return Outcome(
                FAIL,
                n,
                expected,
                _("{said}: it will be cut in search results.").format(said=said),
                places,
            )
        return Outcome(PASS, n, expected, _("{said}.").format(said=said))


@register
class MetaDescriptionLength(Check):
    """The meta description has {min_chars} to {max_chars} characters.

    What it checks:
        Measures the front matter `description` (or HTML `<meta name="description">`) in
        characters. A missing description fails; one a little short only warns.

    Why it matters:
        The description is the text of the search result under the title. Search engines
        cut a long one; a short one says too little to earn the click, and with none they
        pick a sentence of the page themselves.

    Failing example:
        ---
        description: Un guide du vélo.
        ---
        Le vélo électrique séduit de plus en plus de citadins.

    Passing example:
        ---
        description: "Prix, autonomie, aides de l’État : notre guide pour choisir un vélo
          électrique adapté à la ville et rouler en toute sécurité."
        ---
        Le vélo électrique séduit de plus en plus de citadins.
    """

    id = "M002"
    name = "meta-description-length"
    family = "meta"
    severity = "warning"
    weight = 1.0
    options = (
        Option("min_chars", int, 120, "shortest description in characters", min=1),
        Option("max_chars", int, 156, "longest description in characters", min=1),
    )

    ordered_options = (("min_chars", "max_chars"),)

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:
        low, high = opts["min_chars"], opts["max_chars"]
        expected = _("{low}-{high} characters").format(low=low, high=high)
        description = a.document.description
        if not description:
            where = {
                "html": '<meta name="description">',
                "docx": _("Comments to the document's properties"),
            }.get(a.document.format, _("`description:` in the front matter"))
            return Outcome(
                FAIL, None, expected, _("No meta description: add {where}.").format(where=where)
            )
        n = len(description)
        places = text_place(description, a.document.description_map)
        if n < low:
            return Outcome(
                WARN if n >= 0.75 * low else FAIL,
                n,
                expected,
                _("Meta description of {count} characters: too short.").format(count=n),
                places,
            )
        if n > high:
            return Outcome(
                FAIL,
                n,
                expected,
                _("Meta description of {count} characters: it will be cut.").format(count=n),
                places,
            )
        return Outcome(
            PASS, n, expected, _("Meta description of {count} characters.").format(count=n)
        )
