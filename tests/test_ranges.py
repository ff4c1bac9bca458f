"""Every finding points at the exact text it is about: a range of the file whose text is the
sentence, word or heading the message names (walked over every sample)."""

import re
from pathlib import Path

import pytest

from seo_audit.analyze import analyze, prose_text
from seo_audit.engine import AuditOptions, audit_drafts, load_document
from seo_audit.nlp import get_nlp
from seo_audit.textmap import LineIndex

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(
    str(p)
    for p in (ROOT / "samples").rglob("*")
    if p.suffix in (".md", ".html", ".txt") and p.name != "README.md"
)
# Checks whose places are single sentences of the text.
SENTENCE_CHECKS = {"R001", "R003"}
_WORDS = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    return _WORDS.findall(text.lower())


@pytest.fixture(scope="module")
def reports():
    return list(audit_drafts(SAMPLES, AuditOptions()))


def test_samples_have_findings_with_ranges(reports):
    located = [loc for r in reports for c in r.checks for loc in c.locations]
    assert len(located) > 100


def test_every_range_cuts_its_text_from_the_file(reports):
    for report in reports:
        text = Path(report.path).read_text(encoding="utf-8")
        for check in report.checks:
            for loc in check.locations:
                source = text if loc.path is None else Path(loc.path).read_text(encoding="utf-8")
                lines = LineIndex(source)
                where = f"{report.path} {check.id} {loc}"
                assert 0 <= loc.start < loc.end <= len(source), where
                assert loc.text == source[loc.start : loc.end], where
                assert loc.text == loc.text.strip(), where
                assert (loc.line, loc.column) == lines.position(loc.start), where
                assert (loc.end_line, loc.end_column) == lines.position(loc.end), where


def test_sentence_findings_are_whole_sentences(reports):
    nlp = get_nlp()
    checked = 0
    for report in reports:
        document = load_document(report.path)
        analysis = analyze(document, nlp(prose_text(document)), nlp)
        sentences = {tuple(_words(s.text)) for s in analysis.sentences}
        for check in report.checks:
            if check.id not in SENTENCE_CHECKS:
                continue
            for loc in check.locations:
                assert tuple(_words(loc.text)) in sentences, (report.path, check.id, loc.text)
                checked += 1
    assert checked >= 10


def test_keyword_findings_are_the_keyphrase(reports):
    for report in reports:
        density = report.check("keyword-density")
        if density.status == "skip":
            continue
        first_word = _words(report.keyword)[0][:4]  # "potager" in "Potager", "potagers"
        for loc in density.locations:
            assert _words(loc.text)[0].startswith(first_word), (report.path, loc.text)


def test_heading_findings_are_headings(reports):
    for report in reports:
        text = Path(report.path).read_text(encoding="utf-8").split("\n")
        for loc in report.check("h2-present").locations:
            line = text[loc.line - 1]
            assert line.startswith("## ") or "<h2" in line, (report.path, line)
            assert loc.end_line == loc.line


def test_a_sliced_map_puts_each_character_where_the_whole_map_does():
    """SourceMap.sliced copies runs, not characters: each character of a slice still maps to
    the file offset it had, through runs of plain text, characters the parser made up (all
    at one offset) and both ends."""
    from seo_audit.textmap import SourceMap, align

    source = "Un **vélo** &amp; [une piste](https://x.fr) &eacute;t&eacute; — fin"
    maps = [
        align("Un vélo & une piste été — fin", source, 0),
        SourceMap.contiguous(5, 12),
        SourceMap(),
    ]
    synthetic = SourceMap.contiguous(3, 4)
    synthetic.append(20, 3, synthetic=True)
    synthetic.append(8, 2)
    maps.append(synthetic)
    for whole in maps:
        for start in range(-1, whole.length + 2):
            for end in range(start, whole.length + 2):
                part = whole.sliced(start, end)
                expected = [
                    whole.to_source(p) for p in range(max(start, 0), min(end, whole.length))
                ]
                assert part.length == len(expected)
                assert [part.to_source(p) for p in range(part.length)] == expected
                if part.length:
                    assert part.offsets() == expected
