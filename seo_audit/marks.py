"""Marks: what a writer's view of the draft highlights, as character ranges of the file.

The checks say whether the draft meets the bar; the marks show where, in the text itself, the
things they measure stand (Hemingway's colours, Yoast's eye): long and very long sentences,
passive sentences, the keyphrase, sentences with a transition word, paragraphs in another
language, long sections and paragraphs, repeated sentence openings. Thresholds are read from
the active rule set, so the marks agree with the checks. The HTML report and the language
server draw them; the JSON report leaves them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from seo_audit.document import PARAGRAPH, QUOTE
from seo_audit.french.words import count_words

if TYPE_CHECKING:
    from seo_audit.analyze import Analysis
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
)


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


@dataclass
class DraftView:
    """The draft's text, its blocks and its marks: what a writer's view draws."""

    text: str
    format: str
    blocks: list[BlockView]
    marks: list[Mark]


def draft_view(analysis: Analysis, ruleset: RuleSet) -> DraftView:
    document = analysis.document
    blocks = [BlockView(b.kind, b.level, b.start, b.end) for b in document.blocks]
    return DraftView(document.text, document.format, blocks, marks_of(analysis, ruleset))


def _option(ruleset: RuleSet, check_id: str, name: str) -> Any:
    return ruleset.checks[check_id].options[name]


def marks_of(analysis: Analysis, ruleset: RuleSet) -> list[Mark]:
    """Every mark of a draft, in file order."""
    marks: list[Mark] = []
    long_words = _option(ruleset, "R001", "max_words")
    very_long_words = _option(ruleset, "R001", "very_long_words")
    for s in analysis.body_sentences:
        if s.words > very_long_words:
            marks.append(Mark(VERY_LONG_SENTENCE, s.start, s.end, f"{s.words} words"))
        elif s.words > long_words:
            marks.append(Mark(LONG_SENTENCE, s.start, s.end, f"{s.words} words"))
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
                marks.append(Mark(LONG_PARAGRAPH, block.start, block.end, f"{words} words"))
    if analysis.document.can_show_headings:
        section_limit = _option(ruleset, "S003", "max_words")
        for section, words in analysis.sections():
            if words > section_limit:
                marks.append(
                    Mark(LONG_SECTION, section[0].start, section[-1].end, f"{words} words")
                )
    run_limit = _option(ruleset, "R005", "max_run")
    for run in analysis.opening_runs():
        if len(run) > run_limit:
            marks.extend(Mark(REPEATED_OPENING, s.start, s.end, s.opening or "") for s in run)
    return sorted(marks, key=lambda m: (m.start, KINDS.index(m.kind)))
