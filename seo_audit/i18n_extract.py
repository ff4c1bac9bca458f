"""The Babel extractor of seo-audit's Python files (babel.cfg names it), so that
`pybabel extract` collects every text people read, not only the `_()` calls:

- the `_()`, `ngettext()` and `N_()` calls (Babel's own Python extractor);
- each check's docstring summary and its prose sections ("What it checks", "Why it
  matters"), read as `Check._docstring` reads them, and the text of the examples described
  rather than shown (`(described) ...`); the examples that are drafts stay French;
- the help text of each check `Option(...)` and of each click option (`help="..."`), and the
  docstring of each click command.
"""

from __future__ import annotations

import ast
import inspect
import io
from collections.abc import Iterator
from typing import IO, Any

from babel.messages.extract import extract_python

from seo_audit.checks.base import PROSE_SECTIONS, described, parse_docstring

Extracted = tuple[int, str | None, Any, list[str]]


def _is_check(node: ast.ClassDef) -> bool:
    """A check class: it sets `id`, `name` and `family` in its body."""
    names = {
        t.id
        for stmt in node.body
        if isinstance(stmt, ast.Assign)
        for t in stmt.targets
        if isinstance(t, ast.Name)
    }
    return {"id", "name", "family"} <= names


def _is_command(node: ast.FunctionDef) -> bool:
    """A click command or group: decorated with `X.command(...)` or `click.group(...)`."""
    for deco in node.decorator_list:
        call = deco.func if isinstance(deco, ast.Call) else deco
        if isinstance(call, ast.Attribute) and call.attr in ("command", "group"):
            return True
    return False


def _text(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value:
        return node.value
    return None


def extract_texts(source: str, path: str = "") -> Iterator[tuple[int, str]]:
    """(line, text) of the docstrings and help texts of a module's source (at `path`)."""
    tree = ast.parse(source)
    if path.replace("\\", "/").endswith("seo_audit/report.py"):
        # `seo-audit explain score` prints this module's docstring (see docs.py).
        from seo_audit.docs import score_paragraphs

        for text in score_paragraphs(ast.get_docstring(tree, clean=False)):
            yield 1, text
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef) and _is_check(node):
            doc = ast.get_docstring(node, clean=True)
            if doc:
                summary, sections = parse_docstring(doc, node.name)
                yield node.lineno, summary
                for heading, text in sections.items():
                    if heading in PROSE_SECTIONS:
                        yield node.lineno, text
                    elif described(text):
                        yield node.lineno, described(text)  # type: ignore[misc]
        elif isinstance(node, ast.FunctionDef) and _is_command(node):
            doc = ast.get_docstring(node, clean=False)
            if doc:
                yield node.lineno, inspect.cleandoc(doc)
        elif isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name == "Option" and len(node.args) >= 4 and _text(node.args[3]):
                yield node.lineno, _text(node.args[3])  # type: ignore[misc]
            for kw in node.keywords:
                if kw.arg == "help" and _text(kw.value):
                    yield node.lineno, _text(kw.value)  # type: ignore[misc]


def extract(
    fileobj: IO[bytes], keywords: Any, comment_tags: Any, options: dict[str, Any]
) -> Iterator[Extracted]:
    """Babel's extraction method: the `_()` calls, then the docstrings and help texts."""
    data = fileobj.read()
    yield from extract_python(io.BytesIO(data), keywords, comment_tags, options)
    for line, text in extract_texts(data.decode("utf-8"), getattr(fileobj, "name", "")):
        yield line, None, text, []
