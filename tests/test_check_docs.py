"""Every check documents itself from one source: its typed Options hold its defaults, and the
summary, the docstring's prose, `seo-audit rules`, `seo-audit explain`, SARIF, the default
rule set and the README's table are generated from them.

The docstring examples are run. Each "Failing example" and "Passing example" is a short
Markdown draft (a source and a draft for the source checks): it is audited through the whole
pipeline, alone, under the default rule set with the check turned on (F002 is off by
default), and only that check's status is read, which must be the one the example claims. A
short draft fails other checks (the word count, say); that says nothing about the check it
illustrates. An example too long to show (a 700-word article, a 300-word section) is a
description starting with "(described)", and the check's case file (tests/cases/, see
test_cases.py) holds a case of the status it claims, run on a real text of that kind.
"""

import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_cases import CASES, _read, audit_case

from seo_audit import docs
from seo_audit.checks import REGISTRY
from seo_audit.checks.base import DOC_SECTIONS, FAMILY_ORDER, PROSE_SECTIONS, SEVERITIES
from seo_audit.cli import main
from seo_audit.formats.sarif import _rule
from seo_audit.registry import find_check
from seo_audit.report import CREDIT
from seo_audit.ruleset import CheckConfig, base_ruleset, load_ruleset, rules_dir

CHECKS = sorted(REGISTRY.values(), key=lambda c: c.id)
EXAMPLES = [(check, example) for check in CHECKS for example in check.examples()]
PLACEHOLDER = re.compile(r"\{[^{}]*\}")
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?![\w])")


def _numbers(option):
    """How a default of `option` could be hand-typed in prose: 700, 0.25, 25, 3.0, 3."""
    value = option.default
    if option.type not in (int, float) or isinstance(value, bool):
        return set()
    found = {f"{value:g}", str(value)}
    if option.is_share:
        found.add(f"{round(100 * value, 6):g}")
    return found


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_docstring_has_every_section_in_order(check):
    sections = check.doc_sections()  # raises on a stray heading, e.g. a written "Options:"
    assert list(sections) == list(DOC_SECTIONS), f"{check.id}: sections {list(sections)}"
    assert all(sections.values()), f"{check.id}: an empty section"
    assert "Options:" not in (check.__doc__ or ""), f"{check.id}: Options are generated"


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_check_metadata(check):
    assert check.summary().endswith(".")
    assert check.family in FAMILY_ORDER
    assert check.severity in SEVERITIES
    assert check.name == check.name.lower() and " " not in check.name


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_summary_template_holds_no_number(check):
    template = (check.__doc__ or "").strip().splitlines()[0]
    typed = NUMBER.findall(PLACEHOLDER.sub("", template))
    assert not typed, f"{check.id}: the summary hand-types {typed}; use {{option}}"


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_prose_hand_types_no_default(check):
    template = (check.__doc__ or "").strip().splitlines()[0]
    sections = check._docstring()[1]
    prose = PLACEHOLDER.sub("", " ".join([template, *(sections[s] for s in PROSE_SECTIONS)]))
    for option in check.options:
        typed = _numbers(option) & set(NUMBER.findall(prose))
        assert not typed, f"{check.id}: the default of {option.name} is hand-typed: {typed}"


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_templates_follow_the_options(check):
    template = (check.__doc__ or "").strip().splitlines()[0]
    for option in check.options:
        if f"{{{option.name}" not in template or option.type not in (int, float):
            continue
        other = {option.name: option.default + (0.05 if option.is_share else 7)}
        assert check.summary(other) != check.summary(), f"{check.id}: {option.name}"
        assert option.show(other[option.name]) in check.summary(other)


def test_summary_formats():
    r001, a001 = REGISTRY["R001"], REGISTRY["A001"]
    assert r001.summary() == "Sentences: at most 25 % over 20 words, each over 35 is listed."
    assert "at most 12.5 % over 30 words" in r001.summary({"max_ratio": 0.125, "max_words": 30})
    assert "at least 1 internal link," in a001.summary()
    assert "at least 3 internal links," in a001.summary({"min_count": 3})
    assert REGISTRY["O004"].summary() == "The rewrite is 1.2 to 4 times as long as its source."


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_options_section_is_generated_from_the_options(check):
    doc = check.documentation()
    assert doc.startswith(check.summary() + "\n\n")
    options = doc.split("\nOptions (set under ", 1)[1]
    if not check.options:
        assert options.rstrip().endswith("None.")
    for option in check.options:
        row = next(line for line in options.splitlines() if line.split()[:1] == [option.name])
        assert option.toml(option.default) in row and option.help in row and option.allowed() in row


def test_explain_says_the_default_once():
    out = CliRunner().invoke(main, ["explain", "O002"]).output
    assert "at least 90 % of the source's facts" in out
    assert "80" not in out
    assert re.search(r"min_kept +0\.9 +share 0 to 1 +lowest share of source facts kept", out)


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_explain_prints_the_doc_and_the_options(check):
    result = CliRunner().invoke(main, ["explain", check.name])
    assert result.exit_code == 0
    assert result.output.startswith(f"{check.id} {check.name} ({check.family}")
    assert result.output.endswith(check.documentation())
    assert CliRunner().invoke(main, ["explain", check.id.lower()]).output == result.output


