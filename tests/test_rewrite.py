"""A rewrite checked against its source: originality, facts kept, facts invented, length.

Full audits run the real model on the sample rewrites of samples/rewrites/ (a fictional
flood at Redon; see its README for the labels these tests rely on).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from seo_audit.api import audit_file
from seo_audit.checks.needs import NO_SOURCE
from seo_audit.cli import main
from seo_audit.french.facts import (
    DATE,
    PERSON,
    PLACE,
    FactSide,
    entity_fact,
    extract_facts,
    find_fact,
    parse_french_number,
)

SAMPLES = Path(__file__).resolve().parents[1] / "samples" / "rewrites"
SOURCE = SAMPLES / "source-crue.txt"


@pytest.fixture(scope="module")
def reports(nlp):
    """One audit per sample rewrite (their front matter names the source)."""
    names = ("copie.md", "fidele.md", "faits-manquants.md", "chiffre-invente.md")
    return {name: audit_file(SAMPLES / name) for name in names}


# --- Number words ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("sept", 7),
        ("vingt-trois", 23),
        ("vingt et un", 21),
        ("soixante et onze", 71),
        ("soixante-dix-sept", 77),
        ("quatre-vingts", 80),
        ("quatre-vingt-dix-neuf", 99),
        ("deux cents", 200),
        ("deux cent trois", 203),
        ("mille", 1000),
        ("mille deux cents", 1200),
        ("trois mille quatre cent cinquante", 3450),
        ("deux millions trois cent mille", 2_300_000),
        ("1 200", 1200),
        ("1\u202f200", 1200),
        ("1200", 1200),
        ("1.200", 1200),
        ("3,5", 3.5),
        ("12 millions", 12_000_000),
        ("1,5 milliard", 1_500_000_000),
    ],
)
def test_french_numbers(text, value):
    assert parse_french_number(text) == value


@pytest.mark.parametrize("text", ["deux trois", "vingt-dix", "cent cent", "bonjour", ""])
def test_not_numbers(text):
    assert parse_french_number(text) is None


# --- Matching facts with the real model ---------------------------------------------------


def _first_fact(nlp, phrase: str):
    return extract_facts(nlp(phrase))[0]


@pytest.mark.parametrize(
    ("phrase", "sentence", "found"),
    [
        ("sept jours", "La grève a duré 7 jours.", True),
        ("7 jours", "La grève a duré sept mois.", False),
        ("1 200 euros", "Le loyer atteint mille deux cents euros.", True),
        ("1 200 euros", "Le loyer atteint 1200 dollars.", False),
        ("3,5 %", "Les prix ont monté de 3,5 pour cent.", True),
        ("une dizaine de blessés", "On compte 10 blessés.", False),
        ("mardi 12 mars", "Le vote aura lieu le 12 mars.", True),
        ("jeudi soir", "Jeudi matin, la route a rouvert.", False),
    ],
)
def test_numbers_and_dates_match_as_a_reader_reads(nlp, phrase, sentence, found):
    fact = _first_fact(nlp, phrase)
    assert (find_fact(fact, FactSide(nlp(sentence))) is not None) is found


@pytest.mark.parametrize(
    ("name", "kind", "sentence", "found"),
    [
        ("Vladimir Poutine", PERSON, "Poutine a reçu le ministre au Kremlin.", True),
        ("Poutine", PERSON, "Vladimir Poutine a reçu le ministre au Kremlin.", True),
        ("Élisabeth Borne", PERSON, "Mme Borne a défendu son budget.", True),
        ("Élisabeth Borne", PERSON, "Le député Pierre Borne a défendu son budget.", False),
        ("la Russie", PLACE, "La Russie a rappelé son ambassadeur.", True),
        ("Paris", PLACE, "Le Paris Saint-Germain a gagné à Lens.", False),
        ("Paris", PLACE, "À Paris, les loyers grimpent encore.", True),
        ("Saint-Étienne", PLACE, "À Saint-Etienne, le tramway est arrêté.", True),
    ],
)
def test_names_match_as_a_reader_reads(nlp, name, kind, sentence, found):
    fact = entity_fact(name, kind)
    assert (find_fact(fact, FactSide(nlp(sentence))) is not None) is found


def test_facts_found_in_a_sentence(nlp):
    doc = nlp("Jeudi 14 mars, la préfète Claire Dubreuil a fait évacuer 1 200 habitants.")
    facts = {(f.kind, f.text) for f in extract_facts(doc)}
    assert (DATE, "Jeudi 14 mars") in facts
    assert (PERSON, "Claire Dubreuil") in facts
    assert ("number", "1 200 habitants") in facts


# --- The sample rewrites, audited -----------------------------------------------------------


def test_the_copy_fails_originality(reports):
    result = reports["copie.md"].check("source-originality")
    assert result.status == "fail"
    assert result.value > 0.35
    assert result.lines, "the copied passage's draft lines"
    assert "source lines" in result.message
    assert reports["copie.md"].metrics["source_overlap"] > 0.35


def test_the_faithful_rewrite_passes_originality_and_keeps_the_facts(reports):
    report = reports["fidele.md"]
    assert report.check("source-originality").status == "pass"
    assert report.check("source-facts-kept").status == "pass"
    assert report.check("source-facts-invented").status == "pass"
    assert report.check("source-length").status == "pass"
    assert report.metrics["source_facts_kept"] >= 0.95
    assert report.metrics["source_facts_invented"] == 0
    assert 1.2 <= report.metrics["source_length_ratio"] <= 4


def test_dropped_facts_are_named_with_their_source_lines(reports):
    message = reports["faits-manquants.md"].check("source-facts-kept").message
    for fact, line in (("2,10 mètres", 5), ("janvier 1995", 5), ("5,52 mètres", 5)):
        assert f"« {fact} » (source line {line})" in message
    # The sample keeps 37 of its 45 facts (82 %): below the default 90 %, it fails, and the
    # lines are those of the missing facts in the source.
    result = reports["faits-manquants.md"].check("source-facts-kept")
    assert result.status == "fail"
    assert result.lines == []  # no line of the draft: the places are in the source
    source_lines = sorted({loc.line for loc in result.locations})
    assert source_lines == [5, 13, 17, 19]
    assert all(loc.path.endswith("source-crue.txt") for loc in result.locations)
    assert all(loc.text == loc.note for loc in result.locations)


def test_an_invented_figure_is_named_with_its_draft_line(reports):
    result = reports["chiffre-invente.md"].check("source-facts-invented")
    assert result.status == "fail"
    assert result.severity == "warning"
    assert "12 millions d’euros" in result.message and "(line 71)" in result.message
    assert "(line 45)" in result.message
    assert 45 in result.lines and 71 in result.lines
    assert reports["chiffre-invente.md"].check("source-facts-kept").status == "pass"


# --- Where the source comes from ----------------------------------------------------------


def test_front_matter_source_is_relative_to_the_draft(tmp_path, nlp):
    # A sibling folder of the same repository may hold the sources.
    (tmp_path / ".git").mkdir()
    drafts, sources = tmp_path / "drafts", tmp_path / "sources"
    drafts.mkdir()
    sources.mkdir()
    shutil.copy(SOURCE, sources / "depeche.txt")
    text = (SAMPLES / "fidele.md").read_text(encoding="utf-8")
    text = text.replace("source: source-crue.txt", "source: ../sources/depeche.txt")
    (drafts / "article.md").write_text(text, encoding="utf-8")
    report = audit_file(drafts / "article.md")
    assert report.check("source-originality").status == "pass"
    assert report.metrics["source_words"] > 300


def test_without_a_source_the_checks_skip_and_do_not_count(tmp_path, nlp):
    text = (SAMPLES / "copie.md").read_text(encoding="utf-8")
    (tmp_path / "copie.md").write_text(text.replace("source: source-crue.txt\n", ""), "utf-8")
    report = audit_file(tmp_path / "copie.md")
    for name in ("source-originality", "source-facts-kept", "source-facts-invented"):
        result = report.check(name)
        assert result.status == "skip"
        assert result.message == NO_SOURCE
    assert "source_overlap" not in report.metrics


def test_source_option_on_the_command_line(tmp_path, nlp):
    text = (SAMPLES / "copie.md").read_text(encoding="utf-8")
    (tmp_path / "copie.md").write_text(text.replace("source: source-crue.txt\n", ""), "utf-8")
    result = CliRunner().invoke(
        main,
        ["check", str(tmp_path / "copie.md"), "--source", str(SOURCE), "-j", "1", "--no-color"],
    )
    assert result.exit_code == 1
    assert "source-originality" in result.output
    assert "rewrite it in your own words" in " ".join(result.output.split())  # wrapped lines


def test_a_missing_source_file_is_an_input_error(tmp_path, nlp):
    text = (SAMPLES / "fidele.md").read_text(encoding="utf-8")
    text = text.replace("source: source-crue.txt", "source: introuvable.txt")
    (tmp_path / "article.md").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(tmp_path / "article.md"), "-j", "1"])
    assert result.exit_code == 2
    assert "introuvable.txt" in result.output + (result.stderr if result.stderr_bytes else "")


def test_source_argument_of_the_api(tmp_path, nlp):
    text = (SAMPLES / "copie.md").read_text(encoding="utf-8")
    (tmp_path / "copie.md").write_text(text.replace("source: source-crue.txt\n", ""), "utf-8")
    report = audit_file(tmp_path / "copie.md", source=SOURCE)
    assert report.check("source-originality").status == "fail"
