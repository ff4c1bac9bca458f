"""Reading drafts safely: regular files only, a size limit, UTF-8 (with or without BOM) only.

Only regular files are read (after following symbolic links): a FIFO, a device such as
/dev/zero, a socket or a directory is refused from its `stat`, before it is opened, so that
nothing can block the run or feed it endless bytes. A file larger than the limit is refused
from its size too, and a file is never read past the limit (it may grow in between).
"""

from __future__ import annotations

import os
import re
import stat
import sys
from typing import BinaryIO

from seo_audit.errors import InputError
from seo_audit.i18n import N_, _

# A long article is 2,000-5,000 words (~30 KB); 5 MB is far beyond any draft and keeps a
# stray log or data dump from tying up the analyzer.
MAX_BYTES = 5 * 1024 * 1024

# Raises (or lowers) the limit for a run: bytes, or with a K, M or G suffix (1024-based).
MAX_BYTES_ENV = "SEO_AUDIT_MAX_BYTES"

STDIN_PATH = "-"

_BOMS = {
    b"\xff\xfe\x00\x00": "UTF-32",
    b"\x00\x00\xfe\xff": "UTF-32",
    b"\xff\xfe": "UTF-16",
    b"\xfe\xff": "UTF-16",
}

_SIZE_RE = re.compile(r"\s*(\d{1,15})\s*([kmg]?)(?:i?b)?\s*", re.I)
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}

_KINDS = (
    (stat.S_ISFIFO, N_("a FIFO (named pipe)")),
    (stat.S_ISCHR, N_("a character device")),
    (stat.S_ISBLK, N_("a block device")),
    (stat.S_ISSOCK, N_("a socket")),
)


def parse_size(text: str) -> int:
    """`5242880`, `5M`, `512K`, `1G`, `20MB`, `20MiB` -> bytes (at least 1); else ValueError."""
    m = _SIZE_RE.fullmatch(text)
    if not m:
        raise ValueError(f"not a size: {text!r} (give bytes, or a number with K, M or G)")
    size = int(m.group(1)) * _UNITS[m.group(2).lower()]
    if size < 1:
        raise ValueError("the size must be at least 1 byte")
    return size


def default_max_bytes(path: str = f"${MAX_BYTES_ENV}") -> int:
    """The limit when none is given: $SEO_AUDIT_MAX_BYTES if set, else MAX_BYTES.

    A malformed $SEO_AUDIT_MAX_BYTES is an InputError about `path` (the file being read).
    """
    raw = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not raw:
        return MAX_BYTES
    try:
        return parse_size(raw)
    except ValueError as exc:
        raise InputError(path, f"${MAX_BYTES_ENV}: {exc}") from None


def _kind(mode: int) -> str | None:
    """What a non-regular file is, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return N_("a directory")
    return next((name for test, name in _KINDS if test(mode)), N_("not a regular file"))


def _not_regular(path: str, kind: str) -> InputError:
    if kind == "a directory":
        return InputError(path, _("is a directory, not a file"))
    said = _("is {kind}, not a regular file; only regular files are read")
    return InputError(path, said.format(kind=_(kind)))


def _too_large(path: str, size: str, limit: int) -> InputError:
    return InputError(
        path,
        _(
            "file too large ({size} bytes; the limit is {limit} bytes, "
            "raise it with --max-bytes or ${variable})"
        ).format(size=size, limit=f"{limit:,}", variable=MAX_BYTES_ENV),
    )


def check_file(path: str, max_bytes: int | None = None) -> None:
    """Refuse, from its `stat` alone (nothing is opened), a path that is missing, not a
    regular file (a directory, FIFO, device or socket) or larger than the limit.

    Cheap: the CLI calls it on every path before loading the model; `read_bytes` calls it
    before opening a file.
    """
    if path == STDIN_PATH:
        return
    limit = default_max_bytes(path) if max_bytes is None else max_bytes
    try:
        st = os.stat(path)  # follows symbolic links: a link is judged by what it points to
    except FileNotFoundError:
        raise InputError(path, _("file not found")) from None
    except NotADirectoryError:
        raise InputError(
            path, _("file not found (a part of the path is not a directory)")
        ) from None
    except PermissionError:
        raise InputError(path, _("permission denied")) from None
    except ValueError:  # an embedded NUL character
        raise InputError(path, _("invalid file name")) from None
    except OSError as exc:  # a symlink loop, a name too long...
        raise InputError(
            path, _("cannot read file ({problem})").format(problem=exc.strerror or exc)
        ) from None
    kind = _kind(st.st_mode)
    if kind is not None:
        raise _not_regular(path, kind)
    if st.st_size > limit:
        raise _too_large(path, f"{st.st_size:,}", limit)


def read_bytes(path: str, max_bytes: int | None = None) -> bytes:
    """Read a regular file (or stdin for "-") of at most `max_bytes` bytes.

    `max_bytes` defaults to `default_max_bytes()` ($SEO_AUDIT_MAX_BYTES or MAX_BYTES).
    Raises InputError for a missing, unreadable, non-regular or too large file.
    """
    limit = default_max_bytes(path) if max_bytes is None else max_bytes
    if path == STDIN_PATH:
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise _too_large(path, f"more than {limit:,}", limit)
        return data
    check_file(path, limit)
    try:
        with open_regular(path) as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise InputError(
            path, _("cannot read file ({problem})").format(problem=exc.strerror or exc)
        ) from None
    if len(data) > limit:  # the file grew after the stat
        raise _too_large(path, f"more than {limit:,}", limit)
    return data


def open_regular(path: str) -> BinaryIO:
    """Open a regular file for reading in binary, whatever its size (the caller bounds what
    it reads); anything else is an InputError, as in `check_file`."""
    check_file(path, sys.maxsize)
    # O_NONBLOCK: should the path have become a FIFO since the stat, opening it does not
    # wait for a writer; the fstat below then refuses it.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    flags |= getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except PermissionError:
        raise InputError(path, _("permission denied")) from None
    except OSError as exc:
        raise InputError(
            path, _("cannot read file ({problem})").format(problem=exc.strerror or exc)
        ) from None
    f = os.fdopen(fd, "rb", closefd=True)
    try:
        kind = _kind(os.fstat(f.fileno()).st_mode)
    except OSError as exc:
        f.close()
        raise InputError(
            path, _("cannot read file ({problem})").format(problem=exc.strerror or exc)
        ) from None
    if kind is not None:
        f.close()
        raise _not_regular(path, kind)
    return f


def decode(path: str, data: bytes) -> str:
    """Decode UTF-8 (a BOM is allowed); anything else is a clear error."""
    for bom, name in _BOMS.items():
        if data.startswith(bom):
            raise InputError(path, _("encoded as {name}; save it as UTF-8").format(name=name))
    if b"\x00" in data[:8192]:
        raise InputError(path, _("binary file (contains NUL bytes); expected a text draft"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = data[exc.start]
        raise InputError(
            path,
            _("not valid UTF-8 (byte {byte} at offset {offset}); save it as UTF-8").format(
                byte=f"0x{bad:02x}", offset=exc.start
            ),
        ) from None
    if not text.strip():
        raise InputError(path, _("file is empty"))
    # Normalise line endings once so that every line number refers to the same lines.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: str, max_bytes: int | None = None) -> str:
    """Read and decode a draft (see `read_bytes` for `max_bytes`)."""
    return decode(path, read_bytes(path, max_bytes))
