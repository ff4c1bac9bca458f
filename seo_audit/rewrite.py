"""A rewrite against its source articles: how much is copied, which facts are kept, which
are new.

A rewrite may have several sources (two reports of the same event): a passage is copied
when any source holds it, the facts to keep are those of all the sources, each counted
once (the second report's « Kim Jong-un » is the first one's), and a fact is invented only
when no source states it. Paragraphs of a source that are not French (an English request
pasted above the report, a caption) are left out of the comparison, and said so.

Originality is measured on words: the share of the draft's 5-word sequences (lower case,
accents kept, apostrophes unified, punctuation dropped, never across two blocks) that also
appear in the source, and the longest passage copied word for word. Facts (names, numbers,
dates) come from the spaCy Docs the audit already made, matched as a careful French reader
would (see seo_audit.french.facts): spaCy is not run again here.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from seo_audit.analyze import Analysis, SegmentMap, SourceText
from seo_audit.document import Document
from seo_audit.french.facts import FactSide, distinct_facts, find_fact
from seo_audit.french.language import UNDETERMINED, detect_language
from seo_audit.french.text import APOSTROPHES, HYPHENS, normalise
from seo_audit.french.words import count_words

NGRAM = 5
# Where facts are looked for: the body blocks plus the title, description and image texts
# (a figure in the title is stated by the page as much as one in the body). The slug is
# the file name, and link texts are already inside their block.
FACT_SEGMENTS = ("block", "title", "description", "alt")

_JOINERS = re.escape(APOSTROPHES + HYPHENS)  # inside a word: l’avion, Jean-Pierre
_WORD_RE = re.compile(rf"\d+(?:[.,]\d+)+|[^\W_]+(?:[{_JOINERS}][^\W_]+)*")


@dataclass
class CopiedPassage:
    """The longest run of words found in the same order in the draft and the source."""

    words: int = 0
    text: str = ""
    draft_first_line: int | None = None
    draft_last_line: int | None = None
    source_first_line: int | None = None
    source_last_line: int | None = None
    draft_start: int = 0  # the passage's range in the draft file
    draft_end: int = 0
    source_path: str = ""  # the source it is copied from


@dataclass
class SourceFactResult:
    """A fact of the source and whether the draft keeps it."""

    text: str
    kind: str  # person, place, organisation, number, date, quantity
    line: int  # line in the source
    kept: bool
    draft_line: int | None = None  # where the draft states it
    start: int = 0  # the fact's range in the source file
    end: int = 0
    source_path: str = ""  # the source that states it


@dataclass
class LeftOut:
    """A paragraph left out of the comparison: it is not written in French."""

    source_path: str  # the file it is in (a source, or the draft)
    line: int
    language: str
    text: str


@dataclass
class InventedFact:
    """A fact of the draft that the source does not state."""

    text: str
    kind: str
    line: int  # line in the draft
    start: int = 0  # the fact's range in the draft file
    end: int = 0


@dataclass
class SourceComparison:
    overlap: float  # share of the draft's word 5-grams also in the source, 0-1
    longest_copy: CopiedPassage
    facts: list[SourceFactResult]
    invented: list[InventedFact]
    source_words: int  # all the sources together
    draft_words: int
    source_path: str = field(default="")  # the first source
    # Several sources: every path, and the words of each (the length is measured against
    # the longest one: reports of the same event tell mostly the same story). `left_out`:
    # paragraphs not in French, of the sources (left out of the comparison) and of the
    # draft (left out of the facts).
    source_paths: list[str] = field(default_factory=list)
    words_by_source: list[int] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    # The draft's passages found in the source: (start, end, words) in the draft file, runs
    # of the words covered by the 5-word sequences that the overlap share counts.
    copied: list[tuple[int, int, int]] = field(default_factory=list)

    @property
    def kept_share(self) -> float | None:
        """Share of the source facts the draft keeps, or None when the source has none."""
        if not self.facts:
            return None
        return sum(f.kept for f in self.facts) / len(self.facts)

    @property
    def missing(self) -> list[SourceFactResult]:
        return [f for f in self.facts if not f.kept]

    @property
    def paths(self) -> list[str]:
        return self.source_paths or [self.source_path]

    @property
    def longest_source_words(self) -> int:
        return max(self.words_by_source, default=self.source_words)

    @property
    def length_ratio(self) -> float:
        basis = self.longest_source_words
        return self.draft_words / basis if basis else 0.0

    def kept_by_source(self) -> dict[str, tuple[int, int]]:
        """(kept, facts) for each source, a fact counted for the source it was found in first."""
        counts = {path: (0, 0) for path in self.paths}
        for f in self.facts:
            path = f.source_path or self.source_path
            kept, total = counts.get(path, (0, 0))
            counts[path] = (kept + f.kept, total + 1)
        return counts

    def metrics(self) -> dict[str, Any]:
        kept = self.kept_share
        return {
            "source_overlap": round(self.overlap, 3),
            "source_longest_copy": self.longest_copy.words,
            "source_facts": len(self.facts),
            "source_facts_kept": round(kept, 3) if kept is not None else None,
            "source_facts_invented": len(self.invented),
            "source_words": self.source_words,
            "source_length_ratio": round(self.length_ratio, 2),
            "sources": len(self.paths),
            "source_paragraphs_left_out": len(self.left_out),  # not in French
        }


# --- Where an offset of the spaCy text is in the file ---------------------------------------


def fact_ranges(where: SegmentMap, left_out: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Character ranges of the segments facts are taken from; a title that repeats a block
    (the first line of a plain-text file) is read once, and texts in `left_out` not at all."""
    block_texts = {b.text.strip() for b in where.document.blocks}
    ranges = []
    for seg, start in zip(where.parts, where.starts, strict=True):
        if seg.kind not in FACT_SEGMENTS or seg.text.strip() in left_out:
            continue
        if seg.kind != "block" and seg.text.strip() in block_texts:
            continue
        ranges.append((start, start + len(seg.text)))
    return ranges


