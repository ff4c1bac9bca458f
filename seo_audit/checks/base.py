"""What every check is: metadata, typed options, and a pure function of the Analysis.

A check is a class registered with `@register`. Its typed `options` (`Option`) are the only
place its defaults are written. Its docstring is its user documentation (printed by
`seo-audit explain ID`, shown by `seo-audit rules`, SARIF and the README table):

- the first line is the summary, one sentence saying what the check wants. It is a template:
  `{max_words}` stands for the value of the option `max_words` (the default, or the rule
  set's), shown as a person reads it (a 0-1 share as a percentage). It holds no number.
- then these sections, in this order, each an unindented heading and indented text:

    What it checks / Why it matters / Failing example / Passing example

  The first two are prose and may use `{option}` templates too, but hand-type no default.
  Each example is run by the tests and must give the status it claims: the indented text is
  a Markdown draft (its front matter sets the keyword, title, description, slug...), or a
  `Source:` block and a `Draft:` block for the checks that compare a rewrite with its source,
  or, for what is too long to show (a 700-word article), a description starting with
  `(described)` that the check's case file (tests/cases/) covers.
- the "Options" section is generated from the `Option`s (name, default, allowed values, help).
"""

from __future__ import annotations

import inspect
import re
import textwrap
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from seo_audit.i18n import N_, _, current_language, number, percent

if TYPE_CHECKING:
    from seo_audit.analyze import Analysis

PASS, WARN, FAIL, SKIP = "pass", "warn", "fail", "skip"
STATUSES = (PASS, WARN, FAIL, SKIP)
SEVERITIES = ("error", "warning", "info")
# The order in which families appear in a report.
FAMILY_ORDER = (
    "length",
    "headings",
    "structure",
    "keyword",
    "meta",
    "links",
    "readability",
    "french",
    "source",
)
# The sections a check's docstring holds, in this order; "Options" is generated after them.
DOC_SECTIONS = (
    N_("What it checks"),
    N_("Why it matters"),
    N_("Failing example"),
    N_("Passing example"),
)
PROSE_SECTIONS = DOC_SECTIONS[:2]
EXAMPLE_SECTIONS = {"Failing example": FAIL, "Passing example": PASS}
OPTIONS_SECTION = N_("Options")
DESCRIBED = N_("(described)")
_TEMPLATE = re.compile(r"\{(\w+)(?::([^{}]+))?\}")


@dataclass(frozen=True)
class Option:
    """A typed option of a check, set in a rule set under [checks.NAME]: the one place its
    default is written."""

    name: str
    type: type
    default: Any
    help: str
    min: float | None = None
    max: float | None = None

    @property
    def is_share(self) -> bool:
        """A share between 0 and 1, read by people as a percentage."""
        return self.type is float and self.min == 0 and self.max == 1

    def show(self, value: Any) -> str:
        """`value` as a sentence says it: 0.25 of a share is "25 %", 50.0 is "50"."""
        if self.type is bool:
            return _("on") if value else _("off")
        if self.is_share:
            return percent(round(100 * value, 6), None)
        if self.type is float:
            return number(float(value))
        if self.type is list:
            return ", ".join(value) or _("none")
        if self.type is str:
            return _("“{value}”").format(value=value) if value else _("none")
        return str(value)

    def toml(self, value: Any) -> str:
        """`value` as it is written in a rule set."""
        if self.type is bool:
            return "true" if value else "false"
        if self.type is float:
            return repr(float(value))
        if self.type is str:
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
        if self.type is list:
            return "[" + ", ".join(Option("", str, "", "").toml(v) for v in value) + "]"
        return str(value)

    def allowed(self) -> str:
        """What a rule set may set it to: "whole number >= 1", "share 0 to 1", "true/false"."""
        kind = {
            bool: _("true/false"),
            int: _("whole number"),
            float: _("share") if self.is_share else _("number"),
            str: _("text"),
            list: _("list of texts"),
        }[self.type]
        if self.min is not None and self.max is not None:
            return _("{kind} {min} to {max}").format(
                kind=kind, min=f"{self.min:g}", max=f"{self.max:g}"
            )
        if self.min is not None:
            return f"{kind} >= {self.min:g}"
        if self.max is not None:
            return f"{kind} <= {self.max:g}"
        return kind


