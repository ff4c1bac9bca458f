"""Insights with the real model and real files: reading time, prominent words and phrases,
word complexity (R006), keyphrase prominence (K011), and the frequency list they read."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from seo_audit.api import audit, audit_file
from seo_audit.cli import main
from seo_audit.french.frequencies import LIST_FLOOR, list_size, zipf
from seo_audit.french.insights import (
    FIRST_IMAGE_SECONDS,
    LEAST_IMAGE_SECONDS,
    READING_WORDS_PER_MINUTE,
    reading_seconds,
)
from seo_audit.ruleset import apply_check_table, load_ruleset

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "seo_audit" / "french" / "data"
GOOD = ROOT / "samples" / "article-conforme.md"
LINE = re.compile(r"^([^\W\d_]+(?:-[^\W\d_]+)*)\t(\d\.\d)$")


# --- The frequency list ---------------------------------------------------------------------


def test_frequency_file_format():
    lines = (DATA / "frequencies.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and "wordfreq" in lines[0] and "CC BY-SA 4.0" in lines[0]
    words, values = [], []
    for line in lines[1:]:
        m = LINE.match(line)
        assert m, line
        assert m.group(1) == m.group(1).lower(), line
        words.append(m.group(1))
        values.append(float(m.group(2)))
    assert len(words) == len(set(words)) == list_size() > 50_000
    assert values == sorted(values, reverse=True), "most frequent first"
    assert min(values) >= LIST_FLOOR


def test_frequency_readme_names_source_licence_and_rebuild():
    readme = (DATA / "frequencies.README.md").read_text(encoding="utf-8")
    version = re.search(r"wordfreq (\d+\.\d+\.\d+)", (DATA / "frequencies.tsv").open().readline())
    assert version and f"wordfreq=={version.group(1)}" in readme
    assert "CC BY-SA 4.0" in readme and "Apache-2.0" in readme
    assert "scripts/build_word_frequencies.py" in readme
    assert (ROOT / "scripts" / "build_word_frequencies.py").is_file()


def test_common_words_are_frequent_and_rare_words_rare():
    assert zipf("de") > 7 and zipf("la") > 7
    assert zipf("gouvernement") > 5 > zipf("lombricomposteur")
    assert zipf("Vélo") == zipf("vélo") > 4  # any case
    assert zipf("anticonstitutionnellement") == 0.0  # rarer than the list's floor
    assert zipf("xqzwv") == 0.0


def test_the_list_is_read_once_and_only_when_needed():
    code = (
        "import seo_audit.french.frequencies as f\n"
        "assert f._table.cache_info().currsize == 0\n"
        "f.zipf('de'); f.zipf('vélo')\n"
        "info = f._table.cache_info()\n"
        "assert (info.misses, info.hits) == (1, 1), info\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr


# --- Reading time -----------------------------------------------------------------------------


def test_reading_seconds():
    assert reading_seconds(READING_WORDS_PER_MINUTE, 0) == 60
    assert reading_seconds(0, 1) == FIRST_IMAGE_SECONDS
    # 12 + 11 + ... + 4, then 3 for each image from the tenth on.
    assert reading_seconds(0, 12) == sum(range(4, 13)) + 3 * LEAST_IMAGE_SECONDS
    assert reading_seconds(0, 0) == 0


def test_reading_time_of_a_real_sample():
    report = audit_file(str(GOOD))
    m = report.metrics
    images = GOOD.read_text(encoding="utf-8").count("![")
    assert images == 1
    expected = (60 * m["words"] / READING_WORDS_PER_MINUTE + FIRST_IMAGE_SECONDS) / 60
    assert m["reading_time_minutes"] == round(expected, 1)
    assert 4 < m["reading_time_minutes"] < 6  # 952 words


# --- Prominent words --------------------------------------------------------------------------


def test_prominent_words_of_a_real_sample():
    m = audit_file(str(GOOD)).metrics
    words = [w["text"] for w in m["prominent_words"]]
    counts = [w["count"] for w in m["prominent_words"]]
    assert len(words) == 10 and counts == sorted(counts, reverse=True)
    assert {"potager", "urbain"} <= set(words[:3])  # the keyphrase's lemmas lead
    assert not {"être", "avoir", "faire", "le", "de", "un", "pouvoir"} & set(words)
    assert m["prominent_phrases"][0]["text"] == "potager urbain"
    assert m["prominent_phrases"][0]["count"] >= 10


def test_prominent_words_are_lemmas_and_phrases_shown_as_written():
    text = (
        "Les vélos électriques séduisent. Un vélo électrique coûte cher. Ce vélo électrique "
        "plaît. Le jardin partagé ouvre. Les jardins partagés attirent les vélos."
    )
    m = audit(text).metrics
    assert m["prominent_words"][0] == {"text": "vélo", "count": 4}
    phrases = {p["text"]: p["count"] for p in m["prominent_phrases"]}
    assert phrases["vélo électrique"] == 3
    assert phrases["jardin partagé"] == 2  # not its lemmas, « jardin partager »


# --- K011 keyphrase-prominent ----------------------------------------------------------------


def test_k011_passes_on_the_conforming_sample_and_names_the_ranks():
    result = audit_file(str(GOOD)).check("K011")
    assert result.status == "pass"
    assert "« potager » (rank 1)" in result.message and "« urbain » (rank 2)" in result.message


def test_k011_warns_when_the_keyphrase_is_not_what_the_text_is_about():
    report = audit_file(str(GOOD), keyword="toiture végétalisée")
    result = report.check("K011")
    assert result.status == "fail" and result.severity == "warning"
    assert "« toiture » (absent), « végétalisée » (absent)" in result.message
    assert "mostly about potager (12), urbain (11)" in result.message
    partly = audit_file(str(GOOD), keyword="jardin partagé").check("K011")
    assert partly.status == "fail" and "« partagé » (rank 12)" in partly.message


def test_k011_without_keyphrase_is_skipped_not_passed():
    report = audit("Le vélo électrique séduit les familles.")
    assert report.check("K011").status == "skip"


# --- R006 word-complexity ---------------------------------------------------------------------


def test_r006_lists_the_complex_words_with_their_places_in_the_file():
    text = (
        "# Titre\n\nUn petit **lombricomposteur** transforme les [épluchures](/guide) en engrais.\n"
    )
    report = audit(text)
    result = report.check("R006")
    assert [text[loc.start : loc.end] for loc in result.locations] == [
        "lombricomposteur",
        "épluchures",
    ]
    assert [loc.line for loc in result.locations] == [3, 3]
    assert report.metrics["complex_words"] == ["lombricomposteur", "épluchures"]
    assert result.value == report.metrics["word_complexity"] == 0.25


def test_r006_thresholds_come_from_the_rule_set_for_the_metric_too():
    text = "Un petit lombricomposteur transforme les épluchures en engrais."
    ruleset = load_ruleset("default")
    apply_check_table(ruleset, "R006", {"min_letters": 12}, "test")
    report = audit(text, ruleset=ruleset)
    assert report.metrics["complex_words"] == ["lombricomposteur"]
    assert report.check("R006").value == report.metrics["word_complexity"] == 0.125


def test_r006_suppressed_lines_leave_their_words_out():
    text = (
        "Un petit lombricomposteur transforme les épluchures en engrais.\n\n"
        "<!-- seo-audit: disable-next-line R006 -->\n"
        "Les rafraîchissements désaltérants réconfortent.\n"
    )
    report = audit(text)
    result = report.check("R006")
    assert [loc.line for loc in result.locations] == [1, 1]
    assert len(report.metrics["complex_words"]) > 2  # the metric is the whole text's


def test_samples_keep_their_verdicts_and_the_heavy_one_warns():
    heavy = audit_file(str(ROOT / "samples" / "echec-phrases-longues.md")).check("R006")
    assert heavy.status == "fail" and heavy.severity == "warning"
    assert "socioprofessionnelles" in [loc.text for loc in heavy.locations]
    assert "and 18 more" in heavy.message  # the message names ten, the places list all
    assert audit_file(str(GOOD)).check("R006").status == "pass"


# --- Metrics and JSON -------------------------------------------------------------------------


def test_metrics_command_and_json_report_agree_on_the_insights():
    runner = CliRunner()
    shown = json.loads(runner.invoke(main, ["metrics", str(GOOD), "-f", "json"]).output)
    report = json.loads(runner.invoke(main, ["check", str(GOOD), "-f", "json"]).output)
    metrics = report["files"][0]["metrics"]
    shown.pop("keyword")
    assert shown == metrics
    for key in ("reading_time_minutes", "prominent_words", "word_complexity", "complex_words"):
        assert key in metrics
    text = runner.invoke(main, ["metrics", str(GOOD)]).output
    assert re.search(r"^prominent_words\s+potager \(12\), urbain \(11\)", text, re.M)


# --- The README's Insights part ---------------------------------------------------------------


def _readme_insights() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Insights")
    return readme[start : readme.index("\n## ", start + 1)]


def test_readme_insights_numbers_are_the_code_s():
    from seo_audit.checks import REGISTRY

    part = " ".join(_readme_insights().split())
    k011, r006 = REGISTRY["K011"].default_options(), REGISTRY["R006"].default_options()
    assert f"{READING_WORDS_PER_MINUTE} words a minute" in part
    assert f"plus {FIRST_IMAGE_SECONDS} seconds for the first image" in part
    assert f"{LEAST_IMAGE_SECONDS} from the tenth on" in part
    assert FIRST_IMAGE_SECONDS - 9 == LEAST_IMAGE_SECONDS
    assert f"among the first {k011['top_words']} (`top_words`)" in part
    assert f"({r006['min_letters']} letters or more, `min_letters`)" in part
    assert f"Zipf frequency below {r006['max_zipf']:g}," in part
    assert f"warns above {100 * r006['max_ratio']:g} % (`max_ratio`)" in part


def test_readme_insights_output_is_real(monkeypatch):
    monkeypatch.chdir(ROOT)  # the README shows a path relative to the repository
    block = _readme_insights().split("```text\n")[1].split("```")[0]
    printed = CliRunner().invoke(main, ["metrics", str(GOOD.relative_to(ROOT))]).output
    lines = printed.splitlines()
    assert block.splitlines() and all(line in lines for line in block.splitlines())


def test_function_words_and_auxiliaries_are_not_prominent():
    text = (
        "Le marché a été rénové. Le marché a été repeint. Le marché a été agrandi. "
        "Il marche bien, vraiment bien, trop bien."
    )
    words = [w["text"] for w in audit(text).metrics["prominent_words"]]
    assert words[0] == "marché"
    assert not {"être", "été", "avoir", "bien", "vraiment", "trop"} & set(words)


def test_a_text_in_another_language_is_not_measured():
    english = (
        "Cycling in the city is growing fast. More people ride to work every day, and the "
        "council builds new lanes along the river. Shops near the lanes see more customers. "
    ) * 4
    report = audit(english, keyword="city cycling")
    assert report.metrics["language"] == "en"
    assert report.metrics["prominent_words"] == [] and report.metrics["complex_words"] == []
    assert report.metrics["word_complexity"] is None
    for check_id in ("K011", "R006"):
        result = report.check(check_id)
        assert result.status == "skip" and "not in French (detected: en)" in result.message
