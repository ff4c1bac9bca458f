"""What every check is: metadata, typed options, and a pure function of the Analysis.

A check is a class registered with `@register`. Its docstring is its user documentation
(printed by `seo-audit explain ID`) and must hold these sections, in this order:

    What it checks / Why it matters / Failing example / Passing example / Options
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

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
DOC_SECTIONS = ("What it checks", "Why it matters", "Failing example", "Passing example", "Options")


@dataclass(frozen=True)
class Option:
    """A typed option of a check, set in a rule set under [checks.NAME]."""

    name: str
    type: type
    default: Any
    help: str
    min: float | None = None
    max: float | None = None


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
        }


class Check:
    """Base class of all checks. Subclasses set the class attributes and `run`."""

    id: ClassVar[str]
    name: ClassVar[str]
    family: ClassVar[str]
    severity: ClassVar[str] = "error"
    weight: ClassVar[float] = 1.0
    enabled: ClassVar[bool] = True  # on in a rule set that does not mention it
    options: ClassVar[tuple[Option, ...]] = ()
    # Pairs of options (low, high) where low must not be above high, e.g. min/max bounds.
    ordered_options: ClassVar[tuple[tuple[str, str], ...]] = ()

    def run(self, a: Analysis, opts: dict[str, Any]) -> Outcome:  # pragma: no cover
        raise NotImplementedError

    @classmethod
    def summary(cls) -> str:
        """The first line of the docstring: one sentence saying what the check wants."""
        return (cls.__doc__ or "").strip().splitlines()[0]

    @classmethod
    def doc_sections(cls) -> dict[str, str]:
        """The docstring's sections, by heading ("What it checks", ...), dedented."""
        import inspect

        sections: dict[str, list[str]] = {}
        current: list[str] | None = None
        for line in inspect.cleandoc(cls.__doc__ or "").splitlines()[1:]:
            heading = line.strip().rstrip(":")
            if heading in DOC_SECTIONS and line.endswith(":") and not line.startswith(" "):
                current = sections.setdefault(heading, [])
            elif current is not None:
                current.append(line.strip())
        return {k: " ".join(" ".join(v).split()) for k, v in sections.items()}

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
    return f"{x:.1f} %"
