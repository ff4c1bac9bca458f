"""French and English: a complete French catalogue, French typography, the language chosen by
--lang, the rule set and the locale, and machine formats that do not change with it."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from click.testing import CliRunner

from seo_audit import i18n
from seo_audit.checks import REGISTRY
from seo_audit.cli import main
from seo_audit.i18n import NNBSP, french_typography, language, resolve_language

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOOD = str(SAMPLES / "article-conforme.md")
FAILING = sorted(str(p) for p in SAMPLES.glob("echec-*.md"))
SHORT = str(SAMPLES / "echec-trop-court.md")
PO = i18n.po_path("fr")
POT = i18n.LOCALE_DIR / "seo_audit.pot"
# {name}, {name:noun}, {name!r}: a translation keeps the names (its nouns are its own).
PLACEHOLDER = re.compile(r"\{(\w*)(?:[:!][^{}]*)?\}")
# Words of the English interface that no French report may hold (all of them are in msgids).
ENGLISH_WORDS = (
    "words",
    "sentences",
    "paragraphs",
    "passed",
    "failed",
    "checked",
    "skipped",
    "keyword",
    "expected",
    "because",
    "metrics",
    "reading ease",
    "subheading",
    "heading",
    "should",
    "with",
    " the ",
    " of ",
    " and ",
    " is ",
    "PASS",
    "FAIL",
)


def extracted() -> dict[tuple[str | None, str], int]:
    """Every (context, msgid) `pybabel extract -F babel.cfg` collects from the code and
    templates, with the number of its forms (2 for ngettext)."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as f:
        method_map, options_map = parse_mapping_cfg(f)
    found = {}
    for _path, _line, message, _comments, context in extract_from_dir(
        str(ROOT), method_map, options_map
    ):
        if isinstance(message, tuple):
            found[context, message[0]] = len(message)
        else:
            found[context, message] = 1
    return found


def key(message) -> tuple[str | None, str]:
    return message.context, message.id if isinstance(message.id, str) else message.id[0]


@pytest.fixture(scope="module")
def catalogue():
    with PO.open("rb") as f:
        return read_po(f, locale="fr")


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def run(runner, *args, env=None):
    return runner.invoke(main, list(args), catch_exceptions=False, env=env)


def placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_every_text_of_the_code_has_a_french_translation(catalogue):
    """Fails when a `_()` string, a check docstring or an Option or click help is added or
    changed without its French text in seo_audit/locale/fr/LC_MESSAGES/seo_audit.po (run
    pybabel extract, pybabel update, then translate: see the README)."""
    messages = {key(m): m for m in catalogue if m.id}
    found = extracted()
    assert len(found) > 400  # the extractor reads docstrings and help texts, not only _()
    missing = [msgid for msgid in found if msgid not in messages]
    assert not missing, f"not in the French catalogue: {missing[:5]}"
    for found_key, count in found.items():
        message = messages[found_key]
        msgid = found_key[1]
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(forms) and not message.fuzzy, f"no French text for {msgid!r}"
        assert (len(forms) > 1) == (count > 1), f"plural forms of {msgid!r}"
        for form in forms:
            assert placeholders(form) == placeholders(msgid), f"placeholders of {msgid!r}"


def test_the_template_is_up_to_date():
    with POT.open("rb") as f:
        template = {key(m) for m in read_po(f) if m.id}
    assert template == set(extracted()), "run pybabel extract (see the README)"


def test_french_typography():
    assert french_typography("mots : ajoutez") == f"mots{NNBSP}: ajoutez"
    assert (
        french_typography("mots: ajoutez ; bien !") == f"mots{NNBSP}: ajoutez{NNBSP}; bien{NNBSP}!"
    )
    assert french_typography("« potager »") == f"«{NNBSP}potager{NNBSP}»"
    assert french_typography("12 %") == f"12{NNBSP}%"
    # Not a clause: an address, a time, a line:column.
    for kept in ("https://exemple.fr", "10:30", "ligne 3:4", "{name!r}"):
        assert french_typography(kept) == kept


def test_every_french_text_follows_french_typography():
    """No plain space, and no missing space, before ; : ! ? or inside « » in any French
    text as the program prints it."""
    french = i18n.translations("fr")
    for context, msgid in extracted():
        text = french.pgettext(context, msgid) if context else french.gettext(msgid)
        assert not re.search(r"[^\s\u202f\u00a0(][;!?](\s|$)|[^\s\u202f\u00a0/\d(]:(\s|$)", text), (
            text
        )
        # (A list of the marks themselves, « avant ; : ! ? », is left as it is.)
        assert not re.search(r"(?<![;:!?]) [;:!?](?! [;:!?])|« | »", text), text


