"""Each token's facts, read once per Doc into plain lists.

spaCy makes a new Token object at every `doc[i]` and every pass over a span, and decodes a
string at every `token.text`, `.lemma_` or `.pos_`. The modules of the analysis read the
same tokens again and again (connectors, insights, syllables, keyphrase search): they read
these lists instead, and make a Token only for what the lists do not hold (morphology,
dependencies).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LEMMA, LOWER, ORTH, POS, SENT_START, SPACY
from spacy.tokens import Doc

_COLUMNS = [ORTH, LOWER, LEMMA, POS, IDX, SPACY, IS_PUNCT, IS_SPACE, SENT_START]


@dataclass(frozen=True, slots=True)
class DocTokens:
    """The facts of a Doc's tokens, by token index (the same values as the Token's)."""

    text: list[str]  # token.text
    lower: list[str]  # token.lower_
    lemma: list[str]  # token.lemma_
    pos: list[str]  # token.pos_
    idx: list[int]  # token.idx
    space: list[bool]  # bool(token.whitespace_)
    punct: list[bool]  # token.is_punct
    blank: list[bool]  # token.is_space
    sent_start: list[bool]  # bool(token.is_sent_start)
    string: str  # doc.text
    doc: Doc  # for what the lists do not hold

    def span_text(self, start: int, end: int) -> str:
        """The text of tokens [start, end), as Span.text gives it (no trailing space)."""
        if start >= end:
            return ""
        return self.string[self.idx[start] : self.idx[end - 1] + len(self.text[end - 1])]


T = TypeVar("T")
# How many Docs' values `per_doc` keeps: the sentences of a few Docs (a text, its title...)
# are read in turn.
KEPT_DOCS = 8


def per_doc(compute: Callable[[Doc], T]) -> Callable[[Doc], T]:
    """`compute(doc)` made once per Doc: the values of the last KEPT_DOCS Docs are kept, each
    with its Doc so that a new Doc at a freed address is never taken for an old one."""
    kept: dict[int, tuple[Doc, T]] = {}

    @functools.wraps(compute)
    def once(doc: Doc) -> T:
        found = kept.get(id(doc))
        if found is not None and found[0] is doc:
            return found[1]
        value = compute(doc)
        if len(kept) >= KEPT_DOCS:
            kept.clear()
        kept[id(doc)] = (doc, value)
        return value

    return once


@per_doc
def doc_tokens(doc: Doc) -> DocTokens:
    """The facts of `doc`'s tokens."""
    columns = doc.to_array(_COLUMNS).T.tolist() if len(doc) else [[] for _ in _COLUMNS]
    orth, lower, lemma, pos, idx, space, punct, blank, sent_start = columns
    strings = doc.vocab.strings
    text = _strings(strings, orth)
    space = [bool(v) for v in space]
    return DocTokens(
        text=text,
        lower=_strings(strings, lower),
        lemma=_strings(strings, lemma),
        pos=_strings(strings, pos),
        idx=idx,
        space=space,
        punct=[bool(v) for v in punct],
        blank=[bool(v) for v in blank],
        sent_start=[v == 1 for v in sent_start],
        # Doc.text would make every token again; a token's white space is one space or none.
        string="".join([t + " " if s else t for t, s in zip(text, space, strict=True)]),
        doc=doc,
    )


def _strings(strings: object, hashes: list[int]) -> list[str]:
    """The strings of `hashes`; each decoded once in a process (words repeat), the memo
    cleared when full so that a long batch stays within bounds."""
    out = list(map(_decoded.get, hashes))  # most are known: one pass in C
    if None in out:
        if len(_decoded) >= _DECODED_LIMIT:
            _decoded.clear()
        for i, h in enumerate(hashes):
            if out[i] is None:
                out[i] = _decoded[h] = strings[h]  # type: ignore[index]
    return out  # type: ignore[return-value]


# A string's hash is the same in every StringStore (spaCy hashes the text), so one memo
# serves every Doc.
_decoded: dict[int, str] = {}
_DECODED_LIMIT = 200_000
