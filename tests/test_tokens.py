"""The token facts read once per Doc (french/tokens.py) are the Tokens' own values."""

from __future__ import annotations

from pathlib import Path

from seo_audit.french.tokens import doc_tokens

ROOT = Path(__file__).resolve().parent.parent


def _check(doc) -> None:
    facts = doc_tokens(doc)
    assert facts.text == [t.text for t in doc]
    assert facts.lower == [t.lower_ for t in doc]
    assert facts.lemma == [t.lemma_ for t in doc]
    assert facts.pos == [t.pos_ for t in doc]
    assert facts.idx == [t.idx for t in doc]
    assert facts.space == [bool(t.whitespace_) for t in doc]
    assert facts.punct == [t.is_punct for t in doc]
    assert facts.blank == [t.is_space for t in doc]
    assert facts.sent_start == [bool(t.is_sent_start) for t in doc]
    assert facts.string == doc.text
    for sent in doc.sents:
        assert facts.span_text(sent.start, sent.end) == sent.text
    for start in range(0, len(doc), 5):
        for end in range(start, min(len(doc), start + 7) + 1):
            assert facts.span_text(start, end) == doc[start:end].text


def test_facts_of_a_sample_draft(nlp) -> None:
    _check(nlp((ROOT / "samples" / "article-conforme.md").read_text(encoding="utf-8")))


def test_facts_of_odd_texts(nlp) -> None:
    # Runs of spaces and line breaks (space tokens), apostrophes, hyphens, numbers, an
    # empty text.
    for text in ["", " ", "Un.  Deux\n\ntrois  ", "L’État a-t-il dit « non » ? 3,5 % !\n"]:
        _check(nlp(text))


def test_facts_follow_each_doc(nlp) -> None:
    first, second = nlp("Le vélo électrique."), nlp("Une voiture rouge roule.")
    assert doc_tokens(first).text == ["Le", "vélo", "électrique", "."]
    assert doc_tokens(second).text == ["Une", "voiture", "rouge", "roule", "."]
    assert doc_tokens(first) is doc_tokens(first)  # read once per Doc
