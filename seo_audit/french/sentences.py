"""French sentence boundaries: a rule component placed before spaCy's parser.

fr_core_news_md finds sentences with its dependency parser, which splits French text badly
after abbreviations (M., p. ex., art. 3), inside « … ! » quotations, after dialogue dashes
and around parentheses. The component below runs after the morphologizer and before the
parser and presets `token.is_sent_start`:

* True after a block separator (a whitespace token holding a blank line): a heading or a
  list item never shares a sentence with the next block;
* True where a real sentence end (. ! ? … possibly followed by » or )) meets a capital
  or a digit and no abbreviation explains the period;
* False wherever no sentence-ending punctuation precedes, after an abbreviation that always
  goes on (M., Dr., cf., art. 3), after an initial before a name (J.-P. Sartre), on closing
  punctuation, on white space, on a token glued to the previous one, and before lower case
  (« Hourra ! », a-t-il crié. ; but iPhone, eBay count as capitals);
* None (left to the parser) in the few doubtful cases: an initial after a common noun
  (la vitamine C. Elle…), and etc., J.-C. or an ellipsis before a proper noun.

How spaCy 3.8 treats the presets (read in spacy/pipeline/_parser_internals/arc_eager.pyx
and _state.pxd, and checked by tests/test_sentences.py): a preset True forbids the Shift
that would glue the token to the previous words, and a preset False (stored as
sent_start == -1) makes the Break transition invalid for that token and forbids the
Reduce that would close a tree before it. The parser therefore keeps both, and the
sentences it writes (from its trees) agree with the rules; no merging component after
the parser is needed. (After the parser, writing `is_sent_start` raises an error anyway:
boundaries then come from the dependency trees.)

The presets are all decided first, then written at once (`Doc.from_array`), so the
component takes time in proportion to the text. The pipeline itself (`get_nlp`: the model
with this component) is loaded here too; seo_audit.nlp names it for the rest of the package.

The tokenizer is left unchanged: it already keeps M., Mme., etc., av., J.-P., numbers
(3,5 ; 1.200 ; 2.0.0), URLs and e-mail addresses in one token, and the cases it splits
(art . 3, p. ex .) are read from the neighbouring tokens here instead of adding special
cases that would change tokens for every other component.
"""

from __future__ import annotations

import functools
import re

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

from seo_audit.french.text import (
    BLOCK_SEPARATOR,
    MONTH_ABBREVIATIONS,
    SAINTS,
    TITLES,
    word_lists,
)

COMPONENT_NAME = "fr_sentence_rules"
# The longest sentence the parser is given, in tokens (see _cap_sentence_length).
MAX_SENTENCE_TOKENS = 250
MODEL_NAME = "fr_core_news_md"

_LISTS = word_lists("sentences")
# Titles written before a name: the next word is never a new sentence (case-sensitive).
_TITLES = TITLES | SAINTS

# Abbreviations always followed by the rest of their sentence (compared lower-cased, no dot):
# references (cf., p. 12, art. 3, n° 5, vol., chap., fig.), places and dates (av., bd,
# janv.), publishing (éd., coll., dir., trad.) and "env." (environ).
_CONTINUING = frozenset(_LISTS["continuing"]) | MONTH_ABBREVIATIONS

# Abbreviations that also end sentences: a capital after them is a new sentence unless it
# looks like a proper noun, in which case the parser decides.
_MAY_END = frozenset(_LISTS["may-end"])

# One capital letter, or hyphenated or dotted initials: J, J.-P, J.-M, É.-U, S.N.C.F.
_INITIALS_RE = re.compile(r"^[A-ZÀ-Ý](?:\.-?[A-ZÀ-Ý])*\.?$")

_CLOSERS = frozenset({"»", ")", "]", "”", "›"})
# Straight quotes open or close: they close when glued to the word before them.
_STRAIGHT_QUOTES = frozenset({'"', "'"})
_OPENERS = frozenset({"«", "(", "[", "“", '"', "‹", "—", "–", "-", "‘"})


def _is_block_separator(token: Token) -> bool:
    return token.is_space and BLOCK_SEPARATOR in token.text


