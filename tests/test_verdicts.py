"""Right verdicts on the drafts users have: requirements that cannot be verified do not pass,
and paragraphs in another language fail the language check unless they are quotations."""

from pathlib import Path

from click.testing import CliRunner

from seo_audit.api import audit, audit_file
from seo_audit.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOOD = (SAMPLES / "article-conforme.md").read_text(encoding="utf-8")
ENGLISH = (
    "Urban gardens are spreading across the city because people want fresh food, a place "
    "to meet their neighbours and a quiet corner where children can learn how plants grow."
)


def test_plain_text_cannot_show_the_required_headings():
    report = audit_file(SAMPLES / "article-conforme.txt", keyword="potager urbain")
    h2 = report.check("h2-present")
    assert h2.status == "skip" and h2.unverifiable
    assert not report.passed
    assert any("cannot be verified" in r and "H001" in r for r in report.verdict_reasons())
    assert "Markdown or HTML" in h2.message


def test_no_keyphrase_means_no_verdict_on_density():
    text = GOOD.replace('keyword: "potager urbain"\n', "")
    report = audit(text)
    density = report.check("keyword-density")
    assert density.status == "skip" and density.unverifiable
    assert "--keyword" in density.message
    assert not report.passed
    assert audit(text, keyword="potager urbain").passed


def test_a_rule_set_may_accept_unverifiable_checks(tmp_path):
    rules = tmp_path / "souple.toml"
    rules.write_text('[ruleset]\nextends = "default"\naccept_unverifiable = true\n')
    report = audit_file(SAMPLES / "article-conforme.txt", ruleset=str(rules), keyword="potager")
    assert report.check("h2-present").unverifiable
    assert report.passed
    bad = tmp_path / "bad.toml"
    bad.write_text('[ruleset]\naccept_unverifiable = "oui"\n')
    result = CliRunner().invoke(
        main, ["check", str(SAMPLES / "article-conforme.md"), "-r", str(bad)]
    )
    assert result.exit_code == 2
    assert "accept_unverifiable must be true or false" in result.output


def test_a_missing_source_is_a_choice_not_a_failure():
    report = audit(GOOD)
    originality = report.check("source-originality")
    assert originality.status == "skip" and not originality.unverifiable
    assert report.passed


def test_unverifiable_checks_are_errors_in_ci_formats():
    result = CliRunner().invoke(
        main, ["check", str(SAMPLES / "article-conforme.txt"), "-f", "concise"]
    )
    assert result.exit_code == 1
    assert ": H001 error Plain text cannot show headings" in result.output


def test_text_report_words_each_line_by_its_effect():
    # A failing warning-severity check in a passing draft reads as a warning.
    text = GOOD.replace("## Bien choisir", "##### Bien choisir", 1)
    result = CliRunner().invoke(main, ["check", "-", "--no-color"], input=text)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith("-: PASS")
    assert any(line.startswith("  warn H003 heading-order") for line in lines)
    assert not any(line.lstrip().startswith("FAIL") for line in lines)


def test_a_paragraph_in_english_fails_the_language_check():
    text = GOOD.replace("\n## Bien choisir", f"\n{ENGLISH}\n\n## Bien choisir", 1)
    report = audit(text)
    language = report.check("language-french")
    assert language.status == "fail"
    assert [loc.note for loc in language.locations] == ["English"]
    assert ENGLISH[:40] in language.locations[0].text
    assert not report.passed


def test_quotations_in_another_language_do_not_count():
    quoted = [
        f"> {ENGLISH}",  # a blockquote
        f"Comme l’écrit un jardinier de Brooklyn : « {ENGLISH} »",  # a « » quotation
    ]
    for quote in quoted:
        text = GOOD.replace("\n## Bien choisir", f"\n{quote}\n\n## Bien choisir", 1)
        assert audit(text).check("language-french").status == "pass", quote


def test_html_lang_attribute_marks_a_quotation():
    page = (SAMPLES / "article-conforme.html").read_text(encoding="utf-8")
    with_quote = page.replace("</h1>", f'</h1>\n<p lang="en">{ENGLISH}</p>', 1)
    assert audit(with_quote, input_format="html", path="a.html").check("F001").status == "pass"
    plain = page.replace("</h1>", f"</h1>\n<p>{ENGLISH}</p>", 1)
    assert audit(plain, input_format="html", path="a.html").check("F001").status == "fail"


def test_the_threshold_of_foreign_paragraphs_is_an_option(tmp_path):
    text = GOOD.replace("\n## Bien choisir", f"\n{ENGLISH}\n\n## Bien choisir", 1)
    rules = tmp_path / "tolerant.toml"
    rules.write_text(
        '[ruleset]\nextends = "default"\n[checks.language-french]\nmax_foreign_paragraphs = 1\n'
    )
    assert audit(text, ruleset=str(rules)).check("language-french").status == "pass"


def test_unverifiable_results_survive_a_json_round_trip(tmp_path):
    from seo_audit.report import Report

    plain = audit_file(SAMPLES / "article-conforme.txt")
    rules = tmp_path / "souple.toml"
    rules.write_text('[ruleset]\nextends = "default"\naccept_unverifiable = true\n')
    accepted = audit_file(SAMPLES / "article-conforme.txt", ruleset=str(rules))
    for report in (plain, accepted):
        again = Report.from_dict(report.to_dict())
        assert again.to_dict() == report.to_dict()
        assert again.passed == report.passed
    assert accepted.passed and not plain.passed
