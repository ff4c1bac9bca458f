"""Analysis: one spaCy pass over a document's blocks, then every measure the checks read.

Checks never re-parse the text or run spaCy again: they read the `Analysis` built here.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from seo_audit.document import (
    HEADING,
    PARAGRAPH,
    QUOTE,
    Block,
    Document,
    slug_words,
    title_of,
)
from seo_audit.french.connectors import find_connectors, sentence_opening
from seo_audit.french.insights import Insights, keyphrase_keys, measure, reading_seconds
from seo_audit.french.keyphrases import suggest_keyphrases
from seo_audit.french.keyword import KeyphraseMatcher, keyphrase_content_words
from seo_audit.french.language import detect_language, language_of_words, language_words
from seo_audit.french.passive import is_passive_span
from seo_audit.french.syllables import doc_syllables
from seo_audit.french.tokens import doc_tokens
from seo_audit.french.words import count_words, word_pieces
from seo_audit.nlp import BLOCK_SEPARATOR
from seo_audit.textmap import SourceMap

if TYPE_CHECKING:
    from seo_audit.rewrite import SourceComparison

# A paragraph shorter than this says too little for a reliable language guess.
MIN_WORDS_FOR_LANGUAGE = 15


@dataclass
class Sentence:
    """One sentence of one block, with what was measured on it."""

    text: str
    block: int  # index into Document.blocks
    kind: str  # the block's kind: heading, paragraph, list_item, quote
    line: int
    start: int  # the sentence's range in the file
    end: int
    words: int
    syllables: int
    passive: bool
    connectors: list[str]
    opening: str | None
    span: Span = field(repr=False)

    @property
    def is_heading(self) -> bool:
        return self.kind == HEADING


@dataclass
class KeywordHit:
    text: str
    line: int
    block: int
    sentence: int  # index into Analysis.sentences
    start: int  # the occurrence's range in the file
    end: int


@dataclass
class MetaHit:
    """A sentence of a non-body segment and where the keyphrase occurs in it."""

    kind: str  # "title", "description", "slug", "alt", "anchor"
    index: int  # which alt or anchor (the n-th of its kind)
    text: str  # the whole segment text
    line: int
    offsets: list[tuple[int, int]]  # character offsets of each occurrence in `text`
    map: SourceMap | None = field(default=None, repr=False)  # None: not in the file (slug)

    def span(self, start: int = 0, end: int | None = None) -> tuple[int, int] | None:
        """The file range of text[start:end], or None when the text is not in the file."""
        if self.map is None or not self.map.length:
            return None
        return self.map.span(start, len(self.text) if end is None else end)


@dataclass
class Analysis:
    document: Document
    doc: Doc = field(repr=False)
    sentences: list[Sentence]
    keyword: str | None
    keyword_source: str | None  # "option", "front matter", "meta keywords", "document keywords"
    synonyms: list[str]
    keyword_hits: list[KeywordHit]
    meta_hits: list[MetaHit]  # keyword search in title, description, slug, alts, anchors
    keyphrase_words: list[str]  # content words of the keyphrase
    language: str
    language_confidence: float
    foreign_blocks: list[tuple[int, str]]  # (block index, language) of non-French paragraphs
    suggestions: list[str]
    metrics: dict[str, Any]
    site_url: str = ""  # the site's own address, for telling internal links from outbound
    long_sentence_words: int = 20
    source: SourceComparison | None = None  # when the draft has a source
    insights: Insights = field(default_factory=Insights)  # prominent and complex words

    def meta(self, kind: str) -> list[MetaHit]:
        return [m for m in self.meta_hits if m.kind == kind]

    def without_lines(self, covered: Callable[[int], bool]) -> Analysis:
        """The analysis as a check sees it when the lines `covered` are suppressed for it:
        their sentences (and the keyphrase occurrences in them) are left out."""
        kept = [i for i, s in enumerate(self.sentences) if not covered(s.line)]
        if len(kept) == len(self.sentences):
            return self
        new_index = {old: new for new, old in enumerate(kept)}
        hits = [
            replace(h, sentence=new_index[h.sentence])
            for h in self.keyword_hits
            if h.sentence in new_index
        ]
        return replace(self, sentences=[self.sentences[i] for i in kept], keyword_hits=hits)

    def sections(self) -> list[tuple[list[Block], int]]:
        """The sections of the text with their words: each runs from a subheading (H2-H6),
        or the start, to the next subheading; the headline (H1) opens no section."""
        sections: list[list[Block]] = []
        for block in self.document.blocks:
            if block.kind == HEADING and block.level < 2:
                continue
            if block.kind == HEADING or not sections:
                sections.append([])
            sections[-1].append(block)
        return [
            (blocks, sum(count_words(b.text) for b in blocks if b.kind != HEADING))
            for blocks in sections
        ]

    def opening_runs(self) -> list[list[Sentence]]:
        """Runs of consecutive body sentences that start alike (see sentence_opening); a
        heading ends a run."""
        runs: list[list[Sentence]] = []
        run: list[Sentence] = []
        for s in self.sentences:
            if run and s.opening and s.opening == run[-1].opening and not s.is_heading:
                run.append(s)
                continue
            if len(run) > 1:
                runs.append(run)
            run = [] if s.is_heading else [s]
        if len(run) > 1:
            runs.append(run)
        return runs

    @functools.cached_property
    def body_sentences(self) -> list[Sentence]:
        """Sentences of paragraphs, list items and quotes, with at least one word."""
        return [s for s in self.sentences if not s.is_heading and s.words > 0]


@dataclass(frozen=True)
class SourceText:
    """A source article a rewrite is compared with: its Document and its spaCy Doc (made
    by the full pipeline, named entities included)."""

    document: Document
    doc: Doc = field(repr=False)


@dataclass
class AnalysisSettings:
    """What the caller decides besides the text: the keyphrase and the site's address."""

    keyword: str | None = None
    synonyms: tuple[str, ...] = ()
    accent_sensitive: bool = False
    site_url: str = ""
    long_sentence_words: int = 20  # R001's threshold, for the long-sentence ratio metric
    # R006's thresholds, for the complex words; None: the check's defaults.
    complex_min_letters: int | None = None
    complex_max_zipf: float | None = None


