"""The language server's parts, in process: settings, quick fixes, hover text, report files."""

from pathlib import Path

import pytest

pytest.importorskip("lsprotocol")

from lsprotocol import types  # noqa: E402

from seo_audit.errors import RulesetError  # noqa: E402
from seo_audit.lsp import explain  # noqa: E402
from seo_audit.lsp.actions import (  # noqa: E402
    container_prefix,
    file_directive_line,
    suppression_actions,
)
from seo_audit.lsp.checker import Checker, draft_name, input_format  # noqa: E402
from seo_audit.lsp.convert import Positions  # noqa: E402
from seo_audit.lsp.settings import Settings, load_rules, options_for, read_settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LONG = (
    "Le conseil municipal, qui s’est réuni mardi soir après une longue journée de débats "
    "parfois houleux, a finalement décidé, malgré l’opposition résolue d’une partie des élus "
    "de la majorité comme de l’opposition, de prolonger la piste cyclable jusqu’à la gare."
)


@pytest.fixture(autouse=True)
def cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    explain.cache_root.cache_clear()
    yield
    explain.cache_root.cache_clear()


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP text edits (UTF-16 positions) to a text, last first."""
    pos = Positions(text)
    spans = [(pos.offset(e.range.start), pos.offset(e.range.end), e.new_text) for e in edits]
    for start, end, new in sorted(spans, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def edits_of(action: types.CodeAction) -> list[types.TextEdit]:
    return [e for change in action.edit.document_changes for e in change.edits]


# --- Settings -------------------------------------------------------------------------------


def test_settings_from_the_section_or_an_object_holding_it():
    flat = read_settings({"ruleset": "news", "keyword": " vélo ", "synonyms": ["bicyclette"]})
    nested = read_settings(
        {"seo-audit": {"ruleset": "news", "keyword": "vélo", "synonyms": "bicyclette"}}
    )
    assert flat == nested == Settings("news", "vélo", ("bicyclette",))
    assert read_settings(None) == Settings()


def test_workspace_configuration_overrides_initialization_options_key_by_key():
    from seo_audit.lsp.settings import merged

    initial = {"seo-audit": {"ruleset": "news", "keyword": "vélo"}}
    assert read_settings(merged(initial, {"keyword": "tram"})) == Settings("news", "tram")
    assert read_settings(merged(initial, {"ruleset": None})) == Settings(None, "vélo")
    assert read_settings(merged(initial, None)) == Settings("news", "vélo")
    assert read_settings(merged(None, "news")).problems


def test_settings_of_the_wrong_type_are_named_and_left_out():
    found = read_settings({"ruleset": 3, "synonyms": [1], "siteUrl": "ftp://x", "rulset": "a"})
    assert found.ruleset is None and found.synonyms == () and found.site_url == ""
    problems = " | ".join(found.problems)
    for part in ("seo-audit.ruleset must be a string", "synonyms", "siteUrl", "seo-audit.rulset"):
        assert part in problems
    assert read_settings(["news"]).problems


def test_rule_set_from_settings_workspace_path_or_pyproject_of_the_documents_folder(tmp_path):
    (tmp_path / "rules.toml").write_text("[checks.word-count]\nmin_words = 123\n")
    drafts = tmp_path / "blog" / "drafts"
    drafts.mkdir(parents=True)
    (tmp_path / "blog" / "pyproject.toml").write_text(
        '[tool.seo-audit]\nruleset = "news"\n[tool.seo-audit.checks.word-count]\nmin_words = 77\n'
    )
    by_name = load_rules(Settings(ruleset="pillar"), drafts, tmp_path)
    assert by_name.name == "pillar"
    by_path = load_rules(Settings(ruleset="rules.toml"), drafts, tmp_path)
    assert by_path.checks["L001"].options["min_words"] == 123
    from_project = load_rules(Settings(), drafts, tmp_path)
    assert from_project.checks["L001"].options["min_words"] == 77
    with pytest.raises(RulesetError, match="no such rule set"):
        load_rules(Settings(ruleset="nonexistent"), drafts, tmp_path)
    (tmp_path / "blog" / "pyproject.toml").write_text("[tool.seo-audit\nbroken")
    with pytest.raises(RulesetError, match="invalid TOML"):
        load_rules(Settings(), drafts, tmp_path)


def test_configured_keyphrase_only_for_drafts_that_name_none():
    rules = load_rules(Settings(), ROOT, None)
    settings = Settings(keyword="vélo électrique", synonyms=("VAE",))
    own = "---\nkeyword: budget participatif\n---\n\n# Titre\n\nTexte.\n"
    none = "# Titre\n\nTexte.\n"
    assert options_for(settings, rules, "a.md", own, "markdown").keyword is None
    assert options_for(settings, rules, "a.md", own, "markdown").synonyms == ()
    chosen = options_for(settings, rules, "a.md", none, "markdown")
    assert chosen.keyword == "vélo électrique" and chosen.synonyms == ("VAE",)


def test_input_format_from_language_id_else_extension():
    assert input_format("markdown", "notes.txt") == "markdown"
    assert input_format("plaintext", "x") == "text"
    assert input_format("html", "page") == "html"
    assert input_format(None, "page.htm") == "html"
    assert input_format("python", "tool.py") is None
    assert input_format("toml", "pyproject.toml") is None


def test_draft_names_are_relative_to_the_workspace(tmp_path):
    inside = (tmp_path / "news" / "a.md").as_uri()
    assert draft_name(inside, "markdown", tmp_path) == "news/a.md"
    assert draft_name("file:///elsewhere/b.md", "markdown", tmp_path) == "/elsewhere/b.md"
    assert draft_name("untitled:Untitled-1", "markdown", tmp_path) == "Untitled-1.md"


# --- Quick fixes ----------------------------------------------------------------------------


def test_disable_file_goes_after_front_matter_or_doctype():
    assert file_directive_line("---\na: 1\n---\n\n# T\n", "markdown") == 3
    assert file_directive_line("+++\na = 1\n+++\n# T\n", "markdown") == 3
    assert file_directive_line("# T\n", "markdown") == 0
    assert file_directive_line("<!DOCTYPE html>\n<html>", "html") == 1
    assert file_directive_line("<html>\n", "html") == 0


def check(text: str, name: str = "d.md", fmt: str = "markdown", settings=None):
    return Checker().check(
        Path(name).resolve().as_uri(), 1, text, fmt, settings or Settings(), None
    )


def long_sentence_findings(checked):
    return [f for f in checked.findings if f.result.id == "R001" and not f.whole_document]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_disable_next_line_before_a_one_line_paragraph_silences_it(nlp, newline):
    text = f"# Titre\n\nUne phrase courte.\n\n{LONG}\n\nUne autre phrase courte.\n"
    text = text.replace("\n", newline)
    checked = check(text)
    (finding,) = long_sentence_findings(checked)
    blocks = checked.report.draft.blocks
    actions = suppression_actions(
        checked.uri, 1, finding, checked.positions, blocks, "markdown", checked.newline
    )
    titles = [a.title for a in actions]
    assert titles == ["Disable R001 for this line", "Disable R001 for this file"]
    assert actions[0].diagnostics == [finding.diagnostic]
    (edit,) = edits_of(actions[0])
    assert edit.range.start == types.Position(4, 0)
    fixed = apply(text, edits_of(actions[0]))  # column 0: the same in CRLF text
    assert "<!-- seo-audit: disable-next-line R001 -->" + newline + LONG in fixed
    assert long_sentence_findings(check(fixed)) == []


def test_a_finding_inside_a_paragraph_wraps_the_paragraph(nlp):
    text = f"# Titre\n\nUne phrase courte.\n{LONG}\nEncore une.\n\nFin du texte ici.\n"
    checked = check(text)
    (finding,) = long_sentence_findings(checked)
    assert finding.diagnostic.range.start.line == 3
    actions = suppression_actions(
        checked.uri, 1, finding, checked.positions, checked.report.draft.blocks, "markdown"
    )
    assert actions[0].title == "Disable R001 for this paragraph"
    fixed = apply(text, edits_of(actions[0]))
    assert fixed.startswith("# Titre\n\n<!-- seo-audit: disable R001 -->\nUne phrase courte.\n")
    assert "Encore une.\n<!-- seo-audit: enable R001 -->\n\nFin" in fixed
    assert long_sentence_findings(check(fixed)) == []


def test_disable_file_silences_a_whole_draft_finding(nlp):
    text = "---\ntitle: Un titre\n---\n\n# Titre\n\nTrop court pour un article.\n"
    checked = check(text)
    (finding,) = [f for f in checked.findings if f.result.id == "L001"]
    assert finding.whole_document
    actions = suppression_actions(
        checked.uri, 1, finding, checked.positions, checked.report.draft.blocks, "markdown"
    )
    assert [a.title for a in actions] == ["Disable L001 for this file"]
    fixed = apply(text, edits_of(actions[0]))
    assert fixed.startswith("---\ntitle: Un titre\n---\n<!-- seo-audit: disable-file L001 -->\n")
    assert [f for f in check(fixed).findings if f.result.id == "L001"] == []


def test_container_prefix_keeps_quotes_and_blanks_list_markers():
    assert container_prefix("- ") == "  "
    assert container_prefix("10. ") == "    "
    assert container_prefix("> ") == "> "
    assert container_prefix("> * ") == ">   "
    assert container_prefix("  - ") == "    "
    assert container_prefix("## ") == ""  # a heading is not a container
    assert container_prefix("") == ""


@pytest.mark.parametrize(
    "items",
    [
        ["- Une phrase courte.", "- {LONG}", "- Encore une."],
        ["1. Une phrase courte.", "2. {LONG}", "3. Encore une."],
        ["- Une phrase courte.", "", "- {LONG}", "", "- Encore une."],  # a loose list
        ["- Une phrase courte.", "  - Sous-point.", "  - {LONG}", "- Encore une."],
        ["> Une phrase courte.", ">", "> {LONG}"],
    ],
)
def test_a_quick_fix_inside_a_list_or_quote_does_not_split_it(nlp, items):
    """A comment at column 0 between two list items ends the list: the fix is indented."""
    from markdown_it import MarkdownIt

    body = "\n".join(items).replace("{LONG}", LONG)
    text = f"# Titre\n\nUne phrase.\n\n{body}\n\nFin du texte ici.\n"
    checked = check(text)
    (finding,) = long_sentence_findings(checked)
    blocks = checked.report.draft.blocks
    actions = suppression_actions(
        checked.uri, 1, finding, checked.positions, blocks, "markdown", checked.newline
    )
    assert actions[0].title == "Disable R001 for this line"
    fixed = apply(text, edits_of(actions[0]))
    assert long_sentence_findings(check(fixed)) == []

    def shape(markdown: str) -> list[str]:  # the containers, comments left out
        tokens = MarkdownIt("commonmark").parse(markdown)
        return [t.type for t in tokens if t.type.endswith(("_open", "_close"))]

    assert shape(fixed) == shape(text)


def test_no_quick_fix_in_plain_text(nlp):
    checked = check(f"{LONG}\n\nUne phrase.\n", "d.txt", "text")
    (finding,) = long_sentence_findings(checked)
    assert suppression_actions(checked.uri, 1, finding, checked.positions, [], "text") == []


# --- Hover text, documentation and report files ---------------------------------------------


def test_hover_text_says_what_the_threshold_and_how_to_fix(nlp):
    checked = check(f"# Titre\n\n{LONG}\n")
    (finding,) = long_sentence_findings(checked)
    text = explain.hover_text(finding.result, finding.location, checked.ruleset, "file:///d.md")
    assert text.startswith("**R001 sentence-length**")
    assert "in rule set `default`" in text
    assert f"**Here:** {finding.location.note}." in text
    for part in ("**How to fix it:**", "**Why it matters:**", "| `max_words` | 20 | 20 |"):
        assert part in text
    assert "disable-next-line R001" in text and "(file:///d.md)" in text


def test_documentation_pages_are_written_once_at_a_stable_address(tmp_path):
    href = explain.doc_href("R001")
    assert href == explain.doc_href("sentence-length")
    path = Path(href.removeprefix("file://"))
    assert path.is_relative_to(tmp_path / "cache" / "seo-audit" / "docs")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("# R001 sentence-length\n")
    assert "## Why it matters" in page and "| `max_words` |" in page
    assert explain.doc_href("R001", "https://example.org/{id}-{name}") == (
        "https://example.org/R001-sentence-length"
    )
    assert explain.doc_href("no-such-check") is None


def test_the_report_command_writes_the_html_report(nlp, monkeypatch):
    from seo_audit.formats import FORMAT_MODULES
    from seo_audit.lsp import server

    if "html" not in FORMAT_MODULES:  # stand in for the HTML format being written elsewhere
        monkeypatch.setitem(FORMAT_MODULES, "html", "markdown")
    assert server.html_report_available()
    checked = check(f"# Titre\n\n{LONG}\n")
    path = server.write_html_report(checked)
    assert path == explain.report_file(checked.uri)
    assert "R001" in path.read_text(encoding="utf-8")


# --- Checks superseded, the command ---------------------------------------------------------


def test_a_check_gives_up_when_its_version_is_superseded(nlp):
    from seo_audit.lsp.cache import Superseded

    checker = Checker()
    with pytest.raises(Superseded):
        checker.check(
            "file:///d.md", 1, f"# T\n\n{LONG}\n", "markdown", Settings(), None, lambda: True
        )
    assert checker.cache.cancelled() is False  # the next check is not cancelled by this one
    done = checker.check("file:///d.md", 2, f"# T\n\n{LONG}\n", "markdown", Settings(), None)
    assert long_sentence_findings(done)


def test_lsp_command_without_pygls_says_what_to_install():
    import subprocess
    import sys

    probe = "import sys; sys.modules['pygls'] = None; from seo_audit.cli import main; main(['lsp'])"
    run = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert run.returncode == 2
    assert "pip install 'seo-audit[lsp]'" in run.stderr
    assert run.stdout == ""


def test_readme_editor_snippets_parse_and_start_the_server():
    import json
    import re
    import tomllib

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## In the editor\n", 1)[1].split("\n## ", 1)[0]
    blocks = dict(re.findall(r"```(\w+)\n(.*?)```", section, re.S))
    vscode = json.loads(blocks["json"])
    assert [vscode["glspc.server.command"], *vscode["glspc.server.commandArguments"]] == [
        "seo-audit",
        "lsp",
    ]
    assert read_settings(vscode["glspc.server.initializationOptions"]).ruleset == "default"
    helix = tomllib.loads(blocks["toml"])
    server = helix["language-server"]["seo-audit"]
    assert [server["command"], *server["args"]] == ["seo-audit", "lsp"]
    assert read_settings(server["config"]).ruleset == "default"
    assert 'cmd = { "seo-audit", "lsp" }' in blocks["lua"]
