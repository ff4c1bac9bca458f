"""The command line: exit codes 0/1/2, one clear line per bad input, the JSON shape."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_audit.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GOOD = str(SAMPLES / "article-conforme.md")
SHORT = str(SAMPLES / "echec-trop-court.md")


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def run(runner, *args, stdin=None):
    return runner.invoke(main, list(args), input=stdin, catch_exceptions=False)


def test_compliant_sample_passes(runner, nlp):
    result = run(runner, "check", GOOD)
    assert result.exit_code == 0, result.output
    assert "PASS" in result.output
    assert "1 passed, 0 failed" in result.output


def test_failing_sample_exits_1(runner, nlp):
    result = run(runner, "check", SHORT)
    assert result.exit_code == 1
    assert "L001 word-count" in result.output
    assert "FAIL" in result.output


def test_json_shape(runner, nlp):
    result = run(runner, "check", GOOD, SHORT, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["schema_version"] == 1
    assert data["tool"]["name"] == "seo-audit"
    assert data["summary"] == {"files": 2, "passed": 1, "failed": 1, "errors": 0}
    first = data["files"][0]
    assert set(first) >= {"path", "passed", "score", "keyword", "error", "metrics", "checks"}
    assert set(first["metrics"]) >= {
        "words",
        "sentences",
        "paragraphs",
        "h1",
        "h2",
        "h3",
        "keyword_count",
        "keyword_density",
        "long_sentence_ratio",
        "avg_sentence_words",
        "reading_ease",
        "language",
    }
    assert first["metrics"]["language"] == "fr"
    assert 0 <= first["score"] <= 100
    for check in first["checks"]:
        assert set(check) >= {
            "id",
            "name",
            "status",
            "severity",
            "value",
            "expected",
            "message",
            "lines",
        }
        assert check["status"] in ("pass", "warn", "fail", "skip")


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (None, "file not found"),
        (b"", "file is empty"),
        (b"\x00\x01\x02binary\x00", "binary file"),
        ("Un café très noir.".encode("latin-1"), "not valid UTF-8"),
        (b"---\ntitle: [oops\n---\nTexte.\n", "broken YAML front matter"),
    ],
)
def test_bad_input_one_line_exit_2(runner, tmp_path, content, problem):
    path = tmp_path / "draft.md"
    if content is not None:
        path.write_bytes(content)
    result = run(runner, "check", str(path))
    assert result.exit_code == 2
    assert problem in result.output
    assert str(path) in result.output
    assert "Traceback" not in result.output


def test_batch_goes_on_after_a_bad_file(runner, tmp_path, nlp):
    missing = str(tmp_path / "absent.md")
    result = run(runner, "check", missing, GOOD, "--format", "json")
    assert result.exit_code == 2  # an input error outranks a passing draft
    data = json.loads(result.stdout)
    assert data["files"][0]["error"] == "file not found"
    assert data["files"][1]["error"] is None and data["files"][1]["passed"]
    assert data["summary"]["errors"] == 1
    assert "absent.md: file not found" in result.stderr


def test_invalid_ruleset_exit_2(runner, tmp_path):
    bad = tmp_path / "rules.toml"
    bad.write_text("[checks.no-such]\nenabled = true\n", encoding="utf-8")
    result = run(runner, "check", GOOD, "--ruleset", str(bad))
    assert result.exit_code == 2
    assert "unknown check 'no-such'" in result.output
    assert "rules.toml" in result.output


def test_unknown_selection_exit_2(runner):
    result = run(runner, "check", GOOD, "--select", "Z999")
    assert result.exit_code == 2
    assert "--select Z999" in result.output


def test_stdin(runner, nlp):
    text = Path(SHORT).read_text(encoding="utf-8")
    result = run(runner, "check", "-", "--format", "json", stdin=text)
    assert result.exit_code == 1
    assert json.loads(result.stdout)["files"][0]["path"] == "-"


def test_keyword_option_overrides_front_matter(runner, nlp):
    result = run(runner, "check", GOOD, "-k", "fusée spatiale", "--format", "json")
    data = json.loads(result.stdout)
    assert data["files"][0]["keyword"] == "fusée spatiale"
    density = next(c for c in data["files"][0]["checks"] if c["id"] == "K001")
    assert density["status"] == "fail"


def test_rules_and_explain(runner):
    listing = run(runner, "rules")
    assert listing.exit_code == 0
    assert "L001" in listing.output and "word-count" in listing.output
    doc = run(runner, "explain", "keyword-density")
    assert doc.exit_code == 0
    assert "What it checks" in doc.output and "Failing example" in doc.output
    unknown = run(runner, "explain", "X404")
    assert unknown.exit_code == 2
    assert "unknown check 'X404'" in unknown.output


def test_metrics_command(runner, nlp):
    result = run(runner, "metrics", GOOD, "--format", "json")
    assert result.exit_code == 0
    values = json.loads(result.stdout)
    assert values["words"] >= 700 and values["language"] == "fr"


def test_python_dash_m_and_no_traceback(tmp_path):
    empty = tmp_path / "vide.md"
    empty.write_text("", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "seo_audit", "check", str(empty)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") + proc.stdout.count("\n") <= 3
    assert "Traceback" not in proc.stderr
    assert f"{empty}: ERROR file is empty" in proc.stdout


def test_directory_walk_is_sorted_and_leaves_out_readme(tmp_path):
    from seo_audit.paths import collect_paths

    (tmp_path / "b").mkdir()
    for name in ("b/z.md", "a.html", "README.md", "b/notes.txt", "image.png", ".cache/x.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    found = [p[len(str(tmp_path)) + 1 :] for p in collect_paths([str(tmp_path)])]
    assert found == ["a.html", "b/notes.txt", "b/z.md"]
    explicit = collect_paths([str(tmp_path / "README.md")])
    assert explicit == [str(tmp_path / "README.md")]
    assert collect_paths([str(tmp_path)], exclude=("*.txt",))[-1].endswith("z.md")


def test_select_and_ignore(runner, nlp):
    only = run(runner, "check", SHORT, "-j", "1", "--select", "keyword", "--format", "json")
    ids = {c["id"] for c in json.loads(only.stdout)["files"][0]["checks"]}
    assert ids and all(i.startswith("K") for i in ids)
    assert only.exit_code == 0  # the failing word count is not selected
    without = run(runner, "check", SHORT, "-j", "1", "--ignore", "L001,word-count", "-f", "json")
    ids = {c["id"] for c in json.loads(without.stdout)["files"][0]["checks"]}
    assert "L001" not in ids and "K001" in ids


def test_config_shows_layers(runner, tmp_path):
    rules = tmp_path / "maison.toml"
    rules.write_text(
        '[ruleset]\nextends = "pillar"\n[checks.word-count]\nmin_words = 1500\n', encoding="utf-8"
    )
    result = run(runner, "config", "--ruleset", str(rules))
    assert result.exit_code == 0
    assert "pillar.toml" in result.output and "maison.toml" in result.output
    assert "min_words = 1500" in result.output
    assert run(runner, "rules", "--ruleset", "news").output.count(" off ") >= 2


def test_select_runs_a_check_the_ruleset_turns_off(runner, nlp):
    result = run(runner, "check", GOOD, "-j", "1", "--select", "F002", "-f", "json")
    checks = json.loads(result.stdout)["files"][0]["checks"]
    assert [c["id"] for c in checks] == ["F002"]


def test_init_writes_a_starter_ruleset_and_workflow(tmp_path):
    import yaml

    from seo_audit.ruleset import load_ruleset

    result = CliRunner().invoke(
        main, ["init", str(tmp_path), "--install", "seo-audit @ git+https://example.org/s@abc"]
    )
    assert result.exit_code == 0, result.output
    rules = load_ruleset(str(tmp_path / "seo-audit.toml"))
    assert rules.checks == load_ruleset("default").checks  # every option commented out
    workflow = yaml.safe_load((tmp_path / ".github/workflows/seo-audit.yml").read_text())
    steps = workflow["jobs"]["seo-audit"]["steps"]
    assert steps[2]["env"]["SEO_AUDIT_INSTALL"] == "seo-audit @ git+https://example.org/s@abc"
    assert "seo-audit check --ruleset seo-audit.toml -- content/" in steps[3]["run"]
    again = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert again.exit_code == 2 and "already exist" in again.output
    gitlab = CliRunner().invoke(main, ["init", str(tmp_path), "--ci", "gitlab", "--force"])
    assert gitlab.exit_code == 0 and "placeholder" in gitlab.output
    job = yaml.safe_load((tmp_path / "seo-audit.gitlab-ci.yml").read_text())["seo-audit"]
    assert "--format gitlab" in job["script"][1]


def test_directory_walks_leave_out_project_files_and_configured_globs(tmp_path, monkeypatch):
    good = Path(__file__).resolve().parent.parent / "samples" / "article-conforme.md"
    for name in ("article.md", "README.md", "CODE_OF_CONDUCT.md", "old/vieux.md"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / ".github").mkdir()
    (tmp_path / ".github" / "PULL_REQUEST_TEMPLATE.md").write_text("- [ ] relu\n")
    (tmp_path / "pyproject.toml").write_text('[tool.seo-audit]\nexclude = ["old/*"]\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", ".", "-f", "json"])
    assert [f["path"] for f in json.loads(result.output)["files"]] == ["article.md"]
    named = CliRunner().invoke(main, ["check", "README.md", "-f", "json"])
    assert [f["path"] for f in json.loads(named.output)["files"]] == ["README.md"]
    (tmp_path / "pyproject.toml").write_text('[tool.seo-audit]\nexclude = "old"\n')
    bad = CliRunner().invoke(main, ["check", "."])
    assert bad.exit_code == 2 and "exclude must be a list of globs" in bad.output
