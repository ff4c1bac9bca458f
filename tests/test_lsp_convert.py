"""Positions between Python characters and LSP code units, and findings as Diagnostics."""

import pytest

pytest.importorskip("lsprotocol")

from lsprotocol import types  # noqa: E402

from seo_audit.checks.base import FAIL, PASS, SKIP, WARN, CheckResult, Location  # noqa: E402
from seo_audit.lsp.convert import (  # noqa: E402
    UTF8,
    UTF16,
    UTF32,
    Positions,
    chars_for_units,
    findings_of,
    message_of,
    severity_of,
    units,
)
from seo_audit.marks import BlockView, DraftView  # noqa: E402
from seo_audit.report import Report  # noqa: E402


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@pytest.mark.parametrize(
    "text",
    ["", "abc", "élève à l’école", "« Bonjour » — dit-il…", "vélo 🚲 électrique", "𝔸🎉x", "🇫🇷"],
)
def test_units_match_the_encodings(text):
    assert units(text, UTF16) == utf16(text)
    assert units(text, UTF8) == len(text.encode("utf-8"))
    assert units(text, UTF32) == len(text)


def test_accents_apostrophes_and_guillemets_are_one_unit_each():
    text = "« L’été à Noël »"
    assert units(text) == len(text)


def test_emoji_takes_two_utf16_units():
    assert units("🚲") == 2
    assert units("a🚲b") == 4
    assert units("🚲", UTF8) == 4


def test_chars_for_units_inverts_units_at_every_character_boundary():
    line = "Bravo 🎉 ! « Vélo » 𝔸 fin"
    for encoding in (UTF8, UTF16, UTF32):
        for index in range(len(line) + 1):
            count = units(line[:index], encoding)
            assert chars_for_units(line, count, encoding) == index


def test_chars_for_units_inside_a_surrogate_pair_and_past_the_end():
    line = "a🎉b"
    assert chars_for_units(line, 2) == 1  # the second half of 🎉: the emoji's start
    assert chars_for_units(line, 99) == len(line)
    assert chars_for_units(line, -3) == 0
    assert chars_for_units("abc", 99, UTF8) == 3


def test_positions_of_offsets_after_an_emoji_on_the_same_line():
    text = "# Titre\n\nBravo 🎉 ! Le conseil a voté.\nÉté 𝔸 fin\n"
    pos = Positions(text)
    start = text.index("Le conseil")
    found = pos.position(start)
    assert found.line == 2
    assert found.character == utf16("Bravo 🎉 ! ")
    assert found.character == start - text.index("Bravo") + 1  # one more than characters
    assert pos.offset(found) == start
    fin = text.index("fin")
    assert pos.position(fin) == types.Position(3, utf16("Été 𝔸 "))
    assert pos.offset(types.Position(3, utf16("Été 𝔸 "))) == fin


def test_positions_round_trip_every_offset_in_every_encoding():
    text = "---\ntitle: « Vélo »\n---\n\n🚲🚲 L’été\n\n𝔸\n"
    for encoding in (UTF8, UTF16, UTF32):
        pos = Positions(text, encoding)
        for offset in range(len(text) + 1):
            assert pos.offset(pos.position(offset)) == offset


def test_positions_clamp_out_of_range_positions():
    text = "ab\ncd"
    pos = Positions(text)
    assert pos.offset(types.Position(0, 50)) == 2  # past the line's end: its end
    assert pos.offset(types.Position(9, 0)) == len(text)
    assert pos.position(500) == types.Position(1, 2)
    assert pos.line_text(1) == "cd"
    assert pos.line_text(7) == ""


def result(status=FAIL, severity="error", locations=(), **kw):
    return CheckResult(
        kw.get("id", "R001"),
        kw.get("name", "sentence-length"),
        "readability",
        status,
        severity,
        1.0,
        kw.get("value", 0.5),
        kw.get("expected", "<= 25 %"),
        kw.get("message", "Too many long sentences."),
        list(locations),
    )


def test_severity_follows_the_rule_set_and_a_warn_is_at_most_a_warning():
    error = types.DiagnosticSeverity.Error
    warning = types.DiagnosticSeverity.Warning
    info = types.DiagnosticSeverity.Information
    assert severity_of(result(FAIL, "error")) == error
    assert severity_of(result(FAIL, "warning")) == warning
    assert severity_of(result(FAIL, "info")) == info
    assert severity_of(result(WARN, "error")) == warning
    assert severity_of(result(WARN, "info")) == info


def test_message_has_the_note_value_and_target():
    loc = Location(0, 4, 1, 1, 1, 5, "Long", "42 words")
    text = message_of(result(value=0.875), loc)
    assert text.startswith("42 words — Too many long sentences.")
    assert "value 0.875" in text and "expected <= 25 %" in text


def test_findings_one_per_place_whole_draft_on_the_headline_other_files_related():
    text = "---\ntitle: T\n---\n\n# Le titre 🎉\n\nUne phrase. 🚲 Une autre.\n"
    second = text.index("Une autre.")
    here = Location(second, second + 10, 7, 13, 7, 23, "Une autre.", "2 words")
    there = Location(0, 5, 1, 1, 1, 6, "Texte", "", path="source.txt")
    head = text.index("Le titre")
    view = DraftView(text, "markdown", [BlockView("heading", 1, head, head + 10)], [])
    report = Report(
        path="d.md",
        checks=[
            result(locations=[here, there]),
            result(id="L001", name="word-count", message="Too short."),
            result(PASS, id="H001", name="h2-present"),
            result(SKIP, id="K001", name="keyword-density"),
        ],
        draft=view,
    )
    related = []

    def to_location(loc):
        related.append(loc)
        return types.Location("file:///source.txt", Positions("Texte").range(loc.start, loc.end))

    found = findings_of(report, Positions(text), lambda r: f"file:///docs/{r.id}.md", to_location)
    assert [f.result.id for f in found] == ["L001", "R001"]
    whole, place = found
    assert whole.whole_document and whole.diagnostic.range.start == types.Position(4, 2)
    assert place.diagnostic.range.start == types.Position(6, utf16("Une phrase. 🚲 "))
    assert place.diagnostic.code == "R001"
    assert place.diagnostic.source == "seo-audit"
    assert place.diagnostic.code_description.href == "file:///docs/R001.md"
    assert related == [there]
    assert place.diagnostic.related_information[0].location.uri == "file:///source.txt"
