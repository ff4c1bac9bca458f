"""The `seo-audit` command line (click): check, metrics, rules, explain, config, lsp."""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from seo_audit import __version__
from seo_audit.errors import InputError, SeoAuditError
from seo_audit.formats import FORMAT_NAMES
from seo_audit.formats.safe import for_terminal
from seo_audit.i18n import (
    N_,
    LanguageError,
    _,
    current_language,
    pgettext,
    resolve_language,
    set_language,
)
from seo_audit.parse import FORMATS as INPUT_FORMATS

if TYPE_CHECKING:
    from seo_audit.dask_backend import DaskBatch
    from seo_audit.engine import AuditOptions
    from seo_audit.formats import RenderOptions
    from seo_audit.report import Report
    from seo_audit.ruleset import RuleSet
    from seo_audit.shard import Shard

EXIT_OK, EXIT_FAIL, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def _fail(message: str) -> NoReturn:
    click.echo(_("seo-audit: error: {message}").format(message=for_terminal(message)), err=True)
    sys.exit(EXIT_ERROR)


# click's own texts (usage, headings, errors), translated with ours: see _speak.
CLICK_TEXTS = (
    N_("Usage:"),
    N_("Options"),
    N_("Commands"),
    N_("Show this message and exit."),
    N_("Show the version and exit."),
    N_("Error: {message}"),
    N_("Try '{command} {option}' for help."),
    N_("No such option {name!r}."),
    N_("No such command {name!r}."),
    N_("Missing argument"),
    N_("Missing argument {param_hint}."),
    N_("Invalid value for {param_hint}: {message}"),
    N_("default: {default}"),
    N_("Missing command."),
)
_CLICK_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui")
LANG_HELP = N_(
    "Language of the report and messages: fr or en (default: the rule set's, else the locale)."
)


def _lang_in_args(args: list[str]) -> str | None:
    """The value of --lang on a command line, read before click parses it (so that --help
    is printed in that language); None when not given."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.removeprefix("--lang=")
    return None


def _speak(lang: str) -> None:
    """Set the language of every text: ours, the help texts of the command tree (click reads
    them at import time, in English) and click's own (its modules call gettext)."""
    import importlib
    import inspect

    translate = _
    set_language(lang)
    for name in _CLICK_MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = translate  # click's `from gettext import gettext as _`
    commands = [main, *main.commands.values()]
    for command in commands:
        command.context_class = _Context
        if getattr(command, "_help_option", None) is not None:
            # click keeps its --help option once made, with the text of that language
            command._help_option = None
        english = _ENGLISH_HELP.setdefault(id(command), command.help or "")
        command.help = translate(inspect.cleandoc(english)) if english else english
        for param in command.params:
            if isinstance(param, click.Option):
                english = _ENGLISH_HELP.setdefault(id(param), param.help or "")
                if english == FORMAT_HELP:
                    param.help = translate(FORMAT_HELP_TEMPLATE).format(formats=_FORMATS)
                else:
                    param.help = translate(english) if english else english


_ENGLISH_HELP: dict[int, str] = {}


def _chosen_language(explicit: str | None, config_value: str | None = None) -> str:
    """The language of this run (see i18n.resolve_language), or exit 2 naming the problem."""
    try:
        return resolve_language(explicit, config_value, os.environ)
    except LanguageError as exc:
        _fail(str(exc))


class _Formatter(click.HelpFormatter):
    """click's help layout, with its headings ("Options:") in the language of the run."""

    def write_heading(self, heading: str) -> None:
        said = _("{heading}:").format(heading=heading)
        self.write(f"{'':>{self.current_indent}}{said}\n")


class _Context(click.Context):
    formatter_class = _Formatter


