"""How common a French word is: its Zipf frequency from data/frequencies.tsv.

The Zipf scale is log10 of a word's count per billion words: 7 for « de », 5 for
« gouvernement », 3 for a word met about once in a million words. The list is built from the
`wordfreq` package by scripts/build_word_frequencies.py (source, licence and version in
data/frequencies.README.md) and read once, the first time a word is looked up.
"""

from __future__ import annotations

import functools
from importlib import resources

from seo_audit.french.text import normalise

# The list stops at this Zipf frequency (about once in three million words): a word that is
# not in it is rarer, and `zipf` gives it 0.
LIST_FLOOR = 2.5


@functools.cache
def _table() -> dict[str, float]:
    source = resources.files("seo_audit.french").joinpath("data", "frequencies.tsv")
    table: dict[str, float] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        word, value = line.split("\t")
        table[word] = float(value)
    return table


def zipf(word: str) -> float:
    """The Zipf frequency of `word` (any case, any apostrophe), 0.0 when it is rarer than
    LIST_FLOOR or not a French word."""
    return _table().get(normalise(word), 0.0)


def list_size() -> int:
    """How many words the list holds."""
    return len(_table())
