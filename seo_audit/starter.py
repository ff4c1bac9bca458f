"""`seo-audit init`: a commented starter rule set and a CI workflow for a new project.

The rule set lists every option of every check, commented out, with its default (from the
checks' typed options, the one place defaults are written), so a team sees what it may tune.
"""

from __future__ import annotations

from pathlib import Path

from seo_audit.checks import REGISTRY

RULESET_FILE = "seo-audit.toml"
WORKFLOWS = {
    "github": Path(".github") / "workflows" / "seo-audit.yml",
    "gitlab": Path("seo-audit.gitlab-ci.yml"),
}
# seo-audit is installed from its repository (it is not on a package registry): the workflow
# says where, and `init --install SPEC` fills it in.
INSTALL_PLACEHOLDER = "seo-audit @ git+https://github.com/YOUR-ORG/seo-audit@COMMIT"


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return repr(value)


def starter_ruleset() -> str:
    lines = [
        "# seo-audit rule set: what a draft must meet to pass.",
        "# Every option is shown commented out with its default; uncomment to change it.",
        "# `seo-audit explain ID` documents a check, `seo-audit config -r seo-audit.toml`",
        "# prints the result.",
        "",
        "[ruleset]",
        'name = "project"',
        'extends = "default"  # or "pillar" (long guides), "news" (short news)',
        "# accept_unverifiable = false  # true: a required check that cannot be measured",
        "#                              # (no keyphrase, plain text) does not fail the draft",
    ]
    for check in sorted(REGISTRY.values(), key=lambda c: c.id):
        lines += ["", f"# {check.id}: {check.summary()}", f"# [checks.{check.name}]"]
        lines.append(f"# enabled = {_toml(check.enabled)}")
        lines.append(f'# severity = "{check.severity}"  # error fails the draft; warning, info')
        lines.append(f"# weight = {check.weight:g}")
        for option in check.options:
            lines.append(f"# {option.name} = {_toml(option.default)}  # {option.help}")
    return "\n".join(lines) + "\n"


def github_workflow(install: str, paths: str) -> str:
    return f"""# seo-audit: check the French SEO drafts of every pull request.
name: seo-audit
on:
  pull_request:
  push:
    branches: [main]
jobs:
  seo-audit:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - name: Install seo-audit
        env:
          SEO_AUDIT_INSTALL: "{install}"
        run: python -m pip install "$SEO_AUDIT_INSTALL"
      - name: Check the drafts
        # --format auto writes annotations on the lines and a summary table in Actions.
        run: seo-audit check --ruleset {RULESET_FILE} -- {paths}
"""


def gitlab_workflow(install: str, paths: str) -> str:
    return f"""# seo-audit: include this job in .gitlab-ci.yml; merge requests show its findings.
seo-audit:
  image: python:3.11
  stage: test
  variables:
    SEO_AUDIT_INSTALL: "{install}"
  script:
    - python -m pip install "$SEO_AUDIT_INSTALL"
    - seo-audit check --ruleset {RULESET_FILE} --format gitlab
      --output gl-code-quality-report.json -- {paths}
  artifacts:
    when: always
    reports:
      codequality: gl-code-quality-report.json
"""


def starter_files(ci: str, install: str, paths: str) -> dict[Path, str]:
    """The files `init` writes, by path relative to the project."""
    files = {Path(RULESET_FILE): starter_ruleset()}
    if ci == "github":
        files[WORKFLOWS["github"]] = github_workflow(install, paths)
    elif ci == "gitlab":
        files[WORKFLOWS["gitlab"]] = gitlab_workflow(install, paths)
    return files
