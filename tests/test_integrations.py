"""The pre-commit hook and the GitHub Action, as their READMEs say to use them."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from seo_audit.paths import NOT_ARTICLES, is_article_name

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def test_hook_and_action_definitions():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "seo-audit")
    assert hook["entry"] == "seo-audit check"
    assert set(hook["types_or"]) == {"markdown", "html"}
    # The hook leaves out what a directory walk leaves out, and nothing else.
    exclude = re.compile(hook["exclude"])
    for name in NOT_ARTICLES:
        for path in (f"{name}.md", f"docs/{name.lower()}.html", f"{name.title()}.md"):
            assert exclude.search(path), path
            assert not is_article_name(Path(path))
    for path in (".github/PULL_REQUEST_TEMPLATE.md", "docs/issue_template.md"):
        assert exclude.search(path), path
    for path in ("articles/vélo-électrique.md", "readme-du-jardin/potager.md", "blog/securite.md"):
        assert not exclude.search(path), path
        assert is_article_name(Path(path))
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert "args" in action["inputs"]
    commands = " ".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "seo-audit check --format github" in commands
    # Inputs travel through the environment, never pasted into a script.
    assert "${{" not in commands


def test_action_passes_arguments_without_interpreting_them(tmp_path):
    """The Action's run script, run by bash with a hostile input: nothing is executed."""
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    script = action["runs"]["steps"][-1]["run"].replace("seo-audit check", "printf '%s\\n'")
    marker = tmp_path / "pwned"
    hostile = f"samples/ $(touch {marker}) `touch {marker}` ; touch {marker} *.md"
    out = subprocess.run(
        ["bash", "-c", script],
        env={"SEO_AUDIT_ARGS": hostile, "PATH": os.environ["PATH"]},
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    ).stdout.splitlines()
    assert not marker.exists()
    assert out[:2] == ["--format", "github"]
    assert out[2:] == hostile.split()


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_try_repo(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip("try-repo needs this project as a git repository")
    work = tmp_path / "blog"
    work.mkdir()
    shutil.copy(SAMPLES / "article-conforme.md", work / "bon.md")
    shutil.copy(SAMPLES / "echec-trop-court.md", work / "court.md")
    # Project files that are not articles: the hook must leave them out.
    (work / "README.md").write_text("# Blog\n\nShort notes.\n", encoding="utf-8")
    (work / ".github").mkdir()
    (work / ".github" / "PULL_REQUEST_TEMPLATE.md").write_text("- [ ] relu\n", encoding="utf-8")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"))
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=work, check=True)
    subprocess.run([*git, "add", "."], cwd=work, check=True)
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "seo-audit"]

    ok = subprocess.run(
        [*pre_commit, "--files", "bon.md", "README.md", ".github/PULL_REQUEST_TEMPLATE.md"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Passed" in ok.stdout

    bad = subprocess.run(
        [*pre_commit, "--files", "bon.md", "court.md", "--verbose"],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert bad.returncode == 1, bad.stdout + bad.stderr
    assert "Failed" in bad.stdout
    assert "court.md: FAIL" in bad.stdout and "L001 word-count" in bad.stdout