def fill(template: str, options: tuple[Option, ...], values: dict[str, Any]) -> str:
    """`template` with each `{name}` replaced by the shown value of the option `name`, and
    each `{name:noun}` by the value and the noun, plural unless the value is 1 ("1 image",
    "0 images")."""
    by_name = {o.name: o for o in options}

    def value(m: re.Match[str]) -> str:
        option = by_name.get(m.group(1))
        if option is None:
            raise KeyError(f"{{{m.group(1)}}} is not an option (options: {', '.join(by_name)})")
        shown = option.show(values[option.name])
        noun = m.group(2)
        if noun is None:
            return shown
        if values[option.name] == 1:
            return f"{shown} {noun}"
        if current_language() == "fr":  # French puts each word of the noun in the plural
            return shown + " " + " ".join(w if w[-1] in "sx" else w + "s" for w in noun.split())
        return f"{shown} {noun}s"

    return _TEMPLATE.sub(value, template)


@dataclass(frozen=True)
class Example:
    """A docstring example: the status it claims and the draft (and source) that give it,
    or a description when the example is too long to show."""

    status: str
    draft: str | None = None
    source: str | None = None
    description: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """What a finding is about: a character range [start, end) of the checked file (the
    sentence, the word, the heading...), or of another file named by `path` (a source
    article), with a short note of its own ("37 words")."""

    start: int
    end: int
    note: str = ""
    path: str | None = None


def place(item: Any, note: str = "") -> Place:
    """The place of anything with a file range (`start`, `end`): a sentence, a block..."""
    return Place(item.start, item.end, note)


@dataclass
class Outcome:
    """What a check's `run` returns; the framework adds id, name, severity and weight."""

    status: str
    value: Any
    expected: str
    message: str
    places: list[Place] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Location:
    """A place resolved in its file: offsets, 1-based lines and columns (in characters; the
    end is exclusive), and the text found there."""

    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int
    text: str
    note: str = ""
    path: str | None = None  # None: the checked file

    def to_dict(self) -> dict[str, Any]:
        found = {
            "start": self.start,
            "end": self.end,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "text": self.text,
            "note": self.note,
        }
        if self.path is not None:
            found["path"] = self.path
        return found

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Location:
        """A location back from its `to_dict()`."""
        return cls(
            data["start"],
            data["end"],
            data["line"],
            data["column"],
            data["end_line"],
            data["end_column"],
            data["text"],
            data.get("note", ""),
            data.get("path"),
        )


@dataclass
class CheckResult:
    id: str
    name: str
    family: str
    status: str
    severity: str
    weight: float
    value: Any
    expected: str
    message: str
    locations: list[Location] = field(default_factory=list)
    # Skipped for want of something the draft must give (a keyphrase, headings): a required
    # check that cannot be verified does not let the draft pass.
    unverifiable: bool = False

    def __repr__(self) -> str:
        places = f", {len(self.locations)} place(s)" if self.locations else ""
        return f"CheckResult({self.id} {self.name}: {self.status}, value={self.value!r}{places})"

    @property
    def lines(self) -> list[int]:
        """The lines of the checked file that the findings start on."""
        return sorted({loc.line for loc in self.locations if loc.path is None})

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "family": self.family,
            "status": self.status,
            "severity": self.severity,
            "weight": self.weight,
            "value": self.value,
            "expected": self.expected,
            "message": self.message,
            "lines": self.lines,
            "locations": [loc.to_dict() for loc in self.locations],
            "unverifiable": self.unverifiable,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> CheckResult:
        """A result back from its `to_dict()` (`lines` is derived from the locations)."""
        return cls(
            data["id"],
            data["name"],
            data["family"],
            data["status"],
            data["severity"],
            data["weight"],
            data["value"],
            data["expected"],
            data["message"],
            [Location.from_dict(loc) for loc in data.get("locations", [])],
            bool(data.get("unverifiable", False)),
        )