class _Group(click.Group):
    """The command group: reads --lang (and the locale) before click parses anything."""

    def main(self, args: Any = None, *pos: Any, **kw: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        before = current_language()
        _speak(_chosen_language(_lang_in_args(argv)))
        try:
            return super().main(argv, *pos, **kw)
        finally:  # a caller in the same process (a test, a script) keeps its language
            _speak(before)


def _lang_option(command: click.Command) -> click.Command:
    """--lang on a command: read by _Group.main; kept in ctx.meta for the rule set's turn."""

    def keep(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
        if value is not None:
            ctx.meta["lang"] = value

    command.params.append(
        click.Option(["--lang"], metavar="fr|en", help=LANG_HELP, expose_value=False, callback=keep)
    )
    return command


def _apply_ruleset_language(rules: RuleSet | None) -> str:
    """The run's language once its rule set is known: --lang, else the rule set's `lang`,
    else the locale."""
    ctx = click.get_current_context(silent=True)
    explicit = ctx.meta.get("lang") if ctx is not None else None
    lang = _chosen_language(explicit, getattr(rules, "lang", None))
    _speak(lang)
    return lang


def _check_selection(keys: tuple[str, ...], option: str) -> None:
    from seo_audit.registry import is_known

    for key in keys:
        if not is_known(key):
            _fail(
                _(
                    "{option} {key}: unknown check id, name or family (see `seo-audit rules`)"
                ).format(option=option, key=key)
            )


def _load_rules(ruleset: str | None) -> RuleSet:
    """The active rule set, or exit 2 with one line saying what is wrong with it."""
    from seo_audit.ruleset import load_ruleset

    try:
        return load_ruleset(ruleset)
    except SeoAuditError as exc:
        _fail(str(exc))


def _project_excludes() -> tuple[str, ...]:
    from seo_audit.ruleset import project_excludes

    try:
        return project_excludes()
    except SeoAuditError as exc:
        _fail(str(exc))


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for value in values for v in value.split(",") if v.strip())


def _max_bytes(option: str | None) -> int:
    """The size limit per draft: --max-bytes, else $SEO_AUDIT_MAX_BYTES, else io.MAX_BYTES."""
    from seo_audit import io

    if option is None:
        try:
            return io.default_max_bytes()
        except InputError as exc:
            _fail(exc.problem)
    try:
        return io.parse_size(option)
    except ValueError as exc:
        _fail(f"--max-bytes {option}: {exc}")


def _screened(
    files: list[str],
    options: AuditOptions,
    max_bytes: int,
    jobs: int,
    wp_statuses: tuple[str, ...] | None = None,
    cluster: DaskBatch | None = None,
) -> Iterator[Report]:
    """Reports in input order (one per post of a WordPress export); see `inputs.screened`.
    The drafts are audited by the workers of `cluster` when given, else by `jobs` local
    processes."""
    from seo_audit.inputs import screened

    def notice(message: str) -> None:
        click.echo(for_terminal(f"seo-audit: {message}"), err=True)

    return screened(files, options, max_bytes, jobs, wp_statuses, notice, cluster)


def _dask_batch(scheduler: str) -> DaskBatch:
    """The Dask cluster of --scheduler, closed with the command; or exit 2 saying why not."""
    try:
        from seo_audit.dask_backend import DaskBatch
    except ImportError as exc:
        _fail(
            _("--scheduler needs Dask: pip install 'seo-audit[dask]' ({problem})").format(
                problem=exc
            )
        )
    try:
        batch = DaskBatch.connect(scheduler)
    except SeoAuditError as exc:
        _fail(str(exc))
    click.get_current_context().call_on_close(batch.close)
    return batch


def _drafts(
    args: list[str], files_from: str | None, exclude: tuple[str, ...], shard: Shard | None
) -> tuple[list[str], int]:
    """The drafts to check (those of `shard`, if given) and how many the input names in all.
    The list of --files-from is read a line at a time and sharded as it is read."""
    from itertools import chain

    from seo_audit.paths import iter_paths
    from seo_audit.shard import read_path_list

    total = 0

    def keep(path: str) -> bool:
        nonlocal total
        total += 1
        return shard is None or shard.holds(path)

    listed = read_path_list(files_from) if files_from else ()
    try:
        return list(iter_paths(chain(args, listed), exclude, keep)), total
    except InputError as exc:
        _fail(
            _("{path}: cannot read the file list ({problem})").format(
                path=exc.path, problem=exc.problem
            )
        )


@dataclass(frozen=True)
class _Outcome:
    """What a streamed JSON Lines run keeps of a draft once it is printed: enough for the
    exit code and the error lines, so that memory does not grow with whole reports."""

    path: str
    error: str | None
    passed: bool


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="seo-audit")
def main() -> None:
    """seo-audit: check French SEO drafts (Markdown, HTML, plain text) against a rule set."""


FORMAT_HELP_TEMPLATE = N_("Report format: auto (github in GitHub Actions, else text), {formats}")
_FORMATS = ", ".join(FORMAT_NAMES)
FORMAT_HELP = FORMAT_HELP_TEMPLATE.format(formats=_FORMATS)

