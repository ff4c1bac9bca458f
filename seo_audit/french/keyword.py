"""Finding a focus keyphrase (and its synonyms) in French prose, as a French writer counts it.

The rules, decided once and applied to both the keyphrase and the text:

* Words, never substrings: "arme" is not in "armée", "vent" not in "souvent", "Kim" not
  in "Kimberley". The keyphrase's words must follow each other in the same sentence, in
  order; a punctuation mark between them breaks the occurrence ("armes, nucléaires").
* Case never matters. Accents do not matter by default (so "Etat", "ECOLE" or a keyphrase
  typed without accents still match), except when both spellings are distinct French words
  that the lemmatizer knows ("arme"/"armé", "côte"/"côté"): those stay different words.
  `accent_sensitive=True` makes every accent count. "œ" and "æ" equal "oe" and "ae".
* Plural and feminine forms match through spaCy lemmas, for nouns and adjectives only
  ("armes nucléaires" = "arme nucléaire", "avocate" = "avocat"; a feminine agent noun in
  -trice the lemmatizer keeps also gets its masculine in -teur when that is a known word).
  Verbs, determiners, prepositions and pronouns match as written: their lemmas would
  merge "des" with "un" or "armés" with "armer". Definite articles agree with their noun,
  so le = la = les = l’, du = des, au = aux and un = une = des ("impôts sur les revenus"
  is a form of "impôt sur le revenu"). A proper noun of the keyphrase keeps its spelling
  ("Le Monde" is not in "les mondes"), and so does one in the text ("Cannes" is not
  "canne"), except a first word outside any named entity, where the capital says nothing.
* Elision: "l’Ukraine" holds an occurrence of "Ukraine", and an elided article or pronoun
  at either end of the keyphrase is optional ("l’Ukraine" matches "Ukraine" too). Inside a
  keyphrase it must be there ("prix de l’énergie"); an elided form equals its full form
  ("d’" = "de"). The elisions: l’ d’ qu’ jusqu’ lorsqu’ puisqu’ n’ s’ c’ j’ m’ t’.
* A hyphen is a space ("Jong-un" = "Jong un", "États-Unis" = "Etats Unis") and a
  hyphenated word also equals its fused spelling ("e-mail" = "email", "week-end" =
  "weekend"); "e mail" with a space does not fuse. An occurrence never starts or ends
  inside a hyphenated word: "Jean" is not in "Jean-Pierre", "inflation" not in
  "anti-inflation".
* No-break and thin spaces, the apostrophes ' ’ ʼ ‘ ´ and the hyphens - ‐ ‑ are all the
  same (`seo_audit.french.text.normalise`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from seo_audit.french.sentences import get_nlp
from seo_audit.french.text import (
    APOSTROPHE,
    BLOCK_SEPARATOR,
    CONTRACTIONS,
    DEFINITE_ARTICLES,
    DETERMINERS,
    HYPHENS,
    INDEFINITE_ARTICLES,
    has_alnum,
    normalise,
    spell_out_ligatures,
    unify_spaces,
    word_lists,
)
from seo_audit.french.text import ELISIONS as _ALL_ELISIONS
from seo_audit.french.tokens import DocTokens, doc_tokens, per_doc

_HYPHEN_RE = re.compile(f"[{HYPHENS}]")

# Elided forms and the full words they stand for. "presqu’" and "quoiqu’" are not cut:
# "presqu’île" is one word, and "île" is not in it.
ELISIONS: dict[str, tuple[str, ...]] = {
    form: full for form, full in _ALL_ELISIONS.items() if form not in ("presqu’", "quoiqu’")
}


def _article_classes() -> dict[str, tuple[str, ...]]:
    """Articles that change with the number or gender of their noun, so that "impôts sur
    les revenus" can match "impôt sur le revenu". Each spelling lists its classes ("des" is
    both "de + les" and the plural of "un")."""
    classes: dict[str, list[str]] = {}
    for word in DEFINITE_ARTICLES:
        classes.setdefault(word, []).append("#def")
    for word, (preposition, _) in CONTRACTIONS.items():
        classes.setdefault(word, []).append(f"#{preposition}-def")
    for word in INDEFINITE_ARTICLES:
        classes.setdefault(word, []).append("#indef")
    return {word: tuple(found) for word, found in classes.items()}


_ARTICLE_CLASSES = _article_classes()

# Parts of speech whose lemma is trusted for plural and feminine forms.
_LEMMA_POS = {"NOUN", "ADJ"}
# Parts of speech that are never content words of a keyphrase.
_FUNCTION_POS = {"DET", "ADP", "PRON", "CCONJ", "SCONJ", "PUNCT", "SPACE", "SYM"}
# Grammar words that are never content words, whatever the tagger says about a keyphrase
# read out of context (data/keyword.txt); "son" may be a noun, so the tagger decides.
_FUNCTION_WORDS = (
    frozenset(word_lists("keyword")["function-words"])
    | (DETERMINERS - {"son"})
    | frozenset(ELISIONS)
)


@dataclass(frozen=True)
class _Lexicon:
    """What the lemmatizer's tables know: real spellings, and the lemma of a word form.

    The tables write the apostrophe ' ("aujourd'hui"): a normalised word is looked up
    with that one.
    """

    words: frozenset[str]
    table: object | None  # spaCy lookup table: word form -> [lemma]
    # The pieces of a token by what decides them (see `_token_pieces`), kept per lexicon
    # since they depend on it; cleared when full.
    pieces: dict[tuple[str, str, str, bool, bool], tuple[_Piece, ...]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def known(self, word: str) -> bool:
        word = word.replace(APOSTROPHE, "'")
        return word in self.words or (self.table is not None and word in self.table)

    def lemma(self, word: str) -> str | None:
        if self.table is None:
            return None
        value = self.table.get(word.replace(APOSTROPHE, "'"))  # type: ignore[attr-defined]
        if isinstance(value, list):
            return value[0] if value else None
        return value


@functools.lru_cache(maxsize=4)
def _lexicon(nlp: Language) -> _Lexicon:
    lookups = None
    if "lemmatizer" in nlp.pipe_names:
        lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None:
        return _Lexicon(frozenset(), None)
    words: set[str] = set()
    if lookups.has_table("lemma_index"):
        for lemmas in lookups.get_table("lemma_index").values():
            words.update(lemmas)
    table = lookups.get_table("lemma_lookup") if lookups.has_table("lemma_lookup") else None
    return _Lexicon(frozenset(words), table)


@dataclass(slots=True)
class _Piece:
    """One word of a keyphrase or sentence (a hyphenated word gives several pieces)."""

    forms: tuple[str, ...]  # lower-case, accented: the surface first, then lemma/full forms
    token: int  # index of its token in the Doc
    joined: bool = False  # joined by a hyphen to the previous piece
    word: bool = True  # False for punctuation, which matches nothing
    elided: bool = False  # an elided article or pronoun such as "l’"
    proper: bool = False  # a proper noun: only its spelling counts, never a lemma

    @property
    def surface(self) -> str:
        return self.forms[0]


def _split_elision(chunk: str) -> tuple[str | None, str]:
    """("l’", "ukraine") for "l’ukraine"; (None, chunk) when no elision starts it."""
    head, sep, rest = chunk.partition(APOSTROPHE)
    if sep and head + APOSTROPHE in ELISIONS:
        return head + APOSTROPHE, rest
    return None, chunk


def _lemma_parts(facts: DocTokens, i: int, at_start: bool, lexicon: _Lexicon) -> list[str] | None:
    """The lemma of a noun or adjective (token i of `facts`' Doc), split like the word on
    hyphens; None if untrusted."""
    pos = facts.pos[i]
    if pos in _LEMMA_POS:
        lemma: str | None = facts.lemma[i]
    elif pos == "PROPN" and at_start and not facts.doc[i].ent_type_:
        # A capitalised first word outside any named entity may be a common noun the
        # tagger took for a name; "Cannes" (an entity) keeps its spelling.
        lemma = lexicon.lemma(normalise(facts.text[i]))
    else:
        return None
    if not lemma:
        return None
    return [p for p in _HYPHEN_RE.split(normalise(lemma)) if p]


def _lemma_forms(lemma: str, pos: str, lexicon: _Lexicon) -> tuple[str, ...]:
    """The lemma, plus the masculine of a feminine agent noun the lemmatizer left alone
    ("directrice" -> "directeur"; "matrice" stays, as "mateur" is no French word)."""
    forms = [lemma]
    if pos == "NOUN" and lemma.endswith("trice"):
        masculine = lemma[: -len("trice")] + "teur"
        if lexicon.known(masculine):
            forms.append(masculine)
    return tuple(forms)


# How many tokens' pieces a lexicon keeps (words repeat across sentences and drafts;
# an entry is a few hundred bytes).
_TOKEN_PIECES_KEPT = 50_000


def _token_pieces(
    facts: DocTokens, i: int, text: str, first: bool, join_next: bool, lexicon: _Lexicon
) -> tuple[_Piece, ...]:
    """The pieces of token i (normalised `text`, a word), with its lemma forms; `first`: the
    first word of the span; `join_next`: a hyphen glues it to the previous word. Their
    `token` is i; `_pieces` gives each the index of the token it is read in."""
    own: list[_Piece] = []
    for ci, chunk in enumerate(text.split()):
        # Tokens keep an elision when spaCy does not cut it ("lʼUkraine").
        elided, rest = _split_elision(chunk)
        if elided is not None:
            forms = (elided, *ELISIONS[elided], *_ARTICLE_CLASSES.get(elided, ()))
            own.append(_Piece(forms, i, elided=True))
        parts = _HYPHEN_RE.split(rest)
        first_joined = ci == 0 and elided is None and (join_next or parts[0] == "")
        for pi, part in enumerate(p for p in parts if p):
            forms = (part, *_ARTICLE_CLASSES.get(part, ()))
            own.append(_Piece(forms, i, joined=first_joined if pi == 0 else True))
    if not own or any(p.elided for p in own):
        return tuple(own)
    # Lemma forms only when the token is one plain word (or one hyphenated word).
    lemma = _lemma_parts(facts, i, first, lexicon)
    if lemma and len(lemma) == len(own):
        return tuple(
            _Piece((*p.forms, *_lemma_forms(lem, facts.pos[i], lexicon)), p.token, p.joined)
            for p, lem in zip(own, lemma, strict=True)
        )
    if facts.pos[i] == "PROPN" and facts.text[i][:1].isupper():
        return tuple(_Piece(p.forms, p.token, p.joined, proper=True) for p in own)
    return tuple(own)


def _pieces(span: Span | Doc, lexicon: _Lexicon) -> list[_Piece]:
    """Cut a span's tokens into word pieces, with their lemma, elision and article forms."""
    pieces: list[_Piece] = []
    join_next = False  # the previous token was a hyphen glued to both neighbours
    at_start = True
    # Read from the Doc's token facts (see tokens.py).
    if isinstance(span, Span):
        facts, start, end = doc_tokens(span.doc), span.start, span.end
    else:
        facts, start, end = doc_tokens(span), 0, len(span)
    for i in range(start, end):
        if facts.blank[i]:
            continue
        text = normalise(facts.text[i])
        if text.strip(HYPHENS) == "":
            glued = i > 0 and not facts.space[i - 1] and not facts.space[i]
            if glued and pieces and pieces[-1].word:
                join_next = True  # spaCy cut "Jong-un" into "Jong", "-", "un"
                continue
        if not has_alnum(text):
            pieces.append(_Piece((text,), i, word=False))
            join_next = False
            continue
        join, first = join_next, at_start
        join_next = at_start = False
        if facts.pos[i] == "PROPN" and first:
            # Whether the lemma counts depends on the named entities: not kept in the memo.
            own = _token_pieces(facts, i, text, first, join, lexicon)
        else:
            key = (facts.text[i], facts.pos[i], facts.lemma[i], first, join)
            own = lexicon.pieces.get(key)
            if own is None:
                if len(lexicon.pieces) >= _TOKEN_PIECES_KEPT:
                    lexicon.pieces.clear()
                own = lexicon.pieces[key] = _token_pieces(facts, i, text, first, join, lexicon)
        pieces.extend(_Piece(p.forms, i, p.joined, p.word, p.elided, p.proper) for p in own)
    return pieces


def _any_of(forms: set[str]) -> re.Pattern[str]:
    """A pattern found wherever one of `forms` is a substring (longest first: any match is
    enough, and the longer forms are the rarer)."""
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))


