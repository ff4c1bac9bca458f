"""spaCy Docs of the pieces of prose already analysed, so that an edit re-runs spaCy only on
the blocks it changed.

The engine's default path sends a draft's whole prose text (its blocks and short texts joined
by blank lines, see `analyze.prose_text`) to spaCy in one piece. Given a `BlockDocCache`
(`audit_drafts(..., doc_cache=...)`), it cuts that text into one piece per block instead,
each with the blank line that follows it, takes the Docs of the pieces it has seen from the
cache, runs spaCy on the others only and joins them with `Doc.from_docs`, as the default
path already does for drafts too long for one piece. A block never shares a sentence with
the next one (the sentence rules start a sentence after a blank line), and the reports of
the two paths are compared by the tests.

The cache belongs to one thread at a time (the language server checks in one worker thread).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from seo_audit.document import Document
from seo_audit.engine import PIPE_BATCH, prose_pieces
from seo_audit.nlp import BLOCK_SEPARATOR

# Blocks kept: a few long drafts' worth (a 1,500-word article has about 60 blocks and short
# texts). The least recently used go first.
MAX_ENTRIES = 5_000


class Superseded(Exception):
    """The check was given up: a newer version of the draft is waiting."""


def block_pieces(text: str) -> list[str]:
    """`text` (prose joined by BLOCK_SEPARATOR) cut after each separator: one piece per
    block with the separator that follows it. An empty block's separator goes with the
    piece before, so that a run of blank lines stays one token, as in the whole text. The
    pieces join back into `text`."""
    parts = text.split(BLOCK_SEPARATOR)
    out: list[str] = []
    for n, part in enumerate(parts):
        piece = part if n == len(parts) - 1 else part + BLOCK_SEPARATOR
        if not part and out:
            out[-1] += piece
        elif piece:
            out.append(piece)
    return out


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0


class BlockDocCache:
    """spaCy Docs by piece text (and the components left out), least recently used first."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self.max_entries = max_entries
        self._docs: OrderedDict[tuple[str, tuple[str, ...]], Doc] = OrderedDict()
        self.stats = CacheStats()
        self.cancelled: Callable[[], bool] = lambda: False

    def __len__(self) -> int:
        return len(self._docs)

    def clear(self) -> None:
        self._docs.clear()

    def pieces(self, document: Document) -> list[str]:
        """The draft's prose text cut into blocks (the engine's pieces, each cut further);
        raises InputError as the engine does for a block too long to be prose."""
        return [piece for part in prose_pieces(document) for piece in block_pieces(part)]

    def docs(self, nlp: Language, texts: list[str], disable: list[str]) -> Iterator[Doc]:
        """A Doc for each text, in order: from the cache, or from spaCy for the texts not
        seen yet (run together in one `nlp.pipe`). Raises Superseded as soon as
        `self.cancelled()` says the result is no longer wanted."""
        flags = tuple(sorted(disable))
        found: dict[str, Doc] = {}
        missing: dict[str, None] = {}  # in order, each text once
        for text in texts:
            if text in found or text in missing:
                continue
            doc = self._docs.get((text, flags))
            if doc is None:
                missing[text] = None
            else:
                self._docs.move_to_end((text, flags))
                found[text] = doc
        self.stats.hits += len(texts) - len(missing)
        self.stats.misses += len(missing)
        if self.cancelled():
            raise Superseded
        todo = list(missing)
        for text, doc in zip(
            todo, nlp.pipe(todo, batch_size=PIPE_BATCH, disable=disable), strict=True
        ):
            found[text] = doc
            self._docs[(text, flags)] = doc
            if self.cancelled():
                raise Superseded
        while len(self._docs) > self.max_entries:
            self._docs.popitem(last=False)
        return (found[text] for text in texts)
