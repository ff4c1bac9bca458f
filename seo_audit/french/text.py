"""The French text layer shared by every module of seo_audit.french.

Characters. French prose writes the apostrophe ' ’ ʼ ‘ (and, by a keyboard slip, ´), the
space as U+0020, no-break U+00A0, narrow no-break U+202F or thin U+2009, the hyphen as
- U+2010 or U+2011. For comparisons they are one apostrophe (’, the French typographic
one), one space and one hyphen (-).

`normalise` gives the comparison form of a text: the characters above unified, NFKC
(ligatures such as "ﬁ", full-width letters), lower case, and accents kept or folded
("État" → "état" or "etat"; folding also spells out "œ" and "æ"). Every French module
compares words through it, so a word list written with ’ matches text written with '.

Word lists live in data files (seo_audit/french/data/*.txt: `[name]` opens a list, one item
a line, `#` comments), read by `word_lists`. The closed lists several modules need are
loaded here once: articles and determiners, elided forms, titles before a name, months
and weekdays. Small mappings (an elided form and its full words, a contraction and its
parts) are written below in Python.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

# --- Characters -------------------------------------------------------------------------------

APOSTROPHE = "’"
# Every character written as an apostrophe; ´ (acute accent) is a common keyboard slip.
APOSTROPHES = "'’ʼ‘´"
# Spaces that are plain spaces for comparisons: no-break, narrow no-break, thin.
SPACES = "\u00a0\u202f\u2009"
HYPHEN = "-"
HYPHENS = "-\u2010\u2011"

# Blocks (headings, paragraphs, list items) are joined with this separator before the
# single spaCy pass; the sentence component always starts a sentence after it.
BLOCK_SEPARATOR = "\n\n"

_MARKS = str.maketrans(
    {
        **{c: APOSTROPHE for c in APOSTROPHES if c != APOSTROPHE},
        **{c: HYPHEN for c in HYPHENS if c != HYPHEN},
        **{c: " " for c in SPACES},
    }
)
_SPACES = str.maketrans({c: " " for c in SPACES})
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})


# The same as (mark, replacement) pairs; no replacement is itself a mark.
_MARK_PAIRS = tuple((chr(code), by) for code, by in _MARKS.items())


def unify_marks(text: str) -> str:
    """One apostrophe (’), one hyphen (-) and one space: one character for one, so that
    offsets in the result are offsets in `text`. Case, accents and the rest are kept."""
    # A search and a replace per mark present: on accented text, several times faster than
    # str.translate, which looks every character up in the table.
    for mark, by in _MARK_PAIRS:
        if mark in text:
            text = text.replace(mark, by)
    return text


def unify_spaces(text: str) -> str:
    """No-break, narrow no-break and thin spaces made plain spaces (one for one)."""
    return text.translate(_SPACES)


@functools.lru_cache(maxsize=65536)
def normalise(text: str, *, accents: bool = True) -> str:
    """The comparison form of `text`: apostrophes, hyphens and spaces unified, NFKC, lower
    case; accents (and œ, æ) folded unless `accents`.

    Cached: the modules compare the same few thousand word forms over and over (and the
    cache itself is the function called, with no Python call in front of it).
    """
    # Marks first (NFKC would turn ´ into a space and an accent), then again after NFKC
    # (a full-width apostrophe becomes ').
    text = unify_marks(unicodedata.normalize("NFKC", unify_marks(text))).lower()
    return text if accents else fold_accents(text)


@functools.lru_cache(maxsize=65536)
def has_alnum(text: str) -> bool:
    """Whether `text` holds a letter or a digit (a word, not punctuation). Cached: words repeat."""
    return any(c.isalnum() for c in text)


def fold_accents(text: str) -> str:
    """Accents removed and œ, æ spelled out: "Cœur brûlé" → "Coeur brule" (case kept)."""
    decomposed = unicodedata.normalize("NFD", text)
    # Only the few characters from U+0300 on can be combining marks: the others are kept
    # without a look (a test checks that none before U+0300 is one).
    bare = _FROM_COMBINING.sub(_without_combining, decomposed)
    return spell_out_ligatures(unicodedata.normalize("NFC", bare))


# The first combining mark is U+0300.
_FROM_COMBINING = re.compile("[\u0300-\U0010ffff]+")


def _without_combining(match: re.Match[str]) -> str:
    return "".join(c for c in match.group() if not unicodedata.combining(c))


def spell_out_ligatures(text: str) -> str:
    """Spell out the ligatures œ and æ ("oe", "ae"), as on a keyboard without them."""
    return text.translate(_LIGATURES)


# --- Word lists -------------------------------------------------------------------------------


@functools.cache
def word_lists(name: str) -> dict[str, tuple[str, ...]]:
    """The lists of data/`name`.txt, by list name, each in file order.

    `[list-name]` opens a list; every other line is one item; lines starting with `#` and
    blank lines are skipped. Items are kept as written (case, accents, inner spaces).
    """
    source = resources.files("seo_audit.french").joinpath("data", f"{name}.txt")
    lists: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, raw in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = lists.setdefault(line[1:-1], [])
            continue
        if current is None:
            raise ValueError(f"data/{name}.txt:{number}: an item before any [list] header")
        current.append(line)
    return {key: tuple(items) for key, items in lists.items()}


_TEXT = word_lists("text")

# Titles before a person's name, abbreviated and case-sensitive ("M", "Mme", "Dr"), and
# their spelled-out forms ("monsieur", "madame").
TITLES: frozenset[str] = frozenset(_TEXT["titles"])
SAINTS: frozenset[str] = frozenset(_TEXT["saints"])
TITLE_WORDS: frozenset[str] = frozenset(_TEXT["title-words"])

MONTHS: tuple[str, ...] = _TEXT["months"]  # janvier … décembre, in order
MONTH_ABBREVIATIONS: frozenset[str] = frozenset(_TEXT["month-abbreviations"])
WEEKDAYS: tuple[str, ...] = _TEXT["weekdays"]  # lundi … dimanche, in order

DEFINITE_ARTICLES: frozenset[str] = frozenset(_TEXT["definite-articles"])
INDEFINITE_ARTICLES: frozenset[str] = frozenset(_TEXT["indefinite-articles"])
# Articles fused with "de" or "à", and the words they stand for.
CONTRACTIONS: dict[str, tuple[str, str]] = {
    "du": ("de", "le"),
    "des": ("de", "les"),
    "au": ("à", "le"),
    "aux": ("à", "les"),
}
# Every determiner: articles, contractions, demonstratives, possessives, quantifiers.
DETERMINERS: frozenset[str] = (
    DEFINITE_ARTICLES
    | INDEFINITE_ARTICLES
    | frozenset(CONTRACTIONS)
    | frozenset(_TEXT["other-determiners"])
)

# Elided forms and the full words they stand for: "l’" is "le" or "la".
ELISIONS: dict[str, tuple[str, ...]] = {
    "l’": ("le", "la"),
    "d’": ("de",),
    "qu’": ("que",),
    "jusqu’": ("jusque",),
    "lorsqu’": ("lorsque",),
    "puisqu’": ("puisque",),
    "presqu’": ("presque",),
    "quoiqu’": ("quoique",),
    "n’": ("ne",),
    "s’": ("se", "si"),
    "c’": ("ce",),
    "j’": ("je",),
    "m’": ("me",),
    "t’": ("te", "tu"),
}
ELIDED: frozenset[str] = frozenset(ELISIONS)
