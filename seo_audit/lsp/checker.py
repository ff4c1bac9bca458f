"""One check of one editor buffer: text in, findings (with their Diagnostics) out.

No LSP transport here: the server calls `Checker.check` in its worker thread, the benchmark
and the tests call it directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lsprotocol import types

from seo_audit.checks.base import CheckResult, Location
from seo_audit.engine import Draft, audit_drafts
from seo_audit.errors import InputError
from seo_audit.i18n import _, language
from seo_audit.io import read_text
from seo_audit.lsp.cache import BlockDocCache
from seo_audit.lsp.convert import Finding, Positions, error_diagnostic, findings_of
from seo_audit.lsp.explain import doc_href
from seo_audit.lsp.settings import Settings, load_rules, options_for
from seo_audit.parse import NO_PROSE, format_for_path
from seo_audit.report import Report
from seo_audit.ruleset import RuleSet, ruleset_for_file

# Editor language ids -> input formats; other ids fall back on the file extension.
LANGUAGES = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}


def input_format(language_id: str | None, path: str) -> str | None:
    """The input format of a buffer: from its language id, else its extension; None when
    seo-audit does not read it."""
    if language_id in LANGUAGES:
        return LANGUAGES[language_id]
    try:
        return format_for_path(path)
    except InputError:
        return None


def uri_path(uri: str) -> Path | None:
    """The file system path of a `file:` URI (None for `untitled:` and the like)."""
    parts = urlsplit(uri)
    if parts.scheme != "file":
        return None
    return Path(unquote(parts.path))


def draft_name(uri: str, fmt: str, root: Path | None) -> str:
    """The path a report names the draft by: relative to the workspace folder when inside
    it (as `seo-audit check` run there says it, and as rule set overrides match it)."""
    path = uri_path(uri)
    if path is None:
        stem = uri.rsplit("/", 1)[-1].rsplit(":", 1)[-1] or "untitled"
        suffix = {"markdown": ".md", "html": ".html", "text": ".txt"}[fmt]
        return stem if stem.endswith(suffix) else stem + suffix
    if root is not None and path.is_relative_to(root):
        return str(path.relative_to(root))
    return str(path)


def normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass
class Checked:
    """What the server keeps of the last check of a document."""

    uri: str
    version: int
    input_format: str
    text: str  # line endings normalised, as the engine read it
    newline: str  # the buffer's own line ending, for inserted lines
    positions: Positions
    report: Report | None = None
    ruleset: RuleSet | None = None
    findings: list[Finding] = field(default_factory=list)
    diagnostics: list[types.Diagnostic] = field(default_factory=list)
    problem: str | None = None  # a configuration problem: nothing was checked
    lang: str = "en"  # the language of its messages, for hovers, fixes and the report

    def at(self, position: types.Position) -> list[Finding]:
        """The findings whose range holds `position` (a whole-draft one: on its headline)."""
        offset = self.positions.offset(position)
        return [f for f in self.findings if f.start <= offset <= max(f.end, f.start)]

    def within(self, start: types.Position, end: types.Position) -> list[Finding]:
        """The findings that meet the range [start, end]."""
        first, last = self.positions.offset(start), self.positions.offset(end)
        return [f for f in self.findings if f.start <= last and first <= max(f.end, f.start)]


class Checker:
    """Checks buffers with one spaCy model and one cache of block Docs."""

    def __init__(self, encoding: str = "utf-16") -> None:
        self.encoding = encoding
        self.cache = BlockDocCache()
        self._others: dict[str, Positions] = {}

    def check(
        self,
        uri: str,
        version: int,
        text: str,
        fmt: str,
        settings: Settings,
        root: Path | None = None,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> Checked:
        """Check one version of a buffer. Raises RulesetError for a bad configuration and
        cache.Superseded when `cancelled()` turns true during the spaCy pass."""
        plain = normalised(text)
        newline = "\r\n" if "\r\n" in text else "\n"
        checked = Checked(uri, version, fmt, plain, newline, Positions(plain, self.encoding))
        path = uri_path(uri)
        folder = path.parent if path is not None else (root or Path.cwd())
        rules = load_rules(settings, folder, root)
        name = draft_name(uri, fmt, root)
        options = options_for(settings, rules, name, plain, fmt)
        checked.lang = options.lang
        self.cache.cancelled = cancelled
        try:
            report = next(audit_drafts([Draft(name, plain, fmt)], options, doc_cache=self.cache))
        finally:
            self.cache.cancelled = lambda: False
        checked.report = report
        checked.ruleset = ruleset_for_file(rules, name)
        if report.error is not None:
            # A draft with no prose yet shows nothing: it is being written.
            with language(checked.lang):
                no_prose = _(NO_PROSE)
            if no_prose not in report.error:
                checked.diagnostics = [error_diagnostic(report.error, checked.positions)]
            return checked

        def href(result: CheckResult) -> str | None:
            with language(checked.lang):
                return doc_href(result.id, settings.docs_url)

        self._others = {}
        checked.findings = findings_of(report, checked.positions, href, self._related)
        checked.diagnostics = [f.diagnostic for f in checked.findings]
        return checked

    def _related(self, location: Location) -> types.Location | None:
        """A place in another file (a rewrite's source) as an LSP Location."""
        path = location.path
        if path is None:
            return None
        file = Path(path).resolve()
        if path not in self._others:
            try:
                self._others[path] = Positions(normalised(read_text(str(file))), self.encoding)
            except InputError:
                return None
        positions = self._others[path]
        return types.Location(
            uri=file.as_uri(), range=positions.range(location.start, location.end)
        )
