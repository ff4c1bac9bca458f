"""French connectors (transition words) and sentence openings.

A sentence "has a transition word" when it holds one of the connectors below: words and
phrases that tie it to what came before (addition, opposition, cause, consequence...).

Matching works on words, never on substrings: the sentence text is cut into words (an
elided word keeps its apostrophe, `c’est` = `c’` + `est`; a hyphenated word stays whole,
`outre-mer` is not `outre`), each word normalised (`text.normalise`: lower case, every
apostrophe written ’), and the longest listed phrase wins at each position. Elided forms
are expanded before the comparison, so `lorsqu’il` holds `lorsque` and `même s’il` holds
`même si`.

Ambiguous words, decided with position and part-of-speech tags:
- `or`: not after a determiner or preposition (`l’or`, `médaille d’or`, `en or`), nor
  before a colour (`or noir`); inside a clause it needs the tagger not to call it a noun.
- `car`: not after a determiner (`le car scolaire`) or a determiner + adjective
  (`un nouveau car`).
- `comme`: only as the first word of a sentence (`Comme il pleuvait, …`: cause or time);
  elsewhere it is mostly a plain comparison (`fort comme un bœuf`). Fixed phrases
  (`tout comme`, `comme prévu`, `comme le montre`) count anywhere.
- `si`: a condition, not the intensifier (`si fatigué`, `si vite`) nor an indirect
  question after `savoir`, `demander`… (`je me demande si`).
- `aussi`: not in a comparison of degree (`aussi grand que`).
- `de plus`, `en plus`, `en fait`, `de fait`: at the start of a clause, after a verb or a
  conjunction (`dix minutes de plus` and `il en fait trop` do not count).
- `cela dit`, `pour conclure`, `en attendant`…: only when a comma follows
  (`cela dit beaucoup`, `pour conclure l’accord` do not count).
- `et` and `ou` alone are too common to count; `puis`, `ainsi`, `alors`, `donc` always do.
- `après tout`, `avant tout`, `malgré tout`: not when `tout` goes with a noun
  (`après tout ce travail`, `avant tout le monde`).
A few phrases block a shorter match: `de plus en plus`, `en tant que`, `du coup de`.

Contractions are spelt out too (`du` = `de le`, `aux` = `à les`, `d’` = `de`), so that
`à cause du vent` holds `à cause de` and `afin d’agir` holds `afin de`.
"""

from __future__ import annotations

import bisect
import functools
import re

from spacy.tokens import Span

from seo_audit.french.text import (
    APOSTROPHE,
    CONTRACTIONS,
    DETERMINERS,
    ELISIONS,
    has_alnum,
    normalise,
    unify_marks,
    word_lists,
)
from seo_audit.french.tokens import doc_tokens

# The phrases, by role, and the word lists below: data/connectors.txt.
_LISTS = word_lists("connectors")
_ROLES = (
    "addition", "opposition", "cause", "consequence", "goal", "time", "illustration",
    "reformulation", "comparison", "condition", "conclusion", "emphasis",
)  # fmt: skip
_ELLIPSIS = " … "

# Each phrase sits in exactly one role, though some could serve two.
CONNECTORS: dict[str, tuple[str, ...]] = {role: _LISTS[role] for role in _ROLES}
# Two-part connectors: the first part, then the second later in the sentence or at the
# start of the next one.
TWO_PART: tuple[tuple[str, str], ...] = tuple(
    (first, second)
    for first, _, second in (pair.partition(_ELLIPSIS) for pair in _LISTS["two-part"])
)
# Phrases that are not connectors and must not let a shorter one match inside them.
NON_CONNECTORS: tuple[str, ...] = _LISTS["non-connectors"]

# Every determiner (text.DETERMINERS), under the name this module has always used.
ARTICLES: frozenset[str] = DETERMINERS


def _set(name: str) -> frozenset[str]:
    return frozenset(_LISTS[name])


# Words that make `car` / `or` nouns when they come just before.
_DETERMINERS = ARTICLES | _set("noun-markers")
_OR_NOUN_NEXT = _set("or-noun-next")
_INDIRECT_QUESTION_VERBS = _set("indirect-question-verbs")
# Verb stems before `si` that make it an indirect question (the lemmatizer misses some).
_QUESTION_STEMS = _LISTS["question-stems"]
# Words skipped when looking for the verb before `si` (`je ne sais pas si`).
_BEFORE_SI_SKIP = _set("before-si-skip")
_DEGREE_ADVERBS = _set("degree-adverbs")
_SUBJECT_BEFORE_SOIT = _set("subject-before-soit")

