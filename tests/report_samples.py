"""A synthetic report with a writer's view (DraftView), built by hand so that every offset is
known: the HTML golden file and the HTML report's unit tests draw it.

The draft has a front matter, a heading, a paragraph with a link (so its plain text is not the
file text), a list, a standalone image and a quote; its marks nest (a keyphrase inside a long
sentence) and cross (a passive range running over the end of a sentence into the next one);
one check is suppressed and one place lies outside every block.
"""

from seo_audit.checks.base import CheckResult, Location
from seo_audit.marks import BlockView, DraftView, FieldView, ImageView, LinkView, Mark
from seo_audit.report import Report
from seo_audit.rewrite import CopiedPassage, InventedFact, SourceComparison, SourceFactResult
from seo_audit.textmap import LineIndex, SourceMap

FIRST = (
    "Le vélo électrique est adopté par de nombreux habitants des grandes villes françaises "
    "depuis cinq ans."
)
TEXT = """---
title: "Le vélo électrique en ville"
keyword: "vélo électrique"
slug: "velo-electrique-ville"
---

# Le vélo électrique en ville

{FIRST} Il coûte [plus cher](https://exemple.fr/prix) mais rend service.

- Une batterie de 500 Wh
- Un cadre en aluminium

![Un vélo électrique devant la gare](velo.jpg)

> Le vélo électrique a changé ma vie, dit Anne.
""".replace("{FIRST}", FIRST)


def at(text: str, occurrence: int = 1) -> tuple[int, int]:
    """The range of the n-th occurrence of `text` in TEXT."""
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(text, start + 1)
    return start, start + len(text)


def contiguous(text: str, occurrence: int = 1) -> tuple[str, SourceMap]:
    start, _ = at(text, occurrence)
    return text, SourceMap.contiguous(start, len(text))


def paragraph() -> BlockView:
    """The paragraph with a link: `[plus cher](url)` is `plus cher` in its plain text."""
    head = FIRST + " Il coûte "
    link, tail = "plus cher", " mais rend service."
    where = SourceMap()
    where.append(at(head)[0], len(head))
    where.append(at(link)[0], len(link))
    where.append(at(tail)[0], len(tail))
    start = at(head)[0]
    return BlockView("paragraph", 0, start, at(tail)[1], head + link + tail, where)


def location(start: int, end: int, note: str = "", path: str | None = None) -> Location:
    lines = LineIndex(TEXT)
    line, column = lines.position(start)
    end_line, end_column = lines.position(end)
    return Location(start, end, line, column, end_line, end_column, TEXT[start:end], note, path)


