"""Rule sets: loading, extending, validation errors, pyproject configuration."""

import pytest

from seo_audit.checks import REGISTRY
from seo_audit.errors import RulesetError
from seo_audit.ruleset import builtin_rulesets, load_ruleset, ruleset_for_file


def test_default_ruleset_holds_the_mission(tmp_path):
    rules = load_ruleset("default", cwd=tmp_path)
    assert rules.name == "default"
    assert rules.checks["L001"].options["min_words"] == 700
    assert rules.checks["K001"].options == {"min_density": 0.5, "max_density": 3.0}
    assert rules.checks["R001"].options["max_ratio"] == 0.25
    assert rules.checks["R002"].options["min_score"] == 50.0
    assert all(rules.checks[cid].enabled for cid in ("L001", "H001", "H002", "K001", "F001"))


def test_every_check_is_in_the_default_ruleset():
    # default.toml holds only what differs from the checks' defaults (test_check_docs.py).
    assert set(load_ruleset("default").checks) == set(REGISTRY)


def test_no_ruleset_and_no_pyproject_means_default(tmp_path):
    assert load_ruleset(None, cwd=tmp_path).name == "default"
    assert "default" in builtin_rulesets()


def test_ruleset_file_extends_default(tmp_path):
    path = tmp_path / "strict.toml"
    path.write_text(
        '[ruleset]\nname = "strict"\nextends = "default"\n\n'
        "[checks.word-count]\nmin_words = 1200\nweight = 5\n\n"
        '[checks.R002]\nseverity = "warning"\n\n[checks.heading-order]\nenabled = false\n',
        encoding="utf-8",
    )
    rules = load_ruleset(str(path))
    assert rules.name == "strict"
    assert rules.checks["L001"].options["min_words"] == 1200
    assert rules.checks["L001"].weight == 5
    assert rules.checks["R002"].severity == "warning"
    assert not rules.checks["H003"].enabled
    assert rules.checks["K001"].options["max_density"] == 3.0  # inherited


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("[checks.no-such-check]\nenabled = true\n", "unknown check 'no-such-check'"),
        ('[checks.word-count]\nmin_words = "beaucoup"\n', "must be a whole number"),
        ("[checks.word-count]\nmin_words = 0\n", "must be >= 1"),
        ("[checks.word-count]\nmax_words = 10\n", "unknown option"),
        (
            "[checks.keyword-density]\nmin_density = 4.0\n",
            "min_density (4.0) must not be above max_density",
        ),
        ('[checks.word-count]\nseverity = "fatal"\n', "must be one of error, warning, info"),
        ("[checks.word-count]\nweight = -1\n", "must be a number >= 0"),
        ('[checks.word-count]\nenabled = "yes"\n', "must be true or false"),
        ("[checks]\nword-count = 3\n", "must be a table or true/false"),
        ("[rules]\nx = 1\n", "unknown top-level key"),
        ("[checks.word-count\n", "invalid TOML"),
        ('[ruleset]\nextends = "nothing-like-this"\n', "no such rule set"),
    ],
)
def test_invalid_rulesets(tmp_path, body, problem):
    path = tmp_path / "bad.toml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(RulesetError) as info:
        load_ruleset(str(path))
    assert problem in str(info.value)
    assert "bad.toml" in str(info.value)


def test_extends_loop(tmp_path):
    (tmp_path / "a.toml").write_text('[ruleset]\nextends = "b.toml"\n', encoding="utf-8")
    (tmp_path / "b.toml").write_text('[ruleset]\nextends = "a.toml"\n', encoding="utf-8")
    with pytest.raises(RulesetError, match="loop"):
        load_ruleset(str(tmp_path / "a.toml"))


def test_missing_ruleset_file():
    with pytest.raises(RulesetError, match="not found"):
        load_ruleset("nowhere/rules.toml")


def test_pyproject_configuration_found_upward(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "blog"\n\n[tool.seo-audit]\nruleset = "default"\n\n'
        "[tool.seo-audit.checks.word-count]\nmin_words = 900\n",
        encoding="utf-8",
    )
    nested = tmp_path / "content" / "posts"
    nested.mkdir(parents=True)
    rules = load_ruleset(None, cwd=nested)
    assert rules.checks["L001"].options["min_words"] == 900
    assert any("pyproject.toml" in s for s in rules.sources)


def test_pyproject_with_bad_check(tmp_path):
    (tmp_path / "pyproject.toml").write_text(
        "[tool.seo-audit.checks.wordcount]\nmin_words = 900\n", encoding="utf-8"
    )
    with pytest.raises(RulesetError, match="unknown check 'wordcount'"):
        load_ruleset(None, cwd=tmp_path)


def test_overrides_by_glob(tmp_path):
    path = tmp_path / "site.toml"
    path.write_text(
        '[ruleset]\nextends = "default"\n\n[[overrides]]\nfiles = ["news/*.md"]\n'
        "[overrides.checks.word-count]\nmin_words = 300\n",
        encoding="utf-8",
    )
    rules = load_ruleset(str(path))
    assert ruleset_for_file(rules, "news/breve.md").checks["L001"].options["min_words"] == 300
    assert ruleset_for_file(rules, "guides/long.md").checks["L001"].options["min_words"] == 700
