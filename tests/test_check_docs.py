"""Every check documents itself: sections, examples, options, and `seo-audit explain`."""

import pytest
from click.testing import CliRunner

from seo_audit.checks import REGISTRY
from seo_audit.checks.base import DOC_SECTIONS, FAMILY_ORDER, SEVERITIES
from seo_audit.cli import main

CHECKS = sorted(REGISTRY.values(), key=lambda c: c.id)


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_check_has_every_doc_section(check):
    sections = check.doc_sections()
    for section in DOC_SECTIONS:
        assert sections.get(section), f"{check.id} lacks a non-empty '{section}' section"
    doc = check.__doc__ or ""
    positions = [doc.index(f"{s}:") for s in DOC_SECTIONS]
    assert positions == sorted(positions), f"{check.id}: sections out of order"
    for option in check.options:
        assert option.name in sections["Options"], f"{check.id}: option {option.name} undocumented"


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_check_metadata(check):
    assert check.summary().endswith(".")
    assert check.family in FAMILY_ORDER
    assert check.severity in SEVERITIES
    assert check.name == check.name.lower() and " " not in check.name


@pytest.mark.parametrize("check", CHECKS, ids=lambda c: c.id)
def test_explain_prints_the_doc(check):
    result = CliRunner().invoke(main, ["explain", check.name])
    assert result.exit_code == 0
    assert check.id in result.output
    assert "Why it matters" in result.output
    assert CliRunner().invoke(main, ["explain", check.id.lower()]).exit_code == 0
