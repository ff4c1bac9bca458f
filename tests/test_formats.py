"""Every output format, pinned by a golden file, plus what its consumer requires.

Run with UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change, then review
the diff.
"""

import json
import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from report_samples import writer_view_report

from seo_audit.checks.base import CheckResult, Location
from seo_audit.formats import FORMAT_NAMES, RenderOptions, renderers
from seo_audit.formats.github import escape_data, escape_property
from seo_audit.formats.html import render_page
from seo_audit.report import Report

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"
EXTENSIONS = {
    "text": "txt",
    "concise": "txt",
    "json": "json",
    "gitlab": "json",
    "jsonl": "jsonl",
    "junit": "xml",
    "github": "txt",
    "sarif": "sarif",
    "markdown": "md",
    "html": "html",
}


def result(cid, name, family, status, severity, value, expected, message, lines=()):
    # Each finding: a sentence of 42 characters starting at column 3 of its line.
    locations = [
        Location(100 * line, 100 * line + 42, line, 3, line, 45, f"Phrase de la ligne {line}.", "")
        for line in lines
    ]
    return CheckResult(
        cid, name, family, status, severity, 2.0, value, expected, message, locations
    )


def sample_reports():
    metrics = {
        "words": 812,
        "sentences": 54,
        "paragraphs": 17,
        "h1": 1,
        "h2": 4,
        "h3": 2,
        "keyword_count": 11,
        "keyword_density": 1.35,
        "long_sentence_ratio": 0.148,
        "avg_sentence_words": 14.2,
        "reading_ease": 71.3,
        "language": "fr",
        "reading_time_minutes": 4.2,
        "prominent_words": [
            {"text": "vélo", "count": 14},
            {"text": "électrique", "count": 12},
            {"text": "batterie", "count": 6},
        ],
        "prominent_phrases": [{"text": "vélo électrique", "count": 11}],
        "word_complexity": 0.007,
        "complex_words": ["rechargeables", "homologation"],
    }
    good = Report(
        path="articles/vélo électrique.md",
        checks=[
            result(
                "L001", "word-count", "length", "pass", "error", 812, ">= 700 words", "812 words."
            ),
            result(
                "K001",
                "keyword-density",
                "keyword",
                "pass",
                "error",
                1.35,
                "0.5-3.0 %",
                "“vélo électrique” found 11 time(s) in 812 words (1.35 %).",
                [9, 14],
            ),
            result(
                "R002",
                "reading-ease",
                "readability",
                "warn",
                "error",
                57.5,
                ">= 50 (>= 60 for a pass)",
                "Reading ease 57.5: fairly hard to read.",
            ),
        ],
        metrics=metrics,
        keyword="vélo électrique",
        keyword_source="front matter",
        input_format="markdown",
        ruleset="default",
    )
    bad = Report(
        path="articles/brève.md",
        checks=[
            result(
                "L001",
                "word-count",
                "length",
                "fail",
                "error",
                342,
                ">= 700 words",
                "342 words: add at least 358 more.",
            ),
            result(
                "H003",
                "heading-order",
                "headings",
                "fail",
                "warning",
                1,
                "no H3 before an H2, no skipped level",
                "1 heading(s) out of order; line 5: an H3 comes before any H2.",
                [5],
            ),
            result(
                "R001",
                "sentence-length",
                "readability",
                "fail",
                "error",
                0.4,
                "<= 25.0 % of sentences over 20 words",
                "8 of 20 sentences over 20 words (40.0 %): split them, 100%, a:b.",
                [7, 12],
            ),
            result(
                "K001",
                "keyword-density",
                "keyword",
                "skip",
                "error",
                None,
                "0.5-3.0 %",
                "No focus keyphrase: set --keyword or `keyword:` in the front matter.",
            ),
        ],
        metrics=dict(metrics, words=342, keyword_count=0, keyword_density=None),
        suggestions=["conseil municipal", "piste cyclable"],
        input_format="markdown",
        ruleset="default",
    )
    broken = Report(path="articles/cassé.md", error="not valid UTF-8 (byte 0xe9 at offset 12)")
    return [good, bad, broken]


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_golden(name):
    rendered = renderers()[name](sample_reports(), RenderOptions())
    golden = GOLDEN / f"report.{name}.{EXTENSIONS[name]}"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


def test_golden_html_page():
    """The HTML page of one draft, drawn from a hand-made writer's view (tests/report_samples):
    the golden test above pins the index of a batch."""
    rendered = render_page(writer_view_report())
    golden = GOLDEN / "report.html-page.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


def test_sarif_validates_against_the_official_schema():
    schema = json.loads((HERE / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    sarif = json.loads(renderers()["sarif"](sample_reports(), RenderOptions()))
    jsonschema.validate(sarif, schema)
    run = sarif["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for res in run["results"]:
        assert rule_ids[res["ruleIndex"]] == res["ruleId"]
    assert run["invocations"][0]["executionSuccessful"] is False


def test_junit_parses_and_counts():
    root = ET.fromstring(renderers()["junit"](sample_reports(), RenderOptions()).encode())
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "articles/vélo électrique.md",
        "articles/brève.md",
        "articles/cassé.md",
    ]
    assert suites[0].get("failures") == "0"
    assert suites[1].get("failures") == "2"  # the warning-severity failure does not count
    assert suites[1].get("skipped") == "1"
    assert suites[2].get("errors") == "1"
    assert root.get("tests") == str(sum(int(s.get("tests")) for s in suites))


GITHUB_LINE = re.compile(
    r"^::(error|warning|notice) file=[^,:]+,line=\d+"
    r"(,col=\d+,endLine=\d+(,endColumn=\d+)?)?,title=[^,:]+::[^\r\n]*$"
)


def test_github_commands_well_formed():
    lines = renderers()["github"](sample_reports(), RenderOptions()).splitlines()
    assert lines
    for line in lines:
        assert GITHUB_LINE.match(line), line
    assert escape_data("100%\nfin") == "100%25%0Afin"
    assert escape_property("a:b,c") == "a%3Ab%2Cc"


def test_github_groups_the_places_of_one_check():
    from seo_audit.api import audit_file

    report = audit_file(HERE.parent / "samples" / "echec-mot-cle-bourre.md")
    lines = renderers()["github"]([report], RenderOptions()).splitlines()
    ids = [line.split("title=seo-audit ")[1].split()[0] for line in lines]
    assert len(ids) == len(set(ids))  # one annotation per check
    density = next(line for line in lines if "K001" in line)
    assert "(also on lines 10, 12" in density and "more)" in density


def test_golden_text_report_quotes_the_passive_sentences(tmp_path):
    """A real draft with passive sentences: the text report shows the sentences themselves."""
    from seo_audit.api import audit

    draft = (
        "---\ntitle: Le marché couvert rouvre ses portes\nkeyword: marché couvert\n---\n\n"
        "# Le marché couvert rouvre ses portes\n\n"
        "Le marché couvert a été rénové par la commune. Les étals ont été repeints par des "
        "bénévoles. Le toit a été refait par une entreprise locale.\n\n"
        "## Ce qui change\n\n"
        "Les commerçants reviennent samedi. Le marché couvert ouvre dès sept heures.\n"
    )
    report = audit(draft, path="marche.md", ruleset="default")
    text = renderers()["text"]([report], RenderOptions(width=100))
    golden = GOLDEN / "report.text-passive.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")
    assert "« Le marché couvert a été rénové par la commune. »" in text
    assert "« Les étals ont été repeints par des bénévoles. »" in text
