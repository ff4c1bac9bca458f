"""The library API: audit, audit_file, audit_many, Report, and the French helpers."""

from pathlib import Path

import pytest

import seo_audit
from seo_audit import InputError

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_audit_file_report(nlp):
    report = seo_audit.audit_file(SAMPLES / "article-conforme.md")
    assert report.passed and 0 <= report.score <= 100
    assert report.keyword == "potager urbain"
    assert set(report.metrics) >= {"words", "sentences", "keyword_density", "reading_ease"}
    assert report.check("word-count").status == "pass"
    assert report.check("L001") is report.check("word-count")
    data = report.to_dict()
    assert data["checks"][0]["id"] == report.checks[0].id
    with pytest.raises(InputError, match="file not found"):
        seo_audit.audit_file(SAMPLES / "absent.md")


def test_audit_string_and_keyword(nlp):
    report = seo_audit.audit("# Le tramway\n\nLe tramway roule.\n", keyword="tramway")
    assert report.metrics["keyword_count"] == 2
    assert not report.passed and report.check("word-count").status == "fail"
    html = seo_audit.audit("<h1>Le tramway</h1><p>Le tramway roule.</p>", input_format="html")
    assert html.metrics["h1"] == 1


def test_audit_many_order_and_errors(nlp, tmp_path):
    paths = [
        SAMPLES / "echec-trop-court.md",
        tmp_path / "absent.md",
        SAMPLES / "article-conforme.md",
    ]
    reports = seo_audit.audit_many(paths)
    assert [r.path for r in reports] == [str(p) for p in paths]
    assert reports[1].error == "file not found" and not reports[1].passed
    assert [r.passed for r in reports] == [False, False, True]


def test_ruleset_argument(nlp):
    report = seo_audit.audit_file(SAMPLES / "echec-trop-court.md", ruleset="news")
    assert report.check("word-count").status == "pass"
    assert report.ruleset == "news"


def test_french_helpers(nlp):
    assert seo_audit.syllables("table") == 1
    assert seo_audit.syllables("ONU") == 2  # read as a word
    assert seo_audit.sentences("M. Dupont est arrivé. Il pleut.\n\nTitre") == [
        "M. Dupont est arrivé.",
        "Il pleut.",
        "Titre",
    ]
    assert seo_audit.is_passive("Le pont a été fermé par la mairie.")
    assert not seo_audit.is_passive("Il est rentré chez lui.")
    assert seo_audit.keyword_occurrences("L’Ukraine et l'Ukraine.", "Ukraine") == 2
    assert seo_audit.is_french("Le chat dort sur le canapé depuis ce matin, tranquille.")
    assert not seo_audit.is_french("The cat has been sleeping on the sofa since this morning.")


def test_import_is_cheap():
    import subprocess
    import sys

    code = "import seo_audit, sys; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
