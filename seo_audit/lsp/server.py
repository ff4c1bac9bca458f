"""The pygls language server behind `seo-audit lsp`.

- Drafts: Markdown, HTML and plain text buffers, told by their language id (`markdown`,
  `html`, `plaintext`) or else their file extension; other buffers are left alone.
- When: on open and on save at once, on change after DEBOUNCE seconds without typing. One
  worker thread checks, one draft at a time, with the model loaded once (at start-up, in the
  background) and a cache of the Docs of unchanged blocks (cache.py). A check whose buffer
  has changed since it started gives up at its next block (cache.Superseded) and publishes
  nothing: only the latest version's diagnostics are ever published, with their version.
- What: one diagnostic per place of a failing or warning check (convert.py), a hover with
  the check's explanation, quick fixes that insert suppression comments (actions.py), and,
  when an `html` report format exists, a source action that writes the draft's HTML report
  and opens it (command `seo-audit.openReport`, which returns the report's URI).
- Configuration: see settings.py. A rule set that cannot be loaded is said once in a
  `window/showMessage` error; the server keeps serving and checks again when the
  configuration changes or a .toml file is saved.

The server runs in the workspace folder (it changes into it at start-up), so that draft
paths, rule set overrides (`files = ["news/*.md"]`) and front-matter sources read as
`seo-audit check` run there reads them.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer

from seo_audit import __version__
from seo_audit.errors import SeoAuditError
from seo_audit.i18n import _, language
from seo_audit.lsp.actions import suppression_actions
from seo_audit.lsp.cache import Superseded
from seo_audit.lsp.checker import Checked, Checker, input_format, uri_path
from seo_audit.lsp.explain import doc_href, hover_text, report_file, write_atomically
from seo_audit.lsp.settings import SECTION, Settings, merged, read_settings

logger = logging.getLogger("seo_audit.lsp")

DEBOUNCE = 0.3  # seconds without typing before a changed draft is checked again
REPORT_COMMAND = "seo-audit.openReport"
_WARM_UP = "# Essai\n\nLe conseil municipal s’est réuni mardi soir. Il a voté le budget.\n"


def html_report_available() -> bool:
    from seo_audit.formats import FORMAT_MODULES

    return "html" in FORMAT_MODULES


def write_html_report(checked: Checked) -> Path:
    """Render the last report of a draft as HTML into the cache folder; its path."""
    from seo_audit.formats import RenderOptions, renderers

    if checked.report is None:
        raise SeoAuditError("the draft has not been checked yet")
    with language(checked.lang):
        html = renderers()["html"]([checked.report], RenderOptions())
    path = report_file(checked.uri)
    write_atomically(path, html)
    return path


class SeoAuditServer(LanguageServer):
    """The language server's state: settings, open drafts, scheduled and finished checks."""

    def __init__(self) -> None:
        super().__init__(
            "seo-audit",
            __version__,
            text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
        )
        self.settings = Settings()
        self.initial: Any = None  # the initializationOptions, under the configuration
        self.generation = 0  # counts settings changes: a check of an older one is stale
        self.root: Path | None = None
        self.checker = Checker()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="seo-audit-check")
        self.formats: dict[str, str] = {}  # open drafts: uri -> input format
        self.versions: dict[str, int] = {}  # open drafts: uri -> latest version
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.checked: dict[str, Checked] = {}
        self.debounce = DEBOUNCE
        self._shown: set[str] = set()  # configuration problems said since the last change

    # --- Messages -------------------------------------------------------------------------

    def say(self, message: str, kind: types.MessageType = types.MessageType.Error) -> None:
        self.window_show_message(types.ShowMessageParams(type=kind, message=message))

    def configuration_problem(self, problem: str) -> None:
        """Say a configuration problem, once until the configuration changes."""
        if problem not in self._shown:
            self._shown.add(problem)
            self.say(
                f"seo-audit: {problem}. Drafts are not checked until the configuration is "
                "fixed (they are checked again when it changes or a .toml file is saved)."
            )

    def reconfigure(self, settings: Settings | None = None) -> None:
        """Take new settings (None: keep them; a pyproject.toml or rule set file may have
        changed) and check every open draft again."""
        if settings is not None:
            for problem in settings.problems:
                self.say(f"seo-audit: {problem}", types.MessageType.Warning)
            self.settings = settings
        self.generation += 1
        self._shown.clear()
        self.check_all()

    # --- Scheduling -----------------------------------------------------------------------

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Check a draft after `delay` seconds, instead of any check scheduled before."""
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self._check(uri, delay))

    def check_all(self, delay: float = 0.0) -> None:
        for uri in list(self.formats):
            self.schedule(uri, delay)

    def current(self, uri: str) -> Checked | None:
        """The last check of a draft, if it is of the buffer's current version."""
        checked = self.checked.get(uri)
        if checked is None or checked.version != self.versions.get(uri):
            return None
        return checked

    async def _check(self, uri: str, delay: float) -> None:
        task = asyncio.current_task()
        try:
            if delay:
                await asyncio.sleep(delay)
            await self._run_check(uri)
        except asyncio.CancelledError:
            pass
        finally:
            if self.pending.get(uri) is task:
                del self.pending[uri]

    async def _run_check(self, uri: str) -> None:
        version, fmt = self.versions.get(uri), self.formats.get(uri)
        if version is None or fmt is None:
            return
        text = self.workspace.get_text_document(uri).source
        settings, generation = self.settings, self.generation

        def stale() -> bool:
            return self.versions.get(uri) != version or self.generation != generation

        job = functools.partial(
            self.checker.check, uri, version, text, fmt, settings, self.root, stale
        )
        try:
            checked = await asyncio.get_running_loop().run_in_executor(self.worker, job)
        except Superseded:
            return
        except SeoAuditError as exc:  # a rule set that cannot be loaded
            if not stale():
                self.configuration_problem(str(exc))
                self.checked.pop(uri, None)
                self.publish(uri, version, [])
            return
        except Exception as exc:  # a bug must not stop the server
            logger.exception("checking %s failed", uri)
            self.say(f"seo-audit: internal error while checking {uri} ({exc}); please report it")
            return
        if stale():
            return
        self.checked[uri] = checked
        self.publish(uri, version, checked.diagnostics)

    def publish(self, uri: str, version: int | None, diagnostics: list[types.Diagnostic]) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=diagnostics)
        )

    # --- Start-up -------------------------------------------------------------------------

    async def warm_up(self) -> None:
        """Load the model (and everything a first check loads) before the first draft."""

        def run() -> None:
            from seo_audit.engine import Draft, audit_drafts
            from seo_audit.nlp import get_nlp

            get_nlp()
            list(audit_drafts([Draft("warm-up.md", _WARM_UP)]))

        try:
            await asyncio.get_running_loop().run_in_executor(self.worker, run)
        except Exception as exc:
            logger.exception("loading the model failed")
            self.say(f"seo-audit: cannot load the French model ({exc})")

    async def pull_settings(self) -> Settings | None:
        """The `seo-audit` section of the client's configuration over the
        initializationOptions (None when the client cannot answer or has none)."""
        if not _client_can(self, "workspace.configuration"):
            return None
        try:
            found = await self.workspace_configuration_async(
                types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTION)])
            )
        except Exception as exc:
            logger.warning("workspace/configuration failed: %s", exc)
            return None
        if not found or found[0] is None:
            return None
        return read_settings(merged(self.initial, found[0]))