@functools.lru_cache(maxsize=65536)
def _folded_forms(forms: tuple[str, ...]) -> frozenset[str]:
    """A word's forms without accents. Cached: words repeat."""
    return frozenset(normalise(form, accents=False) for form in forms)


@per_doc
def _folded_lemmas(doc: Doc) -> list[str | None]:
    """Each token's lemma as `_may_hold` compares it (accents folded), for the nouns and
    adjectives only; None for the other tokens."""
    facts = doc_tokens(doc)
    return [
        normalise(lemma, accents=False) if pos in _LEMMA_POS and not blank else None
        for lemma, pos, blank in zip(facts.lemma, facts.pos, facts.blank, strict=True)
    ]


class KeyphraseMatcher:
    """Find a keyphrase and its synonyms in sentences of Docs made by the same pipeline."""

    def __init__(
        self,
        nlp: Language,
        keyphrase: str,
        synonyms: Sequence[str] = (),
        *,
        accent_sensitive: bool = False,
    ) -> None:
        self.keyphrase = keyphrase
        self.synonyms = list(synonyms)
        self.accent_sensitive = accent_sensitive
        self._lexicon = _lexicon(nlp)
        self._phrases: list[list[_Piece]] = []
        for phrase in [keyphrase, *self.synonyms]:
            pieces = _phrase_pieces(nlp, phrase, self._lexicon)
            if pieces and pieces not in self._phrases:
                self._phrases.append(pieces)
        # Longest first, so that "énergie solaire" wins over a synonym "énergie".
        self._phrases.sort(key=len, reverse=True)
        # For each phrase, the normal forms of its content words: a sentence can only hold
        # the phrase if each of them shows up in it (see `_may_hold`).
        # Each word's forms as one pattern: a search in C instead of a substring test per form.
        self._needles = [
            [
                _any_of({normalise(form, accents=False) for form in piece.forms})
                for piece in phrase
                if not piece.elided and piece.forms[0] not in _ARTICLE_CLASSES
            ]
            for phrase in self._phrases
        ]

        # Each phrase's first word without accents, and whether a hyphen joins it to the
        # next, for a quick look at each word of a sentence (see `_longest_at`).
        self._first_forms = [_folded_forms(phrase[0].forms) for phrase in self._phrases]
        self._first_fuses = [len(phrase) > 1 and phrase[1].joined for phrase in self._phrases]

    def _may_hold(self, span: Span | Doc) -> bool:
        """A quick test that rules out most sentences before the word-by-word match.

        Every form the match compares is, once normalised, part of the sentence's text
        (hyphens kept or dropped) or of its lemmas, so a content word of the phrase that is
        in none of them cannot be matched. It never rules out a sentence that matches.
        """
        # Read from the Doc's token facts: no Token is made for a sentence ruled out.
        if isinstance(span, Span):
            facts = doc_tokens(span.doc)
            start, end = span.start, span.end
            text = facts.span_text(start, end)
        else:
            facts = doc_tokens(span)
            start, end = 0, len(span)
            text = facts.string
        text = normalise(text, accents=False)
        hay = [text, text.replace("-", "")]
        # The lemmas of the nouns and adjectives, and after the first word's own the
        # lemma the lexicon gives that word (a capital may have hidden a common noun).
        lemmas = _folded_lemmas(facts.doc)
        first = next((i for i in range(start, end) if not facts.blank[i]), end)
        hay += [lemma for lemma in lemmas[start : first + 1] if lemma is not None]
        if first < end:
            lemma = self._lexicon.lemma(normalise(facts.text[first]))
            if lemma:
                hay.append(normalise(lemma, accents=False))
        hay += [lemma for lemma in lemmas[first + 1 : end] if lemma is not None]
        haystack = " ".join(hay)
        masculine = (  # most sentences hold no -trice at all: skip the word by word pass
            " ".join(
                word[: -len("trice")] + "teur"
                for word in haystack.split()
                if word.endswith("trice")
            )
            if "trice" in haystack
            else ""
        )
        haystack += " " + masculine
        return any(all(forms.search(haystack) for forms in needles) for needles in self._needles)

    def find(self, span: Span | Doc) -> list[tuple[int, int]]:
        """(start, end) token indices in the Doc of each non-overlapping occurrence in `span`."""
        if not self._phrases or not self._may_hold(span):
            return []
        text = _pieces(span, self._lexicon)
        folded = [_folded_forms(piece.forms) for piece in text]
        found: list[tuple[int, int]] = []
        j = 0
        last_end = -1
        while j < len(text):
            end = self._longest_at(text, j, folded) if text[j].word and not text[j].joined else None
            if end is None:
                j += 1
                continue
            start_tok, end_tok = text[j].token, text[end - 1].token + 1
            if start_tok >= last_end:
                found.append((start_tok, end_tok))
                last_end = end_tok
            j = end
        return found

    def _longest_at(self, text: list[_Piece], j: int, folded: list[frozenset[str]]) -> int | None:
        best: int | None = None
        text_fuses = j + 1 < len(text) and text[j + 1].joined
        for phrase, first_forms, fuses in zip(
            self._phrases, self._first_forms, self._first_fuses, strict=True
        ):
            # Two words can only be the same when their forms agree without accents, unless
            # a hyphen lets them fuse ("e-mail" / "email"): see _match and _same.
            if not (fuses or text_fuses) and first_forms.isdisjoint(folded[j]):
                continue
            end = self._match(phrase, 0, text, j)
            if end is not None and (best is None or end > best):
                best = end
        return best

    def _match(self, kw: list[_Piece], i: int, text: list[_Piece], j: int) -> int | None:
        """End piece index when kw[i:] matches text from j on, else None."""
        if i == len(kw):
            # Never stop inside a hyphenated word of the text.
            return None if j < len(text) and text[j].joined else j
        if j >= len(text) or not text[j].word:
            return None
        if self._same_piece(kw[i], text[j]):
            end = self._match(kw, i + 1, text, j + 1)
            if end is not None:
                return end
        # A hyphenated word against its fused spelling: "e-mail" / "email". Only possible
        # when a hyphen joins the next piece on one side (a fast exit for ordinary words).
        kw_joined = i + 1 < len(kw) and kw[i + 1].joined
        text_joined = j + 1 < len(text) and text[j + 1].joined
        if not (kw_joined or text_joined):
            return None
        for a in range(1, 4):
            for b in range(1, 4):
                if (a, b) == (1, 1) or i + a > len(kw) or j + b > len(text):
                    continue
                if not (_hyphen_group(kw, i, a) and _hyphen_group(text, j, b)):
                    continue
                if self._same_fused(kw[i : i + a], text[j : j + b]):
                    end = self._match(kw, i + a, text, j + b)
                    if end is not None:
                        return end
        return None

    def _same_piece(self, kw: _Piece, text: _Piece) -> bool:
        # A proper noun of the keyphrase only matches a spelling, never a lemma:
        # "Le Monde" is not in "les mondes virtuels".
        forms = text.forms[:1] if kw.proper else text.forms
        return any(self._same(x, y) for x in kw.forms for y in forms)

    def _same_fused(self, a: list[_Piece], b: list[_Piece]) -> bool:
        left = "".join(p.surface for p in a[:-1])
        right = "".join(p.surface for p in b[:-1])
        return any(self._same(left + x, right + y) for x in a[-1].forms for y in b[-1].forms)

    def _same(self, a: str, b: str) -> bool:
        if a == b:
            return True
        if self.accent_sensitive:
            return False
        # Most pairs differ even without accents: reject them on the cached normal form first
        # (two spellings equal up to ligatures are equal in normal form too).
        if normalise(a, accents=False) != normalise(b, accents=False):
            return False
        if spell_out_ligatures(a) == spell_out_ligatures(b):
            return True
        # Only accents differ: the same word, unless both spellings are real words.
        return not (self._lexicon.known(a) and self._lexicon.known(b))