def _is_closer(doc: Doc, token: Token) -> bool:
    if token.text in _CLOSERS:
        return True
    return token.text in _STRAIGHT_QUOTES and token.i > 0 and not doc[token.i - 1].whitespace_


def _end_kind(text: str) -> str | None:
    """How a token ends a sentence: "ellipsis", "strong" (! ?), "period", or None."""
    if text.endswith("…") or text.endswith(".."):
        return "ellipsis"
    if text and all(c in "!?" for c in text):
        return "strong"
    if text.endswith((".", "!", "?")) and any(c in "!?" for c in text[-3:]):
        return "strong"
    if text.endswith("."):
        return "period"
    return None


def _previous_word(doc: Doc, i: int) -> Token | None:
    """The previous token that is not white space, within the same block."""
    j = i - 1
    while j >= 0 and doc[j].is_space:
        if _is_block_separator(doc[j]):
            return None
        j -= 1
    return doc[j] if j >= 0 else None


def _first_letter(doc: Doc, i: int) -> tuple[str, Token] | None:
    """The first letter or digit from token i on (skipping « ( — openers), with its token."""
    for token in doc[i : i + 4]:
        if _is_block_separator(token):
            return None
        for char in token.text:
            if char.isalnum():
                return char, token
    return None


def _word_before_period(doc: Doc, end: Token) -> tuple[str, Token | None]:
    """The word a period closes: `M.` -> "M", `art` `.` -> "art"; and the token before it."""
    if end.text == ".":
        word = _previous_word(doc, end.i)
        if word is None or word.whitespace_:
            # "fin ." or a lone period: no abbreviation can be glued to it.
            return "", word
        return word.text, _previous_word(doc, word.i)
    return end.text[:-1], _previous_word(doc, end.i)


def _after_period(doc: Doc, end: Token, first: Token, first_char: str) -> bool | None:
    """Decide a boundary after a period, knowing the next letter or digit."""
    word, before = _word_before_period(doc, end)
    lowered = word.lower()
    if word in _TITLES:
        return False
    if lowered in _CONTINUING:
        # "ex." only continues after "p." (p. ex.); alone it may be a word.
        if lowered == "ex" and (before is None or before.text.lower() not in {"p.", "p"}):
            return None
        return False
    if first_char.isdigit():
        # "art. L. 121-3": a capital letter before a number is a reference, not an end.
        return not _INITIALS_RE.match(word)
    if lowered in _MAY_END or (word.count(".") >= 2 and _INITIALS_RE.match(word)):
        # etc. / J.-C. / S.N.C.F. then a capital: a new sentence unless a name follows.
        return None if first.pos_ == "PROPN" else True
    if _INITIALS_RE.match(word):
        # J. Dupont, J.-P. Sartre, J. R. R. Tolkien: a name goes on. After a common noun
        # (la vitamine C., le plan B.) the letter may end the sentence: the parser decides.
        if first.pos_ == "PROPN":
            return False
        if before is not None and before.pos_ == "NOUN" and before.text[:1].islower():
            return None
        return False
    return True


def _is_camel_case(text: str) -> bool:
    """iPhone, eBay: a brand that may start a sentence although it begins in lower case."""
    return text.isalpha() and text[0].islower() and any(c.isupper() for c in text[1:])


def _decide(doc: Doc, i: int, ends: list[int]) -> bool | None:
    """True, False or None (undecided) for `doc[i].is_sent_start`, i > 0.

    `ends[j]`, for a token j before i, is the token that ends the sentence if one ends at
    j: j itself, or the word before the closing quotes and brackets that end at j.
    """
    token = doc[i]
    if token.is_space:
        return False
    prev = _previous_word(doc, i)
    if prev is None:
        return True  # first word of a block
    # Step back over closing quotes and brackets: « Viens ! » Il… / (C'est vrai.) Il…
    end = doc[ends[prev.i]]
    kind = _end_kind(end.text)
    if kind is None:
        return False  # no sentence-ending mark before: same sentence
    if prev.i == i - 1 and not prev.whitespace_:
        return False  # glued to the previous token: J.-C. split as "J." "-C.", "vrai.)"
    if _is_closer(doc, token) or (token.is_punct and token.text not in _OPENERS):
        return False  # », ), ",", "!" after "?" … close the current sentence
    found = _first_letter(doc, i)
    if found is None:
        return None
    first_char, first = found
    if first_char.islower() and not _is_camel_case(first.text):
        return False  # « Hourra ! », a-t-il crié. / Elle attendait... longtemps.
    if kind == "strong":
        return True
    if kind == "ellipsis":
        return None if first.pos_ == "PROPN" else True
    return _after_period(doc, end, first, first_char)


