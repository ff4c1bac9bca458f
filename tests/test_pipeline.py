"""The one audit pipeline: every entry point gives the same report for the same draft."""

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import seo_audit.engine as engine
from seo_audit.api import audit, audit_file, audit_many
from seo_audit.cli import main
from seo_audit.engine import AuditOptions, Draft, audit_drafts, audit_one

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
REWRITE = SAMPLES / "rewrites" / "fidele.md"


def test_metrics_command_and_json_report_agree_source_included():
    runner = CliRunner()
    shown = json.loads(runner.invoke(main, ["metrics", str(REWRITE), "-f", "json"]).output)
    report = json.loads(runner.invoke(main, ["check", str(REWRITE), "-f", "json"]).output)
    metrics = report["files"][0]["metrics"]
    assert shown.pop("keyword") == report["files"][0]["keyword"]
    assert shown == metrics
    assert metrics["source_facts"] > 0


def test_library_cli_and_batch_give_the_same_report():
    path = str(SAMPLES / "article-conforme.md")
    one = audit_file(path).to_dict()
    text = audit(Path(path).read_text(encoding="utf-8"), path=path).to_dict()
    many = audit_many([path, str(SAMPLES / "echec-trop-court.md")])[0].to_dict()
    assert one == text == many


def test_audit_given_a_path_says_what_to_call():
    with pytest.raises(TypeError, match="audit_file"):
        audit(SAMPLES / "article-conforme.md")


def test_a_draft_without_words_is_not_a_crash():
    report = audit("**", keyword="jardin")
    assert report.check("keyword-density").status == "skip"


def test_the_source_is_read_again_when_it_changes(tmp_path):
    source = tmp_path / "source.txt"
    shutil.copy(SAMPLES / "rewrites" / "source-crue.txt", source)
    draft = tmp_path / "draft.md"
    draft.write_text(REWRITE.read_text(encoding="utf-8"), encoding="utf-8")
    options = AuditOptions(source=str(source))
    before = audit_one(str(draft), options).metrics["source_words"]
    source.write_text(source.read_text(encoding="utf-8") + "\n\nUn paragraphe de plus.\n")
    stat = source.stat()
    os.utime(source, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    after = audit_one(str(draft), options).metrics["source_words"]
    assert after == before + 4


def test_a_long_draft_in_pieces_is_measured_as_a_whole(monkeypatch):
    path = str(SAMPLES / "article-conforme.md")
    whole = audit_one(path).to_dict()
    monkeypatch.setattr(engine, "PIECE_CHARS", 1500)
    assert len(engine.prose_pieces(engine.load_document(path))) > 3
    assert audit_one(path).to_dict() == whole


def test_a_block_longer_than_a_piece_is_cut_at_a_space(monkeypatch):
    path = str(SAMPLES / "article-conforme.md")
    document = engine.load_document(path)
    monkeypatch.setattr(engine, "PIECE_CHARS", 200)
    pieces = engine.prose_pieces(document)
    from seo_audit.analyze import prose_text

    assert "".join(pieces) == prose_text(document)
    assert max(len(p) for p in pieces) <= 200 + len("\n\n")
    assert all(p.endswith((" ", "\n")) for p in pieces[:-1])
    report = audit_one(path)  # cut blocks still give a report
    assert report.error is None


def test_a_block_too_long_for_prose_is_an_input_error(tmp_path):
    draft = tmp_path / "mot.md"
    draft.write_text("# Titre\n\n" + "a" * (engine.MAX_BLOCK_CHARS + 10) + "\n", encoding="utf-8")
    good = str(SAMPLES / "article-conforme.md")
    reports = list(audit_drafts([str(draft), good]))
    assert "too long to be prose" in reports[0].error
    assert reports[1].error is None


def test_drafts_given_as_text_and_as_path_agree():
    path = str(SAMPLES / "echec-phrases-longues.md")
    text = Path(path).read_text(encoding="utf-8")
    from_text, from_path = audit_drafts([Draft(path, text), path])
    assert from_text.to_dict() == from_path.to_dict()


def _rewrite_pointing_at(tmp_path: Path, source: str) -> Path:
    text = REWRITE.read_text(encoding="utf-8").replace(
        "source: source-crue.txt", f"source: {source}"
    )
    draft = tmp_path / "drafts" / "draft.md"
    draft.parent.mkdir()
    draft.write_text(text, encoding="utf-8")
    return draft


def test_a_front_matter_source_outside_the_draft_folder_is_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Le mot de passe de Jean Valjean est 24601.\n" * 20, encoding="utf-8")
    for value in ("../secret.txt", str(secret)):
        draft = _rewrite_pointing_at(tmp_path, value)
        result = CliRunner().invoke(
            main, ["check", str(draft), str(SAMPLES / "article-conforme.md"), "-f", "json"]
        )
        assert result.exit_code == 2
        assert "Valjean" not in result.output and "24601" not in result.output
        files = json.loads(result.stdout)["files"]
        assert "outside the draft's folder" in files[0]["error"]
        assert files[1]["error"] is None
        shutil.rmtree(draft.parent)


def test_an_allowed_source_folder_is_read(tmp_path):
    sources = tmp_path / "sources"
    sources.mkdir()
    shutil.copy(SAMPLES / "rewrites" / "source-crue.txt", sources / "crue.txt")
    draft = _rewrite_pointing_at(tmp_path, "../sources/crue.txt")
    options = AuditOptions(source_dirs=(str(sources),))
    assert audit_one(str(draft), options).metrics["source_facts"] > 0


def test_runs_without_spaces_are_broken_for_the_tokenizer_keeping_offsets():
    from seo_audit.analyze import LONGEST_TOKEN, prose_text, segments
    from seo_audit.nlp import BLOCK_SEPARATOR
    from seo_audit.parse import parse

    run = "!?." * 1000
    document = parse("p.md", f"# Titre\n\nDébut {run} fin.\n", "markdown")
    text = prose_text(document)
    whole = BLOCK_SEPARATOR.join(seg.text for seg in segments(document))
    assert len(text) == len(whole)
    assert sum(a != b for a, b in zip(text, whole, strict=True)) == len(run) // (LONGEST_TOKEN + 1)
    assert max(len(piece) for piece in text.split()) <= LONGEST_TOKEN
    report = audit(f"# Titre\n\nDébut {run} fin.\n")
    assert report.metrics["words"] == 3


def test_marks_agree_with_the_checks():
    from seo_audit.marks import KINDS

    report = audit_file(str(SAMPLES / "echec-phrases-longues.md"))
    marks = report.draft.marks
    assert {m.kind for m in marks} <= set(KINDS)

    def spans(kind):
        return {(m.start, m.end) for m in marks if m.kind == kind}

    def located(check):
        return {(loc.start, loc.end) for loc in report.check(check).locations}

    assert spans("very-long-sentence") == located("sentence-length")
    assert spans("passive") == located("passive-voice")
    assert spans("keyphrase") == located("keyword-density")
    for m in marks:
        assert report.draft.text[m.start : m.end].strip()
    assert "draft" not in report.to_dict()
