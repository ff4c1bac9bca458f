"""The pre-commit hook and the GitHub Action, as their READMEs say to use them."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def test_hook_and_action_definitions():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "seo-audit")
    assert hook["entry"] == "seo-audit check"
    assert set(hook["types_or"]) == {"markdown", "html"}
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    assert "args" in action["inputs"]
    commands = " ".join(step.get("run", "") for step in action["runs"]["steps"])
    assert "seo-audit check --format github" in commands


@pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git")
def test_pre_commit_try_repo(tmp_path):
    if not (ROOT / ".git").exists():
        pytest.skip("try-repo needs this project as a git repository")
    work = tmp_path / "blog"
    work.mkdir()
    shutil.copy(SAMPLES / "article-conforme.md", work / "bon.md")
    shutil.copy(SAMPLES / "echec-trop-court.md", work / "court.md")
    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache"))
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], cwd=work, check=True)
    subprocess.run([*git, "add", "."], cwd=work, check=True)
    pre_commit = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "seo-audit"]

    ok = subprocess.run(
        [*pre_commit, "--files", "bon.md"],
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
