"""The spaCy pipeline, loaded once per process and shared by every document."""

from __future__ import annotations

import functools

import spacy
from spacy.language import Language

MODEL_NAME = "fr_core_news_md"

# Blocks (headings, paragraphs, list items) are joined with this separator before the
# single spaCy pass; the sentence component always starts a sentence after it.
BLOCK_SEPARATOR = "\n\n"


@functools.lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Load fr_core_news_md once per process, with the French sentence rules added."""
    from seo_audit.french.sentences import add_sentence_rules

    nlp = spacy.load(MODEL_NAME)
    add_sentence_rules(nlp)
    return nlp