# The options `check` and `merge` share, written once.
_format_option = click.option(
    "-f", "--format", "output_format", default="auto", show_default=True, help=FORMAT_HELP
)


def _verdict_and_layout_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """How a draft fails and how the report looks: --fail-on, --fail-under, --exit-zero,
    -q, -v and --color."""
    options = [
        click.option(
            "--fail-on",
            type=click.Choice(["error", "warning"]),
            default="error",
            show_default=True,
            help="Lowest severity that fails a draft.",
        ),
        click.option(
            "--fail-under",
            type=click.IntRange(0, 100),
            default=None,
            help="Also fail a draft whose score is below this.",
        ),
        click.option(
            "--exit-zero", is_flag=True, help="Exit 0 even when drafts fail (not on errors)."
        ),
        click.option("-q", "--quiet", is_flag=True, help="Show only failures."),
        click.option("-v", "--verbose", is_flag=True, help="Show every measured value."),
        click.option("--color/--no-color", default=None, help="Colour (default: on a terminal)."),
    ]
    for option in reversed(options):  # decorators apply bottom up: keep the order above
        command = option(command)
    return command


@main.command()
@click.argument("paths", nargs=-1)
@click.option("-k", "--keyword", help="Focus keyphrase (default: from the front matter).")
@click.option("--synonym", "synonyms", multiple=True, help="A keyphrase synonym (repeatable).")
@click.option("--accent-sensitive", is_flag=True, help="Match the keyphrase with its accents.")
@click.option("-r", "--ruleset", help="Rule set name (default, pillar, news) or path to a .toml.")
@click.option(
    "--input-format",
    type=click.Choice(INPUT_FORMATS),
    help="Input format (default: from the file extension; Markdown for stdin).",
)
@_format_option
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Write the report to a file (-f html with several drafts: to a folder, see README).",
)
@click.option("--select", multiple=True, help="Only these checks (ids, names or families).")
@click.option("--ignore", multiple=True, help="Skip these checks (ids, names or families).")
@click.option("--exclude", multiple=True, help="Glob of files to leave out (repeatable).")
@click.option(
    "--files-from",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Read the paths to check from a file, one per line (- for stdin).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes (default: the number of cores).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run on Dask distributed: a scheduler's address (tcp://HOST:8786), or local:N for a "
    "local cluster of N worker processes (needs seo-audit[dask]).",
)
@click.option(
    "--shard",
    "shard_spec",
    metavar="I/N",
    help="Check only shard I of N: a stable 1/N of the drafts, chosen by a hash of each path; "
    "merge the shards' -f jsonl outputs with `seo-audit merge`.",
)
@click.option(
    "--source",
    "sources",
    multiple=True,
    type=click.Path(dir_okay=False, allow_dash=False),
    help="Source article the drafts rewrite (repeatable: several reports of one event; "
    "default: front matter `source:`).",
)
@click.option(
    "--allow-source-dir",
    "source_dirs",
    multiple=True,
    type=click.Path(file_okay=False),
    help="A folder a draft's front matter `source:` may point into, besides the draft's own "
    "folder and repository (repeatable).",
)
@click.option("--site-url", default="", help="The site's address: links to it are internal.")
@click.option(
    "--max-bytes",
    metavar="SIZE",
    help="Largest draft read, in bytes or with K, M, G (default: $SEO_AUDIT_MAX_BYTES, else 5M).",
)
@click.option(
    "--wp-status",
    "wp_status",
    default="publish,draft,pending,future",
    show_default=True,
    help="Posts and pages of a WordPress export (.xml) to check, by status (comma-separated).",
)
@_verdict_and_layout_options
def check(
    paths: tuple[str, ...],
    keyword: str | None,
    synonyms: tuple[str, ...],
    accent_sensitive: bool,
    ruleset: str | None,
    input_format: str | None,
    output_format: str,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    exclude: tuple[str, ...],
    files_from: str | None,
    jobs: int | None,
    scheduler: str | None,
    shard_spec: str | None,
    fail_on: str,
    fail_under: int | None,
    sources: tuple[str, ...],
    source_dirs: tuple[str, ...],
    site_url: str,
    max_bytes: str | None,
    wp_status: str,
    exit_zero: bool,
    quiet: bool,
    verbose: bool,
    color: bool | None,
) -> None:
    """Check drafts: files, directories (recursive) or globs; "-" reads stdin. A WordPress
    export (.xml) is checked post by post; a Word document (.docx) paragraph by paragraph.

    Exit code: 0 when every draft passes, 1 when a draft fails, 2 on a usage or input error
    (an input error outranks a failing draft).

    Put paths after `--` when a file name may start with "-": `seo-audit check -- -a.md`.
    """
    from seo_audit.engine import AuditOptions
    from seo_audit.formats import renderers
    from seo_audit.formats.text import render_summary
    from seo_audit.inputs import draft_count
    from seo_audit.parallel import default_jobs
    from seo_audit.report import exit_code
    from seo_audit.shard import parse_shard

    output_format = _output_format(output_format)
    if site_url:
        from seo_audit.ruleset import site_url_problem

        problem = site_url_problem(site_url)
        if problem:
            _fail(f"--site-url {site_url}: {problem}")
    limit = _max_bytes(max_bytes)
    wp_statuses = _wp_statuses(wp_status)
    select, ignore = _split(select), _split(ignore)
    _check_selection(select, "--select")
    _check_selection(ignore, "--ignore")
    rules = _load_rules(ruleset)
    lang = _apply_ruleset_language(rules)
    if scheduler and jobs:
        _fail(_("--jobs and --scheduler: give one (with --scheduler the cluster's workers check)"))
    shard = None
    if shard_spec:
        try:
            shard = parse_shard(shard_spec)
        except ValueError as exc:
            _fail(f"--shard {shard_spec}: {exc}")
    args = list(paths)
    if not args and not files_from:
        _fail(_("no path given (see `seo-audit check --help`)"))
    if "-" in args and files_from == "-":
        _fail(_("stdin cannot hold both the file list and a draft"))
    files, named = _drafts(args, files_from, (*exclude, *_project_excludes()), shard)
    if not named:  # (a shard of a corpus may be empty: that is no error)
        named_paths = ", ".join([*args, *([files_from] if files_from else [])])
        _fail(_("no draft found in {paths}").format(paths=named_paths))
    html_folder = _html_folder(output, len(files)) if output_format == "html" else False
    if output is not None and not html_folder and os.path.isdir(output):
        _fail(_("-o {output}: is a folder (only -f html writes a folder)").format(output=output))
    options = AuditOptions(
        keyword=keyword,
        synonyms=synonyms,
        accent_sensitive=accent_sensitive,
        input_format=input_format,
        ruleset=rules,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        fail_under=fail_under,
        site_url=site_url,
        source=sources,
        source_dirs=source_dirs,
        max_bytes=limit,
        lang=lang,
    )
    cluster = _dask_batch(scheduler) if scheduler else None
    results = _screened(files, options, limit, jobs or default_jobs(), wp_statuses, cluster)
    total = draft_count(files, input_format)  # None: the posts of an export are not counted
    machine = output_format != "text"
    render_options = _render_options(output_format, output, color, verbose, quiet)
    # Text and JSON Lines on stdout stream: each draft is printed as soon as it and those
    # before it are done. Other formats are whole documents, written at the end.
    streamed = output is None and output_format in ("text", "jsonl")
    show_progress = (
        not streamed
        and sys.stderr.isatty()
        and (total is None or total > 5)
        and not os.environ.get("CI")
    )
    reports: list[Report | _Outcome] = []
    interrupted = False
    try:
        if streamed:
            for report in results:
                kept = _Outcome(report.path, report.error, report.passed)
                reports.append(kept if output_format == "jsonl" else report)
                click.echo(_streamed(report, output_format, render_options), nl=False)
        elif show_progress:
            # No time estimate: the first drafts also pay for loading the model, so any
            # estimate made from them is far too high.
            with click.progressbar(
                results, length=total, label=_("Checking"), file=sys.stderr, show_eta=False
            ) as bar:
                for report in bar:
                    reports.append(report)
        else:
            reports.extend(results)
    except KeyboardInterrupt:
        interrupted = True
    if streamed and output_format == "text":
        click.echo("\n".join(render_summary(reports, render_options)))
    elif html_folder:
        _write_html_folder(reports, render_options, str(output))
    elif not streamed:
        _write(renderers()[output_format](reports, render_options), output)
    if output_format == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _append_step_summary(os.environ["GITHUB_STEP_SUMMARY"], reports)
    if machine or output is not None:
        for report in reports:  # the report went to a file or a machine: say errors on stderr
            if report.error is not None:
                click.echo(for_terminal(f"{report.path}: {report.error}"), err=True)
    if interrupted:
        of_total = "" if total is None else _(" of {total}").format(total=total)
        click.echo(
            _(
                "seo-audit: interrupted after {count}{of_total} draft(s); "
                "the reports above are those that finished."
            ).format(count=len(reports), of_total=of_total),
            err=True,
        )
        sys.exit(EXIT_INTERRUPTED)
    code = exit_code(reports)
    sys.exit(0 if exit_zero and code == 1 else code)


