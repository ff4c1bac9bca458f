"""Language identification from function words, in pure Python.

Every language writes most of its running text with a few dozen short words (articles,
prepositions, pronouns, auxiliaries). Counting them tells French from English, Spanish,
German, Italian, Portuguese and Dutch on a paragraph of 15 words or more, and a few
English names or brand names inside French prose weigh little against the French `de`,
`la`, `les`, `et`, `qui` around them.

A word listed for several languages (`de` is French, Spanish and Portuguese) counts for
each of them, divided by how many share it; letters that only one language writes (ñ for
Spanish, ß for German, ã/õ for Portuguese, œ for French) add a small bonus.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Sequence

from seo_audit.french.text import APOSTROPHE, normalise, word_lists

UNDETERMINED = "und"

# The most frequent function words of each language, written out for this project
# (data/language.txt, one list per language).
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words) for lang, words in word_lists("language").items()
}

# Letters written by one language of the seven (or nearly so), with their bonus per word.
CHARACTER_CUES: dict[str, str] = {
    "fr": "éèêœûùîïë",
    "es": "ñ¿¡",
    "de": "ßäöü",
    "pt": "ãõ",
    "it": "òì",
}
# Word endings (or, for Dutch, a letter pair) typical of one language.
WORD_CUES: dict[str, tuple[str, ...]] = {
    "es": ("ción", "ciones"),
    "pt": ("ção", "ções", "ão"),
    "it": ("zione", "zioni"),
    "de": ("ung", "ungen", "lich"),
    "nl": ("ij",),
}
_CUE_WEIGHT = 0.3

_WORD_RE = re.compile(rf"[^\W\d_]+(?:{APOSTROPHE}(?=[^\W\d_]))?|[¿¡]")
# Below this much evidence the answer is "und".
_MIN_WORDS = 3
_MIN_SCORE = 1.5

_SHARE: Counter[str] = Counter(w for words in FUNCTION_WORDS.values() for w in words)


def _words(text: str) -> list[str]:
    return _WORD_RE.findall(normalise(text))


def language_words(text: str) -> list[str]:
    """The words of `text` that the language test reads, normalised. The words of texts
    joined by a line break are the words of each text, in order."""
    return _words(text)


def language_scores(text: str) -> dict[str, float]:
    """Evidence for each language: function words (shared ones split) plus letter cues."""
    return _scores(_words(text))


def _scores(words: Sequence[str]) -> dict[str, float]:
    scores = dict.fromkeys(FUNCTION_WORDS, 0.0)
    for word in words:
        for lang, value in _word_evidence(word):
            scores[lang] += value
    return scores


@functools.lru_cache(maxsize=65536)
def _word_evidence(word: str) -> tuple[tuple[str, float], ...]:
    """What one word says for each language (cached: articles repeat the same words)."""
    found: list[tuple[str, float]] = []
    for lang, words in FUNCTION_WORDS.items():
        if word in words:
            found.append((lang, 1.0 / _SHARE[word]))
    for lang, letters in CHARACTER_CUES.items():
        if any(c in letters for c in word):
            found.append((lang, _CUE_WEIGHT))
    for lang, cues in WORD_CUES.items():
        if any(word.endswith(cue) if lang != "nl" else cue in word for cue in cues):
            found.append((lang, _CUE_WEIGHT))
    return tuple(found)


def detect_language(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of `text` and a confidence in [0, 1]; `und` when unsure.

    The confidence is a softmax of the scores: near 1 when the best language leads by
    several function words, about 1/2 or less on a close call or on very little evidence.
    """
    return language_of_words(_words(text))


def language_of_words(words: Sequence[str]) -> tuple[str, float]:
    """`detect_language` of a text, given its `language_words`."""
    if len([w for w in words if w not in "¿¡"]) < _MIN_WORDS:
        return UNDETERMINED, 0.0
    scores = _scores(words)
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    best, top = ranked[0]
    if top < _MIN_SCORE:
        return UNDETERMINED, 0.0
    # Shifted by the top score so that exp() never overflows on a long article.
    confidence = 1.0 / sum(math.exp(score - top) for score in scores.values())
    return best, round(confidence, 3)


def is_french(text: str) -> bool:
    """True when `text` is identified as French."""
    return detect_language(text)[0] == "fr"


def language_shares(texts: Sequence[str]) -> dict[str, float]:
    """Share of the words written in each language, each text taken as one language."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts[detect_language(text)[0]] += len(_words(text))
    total = sum(counts.values())
    return {lang: round(n / total, 3) for lang, n in counts.most_common()} if total else {}