def _hyphen_group(pieces: list[_Piece], i: int, n: int) -> bool:
    """True when pieces[i:i+n] are one hyphenated word (always true for one piece)."""
    if i + n > len(pieces):
        return False
    return all(p.word for p in pieces[i : i + n]) and all(p.joined for p in pieces[i + 1 : i + n])


def _phrase_pieces(nlp: Language, phrase: str, lexicon: _Lexicon) -> list[_Piece]:
    """The word pieces of a keyphrase, without punctuation or an elision at either end."""
    pieces = [p for p in _pieces(nlp(unify_spaces(phrase).strip()), lexicon) if p.word]
    while pieces and pieces[0].elided:
        pieces.pop(0)
    while pieces and pieces[-1].elided:
        pieces.pop()
    if pieces and pieces[0].joined:
        first = pieces[0]
        pieces[0] = _Piece(first.forms, first.token, proper=first.proper)
    return pieces


def keyphrase_content_words(nlp: Language, keyphrase: str) -> list[str]:
    """The content words of `keyphrase`, as written: no articles, prepositions, pronouns,
    conjunctions or elided forms. A hyphenated word is one word ("Kim Jong-un" -> 2)."""
    doc = nlp(unify_spaces(keyphrase).strip())
    words: list[list[Token]] = []
    for tok in doc:
        if tok.is_space:
            continue
        if (
            words
            and tok.i > 0
            and not doc[tok.i - 1].whitespace_
            and (tok.text[:1] in HYPHENS or doc[tok.i - 1].text[-1:] in HYPHENS)
        ):
            words[-1].append(tok)  # glued by a hyphen to the previous token
        else:
            words.append([tok])
    result: list[str] = []
    for group in words:
        if not any(_is_content(t) for t in group):
            continue
        text = "".join(t.text_with_ws for t in group).strip()
        elided, rest = _split_elision(normalise(text))
        if elided is not None:
            text = text[len(elided) :]
        result.append(text)
    return result


def _is_content(token: Token) -> bool:
    text = normalise(token.text)
    if not has_alnum(text):
        return False
    if text in ELISIONS or text in _FUNCTION_WORDS:
        return False
    return token.pos_ not in _FUNCTION_POS


def keyword_occurrences(text: str, keyphrase: str) -> int:
    """How many times `keyphrase` occurs in `text` (paragraphs split on blank lines)."""
    blocks = [" ".join(b.split("\n")).strip() for b in re.split(r"\n\s*\n", text)]
    nlp = get_nlp()
    doc = nlp(BLOCK_SEPARATOR.join(b for b in blocks if b))
    matcher = KeyphraseMatcher(nlp, keyphrase)
    return sum(len(matcher.find(sent)) for sent in doc.sents)