_CLAUSE_POS = frozenset({"CCONJ", "SCONJ", "AUX", "VERB", "ADV"})
# Phrases that count only at the start of a clause (see the module docstring).
_CLAUSE_START = _set("clause-start")
# Phrases that count only when a comma (or other punctuation) follows.
_NEEDS_PUNCT_AFTER = _set("needs-punct-after")
# `tout` in these is a pronoun; before a determiner it belongs to a noun phrase.
_TOUT_PHRASES = _set("tout-phrases")
_TOUT_NOUN_NEXT = ARTICLES | _set("pronouns-after-tout")
_CORRELATIVES = _set("correlatives")

_LETTER = r"(?:[^\W_]|[\u0300-\u036f])"
# A word (hyphenated parts kept together, an elision apostrophe kept when a letter follows),
# or any other single visible character; read on `unify_marks` text.
_WORD_RE = re.compile(rf"{_LETTER}+(?:-{_LETTER}+)*(?:{APOSTROPHE}(?=[^\W\d_]))?|\S")
_ELIDED_QUE = re.compile(rf"^(.*qu){APOSTROPHE}$")
# Contracted articles and elided `de`, spelt out so that `à cause du` holds `à cause de`.
_CONTRACTIONS: dict[str, tuple[str, ...]] = {**CONTRACTIONS, "d’": ELISIONS["d’"]}


def _spelt_out(words: list[str]) -> list[list[str]]:
    """For each word, the word(s) compared: `lorsqu’` → `lorsque`, `s’` before il → `si`."""
    out = []
    for i, word in enumerate(words):
        m = _ELIDED_QUE.match(word)
        if m:
            out.append([m.group(1) + "e"])
        elif word == "s’" and i + 1 < len(words) and words[i + 1] in ("il", "ils"):
            out.append(["si"])
        else:
            out.append(list(_CONTRACTIONS.get(word, (word,))))
    return out


def _phrase_units(phrase: str) -> tuple[str, ...]:
    words = [m.group() for m in _WORD_RE.finditer(normalise(phrase))]
    return tuple(part for parts in _spelt_out(words) for part in parts)


ROLES: dict[str, str] = {phrase: role for role, phrases in CONNECTORS.items() for phrase in phrases}

# First compared word → (words, connector or None for a blocking phrase), longest first.
_INDEX: dict[str, list[tuple[tuple[str, ...], str | None]]] = {}
for _phrase in [*ROLES, *NON_CONNECTORS]:
    _seq = _phrase_units(_phrase)
    _INDEX.setdefault(_seq[0], []).append((_seq, _phrase if _phrase in ROLES else None))
for _entries in _INDEX.values():
    _entries.sort(key=lambda entry: -len(entry[0]))
# The same by first two words: the phrases that can start at a word followed by a given word
# (those one word long, and those whose second word it is), in the same order. A first word
# followed by a word no phrase continues with has only its one-word phrases.
_BY_TWO: dict[tuple[str, str], list[tuple[tuple[str, ...], str | None]]] = {
    (_first, _seq[1]): [e for e in _entries if len(e[0]) == 1 or e[0][1] == _seq[1]]
    for _first, _entries in _INDEX.items()
    for _seq, _ in _entries
    if len(_seq) > 1
}
_ONE_WORD = {_first: [e for e in _entries if len(e[0]) == 1] for _first, _entries in _INDEX.items()}
_PAIRS = [(a, b, _phrase_units(a), _phrase_units(b)) for a, b in TWO_PART]
# What a sentence must hold for a pair's second part to be in it: its word, or its first
# two words side by side.
_SECOND_STARTS: list[str | tuple[str, ...]] = [
    seq_b[0] if len(seq_b) == 1 else seq_b[:2] for _, _, _, seq_b in _PAIRS
]
_SECOND_FIRST = [seq_b[0] for _, _, _, seq_b in _PAIRS]
_ANY_SECOND_FIRST = frozenset(_SECOND_FIRST)


