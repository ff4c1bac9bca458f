"""`<!-- seo-audit: disable ID -->` comments inside a draft (Markdown or HTML)."""

from __future__ import annotations

import re

from seo_audit.document import Directive

DIRECTIVE_RE = re.compile(
    r"<!--\s*seo-audit:\s*(disable-next-line|disable-file|disable|enable)\b(.*?)-->", re.S
)


def find_directives(html: str, first_line: int) -> list[Directive]:
    """Directives in a piece of HTML that starts on `first_line`."""
    found = []
    for m in DIRECTIVE_RE.finditer(html):
        rules = [r for r in re.split(r"[\s,]+", m.group(2).strip()) if r]
        line = first_line + html.count("\n", 0, m.start())
        found.append(Directive(m.group(1), rules, line))
    return found
