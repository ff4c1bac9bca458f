"""Whole archives: a real Dask cluster (2 worker processes, the real model), a worker killed
mid-run, shard runs merged, and Spark's mapPartitions where pyspark and Java are installed.

One cluster serves the module, started as `--scheduler local:2` starts it (two processes
that each load the model, ~0.7 GiB each); the command line joins it by its address.
"""

import json
import operator
import os
import shutil
import signal
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from drafts import BRIEF

from seo_audit.cli import main
from seo_audit.engine import AuditOptions, audit_drafts
from seo_audit.formats import RenderOptions, renderers
from seo_audit.partition import audit_partition
from seo_audit.ruleset import load_ruleset

distributed = pytest.importorskip("distributed", reason="needs dask[distributed] (test extra)")
psutil = pytest.importorskip("psutil", reason="comes with distributed")

from seo_audit.dask_backend import DaskBatch, audit_on_dask  # noqa: E402

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """24 drafts: short briefs, full samples, a rewrite with its source, a binary file."""
    folder = tmp_path_factory.mktemp("archive")
    for n in range(18):
        (folder / f"breve-{n:02d}.md").write_text(BRIEF.format(n=n), encoding="utf-8")
    for name in ("article-conforme.md", "article-conforme.html", "echec-mot-cle-bourre.md"):
        shutil.copy(SAMPLES / name, folder / name)
    shutil.copy(SAMPLES / "rewrites" / "fidele.md", folder / "reecriture.md")
    shutil.copy(SAMPLES / "rewrites" / "source-crue.txt", folder / "source-crue.txt")
    (folder / "binaire.md").write_bytes(b"Le caf\x00\x01\x02")
    paths = sorted(str(p) for p in folder.iterdir())
    assert len(paths) == 24
    return folder, paths


@pytest.fixture(scope="module")
def options():
    return AuditOptions(ruleset=load_ruleset("default"))


def _children():
    """The processes this one started that are still running (but multiprocessing's
    resource tracker, which lives as long as this process)."""
    found = set()
    for process in psutil.Process().children(recursive=True):
        try:
            if process.status() == psutil.STATUS_ZOMBIE:
                continue
            if "resource_tracker" not in " ".join(process.cmdline()):
                found.add(process.pid)
        except psutil.Error:  # gone meanwhile
            pass
    return found


@pytest.fixture(scope="module")
def client():
    """A local Dask cluster of 2 single-threaded worker processes, as `--scheduler local:2`
    starts it (the model loaded by the plugin as each worker starts); closed, it leaves no
    process behind."""
    before = _children()
    with DaskBatch.connect("local:2") as dask:
        assert len(dask.client.nthreads()) == 2 and dask.cluster is not None
        assert set(dask.client.nthreads().values()) == {1}
        yield dask.client
    assert _children() <= before