@dataclass
class Segment:
    """A piece of text in the spaCy pass: a block of the body, or a short text the keyword
    checks read (title, description, slug, image alt text, link anchor text).

    Only body blocks count as words and sentences; the others ride along in the same pass so
    that the document is run through spaCy once.
    """

    kind: str  # "block", "title", "description", "slug", "alt", "anchor"
    text: str
    line: int
    index: int  # block index for "block", else position among segments of that kind
    map: SourceMap | None = None  # where `text` stands in the file; None: nowhere (slug)


def segments(document: Document) -> list[Segment]:
    found = [Segment("block", b.text, b.line, i, b.map) for i, b in enumerate(document.blocks)]
    counts: dict[str, int] = {}

    def add(kind: str, text: str | None, line: int | None, where: SourceMap | None) -> None:
        if not text or not text.strip():
            return
        stripped = text.strip()
        if where is not None:
            lead = len(text) - len(text.lstrip())
            where = where.sliced(lead, lead + len(stripped))
        found.append(Segment(kind, stripped, line or 1, counts.get(kind, 0), where))
        counts[kind] = counts.get(kind, 0) + 1

    add("title", *title_of(document))
    add("description", document.description, document.description_line, document.description_map)
    slug, slug_map = slug_words(document)
    add("slug", slug, document.slug_line, slug_map)
    for image in document.images:
        add("alt", image.alt, image.line, image.map)
    for link in document.links:
        add("anchor", link.text, link.line, link.map)
    return found


# spaCy's tokenizer splits prefixes and suffixes off a token one character at a time, in time
# quadratic in the token's length: a run this long without white space (no French word, no
# ordinary address) is broken by a space every so many characters.
LONGEST_TOKEN = 300
_LONG_RUN = re.compile(rf"\S{{{LONGEST_TOKEN + 1},}}")


def prose_text(document: Document) -> str:
    """The text spaCy reads: segments joined by a blank line, line breaks as spaces.

    Replacing a newline by a space keeps every character offset, so offsets map back to lines;
    so does breaking an absurdly long run of characters without a space.
    """
    text = BLOCK_SEPARATOR.join(seg.text.replace("\n", " ") for seg in segments(document))
    return _LONG_RUN.sub(_break_run, text)


