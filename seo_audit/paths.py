"""Turning the command line's paths, directories and globs into a stable list of files."""

from __future__ import annotations

import glob
from collections.abc import Callable, Iterable, Iterator
from fnmatch import fnmatch
from pathlib import Path

from seo_audit.parse import SUPPORTED_EXTENSIONS

# Files a directory walk leaves out: they document a project, they are not articles.
NOT_ARTICLES = {"README", "CHANGELOG", "CHANGES", "LICENSE", "LICENCE", "CONTRIBUTING", "AUTHORS"}


def _excluded(path: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch(path, p) or fnmatch(Path(path).name, p) for p in patterns)


def collect_paths(args: list[str], exclude: tuple[str, ...] = ()) -> list[str]:
    """Files to check, in a stable order: each argument in turn, a directory's drafts sorted.

    A directory is searched recursively for .md, .markdown, .html, .htm and .txt files,
    leaving out hidden folders and project files that are not articles (README, CHANGELOG,
    LICENSE...; name such a file explicitly to check it); a glob is expanded (with ** for any
    depth); anything else is kept as given, so that a missing file is reported as such.
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
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
                and f.stem.upper() not in NOT_ARTICLES
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