def _wp_statuses(value: str) -> tuple[str, ...]:
    from seo_audit.wordpress import status_list

    try:
        return status_list(value)
    except ValueError as exc:
        _fail(f"--wp-status {value}: {exc}")


def _output_format(name: str) -> str:
    """The report format --format names (auto: github in GitHub Actions, else text), as
    `check` resolves it."""
    if name == "auto":
        name = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if name not in FORMAT_NAMES:
        _fail(
            _("--format {name}: unknown format (choose from auto, {formats})").format(
                name=name, formats=_FORMATS
            )
        )
    return name


def _render_options(
    output_format: str, output: str | None, color: bool | None, verbose: bool, quiet: bool
) -> RenderOptions:
    """How a report is laid out, as `check` decides it."""
    from seo_audit.formats import RenderOptions
    from seo_audit.formats.text import terminal_width

    use_color = (output is None and sys.stdout.isatty()) if color is None else color
    return RenderOptions(
        color=use_color and output_format == "text",
        verbose=verbose,
        quiet=quiet,
        width=terminal_width() if output is None and sys.stdout.isatty() else 100,
    )


@main.command()
@click.argument("results", nargs=-1, required=True)
@_format_option
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the report to a file.")
@_verdict_and_layout_options
def merge(
    results: tuple[str, ...],
    output_format: str,
    output: str | None,
    fail_on: str,
    fail_under: int | None,
    exit_zero: bool,
    quiet: bool,
    verbose: bool,
    color: bool | None,
) -> None:
    """Merge JSON Lines results ("-" reads stdin) into one report of any format, with the
    exit code of one run over them all: the outputs of `check --shard I/N -f jsonl`, or of
    the partition entry point (Spark, Dask...).

    Results come in input order when each records an `index`, else sorted by path (the
    order `check DIR` gives a directory's drafts). Give it the --fail-on and --fail-under of
    the check runs.
    """
    from seo_audit.formats import renderers
    from seo_audit.merge import merge_results
    from seo_audit.report import exit_code

    output_format = _output_format(output_format)
    try:
        reports = merge_results(results, fail_on, fail_under)
    except SeoAuditError as exc:
        _fail(str(exc))
    options = _render_options(output_format, output, color, verbose, quiet)
    _write(renderers()[output_format](reports, options), output)
    if output_format != "text" or output is not None:
        for report in reports:
            if report.error is not None:
                click.echo(for_terminal(f"{report.path}: {report.error}"), err=True)
    code = exit_code(reports)
    sys.exit(0 if exit_zero and code == 1 else code)


