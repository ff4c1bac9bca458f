"""Each check tested from its own cases: one case file per check, run through the real pipeline.

`tests/cases/ID-name.yaml` (say `R001-sentence-length.yaml`) holds a list of cases. Each case:

    name:     what the case shows (required)
    text:     the draft, Markdown unless `format` says otherwise
    file:     or a draft of tests/cases/drafts/, for texts too long to repeat in every file
    keyword:  the focus keyphrase (default: the draft's front matter)
    options:  the check's table in a rule set: its options, or enabled/severity/weight
    format:   markdown, html or text
    source:   a source article of tests/cases/sources/, for the source checks
    path:     the file name the draft is audited under (the slug falls back on it)
    status:   the status the check must give: pass, warn, fail or skip (required)
    value:    the value it must measure (numbers within 0.001)
    lines:    the lines of the draft its findings start on (`CheckResult.lines`)
    texts:    the text of each of its locations, in order (`CheckResult.locations`)
    message:  a part of its message

Every case is audited with `seo_audit.api.audit`, under the built-in default rule set with
the case's `options` applied and the check turned on (F002 is off by default), and only that
check's result is read. Every registered check has a case file, with at least one passing and
one failing case; a case file names a registered check.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from seo_audit.api import audit
from seo_audit.checks import REGISTRY
from seo_audit.checks.base import FAIL, PASS, STATUSES, CheckResult
from seo_audit.ruleset import apply_check_table, load_ruleset

CASES = Path(__file__).resolve().parent / "cases"
DRAFTS = CASES / "drafts"
SOURCES = CASES / "sources"
KEYS = {
    "name",
    "text",
    "file",
    "keyword",
    "options",
    "format",
    "source",
    "path",
    "status",
    "value",
    "lines",
    "texts",
    "message",
}


@dataclass(frozen=True)
class Case:
    check_id: str
    name: str
    text: str
    status: str
    keyword: str | None = None
    options: dict[str, Any] = field(default_factory=dict)
    input_format: str = "markdown"
    source: str | None = None
    path: str = "<text>"
    expected: dict[str, Any] = field(default_factory=dict)  # value, lines, texts, message


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.yaml"))


def _read(path: Path) -> list[Case]:
    """The cases of one file, checked for unknown keys and missing ones."""
    check_id = path.name.split("-", 1)[0]
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(raw, list) and raw, f"{path.name}: a case file is a non-empty list"
    cases = []
    for i, item in enumerate(raw, 1):
        where = f"{path.name} case {i}"
        assert isinstance(item, dict), f"{where}: a case is a mapping"
        unknown = set(item) - KEYS
        assert not unknown, f"{where}: unknown key(s) {sorted(unknown)}"
        assert "name" in item and "status" in item, f"{where}: needs a name and a status"
        assert item["status"] in STATUSES, f"{where}: unknown status {item['status']!r}"
        assert ("text" in item) != ("file" in item), f"{where}: give a text or a file"
        text = item["text"] if "text" in item else (DRAFTS / item["file"]).read_text("utf-8")
        cases.append(
            Case(
                check_id=check_id,
                name=item["name"],
                text=text,
                status=item["status"],
                keyword=item.get("keyword"),
                options=item.get("options") or {},
                input_format=item.get("format", "markdown"),
                source=str(SOURCES / item["source"]) if "source" in item else None,
                path=item.get("path", "<text>"),
                expected={k: item[k] for k in ("value", "lines", "texts", "message") if k in item},
            )
        )
    return cases


def all_cases() -> list[Case]:
    return [case for path in case_files() for case in _read(path)]


def audit_case(
    check_id: str,
    text: str,
    *,
    keyword: str | None = None,
    options: dict[str, Any] | None = None,
    input_format: str = "markdown",
    source: str | None = None,
    path: str = "<text>",
) -> CheckResult:
    """The result of one check on a draft, through the whole pipeline: the default rule set
    with `options` applied to the check, which is turned on."""
    # Cached by value: several cases audit the same long draft under the same rule set.
    return _audit(
        check_id,
        text,
        keyword,
        json.dumps(options or {}, sort_keys=True),
        input_format,
        source,
        path,
    )


@functools.lru_cache(maxsize=256)
def _audit(
    check_id: str,
    text: str,
    keyword: str | None,
    options: str,
    input_format: str,
    source: str | None,
    path: str,
) -> CheckResult:
    ruleset = load_ruleset("default")
    apply_check_table(ruleset, check_id, {"enabled": True, **json.loads(options)}, "test case")
    report = audit(
        text,
        keyword=keyword,
        ruleset=ruleset,
        input_format=input_format,
        source=source,
        path=path,
    )
    return report.check(check_id)


def test_every_check_has_a_case_file():
    named = {path.name.split("-", 1)[0] for path in case_files()}
    missing = sorted(set(REGISTRY) - named)
    assert not missing, f"checks without a case file in tests/cases/: {missing}"


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.name)
def test_case_file_names_a_check_and_passes_and_fails(path):
    check_id, _, rest = path.stem.partition("-")
    assert check_id in REGISTRY, f"{path.name}: no check {check_id}"
    assert rest == REGISTRY[check_id].name, (
        f"{path.name}: should be {check_id}-{REGISTRY[check_id].name}.yaml"
    )
    statuses = {case.status for case in _read(path)}
    assert {PASS, FAIL} <= statuses, f"{path.name}: needs a passing and a failing case"


@pytest.mark.parametrize("case", all_cases(), ids=lambda c: f"{c.check_id}-{c.name}")
def test_case(nlp, case):
    result = audit_case(
        case.check_id,
        case.text,
        keyword=case.keyword,
        options=case.options,
        input_format=case.input_format,
        source=case.source,
        path=case.path,
    )
    said = f"{result.status} {result.value!r}: {result.message}"
    assert result.status == case.status, said
    expected = case.expected
    if "value" in expected:
        value = expected["value"]
        if isinstance(value, bool) or not isinstance(value, int | float):
            assert result.value == value and isinstance(result.value, type(value)), said
        else:
            assert not isinstance(result.value, bool), said
            assert result.value == pytest.approx(value, abs=1e-3), said
    if "lines" in expected:
        assert result.lines == expected["lines"], said
    if "texts" in expected:
        assert [loc.text for loc in result.locations] == expected["texts"], said
    if "message" in expected:
        assert expected["message"] in result.message, said