class Check:
    """Base class of all checks. Subclasses set the class attributes and `run`."""

    id: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[str]
    severity: ClassVar[str] = "error"
    weight: ClassVar[float] = 1.0
    enabled: ClassVar[bool] = True  # on in a rule set that does not mention it
    options: ClassVar[tuple[Option, ...]] = ()
    # What the check needs to measure anything (see checks/needs.py); tested before `run`.
    needs: ClassVar[tuple[str, ...]] = ()
    # Pairs of options (low, high) where low must not be above high, e.g. min/max bounds.
    ordered_options: ClassVar[tuple[tuple[str, str], ...]] = ()

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:  # pragma: no cover
        raise NotImplementedError

    @classmethod
    def values(cls, options: dict[str, Any] | None = None) -> dict[str, Any]:
        """The option values: the defaults, updated with `options` (a rule set's)."""
        return {**cls.default_options(), **(options or {})}

    @classmethod
    def headline(cls) -> str:
        """Its id, name, family, default severity and weight, as `explain` opens: `R001
        sentence-length (readability, default severity error, weight 2)`."""
        state = "" if cls.enabled else _(", off by default")
        return _(
            "{id} {name} ({family}, default severity {severity}, weight {weight}{state})"
        ).format(
            id=cls.id,
            name=cls.name,
            family=cls.family,
            severity=cls.severity,
            weight=f"{cls.weight:g}",
            state=state,
        )

    @classmethod
    def summary(cls, options: dict[str, Any] | None = None) -> str:
        """One sentence saying what the check wants, with the values of `options` (default:
        the check's defaults)."""
        return fill(_(cls._docstring()[0]), cls.options, cls.values(options))

    @classmethod
    def _docstring(cls) -> tuple[str, dict[str, str]]:
        """The docstring's summary template and its sections, by heading, dedented, with
        their line breaks. Raises ValueError on a docstring that is not laid out as the
        module docstring says."""
        return parse_docstring(inspect.cleandoc(cls.__doc__ or ""), cls.__name__)

    @classmethod
    def doc_sections(cls, options: dict[str, Any] | None = None) -> dict[str, str]:
        """The written sections ("What it checks", ...), by heading, dedented, with their line
        breaks; the templates of the prose sections filled with the values of `options`."""
        values = cls.values(options)
        return {
            heading: fill(_(text), cls.options, values)
            if heading in PROSE_SECTIONS
            else translated_example(text)
            for heading, text in cls._docstring()[1].items()
        }

    @classmethod
    def options_table(
        cls, options: dict[str, Any] | None = None, label: str | None = None
    ) -> list[str]:
        """The generated "Options" section: one line per option (name, default, allowed
        values, help), with a column of the values of `options` headed `label` when given."""
        if not cls.options:
            return [_("None.")]
        values = cls.values(options)
        head = [_("option"), _("default"), *([label] if label else []), _("allowed"), _("meaning")]
        rows = [head] + [
            [
                o.name,
                o.toml(o.default),
                *([o.toml(values[o.name])] if label else []),
                o.allowed(),
                _(o.help),
            ]
            for o in cls.options
        ]
        widths = [max(len(row[i]) for row in rows) for i in range(len(head) - 1)]
        return [
            "  ".join([*(c.ljust(w) for c, w in zip(row, widths, strict=False)), row[-1]])
            for row in rows
        ]

    @classmethod
    def documentation(cls, options: dict[str, Any] | None = None, label: str | None = None) -> str:
        """The whole documentation: summary, written sections and the generated options, with
        the values of `options` (default: the check's defaults)."""
        parts = [cls.summary(options)]
        for heading, text in cls.doc_sections(options).items():
            parts.append(
                _("{heading}:").format(heading=_(heading)) + "\n" + textwrap.indent(text, "    ")
            )
        table = "\n".join(cls.options_table(options, label))
        options_head = _("{options} (set under [checks.{name}] in a rule set):").format(
            options=_(OPTIONS_SECTION), name=cls.name
        )
        parts.append(options_head + "\n" + textwrap.indent(table, "    "))
        return "\n\n".join(parts) + "\n"

    @classmethod
    def examples(cls) -> list[Example]:
        """The failing and passing examples of the docstring, as the tests run them."""
        found = []
        for heading, text in cls._docstring()[1].items():
            if heading not in EXAMPLE_SECTIONS:
                continue
            status = EXAMPLE_SECTIONS[heading]
            if text.startswith(DESCRIBED):
                described = " ".join(text.removeprefix(DESCRIBED).split())
                found.append(Example(status, description=described))
                continue
            lines = text.splitlines()
            if lines[0] == "Source:":
                draft_at = lines.index("Draft:")
                source = textwrap.dedent("\n".join(lines[1:draft_at])).strip() + "\n"
                draft = textwrap.dedent("\n".join(lines[draft_at + 1 :])).strip() + "\n"
                found.append(Example(status, draft, source))
            else:
                found.append(Example(status, text + "\n"))
        return found

    @classmethod
    def validate_options(cls, opts: dict[str, Any]) -> str | None:
        """A problem with a combination of option values, or None."""
        for low, high in cls.ordered_options:
            if opts[low] > opts[high]:
                return f"{low} ({opts[low]}) must not be above {high} ({opts[high]})"
        return None

    @classmethod
    def default_options(cls) -> dict[str, Any]:
        return {o.name: o.default for o in cls.options}


