"""`--format html`: the writer's view, one self-contained page per draft.

A page holds the verdict and the score (a gauge coloured as Lighthouse colours it: 0-49 red,
50-89 orange, 90-100 green), the reasons and the metrics, one card per check worded by its
effect (FAIL fails the draft, warn does not) with its places as links into the draft and its
`seo-audit explain` text folded under it, and the draft itself drawn block by block from its
`DraftView`, with the marks (long sentences, passive, keyphrase...) set on their character
offsets and a legend that shows or hides each kind. A rewrite checked against its source also
gets its facts kept, missing and invented, and the passages found in the source are marked.

Everything is inline (CSS, one small script, an SVG gauge): the page opens from disk or from
a CI artifact and asks nothing of the network. Its Content-Security-Policy allows only its own
style sheet and script (by hash) and no request at all, behind the escaping of every piece of
text that comes from the draft (Jinja2 with autoescape, `markupsafe.escape` for the draft).

`render(reports)` gives the page of a single draft, or the index of a batch (one row per
draft, sortable, linking to `page_names(reports)`); `pages(reports)` gives every file of a
batch by name: `index.html` and one page per draft (see `page_names` for the naming rule).
"""

from __future__ import annotations

import base64
import bisect
import functools
import hashlib
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup, escape

from seo_audit import __version__
from seo_audit.checks import REGISTRY
from seo_audit.checks.base import SKIP, CheckResult, Location
from seo_audit.document import HEADING, LIST_ITEM, QUOTE
from seo_audit.formats import RenderOptions, metric_text
from seo_audit.formats.safe import for_terminal
from seo_audit.formats.text import FAILS, PASSES, WARNS, effect
from seo_audit.french.insights import READING_WORDS_PER_MINUTE
from seo_audit.french.text import normalise
from seo_audit.i18n import N_, _, current_language, ngettext, percent
from seo_audit.marks import (
    BLOCK_KINDS,
    COPIED,
    INVENTED,
    KINDS,
    BlockView,
    DraftView,
    ImageView,
    Mark,
)
from seo_audit.report import Report, summary_of
from seo_audit.textmap import SourceMap

INDEX = "index.html"
# How each kind of mark is named in the legend and in a marked span's tooltip.
LABELS = {
    "long-sentence": N_("Long sentence"),
    "very-long-sentence": N_("Very long sentence"),
    "passive": N_("Passive voice"),
    "keyphrase": N_("Keyphrase"),
    "transition": N_("Transition word"),
    "foreign": N_("Other language"),
    "long-section": N_("Long section"),
    "long-paragraph": N_("Long paragraph"),
    "repeated-opening": N_("Repeated opening"),
    "complex-word": N_("Complex word"),
    "copied": N_("Found in the source"),
    "invented": N_("Fact not in the source"),
}
# Kinds shown in the legend only for a rewrite checked against its source.
SOURCE_KINDS = (COPIED, INVENTED)
# Places listed under a check; the rest are counted.
SHOWN_PLACES = 12
EXCERPT_CHARS = 90
_SUPPRESSED = N_("Suppressed")  # how a suppressed result's message starts, in each language
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
_WEB_URL = re.compile(r"^https?://[^\s]+$", re.IGNORECASE)


# --- Drawing the draft ------------------------------------------------------------------------


class _Range:
    """Something drawn over a range of file offsets: a mark, a check's place, a link. Ranges
    that overlap without nesting are split where they cross; only the first piece of a range
    carries its id."""

    __slots__ = ("start", "end", "rank", "tag", "attrs", "id")

    def __init__(
        self,
        start: int,
        end: int,
        rank: int,
        attrs: dict[str, str],
        id: str | None = None,
        tag: str = "span",
    ) -> None:
        self.start, self.end, self.rank = start, end, rank
        self.attrs, self.id, self.tag = attrs, id, tag

    def nesting(self) -> tuple[int, int, int]:
        # Outer first: the earlier start, then the longer range, then the lower rank.
        return (self.start, -self.end, self.rank)