def _run(args):
    result = CliRunner().invoke(main, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def _model_loads(client):
    """How many times each worker process loaded the model."""
    return client.run(
        lambda: __import__("seo_audit.nlp", fromlist=["get_nlp"]).get_nlp.cache_info().misses
    )


def test_json_report_on_a_local_cluster_is_the_jobs_1_report(batch, client, nlp, tmp_path):
    folder, _ = batch
    args = ["check", str(folder), str(tmp_path / "absent.md"), "-f", "json", "-o"]
    local = _run([*args, str(tmp_path / "local.json"), "-j", "1"])
    address = client.scheduler_info()["address"]
    dask = _run([*args, str(tmp_path / "dask.json"), "--scheduler", address])
    assert local.exit_code == dask.exit_code == 2  # a missing and a binary file
    assert (tmp_path / "dask.json").read_bytes() == (tmp_path / "local.json").read_bytes()
    report = json.loads((tmp_path / "local.json").read_text(encoding="utf-8"))
    assert report["summary"] == {"files": 25, "passed": 3, "failed": 20, "errors": 2}
    errors = {Path(f["path"]).name: f["error"] for f in report["files"] if f["error"]}
    assert errors.keys() == {"binaire.md", "absent.md"}
    assert "binary file" in errors["binaire.md"]  # read on a worker
    assert errors["absent.md"] == "file not found"  # refused from its stat by the client
    assert dask.stderr == local.stderr
    assert set(_model_loads(client).values()) == {1}  # once per worker, not per partition


def test_every_format_from_a_cluster_is_the_local_one(batch, client, options, nlp):
    folder, paths = batch
    paths = [*paths, str(folder / "absent.md")]
    local = list(audit_drafts(paths, options))
    on_dask = list(DaskBatch(client).audit(paths, options))
    assert [r.path for r in on_dask] == paths
    for name, render in renderers().items():
        for how in (RenderOptions(), RenderOptions(verbose=True)):
            assert render(on_dask, how) == render(local, how), name


def test_scheduler_address_streams_jsonl_like_a_local_run(batch, client, nlp):
    folder, _ = batch
    args = ["check", str(folder), "-f", "jsonl", "--fail-on", "warning"]
    local = _run([*args, "-j", "1"])
    dask = _run([*args, "--scheduler", client.scheduler_info()["address"]])
    # The command line's client left; the cluster, the model on its workers, stay.
    assert dask.exit_code == local.exit_code == 2
    assert dask.stdout == local.stdout
    assert len(dask.stdout.splitlines()) == 24


def test_records_with_their_own_keyword_on_a_cluster(client, options, nlp):
    text = "# Le vélo électrique\n\nLe vélo électrique et le tramway partagent la rue.\n"
    records = [
        {"path": f"{n}.md", "text": text, "keyword": kw, "index": n}
        for n, kw in enumerate(["vélo électrique", "tramway", "métro"] * 4)
    ]
    results = list(audit_on_dask(records, options, client, partition_size=3))
    assert results == list(audit_partition(records, options))
    assert [r["keyword"] for r in results[:3]] == ["vélo électrique", "tramway", "métro"]
    assert [r["metrics"]["keyword_count"] for r in results[:3]] == [2, 1, 0]


def test_a_worker_killed_mid_run_loses_no_draft(batch, client, options, nlp):
    _, paths = batch
    expected = list(audit_partition(paths, options)) * 3
    paths = paths * 3
    results = audit_on_dask(paths, options, client, partition_size=3)
    got, busy = [], []
    for result in results:  # until a partition is running on a worker
        got.append(result)
        busy = [worker for worker, keys in client.processing().items() if keys]
        if busy:
            break
    assert busy and len(got) < len(paths) // 2, "no partition running: nothing to kill"
    victim = busy[0]
    pid = client.run(os.getpid, workers=[victim])[victim]
    os.kill(pid, signal.SIGKILL)
    got.extend(results)
    assert victim not in client.scheduler_info()["workers"]  # it did die (and was replaced)
    assert [r["path"] for r in got] == paths
    assert got == expected  # every draft, each as a local run reports it
    client.wait_for_workers(2, timeout=120)


class _Poison:
    """Pickles, but cannot be unpickled: a task that carries it fails wherever it runs."""

    def __reduce__(self):
        return (operator.truediv, (1, 0))


def test_a_partition_that_keeps_failing_still_reports_each_draft(client):
    options = AuditOptions(ruleset=load_ruleset("default"))
    options.source = _Poison()
    items = ["a.md", {"path": "b.md", "index": 3}, "c.md"]
    results = list(audit_on_dask(items, options, client, partition_size=2, retries=1))
    assert [(r["path"], r.get("index"), r["passed"]) for r in results] == [
        ("a.md", None, False),
        ("b.md", 3, False),
        ("c.md", None, False),
    ]
    for result in results:
        assert result["error"].startswith("not checked: its Dask task failed (")
        assert "\n" not in result["error"] and len(result["error"]) < 300


def test_shards_merged_are_the_whole_run(batch, nlp, tmp_path):
    folder, paths = batch
    whole = _run(["check", str(folder), "-j", "1", "-f", "json", "-o", str(tmp_path / "w.json")])
    shards = []
    for i in (1, 2, 3):
        out = tmp_path / f"shard-{i}.jsonl"
        _run(["check", str(folder), "--shard", f"{i}/3", "-j", "1", "-f", "jsonl", "-o", str(out)])
        shards.append([json.loads(line)["path"] for line in out.read_text().splitlines()])
    assert all(shards) and sorted(sum(shards, [])) == paths  # disjoint, and all of it
    files = [str(tmp_path / f"shard-{i}.jsonl") for i in (3, 1, 2)]
    merged = _run(["merge", *files, "-f", "json", "-o", str(tmp_path / "m.json")])
    assert merged.exit_code == whole.exit_code == 2
    assert (tmp_path / "m.json").read_bytes() == (tmp_path / "w.json").read_bytes()
    # Concatenated shards are one results file too; every format can be written from them.
    (tmp_path / "all.jsonl").write_text(
        "".join(Path(f).read_text() for f in files), encoding="utf-8"
    )
    _run(["check", str(folder), "-j", "1", "-f", "junit", "-o", str(tmp_path / "w.xml")])
    _run(["merge", str(tmp_path / "all.jsonl"), "-f", "junit", "-o", str(tmp_path / "m.xml")])
    assert (tmp_path / "m.xml").read_bytes() == (tmp_path / "w.xml").read_bytes()


def _spark_missing() -> str | None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (it is in no extra: pip install pyspark to run this)"
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        return "Spark needs Java, and there is none on this machine"
    return None


def _stop_spark_jvm():
    """End the JVM pyspark started (it would otherwise live as long as this process)."""
    from pyspark import SparkContext

    gateway = SparkContext._gateway
    if gateway is None:
        return
    proc = getattr(gateway, "proc", None)
    gateway.shutdown()
    if proc is not None:
        proc.stdin.close()  # the JVM exits when its stdin closes
        proc.wait(timeout=60)
    SparkContext._gateway = None
    SparkContext._jvm = None


@pytest.mark.skipif(_spark_missing() is not None, reason=str(_spark_missing()))
def test_spark_map_partitions_recipe(batch, options, nlp, tmp_path, monkeypatch):
    from pyspark.sql import SparkSession

    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    monkeypatch.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
    _, paths = batch
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("seo-audit-test")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .getOrCreate()
    )
    try:
        rows = spark.createDataFrame([(n, p) for n, p in enumerate(paths)], ["index", "path"])
        records = rows.rdd.map(lambda row: row.asDict())
        results = records.mapPartitions(lambda part: audit_partition(part, options))
        lines = results.map(lambda r: json.dumps(r, ensure_ascii=False)).collect()
    finally:
        spark.stop()
        _stop_spark_jvm()
    (tmp_path / "spark.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = [{**r, "index": n} for n, r in enumerate(audit_partition(paths, options))]
    assert [json.loads(line) for line in lines] == expected
    merged = _run(["merge", str(tmp_path / "spark.jsonl"), "-f", "jsonl"])
    assert merged.exit_code == 2
    assert [json.loads(line)["path"] for line in merged.stdout.splitlines()] == paths
