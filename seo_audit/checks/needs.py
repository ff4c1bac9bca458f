"""What a check needs before it can measure anything, declared on the check (`needs = ...`).

The framework tests a check's needs before running it; an unmet need gives a `skip` with the
need's message, so no check repeats `if not a.keyword: return skip(...)`.

Two kinds of need:

- the draft cannot be judged without it (`blocks_verdict`): a keyphrase the user must give,
  headings or links that plain text cannot show. A REQUIRED (error-severity) check skipped
  for such a need is "unverifiable": the draft does not pass, and the report says what to
  provide, unless the rule set accepts it (`accept_unverifiable = true`).
- absent by choice: no source article. The check is skipped and the verdict unaffected.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from seo_audit.i18n import N_, _

if TYPE_CHECKING:
    from seo_audit.analyze import Analysis

KEYPHRASE = "keyphrase"
HEADINGS = "headings"
MARKUP = "markup"  # links and images
SOURCE = "source"

NO_KEYWORD = N_("No focus keyphrase: set --keyword or `keyword:` in the front matter.")
NO_HEADINGS_IN_TEXT = N_(
    "Plain text cannot show headings: check the Markdown or HTML version for subheadings."
)
NO_MARKUP_IN_TEXT = N_(
    "Plain text cannot hold links or images: check the Markdown or HTML version."
)
NO_SOURCE = N_("No source: give --source or `source:` in the front matter.")


def no_keyword_message(a: Analysis) -> str:
    if a.suggestions:
        quoted = ", ".join(_("“{keyword}”").format(keyword=s) for s in a.suggestions)
        return _("{message} Likely keyphrases: {quoted}.").format(
            message=_(NO_KEYWORD), quoted=quoted
        )
    return _(NO_KEYWORD)


@dataclass(frozen=True)
class Need:
    name: str
    met: Callable[[Analysis], bool]
    message: Callable[[Analysis], str]
    blocks_verdict: bool  # True: without it a required check cannot be verified


NEEDS = {
    KEYPHRASE: Need(KEYPHRASE, lambda a: bool(a.keyword), no_keyword_message, True),
    HEADINGS: Need(
        HEADINGS,
        lambda a: a.document.can_show_headings,
        lambda a: _(NO_HEADINGS_IN_TEXT),
        True,
    ),
    MARKUP: Need(
        MARKUP, lambda a: a.document.can_show_headings, lambda a: _(NO_MARKUP_IN_TEXT), True
    ),
    SOURCE: Need(SOURCE, lambda a: a.source is not None, lambda a: _(NO_SOURCE), False),
}


def unmet_need(needs: tuple[str, ...], a: Analysis) -> Need | None:
    """The first of `needs` the analysis does not meet, or None."""
    for name in needs:
        if not NEEDS[name].met(a):
            return NEEDS[name]
    return None