def _streamed(report: Report, output_format: str, options: RenderOptions) -> str:
    """One draft's part of a streamed report."""
    from seo_audit.formats.jsonl import render_one
    from seo_audit.formats.text import render_file

    if output_format == "jsonl":
        return render_one(report)
    if options.quiet and report.passed:
        return ""
    return "\n".join([*render_file(report, options), ""]) + "\n"


def _html_folder(output: str | None, drafts: int) -> bool:
    """Whether -f html writes a folder (index.html and one page per draft): when -o names a
    folder (one that exists, or a path ending in /), or for several drafts, which need -o."""
    if output is not None and (output.endswith(("/", os.sep)) or os.path.isdir(output)):
        return True
    if drafts == 1:
        return False
    if output is None:
        _fail(_("-f html with several drafts writes one page each: give -o DIR (a folder)"))
    if os.path.lexists(output):
        _fail(
            _(
                "-o {output}: -f html with several drafts writes a folder, and this is a file"
            ).format(output=output)
        )
    return True


def _write_html_folder(reports: list[Report], options: RenderOptions, folder: str) -> None:
    """DIR/index.html and one page per draft (names: seo_audit.formats.html.page_names)."""
    from seo_audit.formats.html import pages

    try:
        os.makedirs(folder, exist_ok=True)
    except OSError as exc:
        _fail(
            _("{path}: cannot create the report folder ({problem})").format(
                path=folder, problem=exc.strerror or exc
            )
        )
    for name, text in pages(reports, options).items():
        _write(text, os.path.join(folder, name))