# A paragraph is judged on its own language only with this many words (a short line, a
# heading, a name, a date, says too little), and left out only on a clear answer.
MIN_WORDS_FOR_LANGUAGE = 8
MIN_LANGUAGE_CONFIDENCE = 0.8


def foreign_blocks(document: Document) -> list[LeftOut]:
    """The paragraphs of a source written in another language than French (a request to the
    writer pasted above the report, an English caption)."""
    found = []
    for block in document.blocks:
        if count_words(block.text) < MIN_WORDS_FOR_LANGUAGE:
            continue
        language, confidence = detect_language(block.text)
        if language not in ("fr", UNDETERMINED) and confidence >= MIN_LANGUAGE_CONFIDENCE:
            start, _ = block.span(0, 1)
            line = document.lines.line(start)
            found.append(LeftOut(document.path, line, language, block.text.strip()))
    return found


# --- Copied words -----------------------------------------------------------------------------


@dataclass
class _Word:
    text: str  # normalised
    raw: str
    block: int
    line: int
    start: int  # range in the file
    end: int


def normalised_words(document: Document, left_out: frozenset[str] = frozenset()) -> list[_Word]:
    """The words of the blocks in their comparison form (`text.normalise`: lower case,
    accents kept, apostrophes and hyphens unified), blocks in `left_out` skipped."""
    found = []
    for bi, block in enumerate(document.blocks):
        if block.text.strip() in left_out:
            continue
        for m in _WORD_RE.finditer(block.text):
            word = normalise(m.group())
            start, end = block.span(m.start(), m.end())
            found.append(_Word(word, m.group(), bi, document.lines.line(start), start, end))
    return found


def _ngrams(words: list[_Word]) -> list[tuple[str, ...]]:
    grams = []
    for i in range(len(words) - NGRAM + 1):
        if words[i].block == words[i + NGRAM - 1].block:
            grams.append(tuple(w.text for w in words[i : i + NGRAM]))
    return grams


def copied_passages(
    draft: list[_Word], source_grams: set[tuple[str, ...]]
) -> list[tuple[int, int, int]]:
    """The runs of draft words covered by a 5-word sequence that the source also holds, each
    inside one block: (start, end, words), the range in the draft file and the run's length."""
    covered = [False] * len(draft)
    for i in range(len(draft) - NGRAM + 1):
        if draft[i].block != draft[i + NGRAM - 1].block:
            continue
        if tuple(w.text for w in draft[i : i + NGRAM]) in source_grams:
            covered[i : i + NGRAM] = [True] * NGRAM
    runs: list[tuple[int, int, int]] = []
    first = None
    for i, word in enumerate(draft):
        if not covered[i]:
            first = None
            continue
        if first is None or draft[first].block != word.block:
            first = i
            runs.append((word.start, word.end, 1))
        else:
            runs[-1] = (draft[first].start, word.end, i - first + 1)
    return runs


def longest_copy(draft: list[_Word], source: list[_Word]) -> CopiedPassage:
    """The longest run of consecutive words common to both texts, inside one block of each
    (dynamic programming over the places where a draft word occurs in the source)."""
    where: dict[str, list[int]] = defaultdict(list)
    for j, w in enumerate(source):
        where[w.text].append(j)
    best, best_end = 0, (0, 0)
    previous: dict[int, int] = {}
    for i, w in enumerate(draft):
        continues = i > 0 and draft[i - 1].block == w.block
        current = {}
        for j in where.get(w.text, ()):
            run = 1
            if continues and j > 0 and source[j - 1].block == source[j].block:
                run = previous.get(j - 1, 0) + 1
            current[j] = run
            if run > best:
                best, best_end = run, (i, j)
        previous = current
    if not best:
        return CopiedPassage()
    i, j = best_end
    copied = draft[i - best + 1 : i + 1]
    return CopiedPassage(
        words=best,
        text=" ".join(w.raw for w in copied),
        draft_first_line=copied[0].line,
        draft_last_line=copied[-1].line,
        source_first_line=source[j - best + 1].line,
        source_last_line=source[j].line,
        draft_start=copied[0].start,
        draft_end=copied[-1].end,
    )


