"""Front matter: YAML between `---` lines or TOML between `+++` lines, at the very top."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml

from seo_audit.errors import InputError
from seo_audit.i18n import _
from seo_audit.textmap import align


@dataclass
class FrontMatter:
    meta: dict[str, Any]
    body: str  # the text after the closing fence
    body_first_line: int  # 1-based line number of the body's first line in the file
    key_lines: dict[str, int]  # top-level key -> 1-based line number


_FENCES = {"---": ("yaml", ("---", "...")), "+++": ("toml", ("+++",))}
_KEY_RE = re.compile(r"^([A-Za-z_][\w-]*)\s*[:=]")

# Limits that keep a hostile front matter from crashing or stalling a batch. Real front
# matter is a few dozen lines, two or three levels deep, with no alias and small numbers.
MAX_FRONT_MATTER_CHARS = 256 * 1024  # pure-Python YAML parses ~150 KB a second
MAX_DEPTH = 50  # lists and mappings inside one another
MAX_ALIASES = 100  # `*name` references in one front matter
MAX_INT_DIGITS = 100  # an integer of more digits (in any base) is refused: quote it

_INT_LIMIT = 10**MAX_INT_DIGITS


class _Refused(Exception):
    """A front matter the loader will not build, with where (a YAML mark) if known."""

    def __init__(self, problem: str, mark: Any = None) -> None:
        super().__init__(problem)
        self.problem = problem
        self.mark = mark


class FrontMatterLoader(yaml.SafeLoader):
    """`yaml.SafeLoader` with limits on what a draft's front matter may build.

    - Nesting deeper than MAX_DEPTH levels is refused while composing, before Python's
      recursion limit is near.
    - An alias may only repeat a scalar (`*name` for a string or a number): an alias of a
      list or mapping, `<<: *name` merge keys included, is refused, so aliases can never
      multiply a structure ("billion laughs") or make one contain itself; and at most
      MAX_ALIASES aliases are allowed.
    - An integer of more than MAX_INT_DIGITS digits is refused (Python refuses to convert
      decimal strings of more than 4,300 digits, and a huge hexadecimal one cannot be
      printed).
    """

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._aliases = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            node = self.anchors.get(event.anchor)
            if node is not None:  # an undefined alias is the composer's own error
                if not isinstance(node, yaml.ScalarNode):
                    raise _Refused(
                        f"alias *{event.anchor} repeats a list or mapping; aliases may only "
                        "repeat a single value (write the list or mapping out)",
                        event.start_mark,
                    )
                self._aliases += 1
                if self._aliases > MAX_ALIASES:
                    raise _Refused(f"more than {MAX_ALIASES} aliases (*name)", event.start_mark)
            return super().compose_node(parent, index)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise _Refused(_deep_problem(), self.peek_event().start_mark)
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_yaml_int(self, node: Any) -> int:
        digits = sum(c.isalnum() for c in node.value)
        if digits > MAX_INT_DIGITS + 2:  # room for a 0x, 0o or 0b prefix
            raise _Refused(_int_problem(), node.start_mark)
        try:
            value = super().construct_yaml_int(node)
        except ValueError:
            raise _Refused(_int_problem(), node.start_mark) from None
        if abs(value) >= _INT_LIMIT:
            raise _Refused(_int_problem(), node.start_mark)
        return value


FrontMatterLoader.add_constructor("tag:yaml.org,2002:int", FrontMatterLoader.construct_yaml_int)


def _deep_problem() -> str:
    return f"nested more than {MAX_DEPTH} levels deep"


def _int_problem() -> str:
    return f"an integer of more than {MAX_INT_DIGITS} digits (quote it to keep it as text)"


def _check_value(value: Any) -> str | None:
    """What is wrong with a loaded front matter (too deep, too large an integer), or None.

    Iterative, so that checking a deep structure cannot itself hit the recursion limit.
    """
    stack: list[tuple[Any, int, str]] = [(value, 0, "")]
    while stack:
        item, depth, top = stack.pop()  # top: the top-level key the item is under
        where = f" (under '{top}')" if top else ""
        if isinstance(item, dict | list):
            if depth >= MAX_DEPTH:
                return _deep_problem() + where
            if isinstance(item, dict):
                stack.extend((v, depth + 1, top or str(k)[:60]) for k, v in item.items())
            else:
                stack.extend((v, depth + 1, top) for v in item)
        elif isinstance(item, int) and not isinstance(item, bool) and abs(item) >= _INT_LIMIT:
            return _int_problem() + where
    return None


def _load_yaml(path: str, raw: str) -> Any:
    try:
        return yaml.load(raw, Loader=FrontMatterLoader)  # a yaml.SafeLoader subclass
    except _Refused as exc:
        where = _(" on line {line}").format(line=exc.mark.line + 2) if exc.mark is not None else ""
        said = _("YAML front matter refused{where}: {problem}")
        raise InputError(path, said.format(where=where, problem=exc.problem)) from None
    except yaml.reader.ReaderError as exc:
        line = raw.count("\n", 0, exc.position) + 2
        raise InputError(
            path,
            _(
                "broken YAML front matter on line {line}: control character {character} is not "
                "allowed (write it as an escape in double quotes)"
            ).format(line=line, character=f"U+{exc.character:04X}"),
        ) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = _(" on line {line}").format(line=mark.line + 2) if mark is not None else ""
        problem = getattr(exc, "problem", None) or _("invalid YAML")
        said = _("broken YAML front matter{where}: {problem}")
        raise InputError(path, said.format(where=where, problem=problem)) from None
    except RecursionError:
        said = _("YAML front matter refused: {problem}")
        raise InputError(path, said.format(problem=_deep_problem())) from None


def _load_toml(path: str, raw: str) -> Any:
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(
            path, _("broken TOML front matter: {problem}").format(problem=exc)
        ) from None
    except RecursionError:
        said = _("TOML front matter refused: {problem}")
        raise InputError(path, said.format(problem=_deep_problem())) from None
    except ValueError as exc:  # an integer past Python's digit limit
        if "digits" not in str(exc):
            said = _("broken TOML front matter: {problem}")
            raise InputError(path, said.format(problem=exc)) from None
        said = _("TOML front matter refused: {problem}")
        raise InputError(path, said.format(problem=_int_problem())) from None


def split_front_matter(path: str, text: str) -> FrontMatter:
    """Split off and parse front matter; a draft without one has empty meta.

    Raises InputError for a front matter that is never closed, broken, or beyond the limits
    above (too long, too deep, too many or structural aliases, too large an integer).
    """
    lines = text.split("\n")
    opener = lines[0].rstrip() if lines else ""
    if opener not in _FENCES:
        return FrontMatter({}, text, 1, {})
    kind, closers = _FENCES[opener]
    for end in range(1, len(lines)):
        if lines[end].rstrip() in closers:
            break
    else:
        said = _("front matter opened with '{opener}' on line 1 is never closed")
        raise InputError(path, said.format(opener=opener))
    raw = "\n".join(lines[1:end])
    if len(raw) > MAX_FRONT_MATTER_CHARS:
        raise InputError(
            path,
            _("front matter too long ({count} characters; the limit is {limit})").format(
                count=f"{len(raw):,}", limit=f"{MAX_FRONT_MATTER_CHARS:,}"
            ),
        )
    meta = _load_yaml(path, raw) if kind == "yaml" else _load_toml(path, raw)
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(path, _("front matter must be a mapping of keys to values"))
    problem = _check_value(meta)
    if problem:
        said = _("{kind} front matter refused: {problem}")
        raise InputError(path, said.format(kind=kind.upper(), problem=problem))
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


SUPPRESS_KEYS = ("seo_audit", "seo-audit")
_NAME_SPLIT_RE = re.compile(r"[\s,]+")


def _type_name(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"


def ignored_checks(meta: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The checks front matter `seo_audit: {ignore: ...}` turns off, and what is wrong with it.

    `ignore` is a check id, name or family, a string of them separated by commas or spaces,
    or a list of such strings. Returns (names in order, without repeats; problems, each one
    line naming the key). A wrong type (`ignore: 5`, `ignore: null`, `seo_audit: [x]`...)
    gives a problem and contributes no name; whether the names are known checks is for the
    caller to say.
    """
    names: list[str] = []
    problems: list[str] = []
    present = [k for k in SUPPRESS_KEYS if k in meta]
    if not present:
        return names, problems
    if len(present) > 1:
        problems.append("front matter has both 'seo_audit' and 'seo-audit'; 'seo_audit' is used")
    key = present[0]
    config = meta[key]
    if not isinstance(config, dict):
        problems.append(
            f"front matter '{key}' must be a mapping such as {{ignore: [ID, ...]}}, "
            f"not {_type_name(config)}"
        )
        return names, problems
    for extra in config:
        if extra != "ignore":
            problems.append(f"front matter '{key}': unknown key '{extra}' (valid: ignore)")
    if "ignore" not in config:
        return names, problems
    ignore = config["ignore"]
    label = f"front matter '{key}.ignore'"
    if isinstance(ignore, str):
        items: list[Any] = [ignore]
    elif isinstance(ignore, list):
        items = ignore
    else:
        problems.append(
            f"{label} must be a check id or name, or a list of them, not {_type_name(ignore)}"
        )
        return names, problems
    for i, item in enumerate(items, 1):
        if not isinstance(item, str):
            where = f" (item {i})" if isinstance(ignore, list) else ""
            problems.append(f"{label}{where} must be a check id or name, not {_type_name(item)}")
            continue
        found = [n for n in _NAME_SPLIT_RE.split(item.strip()) if n]
        if not found:
            where = f" (item {i})" if isinstance(ignore, list) else ""
            problems.append(f"{label}{where} is empty")
        for name in found:
            if name not in names:
                names.append(name)
    return names, problems
