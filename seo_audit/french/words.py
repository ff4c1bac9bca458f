"""Counting words as a word processor does.

The rule: split the prose on white space (U+0020, no-break U+00A0, narrow no-break U+202F,
tabs, line breaks); a piece counts as one word when it holds at least one letter or digit
and is not a URL or an e-mail address. So `l’Ukraine` = 1, `Kim Jong-un` = 2, `3,5` = 1,
`10 h 30` = 3, while a lone `%`, `:` or `—` is not a word. Front matter, markup, code and
URLs never reach this count; headings and list items do.
"""

from __future__ import annotations

import functools
import re

from seo_audit.french.text import has_alnum

_URL_RE = re.compile(r"^[(«\"']*(?:https?://|ftp://|www\.)\S+$", re.IGNORECASE)
_EMAIL_RE = re.compile(r"^[(«\"']*[\w.+-]+@[\w-]+(?:\.[\w-]+)+[)».,;:!?\"']*$")


@functools.lru_cache(maxsize=65536)
def is_word(piece: str) -> bool:
    """True when a white-space separated piece of prose counts as a word."""
    if not has_alnum(piece):
        return False
    if "@" not in piece and "://" not in piece and "www." not in piece.lower():
        return True  # the common case: no need for the URL and e-mail patterns
    return not (_URL_RE.match(piece) or _EMAIL_RE.match(piece))


def word_pieces(text: str) -> list[str]:
    """The words of `text`, by the rule above."""
    return [piece for piece in text.split() if is_word(piece)]


def count_words(text: str) -> int:
    """Number of words in `text`, by the rule above. Cached: the same paragraph is counted
    by the metrics, the checks and the marks."""
    return _count_words(text)


@functools.lru_cache(maxsize=4096)
def _count_words(text: str) -> int:
    return sum(1 for piece in text.split() if is_word(piece))
