"""Marks: what a writer's view of the draft highlights, as character ranges of the file.

The checks say whether the draft meets the bar; the marks show where, in the text itself, the
things they measure stand (Hemingway's colours, Yoast's eye): long and very long sentences,
passive sentences, the keyphrase, sentences with a transition word, paragraphs in another
language, long sections and paragraphs, repeated sentence openings, long and rare words; in
a rewrite, the passages
found in its source and the facts the source lacks. Thresholds are read from the active rule
set, so the marks agree with the checks. The HTML report and the language server draw them;
the JSON report leaves them out.

A `DraftView` also carries what a renderer needs to draw the draft without parsing it again:
each block's plain text with the file offset of every character (`BlockView.map`), the
title, description and slug, the links and images, the source comparison of a rewrite and
the options the rule set gives each check (for its documentation).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from seo_audit.document import PARAGRAPH, QUOTE, title_of
from seo_audit.french.words import count_words
from seo_audit.i18n import _
from seo_audit.textmap import SourceMap

if TYPE_CHECKING:
    from seo_audit.analyze import Analysis
    from seo_audit.rewrite import SourceComparison
    from seo_audit.ruleset import RuleSet

# Kinds of mark, in the order a legend lists them.
LONG_SENTENCE = "long-sentence"
VERY_LONG_SENTENCE = "very-long-sentence"
PASSIVE = "passive"
KEYPHRASE = "keyphrase"
TRANSITION = "transition"
FOREIGN = "foreign"
LONG_SECTION = "long-section"
LONG_PARAGRAPH = "long-paragraph"
REPEATED_OPENING = "repeated-opening"
COMPLEX_WORD = "complex-word"  # a long, rare word (R006)
COPIED = "copied"  # a passage of a rewrite found in its source
INVENTED = "invented"  # a fact of a rewrite that its source does not state
KINDS = (
    LONG_SENTENCE,
    VERY_LONG_SENTENCE,
    PASSIVE,
    KEYPHRASE,
    TRANSITION,
    FOREIGN,
    LONG_SECTION,
    LONG_PARAGRAPH,
    REPEATED_OPENING,
    COMPLEX_WORD,
    COPIED,
    INVENTED,
)
# Kinds that mark whole blocks (a paragraph, a section) rather than words and sentences.
BLOCK_KINDS = (FOREIGN, LONG_SECTION, LONG_PARAGRAPH)


@dataclass(frozen=True, slots=True)
class Mark:
    kind: str
    start: int  # range in the draft file
    end: int
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end, "note": self.note}


@dataclass(frozen=True, slots=True)
class BlockView:
    """A block of the draft as a renderer needs it: its kind, level and range in the file."""

    kind: str
    level: int
    start: int
    end: int
    text: str = ""  # the plain text, inline markup removed
    map: SourceMap | None = field(default=None, repr=False, compare=False)  # of `text`


@dataclass(frozen=True, slots=True)
class FieldView:
    """A text of the page outside the body: its title, description or slug."""

    name: str  # "title", "description", "slug"
    text: str
    # Where `text` stands in the file; None for a title that is the H1 (drawn as a block).
    map: SourceMap | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class LinkView:
    url: str
    start: int  # the range of the link's text in the file
    end: int


@dataclass(frozen=True, slots=True)
class ImageView:
    src: str
    alt: str
    start: int  # the range of the whole image markup in the file
    end: int
    map: SourceMap | None = field(default=None, repr=False, compare=False)  # of `alt`


@dataclass
class DraftView:
    """The draft's text, its blocks and its marks: what a writer's view draws."""

    text: str
    format: str
    blocks: list[BlockView]
    marks: list[Mark]
    fields: list[FieldView] = field(default_factory=list)
    links: list[LinkView] = field(default_factory=list)
    images: list[ImageView] = field(default_factory=list)
    # A rewrite's comparison with its source: facts kept, missing and invented, the longest
    # copied passage and every passage found in the source (their ranges in the draft).
    source: SourceComparison | None = None
    # The options the rule set gives each check for this file, by check id.
    options: dict[str, dict[str, Any]] = field(default_factory=dict)


def draft_view(analysis: Analysis, ruleset: RuleSet) -> DraftView:
    document = analysis.document
    blocks = [BlockView(b.kind, b.level, b.start, b.end, b.text, b.map) for b in document.blocks]
    title, _, title_map = title_of(document)
    fields = [
        FieldView(name, text, where)
        for name, text, where in (
            ("title", title, title_map if document.title else None),
            ("description", document.description, document.description_map),
            ("slug", document.slug, document.slug_map),
        )
        if text
    ]
    links = [LinkView(link.url, *link.map.span(0, len(link.text))) for link in document.links]
    images = [ImageView(i.src, i.alt, i.start, i.end, i.map) for i in document.images]
    return DraftView(
        document.text,
        document.format,
        blocks,
        marks_of(analysis, ruleset),
        fields,
        links,
        images,
        analysis.source,
        {cid: dict(cfg.options) for cid, cfg in ruleset.checks.items()},
    )


def _option(ruleset: RuleSet, check_id: str, name: str) -> Any:
    return ruleset.checks[check_id].options[name]


def marks_of(analysis: Analysis, ruleset: RuleSet) -> list[Mark]:
    """Every mark of a draft, in file order."""
    marks: list[Mark] = []
    long_words = _option(ruleset, "R001", "max_words")
    very_long_words = _option(ruleset, "R001", "very_long_words")
    for s in analysis.body_sentences:
        if s.words > very_long_words:
            marks.append(
                Mark(VERY_LONG_SENTENCE, s.start, s.end, _("{words} words").format(words=s.words))
            )
        elif s.words > long_words:
            marks.append(
                Mark(LONG_SENTENCE, s.start, s.end, _("{words} words").format(words=s.words))
            )
        if s.passive:
            marks.append(Mark(PASSIVE, s.start, s.end))
        if s.connectors:
            marks.append(Mark(TRANSITION, s.start, s.end, ", ".join(s.connectors)))
    for hit in analysis.keyword_hits:
        marks.append(Mark(KEYPHRASE, hit.start, hit.end, hit.text))
    blocks = analysis.document.blocks
    for index, language in analysis.foreign_blocks:
        marks.append(Mark(FOREIGN, blocks[index].start, blocks[index].end, language))
    paragraph_limit = _option(ruleset, "S004", "max_words")
    for block in blocks:
        if block.kind in (PARAGRAPH, QUOTE):
            words = count_words(block.text)
            if words > paragraph_limit:
                marks.append(
                    Mark(
                        LONG_PARAGRAPH,
                        block.start,
                        block.end,
                        _("{words} words").format(words=words),
                    )
                )
    if analysis.document.can_show_headings:
        section_limit = _option(ruleset, "S003", "max_words")
        for section, words in analysis.sections():
            if words > section_limit:
                marks.append(
                    Mark(
                        LONG_SECTION,
                        section[0].start,
                        section[-1].end,
                        _("{words} words").format(words=words),
                    )
                )
    run_limit = _option(ruleset, "R005", "max_run")
    for run in analysis.opening_runs():
        if len(run) > run_limit:
            marks.extend(Mark(REPEATED_OPENING, s.start, s.end, s.opening or "") for s in run)
    for word in analysis.insights.complex_words:
        marks.append(Mark(COMPLEX_WORD, word.start, word.end, "long and rare"))
    source = analysis.source
    if source is not None:
        for start, end, words in source.copied:
            marks.append(
                Mark(COPIED, start, end, _("{words} words found in the source").format(words=words))
            )
        for fact in source.invented:
            if fact.end > fact.start:
                marks.append(
                    Mark(
                        INVENTED,
                        fact.start,
                        fact.end,
                        _("{kind} not in the source").format(kind=fact.kind),
                    )
                )
    return sorted(marks, key=lambda m: (m.start, KINDS.index(m.kind)))
