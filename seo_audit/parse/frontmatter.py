"""Front matter: YAML between `---` lines or TOML between `+++` lines, at the very top."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml

from seo_audit.errors import InputError
from seo_audit.textmap import align


@dataclass
class FrontMatter:
    meta: dict[str, Any]
    body: str  # the text after the closing fence
    body_first_line: int  # 1-based line number of the body's first line in the file
    key_lines: dict[str, int]  # top-level key -> 1-based line number


_FENCES = {"---": ("yaml", ("---", "...")), "+++": ("toml", ("+++",))}
_KEY_RE = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]")


def split_front_matter(path: str, text: str) -> FrontMatter:
    """Split off and parse front matter; a draft without one has empty meta."""
    lines = text.split("\n")
    opener = lines[0].rstrip() if lines else ""
    if opener not in _FENCES:
        return FrontMatter({}, text, 1, {})
    kind, closers = _FENCES[opener]
    for end in range(1, len(lines)):
        if lines[end].rstrip() in closers:
            break
    else:
        raise InputError(path, f"front matter opened with '{opener}' on line 1 is never closed")
    raw = "\n".join(lines[1:end])
    try:
        meta = yaml.safe_load(raw) if kind == "yaml" else tomllib.loads(raw)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" on line {mark.line + 2}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(path, f"broken YAML front matter{where}: {problem}") from None
    except tomllib.TOMLDecodeError as exc:
        raise InputError(path, f"broken TOML front matter: {exc}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(path, "front matter must be a mapping of keys to values")
    key_lines = {}
    for i in range(1, end):
        m = _KEY_RE.match(lines[i])
        if m and m.group(1) not in key_lines:
            key_lines[m.group(1)] = i + 1
    body = "\n".join(lines[end + 1 :])
    return FrontMatter(meta, body, end + 2, key_lines)


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, list):
        return None
    text = str(value).strip()
    return text or None


def keywords_from_meta(meta: dict[str, Any]) -> list[str]:
    """Keyphrases in priority order: keyword, focus_keyword, keyphrase, then `keywords`."""
    found: list[str] = []
    for key in ("keyword", "focus_keyword", "focus_keyphrase", "keyphrase"):
        text = _as_text(meta.get(key))
        if text:
            found.append(text)
    keywords = meta.get("keywords")
    if isinstance(keywords, str):
        keywords = [k for k in keywords.split(",")]
    if isinstance(keywords, list):
        found.extend(str(k).strip() for k in keywords if k is not None and str(k).strip())
    return found


def apply_meta(doc: Any, fm: FrontMatter) -> None:
    """Copy the front matter fields the checks read onto a Document (whose `text` is the
    whole file), with the line and the place in the file of each value."""
    meta = fm.meta
    doc.meta = meta
    description_key = "description" if meta.get("description") else "meta_description"
    doc.title, doc.title_line, doc.title_map = _field(doc, fm, "title")
    doc.description, doc.description_line, doc.description_map = _field(doc, fm, description_key)
    doc.keywords = keywords_from_meta(meta)
    doc.slug, doc.slug_line, doc.slug_map = _field(doc, fm, "slug")


def _field(doc: Any, fm: FrontMatter, key: str) -> tuple[str | None, int | None, Any]:
    """A text field of the front matter: its value, its line and where the value stands."""
    value = _as_text(fm.meta.get(key))
    line = fm.key_lines.get(key)
    if value is None or line is None:
        return value, line, None
    lines = doc.lines
    start = lines.line_start(line)
    body_start = lines.line_start(fm.body_first_line) if fm.body_first_line <= lines.lines else None
    limit = len(doc.text) if body_start is None else body_start
    separator = min(
        (i for i in (doc.text.find(":", start), doc.text.find("=", start)) if i >= 0), default=start
    )
    return value, line, align(value, doc.text, min(separator + 1, limit), limit)