def writer_view_report() -> Report:
    heading = BlockView(
        "heading",
        1,
        *at("Le vélo électrique en ville", 2),
        *contiguous("Le vélo électrique en ville", 2),
    )
    body = paragraph()
    items = [
        BlockView("list_item", 0, *at(t), *contiguous(t))
        for t in ("Une batterie de 500 Wh", "Un cadre en aluminium")
    ]
    quote_text = "Le vélo électrique a changé ma vie, dit Anne."
    quote = BlockView("quote", 0, *at(quote_text), *contiguous(quote_text))
    first = at(FIRST)
    second_start = at("Il coûte")[0]
    passive = (at("est adopté")[0], second_start + len("Il coûte"))
    alt = "Un vélo électrique devant la gare"
    image_start, image_end = at("![Un vélo électrique devant la gare](velo.jpg)")
    marks = [
        Mark("long-sentence", *first, "17 words"),
        Mark("keyphrase", *at("vélo électrique", 4), "vélo électrique"),
        Mark("passive", *passive),
        Mark("transition", second_start, body.end, "mais"),
        Mark("keyphrase", *at("vélo électrique", 6), "vélo électrique"),
        Mark("long-paragraph", body.start, body.end, "27 words"),
        Mark("copied", *at("a changé ma vie"), "4 words found in the source"),
        Mark("invented", *at("500 Wh"), "quantity not in the source"),
    ]
    view = DraftView(
        text=TEXT,
        format="markdown",
        blocks=[heading, body, *items, quote],
        marks=sorted(marks, key=lambda m: m.start),
        fields=[
            FieldView("title", *contiguous("Le vélo électrique en ville")),
            FieldView("slug", *contiguous("velo-electrique-ville")),
        ],
        links=[LinkView("https://exemple.fr/prix", *at("plus cher"))],
        images=[
            ImageView(
                "velo.jpg", alt, image_start, image_end, SourceMap.contiguous(at(alt)[0], len(alt))
            )
        ],
        source=SourceComparison(
            overlap=0.12,
            longest_copy=CopiedPassage(
                words=4,
                text="a changé ma vie",
                draft_start=at("a changé ma vie")[0],
                draft_end=at("a changé ma vie")[1],
            ),
            facts=[
                SourceFactResult("Anne", "person", 3, True, 18),
                SourceFactResult("2019", "date", 5, False),
            ],
            invented=[InventedFact("500 Wh", "quantity", 13, *at("500 Wh"))],
            source_words=40,
            draft_words=62,
            source_path="sources/velo.md",
        ),
        options={"R001": {"max_words": 15, "very_long_words": 35}},
    )

    def result(cid, name, family, status, value, expected, message, places=(), severity="error"):
        return CheckResult(
            cid, name, family, status, severity, 1.0, value, expected, message, list(places)
        )

    checks = [
        result(
            "L001",
            "word-count",
            "length",
            "fail",
            62,
            ">= 700 words",
            "62 words: add at least 638 more.",
            [location(*at("---"), "")],
        ),
        result(
            "R001",
            "sentence-length",
            "readability",
            "fail",
            0.5,
            "<= 25.0 % of sentences over 15 words",
            "1 of 2 sentences over 15 words.",
            [location(*first, "17 words")],
        ),
        result(
            "K001",
            "keyword-density",
            "keyword",
            "pass",
            3.2,
            "0.5-3.5 %",
            "“vélo électrique” found 3 time(s).",
            [
                location(*at("vélo électrique", 2)),
                location(*at("vélo électrique", 4)),
                location(*at("vélo électrique", 6)),
            ],
        ),
        result(
            "A004",
            "image-alt",
            "links",
            "warn",
            1,
            "every image has alt text",
            "An image: <b>check</b> it.",
            [location(image_start, image_end, "image")],
            severity="warning",
        ),
        result(
            "O002",
            "source-facts-kept",
            "source",
            "fail",
            0.5,
            ">= 90.0 % of the source facts",
            "1 of 2 source facts kept (50.0 %).",
            [Location(40, 44, 5, 1, 5, 5, "2019", "2019", "sources/velo.md")],
        ),
        result(
            "R003",
            "passive-voice",
            "readability",
            "skip",
            None,
            "",
            "Suppressed for this file (line 3).",
        ),
        result(
            "M002",
            "meta-description-length",
            "meta",
            "skip",
            None,
            "120-160 characters",
            "No meta description.",
        ),
    ]
    return Report(
        path="articles/vélo électrique.md",
        checks=checks,
        metrics={
            "words": 62,
            "sentences": 4,
            "paragraphs": 2,
            "reading_ease": 61.2,
            "keyword_density": 3.2,
            "keyword_count": 3,
            "reading_time_minutes": 0.3,
            "prominent_words": [
                {"text": "vélo", "count": 4},
                {"text": "électrique", "count": 3},
                {"text": "batterie", "count": 2},
            ],
            "prominent_phrases": [{"text": "vélo électrique", "count": 3}],
            "word_complexity": 0.016,
            "complex_words": ["rechargeables"],
        },
        keyword="vélo électrique",
        keyword_source="front matter",
        input_format="markdown",
        ruleset="default",
        notes=["line 3: a note <i>from</i> the draft"],
        draft=view,
    )


def plain_text_in(view: DraftView, start: int, end: int) -> str:
    """The plain text of the draft's blocks whose characters stand in [start, end) of the
    file: what a mark over that range shows in the report."""
    found = []
    for block in view.blocks:
        if block.end <= start or block.start >= end or block.map is None:
            continue
        for i, char in enumerate(block.text):
            if start <= block.map.to_source(i) < end:
                found.append(char)
    return "".join(found)
