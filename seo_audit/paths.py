"""Turning the command line's paths, directories and globs into a stable list of files."""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterable, Iterator
from fnmatch import fnmatch
from pathlib import Path

from seo_audit.parse import SUPPORTED_EXTENSIONS

# Files a directory walk leaves out (by name, any case, any extension): they document a
# project, they are not articles. Files whose name holds "template" (pull-request and issue
# templates) and hidden folders (.github, .gitlab) are left out too. The pre-commit hook's
# `exclude` pattern says the same (tests/test_integrations.py holds them together).
NOT_ARTICLES = {
    "README",
    "CHANGELOG",
    "CHANGES",
    "HISTORY",
    "LICENSE",
    "LICENCE",
    "COPYING",
    "NOTICE",
    "CONTRIBUTING",
    "AUTHORS",
    "CODE_OF_CONDUCT",
    "SECURITY",
    "SUPPORT",
}
SKIPPED_FOLDERS = {"node_modules"}


def is_article_name(path: Path) -> bool:
    """False for a project file that is not an article (README.md, a PR template...)."""
    stem = path.stem.upper()
    return stem not in NOT_ARTICLES and "TEMPLATE" not in stem


def _excluded(path: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch(path, p) or fnmatch(Path(path).name, p) for p in patterns)


def collect_paths(args: list[str], exclude: tuple[str, ...] = ()) -> list[str]:
    """Files to check, in a stable order: each argument in turn, a directory's drafts sorted.

    A directory is searched recursively for .md, .markdown, .html, .htm, .txt and .docx
    files, leaving out hidden folders, project files that are not articles (README,
    CHANGELOG, LICENSE...; name such a file explicitly to check it) and the `~$` lock files
    Word leaves beside an open document; a glob is expanded (with ** for any depth);
    anything else is kept as given, so that a missing file is reported as such. A WordPress
    export (.xml) is checked only when named (or matched by a glob).
    """
    return list(iter_paths(args, exclude))


def iter_paths(
    args: Iterable[str],
    exclude: tuple[str, ...] = (),
    keep: Callable[[str], bool] | None = None,
) -> Iterator[str]:
    """`collect_paths` one file at a time, reading `args` lazily; only the files `keep`
    accepts (all by default) are yielded, and only they are remembered to drop repeats."""
    seen: set[str] = set()
    for arg in args:
        p = Path(arg)
        if arg != "-" and p.is_dir():
            matches = sorted(
                str(f)
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in SUPPORTED_EXTENSIONS
                and not any(
                    part.startswith(".") or part in SKIPPED_FOLDERS
                    for part in f.relative_to(p).parts
                )
                and is_article_name(f)
                and not f.name.startswith("~$")  # Word's lock files
            )
        elif arg != "-" and any(c in arg for c in "*?[") and not p.exists():
            matches = sorted(m for m in glob.glob(arg, recursive=True) if Path(m).is_file())
        else:
            matches = [arg]
        for m in matches:
            if m in seen or _excluded(m, exclude) or (keep is not None and not keep(m)):
                continue
            seen.add(m)
            yield m
