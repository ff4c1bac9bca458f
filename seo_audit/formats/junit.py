"""`--format junit`: JUnit XML, one testsuite per file, one testcase per check evaluated.

Every text taken from a draft, a file name or a report goes through `for_xml`, so that a
control character in the draft cannot make the document ill-formed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from seo_audit.checks.base import FAIL, SKIP, WARN
from seo_audit.formats import RenderOptions
from seo_audit.formats.safe import for_xml
from seo_audit.report import Report, failing


def render(reports: list[Report], options: RenderOptions) -> str:
    root = ET.Element("testsuites", name="seo-audit")
    total = failures = errors = skipped = 0
    for report in reports:
        path = for_xml(report.path)
        suite = ET.SubElement(root, "testsuite", name=path)
        cases = failed = errored = skips = 0
        if report.error is None:  # JUnit wants <properties> before the test cases
            props = ET.SubElement(suite, "properties")
            ET.SubElement(props, "property", name="score", value=str(report.score))
            ET.SubElement(props, "property", name="passed", value=str(report.passed).lower())
            ET.SubElement(props, "property", name="keyword", value=for_xml(report.keyword or ""))
        if report.error is not None:
            case = ET.SubElement(suite, "testcase", classname=path, name="read and parse")
            error = for_xml(report.error)
            ET.SubElement(
                case, "error", message=error, type="input-error"
            ).text = f"{path}: {error}"
            cases, errored = 1, 1
        else:
            verdict_failures = {id(r) for r in failing(report.checks, report.fail_on)}
            for r in report.checks:
                cases += 1
                case = ET.SubElement(
                    suite, "testcase", classname=path, name=for_xml(f"{r.id} {r.name}")
                )
                where = f" (lines {', '.join(map(str, r.lines))})" if r.lines else ""
                detail = for_xml(f"{r.message}{where}\nvalue: {r.value}\nexpected: {r.expected}")
                message = for_xml(r.message)
                if id(r) in verdict_failures:
                    failed += 1
                    ET.SubElement(case, "failure", message=message, type=r.severity).text = detail
                elif r.status == SKIP:
                    skips += 1
                    ET.SubElement(case, "skipped", message=message)
                elif r.status in (FAIL, WARN):
                    # Does not fail the draft (a warning): shown, not counted as a failure.
                    ET.SubElement(case, "system-out").text = f"{r.status} ({r.severity}): {detail}"
        suite.set("tests", str(cases))
        suite.set("failures", str(failed))
        suite.set("errors", str(errored))
        suite.set("skipped", str(skips))
        total, failures, errors, skipped = (
            total + cases,
            failures + failed,
            errors + errored,
            skipped + skips,
        )
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", str(errors))
    root.set("skipped", str(skipped))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
