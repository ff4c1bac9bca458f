"""Ctrl-C on a batch in a terminal: the finished reports stay on screen, the exit code is 130."""

import os
import pty
import select
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _read_until(fd: int, wanted: str, seen: bytearray, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the terminal closed: the program ended
            return wanted in seen.decode("utf-8", "replace")
        if not chunk:
            break
        seen.extend(chunk)
        if wanted and wanted in seen.decode("utf-8", "replace"):
            return True
    return wanted in seen.decode("utf-8", "replace")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_prints_what_finished_and_exits_130(tmp_path, jobs):
    for i in range(40):
        shutil.copy(ROOT / "samples" / "article-conforme.md", tmp_path / f"{i:02d}.md")
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "seo_audit", "check", str(tmp_path), "-j", jobs, "--no-color"],
        stdin=follower,
        stdout=follower,
        stderr=follower,
        start_new_session=True,  # its own process group, as a shell gives a job
        cwd=tmp_path,
    )
    os.close(follower)
    seen = bytearray()
    try:
        # The first report is printed as soon as it is done: then press Ctrl-C.
        assert _read_until(leader, "00.md: PASS", seen, timeout=300), seen.decode()
        os.killpg(process.pid, signal.SIGINT)
        _read_until(leader, "", seen, timeout=120)
        code = process.wait(timeout=120)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        os.close(leader)
    output = seen.decode("utf-8", "replace")
    assert code == 130, output
    assert "00.md: PASS" in output
    assert "interrupted after" in output and "of 40 draft(s)" in output
    assert "Traceback" not in output and "Aborted" not in output