def _break_run(match: re.Match[str]) -> str:
    run = list(match.group())
    for i in range(LONGEST_TOKEN, len(run), LONGEST_TOKEN + 1):
        run[i] = " "
    return "".join(run)


class SegmentMap:
    """Where a character offset of `prose_text(document)` lies: its segment, its offset in
    the file and its line."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.parts = segments(document)
        self.starts: list[int] = []
        pos = 0
        for seg in self.parts:
            self.starts.append(pos)
            pos += len(seg.text) + len(BLOCK_SEPARATOR)

    def index(self, offset: int) -> int:
        """Index in `parts` of the segment holding `offset`."""
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The file range of prose characters [start, end) (one segment), or None when the
        segment stands nowhere in the file."""
        i = self.index(start)
        seg = self.parts[i]
        if seg.map is None or not seg.map.length:
            return None
        return seg.map.span(start - self.starts[i], end - self.starts[i])

    def line(self, offset: int) -> int:
        where = self.span(offset, offset + 1)
        if where is None:
            return self.parts[self.index(offset)].line
        return self.document.lines.line(where[0])


@functools.lru_cache(maxsize=32)
def keyphrase_matcher(
    nlp: Language, keyword: str, synonyms: tuple[str, ...], accent_sensitive: bool
) -> KeyphraseMatcher:
    """One matcher per keyphrase, shared by every document of a batch that uses it."""
    return KeyphraseMatcher(nlp, keyword, synonyms, accent_sensitive=accent_sensitive)


@functools.lru_cache(maxsize=32)
def _content_words(nlp: Language, keyword: str) -> tuple[str, ...]:
    return tuple(keyphrase_content_words(nlp, keyword))


def content_words(nlp: Language, keyword: str) -> list[str]:
    return list(_content_words(nlp, keyword))


@functools.lru_cache(maxsize=32)
def _keyphrase_keys(nlp: Language, keyword: str) -> tuple[tuple[str, ...], ...]:
    """The keyphrase's content words and the keys they may have among the prominent words
    (see `keyphrase_keys`), from spaCy run on the keyphrase alone (cached: one short call per
    keyphrase, not per document)."""
    return tuple(keyphrase_keys(nlp(keyword)))


def complexity_thresholds(settings: AnalysisSettings) -> tuple[int, float]:
    """R006's word length and frequency thresholds: the settings', else the check's defaults."""
    from seo_audit.checks import REGISTRY

    defaults = REGISTRY["R006"].default_options()
    letters = settings.complex_min_letters
    rarity = settings.complex_max_zipf
    return (
        defaults["min_letters"] if letters is None else letters,
        defaults["max_zipf"] if rarity is None else rarity,
    )


def choose_keyword(document: Document, settings: AnalysisSettings) -> tuple[str | None, str | None]:
    if settings.keyword and settings.keyword.strip():
        return settings.keyword.strip(), "option"
    if document.keywords:
        source = {"html": "meta keywords", "docx": "document keywords"}.get(
            document.format, "front matter"
        )
        return document.keywords[0], source
    return None, None


def document_synonyms(document: Document, settings: AnalysisSettings) -> list[str]:
    found = list(settings.synonyms)
    meta = document.meta.get("synonyms")
    if isinstance(meta, str):
        meta = [s for s in meta.split(",")]
    if isinstance(meta, list):
        found.extend(str(s).strip() for s in meta if str(s).strip())
    return found


