"""Splitting a corpus for any scheduler: `--shard I/N`, and path lists read line by line.

Shard I of N holds the paths whose hash is I - 1 modulo N. The hash (BLAKE2b of the path as
written, 8 bytes) depends on nothing but the path: not on the order of the list, not on the
other paths, not on the machine or the Python process (unlike `hash()`). So N jobs given the
same list each check a disjoint part of it and together check all of it: a Slurm array, a
CI matrix, Kubernetes indexed jobs or `xargs -P`. Their `--format jsonl` outputs merge by
concatenation (`seo-audit merge`).

A list of paths (`--files-from`) is read a line at a time and filtered as it is read, so a
list of a million lines is never held whole: with a shard, only that shard's paths are kept.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

from seo_audit import io
from seo_audit.errors import InputError

# Longest line of a path list: far beyond any path (PATH_MAX is 4,096 on Linux), and a bound
# on what one line of an endless stream can make this process hold.
MAX_LINE_BYTES = 64 * 1024

_SHARD_RE = re.compile(r"\s*(\d{1,9})\s*/\s*(\d{1,9})\s*")


@dataclass(frozen=True)
class Shard:
    """Shard `index` (1-based) of `count`."""

    index: int
    count: int

    def holds(self, path: str) -> bool:
        """Whether `path` belongs to this shard."""
        return shard_of(path, self.count) == self.index

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def shard_of(path: str, count: int) -> int:
    """The shard (1 to `count`) that `path` belongs to."""
    data = path.encode("utf-8", "surrogateescape")
    digest = hashlib.blake2b(data, digest_size=8).digest()
    return int.from_bytes(digest, "big") % count + 1


def parse_shard(text: str) -> Shard:
    """`"2/3"` -> Shard(2, 3); ValueError with the reason otherwise."""
    m = _SHARD_RE.fullmatch(text)
    if not m:
        raise ValueError("give the shard as I/N, such as 2/3 (shard 2 of 3)")
    index, count = int(m.group(1)), int(m.group(2))
    if count < 1 or not 1 <= index <= count:
        raise ValueError(f"the shard number must be between 1 and {max(count, 1)}")
    return Shard(index, count)


def read_path_list(source: str) -> Iterator[str]:
    """The paths listed in a file ("-": stdin), one per line, read lazily: blank lines and
    lines starting with # are left out, spaces around a path are trimmed.

    Only a regular file (or stdin) is read. Raises InputError about `source` when the file
    cannot be read, a line is not UTF-8 or is longer than MAX_LINE_BYTES; the paths before
    that line have been yielded.
    """
    if source == io.STDIN_PATH:
        yield from _lines(source, sys.stdin.buffer)
        return
    io.check_file(source, sys.maxsize)  # missing, a FIFO, a device... refused from its stat
    try:
        stream = open(source, "rb")  # noqa: SIM115 (closed below, also when not exhausted)
    except OSError as exc:
        raise InputError(source, f"cannot read file ({exc.strerror or exc})") from None
    with stream:
        yield from _lines(source, stream)


def _lines(source: str, stream: BinaryIO) -> Iterator[str]:
    for number, raw in enumerate(iter(lambda: stream.readline(MAX_LINE_BYTES + 1), b""), 1):
        if len(raw.rstrip(b"\r\n")) > MAX_LINE_BYTES:
            raise InputError(
                source, f"line {number:,} is longer than {MAX_LINE_BYTES:,} bytes; not a path"
            )
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            line = raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError as exc:
            raise InputError(source, f"not valid UTF-8 (line {number:,}: {exc.reason})") from None
        if line.strip() and not line.startswith("#"):
            yield line.strip()
