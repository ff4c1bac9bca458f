"""The partition entry point, reports back from JSON, shards, path lists and merging.

The Dask cluster, the shard runs end to end and Spark are in test_scale_out.py.
"""

import json
import shutil
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_audit.checks.base import FAIL, PASS, CheckResult
from seo_audit.cli import main
from seo_audit.engine import PIPE_BATCH, AuditOptions, Draft, audit_drafts
from seo_audit.errors import InputError
from seo_audit.formats import FORMAT_NAMES, RenderOptions, renderers
from seo_audit.merge import MergeError, merge_results
from seo_audit.partition import audit_partition
from seo_audit.report import Report
from seo_audit.ruleset import load_ruleset
from seo_audit.shard import Shard, parse_shard, read_path_list, shard_of

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"
TEXT = (
    "# Le vélo électrique en ville\n\n"
    "Le vélo électrique change les trajets quotidiens. Le tramway reste une option pour "
    "les longues distances. Ainsi, chacun choisit selon son trajet.\n"
)


@pytest.fixture(scope="module")
def options():
    return AuditOptions(ruleset=load_ruleset("default"))


def test_audit_partition_takes_paths_drafts_and_records(nlp, options, tmp_path):
    binary = tmp_path / "binaire.md"
    binary.write_bytes(b"\x00\x01")
    items = [
        str(SAMPLES / "article-conforme.md"),
        SAMPLES / "echec-trop-court.md",  # a Path
        Draft(str(SAMPLES / "article-conforme.html")),
        {"path": "a.md", "text": TEXT, "keyword": "vélo électrique", "id": 7, "tags": ["x"]},
        {"path": "b.md", "text": TEXT, "keyword": "tramway", "index": 4},
        {"text": TEXT, "format": "text"},  # no path: named <text>
        {"path": str(tmp_path / "absent.md"), "site": "lyon"},
        {"path": str(binary)},
        42,
        {"text": TEXT},  # a missing path is fine with a text...
        {"keyword": "vélo"},  # ...but not without
        {"path": "c.md", "text": TEXT, "score": 99},  # a report key is no metadata
        {"path": "d.md", "text": TEXT, "format": "docx"},
        {"path": "e.md", "text": b"bytes"},
    ]
    results = list(audit_partition(items, options))
    assert len(results) == len(items)
    json.dumps(results)  # JSON-ready: nothing spaCy made, no object
    # A path gives exactly its report's JSON Lines object.
    local = list(audit_drafts([str(SAMPLES / "article-conforme.md")], options))[0]
    assert results[0] == {"schema_version": 1, **local.to_dict()}
    assert [r["path"] for r in results[:3]] == [str(i) for i in items[:2]] + [items[2].path]
    a, b, text = results[3:6]
    assert (a["keyword"], a["keyword_source"], a["id"], a["tags"]) == (
        "vélo électrique",
        "option",
        7,
        ["x"],
    )
    assert (b["keyword"], b["index"]) == ("tramway", 4)
    assert a["metrics"]["keyword_count"] == 2 and b["metrics"]["keyword_count"] == 1
    assert a["metrics"]["words"] == b["metrics"]["words"]
    assert (text["path"], text["input_format"], text["error"]) == ("<text>", "text", None)
    absent, binary_result, number = results[6:9]
    assert absent["error"] == "file not found" and absent["site"] == "lyon"
    assert absent["passed"] is False and absent["score"] is None
    assert "binary file" in binary_result["error"]
    assert (number["path"], number["error"]) == (
        "<record>",
        "not a path, Draft or record (mapping): int",
    )
    assert results[9]["error"] is None
    assert results[10]["error"] == "record has no `path`"
    assert "score" in results[11]["error"] and results[11]["path"] == "c.md"
    assert "'docx' is none of markdown, html, text" in results[12]["error"]
    assert results[13]["error"] == "record `text` is not a string"


def test_a_drafts_own_keyword_comes_before_the_options(nlp):
    options = AuditOptions(ruleset=load_ruleset("default"), keyword="tramway")
    own, default = audit_drafts(
        [Draft("a.md", TEXT, keyword="vélo électrique"), Draft("b.md", TEXT)], options
    )
    assert own.keyword == "vélo électrique" and default.keyword == "tramway"


def test_audit_partition_is_lazy(nlp, options):
    consumed = []

    def items():
        for n in range(100):
            consumed.append(n)
            yield {"path": f"{n}.md", "text": TEXT}

    results = audit_partition(items(), options)
    assert next(results)["path"] == "0.md"
    assert len(consumed) <= PIPE_BATCH + 1  # one batch read, not the whole partition