def _append_step_summary(path: str, reports: list) -> None:
    from seo_audit.formats import RenderOptions, renderers

    try:
        with open(path, "a", encoding="utf-8") as summary:
            summary.write(renderers()["markdown"](reports, RenderOptions()))
    except OSError as exc:
        click.echo(f"seo-audit: warning: cannot write the step summary ({exc})", err=True)


def _new_file_mode(target: Path) -> int:
    """The permissions the report gets: those of the file it replaces, else 0o666 - umask."""
    with contextlib.suppress(OSError):
        st = target.stat()
        if stat.S_ISREG(st.st_mode):
            return stat.S_IMODE(st.st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write(text: str, output: str | None) -> None:
    """Print the report, or write it whole to a file.

    A file is written to a temporary file that mkstemp creates (exclusively, under an
    unpredictable name, in the target's folder), then renamed over the target, so that a
    reader never sees half a report and no planted symlink is ever followed; it is removed
    if anything fails. A target that exists and is not a regular file (/dev/stdout, a pipe)
    is written to directly.
    """
    if output is None:
        click.echo(text, nl=False)
        return
    target = Path(output)
    try:
        special = not stat.S_ISREG(target.stat().st_mode)
    except OSError:
        special = False  # missing (or unreadable): created below, or the error said there
    try:
        if special:
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
            return
        mode = _new_file_mode(target)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        _fail(
            _("{path}: cannot write the report ({problem})").format(
                path=output, problem=exc.strerror or exc
            )
        )
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            _fail(
                _("{path}: cannot write the report ({problem})").format(
                    path=output, problem=exc.strerror or exc
                )
            )
        raise


@main.command()
@click.argument("path")
@click.option("-k", "--keyword", help="Focus keyphrase (default: from the front matter).")
@click.option("--input-format", type=click.Choice(INPUT_FORMATS))
@click.option(
    "-f",
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
)
def metrics(path: str, keyword: str | None, input_format: str | None, output_format: str) -> None:
    """Print the measured numbers of one draft (words, sentences, density, reading ease...)."""
    import json

    from seo_audit.engine import AuditOptions, audit_one

    try:
        report = audit_one(path, AuditOptions(keyword=keyword, input_format=input_format))
    except SeoAuditError as exc:
        _fail(str(exc))
    values = dict(report.metrics, keyword=report.keyword)
    if output_format == "json":
        click.echo(json.dumps(values, ensure_ascii=False, indent=2))
    else:
        from seo_audit.formats import metric_text

        width = max(len(k) for k in values)
        for key, value in values.items():
            click.echo(f"{key.ljust(width)}  {metric_text(value)}")


@main.command("rules")
@click.option("-r", "--ruleset", help="Rule set whose state and values to show.")
def rules_command(ruleset: str | None) -> None:
    """List every check: id, name, family, severity, whether the rule set enables it, and what
    it wants with the rule set's values."""
    from seo_audit.checks import REGISTRY

    active = _load_rules(ruleset)
    _apply_ruleset_language(active)
    click.echo(_("Rule set: {name}").format(name=active.name))
    head = (_("id"), _("name"), _("family"), _("severity"), pgettext("column", "on"), _("summary"))
    click.echo(f"{head[0]:<6} {head[1]:<28} {head[2]:<12} {head[3]:<9} {head[4]:<4} {head[5]}")
    for check in sorted(REGISTRY.values(), key=lambda c: c.id):
        cfg = active.checks[check.id]
        state = _("on") if cfg.enabled else _("off")
        click.echo(
            f"{check.id:<6} {check.name:<28} {check.family:<12} {cfg.severity:<9} {state:<4} "
            f"{check.summary(cfg.options)}"
        )


@main.command()
@click.argument("check_id")
@click.option(
    "-r", "--ruleset", help="Also show this rule set's values (name or path) beside the defaults."
)
def explain(check_id: str, ruleset: str | None) -> None:
    """Print the documentation of one check (by id or name), or with `explain score` how the
    score and the verdict are computed."""
    from seo_audit.registry import find_check

    if check_id.strip().lower() == "score":
        from seo_audit.docs import score_explanation

        click.echo(score_explanation(), nl=False)
        return
    check = find_check(check_id)
    if check is None:
        _fail(
            _("unknown check '{check}' (see `seo-audit rules`, or `explain score`)").format(
                check=check_id
            )
        )
    active = _load_rules(ruleset) if ruleset is not None else None
    _apply_ruleset_language(active)
    click.echo(check.headline())
    if active is None:
        click.echo("\n" + check.documentation(), nl=False)
        return
    cfg = active.checks[check.id]
    click.echo(
        _("In rule set {name}: {state}, severity {severity}, weight {weight}").format(
            name=active.name,
            state=_("on") if cfg.enabled else _("off"),
            severity=cfg.severity,
            weight=f"{cfg.weight:g}",
        )
    )
    click.echo("\n" + check.documentation(cfg.options, label=active.name), nl=False)


@main.command()
@click.argument("folder", default=".", type=click.Path(file_okay=False))
@click.option(
    "--ci",
    type=click.Choice(["github", "gitlab", "none"]),
    default="github",
    show_default=True,
    help="Which CI workflow to write beside the rule set.",
)
@click.option(
    "--install",
    help="What the workflow gives to pip to install seo-audit (a git URL pinned to a commit, "
    "or a path); default: a placeholder to fill in.",
)
@click.option("--paths", default="content/", show_default=True, help="What the workflow checks.")
@click.option("--force", is_flag=True, help="Overwrite files that exist.")
def init(folder: str, ci: str, install: str | None, paths: str, force: bool) -> None:
    """Write a commented starter rule set (seo-audit.toml) and a CI workflow."""
    from seo_audit.starter import INSTALL_PLACEHOLDER, starter_files

    files = starter_files(ci, install or INSTALL_PLACEHOLDER, paths)
    root = Path(folder)
    existing = [str(root / p) for p in files if (root / p).exists()]
    if existing and not force:
        _fail(
            _("{paths} already exist(s); use --force to overwrite").format(
                paths=", ".join(existing)
            )
        )
    for relative, content in files.items():
        target = root / relative
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        except OSError as exc:
            _fail(
                _("{path}: cannot write ({problem})").format(
                    path=target, problem=exc.strerror or exc
                )
            )
        click.echo(_("wrote {path}").format(path=target))
    if ci != "none" and not install:
        click.echo(
            "next: in the workflow, replace the placeholder after SEO_AUDIT_INSTALL with where "
            "pip finds seo-audit (its repository pinned to a commit), or run init again with "
            "--install SPEC --force."
        )


@main.command()
@click.option("-r", "--ruleset", help="Rule set name or path.")
def config(ruleset: str | None) -> None:
    """Print the resolved configuration and where each layer came from; a value that differs
    from the check's default says the default in a comment."""
    from seo_audit.checks import REGISTRY

    active = _load_rules(ruleset)
    click.echo(f"# rule set: {active.name}")
    for source in active.sources:
        click.echo(f"# from: {source}")
    for cid, cfg in sorted(active.checks.items()):
        check = REGISTRY[cid]
        click.echo(f"\n[checks.{check.name}]  # {cid}")
        _config_line("enabled", str(cfg.enabled).lower(), str(check.enabled).lower())
        _config_line("severity", f'"{cfg.severity}"', f'"{check.severity}"')
        _config_line("weight", f"{cfg.weight:g}", f"{check.weight:g}")
        for option in check.options:
            value = cfg.options[option.name]
            _config_line(option.name, option.toml(value), option.toml(option.default))


def _config_line(key: str, value: str, default: str) -> None:
    click.echo(f"{key} = {value}" + ("" if value == default else f"  # default {default}"))


@main.command()
@click.option(
    "--stdio",
    is_flag=True,
    help="Talk over stdin and stdout (the default; for clients that pass it).",
)
def lsp(stdio: bool) -> None:
    """Run the language server: marks SEO and readability problems in the editor while the
    writer types (needs `pip install 'seo-audit[lsp]'`; see "In the editor" in the README)."""
    try:
        from seo_audit.lsp.server import serve
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0] in ("pygls", "lsprotocol"):
            _fail(_("the language server needs pygls: pip install 'seo-audit[lsp]'"))
        raise
    serve()


for _command in (main, *main.commands.values()):
    _lang_option(_command)


if __name__ == "__main__":  # pragma: no cover
    main()