class _Units:
    """The words (and punctuation marks) of a sentence, one list per field: a sentence has
    dozens of them, and no object is made for each. A contraction gives two units (`du` →
    `de`, `le`), both starting where it does.

    Where each unit starts, and so its spaCy token, is worked out only when a rule asks
    for a unit's tags: for a few ambiguous words out of hundreds.
    """

    __slots__ = ("raw", "text", "is_word", "facts", "first", "_runs", "_text", "_at")

    def __init__(self, sent: Span) -> None:
        self.facts = facts = doc_tokens(sent.doc)
        self.first = sent.start
        self._text = unify_marks(facts.span_text(sent.start, sent.end))
        # Each run of non-space characters is read alone (see _piece_units): str.split cuts
        # at the same spaces as _PIECE_RE, which finds where the runs start when needed.
        self._runs = runs = list(map(_piece_units, self._text.split()))
        self.raw: list[str] = [raw for run in runs for raw in run[1]]
        self.text: list[str] = [text for run in runs for text in run[2]]
        self.is_word: list[bool] = [flag for run in runs for flag in run[3]]
        self._at: list[int] | None = None

    def token(self, i: int) -> int:
        """The index of the spaCy token unit `i` starts in: the last one starting at or
        before it."""
        idx = self.facts.idx
        if self._at is None:
            begin = idx[self.first]  # the sentence's start in the Doc's text
            self._at = [
                begin + piece.start() + offset
                for piece, run in zip(_PIECE_RE.finditer(self._text), self._runs, strict=True)
                for offset in run[0]
            ]
        return bisect.bisect_right(idx, self._at[i], self.first, len(idx)) - 1

    def pos(self, i: int) -> str:
        return self.facts.pos[self.token(i)]

    def lemma(self, i: int) -> str:
        return self.facts.lemma[self.token(i)]

    def is_participle(self, i: int) -> bool:
        return "Part" in self.facts.doc[self.token(i)].morph.get("VerbForm")


_PIECE_RE = re.compile(r"\S+")

# The units of one run of non-space characters, by field: offsets in the run, normalised
# words, words compared, whether each is a word.
_PieceUnits = tuple[tuple[int, ...], tuple[str, ...], tuple[str, ...], tuple[bool, ...]]


@functools.lru_cache(maxsize=65536)
def _piece_units(piece: str) -> _PieceUnits:
    """The units of one run of non-space characters. No word match crosses a space, and an
    `s’` before `il` is always followed by it in the same run (the apostrophe only joins a
    word when a letter follows it), so each run is read alone. Cached: runs are mostly
    words, which repeat."""
    matches = list(_WORD_RE.finditer(piece))
    raws = [normalise(m.group()) for m in matches]
    units = [
        (m.start(), raw, part, has_alnum(raw))
        for m, raw, parts in zip(matches, raws, _spelt_out(raws), strict=True)
        for part in parts
    ]
    offsets, raw, text, is_word = zip(*units, strict=True) if units else ((), (), (), ())
    return offsets, raw, text, is_word


@functools.lru_cache(maxsize=8)
def _units(sent: Span) -> _Units:
    """The units of a sentence. Cached for a few sentences: each sentence is read again as
    the `previous` of the next. The result must not be changed by callers."""
    return _Units(sent)


def _at(texts: list[str], i: int, seq: tuple[str, ...]) -> bool:
    return tuple(texts[i : i + len(seq)]) == seq


def _starts_clause(units: _Units, i: int) -> bool:
    return i == 0 or not units.is_word[i - 1]


def _first_word(units: _Units) -> int | None:
    return units.is_word.index(True) if True in units.is_word else None


def _is_noun_after_determiner(units: _Units, i: int) -> bool:
    if i == 0:
        return False
    if units.text[i - 1] in _DETERMINERS:
        return True
    return i >= 2 and units.pos(i - 1) == "ADJ" and units.text[i - 2] in _DETERMINERS


