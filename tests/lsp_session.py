"""A real LSP client session with `python -m seo_audit.cli lsp` run as a subprocess (pytest-lsp's
client), shared by the language server's end-to-end tests."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from lsprotocol import types
from pygls.protocol import default_converter
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features

WAIT = 300  # seconds: a hang guard for loading the model on a busy machine, not a timing test
LONG = (
    "Le conseil municipal, qui s’est réuni mardi soir après une longue journée de débats "
    "parfois houleux, a finalement décidé, malgré l’opposition résolue d’une partie des élus "
    "de la majorité comme de l’opposition, de prolonger la piste cyclable jusqu’à la gare."
)


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def make_client() -> LanguageClient:
    """pytest-lsp's client, which also records each publishDiagnostics with its version."""
    client = LanguageClient(converter_factory=default_converter)
    client.published = []

    def published(client: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        client.diagnostics[params.uri] = params.diagnostics
        client.published.append((params.uri, params.version, list(params.diagnostics)))

    register_lsp_features(
        client, {**DEFAULT_CLIENT_FEATURES, types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS: published}
    )
    return client


async def start(
    root: Path, options: dict | None = None, editor: str = "visual-studio-code"
) -> LanguageClient:
    """A server in a subprocess, initialised for `root` as the editor `editor` would."""
    config = ClientServerConfig(
        server_command=[sys.executable, "-m", "seo_audit.cli", "lsp"],
        client_factory=make_client,
        server_env={**os.environ, "XDG_CACHE_HOME": str(root / ".cache")},
    )
    client = await config.start()
    await client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(editor),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="drafts")],
            initialization_options=options,
        )
    )
    return client


async def stop(client: LanguageClient) -> None:
    await client.shutdown_session()
    await client.stop()


async def diagnostics(client: LanguageClient, uri: str, version: int) -> list[types.Diagnostic]:
    """The diagnostics published for one version of a document (waiting for them)."""
    async with asyncio.timeout(WAIT):
        while True:
            for found_uri, found_version, found in reversed(client.published):
                if found_uri == uri and found_version == version:
                    return found
            await asyncio.sleep(0.02)


async def message(client: LanguageClient, *parts: str) -> types.ShowMessageParams:
    async with asyncio.timeout(WAIT):
        while True:
            for shown in client.messages:
                if all(part in shown.message for part in parts):
                    return shown
            await asyncio.sleep(0.02)


async def published_after(client, uri: str, count: int) -> list[types.Diagnostic]:
    """The first diagnostics published for `uri` after the first `count` publications."""
    async with asyncio.timeout(WAIT):
        while True:
            for found_uri, _, found in client.published[count:]:
                if found_uri == uri:
                    return found
            await asyncio.sleep(0.02)


def open_draft(client: LanguageClient, path: Path, text: str, language: str = "markdown") -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        )
    )
    return uri


def replace_all(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


def span(text: str, sentence_start: str, sentence_end: str) -> types.Range:
    """The LSP range (UTF-16) of the sentence of `text` from `sentence_start` to the end of
    `sentence_end`, on one line."""
    start = text.index(sentence_start)
    end = text.index(sentence_end, start) + len(sentence_end)
    line = text.count("\n", 0, start)
    line_start = text.rfind("\n", 0, start) + 1
    return types.Range(
        types.Position(line, utf16(text[line_start:start])),
        types.Position(line, utf16(text[line_start:end])),
    )


def of(found: list[types.Diagnostic], code: str) -> list[types.Diagnostic]:
    return [d for d in found if d.code == code]
