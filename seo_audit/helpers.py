"""Small public helpers over the same French code paths the checks use."""

from __future__ import annotations


def syllables(word: str) -> int:
    """Spoken French syllables of one word (final mute e silent; acronyms letter by letter)."""
    from seo_audit.french.syllables import count_syllables

    return count_syllables(word)


def sentences(text: str) -> list[str]:
    """The sentences of a French text (paragraphs split on blank lines first)."""
    from seo_audit.french.sentences import split_sentences

    return split_sentences(text)


def is_passive(sentence: str) -> bool:
    """True when the sentence (or one of them, if several) is in the passive voice."""
    from seo_audit.french.passive import is_passive_span
    from seo_audit.nlp import get_nlp

    return any(is_passive_span(sent) for sent in get_nlp()(sentence).sents)


def keyword_occurrences(text: str, keyphrase: str) -> int:
    """How many times `keyphrase` occurs in `text`, as the keyword checks count it."""
    from seo_audit.french.keyword import keyword_occurrences as count

    return count(text, keyphrase)


def is_french(text: str) -> bool:
    """True when the text is mostly French."""
    from seo_audit.french.language import is_french as check

    return check(text)
