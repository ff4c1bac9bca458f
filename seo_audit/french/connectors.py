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

import functools
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from seo_audit.french.text import (
    APOSTROPHE,
    CONTRACTIONS,
    DETERMINERS,
    ELISIONS,
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


@dataclass(slots=True)
class _Unit:
    raw: str  # the normalised word (or punctuation mark) as written
    text: str  # the word compared: elisions and contractions spelt out
    pos: str  # the part of speech and lemma of the spaCy token it starts in
    lemma: str
    token: int  # that token's index in `doc`, for its morphology
    doc: Doc
    is_word: bool


_PIECE_RE = re.compile(r"\S+")


@functools.lru_cache(maxsize=65536)
def _piece_units(piece: str) -> tuple[tuple[int, str, str, bool], ...]:
    """The units of one run of non-space characters: (offset in the run, normalised word,
    word compared, is a word). No word match crosses a space, and an `s’` before `il` is
    always followed by it in the same run (the apostrophe only joins a word when a letter
    follows it), so each run is read alone. Cached: runs are mostly words, which repeat."""
    matches = list(_WORD_RE.finditer(piece))
    raws = [normalise(m.group()) for m in matches]
    return tuple(
        (m.start(), raw, part, any(c.isalnum() for c in raw))
        for m, raw, parts in zip(matches, raws, _spelt_out(raws), strict=True)
        for part in parts
    )


@functools.lru_cache(maxsize=8)
def _units(sent: Span) -> list[_Unit]:
    """The words of a sentence; a contraction gives two units (`du` → `de`, `le`).

    Cached for a few sentences: each sentence is read again as the `previous` of the next.
    The result must not be changed by callers.
    """
    if sent.start == sent.end:
        return []
    doc, k, last = sent.doc, sent.start, sent.end - 1
    facts = doc_tokens(doc)
    starts, pos, lemma = facts.idx, facts.pos, facts.lemma
    begin = starts[k]  # sent.start_char
    text = unify_marks(facts.span_text(k, last + 1))
    units = []
    for piece in _PIECE_RE.finditer(text):
        at = begin + piece.start()
        for offset, raw, part, is_word in _piece_units(piece.group()):
            # The token the word starts in: the last one starting at or before it (the
            # positions only grow, so the search goes on from the previous word's token).
            while k < last and starts[k + 1] <= at + offset:
                k += 1
            units.append(_Unit(raw, part, pos[k], lemma[k], k, doc, is_word))
    return units


def _at(units: list[_Unit], i: int, seq: tuple[str, ...]) -> bool:
    # Word by word, so that most candidates stop at their second word.
    if i + len(seq) > len(units):
        return False
    return all(units[i + k].text == word for k, word in enumerate(seq))


def _prev(units: list[_Unit], i: int) -> _Unit | None:
    return units[i - 1] if i > 0 else None


def _next(units: list[_Unit], i: int) -> _Unit | None:
    return units[i] if i < len(units) else None


def _starts_clause(units: list[_Unit], i: int) -> bool:
    prev = _prev(units, i)
    return prev is None or not prev.is_word


def _first_word(units: list[_Unit]) -> int | None:
    return next((i for i, u in enumerate(units) if u.is_word), None)


def _is_noun_after_determiner(units: list[_Unit], i: int) -> bool:
    prev = _prev(units, i)
    if prev is None:
        return False
    if prev.text in _DETERMINERS:
        return True
    before = _prev(units, i - 1)
    return prev.pos == "ADJ" and before is not None and before.text in _DETERMINERS


def _is_participle(unit: _Unit) -> bool:
    return "Part" in unit.doc[unit.token].morph.get("VerbForm")


def _si_is_condition(units: list[_Unit], i: int, nxt: _Unit | None) -> bool:
    if nxt is None or not nxt.is_word:
        return False
    # The intensifier: `si fatigué`, `si vite`, `si lentement`.
    if nxt.pos == "ADJ" or nxt.text in _DEGREE_ADVERBS or _is_participle(nxt):
        return False
    if nxt.pos == "ADV" and nxt.text.endswith("ment"):
        return False
    # An indirect question: `on ne sait pas si`, `je me demande si`.
    j = i - 1
    while j >= 0 and units[j].text in _BEFORE_SI_SKIP:
        j -= 1
    if j < 0:
        return True
    verb = units[j]
    return not (
        verb.lemma.lower() in _INDIRECT_QUESTION_VERBS or verb.text.startswith(_QUESTION_STEMS)
    )


def _accept(key: str, units: list[_Unit], i: int, end: int) -> bool:
    """Whether the phrase `key`, found at units[i:end], is used as a connector here."""
    prev, nxt = _prev(units, i), _next(units, end)
    if key == "or":
        if _is_noun_after_determiner(units, i) or (nxt is not None and nxt.text in _OR_NOUN_NEXT):
            return False
        return _starts_clause(units, i) or units[i].pos not in ("NOUN", "PROPN", "ADJ")
    if key == "car":
        return not _is_noun_after_determiner(units, i)
    if key == "comme":
        return i == _first_word(units)
    if key == "si":
        return _si_is_condition(units, i, nxt)
    if key == "aussi":
        # `aussi grand que` compares; `aussi` before a verb or a noun adds.
        if nxt is not None and (nxt.pos in ("ADJ", "ADV") or _is_participle(nxt)):
            return not any(u.text == "que" for u in units[end + 1 : end + 5])
        return True
    if key == "bref":  # not the adjective (`un bref discours`)
        return _starts_clause(units, i) or (nxt is not None and nxt.raw == ",")
    if key == "puis":
        return prev is None or prev.text not in ("je", "ne", "n’")
    if key in ("quand", "d’où"):
        return units[-1].raw != "?"
    if key == "outre":
        return prev is None or prev.lemma.lower() != "passer"
    if key == "d’ailleurs":
        return prev is None or prev.lemma.lower() not in ("venir", "provenir", "arriver")
    if key == "de même":
        return nxt is None or nxt.pos != "NOUN"
    if key in _TOUT_PHRASES:
        return nxt is None or nxt.text not in _TOUT_NOUN_NEXT
    if key in _CLAUSE_START:
        return prev is None or not prev.is_word or prev.pos in _CLAUSE_POS
    if key in _NEEDS_PUNCT_AFTER:
        return nxt is not None and not nxt.is_word
    return True


def _singles(units: list[_Unit]) -> list[tuple[int, int, str]]:
    """One-part connectors as (start, end, phrase): the longest accepted phrase wins."""
    found, i = [], 0
    n = len(units)
    texts = [u.text for u in units]
    while i < n:
        word = texts[i]
        if word not in _INDEX:  # most words start no phrase
            i += 1
            continue
        step = 1
        following = texts[i + 1] if i + 1 < n else None
        entries = _BY_TWO.get((word, following)) if following is not None else None
        for seq, key in _ONE_WORD[word] if entries is None else entries:
            if _at(units, i, seq) and (key is None or _accept(key, units, i, i + len(seq))):
                if key is not None:
                    found.append((i, i + len(seq), key))
                step = len(seq)
                break
        i += step
    return found


def _part_ok(part: str, units: list[_Unit], i: int, first: bool) -> bool:
    """Extra conditions on one part of a two-part connector at units[i]."""
    prev = _prev(units, i)
    if part in _CORRELATIVES:
        # `Plus il pleut, plus …`: the first at the very start, the second after a comma.
        if first:
            return i == _first_word(units)
        return prev is not None and prev.raw == ","
    if part == "soit":
        return prev is None or prev.text not in _SUBJECT_BEFORE_SOIT  # not `qu’il soit`
    return True


def _word_index(units: list[_Unit]) -> dict[str, list[int]]:
    """Where each word stands in a sentence, so that a pair part is looked up, not searched."""
    index: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        index.setdefault(unit.text, []).append(i)
    return index


def _positions(units: list[_Unit], index: dict[str, list[int]], seq: tuple[str, ...]) -> list[int]:
    return [i for i in index.get(seq[0], ()) if _at(units, i, seq)]


_Pair = tuple[int, str, list[tuple[int, int]]]  # start, key, spans of this sentence


def _pairs(units: list[_Unit], previous: list[_Unit] | None) -> list[_Pair]:
    """Two-part connectors: in this sentence, or opened in the previous one."""
    candidates: list[_Pair] = []
    # Both ways of counting a pair need its second part in this sentence: its first word,
    # and the two words together when it has more (see _SECOND_STARTS).
    texts = [u.text for u in units]
    present = {*texts, *zip(texts, texts[1:], strict=False)}
    pairs = [pair for pair, need in zip(_PAIRS, _SECOND_STARTS, strict=True) if need in present]
    if not pairs:
        return []
    here = _word_index(units)
    start = _first_word(units)
    before: dict[str, list[int]] | None = None  # the previous sentence's, when needed
    for a, b, seq_a, seq_b in pairs:
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
        if any(c.isalnum() for c in m.group()):
            words.append(m.group())
            if len(words) == 2:
                break
    if not words:
        return None
    first = words[0]
    if (first in ARTICLES or first.endswith("’")) and len(words) > 1:
        return first + ("" if first.endswith("’") else " ") + words[1]
    return first