def _sentence_end(doc: Doc, j: int, ends: list[int]) -> int:
    """`ends[j]` (see `_decide`), from the values already known for the tokens before j."""
    token = doc[j]
    if not _is_closer(doc, token):
        return j
    before = _previous_word(doc, j)
    return j if before is None else ends[before.i]


# Token.sent_start values: 1 starts a sentence, -1 does not, 0 leaves it to the parser.
_PRESET = {True: 1, False: -1}


@Language.component(COMPONENT_NAME)
def fr_sentence_rules(doc: Doc) -> Doc:
    """Preset sentence starts before the parser (see the module docstring).

    Linear in the length of the Doc: every decision is made first, then all of them are
    written in one `Doc.from_array` call. (Setting `token.is_sent_start` one token at a
    time makes spaCy look through the whole Doc for a parse at each assignment.)
    """
    if len(doc) < 2:
        return doc
    starts: list[int] = doc.to_array(SENT_START).astype(numpy.int64).tolist()
    ends: list[int] = []
    for i in range(len(doc)):
        if i > 0:
            if _is_block_separator(doc[i - 1]):
                starts[i] = 1
            else:
                decision = _decide(doc, i, ends)
                if decision is not None:
                    starts[i] = _PRESET[decision]
        ends.append(_sentence_end(doc, i, ends))
    _cap_sentence_length(starts)
    # from_array takes unsigned values: -1 wraps around and is read back as -1.
    doc.from_array([SENT_START], numpy.array(starts, dtype=numpy.int64).astype(numpy.uint64))
    return doc


def _cap_sentence_length(starts: list[int]) -> None:
    """Start a sentence after MAX_SENTENCE_TOKENS tokens without one. No French sentence is
    that long; runs of punctuation or symbols can be, and the parser's time grows with the
    square of a sentence's length."""
    since = 0
    for i, start in enumerate(starts):
        since = 0 if start == 1 or i == 0 else since + 1
        if since >= MAX_SENTENCE_TOKENS:
            starts[i] = 1
            since = 0


def add_sentence_rules(nlp: Language) -> None:
    """Add the French sentence rules to `nlp`, before the parser (idempotent)."""
    if COMPONENT_NAME not in nlp.pipe_names:
        nlp.add_pipe(COMPONENT_NAME, before="parser")


@functools.lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Load fr_core_news_md once per process, with the French sentence rules added."""
    nlp = spacy.load(MODEL_NAME)
    add_sentence_rules(nlp)
    return nlp


# A blank line (white space only) ends a paragraph. Each match starts at a line break, so
# every character is scanned a bounded number of times.
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t\r\f\v]*\n")
# A single line break with the spaces and tabs around it. The look-behind lets a match start
# only where a run of spaces starts: without it, 100 KB of spaces cost seconds.
_LINE_BREAK_RE = re.compile(r"(?<![ \t\r])[ \t\r]*\n[ \t\r]*")


def split_sentences(text: str) -> list[str]:
    """Split `text` into sentences: blank lines separate blocks, which never share one."""
    # Single line breaks inside a paragraph are spaces, as in the analysed documents.
    paragraphs = [_LINE_BREAK_RE.sub(" ", p).strip() for p in _PARAGRAPH_BREAK_RE.split(text)]
    paragraphs = [p for p in paragraphs if p]
    if not paragraphs:
        return []
    doc = get_nlp()(BLOCK_SEPARATOR.join(paragraphs))
    return [s.text.strip() for s in doc.sents if s.text.strip()]