def _si_is_condition(units: _Units, i: int, nxt: int | None) -> bool:
    text = units.text
    if nxt is None or not units.is_word[nxt]:
        return False
    # The intensifier: `si fatigué`, `si vite`, `si lentement`.
    if units.pos(nxt) == "ADJ" or text[nxt] in _DEGREE_ADVERBS or units.is_participle(nxt):
        return False
    if units.pos(nxt) == "ADV" and text[nxt].endswith("ment"):
        return False
    # An indirect question: `on ne sait pas si`, `je me demande si`.
    j = i - 1
    while j >= 0 and text[j] in _BEFORE_SI_SKIP:
        j -= 1
    if j < 0:
        return True
    return not (
        units.lemma(j).lower() in _INDIRECT_QUESTION_VERBS or text[j].startswith(_QUESTION_STEMS)
    )


def _accept(key: str, units: _Units, i: int, end: int) -> bool:
    """Whether the phrase `key`, found at units[i:end], is used as a connector here."""
    text, raw, is_word = units.text, units.raw, units.is_word
    # The units just before and just after the phrase, if any.
    prev = i - 1 if i > 0 else None
    nxt = end if end < len(text) else None
    if key == "or":
        if _is_noun_after_determiner(units, i) or (nxt is not None and text[nxt] in _OR_NOUN_NEXT):
            return False
        return _starts_clause(units, i) or units.pos(i) not in ("NOUN", "PROPN", "ADJ")
    if key == "car":
        return not _is_noun_after_determiner(units, i)
    if key == "comme":
        return i == _first_word(units)
    if key == "si":
        return _si_is_condition(units, i, nxt)
    if key == "aussi":
        # `aussi grand que` compares; `aussi` before a verb or a noun adds.
        if nxt is not None and (units.pos(nxt) in ("ADJ", "ADV") or units.is_participle(nxt)):
            return "que" not in text[end + 1 : end + 5]
        return True
    if key == "bref":  # not the adjective (`un bref discours`)
        return _starts_clause(units, i) or (nxt is not None and raw[nxt] == ",")
    if key == "puis":
        return prev is None or text[prev] not in ("je", "ne", "n’")
    if key in ("quand", "d’où"):
        return raw[-1] != "?"
    if key == "outre":
        return prev is None or units.lemma(prev).lower() != "passer"
    if key == "d’ailleurs":
        return prev is None or units.lemma(prev).lower() not in ("venir", "provenir", "arriver")
    if key == "de même":
        return nxt is None or units.pos(nxt) != "NOUN"
    if key in _TOUT_PHRASES:
        return nxt is None or text[nxt] not in _TOUT_NOUN_NEXT
    if key in _CLAUSE_START:
        return prev is None or not is_word[prev] or units.pos(prev) in _CLAUSE_POS
    if key in _NEEDS_PUNCT_AFTER:
        return nxt is not None and not is_word[nxt]
    return True


def _singles(units: _Units) -> list[tuple[int, int, str]]:
    """One-part connectors as (start, end, phrase): the longest accepted phrase wins."""
    found = []
    texts = units.text
    n = len(texts)
    end = 0  # where the last phrase found (or blocked) ends: the next one starts after it
    for i in [i for i, word in enumerate(texts) if word in _INDEX]:  # most words start none
        if i < end:
            continue
        word = texts[i]
        entries = _BY_TWO.get((word, texts[i + 1])) if i + 1 < n else None
        for seq, key in _ONE_WORD[word] if entries is None else entries:
            if _at(texts, i, seq) and (key is None or _accept(key, units, i, i + len(seq))):
                if key is not None:
                    found.append((i, i + len(seq), key))
                end = i + len(seq)
                break
    return found


def _part_ok(part: str, units: _Units, i: int, first: bool) -> bool:
    """Extra conditions on one part of a two-part connector at units[i]."""
    if part in _CORRELATIVES:
        # `Plus il pleut, plus …`: the first at the very start, the second after a comma.
        if first:
            return i == _first_word(units)
        return i > 0 and units.raw[i - 1] == ","
    if part == "soit":
        return i == 0 or units.text[i - 1] not in _SUBJECT_BEFORE_SOIT  # not `qu’il soit`
    return True


def _word_index(units: _Units) -> dict[str, list[int]]:
    """Where each word stands in a sentence, so that a pair part is looked up, not searched."""
    index: dict[str, list[int]] = {}
    for i, word in enumerate(units.text):
        index.setdefault(word, []).append(i)
    return index