def test_resolve_language():
    assert resolve_language(None, None, {"LANG": "fr_FR.UTF-8"}) == "fr"
    assert resolve_language(None, None, {"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}) == "en"
    assert resolve_language(None, None, {"LANGUAGE": "fr:en"}) == "fr"
    assert resolve_language(None, None, {}) == "en"
    assert resolve_language(None, "fr", {"LANG": "en_US.UTF-8"}) == "fr"
    assert resolve_language("en", "fr", {"LANG": "fr_FR.UTF-8"}) == "en"
    with pytest.raises(i18n.LanguageError):
        resolve_language("de", None, {})


def test_numbers_and_plural_nouns_follow_the_language():
    a001 = REGISTRY["A001"]
    with language("fr"):
        assert i18n.percent(82.94, 1) == f"82,9{NNBSP}%"
        assert "3 liens internes" in a001.summary({"min_count": 3})
        assert "1 lien interne," in a001.summary()
    assert i18n.percent(82.94, 1) == "82.9 %"
    assert "3 internal links" in a001.summary({"min_count": 3})


def english_left(output: str) -> list[str]:
    """The English words of ENGLISH_WORDS found in a French output, each with its line; what
    the report quotes (the draft's text in « », the keyphrase, paths) and the check names
    (stable ids, as in a rule set) are left out."""
    names = sorted((c.name for c in REGISTRY.values()), key=len, reverse=True)
    found = []
    for line in output.splitlines():
        line = re.sub(r"«[^»]*»|\S*/\S*", " ", line)
        for name in names:
            line = line.replace(name, " ")
        found += [f"{word!r} in {line!r}" for word in ENGLISH_WORDS if word in line]
    return found


def test_french_report_has_no_english():
    """The issue's command, as a user types it (a real process, the real model)."""
    done = subprocess.run(
        [sys.executable, "-m", "seo_audit", "check", "samples/article-conforme.md", "--lang", "fr"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "RÉUSSI" in done.stdout and "vérification(s) réussie(s)" in done.stdout
    assert not english_left(done.stdout)


def test_french_report_of_failing_drafts_has_no_english(runner, nlp):
    result = run(runner, "check", *FAILING, GOOD, "--lang", "fr", "-v", "--no-color")
    assert result.exit_code == 1
    # -v adds the metric keys (stable ids, as in JSON): leave those lines out.
    shown = "\n".join(
        line for line in result.output.splitlines() if not re.match(r"    \w+: ", line)
    )
    assert "ÉCHEC" in shown and "attendu" in shown
    assert not english_left(shown)
    # French typography in the output: no plain space before a high punctuation mark (in
    # what the program writes, not in the draft's text it quotes).
    assert not re.search(r" [;:!?](\s|$)", re.sub(r"«[^»]*»", "", shown))


def test_locale_picks_french_and_lang_overrides_it(runner, nlp):
    french = run(runner, "check", GOOD, env={"LANG": "fr_FR.UTF-8"})
    assert "RÉUSSI" in french.output and "PASS" not in french.output
    english = run(runner, "check", GOOD, "--lang", "en", env={"LANG": "fr_FR.UTF-8"})
    assert "PASS" in english.output and "RÉUSSI" not in english.output


def test_rule_set_lang(runner, nlp, tmp_path):
    rules = tmp_path / "fr.toml"
    rules.write_text('[ruleset]\nextends = "default"\nlang = "fr"\n', encoding="utf-8")
    assert "RÉUSSI" in run(runner, "check", GOOD, "-r", str(rules)).output
    assert "PASS" in run(runner, "check", GOOD, "-r", str(rules), "--lang", "en").output
    bad = tmp_path / "de.toml"
    bad.write_text('[ruleset]\nlang = "de"\n', encoding="utf-8")
    result = run(runner, "check", GOOD, "-r", str(bad))
    assert result.exit_code == 2
    assert "lang de: unknown language" in result.output


def test_unknown_language_is_one_line_and_exit_2():
    done = subprocess.run(
        [sys.executable, "-m", "seo_audit", "check", GOOD, "--lang", "de"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "seo-audit: error: --lang de: unknown language (choose: en, fr)"
    ]
    assert "Traceback" not in done.stderr


@pytest.mark.parametrize("check_id", sorted(REGISTRY))
def test_explain_in_french(runner, check_id):
    check = REGISTRY[check_id]
    result = run(runner, "explain", check_id, "--lang", "fr")
    assert result.exit_code == 0
    out = result.output
    for heading in ("Ce qui est vérifié", "Pourquoi c’est important", "Options"):
        assert heading in out
    for english in ("What it checks", "Why it matters", "default severity", "(described)"):
        assert english not in out
    assert check.summary() not in out  # the English summary
    with language("fr"):
        assert check.summary() in out
        for option in check.options:
            assert i18n._(option.help) in out
    english = run(runner, "explain", check_id).output
    assert "What it checks" in english and "Ce qui est vérifié" not in english


def test_help_in_french(runner):
    out = run(runner, "check", "--lang", "fr", "--help").output
    assert out.startswith("Utilisation")
    assert "Expression clé principale" in out and "Options" in out
    assert "Focus keyphrase" not in out and "Show this message" not in out
    assert "Focus keyphrase" in run(runner, "check", "--help").output


def test_html_report_in_french(runner, nlp, tmp_path):
    page = tmp_path / "rapport.html"
    run(runner, "check", SHORT, "--lang", "fr", "-f", "html", "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert '<html lang="fr">' in html
    for french in ("Ce qui est vérifié", "Le brouillon, annoté", "Toutes les valeurs mesurées"):
        assert french in html
    english_texts = ("What it checks", "The draft, marked", "Every measured value", "because")
    for english in (*english_texts, "Transition word", "Long sentence", " words"):
        assert english not in html
    run(runner, "check", SHORT, "-f", "html", "-o", str(page))
    assert '<html lang="en">' in page.read_text(encoding="utf-8")


def _shape(data):
    """A JSON document with its human texts left out: what must not change with the
    language."""
    if isinstance(data, dict):
        return {k: _shape(v) for k, v in data.items() if k not in ("message", "expected", "note")}
    if isinstance(data, list):
        return [_shape(v) for v in data]
    return data


@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_machine_formats_keep_their_ids(runner, nlp, fmt):
    english = json.loads(run(runner, "check", FAILING[0], "-f", fmt, "--lang", "en").output)
    french = json.loads(run(runner, "check", FAILING[0], "-f", fmt, "--lang", "fr").output)
    if fmt == "json":
        assert _shape(french) == _shape(english)
        checks = english["files"][0]["checks"], french["files"][0]["checks"]
        assert [c["id"] for c in checks[0]] == [c["id"] for c in checks[1]]
        assert any(a["message"] != b["message"] for a, b in zip(*checks, strict=True))
    else:
        results = [r["ruleId"] for r in english["runs"][0]["results"]]
        assert results == [r["ruleId"] for r in french["runs"][0]["results"]]
        assert [r["level"] for r in english["runs"][0]["results"]] == [
            r["level"] for r in french["runs"][0]["results"]
        ]


def test_worker_processes_write_in_the_language_of_the_run(runner, nlp):
    """--jobs 2 checks the drafts in other processes: the language travels with the
    options."""
    result = run(runner, "check", *FAILING[:2], "--jobs", "2", "--lang", "fr")
    assert result.exit_code == 1
    assert "ÉCHEC" in result.output
    assert not english_left(result.output)


def test_editor_hover_documentation_and_fixes_in_french(nlp, tmp_path, monkeypatch):
    """The language server's texts follow the language of the run, like its diagnostics."""
    pytest.importorskip("pygls")
    from seo_audit.lsp.actions import suppression_actions
    from seo_audit.lsp.checker import Checker
    from seo_audit.lsp.explain import check_page, hover_text
    from seo_audit.lsp.settings import Settings

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")  # no rule set says otherwise: the locale
    text = Path(SAMPLES / "echec-phrases-longues.md").read_text(encoding="utf-8")
    draft = tmp_path / "brouillon.md"
    draft.write_text(text, encoding="utf-8")
    checked = Checker().check(draft.as_uri(), 1, text, "markdown", Settings(), None)
    assert checked.lang == "fr"
    finding = next(f for f in checked.findings if f.result.id == "R001" and not f.whole_document)
    with language(checked.lang):
        hover = hover_text(finding.result, finding.location, checked.ruleset)
        page = check_page(REGISTRY["R001"])
        blocks = checked.report.draft.blocks
        titles = [
            a.title
            for a in suppression_actions(
                checked.uri, 1, finding, checked.positions, blocks, "markdown"
            )
        ]
    assert "**Comment corriger**\u202f:" in hover and "How to fix" not in hover
    assert "## Ce qu" in page and "What it checks" not in page
    assert titles and all(t.startswith("Désactiver R001") for t in titles)
    for said in (hover, page, *titles):
        said = re.sub(r"`[^`]*`", " ", said)  # option names and directives: ids
        assert not english_left(said), said


def test_input_errors_in_french(runner, tmp_path):
    odd = tmp_path / "brouillon.xyz"
    odd.write_text("Du texte.", encoding="utf-8")
    result = run(runner, "check", str(odd), "--lang", "fr")
    assert result.exit_code == 2
    assert "type de fichier inconnu «\u202f.xyz\u202f»" in result.output
    assert not english_left(result.output.replace(str(odd), " "))


def test_editor_shows_nothing_for_a_draft_without_prose_in_french(nlp, tmp_path, monkeypatch):
    """A draft being started (front matter only) is no error, in French as in English."""
    pytest.importorskip("pygls")
    from seo_audit.lsp.checker import Checker
    from seo_audit.lsp.settings import Settings

    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    draft = tmp_path / "nouveau.md"
    text = "---\ntitle: Un début\n---\n"
    checked = Checker().check(draft.as_uri(), 1, text, "markdown", Settings(), None)
    assert checked.lang == "fr" and "aucune prose" in checked.report.error
    assert checked.diagnostics == []
