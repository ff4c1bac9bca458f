"""Reading drafts safely: size limit, binary detection, UTF-8 (with or without BOM) only."""

from __future__ import annotations

import sys
from pathlib import Path

from seo_audit.errors import InputError

# A long article is 2,000-5,000 words (~30 KB); 5 MB is far beyond any draft and keeps a
# stray log or data dump from tying up the analyzer.
MAX_BYTES = 5 * 1024 * 1024

STDIN_PATH = "-"

_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}


def read_bytes(path: str) -> bytes:
    """Read a file (or stdin for "-"), refusing missing, unreadable, huge files."""
    if path == STDIN_PATH:
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(path, "file not found")
        if p.is_dir():
            raise InputError(path, "is a directory, not a file")
        try:
            size = p.stat().st_size
            if size > MAX_BYTES:
                raise InputError(
                    path, f"file too large ({size:,} bytes; the limit is {MAX_BYTES:,} bytes)"
                )
            data = p.read_bytes()
        except PermissionError:
            raise InputError(path, "permission denied") from None
        except OSError as exc:
            raise InputError(path, f"cannot read file ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise InputError(path, f"input too large (the limit is {MAX_BYTES:,} bytes)")
    return data


def decode(path: str, data: bytes) -> str:
    """Decode UTF-8 (a BOM is allowed); anything else is a clear error."""
    for bom, name in _BOMS.items():
        if data.startswith(bom):
            raise InputError(path, f"encoded as {name}; save it as UTF-8")
    if b"\x00" in data[:8192]:
        raise InputError(path, "binary file (contains NUL bytes); expected a text draft")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        raise InputError(
            path,
            f"not valid UTF-8 (byte 0x{bad:02x} at offset {exc.start}); save it as UTF-8",
        ) from None
    if not text.strip():
        raise InputError(path, "file is empty")
    # Normalise line endings once so that every line number refers to the same lines.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: str) -> str:
    """Read and decode a draft."""
    return decode(path, read_bytes(path))