@pytest.fixture(scope="module")
def reports(nlp, options):
    paths = sorted(str(p) for p in SAMPLES.glob("*.*") if p.name != "README.md")
    paths += [str(SAMPLES / "rewrites" / "fidele.md"), "absent.md"]
    found = list(audit_drafts(paths, options))
    assert any(r.error for r in found) and any(r.passed for r in found)
    assert any(not r.passed and r.error is None for r in found)
    return found


@pytest.mark.parametrize("fail_on, fail_under", [("error", None), ("warning", 80)])
def test_every_format_renders_the_same_from_a_round_trip(reports, fail_on, fail_under):
    judged = [Report.from_dict(r.to_dict(), fail_on, fail_under) for r in reports]
    for report in judged:
        report.draft = None
    back = [
        Report.from_dict(json.loads(json.dumps(r.to_dict())), fail_on, fail_under) for r in judged
    ]
    assert [r.to_dict() for r in back] == [r.to_dict() for r in judged]
    for name, render in renderers().items():
        for how in (RenderOptions(), RenderOptions(verbose=True, color=True)):
            assert render(back, how) == render(judged, how), name
    assert set(renderers()) == set(FORMAT_NAMES)


def test_from_dict_refuses_another_schema(reports):
    with pytest.raises(ValueError, match="schema_version 2"):
        Report.from_dict({**reports[0].to_dict(), "schema_version": 2})


# --- Shards ----------------------------------------------------------------------------------


def test_shard_of_is_stable_and_splits_evenly():
    # Pinned: the same path is in the same shard on every machine, process and version.
    assert [shard_of(p, 3) for p in ("a.md", "articles/2024/vélo.md", "b.html")] == [1, 2, 1]
    paths = [f"archive/{n:05d}.md" for n in range(3000)]
    shards = [[p for p in paths if Shard(i, 3).holds(p)] for i in (1, 2, 3)]
    assert sorted(sum(shards, [])) == paths  # each path in exactly one shard
    assert all(900 < len(s) < 1100 for s in shards)
    # Independent of order and of the other paths.
    assert [p for p in reversed(paths[:50]) if Shard(2, 3).holds(p)] == [
        p for p in reversed(shards[1]) if p in paths[:50]
    ]
    assert all(shard_of(p, 1) == 1 for p in paths[:10])


@pytest.mark.parametrize(
    "text, problem",
    [
        ("3", "give the shard as I/N"),
        ("0/3", "between 1 and 3"),
        ("4/3", "between 1 and 3"),
        ("1/0", "between 1 and 1"),
        ("a/b", "I/N"),
    ],
)
def test_parse_shard(text, problem):
    assert parse_shard(" 2 / 3 ") == Shard(2, 3)
    with pytest.raises(ValueError, match=problem):
        parse_shard(text)


def test_path_list_is_read_a_line_at_a_time(tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_bytes(b"\xef\xbb\xbfa.md\n\n# comment\n  b.md  \r\nc.md\n\xff\xfe.md\nd.md\n")
    lines = read_path_list(str(listing))
    assert [next(lines), next(lines), next(lines)] == ["a.md", "b.md", "c.md"]
    with pytest.raises(InputError, match=r"not valid UTF-8 \(line 6"):
        next(lines)
    listing.write_bytes(b"a.md\n" + b"x" * 70_000 + b"\n")
    lines = read_path_list(str(listing))
    assert next(lines) == "a.md"
    with pytest.raises(InputError, match="line 2 is longer than 65,536 bytes"):
        next(lines)


def test_shard_filters_the_list_while_reading(tmp_path, monkeypatch):
    listing = tmp_path / "list.txt"
    names = [f"missing-{n}.md" for n in range(300)]
    listing.write_text("\n".join(names) + "\n", encoding="utf-8")
    kept = [n for n in names if shard_of(n, 10) == 4]
    result = CliRunner().invoke(
        main, ["check", "--files-from", str(listing), "--shard", "4/10", "-f", "jsonl"]
    )
    assert result.exit_code == 2  # missing files are input errors...
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["path"] for line in lines] == kept  # ...reported for this shard only