def analyze(
    document: Document,
    doc: Doc,
    nlp: Language,
    settings: AnalysisSettings | None = None,
    source: SourceText | Sequence[SourceText] | None = None,
) -> Analysis:
    """Measure a parsed document, given its spaCy Doc (made from `prose_text(document)`),
    and compare it with its source articles when it has some (one SourceText or several).
    The Analysis returned is complete: nothing adds to it afterwards."""
    settings = settings or AnalysisSettings()
    blocks = document.blocks
    keyword, keyword_source = choose_keyword(document, settings)
    synonyms = document_synonyms(document, settings)
    matcher = (
        keyphrase_matcher(nlp, keyword, tuple(synonyms), settings.accent_sensitive)
        if keyword
        else None
    )

    where = SegmentMap(document)
    parts, starts = where.parts, where.starts

    def block_span(start: int, end: int) -> tuple[int, int]:
        return where.span(start, end) or (0, 0)  # every block stands in the file

    sentences: list[Sentence] = []
    hits: list[KeywordHit] = []
    meta_hits: list[MetaHit] = []
    previous: Span | None = None
    # Read once: Doc.text and Span.text join their tokens' text at every call.
    facts = doc_tokens(doc)
    doc_text = facts.string
    for sent in doc.sents:
        whole = doc_text[sent.start_char : sent.end_char]  # sent.text
        if not whole.strip():
            continue
        si = where.index(sent.start_char)
        seg = parts[si]
        occurrences = matcher.find(sent) if matcher else []
        if seg.kind != "block":
            offsets = [
                (doc[a].idx - starts[si], doc[b - 1].idx + len(doc[b - 1]) - starts[si])
                for a, b in occurrences
            ]
            meta_hits.append(MetaHit(seg.kind, seg.index, seg.text, seg.line, offsets, seg.map))
            continue
        block = blocks[seg.index]
        index = len(sentences)
        for start, end in occurrences:
            hit = doc[start:end]
            hit_start, hit_end = block_span(hit.start_char, hit.end_char)
            hits.append(
                KeywordHit(
                    hit.text, where.line(hit.start_char), seg.index, index, hit_start, hit_end
                )
            )
        # A block never shares a sentence with the next one (see nlp.BLOCK_SEPARATOR).
        same_block = previous is not None and previous.start_char >= starts[si]
        text = whole.strip()
        first = sent.start_char + len(whole) - len(whole.lstrip())
        found = where.span(first, first + len(text))
        sent_start, sent_end = found or (0, 0)
        sentences.append(
            Sentence(
                text=text,
                block=seg.index,
                kind=block.kind,
                # where.line(first), from the range just found
                line=document.lines.line(sent_start) if found else seg.line,
                start=sent_start,
                end=sent_end,
                words=count_words(text),
                syllables=span_syllables(doc, sent.start, sent.end),
                passive=is_passive_span(sent),
                connectors=find_connectors(sent, previous if same_block else None),
                opening=sentence_opening(sent, whole),
                span=sent,
            )
        )
        previous = sent

    own = [own_words(b) for b in blocks]
    # Each block's words read once: the words of the blocks joined by line breaks are
    # theirs end to end (language_words).
    own_language_words = [language_words(t) if t else [] for t in own]
    if any(own):
        language, confidence = language_of_words([w for ws in own_language_words for w in ws])
    else:
        language, confidence = detect_language("\n".join(b.text for b in blocks) or doc_text)
    foreign = []
    for bi, text in enumerate(own):
        if text and count_words(text) >= MIN_WORDS_FOR_LANGUAGE:
            code, conf = language_of_words(own_language_words[bi])
            if code not in ("fr", "und") and conf >= 0.5:
                foreign.append((bi, code))

    suggestions = [] if keyword else suggest_keyphrases((s.span, s.is_heading) for s in sentences)

    def locate(start: int, end: int) -> tuple[int, int, int]:
        file_start, file_end = block_span(start, end)
        return file_start, file_end, where.line(start)

    keyphrase_words = content_words(nlp, keyword) if keyword else []
    min_letters, max_zipf = complexity_thresholds(settings)
    # The French tagger and word list only give noise on a text in another language.
    insights = (
        measure(
            ((s.span, s.is_heading) for s in sentences),
            keyphrase_words,
            list(_keyphrase_keys(nlp, keyword)) if keyword else [],
            min_letters,
            max_zipf,
            locate,
        )
        if language in ("fr", "und")
        else Insights()
    )
    analysis = Analysis(
        document=document,
        doc=doc,
        sentences=sentences,
        keyword=keyword,
        keyword_source=keyword_source,
        synonyms=synonyms,
        keyword_hits=hits,
        meta_hits=meta_hits,
        keyphrase_words=keyphrase_words,
        language=language,
        language_confidence=confidence,
        foreign_blocks=foreign,
        suggestions=suggestions,
        metrics={},
        site_url=settings.site_url,
        long_sentence_words=settings.long_sentence_words,
        insights=insights,
    )
    analysis.metrics = compute_metrics(analysis)
    sources = [source] if isinstance(source, SourceText) else list(source or ())
    if not sources:
        return analysis
    from seo_audit.rewrite import compare_with_sources

    comparison = compare_with_sources(analysis, sources)
    return replace(
        analysis, source=comparison, metrics={**analysis.metrics, **comparison.metrics()}
    )