def test_explain_with_a_ruleset_shows_its_values():
    out = CliRunner().invoke(main, ["explain", "sentence-length", "-r", "pillar"]).output
    assert "In rule set pillar: on, severity error, weight 2" in out
    assert "Sentences: at most 20 % over 20 words, each over 30 is listed." in out
    assert re.search(r"max_ratio +0\.25 +0\.2 +share 0 to 1", out)


def test_explain_score_is_the_report_docstring():
    from seo_audit import report

    out = CliRunner().invoke(main, ["explain", "score"]).output
    assert out == docs.score_explanation()
    assert out.startswith("Score: ") and "\n\nVerdict: " in out
    assert " ".join(out.split()) in " ".join(report.__doc__.split())
    said = re.search(r"a pass earns (\S+), a warn (\S+) and a fail (\S+);", " ".join(out.split()))
    assert said and [float(x) for x in said.groups()] == [
        CREDIT[s] for s in ("pass", "warn", "fail")
    ]


def test_rules_render_the_active_ruleset():
    default = CliRunner().invoke(main, ["rules"]).output
    pillar = CliRunner().invoke(main, ["rules", "-r", "pillar"]).output
    assert "The article has at least 700 words." in default
    assert "The article has at least 900 words." in pillar
    assert "at least 3 H2 subheadings." in pillar
    news = CliRunner().invoke(main, ["rules", "-r", "news"]).output
    assert "The focus keyphrase makes up 0.5 % to 3.5 % of the words." in news


def test_config_says_the_defaults_it_departs_from():
    out = CliRunner().invoke(main, ["config", "-r", "news"]).output
    assert "min_words = 300  # default 700" in out
    assert "enabled = false  # default true" in out
    assert "min_count = 1\n" in out  # as the default: no comment


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_sarif_rule_is_generated(check):
    rule = _rule(check)
    assert rule["shortDescription"]["text"] == check.summary()
    assert rule["help"]["text"] == check.documentation()
    assert rule["fullDescription"]["text"] in " ".join(check.documentation().split())


def test_default_ruleset_is_the_checks_defaults():
    default = load_ruleset("default")
    assert default.checks == base_ruleset().checks
    for cid, cfg in default.checks.items():
        check = REGISTRY[cid]
        assert (cfg.enabled, cfg.severity, cfg.weight) == (
            check.enabled,
            check.severity,
            check.weight,
        )
        assert cfg.options == check.default_options()
    # The file holds what differs from the checks' defaults: today, nothing.
    text = (rules_dir() / "default.toml").read_text(encoding="utf-8")
    assert "checks" not in tomllib.loads(text)


@pytest.mark.parametrize("name", ["news", "pillar"])
def test_other_rulesets_differ_from_the_defaults_where_their_file_says(name):
    text = (rules_dir() / f"{name}.toml").read_text(encoding="utf-8")
    tables = tomllib.loads(text)["checks"]
    assert all(REGISTRY.get(key) or find_check(key) for key in tables)
    rules, base = load_ruleset(name), base_ruleset()
    for cid, cfg in rules.checks.items():
        default = base.checks[cid]
        table = tables.get(REGISTRY[cid].name, {})
        options = {k: v for k, v in table.items() if k not in ("enabled", "severity", "weight")}
        assert cfg == CheckConfig(
            table.get("enabled", default.enabled),
            table.get("severity", default.severity),
            float(table.get("weight", default.weight)),
            {**default.options, **options},
        ), cid


def test_readme_table_is_up_to_date():
    # The repository's README (the package may be installed elsewhere, as in CI).
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    assert docs.with_table(readme) == readme, "run python -m seo_audit.docs"
    table = readme.split(docs.START)[1].split(docs.END)[0]
    for check in CHECKS:
        assert f"| {check.id} | `{check.name}` | {check.family} |" in table


def test_docs_script_rewrites_a_stale_table(tmp_path):
    stale = tmp_path / "README.md"
    stale.write_text(f"# Titre\n\n{docs.START}\n| old |\n{docs.END}\n\nSuite.\n", encoding="utf-8")
    assert docs.main([str(stale), "--check"]) == 1
    assert docs.main([str(stale)]) == 0
    text = stale.read_text(encoding="utf-8")
    assert "| old |" not in text and text.endswith(f"{docs.END}\n\nSuite.\n")
    assert docs.check_table() in text
    assert docs.main([str(stale), "--check"]) == 0
    (tmp_path / "bare.md").write_text("# Sans marqueurs\n", encoding="utf-8")
    assert docs.main([str(tmp_path / "bare.md")]) == 2
    assert docs.main([str(tmp_path / "absent.md")]) == 2


@pytest.mark.parametrize(
    "check, example",
    EXAMPLES,
    ids=[f"{c.id}-{e.status}" for c, e in EXAMPLES],
)
def test_docstring_example_gives_the_status_it_claims(nlp, tmp_path, check, example):
    if example.description is not None:
        cases = _read(CASES / f"{check.id}-{check.name}.yaml")
        assert example.status in {case.status for case in cases}, f"{check.id}: no case covers it"
        return
    source = None
    if example.source is not None:
        source = tmp_path / "source.md"
        source.write_text(example.source, encoding="utf-8")
        source = str(source)
    result = audit_case(check.id, example.draft, source=source)
    assert result.status == example.status, f"{check.id}: {result.status}: {result.message}"


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_every_check_has_a_failing_and_a_passing_example(check):
    assert [e.status for e in check.examples()] == ["fail", "pass"]