def _client_can(server: LanguageServer, capability: str) -> bool:
    value: Any = server.client_capabilities
    for name in capability.split("."):
        value = getattr(value, name, None)
        if value is None:
            return False
    return bool(value)


def _root_of(params: types.InitializeParams) -> Path | None:
    for uri in [f.uri for f in params.workspace_folders or []] + [params.root_uri or ""]:
        path = uri_path(uri) if uri else None
        if path is not None and path.is_dir():
            return path
    if params.root_path and Path(params.root_path).is_dir():
        return Path(params.root_path)
    return None


def _wants(only: list[str] | None, kind: str) -> bool:
    return only is None or any(kind == k or kind.startswith(f"{k}.") for k in only)


def make_server() -> SeoAuditServer:
    """A server with every feature registered."""
    server = SeoAuditServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: SeoAuditServer, params: types.InitializeParams) -> None:
        encoding = ls.workspace.position_encoding or types.PositionEncodingKind.Utf16
        ls.checker = Checker(str(getattr(encoding, "value", encoding)))
        ls.root = _root_of(params)
        if ls.root is not None:
            try:
                os.chdir(ls.root)
            except OSError:
                ls.root = None
        ls.initial = params.initialization_options
        ls.settings = read_settings(ls.initial)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: SeoAuditServer, params: types.InitializedParams) -> None:
        for problem in ls.settings.problems:
            ls.say(f"seo-audit: {problem}", types.MessageType.Warning)
        loading = asyncio.get_running_loop().create_task(ls.warm_up())
        pulled = await ls.pull_settings()
        if pulled is not None and pulled != ls.settings:
            ls.reconfigure(pulled)
        await loading

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: SeoAuditServer, params: None) -> None:
        for task in ls.pending.values():
            task.cancel()
        ls.worker.shutdown(wait=False, cancel_futures=True)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def changed_configuration(
        ls: SeoAuditServer, params: types.DidChangeConfigurationParams
    ) -> None:
        pushed = params.settings
        if isinstance(pushed, dict) and SECTION in pushed:
            ls.reconfigure(read_settings(merged(ls.initial, pushed)))
        else:
            ls.reconfigure(await ls.pull_settings())

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: SeoAuditServer, params: types.DidOpenTextDocumentParams) -> None:
        item = params.text_document
        path = uri_path(item.uri)
        fmt = input_format(item.language_id, path.name if path else item.uri)
        if fmt is None:
            return
        ls.formats[item.uri] = fmt
        ls.versions[item.uri] = item.version
        ls.schedule(item.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: SeoAuditServer, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in ls.formats:
            ls.versions[uri] = params.text_document.version
            ls.schedule(uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: SeoAuditServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in ls.formats:
            ls.schedule(uri)
        elif uri.endswith(".toml"):  # pyproject.toml or a rule set: check everything again
            ls.reconfigure()

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: SeoAuditServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        task = ls.pending.pop(uri, None)
        if task is not None:
            task.cancel()
        for table in (ls.formats, ls.versions, ls.checked):
            table.pop(uri, None)
        ls.publish(uri, None, [])

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: SeoAuditServer, params: types.HoverParams) -> types.Hover | None:
        checked = ls.current(params.text_document.uri)
        if checked is None:
            return None
        found = sorted(
            checked.at(params.position), key=lambda f: (f.whole_document, f.end - f.start)
        )
        parts, seen = [], set()
        for finding in found:
            if finding.result.id in seen:
                continue
            seen.add(finding.result.id)
            can_suppress = checked.input_format != "text"
            with language(checked.lang):
                href = doc_href(finding.result.id, ls.settings.docs_url)
                text = hover_text(
                    finding.result, finding.location, checked.ruleset, href, can_suppress
                )
            parts.append(text)
        if not parts:
            return None
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)
            ),
            range=found[0].diagnostic.range,
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.Source]
        ),
    )
    def code_actions(
        ls: SeoAuditServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        checked = ls.current(uri)
        if checked is None:
            return None
        only = [str(getattr(k, "value", k)) for k in params.context.only or []] or None
        actions: list[types.CodeAction] = []
        if _wants(only, types.CodeActionKind.QuickFix.value):
            titles: set[str] = set()
            blocks = checked.report.draft.blocks if checked.report and checked.report.draft else []
            for finding in checked.within(params.range.start, params.range.end):
                with language(checked.lang):
                    fixes = suppression_actions(
                        uri,
                        checked.version,
                        finding,
                        checked.positions,
                        blocks,
                        checked.input_format,
                        checked.newline,
                    )
                for action in fixes:
                    if action.title not in titles:
                        titles.add(action.title)
                        actions.append(action)
        if (
            _wants(only, types.CodeActionKind.Source.value)
            and checked.report is not None
            and checked.report.error is None
            and html_report_available()
        ):
            with language(checked.lang):
                title = _("Open the HTML report of this draft")
            actions.append(
                types.CodeAction(
                    title=title,
                    kind=types.CodeActionKind.Source,
                    command=types.Command(title=title, command=REPORT_COMMAND, arguments=[uri]),
                )
            )
        return actions or None

    if html_report_available():

        @server.command(REPORT_COMMAND)
        async def open_report(ls: SeoAuditServer, uri: str) -> str:
            checked = ls.checked.get(uri)
            if checked is None or checked.report is None or checked.report.error is not None:
                raise SeoAuditError(f"{uri} has no report yet (is it an open, checked draft?)")
            target = write_html_report(checked).as_uri()
            if _client_can(ls, "window.show_document.support"):
                with contextlib.suppress(Exception):
                    await ls.window_show_document_async(
                        types.ShowDocumentParams(uri=target, external=True)
                    )
            return target

    return server


def serve() -> None:
    """Run the server on stdin and stdout. Anything else printing to stdout would break the
    protocol, so Python's stdout goes to stderr while the server runs."""
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="%(name)s: %(message)s")
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    make_server().start_io(stdin, stdout)
