"""The language server end to end: `python -m seo_audit.cli lsp` as a subprocess, driven by a
real LSP client session (pytest-lsp), with the real model."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytest_lsp")

import pytest_asyncio  # noqa: E402
from lsp_session import (  # noqa: E402
    LONG,
    diagnostics,
    of,
    open_draft,
    replace_all,
    span,
    start,
    stop,
    utf16,
)
from lsprotocol import types  # noqa: E402

from seo_audit.engine import audit_one  # noqa: E402
from seo_audit.formats import FORMAT_MODULES  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "echec-phrases-longues.md"
FIRST_LONG = "Depuis une dizaine d’années"  # line 10 of the sample: a 54-word sentence

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("workspace")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def client(workspace):
    client = await start(workspace)
    yield client
    await stop(client)


@pytest.fixture(scope="module")
def sample() -> str:
    return SAMPLE.read_text(encoding="utf-8")


async def test_open_a_draft_marks_its_long_sentences_at_their_ranges(client, workspace, sample):
    uri = open_draft(client, workspace / "longues.md", sample)
    found = await diagnostics(client, uri, 1)
    long_sentences = of(found, "R001")
    first = span(sample, FIRST_LONG, "communes rurales.")
    assert first.start == types.Position(9, 0)
    (marked,) = [d for d in long_sentences if d.range.start.line == 9]
    assert marked.range == first
    assert marked.severity == types.DiagnosticSeverity.Error
    assert marked.source == "seo-audit"
    assert marked.message.startswith("54 words — ")
    assert "expected" in marked.message
    doc = Path(marked.code_description.href.removeprefix("file://"))
    assert doc.name == "R001-sentence-length.md" and doc.is_file()
    # As many marks as the command line's report has places, and whole-draft findings
    # (reading ease) on the headline.
    cli = audit_one(SAMPLE)
    assert len(long_sentences) == len(cli.check("R001").locations)
    (ease,) = of(found, "R002")
    headline = sample.index("\n# Budget participatif") + 1
    assert ease.range.start == types.Position(sample.count("\n", 0, headline), 2)


async def test_editing_updates_the_diagnostics_and_only_the_latest_version_is_published(
    client, workspace, sample
):
    uri = open_draft(client, workspace / "edition.md", sample)
    await diagnostics(client, uri, 1)
    # Cut the first long sentence in short ones: a change on line 10 only.
    start = sample.index(FIRST_LONG)
    end = sample.index("communes rurales.", start) + len("communes rurales.")
    short = "Le budget participatif se diffuse. Les habitants votent des projets."
    line = types.Position(9, 0)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(line, types.Position(9, utf16(sample[start:end]))),
                    text=short,
                )
            ],
        )
    )
    found = await diagnostics(client, uri, 2)
    assert [d for d in of(found, "R001") if d.range.start.line == 9] == []
    assert len(of(found, "R001")) > 3  # the other long sentences are still marked
    edited = sample[:start] + short + sample[end:]
    # Three quick edits: only the last version is checked and published.
    for version, word in ((3, "Ensuite"), (4, "Puis"), (5, "Enfin")):
        replace_all(client, uri, version, edited.replace("Concrètement", word))
    last = await diagnostics(client, uri, 5)
    # The one-word edit moved the end of its sentence's mark, and only that.
    line = edited[: edited.index("Concrètement")].count("\n")
    (before,) = [d for d in of(found, "R001") if d.range.start == types.Position(line, 0)]
    (after,) = [d for d in of(last, "R001") if d.range.start == types.Position(line, 0)]
    assert before.range.end.character - after.range.end.character == len("Concrètement") - len(
        "Enfin"
    )
    assert [d.range for d in of(last, "R001") if d is not after] == [
        d.range for d in of(found, "R001") if d is not before
    ]
    versions = [v for u, v, _ in client.published if u == uri]
    assert 3 not in versions and 4 not in versions
    assert versions[-1] == 5


async def test_hover_explains_a_marked_sentence(client, workspace, sample):
    uri = open_draft(client, workspace / "survol.md", sample)
    found = await diagnostics(client, uri, 1)
    (marked,) = [d for d in of(found, "R001") if d.range.start.line == 9]
    where = types.TextDocumentIdentifier(uri=uri)
    hover = await client.text_document_hover_async(types.HoverParams(where, types.Position(9, 40)))
    assert hover.range == marked.range
    assert hover.contents.kind == types.MarkupKind.Markdown
    text = hover.contents.value
    assert text.startswith("**R001 sentence-length**")
    for part in ("**Here:** 54 words.", "**How to fix it:**", "| `max_words` | 20 |"):
        assert part in text
    nothing = await client.text_document_hover_async(
        types.HoverParams(where, types.Position(8, 0))  # the blank line before
    )
    assert nothing is None


async def test_suppression_quick_fix_removes_the_diagnostic(client, workspace, sample):
    uri = open_draft(client, workspace / "correctif.md", sample)
    found = await diagnostics(client, uri, 1)
    target = span(sample, "L’expérimentation fondatrice", "historiquement défavorisés.")
    (marked,) = [d for d in of(found, "R001") if d.range == target]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=marked.range,
            context=types.CodeActionContext(diagnostics=[marked]),
        )
    )
    titles = [a.title for a in actions]
    assert "Disable R001 for this line" in titles and "Disable R001 for this file" in titles
    report_offered = "Open the HTML report of this draft" in titles
    assert report_offered == ("html" in FORMAT_MODULES)
    fix = actions[titles.index("Disable R001 for this line")]
    assert fix.kind == types.CodeActionKind.QuickFix
    (change,) = fix.edit.document_changes
    assert change.text_document.uri == uri and change.text_document.version == 1
    (edit,) = change.edits
    assert edit.range.start == types.Position(target.start.line, 0) == edit.range.end
    assert edit.new_text == "<!-- seo-audit: disable-next-line R001 -->\n"
    lines = sample.split("\n")
    lines.insert(target.start.line, edit.new_text.rstrip("\n"))
    fixed = "\n".join(lines)
    replace_all(client, uri, 2, fixed)
    after = await diagnostics(client, uri, 2)
    moved = target.start.line + 1  # the sentence is one line down now
    assert [d for d in of(after, "R001") if d.range.start.line == moved] == []
    assert len(of(after, "R001")) == len(of(found, "R001")) - 1
    if report_offered:  # once the HTML report format exists
        action = actions[titles.index("Open the HTML report of this draft")]
        # pytest-lsp reads a CodeAction that only carries a command back as a Command whose
        # `command` is the nested object's text: run the command the action names directly.
        assert "seo-audit.openReport" in str(action.command)
        result = await client.workspace_execute_command_async(
            types.ExecuteCommandParams("seo-audit.openReport", [uri])
        )
        assert Path(result.removeprefix("file://")).is_file()


async def test_an_emoji_before_a_finding_on_its_line_counts_two_units(client, workspace):
    text = f"# Le vélo en ville\n\nBravo 🎉 ! {LONG}\n\nUne phrase courte suffit.\n"
    uri = open_draft(client, workspace / "emoji.md", text)
    found = await diagnostics(client, uri, 1)
    (marked,) = [d for d in of(found, "R001") if d.range.start.line == 2]
    expected = span(text, "Le conseil municipal", "jusqu’à la gare.")
    assert marked.range == expected
    assert expected.start.character == len("Bravo 🎉 ! ") + 1  # the emoji is two units


async def test_plain_text_and_html_drafts_are_checked_other_files_are_not(client, workspace):
    txt = open_draft(client, workspace / "brut.txt", f"{LONG}\n\nCourt.\n", "plaintext")
    html = f"<html><body><h1>Vélo</h1><p>{LONG}</p></body></html>\n"
    page = open_draft(client, workspace / "page.html", html, "html")
    assert of(await diagnostics(client, txt, 1), "R001")
    (marked,) = of(await diagnostics(client, page, 1), "R001")
    assert marked.range == span(html, "Le conseil", "la gare.")
    config = open_draft(client, workspace / "pyproject.toml", "[project]\n", "toml")
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri=config), types.Position(0, 1))
    )
    assert hover is None
    assert config not in [u for u, _, _ in client.published]


async def test_a_client_counting_in_utf8_gets_utf8_positions(tmp_path):
    neovim = await start(tmp_path, editor="neovim@0.11")  # offers utf-8 first
    try:
        text = f"# Le vélo en ville\n\nBravo 🎉 ! {LONG}\n"
        uri = open_draft(neovim, tmp_path / "emoji.md", text)
        (marked,) = of(await diagnostics(neovim, uri, 1), "R001")
        assert marked.range.start == types.Position(2, len("Bravo 🎉 ! ".encode()))
    finally:
        await stop(neovim)