def described(text: str) -> str | None:
    """The description of an example too long to show (the text after `(described)`), or
    None for an example that is a draft (French, never translated)."""
    if not text.startswith(DESCRIBED):
        return None
    return text.removeprefix(DESCRIBED).strip()


def translated_example(text: str) -> str:
    """An example section as people read it: a described example in the current language."""
    description = described(text)
    if description is None:
        return text
    return f"{_(DESCRIBED)} {_(description)}"


def parse_docstring(doc: str, owner: str) -> tuple[str, dict[str, str]]:
    """A cleaned check docstring's summary and its sections, by heading, dedented (shared
    with the catalogue extractor, seo_audit/i18n_extract.py, so both read the same texts)."""
    lines = doc.splitlines()
    if not lines or not lines[0].strip() or (len(lines) > 1 and lines[1].strip()):
        raise ValueError(f"{owner}: the docstring must open with a one-line summary")
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines[1:]:
        if line and not line[0].isspace():
            heading = line.rstrip(":")
            if heading not in DOC_SECTIONS or not line.endswith(":") or heading in sections:
                raise ValueError(f"{owner}: unexpected docstring line {line!r}")
            current = sections[heading] = []
        elif current is not None:
            current.append(line)
        elif line.strip():
            raise ValueError(f"{owner}: text before the first section: {line!r}")
    return lines[0].strip(), {k: textwrap.dedent("\n".join(v)).strip() for k, v in sections.items()}


REGISTRY: dict[str, type[Check]] = {}


def register(cls: type[Check]) -> type[Check]:
    """Add a check to the registry; ids and names must be unique."""
    for other in REGISTRY.values():
        if other.id == cls.id or other.name == cls.name:
            raise ValueError(f"duplicate check {cls.id}/{cls.name}")
    REGISTRY[cls.id] = cls
    return cls


def skip(message: str, expected: str = "") -> Outcome:
    return Outcome(SKIP, None, expected, message)


def text_place(text: str, where: Any, note: str = "") -> list[Place]:
    """The place of a text that has a SourceMap (a title, a description), or none when it
    stands nowhere in the file."""
    if where is None or not where.length:
        return []
    return [Place(*where.span(0, len(text)), note)]


def meta_place(hit: Any, note: str = "") -> list[Place]:
    """The place of a title, description, alt text or link text (an analysis MetaHit), or
    none when it stands nowhere in the file (a slug taken from the file name)."""
    span = hit.span()
    return [Place(*span, note)] if span else []


def places_of(items: list[Any], limit: int = 50) -> list[Place]:
    """The places of items with a file range, in file order, capped to keep reports short."""
    unique = {(item.start, item.end): item for item in items}
    return [place(unique[key]) for key in sorted(unique)][:limit]


def pct(x: float) -> str:
    """A percentage (already × 100) with one decimal, as the current language writes it."""
    return percent(x, 1)