def _offsets(text: str, where: SourceMap | None) -> list[int] | None:
    """The file offset of each character of `text`, or None when it stands nowhere."""
    if where is None or not where.length or not text:
        return None
    return where.offsets()[: len(text)]


def _escaped(text: str) -> str:
    return str(escape(for_terminal(text))) if text else ""


def _bucket(spans: list[tuple[int, int]], ranges: list[_Range]) -> list[list[_Range]]:
    """For disjoint spans sorted by start, the ranges that overlap each."""
    starts = [s for s, _ in spans]
    found: list[list[_Range]] = [[] for _ in spans]
    for r in ranges:
        i = max(bisect.bisect_right(starts, r.start) - 1, 0)
        while i < len(spans) and spans[i][0] < r.end:
            if spans[i][1] > r.start:
                found[i].append(r)
            i += 1
    return found


def _excerpt(text: str, room: int = EXCERPT_CHARS) -> str:
    flat = " ".join(text.split())
    if len(flat) <= room:
        return flat
    half = (room - 3) // 2
    head, tail = flat[:half], flat[-half:]
    # Cut between words when a space is near.
    head = head.rsplit(" ", 1)[0] if " " in head[half // 2 :] else head
    tail = tail.split(" ", 1)[1] if " " in tail[: half // 2] else tail
    return f"{head} … {tail}"


class _Drawing:
    """The draft drawn as HTML: blocks, the page's title, description and slug, links and
    image placeholders, with marks and the checks' places as nested spans."""

    def __init__(self, view: DraftView, places: list[tuple[int, int]]) -> None:
        self.view = view
        self.ids: set[str] = set()
        self.elements: list[tuple[int, int, str]] = []  # (start, end, id): fallback targets
        ranges: list[_Range] = []
        for start, end in sorted(set(places)):
            if end > start:
                ranges.append(_Range(start, end, 0, {"class": "loc"}, f"at-{start}-{end}"))
        self.block_marks: list[Mark] = []
        for mark in view.marks:
            if mark.kind in BLOCK_KINDS:
                self.block_marks.append(mark)
            elif mark.end > mark.start:
                label = _(LABELS.get(mark.kind, mark.kind))
                ranges.append(
                    _Range(
                        mark.start,
                        mark.end,
                        1 + _kind_rank(mark.kind),
                        {
                            "class": f"mk mk-{mark.kind}",
                            "data-range": f"{mark.start}-{mark.end}",
                            "title": _("{label}: {said}").format(label=label, said=mark.note)
                            if mark.note
                            else label,
                        },
                        f"m-{mark.kind}-{mark.start}-{mark.end}",
                    )
                )
        for link in view.links:
            if link.end <= link.start:
                continue
            if _WEB_URL.match(link.url):
                attrs = {
                    "class": "lnk",
                    "href": link.url,
                    "title": link.url,
                    "rel": "noopener noreferrer nofollow",
                    "target": "_blank",
                }
                ranges.append(_Range(link.start, link.end, 99, attrs, tag="a"))
            else:
                attrs = {"class": "lnk", "title": f"link to {link.url}"}
                ranges.append(_Range(link.start, link.end, 99, attrs))
        self.ranges = ranges
        self.alt_ranges: dict[int, list[_Range]] = {}

    # Pieces of text ------------------------------------------------------------------------

    def text(
        self,
        text: str,
        offsets: list[int] | None,
        ranges: list[_Range],
        inserts: Sequence[tuple[int, Markup]] = (),
    ) -> Markup:
        """`text` escaped, with the ranges over its characters as properly nested elements
        (split where two ranges cross) and each insert before the first character at or
        after its offset."""
        if offsets is None:
            return Markup(escape(for_terminal(text)))
        out: list[str] = []
        stack: list[_Range] = []
        pending = sorted(ranges, key=lambda r: r.start)
        active: list[_Range] = []
        waiting = sorted(inserts, key=lambda item: item[0])
        done = 0  # text[:done] is written
        j = k = 0
        # The active ranges can change only at an offset where one starts or ends (or where
        # the offsets step back, which a parser's made-up characters may do): the loop does
        # nothing else between two such offsets.
        next_change = -1
        previous = -1
        for i, at in enumerate(offsets):
            if at < next_change and at >= previous and (k == len(waiting) or at < waiting[k][0]):
                previous = at
                continue
            previous = at
            while k < len(waiting) and waiting[k][0] <= at:
                out.append(_escaped(text[done:i]))
                done = i
                out.append(str(waiting[k][1]))
                k += 1
            kept = [r for r in active if r.start <= at < r.end]
            changed = len(kept) != len(active)
            active = kept
            while j < len(pending) and pending[j].start <= at:
                if pending[j].end > at:
                    active.append(pending[j])
                    changed = True
                j += 1
            if changed:
                out.append(_escaped(text[done:i]))
                done = i
                self._retag(out, stack, sorted(active, key=_Range.nesting))
            ends = [r.end for r in active]
            if j < len(pending):
                ends.append(pending[j].start)
            next_change = min(ends) if ends else sys.maxsize
        out.append(_escaped(text[done : len(offsets)]))
        self._retag(out, stack, [])
        out.extend(str(html) for _, html in waiting[k:])
        return Markup("".join(out))

    def _retag(self, out: list[str], stack: list[_Range], wanted: list[_Range]) -> None:
        """Close the open elements down to what `wanted` shares with them, open the rest."""
        common = 0
        while common < min(len(stack), len(wanted)) and stack[common] is wanted[common]:
            common += 1
        for r in reversed(stack[common:]):
            out.append(f"</{r.tag}>")
        del stack[common:]
        for r in wanted[common:]:
            attrs = dict(r.attrs)
            if r.id is not None and r.id not in self.ids:
                self.ids.add(r.id)
                attrs = {"id": r.id, **attrs}
            out.append(_open(r.tag, attrs))
            stack.append(r)

    # The whole draft -----------------------------------------------------------------------

    def draft(self) -> Markup:
        view = self.view
        blocks = sorted(view.blocks, key=lambda b: b.start)
        spans = [(b.start, b.end) for b in blocks]
        starts = [b.start for b in blocks]
        inline: dict[int, list[ImageView]] = {}
        alone: list[ImageView] = []
        for image in view.images:
            i = bisect.bisect_right(starts, image.start) - 1
            if i >= 0 and blocks[i].start <= image.start < blocks[i].end:
                inline.setdefault(i, []).append(image)
            else:
                alone.append(image)
        alts = [(im, _offsets(im.alt, im.map)) for im in view.images]
        alt_spans = sorted(
            (((offs[0], offs[-1] + 1), im) for im, offs in alts if offs is not None),
            key=lambda item: item[0],
        )
        found = _bucket([s for s, _ in alt_spans], self.ranges)
        self.alt_ranges = {id(im): r for (_, im), r in zip(alt_spans, found, strict=True)}
        by_block = _bucket(spans, self.ranges)
        marks_of_block = self._block_marks(blocks)
        parts: list[str] = [str(self.fields())]
        items: list[tuple[int, int, Any]] = [(b.start, 0, (i, b)) for i, b in enumerate(blocks)]
        items += [(im.start, 1, im) for im in alone]
        in_list = False
        for _at, is_image, item in sorted(items, key=lambda x: (x[0], x[1])):
            kind = LIST_ITEM if not is_image and item[1].kind == LIST_ITEM else None
            if in_list and kind != LIST_ITEM:
                parts.append("</ul>")
                in_list = False
            if is_image:
                parts.append(str(self.image(item, inline=False)))
                continue
            i, block = item
            if kind == LIST_ITEM and not in_list:
                parts.append('<ul class="blist">')
                in_list = True
            inserts = [(im.start, self.image(im, inline=True)) for im in inline.get(i, [])]
            parts.append(str(self.block(block, by_block[i], marks_of_block[i], inserts)))
        if in_list:
            parts.append("</ul>")
        if not blocks and not alone:
            said = Markup('<p class="empty-draft">{}</p>').format(_("The draft has no prose."))
            parts.append(str(said))
        return Markup("\n".join(parts))

    def _block_marks(self, blocks: list[BlockView]) -> list[list[Mark]]:
        """The block-level marks (long sections and paragraphs, other languages) over each
        block."""
        found: list[list[Mark]] = [[] for _ in blocks]
        starts = [b.start for b in blocks]
        for mark in self.block_marks:
            i = max(bisect.bisect_left(starts, mark.start), 0)
            while i < len(blocks) and blocks[i].start < mark.end:
                if blocks[i].end <= mark.end:
                    found[i].append(mark)
                i += 1
        return found

    def block(
        self,
        block: BlockView,
        ranges: list[_Range],
        marks: list[Mark],
        inserts: list[tuple[int, Markup]],
    ) -> Markup:
        element_id = f"b-{block.start}"
        self.elements.append((block.start, block.end, element_id))
        classes = ["blk", f"blk-{block.kind}"]
        attrs: dict[str, str] = {}
        notes: list[str] = []
        for mark in sorted(marks, key=lambda m: _kind_rank(m.kind)):
            classes.append(f"bk-{mark.kind}")
            if mark.kind == "foreign" and _LANGUAGE_CODE.match(mark.note):
                attrs["lang"] = mark.note
            mark_id = f"m-{mark.kind}-{mark.start}-{mark.end}"
            if mark_id not in self.ids:  # the note opens the mark's first block
                self.ids.add(mark_id)
                label = _(LABELS.get(mark.kind, mark.kind))
                said = (
                    _("{label}: {said}").format(label=label, said=mark.note) if mark.note else label
                )
                notes.append(
                    str(_open("span", {"id": mark_id, "class": f"mk bnote bn-{mark.kind}"}))
                    + str(escape(for_terminal(said)))
                    + "</span>"
                )
        body = self.text(block.text, _offsets(block.text, block.map), ranges, inserts)
        if block.kind == HEADING:
            level = min(max(block.level, 1), 6)
            classes += ["dh", f"dh{level}"]
            tag = "div"
            attrs |= {"role": "heading", "aria-level": str(min(level + 1, 6))}
            lead = f'<span class="htag" aria-hidden="true">H{level}</span>'
        else:
            tag = {LIST_ITEM: "li", QUOTE: "blockquote"}.get(block.kind, "p")
            lead = ""
        opened = _open(tag, {"id": element_id, "class": " ".join(classes), **attrs})
        self.ids.add(element_id)
        return Markup(f"{opened}{''.join(notes)}{lead}{body}</{tag}>")

    def image(self, image: ImageView, inline: bool) -> Markup:
        element_id = f"img-{image.start}"
        self.elements.append((image.start, image.end, element_id))
        self.ids.add(element_id)
        tag = "span" if inline else "figure"
        if image.alt.strip():
            offsets = _offsets(image.alt, image.map)
            alt = self.text(image.alt, offsets, self.alt_ranges.get(id(image), []))
            said = Markup('<span class="alt">{}</span>').format(alt)
        else:
            said = Markup('<span class="no-alt">{}</span>').format(_("no alt text"))
        src = Markup(' <span class="src">({})</span>').format(for_terminal(image.src))
        return Markup('{}<span class="img-icon">{}</span> {}{}</{}>').format(
            _open(tag, {"id": element_id, "class": "img-ph"}),
            _("Image:"),
            said,
            src if image.src else "",
            tag,
        )

    def fields(self) -> Markup:
        """The page's title, slug and description, as a search result shows them."""
        if not self.view.fields:
            return Markup("")
        shown = []
        pieces = [(f, _offsets(f.text, f.map)) for f in self.view.fields]
        spans = sorted(
            ((offs[0], offs[-1] + 1), n) for n, (_, offs) in enumerate(pieces) if offs is not None
        )
        ranges = dict(
            zip((n for _, n in spans), _bucket([s for s, _ in spans], self.ranges), strict=True)
        )
        for n, (item, offsets) in enumerate(pieces):
            element_id = f"f-{item.name}"
            self.ids.add(element_id)
            if offsets is not None:
                self.elements.append((offsets[0], offsets[-1] + 1, element_id))
            body = self.text(item.text, offsets, ranges.get(n, []))
            shown.append(
                Markup(
                    '<div id="{}" class="s-{}"><span class="s-label">{}</span><br>{}</div>'
                ).format(element_id, item.name, item.name, body)
            )
        box = Markup('<div class="snippet" aria-label="{}">{}</div>')
        return box.format(_("The page in a search result"), Markup("").join(shown))

    # Where a check's place leads ------------------------------------------------------------

    def target(self, location: Location) -> str | None:
        """The id a place links to: its own span when drawn, else the element holding it (or
        the next one), else nothing."""
        own = f"at-{location.start}-{location.end}"
        if own in self.ids:
            return own
        holding = [
            (end - start, element_id)
            for start, end, element_id in self.elements
            if start <= location.start < max(end, start + 1)
        ]
        if holding:
            return min(holding)[1]
        after = [(s, element_id) for s, _, element_id in self.elements if s >= location.start]
        return min(after)[1] if after else None


def _kind_rank(kind: str) -> int:
    return KINDS.index(kind) if kind in KINDS else len(KINDS)


def _open(tag: str, attrs: dict[str, str]) -> Markup:
    """An opening tag; the attribute values are escaped (they may come from the draft), the
    tag and the attribute names are the report's own."""
    shown = "".join(f' {key}="{escape(for_terminal(value))}"' for key, value in attrs.items())
    return Markup(f"<{tag}{shown}>")


# --- The page of a draft ----------------------------------------------------------------------


@dataclass
class _Card:
    id: str
    name: str
    family: str
    severity: str
    status: str  # the card's colour: fail, warn, pass, skip
    word: str  # FAIL, warn, pass, skip
    effect: str
    value: str
    expected: str
    message: str
    anchor: str
    explain: str
    places: list[dict[str, str | None]] = field(default_factory=list)
    more: int = 0


def band(score: int) -> str:
    """The gauge's colour, as Lighthouse colours a score: 0-49 fail, 50-89 average, 90-100
    pass."""
    if score >= 90:
        return "pass"
    return "average" if score >= 50 else "fail"


def _value(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return metric_text(value) or "—"
    return str(value)


def explanation(check_id: str, options: dict[str, Any] | None = None) -> str:
    """What `seo-audit explain ID` prints; with `options` (the values the rule set gives the
    check for this file) that differ from the defaults, filled with them and listed in a
    column beside the defaults, as `explain ID -r RULESET` does."""
    frozen = tuple(
        sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in (options or {}).items())
    )
    return _explanation(check_id, frozen, current_language())


@functools.lru_cache(maxsize=1024)
def _explanation(check_id: str, frozen: tuple[tuple[str, Any], ...], lang: str) -> str:
    options = {k: list(v) if isinstance(v, tuple) else v for k, v in frozen}
    check = REGISTRY.get(check_id)
    if check is None:
        return ""
    head = check.headline()
    if options and check.values(options) != check.default_options():
        return f"{head}\n\n{check.documentation(options, label=_('this file'))}"
    return f"{head}\n\n{check.documentation()}"


def _where(location: Location) -> str:
    if location.path is None:
        return _("line {line}:{column}").format(line=location.line, column=location.column)
    return _("{path} line {line}").format(path=location.path, line=location.line)


def _card(result: CheckResult, report: Report, drawing: _Drawing | None, explain: str) -> _Card:
    kind = effect(result, report)
    if kind == FAILS:
        status, said = "fail", _("fails the draft")
    elif kind == WARNS:
        status = "warn"
        said = _("does not fail the draft") + (
            _(" (severity {severity})").format(severity=result.severity)
            if result.status == "fail"
            else ""
        )
    elif kind == PASSES:
        status, said = "pass", _("passes")
    else:
        status, said = "skip", _("not counted in the score")
    card = _Card(
        id=result.id,
        name=result.name,
        family=result.family,
        severity=result.severity,
        status=status,
        word=_(kind),
        effect=said,
        value=_value(result.value),
        expected=result.expected,
        message=result.message,
        anchor=f"check-{result.id}",
        explain=explain,
    )
    for location in result.locations[:SHOWN_PLACES]:
        href = None
        if location.path is None and drawing is not None:
            href = drawing.target(location)
        note = location.note if location.note and location.note not in location.text else ""
        card.places.append(
            {"href": href, "where": _where(location), "text": _excerpt(location.text), "note": note}
        )
    card.more = max(len(result.locations) - SHOWN_PLACES, 0)
    return card


def _metrics(metrics: dict[str, Any]) -> list[tuple[str, str]]:
    """The headline numbers: words, sentences, reading ease, reading time, keyword density."""
    shown = []
    for key, label in (
        ("words", N_("words")),
        ("sentences", N_("sentences")),
        ("paragraphs", N_("paragraphs")),
        ("reading_ease", N_("reading ease")),
        ("reading_time_minutes", N_("minutes to read")),
    ):
        if metrics.get(key) is not None:
            shown.append((_value(metrics[key]), _(label)))
    if "keyword_density" in metrics:
        density = metrics["keyword_density"]
        count = metrics.get("keyword_count")
        value = "—" if density is None else percent(density, 2)
        label = _("keyword density") + (
            _(" ({count} times)").format(count=count) if density is not None and count else ""
        )
        shown.append((value, label))
    return shown


def _insights(report: Report) -> dict[str, Any] | None:
    """The Insights part: reading time, prominent words and phrases (the keyphrase's words
    marked), complex words."""
    m = report.metrics
    if m.get("word_complexity") is None:
        return None  # not measured (not French, no words) or a report from an older JSON
    keys: set[str] = set()
    if report.keyword:
        keys = {normalise(w, accents=False) for w in report.keyword.split()}

    def ranked(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return [
            {
                "text": item["text"],
                "count": item["count"],
                "key": all(normalise(w, accents=False) in keys for w in item["text"].split()),
            }
            for item in items
        ]

    return {
        "reading": m.get("reading_time_minutes"),
        "speed": READING_WORDS_PER_MINUTE,
        "words": ranked(m.get("prominent_words") or []),
        "phrases": ranked(m.get("prominent_phrases") or []),
        "complexity": f"{100 * m['word_complexity']:.1f} %",
        "complex_words": m.get("complex_words") or [],
    }


def _legend(view: DraftView) -> list[dict[str, Any]]:
    counts = Counter(m.kind for m in view.marks)
    limits = {
        "long-sentence": ("R001", "max_words", N_("over {count} words")),
        "very-long-sentence": ("R001", "very_long_words", N_("over {count} words")),
        "long-paragraph": ("S004", "max_words", N_("over {count} words")),
        "long-section": ("S003", "max_words", N_("over {count} words without a subheading")),
    }
    legend = []
    for kind in KINDS:
        if kind in SOURCE_KINDS and view.source is None:
            continue
        label = _(LABELS.get(kind, kind))
        help_text = label
        if kind in limits:
            check_id, option, said = limits[kind]
            value = view.options.get(check_id, {}).get(option)
            if value is not None:
                help_text = _("{label}: {said}").format(
                    label=label, said=_(said).format(count=value)
                )
        legend.append({"kind": kind, "label": label, "help": help_text, "count": counts[kind]})
    return legend


def _source(view: DraftView, drawing: _Drawing) -> dict[str, Any] | None:
    comparison = view.source
    if comparison is None:
        return None
    copy = comparison.longest_copy
    longest = None
    if copy.words:
        spot = Location(copy.draft_start, copy.draft_end, 0, 0, 0, 0, copy.text)
        longest = {"words": copy.words, "href": drawing.target(spot)}
    facts = []
    several = len(comparison.paths) > 1
    for fact in comparison.facts:
        named = f"{Path(fact.source_path).name} " if several and fact.source_path else ""
        facts.append(
            {
                "text": fact.text,
                "kind": fact.kind,
                "source": _("{named}line {line}").format(named=named, line=fact.line),
                "draft": _("kept, line {line}").format(line=fact.draft_line)
                if fact.kept
                else _("missing"),
                "state": "kept" if fact.kept else "missing",
                "href": None,
            }
        )
    for fact in comparison.invented:
        spot = Location(fact.start, fact.end, fact.line, 0, 0, 0, fact.text)
        facts.append(
            {
                "text": fact.text,
                "kind": fact.kind,
                "source": _("absent"),
                "draft": _("invented, line {line}").format(line=fact.line),
                "state": "invented",
                "href": drawing.target(spot) if fact.end > fact.start else None,
            }
        )
    return {
        "path": ", ".join(comparison.paths),
        "source_words": comparison.source_words,
        "draft_words": comparison.draft_words,
        "overlap": percent(100 * comparison.overlap, 1),
        "longest": longest,
        "kept": [f for f in facts if f["state"] == "kept"],
        "missing": [f for f in facts if f["state"] == "missing"],
        "invented": [f for f in facts if f["state"] == "invented"],
    }


def page_context(report: Report, index_href: str | None = None) -> dict[str, Any]:
    """What the page template draws for one report."""
    view = report.draft
    if report.error is not None:
        return {
            "path": report.path,
            "error": report.error,
            "verdict": "ERROR",
            "reasons": report.verdict_reasons(),
            "index_href": index_href,
            "metrics": [],
            "insights": None,
            "notes": report.notes,
        }
    places = [
        (loc.start, loc.end)
        for result in report.checks
        for loc in result.locations
        if loc.path is None
    ]
    drawing = None
    draft_html = None
    if view is not None:
        if view.source is not None:
            copy = view.source.longest_copy
            if copy.words:
                places.append((copy.draft_start, copy.draft_end))
            places += [(f.start, f.end) for f in view.source.invented]
        drawing = _Drawing(view, places)
        draft_html = drawing.draft()
    options = view.options if view is not None else {}
    groups: dict[str, list[_Card]] = {"fail": [], "warn": [], "pass": [], "skip": []}
    suppressed: list[_Card] = []
    for result in report.checks:
        text = explanation(result.id, options.get(result.id))
        card = _card(result, report, drawing, text)
        if result.status == SKIP and result.message.startswith((_SUPPRESSED, _(_SUPPRESSED))):
            suppressed.append(card)
        else:
            groups[card.status].append(card)
    sections = [
        ("fail", _("Fails the draft"), False, ""),
        ("warn", _("Needs attention, does not fail the draft"), False, ""),
        ("pass", _("Passed"), True, ""),
        ("skip", _("Skipped"), True, _("Skipped checks do not count in the score.")),
    ]
    shown = [
        {"id": f"group-{key}", "title": title, "folded": folded, "note": note, "cards": groups[key]}
        for key, title, folded, note in sections
        if groups[key]
    ]
    if suppressed:
        shown.append(
            {
                "id": "group-suppressed",
                "title": _("Suppressed by the draft's directives"),
                "folded": False,
                "note": _("Findings the draft's seo-audit comments or front matter switch off."),
                "cards": suppressed,
            }
        )
    score = report.score
    return {
        "path": report.path,
        "error": None,
        "verdict": "PASS" if report.passed else "FAIL",
        "score": score,
        "band": band(score),
        "reasons": report.verdict_reasons(),
        "keyword": report.keyword,
        "keyword_source": report.keyword_source,
        "suggestions": report.suggestions,
        "ruleset": report.ruleset,
        "input_format": report.input_format,
        "notes": report.notes,
        "metrics": _metrics(report.metrics),
        "all_metrics": [(k, _value(v)) for k, v in report.metrics.items()],
        "insights": _insights(report),
        "legend": _legend(view) if view is not None else [],
        "draft_html": draft_html,
        "source": _source(view, drawing) if view is not None and drawing is not None else None,
        "groups": shown,
        "index_href": index_href,
    }


# --- Files ------------------------------------------------------------------------------------


def page_names(reports: list[Report]) -> list[str]:
    """The file name of each draft's page in a batch: its path as given, accents dropped,
    every run of characters other than ASCII letters, digits, `.`, `_` and `-` (the folder
    separators too) made one `-`, then `.html` (`articles/vélo électrique.md` ->
    `articles-velo-electrique.md.html`; stdin is `stdin.html`). A name already taken (by
    `index.html` or an earlier draft) gets `-2`, `-3`... before `.html`."""
    taken = {INDEX}
    names = []
    for report in reports:
        flat = unicodedata.normalize("NFKD", report.path).encode("ascii", "ignore").decode()
        stem = _UNSAFE_NAME.sub("-", flat).strip(".-") or "draft"
        if report.path == "-":
            stem = "stdin"
        name, n = f"{stem}.html", 1
        while name.lower() in taken:
            n += 1
            name = f"{stem}-{n}.html"
        taken.add(name.lower())
        names.append(name)
    return names


def render_page(report: Report, index_href: str | None = None) -> str:
    """The page of one draft; `index_href` links back to the index of its batch."""
    return (
        _environment()
        .get_template("page.html.j2")
        .render(page=page_context(report, index_href), **_assets())
    )


def render_index(reports: list[Report], names: list[str] | None = None) -> str:
    """The index of a batch: one row per draft, linking to its page (`names`)."""
    names = names or page_names(reports)
    rows = []
    for report, name in zip(reports, names, strict=True):
        error = report.error is not None
        words = None if error else report.metrics.get("words")
        rows.append(
            {
                "href": name,
                "path": report.path,
                "verdict": "ERROR" if error else ("PASS" if report.passed else "FAIL"),
                "score": "" if error else report.score,
                "score_sort": -1 if error else report.score,
                "words": "" if words is None else words,
                "words_sort": -1 if words is None else words,
                "keyword": report.keyword or "—",
                "failing": [f"{c.id} {c.name}" for c in report.failures],
                "error": report.error,
            }
        )
    index = {"summary": summary_of(reports), "rows": rows}
    return _environment().get_template("index.html.j2").render(index=index, **_assets())


def pages(reports: list[Report], options: RenderOptions | None = None) -> dict[str, str]:
    """Every file of a batch, by name: `index.html` first, then one page per draft."""
    names = page_names(reports)
    files = {INDEX: render_index(reports, names)}
    for report, name in zip(reports, names, strict=True):
        files[name] = render_page(report, index_href=INDEX)
    return files


def render(reports: list[Report], options: RenderOptions) -> str:
    """The page of a single draft; for several, the index of the batch (whose pages
    `pages()` gives)."""
    if len(reports) == 1:
        return render_page(reports[0])
    return render_index(reports)


# --- Template and assets ----------------------------------------------------------------------


def _finalize(value: Any) -> Any:
    """Every value a template prints: text from a draft or a file name loses the characters
    that could reorder or hide what is shown (control characters, bidirectional overrides,
    lone surrogates, which UTF-8 cannot even encode)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return for_terminal(value)
    return value


@functools.cache
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("seo_audit.formats", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
    )
    # The callables, not a fixed catalogue: the page follows the language of the run.
    env.install_gettext_callables(_, ngettext)  # type: ignore[attr-defined]
    env.globals["lang"] = current_language
    return env


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


@functools.cache
def _assets() -> dict[str, Any]:
    """The inline style sheet and script, and a policy that lets only them run and load
    nothing (no request leaves the page, and no markup that slipped into it could act)."""
    folder = resources.files("seo_audit.formats").joinpath("templates")
    css = folder.joinpath("report.css").read_text(encoding="utf-8")
    script = folder.joinpath("report.js").read_text(encoding="utf-8")
    csp = (
        f"default-src 'none'; style-src '{_sha256(css)}'; script-src '{_sha256(script)}'; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return {"css": Markup(css), "script": Markup(script), "csp": csp, "version": __version__}
