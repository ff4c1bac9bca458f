"""Hostile inputs: each gives one clear line naming the file and the problem, exit code 2, no
traceback, and in a batch every other file is still checked and reported.

Anything that could hang on a regression (a FIFO, /dev/zero) runs in a subprocess with a
timeout, so that a regression fails instead of blocking the suite.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from growth import assert_linear

from seo_audit import io
from seo_audit.cli import main
from seo_audit.errors import InputError
from seo_audit.formats.safe import for_terminal, for_xml
from seo_audit.parse.directives import find_directives
from seo_audit.parse.frontmatter import (
    MAX_ALIASES,
    MAX_DEPTH,
    MAX_FRONT_MATTER_CHARS,
    ignored_checks,
    split_front_matter,
)

ROOT = Path(__file__).resolve().parent.parent
GOOD_SAMPLE = ROOT / "samples" / "article-conforme.md"
TIMEOUT = 120  # seconds before a hung subprocess counts as a failure (a guard, not a measure)

needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs os.mkfifo")
needs_dev_zero = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")


def run_subprocess(*args: str, cwd: Path, timeout: int = TIMEOUT, **env: str):
    """`python -m seo_audit ARGS` with a timeout: a hang fails the test instead of blocking."""
    return subprocess.run(
        [sys.executable, "-m", "seo_audit", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="backslashreplace",
        timeout=timeout,
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **env},
        check=False,
    )


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def lines_naming(text: str, name: str) -> list[str]:
    return [line for line in text.splitlines() if name in line]


def front(body: str, fence: str = "---") -> str:
    return f"{fence}\n{body}\n{fence}\n\nLe vélo électrique change la ville.\n"


# --- hostile drafts, all checked in one run with a good draft -------------------------------

DEEP = "[" * 3000 + "]" * 3000
LAUGHS = (
    "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
    "title: *d\nkeywords: *d\nsynonyms: *d"
)

# file name -> (content, words the one line must hold)
HOSTILE_DRAFTS = {
    "deep-yaml.md": (front(f"title: {DEEP}"), "nested more than 50 levels"),
    "deep-yaml-block.md": (
        front("".join("  " * i + f"k{i}:\n" for i in range(300)).rstrip()),
        "nested more than 50 levels",
    ),
    "deep-toml.md": (front(f"title = {DEEP}", "+++"), "nested more than 50 levels"),
    "deep-toml-dotted.md": (front("a" + ".a" * 3000 + " = 1", "+++"), "nested more than 50"),
    "bigint-yaml.md": (front("slug: " + "9" * 5000), "integer of more than 100 digits"),
    "hexint-yaml.md": (front("slug: 0x" + "f" * 5000), "integer of more than 100 digits"),
    "bigint-toml.md": (front("slug = " + "9" * 5000, "+++"), "integer of more than 100 digits"),
    "hexint-toml.md": (front("slug = 0x" + "f" * 5000, "+++"), "integer of more than 100 digits"),
    "laughs.md": (front(LAUGHS), "alias *a repeats a list or mapping"),
    "raw-esc-yaml.md": (front("title: rouge \x1b[31m"), "control character U+001B"),
}


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    """One CLI run (a subprocess, JSON report) over a good draft and every hostile input."""
    folder = tmp_path_factory.mktemp("hostile")
    shutil.copy(GOOD_SAMPLE, folder / "good.md")
    names = ["good.md"]
    for name, (content, _) in HOSTILE_DRAFTS.items():
        (folder / name).write_text(content, encoding="utf-8")
        names.append(name)
    if Path("/dev/zero").exists():
        (folder / "zero.md").symlink_to("/dev/zero")
        names.append("zero.md")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "fifo.md")  # nobody ever writes to it
        names.append("fifo.md")
    with open(folder / "huge.md", "wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper, nothing on disk
    names.append("huge.md")
    # Many unclosed directive openings: a draft like any other, checked in linear time.
    (folder / "unclosed.md").write_text(
        "Le vélo électrique change la ville.\n\n" + "<!-- seo-audit: disable K001\n" * 5000,
        encoding="utf-8",
    )
    names.append("unclosed.md")
    proc = run_subprocess(
        "check",
        "-j",
        "1",
        "-f",
        "json",
        "--site-url",
        "https://www.exemple.fr",
        "--",
        *names,
        cwd=folder,
    )
    return proc, {entry["path"]: entry for entry in json.loads(proc.stdout)["files"]}


EXPECTED_ERRORS = {name: words for name, (_, words) in HOSTILE_DRAFTS.items()}
EXPECTED_ERRORS["huge.md"] = "file too large (52,428,800 bytes; the limit is 5,242,880"


@pytest.mark.parametrize("name", sorted(EXPECTED_ERRORS))
def test_hostile_draft_is_one_line_and_the_batch_goes_on(hostile_run, name):
    proc, files = hostile_run
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    assert files["good.md"]["error"] is None and files["good.md"]["passed"]
    assert EXPECTED_ERRORS[name] in files[name]["error"]
    (line,) = lines_naming(proc.stderr, name)
    assert line.startswith(f"{name}: ") and EXPECTED_ERRORS[name] in line


@needs_dev_zero
def test_symlink_to_dev_zero_is_refused(hostile_run):
    proc, files = hostile_run
    assert "is a character device, not a regular file" in files["zero.md"]["error"]
    assert len(lines_naming(proc.stderr, "zero.md")) == 1


@needs_fifo
def test_fifo_is_refused_without_blocking(hostile_run):
    proc, files = hostile_run  # the run finished within TIMEOUT: the FIFO was never opened
    assert "is a FIFO (named pipe), not a regular file" in files["fifo.md"]["error"]
    assert len(lines_naming(proc.stderr, "fifo.md")) == 1


def test_unclosed_directives_are_just_text(hostile_run):
    _, files = hostile_run
    assert files["unclosed.md"]["error"] is None
    assert files["unclosed.md"]["checks"]


# --- reading ------------------------------------------------------------------------------


def test_files_refused_from_their_stat_before_the_model_loads(tmp_path, monkeypatch):
    import seo_audit.parallel

    def no_model(*args, **kwargs):
        raise AssertionError("the files should have been refused before any analysis")

    monkeypatch.setattr(seo_audit.parallel, "audit_parallel", no_model)
    with open(tmp_path / "huge.md", "wb") as f:
        f.truncate(50 * 1024 * 1024)
    (tmp_path / "doc.pdf").write_text("x", encoding="utf-8")
    args = [str(tmp_path / n) for n in ("huge.md", "absent.md", "doc.pdf")]
    result = invoke("check", "-f", "json", *args)
    assert result.exit_code == 2
    errors = [f["error"] for f in json.loads(result.stdout)["files"]]
    assert "file too large" in errors[0]
    assert errors[1] == "file not found"
    assert "unknown file type '.pdf'" in errors[2]
    assert len(result.stderr.splitlines()) == 3


@needs_fifo
def test_read_bytes_does_not_block_on_a_fifo_that_slips_past_the_stat(tmp_path):
    # Should the path become a FIFO between the stat and the open, the open must not wait.
    fifo = tmp_path / "late.md"
    os.mkfifo(fifo)
    code = (
        "from seo_audit import io\n"
        "from seo_audit.errors import InputError\n"
        "io.check_file = lambda *a, **k: None\n"
        "try:\n"
        f"    io.read_bytes({str(fifo)!r})\n"
        "except InputError as exc:\n"
        "    print(exc)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert "is a FIFO (named pipe), not a regular file" in proc.stdout, proc.stderr


@needs_dev_zero
def test_read_bytes_never_reads_past_the_limit(tmp_path):
    # /dev/zero passed off as a regular file: the read must stop at the limit, not fill memory.
    code = (
        "from seo_audit import io\n"
        "from seo_audit.errors import InputError\n"
        "io.check_file = lambda *a, **k: None\n"
        "io._kind = lambda mode: None\n"
        "try:\n"
        "    io.read_bytes('/dev/zero', 1000)\n"
        "except InputError as exc:\n"
        "    print(exc)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT
    )
    assert "file too large (more than 1,000 bytes" in proc.stdout, proc.stderr


@needs_fifo
def test_files_from_and_ruleset_fifos_are_refused(tmp_path):
    os.mkfifo(tmp_path / "list.txt")
    os.mkfifo(tmp_path / "rules.toml")
    shutil.copy(GOOD_SAMPLE, tmp_path / "good.md")
    listing = run_subprocess("check", "--files-from", "list.txt", cwd=tmp_path)
    assert listing.returncode == 2
    assert listing.stderr.strip() == (
        "seo-audit: error: list.txt: cannot read the file list "
        "(is a FIFO (named pipe), not a regular file; only regular files are read)"
    )
    rules = run_subprocess("check", "--ruleset", "rules.toml", "good.md", cwd=tmp_path)
    assert rules.returncode == 2
    assert rules.stderr.strip() == "seo-audit: error: rules.toml: rule set is not a regular file"


def test_read_bytes_limit_is_a_parameter(tmp_path, monkeypatch):
    monkeypatch.delenv(io.MAX_BYTES_ENV, raising=False)
    path = tmp_path / "draft.md"
    path.write_text("mot " * 500, encoding="utf-8")  # 2,000 bytes
    assert len(io.read_bytes(str(path))) == 2000
    assert len(io.read_bytes(str(path), max_bytes=2000)) == 2000
    with pytest.raises(InputError, match=r"file too large \(2,000 bytes; the limit is 1,999"):
        io.read_text(str(path), max_bytes=1999)
    monkeypatch.setenv(io.MAX_BYTES_ENV, "1K")
    with pytest.raises(InputError, match="the limit is 1,024 bytes"):
        io.read_text(str(path))
    monkeypatch.setenv(io.MAX_BYTES_ENV, "lots")
    with pytest.raises(InputError, match=r"\$SEO_AUDIT_MAX_BYTES: not a size"):
        io.read_text(str(path))


@pytest.mark.parametrize(
    ("text", "size"),
    [("5242880", 5242880), ("512K", 512 * 1024), ("20M", 20 * 1024**2), ("1 GiB", 1024**3)],
)
def test_parse_size(text, size):
    assert io.parse_size(text) == size


@pytest.mark.parametrize("text", ["", "0", "-5", "5T", "1.5M", "lots", "9" * 40])
def test_parse_size_refuses(text):
    with pytest.raises(ValueError):
        io.parse_size(text)


def test_max_bytes_option_and_environment(tmp_path, monkeypatch, nlp):
    monkeypatch.setenv(io.MAX_BYTES_ENV, "4K")  # also restores the variable afterwards
    good = tmp_path / "good.md"
    shutil.copy(GOOD_SAMPLE, good)  # about 6.6 KB
    lowered = invoke("check", "-j", "1", str(good))
    assert lowered.exit_code == 2
    assert "file too large" in lowered.output and "the limit is 4,096 bytes" in lowered.output
    raised = invoke("check", "-j", "1", "--max-bytes", "16K", str(good))
    assert raised.exit_code == 0, raised.output
    assert os.environ[io.MAX_BYTES_ENV] == "4K"  # the run put the variable back
    bad = invoke("check", "--max-bytes", "lots", str(good))
    assert bad.exit_code == 2
    assert bad.output.strip().splitlines() == [
        "seo-audit: error: --max-bytes lots: not a size: 'lots' (give bytes, or a number "
        "with K, M or G)"
    ]
    monkeypatch.setenv(io.MAX_BYTES_ENV, "0")
    env = invoke("check", str(good))
    assert env.exit_code == 2
    assert env.output.strip() == (
        "seo-audit: error: $SEO_AUDIT_MAX_BYTES: the size must be at least 1 byte"
    )


# --- front matter -------------------------------------------------------------------------


def test_aliases_of_single_values_are_allowed_up_to_the_limit():
    fm = split_front_matter("a.md", front("k: &k vélo électrique\nkeyword: *k\ntitle: *k"))
    assert fm.meta["keyword"] == fm.meta["title"] == "vélo électrique"
    many = "k: &k vélo\nkeywords: [" + ", ".join(["*k"] * (MAX_ALIASES + 1)) + "]"
    with pytest.raises(InputError, match=f"more than {MAX_ALIASES} aliases"):
        split_front_matter("a.md", front(many))


@pytest.mark.parametrize(
    "body",
    [
        "base: &b {x: 1}\nother:\n  <<: *b",  # a merge key
        "a: &a [*a]",  # a list that contains itself
        "a: &a [x, y]\nkeywords: *a",
    ],
)
def test_aliases_of_lists_and_mappings_are_refused(body):
    with pytest.raises(InputError, match="repeats a list or mapping") as info:
        split_front_matter("a.md", front(body))
    assert info.value.path == "a.md"
    assert "on line" in info.value.problem


def test_nesting_past_the_limit_is_refused():
    deeper = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    for text in (front(f"t: {deeper}"), front(f"t = {deeper}", "+++")):
        with pytest.raises(InputError, match=f"nested more than {MAX_DEPTH} levels deep"):
            split_front_matter("a.md", text)


def test_nesting_at_the_limit_is_kept():
    nested = "[" * (MAX_DEPTH - 1) + "]" * (MAX_DEPTH - 1)
    for text in (front(f"t: {nested}"), front(f"t = {nested}", "+++")):
        value = split_front_matter("a.md", text).meta["t"]
        depth = 0
        while isinstance(value, list):
            depth += 1
            value = value[0] if value else None
        assert depth == MAX_DEPTH - 1


def test_large_but_sane_integers_are_kept():
    fm = split_front_matter("a.md", front("n: 12345678901234567890\nd: 2024-05-01"))
    assert fm.meta["n"] == 12345678901234567890
    quoted = split_front_matter("a.md", front('slug: "' + "9" * 5000 + '"'))
    assert quoted.meta["slug"] == "9" * 5000


def test_front_matter_length_cap():
    text = front("t: '" + "x" * MAX_FRONT_MATTER_CHARS + "'")
    with pytest.raises(InputError, match="front matter too long"):
        split_front_matter("a.md", text)


def test_control_character_in_yaml_names_the_line():
    with pytest.raises(InputError) as info:
        split_front_matter("a.md", front("title: bon\nslug: a\x0bb"))
    assert info.value.problem == (
        "broken YAML front matter on line 3: control character U+000B is not allowed "
        "(write it as an escape in double quotes)"
    )


@pytest.mark.parametrize(
    ("meta", "names", "problems"),
    [
        ({}, [], []),
        ({"title": "x"}, [], []),
        ({"seo_audit": {"ignore": "K001"}}, ["K001"], []),
        ({"seo-audit": {"ignore": "K001, passive-voice K001"}}, ["K001", "passive-voice"], []),
        ({"seo_audit": {"ignore": ["K001", "L001"]}}, ["K001", "L001"], []),
        (
            {"seo_audit": {"ignore": 5}},
            [],
            [
                "front matter 'seo_audit.ignore' must be a check id or name, or a list of "
                "them, not a number (5)"
            ],
        ),
        (
            {"seo_audit": {"ignore": None}},
            [],
            [
                "front matter 'seo_audit.ignore' must be a check id or name, or a list of "
                "them, not nothing (null)"
            ],
        ),
        (
            {"seo_audit": {"ignore": ["K001", None, 3, ""]}},
            ["K001"],
            [
                "front matter 'seo_audit.ignore' (item 2) must be a check id or name, "
                "not nothing (null)",
                "front matter 'seo_audit.ignore' (item 3) must be a check id or name, "
                "not a number (3)",
                "front matter 'seo_audit.ignore' (item 4) is empty",
            ],
        ),
        (
            {"seo_audit": ["K001"]},
            [],
            ["front matter 'seo_audit' must be a mapping such as {ignore: [ID, ...]}, not a list"],
        ),
        (
            {"seo_audit": {"ignor": "K001"}},
            [],
            ["front matter 'seo_audit': unknown key 'ignor' (valid: ignore)"],
        ),
    ],
)
def test_ignored_checks(meta, names, problems):
    assert ignored_checks(meta) == (names, problems)


# --- directives: linear time --------------------------------------------------------------


def test_find_directives_is_linear():
    # Many comments, a few directives, then unclosed openings: the old pattern rescanned to
    # the end of the text from each opening (quadratic: 2 s for 4,000 of them). Few
    # directives, so that allocating them does not blur the timing.
    def draft(n: int) -> str:
        return (
            "<!-- note -->\nLe vélo électrique.\n" * n
            + "<!-- seo-audit: disable K001 -->\n" * 10
            + "<!-- seo-audit: disable K001\n" * n
        )

    assert len(find_directives(draft(4000), 1)) == 10

    def run_of(n: int) -> Callable[[], object]:
        text = draft(n)
        return lambda: find_directives(text, 1)

    assert_linear(run_of, 4000)


def test_find_directives_lines_and_rules():
    html = "a\n<!-- seo-audit: disable K001, L001 -->\n<!-- note -->\n<!--seo-audit:enable-->"
    found = find_directives(html, 10)
    assert [(d.action, d.rules, d.line) for d in found] == [
        ("disable", ["K001", "L001"], 11),
        ("enable", [], 13),
    ]
    assert find_directives("<!-- x <!-- seo-audit: disable K001", 1) == []


# --- rule sets ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        ("[checks.word-count]\nweight = nan\n", "checks.word-count.weight must be a number >= 0"),
        (
            "[checks.word-count]\nweight = inf\n",
            "weight must be a number >= 0 and <= 100 (got inf)",
        ),
        ("[checks.word-count]\nweight = -inf\n", "weight must be a number >= 0"),
        ("[checks.word-count]\nweight = 1e300\n", "weight must be a number >= 0 and <= 100"),
        ("[checks.word-count]\nweight = 0x" + "f" * 5000 + "\n", "weight must be a number"),
        ("[checks.keyword-density]\nmax_density = nan\n", "max_density must be a finite number"),
        ("[checks.keyword-density]\nmin_density = inf\n", "min_density must be a finite number"),
        ("[checks.word-count]\nmin_words = 0x" + "f" * 5000 + "\n", "min_words must be between"),
        ("[checks.word-count]\nmin_words = " + "9" * 5000 + "\n", "too many digits"),
        ("x = " + DEEP + "\n", "invalid TOML: nested too deeply"),
        ('[checks.internal-links]\nsite_url = "http://["\n', "site_url: not a valid URL"),
        ('[ruleset]\nname = ["x"]\n', "ruleset.name must be a string"),
    ],
)
def test_bad_number_in_ruleset_is_one_line(tmp_path, body, problem):
    rules = tmp_path / "bad.toml"
    rules.write_text(body, encoding="utf-8")
    shutil.copy(GOOD_SAMPLE, tmp_path / "good.md")
    result = invoke("check", "--ruleset", str(rules), str(tmp_path / "good.md"))
    assert result.exit_code == 2
    (line,) = result.output.splitlines()
    assert line.startswith(f"seo-audit: error: {rules}: ") and problem in line
    assert "Traceback" not in result.output


# --- command line -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://[", "not a valid URL (Invalid IPv6 URL)"),
        ("http://exemple.fr:99999", "not a valid URL (Port out of range 0-65535)"),
        ("exemple.fr", "must start with http:// or https://"),
        ("ftp://exemple.fr", "must start with http:// or https://"),
        ("https://", "has no host name"),
        ("https://exemple .fr", "contains spaces or control characters"),
        ("https://\x1b[2Jexemple.fr", "contains spaces or control characters"),
    ],
)
def test_bad_site_url_is_a_usage_error(tmp_path, url, problem):
    shutil.copy(GOOD_SAMPLE, tmp_path / "good.md")
    result = invoke("check", "--site-url", url, str(tmp_path / "good.md"))
    assert result.exit_code == 2
    (line,) = result.output.splitlines()
    assert line.startswith("seo-audit: error: --site-url ") and line.endswith(problem)
    assert "\x1b" not in line


def test_file_names_after_double_dash_are_paths(tmp_path, monkeypatch, nlp):
    monkeypatch.chdir(tmp_path)
    shutil.copy(GOOD_SAMPLE, tmp_path / "-oout.md")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "seo-audit")
    assert hook["args"][-1] == "--"
    entry = hook["entry"].split()[1:]
    result = invoke(*entry, "-j", "1", *hook["args"], "-oout.md")  # as pre-commit runs it
    assert result.exit_code == 0, result.output
    assert "-oout.md: PASS" in result.output
    assert not (tmp_path / "out.md").exists()
    own_args = invoke("check", "-j", "1", "--ruleset", "default", "--", "-oout.md")
    assert own_args.exit_code == 0 and "-oout.md: PASS" in own_args.output


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_output_never_follows_a_planted_symlink(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    (tmp_path / ".report.json.tmp").symlink_to(victim)  # the old predictable temp name
    target = tmp_path / "report.json"
    result = invoke("check", "-f", "json", "-o", str(target), str(tmp_path / "absent.md"))
    assert result.exit_code == 2  # the draft is missing; the report is still written
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["errors"] == 1
    assert _leftovers(tmp_path) == [".report.json.tmp"]  # only the planted link


def test_output_file_permissions_follow_the_umask(tmp_path):
    target = tmp_path / "report.json"
    invoke("check", "-f", "json", "-o", str(target), str(tmp_path / "absent.md"))
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    if os.name == "posix":
        target.chmod(0o640)
        invoke("check", "-f", "json", "-o", str(target), str(tmp_path / "absent.md"))
        assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_output_error_removes_the_temporary_file(tmp_path, monkeypatch):
    def refuse(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    target = tmp_path / "report.json"
    result = invoke("check", "-f", "json", "-o", str(target), str(tmp_path / "absent.md"))
    assert result.exit_code == 2
    assert f"{target}: cannot write the report (Permission denied)" in result.stderr
    assert "Traceback" not in result.output
    assert not target.exists() and _leftovers(tmp_path) == []


def test_output_into_a_missing_folder(tmp_path):
    target = tmp_path / "nowhere" / "report.json"
    result = invoke("check", "-f", "json", "-o", str(target), str(tmp_path / "absent.md"))
    assert result.exit_code == 2
    assert f"seo-audit: error: {target}: cannot write the report" in result.stderr


@needs_fifo
def test_output_to_a_pipe_is_written_not_replaced(tmp_path):
    # A FIFO of our own stands for /dev/stdout: never aim this test at a system device,
    # since a regression would replace it (as root, /dev/null itself).
    pipe = tmp_path / "report.pipe"
    os.mkfifo(pipe)
    reader = os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)  # so that opening to write never waits
    try:
        result = invoke("check", "-f", "json", "-o", str(pipe), str(tmp_path / "absent.md"))
        received = os.read(reader, 1 << 16)
    finally:
        os.close(reader)
    assert result.exit_code == 2
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert json.loads(received)["summary"]["errors"] == 1
    assert _leftovers(tmp_path) == []


# --- output that lets the draft speak -----------------------------------------------------


def test_for_terminal():
    text = "a\x1b[31mb\x07c\td\ne\x0bf\x9bg\u202eh\udcffi\r\x7fé “ok”"
    assert (
        for_terminal(text) == "a\\x1b[31mb\\x07c\td\ne\\x0bf\\x9bg\\u202eh\\udcffi\\x0d\\x7fé “ok”"
    )
    assert for_terminal("Le vélo électrique — 3 € !") == "Le vélo électrique — 3 € !"


def test_for_xml():
    text = "a\x1bb\x0bc\td\ne\rf\x00g\udcffh\ufffei\x85é"
    assert for_xml(text) == "a\\x1bb\\x0bc\td\ne\rf\\x00g\\udcffh\\ufffei\\x85é"
    ET.fromstring(f"<a b='{for_xml(text)}'>{for_xml(text)}</a>")


ESCAPES_DRAFT = (
    "---\n"
    'title: "Vélo électrique \\e[31m rouge \\v fin"\n'
    'keyword: "vélo \\e]0;pwned\\a électrique"\n'
    'synonyms: ["bicyclette \\e[2J"]\n'
    "---\n\n"
    "# Le vélo \x1b[2J électrique\n\n"
    "Le vélo\x0b électrique \x1b[31m est rouge.\x07 Il roule vite en ville.\n"
)


def test_junit_stays_well_formed_with_control_characters(tmp_path, nlp):
    draft = tmp_path / "escapes.md"
    draft.write_text(ESCAPES_DRAFT, encoding="utf-8")
    odd_name = tmp_path / "nom\x1b[31m\x0b.md"  # a file name with controls, and broken YAML
    odd_name.write_text("---\ntitle: [oops\n---\nTexte.\n", encoding="utf-8")
    shutil.copy(GOOD_SAMPLE, tmp_path / "good.md")
    out = tmp_path / "report.xml"
    paths = [str(draft), str(odd_name), str(tmp_path / "good.md")]
    result = invoke("check", "-j", "1", "-f", "junit", "-o", str(out), *paths)
    assert result.exit_code == 2  # the broken YAML; the other two are checked
    root = ET.parse(out).getroot()  # well-formed despite ESC and U+000B everywhere
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [
        str(draft),
        str(tmp_path / "nom\\x1b[31m\\x0b.md"),
        str(tmp_path / "good.md"),
    ]
    keyword = suites[0].find("properties/property[@name='keyword']").get("value")
    assert keyword == "vélo \\x1b]0;pwned\\x07 électrique"
    assert int(suites[0].get("tests")) > 1 and int(suites[2].get("tests")) > 1
    assert suites[1].find("testcase/error") is not None
    texts = "".join(root.itertext()) + "".join(v for e in root.iter() for v in e.attrib.values())
    assert "\x1b" not in texts and "\x0b" not in texts
    # The error line on stderr names the odd file without sending its controls.
    (line,) = result.stderr.splitlines()
    assert line.startswith(f"{tmp_path}/nom\\x1b[31m\\x0b.md: broken YAML front matter")


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
def test_reports_for_the_terminal_escape_what_the_draft_holds(tmp_path, fmt):
    draft = tmp_path / "piège.md"
    good = (ROOT / "samples" / "echec-phrases-longues.md").read_text(encoding="utf-8")
    # A control character inside a long sentence, which every format quotes or names.
    draft.write_text(good.replace("Depuis une dizaine", "Depuis\x1b]0;pwned\x07 une dizaine"))
    result = CliRunner().invoke(main, ["check", str(draft), "-f", fmt, "-v"])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    if fmt == "text":  # it quotes the sentence
        assert "\\x1b]0;pwned\\x07" in result.output


def _mixed_batch(folder: Path) -> list[str]:
    """Good drafts between hostile and huge inputs of every kind."""
    shutil.copy(GOOD_SAMPLE, folder / "good-1.md")
    shutil.copy(ROOT / "samples" / "echec-phrases-longues.md", folder / "good-2.md")
    shutil.copy(ROOT / "samples" / "article-conforme.html", folder / "good-3.html")
    files = {
        "word.md": "# Mot\n\n" + "a" * 200_000 + "\n",
        "punct.md": "# P\n\nDébut " + "!?." * 4_000 + " fin.\n",
        "apostrophes.md": "# A\n\n" + "'’" * 6_000 + "\n",
        "headings.md": "".join(f"## Titre {i}\n\n" for i in range(4_000)),
        "divs.html": "<div>" * 10_000 + "<p>Le vélo électrique.</p>" + "</div>" * 10_000,
        "quotes.html": "<blockquote>" * 2_000 + "<p>Texte cité.</p>",
        "open-p.html": "".join(f"<p>Paragraphe {i} sans fin de balise." for i in range(1_000)),
        "no-head.html": "<!doctype html><title>Vélo</title><p>Le vélo électrique en ville.",
        "lists.md": "# Listes\n\n" + "".join("  " * i + "- élément\n" for i in range(400)),
        "long.md": "# Long\n\n"
        + "".join(
            f"Le conseil a voté le budget numéro {i}. Les élus ont débattu.\n\n" for i in range(800)
        ),
        "binary.md": "\x00\x01\x02 binaire",
        "empty.md": "",
        **{name: content for name, (content, _) in HOSTILE_DRAFTS.items()},
    }
    names = ["good-1.md"]
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
        names.append(name)
        if len(names) == 6:
            names.append("good-2.md")
    names.append("good-3.html")
    return names


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_mixed_batch_reports_every_good_draft_as_alone(tmp_path, jobs):
    names = _mixed_batch(tmp_path)
    proc = run_subprocess(
        "check", "-j", jobs, "-f", "json", "--", *names, cwd=tmp_path, timeout=900
    )
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    files = {entry["path"]: entry for entry in json.loads(proc.stdout)["files"]}
    assert list(files) == names  # one entry per input, in input order
    goods = ["good-1.md", "good-2.md", "good-3.html"]
    alone = run_subprocess("check", "-f", "json", "-j", "1", "--", *goods, cwd=tmp_path)
    for good, report in zip(goods, json.loads(alone.stdout)["files"], strict=True):
        assert files[good] == report, good
    for name in ("word.md", "binary.md", "empty.md", "deep-yaml.md"):
        assert files[name]["error"], name
    for name in ("divs.html", "quotes.html", "open-p.html", "no-head.html", "long.md"):
        assert files[name]["error"] is None, (name, files[name]["error"])
