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


@dataclass
class Outcome:
    """What a check's `run` returns; the framework adds id, name, severity and weight."""

    status: str
    value: Any
    expected: str
    message: str
    lines: list[int] = field(default_factory=list)


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
    lines: list[int] = field(default_factory=list)

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
            "lines": list(self.lines),
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


def lines_of(items: list[Any], limit: int = 50) -> list[int]:
    """Sorted unique line numbers of objects with a `line`, capped to keep reports short."""
    return sorted({item.line for item in items})[:limit]


def pct(x: float) -> str:
    return f"{x:.1f} %"