def _positions(units: _Units, index: dict[str, list[int]], seq: tuple[str, ...]) -> list[int]:
    return [i for i in index.get(seq[0], ()) if _at(units.text, i, seq)]


_Pair = tuple[int, str, list[tuple[int, int]]]  # start, key, spans of this sentence


def _pairs(units: _Units, previous: _Units | None) -> list[_Pair]:
    """Two-part connectors: in this sentence, or opened in the previous one."""
    candidates: list[_Pair] = []
    # Both ways of counting a pair need its second part in this sentence: its first word,
    # and the two words together when it has more (see _SECOND_STARTS).
    texts = units.text
    words = set(texts)
    if words.isdisjoint(_ANY_SECOND_FIRST):  # most sentences: no pair can end here
        return []
    pairs = [
        (pair, need)
        for pair, need, first in zip(_PAIRS, _SECOND_STARTS, _SECOND_FIRST, strict=True)
        if first in words
    ]
    if any(isinstance(need, tuple) for _, need in pairs):
        side_by_side = set(zip(texts, texts[1:], strict=False))
        pairs = [
            (pair, need) for pair, need in pairs if isinstance(need, str) or need in side_by_side
        ]
    if not pairs:
        return []
    here = _word_index(units)
    start = _first_word(units)
    before: dict[str, list[int]] | None = None  # the previous sentence's, when needed
    for (a, b, seq_a, seq_b), _ in pairs:
        key = f"{a}{_ELLIPSIS}{b}"
        seconds = [j for j in _positions(units, here, seq_b) if _part_ok(b, units, j, False)]
        if not seconds:
            continue
        for i in _positions(units, here, seq_a):
            later = [j for j in seconds if j >= i + len(seq_a)]
            if later and _part_ok(a, units, i, True):
                j = later[0]
                candidates.append((i, key, [(i, i + len(seq_a)), (j, j + len(seq_b))]))
                break
        if previous is not None and start in seconds and a not in _CORRELATIVES:
            before = _word_index(previous) if before is None else before
            if any(_part_ok(a, previous, i, True) for i in _positions(previous, before, seq_a)):
                candidates.append((start, key, [(start, start + len(seq_b))]))
    # Longest parts first (`non seulement … mais aussi` over `… mais`), no overlaps.
    candidates.sort(key=lambda c: -sum(e - s for s, e in c[2]))
    chosen: list[_Pair] = []
    used: set[int] = set()
    for cand in candidates:
        cells = {k for s, e in cand[2] for k in range(s, e)}
        if not cells & used:
            chosen.append(cand)
            used |= cells
    return chosen


def find_connectors(sent: Span, previous: Span | None = None) -> list[str]:
    """The connectors of a sentence, in order; two-part ones as `d’une part … d’autre part`.

    `previous` is the sentence before (same block): a two-part connector whose second part
    opens `sent` and whose first part is in `previous` counts for `sent`.
    """
    units = _units(sent)
    pairs = _pairs(units, _units(previous) if previous is not None else None)
    covered = {k for _, _, spans in pairs for s, e in spans for k in range(s, e)}
    found = [(s, key) for s, e, key in _singles(units) if not covered & set(range(s, e))]
    found += [(s, key) for s, key, _ in pairs]
    return [key for _, key in sorted(found, key=lambda f: f[0])]


def connector_role(connector: str) -> str | None:
    """The role of a connector returned by `find_connectors` (`two-part` for a pair)."""
    if _ELLIPSIS in connector:
        return "two-part"
    return ROLES.get(connector)


def sentence_opening(sent: Span, text: str | None = None) -> str | None:
    """The key for "consecutive sentences start alike": the first word, lower case.

    An article or determiner (`le`, `une`, `ces`…) or an elided word (`c’`, `l’`) is not
    enough on its own, so the next word joins it: `le président`, `l’équipe`, `c’est`.
    None when the span has no word. `text`: the span's text when the caller has it.
    """
    words: list[str] = []  # the first two words are all it reads
    for m in _WORD_RE.finditer(normalise(sent.text if text is None else text)):
        if has_alnum(m.group()):
            words.append(m.group())
            if len(words) == 2:
                break
    if not words:
        return None
    first = words[0]
    if (first in ARTICLES or first.endswith("’")) and len(words) > 1:
        return first + ("" if first.endswith("’") else " ") + words[1]
    return first