def test_an_empty_shard_is_an_empty_run(tmp_path):
    shutil.copy(SAMPLES / "article-conforme.md", tmp_path / "a.md")
    other = 1 if shard_of(str(tmp_path / "a.md"), 2) == 2 else 2
    result = CliRunner().invoke(
        main, ["check", str(tmp_path), "--shard", f"{other}/2", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["summary"]["files"] == 0


@pytest.mark.parametrize(
    "args, message",
    [
        (["x.md", "--shard", "5/4"], "--shard 5/4: the shard number must be between 1 and 4"),
        (["x.md", "--scheduler", "localhost"], "--scheduler localhost: give a scheduler address"),
        (["x.md", "--scheduler", "local:2", "-j", "2"], "--jobs and --scheduler: give one"),
    ],
)
def test_shard_and_scheduler_usage_errors(args, message):
    result = CliRunner().invoke(main, ["check", *args])
    assert result.exit_code == 2
    assert message in result.stderr


def test_scheduler_without_dask_says_what_to_install(tmp_path, monkeypatch):
    shutil.copy(SAMPLES / "article-conforme.md", tmp_path / "a.md")
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    monkeypatch.delitem(sys.modules, "seo_audit.dask_backend", raising=False)
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--scheduler", "local:2"])
    assert result.exit_code == 2
    assert "--scheduler needs Dask: pip install 'seo-audit[dask]'" in result.stderr


def test_the_cli_imports_no_dask_without_scheduler(tmp_path):
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from seo_audit.cli import main\n"
        f"r = CliRunner().invoke(main, ['check', {str(tmp_path / 'x.md')!r}, '-f', 'json'])\n"
        "assert r.exit_code == 2, r.output\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('dask', 'distributed')))\n"
    )
    import subprocess

    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


# --- Merge -----------------------------------------------------------------------------------


def _result(path, passed, severity="error", **extra):
    status = PASS if passed else FAIL
    check = CheckResult("L001", "word-count", "length", status, severity, 2.0, 10, ">= 300", "m")
    return {"schema_version": 1, **Report(path=path, checks=[check]).to_dict(), **extra}


def _jsonl(path, results):
    path.write_text("".join(json.dumps(r) + "\n" for r in results), encoding="utf-8")
    return str(path)


def test_merge_orders_by_index_else_by_path(tmp_path):
    one = _jsonl(
        tmp_path / "1.jsonl", [_result("z.md", True, index=0), _result("b.md", False, index=2)]
    )
    two = _jsonl(tmp_path / "2.jsonl", [_result("a.md", True, index=1)])
    assert [r.path for r in merge_results([two, one])] == ["z.md", "a.md", "b.md"]
    three = _jsonl(tmp_path / "3.jsonl", [_result("c.md", True)])  # no index: by path
    assert [r.path for r in merge_results([one, three, two])] == ["a.md", "b.md", "c.md", "z.md"]
    assert [r.passed for r in merge_results([one])] == [True, False]


def test_merge_refuses_what_it_cannot_merge(tmp_path):
    good = _jsonl(tmp_path / "good.jsonl", [_result("a.md", True)])
    with pytest.raises(MergeError, match=r"a\.md appears twice .*was a shard given twice"):
        merge_results([good, good])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"path": "a.md"}\n{oops\n', encoding="utf-8")
    with pytest.raises(MergeError, match=r"bad\.jsonl:2: not JSON"):
        merge_results([str(bad)])
    bad.write_text('["a.md"]\n', encoding="utf-8")
    with pytest.raises(MergeError, match=r"bad\.jsonl:1: not a result"):
        merge_results([str(bad)])
    with pytest.raises(MergeError, match="cannot read the results"):
        merge_results([str(tmp_path / "absent.jsonl")])
    # Judged with --fail-on warning: its failing warning failed it; merged without, it passes.
    gated = {**_result("g.md", False, severity="warning"), "passed": False}
    gated_file = _jsonl(tmp_path / "gated.jsonl", [gated])
    with pytest.raises(MergeError, match="give merge the --fail-on and --fail-under"):
        merge_results([gated_file])
    assert merge_results([gated_file], fail_on="warning")[0].passed is False


def test_merge_command_exit_codes(tmp_path):
    passing = _jsonl(tmp_path / "p.jsonl", [_result("a.md", True)])
    failing = _jsonl(tmp_path / "f.jsonl", [_result("b.md", False)])
    broken = {"schema_version": 1, **Report(path="c.md", error="file not found").to_dict()}
    errors = _jsonl(tmp_path / "e.jsonl", [broken])
    runner = CliRunner()
    assert runner.invoke(main, ["merge", passing, "-f", "json"]).exit_code == 0
    assert runner.invoke(main, ["merge", passing, failing, "-f", "jsonl"]).exit_code == 1
    assert runner.invoke(main, ["merge", failing, "--exit-zero", "-f", "text"]).exit_code == 0
    result = runner.invoke(main, ["merge", failing, errors, "-f", "sarif"])
    assert result.exit_code == 2
    assert "c.md: file not found" in result.stderr
    assert runner.invoke(main, ["merge", str(tmp_path / "nope")]).exit_code == 2
