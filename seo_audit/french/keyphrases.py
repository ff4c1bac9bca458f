"""Suggesting likely keyphrases for a draft that names none.

Candidates are content-word groups a French SEO keyphrase usually takes: a noun or proper
noun alone, noun + adjective ("énergie solaire"), proper noun + proper noun ("Vladimir
Poutine"), noun + de + noun ("prix de l’énergie"). Each is scored by how often its lemmas
occur, with a bonus for longer phrases and for phrases that appear in a heading.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from spacy.tokens import Span, Token

from seo_audit.french.text import (
    APOSTROPHES,
    DEFINITE_ARTICLES,
    MONTHS,
    WEEKDAYS,
    normalise,
    word_lists,
)

_CONTENT = {"NOUN", "PROPN"}
# Nouns that are everywhere in news and never a topic: the calendar, time words and units.
_NOT_TOPICS = frozenset(word_lists("keyphrases")["not-topics"]) | frozenset(MONTHS + WEEKDAYS)
# An elided "de" or "la"/"le" written apart in a surface ("prix de l’ énergie").
_ELIDED_APART_RE = re.compile(f" ([dl][{APOSTROPHES}]) ")
_MODIFIER = {"ADJ", "PROPN", "NOUN"}


def _key(tokens: Iterable[Token]) -> tuple[str, ...]:
    return tuple(t.lemma_.lower() for t in tokens)


def _is_content(token: Token) -> bool:
    return (
        token.pos_ in _CONTENT
        and not token.is_stop
        and len(token.text) > 2
        and token.is_alpha
        and token.lemma_.lower() not in _NOT_TOPICS
    )


def _candidates(sent: Span) -> Iterable[list[Token]]:
    tokens = [t for t in sent if not t.is_space]
    for i, tok in enumerate(tokens):
        if not _is_content(tok):
            continue
        yield [tok]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.pos_ in _MODIFIER and nxt.is_alpha and not nxt.is_stop:
            yield [tok, nxt]
        # noun + de/d’ (+ article) + noun: "prix de l’énergie", "crue de la Vilaine"
        if i + 2 < len(tokens) and normalise(tokens[i + 1].text) in ("de", "d’"):
            third = tokens[i + 2]
            if _is_content(third):
                yield [tok, tokens[i + 1], third]
            elif (
                normalise(third.text) in DEFINITE_ARTICLES
                and i + 3 < len(tokens)
                and _is_content(tokens[i + 3])
            ):
                yield [tok, tokens[i + 1], third, tokens[i + 3]]


def suggest_keyphrases(sentences: Iterable[tuple[Span, bool]], n: int = 3) -> list[str]:
    """The `n` most likely keyphrases; `sentences` yields (span, is_heading) pairs."""
    scores: Counter[tuple[str, ...]] = Counter()
    surfaces: dict[tuple[str, ...], Counter[str]] = defaultdict(Counter)
    for sent, is_heading in sentences:
        for group in _candidates(sent):
            key = _key(group)
            weight = 1.0 + 0.6 * (len(group) - 1)
            scores[key] += weight * (2.0 if is_heading else 1.0)
            surface = " ".join(t.text if t.pos_ == "PROPN" else t.lower_ for t in group)
            surface = _ELIDED_APART_RE.sub(r" \1", surface)
            surfaces[key][surface] += 1
    chosen: list[tuple[str, ...]] = []
    for key, score in scores.most_common():
        if score < 2:
            break
        if any(set(key) <= set(other) for other in chosen):
            continue  # a part of a phrase already chosen
        # A longer phrase replaces a chosen part of it when it is nearly as frequent:
        # "vélo électrique" says more than "vélo".
        parts = [c for c in chosen if set(c) < set(key) and score >= 0.5 * scores[c]]
        if parts:
            chosen[chosen.index(parts[0])] = key
            continue
        if len(chosen) < n:
            chosen.append(key)
    return [surfaces[key].most_common(1)[0][0] for key in chosen]
