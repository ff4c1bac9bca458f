"""Insights on a text, measured from the one spaCy pass: reading time, prominent words and
phrases, complex words.

- Reading time: words at a French adult's silent reading speed, plus a few seconds for each
  image.
- Prominent words: the lemmas of the content words (spaCy's French stop words, a few
  adverbs, numbers and one-letter words left out), ranked by count, and the phrases of two
  or three content words in a row (« vélo électrique »), which a writer compares with the
  keyphrase.
- Complex words: long and rare words of the body (see `is_complex`), for R006.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, TypeVar

from spacy.tokens import Doc, Span, Token

from seo_audit.french.frequencies import zipf
from seo_audit.french.text import HYPHENS, normalise, word_lists
from seo_audit.french.tokens import doc_tokens
from seo_audit.i18n import _

T = TypeVar("T")

# Silent reading speed of French adults reading their own language: 195 ± 26 words per
# minute, from the International Reading Speed Texts (IReST): Trauzettel-Klosinski, Dietz et
# al., "Standardized assessment of reading performance: the new International Reading Speed
# Texts IReST", Investigative Ophthalmology & Visual Science 53(9), 2012, table 3.
READING_WORDS_PER_MINUTE = 195
# Time spent on an image, after Medium's published reading-time rule (help article "Read
# time"): 12 seconds for the first image, one second less for each next one, 3 seconds from
# the tenth on.
FIRST_IMAGE_SECONDS = 12
LEAST_IMAGE_SECONDS = 3

# Adverbs and answers spaCy's stop list lacks (data/insights.txt), in comparison form.
FUNCTION_WORDS = frozenset(normalise(w) for w in word_lists("insights")["function-words"])
# Phrases of this many content words in a row are counted (« vélo électrique pliant »).
PHRASE_SIZES = (2, 3)
# A phrase said once is no pattern: phrases are ranked from this many occurrences.
MIN_PHRASE_COUNT = 2


def reading_seconds(words: int, images: int) -> int:
    """Seconds to read `words` words and look at `images` images."""
    seconds = 60 * words / READING_WORDS_PER_MINUTE
    seconds += sum(max(FIRST_IMAGE_SECONDS - i, LEAST_IMAGE_SECONDS) for i in range(images))
    return round(seconds)


def _is_wordlike(text: str) -> bool:
    return any(c.isalpha() for c in text) and all(c.isalpha() or c in HYPHENS for c in text)


def is_content(token: Token) -> bool:
    """A word that carries meaning: written in letters, not one of spaCy's French stop words
    (articles, pronouns, prepositions, « être », « faire », « tout »...) nor of
    FUNCTION_WORDS (« bien », « trop », « hier »...).

    Decided by the word alone, not by its part of speech: the tagger reads a word in the
    context of the blocks around it, and tags the same « maison » a noun or a pronoun
    depending on them (the editor parses a draft block by block).
    """
    return _is_content(token.text, token.lemma_, token.doc, token.i)


def _is_content(text: str, lemma: str, doc: Doc, i: int) -> bool:
    """`is_content` of the token `doc[i]` given its form and lemma: the Token is made only
    when the pair is new."""
    # Decided by the form and the lemma alone: computed once per pair in a process.
    key = (text, lemma)
    found = _CONTENT.get(key)
    if found is None:
        if len(_CONTENT) > _CONTENT_LIMIT:
            _CONTENT.clear()
        made = doc[i]
        found = _CONTENT[key] = (
            not made.is_stop
            # « été » of « a été »: the form is no stop word, its lemma « être » is.
            and not made.vocab[lemma.lower()].is_stop
            and len(text) > 1
            and _is_wordlike(text)
            and not made.like_num
            and normalise(text) not in FUNCTION_WORDS
        )
    return found


# is_content by (form, lemma); cleared when full, so a long batch stays within bounds.
_CONTENT: dict[tuple[str, str], bool] = {}
_CONTENT_LIMIT = 200_000


def word_key(token: Token, names: frozenset[str] = frozenset()) -> str:
    """What a content word counts as: its lemma in lower case (« vélos » → « vélo »), a
    name as written (« Paris »).

    A name is a word with a capital inside a sentence, whatever the tagger says (the river
    « Vilaine », not the adjective « vilain »); a sentence's capitalised first word is a name
    when the text also writes it so inside a sentence (`names`). The tagger alone is not
    trusted there: it tags « Cultiver » at the start of a sentence a proper noun or a verb
    depending on the blocks around it.
    """
    return _word_key(token.text, token.lemma_, bool(token.is_sent_start), names)


def _word_key(text: str, lemma: str, sent_start: bool, names: frozenset[str]) -> str:
    if text[:1].isupper() and (not sent_start or text in names):
        return text
    return normalise(lemma or text)


def names_in(spans: Iterable[Span]) -> frozenset[str]:
    """The words written with a capital inside a sentence: names (see `word_key`)."""
    found = set()
    for span in spans:
        facts = doc_tokens(span.doc)
        for i in range(span.start, span.end):
            text = facts.text[i]
            if text[:1].isupper() and not facts.sent_start[i]:
                found.add(text)
    return frozenset(found)


@dataclass(frozen=True)
class Prominent:
    """A word or phrase of the text and how many times it occurs."""

    text: str
    count: int

    def to_dict(self) -> dict[str, str | int]:
        return {"text": self.text, "count": self.count}


def prominent_words(spans: Iterable[Span]) -> tuple[list[Prominent], list[Prominent]]:
    """The content words and the phrases of `spans` (sentences), by count, the most frequent
    first (ties: the first met first). Phrases need MIN_PHRASE_COUNT occurrences."""
    spans = list(spans)
    names = names_in(spans)
    # Counts in plain dicts (a Counter makes a Python call for every new key).
    words: dict[str, int] = {}
    phrases: dict[tuple[str, ...], int] = {}  # by the keys of their words
    # A phrase is counted by its lemmas but shown as it is most often written (« jardins
    # partagés » and « jardin partagé » are one phrase, shown « jardin partagé » when that
    # is the commoner form; its lemmas would read « jardin partager »).
    written: dict[tuple[str, ...], dict[tuple[str, ...], int]] = {}
    for span in spans:
        doc = span.doc
        facts = doc_tokens(doc)
        texts, lemmas = facts.text, facts.lemma
        keys: list[str] = []  # the keys and forms as shown of the content words in a row
        forms: list[str] = []
        for i in range(span.start, span.end):
            text, lemma = texts[i], lemmas[i]
            content = _CONTENT.get((text, lemma))  # _is_content, without a call when known
            if content is None:
                content = _is_content(text, lemma, doc, i)
            if not content:
                keys, forms = [], []
                continue
            key = _word_key(text, lemma, facts.sent_start[i], names)
            words[key] = words.get(key, 0) + 1
            keys.append(key)
            forms.append(text if text in names else facts.lower[i])
            for size in PHRASE_SIZES:
                if len(keys) >= size:
                    phrase = tuple(keys[-size:])
                    phrases[phrase] = phrases.get(phrase, 0) + 1
                    shown = written.get(phrase)
                    if shown is None:
                        shown = written[phrase] = {}
                    form = tuple(forms[-size:])
                    shown[form] = shown.get(form, 0) + 1
    # The most frequent first; a stable sort keeps first-met order among equal counts (as
    # Counter.most_common does), and max() gives the first-met of the commonest forms.
    return (
        [Prominent(k, n) for k, n in _by_count(words)],
        [
            Prominent(" ".join(max(written[k].items(), key=itemgetter(1))[0]), n)
            for k, n in _by_count(phrases)
            if n >= MIN_PHRASE_COUNT
        ],
    )


def _by_count(counts: dict[T, int]) -> list[tuple[T, int]]:
    return sorted(counts.items(), key=itemgetter(1), reverse=True)


def keyphrase_keys(tokens: Iterable[Token]) -> list[tuple[str, ...]]:
    """For each content word of a keyphrase's tokens, the keys it may have in the text (see
    `word_key`): its form as written first (for messages), then its key and its lower case.
    A keyphrase is tagged out of context, where « crue » can pass for a form of « croire »
    and « Vilaine » for a common word: the written forms keep them findable."""
    found: dict[str, tuple[str, ...]] = {}
    for t in tokens:
        if is_content(t):
            found.setdefault(word_key(t), tuple(dict.fromkeys((t.text, word_key(t), t.lower_))))
    return list(found.values())


@dataclass(frozen=True)
class ComplexWord:
    """A long, rare word of the body and where it is in the file."""

    text: str
    start: int
    end: int
    line: int
    zipf: float


@functools.lru_cache(maxsize=65_536)
def word_zipf(text: str, lemma: str) -> float:
    """How common a word is: the more common of its form and its lemma (« contraignantes »
    is as common as « contraignant »); a hyphenated compound, its rarest part (the list,
    like wordfreq, splits words on hyphens)."""
    found = max(zipf(text), zipf(lemma))
    if found or not any(h in text for h in HYPHENS):
        return found
    parts = [p for p in normalise(text).split("-") if p]
    return min((zipf(p) for p in parts), default=0.0)


def is_complex(
    text: str,
    lemma: str,
    sent_start: bool,
    doc: Doc,
    i: int,
    min_letters: int,
    max_zipf: float,
    keyphrase: frozenset[str],
) -> bool:
    """Whether the token `doc[i]` (form `text`, lemma `lemma`, first of its sentence or
    not) is a complex word: at least `min_letters` letters and a Zipf frequency below
    `max_zipf`. Names (words with a capital inside a sentence), acronyms, numbers and the
    keyphrase's own words are not counted: the writer cannot replace them with simpler
    words. Names are told by their capital, not by the tagger (see `is_content`). The Token
    is made only for a word long enough."""
    if len(text) < min_letters:  # most words: fewer characters than letters needed
        return False
    if sum(c.isalpha() for c in text) < min_letters or not _is_wordlike(text):
        return False
    if doc[i].like_num:
        return False
    if (text[0].isupper() and not sent_start) or text[1:] != text[1:].lower():
        return False
    if normalise(text) in keyphrase or _word_key(text, lemma, sent_start, frozenset()) in keyphrase:
        return False
    return word_zipf(text, lemma or text) < max_zipf


def not_measured(a: Any) -> str:
    """Why an Analysis `a` has no insights."""
    return _("Not measured: the text is not in French (detected: {language}).").format(
        language=a.language
    )


@dataclass
class Insights:
    """What `measure` found; the metrics and R006, K011 read it. Nothing is measured
    (`measured` False) in a text in another language: the French tagger and word list would
    only give noise."""

    measured: bool = False
    words: list[Prominent] = field(default_factory=list)
    phrases: list[Prominent] = field(default_factory=list)
    keyphrase_keys: list[tuple[str, ...]] = field(default_factory=list)
    complex_words: list[ComplexWord] = field(default_factory=list)


def measure(
    sentences: Iterable[tuple[Span, bool]],
    keyphrase: Iterable[str],
    keys: list[tuple[str, ...]],
    min_letters: int,
    max_zipf: float,
    locate: Callable[[int, int], tuple[int, int, int]],
) -> Insights:
    """Prominent words of every sentence (headings included) and complex words of the body.

    `sentences` are (sentence, is_heading); `keyphrase` its content words as written and
    `keys` their keys; `locate(start, end)` gives the file range and line of characters of
    the Doc.
    """
    spans = list(sentences)
    words, phrases = prominent_words(span for span, _ in spans)
    own = frozenset(
        {normalise(w) for w in keyphrase}
        | {p for w in keyphrase for p in normalise(w).split("-") if p}
        | {k for alternatives in keys for k in alternatives}
    )
    found = []
    for span, heading in spans:
        if heading:
            continue
        doc = span.doc
        facts = doc_tokens(doc)
        texts = facts.text
        # Most words are shorter than the letters needed: is_complex would say no.
        for i in [i for i in range(span.start, span.end) if len(texts[i]) >= min_letters]:
            text, lemma, start_flag = texts[i], facts.lemma[i], facts.sent_start[i]
            if is_complex(text, lemma, start_flag, doc, i, min_letters, max_zipf, own):
                start, end, line = locate(facts.idx[i], facts.idx[i] + len(text))
                found.append(ComplexWord(text, start, end, line, word_zipf(text, lemma or text)))
    return Insights(True, words, phrases, keys, found)
