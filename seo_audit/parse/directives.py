"""`<!-- seo-audit: disable ID -->` comments inside a draft (Markdown or HTML).

Found in linear time: each `<!--` is paired with the next `-->` by `str.find`, and only the
inside of that comment is matched, so a draft full of unclosed `<!-- seo-audit: disable`
openings cannot make the search rescan the rest of the text for each of them.
"""

from __future__ import annotations

import re

from seo_audit.document import Directive

# The inside of one comment (between `<!--` and `-->`).
_INSIDE_RE = re.compile(
    r"\s*seo-audit:\s*(disable-next-line|disable-file|disable|enable)\b(.*)", re.S
)
_RULES_SPLIT_RE = re.compile(r"[\s,]+")
_OPEN, _CLOSE = "<!--", "-->"


def find_directives(html: str, first_line: int) -> list[Directive]:
    """Directives in a piece of HTML that starts on `first_line`."""
    found = []
    line, counted = first_line, 0  # the line of offset `counted`
    pos = 0
    while True:
        start = html.find(_OPEN, pos)
        if start < 0:
            break
        end = html.find(_CLOSE, start + len(_OPEN))
        if end < 0:  # an unclosed comment runs to the end: nothing after it is a directive
            break
        m = _INSIDE_RE.match(html, start + len(_OPEN), end)
        if m:
            line += html.count("\n", counted, start)
            counted = start
            rules = [r for r in _RULES_SPLIT_RE.split(m.group(2).strip()) if r]
            found.append(Directive(m.group(1), rules, line))
        pos = end + len(_CLOSE)
    return found
