"""A batch of 200 drafts, some failing and one unreadable, in every format; CI gates."""

import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from drafts import BRIEF

from seo_audit.cli import main
from seo_audit.engine import AuditOptions
from seo_audit.formats import FORMAT_NAMES, RenderOptions, renderers
from seo_audit.parallel import audit_parallel
from seo_audit.report import exit_code
from seo_audit.ruleset import load_ruleset

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    folder = tmp_path_factory.mktemp("batch")
    paths = []
    for n in range(200):
        path = folder / f"draft-{n:03d}.md"
        if n == 137:
            path.write_bytes("Le café coûte trois euros.".encode("latin-1"))
        elif n % 20 == 0:
            shutil.copy(SAMPLES / "article-conforme.md", path)
        else:
            path.write_text(BRIEF.format(n=n), encoding="utf-8")
        paths.append(str(path))
    return folder, paths


@pytest.fixture(scope="module")
def reports(batch, nlp):
    _, paths = batch
    return list(audit_parallel(paths, AuditOptions(ruleset=load_ruleset("default")), jobs=1))


def test_batch_reports(batch, reports):
    _, paths = batch
    assert [r.path for r in reports] == paths  # input order
    broken = [r for r in reports if r.error is not None]
    assert [r.path for r in broken] == [paths[137]]
    assert "not valid UTF-8" in broken[0].error
    assert sum(r.passed for r in reports) == 10
    assert all(r.checks for r in reports if r.error is None)
    assert exit_code(reports) == 2
    assert exit_code([r for r in reports if r.error is None]) == 1


def test_every_format_is_accepted_by_its_consumer(reports):
    schema = json.loads((HERE / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    out = {name: renderers()[name](reports, RenderOptions()) for name in FORMAT_NAMES}
    jsonschema.validate(json.loads(out["sarif"]), schema)
    root = ET.fromstring(out["junit"].encode("utf-8"))
    assert len(root.findall("testsuite")) == 200
    assert root.get("errors") == "1"
    for line in out["github"].splitlines():
        assert re.match(
            r"^::(error|warning|notice) file=[^,]+,line=\d+(,col=\d+,endLine=\d+(,endColumn=\d+)?)?"
            r",title=[^,:]+::\S",
            line,
        )
    data = json.loads(out["json"])
    assert data["summary"] == {"files": 200, "passed": 10, "failed": 189, "errors": 1}
    lines = out["jsonl"].splitlines()
    assert len(lines) == 200 and all(json.loads(line)["path"] for line in lines)
    assert json.loads(out["gitlab"])
    assert "draft-137.md" in out["concise"] and "E000" in out["concise"]
    assert out["markdown"].count("\n| ") == 201  # header + one row per file
    assert "200 file(s) checked: 10 passed, 189 failed, 1 could not be checked." in out["text"]


def test_cli_parallel_batch_same_result(batch, reports):
    folder, _ = batch
    result = CliRunner().invoke(main, ["check", str(folder), "-j", "2", "--format", "json"])
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [f["path"] for f in data["files"]] == [r.path for r in reports]
    assert [f["score"] for f in data["files"]] == [
        r.score if r.error is None else None for r in reports
    ]
    assert "draft-137.md: not valid UTF-8" in result.stderr


def test_gates(batch, nlp, tmp_path):
    _, paths = batch
    good, brief = paths[0], paths[1]
    runner = CliRunner()
    assert runner.invoke(main, ["check", brief, "-j", "1"]).exit_code == 1
    assert runner.invoke(main, ["check", brief, "-j", "1", "--exit-zero"]).exit_code == 0
    assert runner.invoke(main, ["check", good, "-j", "1", "--fail-under", "100"]).exit_code == 0
    warn_only = tmp_path / "warn.md"
    warn_only.write_text(
        Path(good).read_text(encoding="utf-8").replace("](/guides", "](https://ailleurs.fr"),
        encoding="utf-8",
    )
    assert runner.invoke(main, ["check", str(warn_only), "-j", "1"]).exit_code == 0
    strict = runner.invoke(main, ["check", str(warn_only), "-j", "1", "--fail-on", "warning"])
    assert strict.exit_code == 1
    under = runner.invoke(main, ["check", str(warn_only), "-j", "1", "--fail-under", "99"])
    assert under.exit_code == 1
    bad = paths[137]
    assert runner.invoke(main, ["check", bad, "--exit-zero"]).exit_code == 2


def test_github_auto_format_and_step_summary(batch, nlp, tmp_path, monkeypatch):
    _, paths = batch
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = CliRunner().invoke(main, ["check", paths[1], "-j", "1"])
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=")
    assert "| File | Verdict |" in summary.read_text(encoding="utf-8")


def test_output_file_and_files_from(batch, nlp, tmp_path):
    _, paths = batch
    listing = tmp_path / "list.txt"
    listing.write_text("# drafts\n" + "\n".join(paths[:3]) + "\n", encoding="utf-8")
    out = tmp_path / "report.xml"
    result = CliRunner().invoke(
        main, ["check", "--files-from", str(listing), "-j", "1", "-f", "junit", "-o", str(out)]
    )
    assert result.exit_code == 1
    assert result.stdout == ""
    root = ET.fromstring(out.read_bytes())
    assert len(root.findall("testsuite")) == 3
    assert not [p for p in os.listdir(tmp_path) if p.endswith(".tmp")]