# Quotations inside a paragraph: « … », “ … ”, " … " (the writer quotes, the text is not theirs).
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|\"[^\"\n]*\"")


def own_words(block: Block) -> str:
    """The part of a block written in the article's own voice, for telling its language:
    nothing for a heading, a blockquote or a block the markup declares in another language
    (`lang="en"`), and a paragraph without its quotations."""
    if block.kind in (HEADING, QUOTE) or (block.lang not in (None, "fr")):
        return ""
    return _QUOTED.sub(" ", block.text)


def span_syllables(doc: Doc, start: int, end: int) -> int:
    """Spoken syllables of the words of tokens [start, end) (punctuation has none)."""
    return sum(doc_syllables(doc)[start:end])


def kandel_moles(words: int, sentences: int, syllables: int) -> float:
    """Kandel & Moles (1958), the French adaptation of Flesch reading ease."""
    if not words or not sentences:
        return 0.0
    return 207 - 1.015 * (words / sentences) - 73.6 * (syllables / words)


@functools.lru_cache(maxsize=65536)
def _is_long_word(word: str) -> bool:
    """LIX counts a word as long above six letters (Björnsson, 1968). Cached: words repeat."""
    return sum(c.isalpha() for c in word) > 6


def compute_metrics(a: Analysis) -> dict[str, Any]:
    """The flat numbers of the report (`seo-audit metrics FILE`)."""
    document = a.document
    body = a.body_sentences
    words = sum(count_words(b.text) for b in document.blocks)
    body_words = sum(s.words for s in body)
    body_syllables = sum(s.syllables for s in body)
    levels = [b.level for b in document.headings]
    long_sentences = sum(1 for s in body if s.words > a.long_sentence_words)
    keyword_count = len(a.keyword_hits)
    long_words = sum(sum(map(_is_long_word, word_pieces(s.text))) for s in body)
    return {
        "words": words,
        "sentences": len(body),
        "paragraphs": sum(1 for b in document.blocks if b.kind in (PARAGRAPH, QUOTE)),
        "h1": levels.count(1),
        "h2": levels.count(2),
        "h3": levels.count(3),
        "h4_h6": sum(1 for level in levels if level >= 4),
        "keyword_count": keyword_count,
        "keyword_density": round(100 * keyword_count / words, 2) if words and a.keyword else None,
        "long_sentence_ratio": round(long_sentences / len(body), 3) if body else 0.0,
        "avg_sentence_words": round(body_words / len(body), 1) if body else 0.0,
        "syllables_per_word": round(body_syllables / body_words, 3) if body_words else 0.0,
        "reading_ease": round(kandel_moles(body_words, len(body), body_syllables), 1),
        "lix": round(body_words / len(body) + 100 * long_words / body_words, 1)
        if body_words
        else 0.0,
        "long_word_ratio": round(long_words / body_words, 3) if body_words else 0.0,
        "passive_ratio": round(sum(s.passive for s in body) / len(body), 3) if body else 0.0,
        "transition_ratio": (
            round(sum(1 for s in body if s.connectors) / len(body), 3) if body else 0.0
        ),
        "language": a.language,
        **insight_metrics(a, words),
    }


# How many prominent words and phrases the metrics list.
PROMINENT_SHOWN = 10
PHRASES_SHOWN = 5


def insight_metrics(a: Analysis, words: int) -> dict[str, Any]:
    """Reading time, prominent words and phrases, word complexity (R006's measure)."""
    body_words = sum(s.words for s in a.body_sentences)
    complex_words = a.insights.complex_words
    return {
        "reading_time_minutes": round(reading_seconds(words, len(a.document.images)) / 60, 1),
        "prominent_words": [p.to_dict() for p in a.insights.words[:PROMINENT_SHOWN]],
        "prominent_phrases": [p.to_dict() for p in a.insights.phrases[:PHRASES_SHOWN]],
        "word_complexity": (
            round(len(complex_words) / body_words, 3)
            if body_words and a.insights.measured
            else None
        ),
        "complex_words": list(dict.fromkeys(w.text for w in complex_words)),
    }