# --- The comparison ---------------------------------------------------------------------------


def compare_with_source(
    draft: Analysis, source: Document | Sequence[SourceText], source_doc: Doc | None = None
) -> SourceComparison:
    """Compare a draft with its source article (its Document and the spaCy Doc of
    `prose_text(source)` from the same pipeline), or with several (a list of SourceText)."""
    if isinstance(source, Document):
        if source_doc is None:
            raise TypeError(
                "compare_with_source(draft, document, doc): the source's Doc is missing"
            )
        return compare_with_sources(draft, [SourceText(source, source_doc)])
    return compare_with_sources(draft, list(source))


@dataclass
class _Source:
    text: SourceText
    lines: SegmentMap
    words: list[_Word]
    side: FactSide
    left_out: list[LeftOut]


def _prepare(source: SourceText) -> _Source:
    left_out = foreign_blocks(source.document)
    skipped = frozenset(item.text for item in left_out)
    lines = SegmentMap(source.document)
    return _Source(
        source,
        lines,
        normalised_words(source.document, skipped),
        FactSide(source.doc, fact_ranges(lines, skipped)),
        left_out,
    )


def _words_kept(source: _Source) -> int:
    skipped = {item.text for item in source.left_out}
    blocks = source.text.document.blocks
    return sum(count_words(b.text) for b in blocks if b.text.strip() not in skipped)


def compare_with_sources(draft: Analysis, sources: Sequence[SourceText]) -> SourceComparison:
    """Compare a draft (its Analysis, with its Doc) with its source articles, each given
    with the spaCy Doc of `prose_text(source)` from the same pipeline: spaCy is not run
    again here."""
    if not sources:
        raise ValueError("compare_with_sources needs at least one source")
    draft_lines = SegmentMap(draft.document)
    prepared = [_prepare(s) for s in sources]

    draft_words = normalised_words(draft.document)
    draft_grams = _ngrams(draft_words)
    source_grams: set[tuple[str, ...]] = set()
    for p in prepared:
        source_grams.update(_ngrams(p.words))
    shared = sum(n for gram, n in Counter(draft_grams).items() if gram in source_grams)
    overlap = shared / len(draft_grams) if draft_grams else 0.0
    copies = [longest_copy(draft_words, p.words) for p in prepared]
    best = max(range(len(copies)), key=lambda i: copies[i].words)

    # A paragraph of the draft in another language is left out of the facts too: its
    # names and figures cannot be compared with French reports.
    draft_foreign = foreign_blocks(draft.document)
    draft_skipped = frozenset(item.text for item in draft_foreign)
    draft_side = FactSide(draft.doc, fact_ranges(draft_lines, draft_skipped))
    facts = []
    for n, p in enumerate(prepared):
        for fact in distinct_facts(p.side.facts):
            # A fact an earlier source already states is counted once, for that source.
            if any(find_fact(fact, q.side) is not None for q in prepared[:n]):
                continue
            found = find_fact(fact, draft_side)
            start, end = p.lines.span(fact.start, fact.end) or (0, 0)
            facts.append(
                SourceFactResult(
                    text=fact.text,
                    kind=fact.kind,
                    line=p.lines.line(fact.start),
                    kept=found is not None,
                    draft_line=draft_lines.line(found) if found is not None else None,
                    start=start,
                    end=end,
                    source_path=p.text.document.path,
                )
            )
    invented = []
    for fact in distinct_facts(draft_side.facts):
        if all(find_fact(fact, p.side, loose=True) is None for p in prepared):
            start, end = draft_lines.span(fact.start, fact.end) or (0, 0)
            invented.append(
                InventedFact(fact.text, fact.kind, draft_lines.line(fact.start), start, end)
            )
    words_by_source = [_words_kept(p) for p in prepared]
    longest = copies[best]
    longest.source_path = sources[best].document.path
    return SourceComparison(
        overlap=overlap,
        longest_copy=longest,
        facts=facts,
        invented=invented,
        source_words=sum(words_by_source),
        draft_words=draft.metrics["words"],
        source_path=sources[0].document.path,
        copied=copied_passages(draft_words, source_grams),
        source_paths=[s.document.path for s in sources],
        words_by_source=words_by_source,
        left_out=[item for p in prepared for item in p.left_out] + draft_foreign,
    )
