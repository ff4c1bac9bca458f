"""A non-editable install ships the rule sets, templates and French catalogue inside the wheel
and finds them at run time."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_ships_rules_and_finds_them(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    wheel = next(tmp_path.glob("seo_audit-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for ruleset in ("default", "pillar", "news"):
        assert f"seo_audit/rules/{ruleset}.toml" in names
    for template in ("base.html.j2", "page.html.j2", "index.html.j2", "report.css", "report.js"):
        assert f"seo_audit/formats/templates/{template}" in names
    assert "seo_audit/locale/fr/LC_MESSAGES/seo_audit.po" in names
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    probe = (
        "from seo_audit.ruleset import rules_dir, load_ruleset;"
        "print(rules_dir()); print(load_ruleset('pillar').checks['L001'].options['min_words']);"
        "from seo_audit.formats.html import render_page; from seo_audit.report import Report;"
        "print('</style>' in render_page(Report(path='x.md', error='e')));"
        "from seo_audit.i18n import _, set_language; set_language('fr'); print(_('Skipped'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
    ).stdout.splitlines()
    assert Path(out[0]).is_relative_to(target)
    assert out[1] == "900"
    assert out[2] == "True"  # the HTML report's templates are found in the installed package
    assert out[3] == "Ignorées"  # the French catalogue is read from the installed package
