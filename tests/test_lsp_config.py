"""The language server's configuration, end to end: rule set and keyphrase from the editor,
pyproject.toml from the draft's folder, and bad configuration said, not crashed on."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pytest_lsp")

import pytest_asyncio  # noqa: E402
from lsp_session import LONG, message, of, open_draft, published_after, start, stop  # noqa: E402
from lsprotocol import types  # noqa: E402

pytestmark = pytest.mark.asyncio

DRAFT = f"# La piste cyclable\n\n{LONG}\n\nLes travaux dureront trois mois.\n"


@pytest_asyncio.fixture
async def broken(tmp_path):
    client = await start(tmp_path, {"seo-audit": {"ruleset": "nonexistent", "rulset": "x"}})
    yield client
    await stop(client)


async def test_bad_configuration_is_said_and_the_server_keeps_serving(broken, tmp_path):
    client = broken
    typo = await message(client, "seo-audit.rulset")
    assert typo.type == types.MessageType.Warning
    uri = open_draft(client, tmp_path / "brouillon.md", DRAFT)
    assert await published_after(client, uri, 0) == []
    error = await message(client, "nonexistent", "no such rule set")
    assert error.type == types.MessageType.Error
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri=uri), types.Position(2, 5))
    )
    assert hover is None
    # A good rule set: the draft is checked again.
    count = len(client.published)
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"seo-audit": {"ruleset": "news"}})
    )
    assert of(await published_after(client, uri, count), "R001")
    # No rule set configured: pyproject.toml from the draft's folder, here invalid TOML.
    folder = tmp_path / "blog"
    folder.mkdir()
    project = folder / "pyproject.toml"
    project.write_text("[tool.seo-audit\nruleset = 'news'\n", encoding="utf-8")
    client.workspace_did_change_configuration(  # null: not the initializationOptions' one
        types.DidChangeConfigurationParams(settings={"seo-audit": {"ruleset": None}})
    )
    count = len(client.published)
    other = open_draft(client, folder / "article.md", DRAFT)
    assert await published_after(client, other, count) == []
    error = await message(client, str(project), "invalid TOML")
    assert error.type == types.MessageType.Error
    # Fixed and saved: checked again, with the project's rule set.
    project.write_text(
        "[tool.seo-audit]\n[tool.seo-audit.checks.sentence-length]\n"
        "max_words = 50\nvery_long_words = 80\n",
        encoding="utf-8",
    )
    count = len(client.published)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri=project.as_uri()))
    )
    found = await published_after(client, other, count)
    assert found and of(found, "R001") == []  # 40 words is no long sentence at 50


@pytest_asyncio.fixture
async def plain(tmp_path):
    client = await start(tmp_path)
    yield client
    await stop(client)


async def test_keyphrase_from_the_workspace_configuration(plain, tmp_path):
    client = plain
    uri = open_draft(client, tmp_path / "sans-mot-cle.md", DRAFT)
    before = await published_after(client, uri, 0)
    # Without a keyphrase the density check cannot be verified: one whole-draft diagnostic
    # says to give one, and no other keyword finding appears.
    assert [str(d.code) for d in before if str(d.code).startswith("K")] == ["K001"]
    assert "No focus keyphrase" in next(d for d in before if d.code == "K001").message
    client.set_configuration({"keyword": "tramway nocturne"}, section="seo-audit")
    count = len(client.published)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings=None))
    after = await published_after(client, uri, count)
    keyword_findings = [d for d in after if str(d.code).startswith("K")]
    assert keyword_findings  # the configured keyphrase is nowhere in the draft
    assert not any("No focus keyphrase" in d.message for d in keyword_findings)
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri=uri), keyword_findings[0].range.start)
    )
    assert hover is not None
    assert Path(tmp_path / "sans-mot-cle.md").is_file()
