"""The one audit pipeline: draft → read → parse → one spaCy pass → analyze → checks → report.

`audit_drafts` is the only place these stages are put together. The command line (`check`,
`metrics`), batches, worker processes and the library all call it, so that a fix to any
stage reaches every one of them.
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from spacy.language import Language
from spacy.tokens import Doc

from seo_audit.analyze import Analysis, AnalysisSettings, SourceText, analyze, prose_text
from seo_audit.checks.base import SKIP, CheckResult, Location, Place
from seo_audit.checks.needs import unmet_need
from seo_audit.document import Document
from seo_audit.errors import InputError, RulesetError
from seo_audit.i18n import _, language
from seo_audit.io import read_bytes, read_text
from seo_audit.marks import draft_view
from seo_audit.nlp import BLOCK_SEPARATOR, get_nlp
from seo_audit.parse import BINARY_FORMATS, format_for_path, parse, parse_bytes
from seo_audit.registry import selected
from seo_audit.report import Report
from seo_audit.ruleset import RuleSet, load_ruleset, ruleset_for_file
from seo_audit.suppress import Suppressions
from seo_audit.textmap import LineIndex

# Documents read and sent to nlp.pipe together; larger batches gain little on CPU, hold more
# memory and make a streamed report wait longer for its first draft.
PIPE_BATCH = 16
# Only the source comparison reads named entities: other drafts skip the `ner` component.
SOURCE_ONLY_PIPES = ("ner",)
# A long draft goes through spaCy in pieces of whole blocks of at most this many characters:
# spaCy refuses a text over nlp.max_length (1,000,000), and its memory grows with a text's
# tokens (about 20 KB each: 30,000 characters of punctuation are 30,000 tokens).
PIECE_CHARS = 30_000
# A paragraph longer than this is no prose (about 15,000 words).
MAX_BLOCK_CHARS = 100_000


@dataclass
class AuditOptions:
    """Everything besides the text that changes a verdict."""

    keyword: str | None = None
    synonyms: tuple[str, ...] = ()
    accent_sensitive: bool = False
    input_format: str | None = None  # None: from the file extension
    ruleset: RuleSet | None = None  # None: the default rule set (or pyproject's)
    select: tuple[str, ...] = ()  # check ids, names or families; empty = all enabled
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"  # "warning": warnings fail a draft too
    fail_under: int | None = None  # a score below this fails a draft
    site_url: str = ""  # the site's address: links to it are internal
    # The source articles a rewrite is checked against (a single path is taken as one).
    source: tuple[str, ...] | str | None = None
    source_dirs: tuple[str, ...] = ()  # folders a front-matter `source:` may point into
    max_bytes: int | None = None  # largest draft read (None: io's default)
    # The language of messages ("en", "fr"): set here so worker processes use it too.
    lang: str = "en"

    def rules(self) -> RuleSet:
        """The active rule set, loaded once."""
        if self.ruleset is None:
            self.ruleset = load_ruleset()
        return self.ruleset


@dataclass(frozen=True)
class Draft:
    """One draft to audit: a path to read, or a text given with a name for the report."""

    path: str
    text: str | None = None  # None: read the file at `path` ("-": stdin)
    input_format: str | None = None
    keyword: str | None = None  # this draft's keyphrase, over AuditOptions.keyword


class DocCache(Protocol):
    """Where `audit_drafts` takes spaCy Docs from when one is given (the language server's
    cache of unchanged blocks, seo_audit.lsp.cache): the pieces a draft's prose is cut into,
    and a Doc for each piece, in order. The pieces must join back into `prose_text`."""

    def pieces(self, document: Document) -> list[str]: ...

    def docs(self, nlp: Language, texts: list[str], disable: list[str]) -> Iterable[Doc]: ...


# --- Stages -----------------------------------------------------------------------------------


def load_document(
    path: str, input_format: str | None = None, max_bytes: int | None = None
) -> Document:
    """Read and parse one file (or "-" for stdin); raises InputError."""
    fmt = format_for_path(path, input_format)
    if fmt in BINARY_FORMATS:  # a Word document: read as bytes
        return parse_bytes(path, read_bytes(path, max_bytes), fmt)
    return parse(path, read_text(path, max_bytes), fmt)


def _load(draft: Draft, options: AuditOptions) -> Document:
    fmt = draft.input_format or options.input_format
    if draft.text is None:
        return load_document(draft.path, fmt, options.max_bytes)
    text = draft.text.replace("\r\n", "\n").replace("\r", "\n")
    return parse(draft.path, text, format_for_path(draft.path, fmt))


def settings_for(
    ruleset: RuleSet, options: AuditOptions, keyword: str | None = None
) -> AnalysisSettings:
    """What the analysis needs to know besides the text, thresholds from the rule set;
    `keyword` (a draft's own keyphrase) comes before the options' one."""
    return AnalysisSettings(
        keyword=keyword or options.keyword,
        synonyms=tuple(options.synonyms),
        accent_sensitive=options.accent_sensitive,
        site_url=options.site_url,
        long_sentence_words=ruleset.checks["R001"].options["max_words"],
        complex_min_letters=ruleset.checks["R006"].options["min_letters"],
        complex_max_zipf=ruleset.checks["R006"].options["max_zipf"],
    )


def source_paths(document: Document, options: AuditOptions) -> tuple[str, ...]:
    """The sources of a rewrite: --source (repeatable), else front matter `source:` (a path
    or a list of paths) next to the draft.

    A front-matter source is named by the draft, which anyone may write (a pull request):
    it is read only inside the draft's folder tree or its repository, or a folder the user
    allowed (--allow-source-dir); anything else is an input error, and nothing of that
    file is read.
    """
    if options.source:
        given = (options.source,) if isinstance(options.source, str) else options.source
        return tuple(dict.fromkeys(str(p) for p in given))
    value = document.meta.get("source")
    values = value if isinstance(value, list) else [value]
    named = [v.strip() for v in values if isinstance(v, str) and v.strip()]
    if not named:
        return ()
    base = Path.cwd() if document.path in ("-", "<text>") else Path(document.path).parent
    allowed = [base.resolve(), *(Path(d).resolve() for d in options.source_dirs)]
    repository = _repository_of(base.resolve())
    if repository is not None:
        allowed.append(repository)
    for name in named:
        candidate = (base / name).resolve()
        if not any(candidate.is_relative_to(folder) for folder in allowed):
            raise InputError(
                document.path,
                f"front matter `source: {name}` lies outside the draft's folder and "
                "repository; it was not read (allow its folder with --allow-source-dir)",
            )
    return tuple(dict.fromkeys(str(base / name) for name in named))


def _repository_of(folder: Path) -> Path | None:
    """The root of the git repository holding `folder`, if any."""
    for parent in [folder, *folder.parents]:
        if (parent / ".git").exists():
            return parent
    return None


class SourceCache:
    """Source articles parsed and run through spaCy once, however many drafts of a batch
    point at them. A source is known by its path, size and modification time, so a file
    that changed is read again; the cache keeps the few most recent."""

    def __init__(self, size: int = 8) -> None:
        self._size = size
        self._cache: OrderedDict[tuple, SourceText | InputError] = OrderedDict()

    def get(self, path: str) -> SourceText:
        try:
            stat = os.stat(path)
            key: tuple = (os.path.realpath(path), stat.st_size, stat.st_mtime_ns)
        except OSError:
            key = (path,)
        if key not in self._cache:
            try:
                source = load_document(path)
                self._cache[key] = SourceText(source, get_nlp()(prose_text(source)))
            except InputError as exc:
                self._cache[key] = exc
            while len(self._cache) > self._size:
                self._cache.popitem(last=False)
        self._cache.move_to_end(key)
        found = self._cache[key]
        if isinstance(found, InputError):
            raise InputError(found.path, f"source {found.path}: {found.problem}")
        return found


_SOURCES = SourceCache()


def run_checks(
    analysis: Analysis,
    ruleset: RuleSet,
    options: AuditOptions,
    suppressions: Suppressions | None = None,
) -> list[CheckResult]:
    """Run every enabled and selected check on one analysis, leaving out for each check what
    the draft's directives suppress for it."""
    suppressions = suppressions or Suppressions()
    results = []
    resolve = _Resolver(analysis.document)
    for check, cfg in ruleset.ordered_checks():
        if not selected(check, cfg.enabled, options.select, options.ignore):
            continue
        result = CheckResult(
            check.id, check.name, check.family, SKIP, cfg.severity, cfg.weight, None, "", ""
        )
        off = suppressions.switched_off(check)
        if off is not None:
            said = _("Suppressed for this file ({where}).").format(where=off)
            results.append(replace(result, message=said))
            continue
        need = unmet_need(check.needs, analysis)
        if need is not None:
            results.append(
                replace(result, message=need.message(analysis), unverifiable=need.blocks_verdict)
            )
            continue
        covered = suppressions.covers(check)
        seen = analysis if covered is None else analysis.without_lines(covered)
        outcome = check().run(seen, cfg.options)
        result = replace(
            result,
            status=outcome.status,
            value=outcome.value,
            expected=outcome.expected,
            message=outcome.message,
            locations=[resolve(p) for p in outcome.places],
        )
        results.append(suppressions.filter(result, covered))
    return results


class _Resolver:
    """Places (file offsets) → locations with lines, columns and the text found there."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.others: dict[str, tuple[str, LineIndex]] = {}

    def __call__(self, where: Place) -> Location:
        text, lines = self.document.text, self.document.lines
        if where.path is not None:
            text, lines = self._other(where.path)
        line, column = lines.position(where.start)
        end_line, end_column = lines.position(where.end)
        return Location(
            where.start,
            where.end,
            line,
            column,
            end_line,
            end_column,
            text[where.start : where.end],
            where.note,
            where.path,
        )

    def _other(self, path: str) -> tuple[str, LineIndex]:
        if path not in self.others:
            text = _SOURCES.get(path).document.text
            self.others[path] = (text, LineIndex(text))
        return self.others[path]


def build_report(
    document: Document, analysis: Analysis, options: AuditOptions, ruleset: RuleSet
) -> Report:
    """The report of one analysed draft, under its rule set (overrides applied), with its
    messages in the language of `options`."""
    with language(options.lang):
        suppressions = Suppressions.of(document)
        results = run_checks(analysis, ruleset, options, suppressions)
        notes = [*suppressions.notes, *suppressions.unused_notes()]
    return Report(
        path=document.path,
        checks=results,
        metrics=analysis.metrics,
        keyword=analysis.keyword,
        keyword_source=analysis.keyword_source,
        suggestions=analysis.suggestions,
        input_format=document.format,
        ruleset=ruleset.name,
        notes=notes,
        fail_on=options.fail_on,
        fail_under=options.fail_under,
        accept_unverifiable=ruleset.accept_unverifiable,
        draft=draft_view(analysis, ruleset),
    )


# --- The pipeline -----------------------------------------------------------------------------


@dataclass
class _Loaded:
    document: Document
    sources: tuple[SourceText, ...] = ()
    doc: Doc | None = field(default=None, repr=False)
    keyword: str | None = None  # the draft's own keyphrase


def audit_drafts(
    drafts: Iterable[str | Path | Draft],
    options: AuditOptions | None = None,
    *,
    doc_cache: DocCache | None = None,
) -> Iterator[Report]:
    """Audit drafts in input order: the one pipeline every entry point calls.

    spaCy runs once per draft, batched through nlp.pipe, with `ner` only for drafts that
    have a source. A draft that cannot be read or parsed (or whose source cannot) yields a
    Report with `error` set; the others are still checked. With a `doc_cache`, the Docs come
    from it instead (it runs spaCy only on the pieces it has not seen).
    """
    options = options or AuditOptions()
    options.rules()  # a broken rule set stops the run before any file is read
    batch: list[Draft] = []
    for item in drafts:
        batch.append(item if isinstance(item, Draft) else Draft(str(item)))
        if len(batch) == PIPE_BATCH:
            yield from _audit_batch(batch, options, doc_cache)
            batch = []
    if batch:
        yield from _audit_batch(batch, options, doc_cache)


def _audit_batch(
    drafts: list[Draft], options: AuditOptions, doc_cache: DocCache | None = None
) -> Iterator[Report]:
    loaded: list[_Loaded | Report] = []
    for draft in drafts:
        try:
            with language(options.lang):  # the problems of an input are told in its language
                document = _load(draft, options)
                paths = source_paths(document, options)
                sources = tuple(_SOURCES.get(path) for path in paths)
            loaded.append(_Loaded(document, sources, keyword=draft.keyword))
        except InputError as exc:
            loaded.append(Report(path=draft.path, error=exc.problem, fail_on=options.fail_on))
    analysed = iter(_run_spacy([item for item in loaded if isinstance(item, _Loaded)], doc_cache))
    loaded = [next(analysed) if isinstance(item, _Loaded) else item for item in loaded]
    for item in loaded:
        if isinstance(item, Report):
            yield item
            continue
        document = item.document
        try:
            ruleset = ruleset_for_file(options.rules(), document.path)
            analysis = analyze(
                document,
                item.doc,
                get_nlp(),
                settings_for(ruleset, options, item.keyword),
                item.sources,
            )
            yield build_report(document, analysis, options, ruleset)
        except InputError as exc:
            yield Report(path=document.path, error=exc.problem, fail_on=options.fail_on)
        except RulesetError as exc:
            yield Report(path=document.path, error=str(exc), fail_on=options.fail_on)
        except Exception as exc:  # a bug must not hide the rest of the batch
            problem = f"internal error ({type(exc).__name__}: {exc}); please report it"
            yield Report(path=document.path, error=problem, fail_on=options.fail_on)


def _run_spacy(items: list[_Loaded], doc_cache: DocCache | None = None) -> list[_Loaded | Report]:
    """One spaCy pass per draft; drafts with a source get the full pipeline, others skip
    the components only the source comparison reads. A long draft goes through in pieces of
    whole blocks, joined back into one Doc (with a `doc_cache`: its pieces and Docs)."""
    nlp = get_nlp()
    out: dict[int, _Loaded | Report] = {}
    for with_source in (False, True):
        group = [item for item in items if bool(item.sources) == with_source]
        pieces: list[tuple[int, str]] = []  # (index in group, text)
        for i, item in enumerate(group):
            try:
                cut = doc_cache.pieces if doc_cache is not None else prose_pieces
                pieces.extend((i, piece) for piece in cut(item.document))
            except InputError as exc:
                out[id(item)] = Report(path=exc.path, error=exc.problem)
        disable = [] if with_source else pipes_without(nlp, SOURCE_ONLY_PIPES)
        if doc_cache is not None:
            docs = doc_cache.docs(nlp, [text for _, text in pieces], disable)
        else:
            docs = nlp.pipe((text for _, text in pieces), batch_size=PIPE_BATCH, disable=disable)
        parts: dict[int, list[Doc]] = {}
        for (i, _text), doc in zip(pieces, docs, strict=True):
            parts.setdefault(i, []).append(doc)
        for i, found in parts.items():
            group[i].doc = (
                found[0] if len(found) == 1 else Doc.from_docs(found, ensure_whitespace=False)
            )
            out[id(group[i])] = group[i]
    return [out[id(item)] for item in items]


def prose_pieces(document: Document) -> list[str]:
    """`prose_text(document)` cut into pieces of at most PIECE_CHARS characters that join
    back into the whole text: between blocks, and a block longer than a piece at a space.
    A block longer than MAX_BLOCK_CHARS is no prose (InputError)."""
    text = prose_text(document)
    if len(text) <= PIECE_CHARS:
        return [text]
    parts: list[str] = []
    blocks = text.split(BLOCK_SEPARATOR)
    for n, block in enumerate(blocks):
        if len(block) > MAX_BLOCK_CHARS:
            raise InputError(
                document.path,
                f'a block of {len(block):,} characters ("{block[:30]}…") is too long to '
                f"be prose (the limit is {MAX_BLOCK_CHARS:,} characters per paragraph)",
            )
        parts.extend(_cut_at_spaces(block))
        if n < len(blocks) - 1:
            parts[-1] += BLOCK_SEPARATOR
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for part in parts:
        if current and size + len(part) > PIECE_CHARS:
            pieces.append("".join(current))
            current, size = [], 0
        current.append(part)
        size += len(part)
    pieces.append("".join(current))
    return pieces


def _cut_at_spaces(block: str) -> list[str]:
    """A block in parts of at most PIECE_CHARS characters, cut after a space (prose_text
    leaves no run without one longer than LONGEST_TOKEN)."""
    parts = []
    while len(block) > PIECE_CHARS:
        cut = block.rfind(" ", 0, PIECE_CHARS) + 1 or PIECE_CHARS
        parts.append(block[:cut])
        block = block[cut:]
    parts.append(block)
    return parts


def pipes_without(nlp: Language, names: tuple[str, ...]) -> list[str]:
    """Those of `names` that the pipeline has (to pass as `disable`)."""
    return [name for name in names if name in nlp.pipe_names]


def audit_one(draft: str | Path | Draft, options: AuditOptions | None = None) -> Report:
    """Audit one draft through the same pipeline; raises InputError when it cannot be read."""
    report = next(audit_drafts([draft], options))
    if report.error is not None:
        path = draft.path if isinstance(draft, Draft) else str(draft)
        raise InputError(path, report.error)
    return report


__all__ = [
    "AuditOptions",
    "DocCache",
    "Draft",
    "InputError",
    "RulesetError",
    "audit_drafts",
    "audit_one",
    "load_document",
    "run_checks",
]
