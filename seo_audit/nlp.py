"""The spaCy pipeline, loaded once per process and shared by every document.

The French layer owns it: fr_core_news_md with the sentence rules of
seo_audit.french.sentences. This module only names it for the rest of the package (the
French modules never import this one).
"""

from __future__ import annotations

from seo_audit.french.sentences import MODEL_NAME, get_nlp
from seo_audit.french.text import BLOCK_SEPARATOR

__all__ = ["BLOCK_SEPARATOR", "MODEL_NAME", "get_nlp"]
