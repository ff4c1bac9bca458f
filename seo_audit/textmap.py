"""Where extracted prose stands in the file: character offsets, lines and columns.

A parser turns markup into plain text (`**vélo** [électrique](url)` becomes `vélo électrique`).
Every finding must point back into the file, so each piece of plain text keeps a `SourceMap`:
for every character, its offset in the file's text. Offsets count Python characters (code
points) of the decoded file, after line endings were normalised to "\\n" (which changes no
line number and no column). Lines and columns are derived from offsets in one place,
`LineIndex`.
"""

from __future__ import annotations

import bisect
from array import array


class SourceMap:
    """Positions in a plain text → offsets in the file, stored as contiguous runs.

    A run says "plain characters from `p` on stand at file offsets from `s` on". Characters
    that the parser made up (a space for inline code, a line break for `<br>`) map to the
    offset of the markup they replace.
    """

    __slots__ = ("_plain", "_source", "length", "_markup")

    def __init__(self) -> None:
        self._plain = array("q")
        self._source = array("q")
        self.length = 0
        self._markup = (0, 0)  # what an empty text stands for in the file (`## ` alone)

    @classmethod
    def empty_at(cls, start: int, end: int) -> SourceMap:
        """The map of an empty text whose markup spans [start, end) of the file."""
        out = cls()
        out._markup = (start, end)
        return out

    def append(self, source_offset: int, count: int = 1, *, synthetic: bool = False) -> None:
        """Add `count` plain characters standing from `source_offset` on in the file
        (all at `source_offset` when `synthetic`)."""
        if count <= 0:
            return
        if synthetic:
            for _ in range(count):
                self._new_run(source_offset)
                self.length += 1
            return
        if not (self._source and self._source[-1] + self.length - self._plain[-1] == source_offset):
            self._new_run(source_offset)
        self.length += count

    def extend(self, other: SourceMap) -> None:
        """Add the characters of another map after these."""
        if not other._plain:
            return  # an empty piece (markdown-it's empty text beside `**`) adds nothing
        ends = [*other._plain[1:], other.length]
        for start, end, source in zip(other._plain, ends, other._source, strict=True):
            self.append(source, end - start)

    def _new_run(self, source_offset: int) -> None:
        self._plain.append(self.length)
        self._source.append(source_offset)

    def to_source(self, position: int) -> int:
        """The file offset of the plain character at `position` (clamped to the text)."""
        if not self._plain:
            return 0
        if position < 0:
            position = 0
        elif position >= self.length:  # the last character (the map is not empty)
            position = max(self.length - 1, 0)
        run = bisect.bisect_right(self._plain, position) - 1
        return self._source[run] + position - self._plain[run]

    def offsets(self) -> list[int]:
        """The file offset of every plain character, in order (what a renderer that draws
        the plain text over file ranges needs), in one pass over the runs."""
        found: list[int] = []
        ends = [*self._plain[1:], self.length]
        for start, end, source in zip(self._plain, ends, self._source, strict=True):
            found.extend(range(source, source + end - start))
        return found

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The file range [start, end) covering plain characters [start, end)."""
        if not self._plain:
            return self._markup
        first = self.to_source(start)
        if end <= start:
            return first, first
        return first, max(first, self.to_source(end - 1) + 1)

    def sliced(self, start: int, end: int) -> SourceMap:
        """The map of the plain text's slice [start, end)."""
        out = SourceMap()
        if not self._plain:
            return out
        start, end = max(start, 0), min(end, self.length)
        # Run by run: appending a run is appending its characters one by one.
        ends = [*self._plain[1:], self.length]
        for first, last, source in zip(self._plain, ends, self._source, strict=True):
            lo, hi = max(first, start), min(last, end)
            if lo < hi:
                out.append(source + lo - first, hi - lo)
        return out

    @classmethod
    def contiguous(cls, source_offset: int, length: int) -> SourceMap:
        out = cls()
        out.append(source_offset, length)
        return out


def align(piece: str, source: str, cursor: int, limit: int | None = None) -> SourceMap:
    """Map `piece`, plain text extracted from `source[cursor:limit]`, onto the file.

    Most pieces stand verbatim in the file (found in one search). Where the parser decoded
    something (an escape `\\*`, an entity `&amp;`), characters are matched one by one in
    order, skipping markup; a character with no match (an entity such as `&eacute;`) is
    placed where the search stands.
    """
    limit = len(source) if limit is None else limit
    out = SourceMap()
    found = source.find(piece, cursor, limit)
    if found >= 0 or not piece:
        out.append(found if found >= 0 else cursor, len(piece))
        return out
    at = cursor
    for char in piece:
        hit = source.find(char, at, limit) if not char.isspace() else _find_space(source, at, limit)
        # A letter far ahead is more likely a decoded entity than the next letter of the text.
        if hit < 0 or hit - at > 12:
            out.append(at, synthetic=True)
            continue
        out.append(hit)
        at = hit + 1
    return out


def _find_space(source: str, start: int, limit: int) -> int:
    for i in range(start, min(limit, start + 13)):
        if source[i].isspace():
            return i
    return -1


class LineIndex:
    """Offsets of a text → 1-based (line, column); columns count characters."""

    __slots__ = ("_starts", "_length")

    def __init__(self, text: str) -> None:
        starts = array("q", [0])
        at = text.find("\n")
        while at >= 0:
            starts.append(at + 1)
            at = text.find("\n", at + 1)
        self._starts = starts
        self._length = len(text)

    def line(self, offset: int) -> int:
        return bisect.bisect_right(self._starts, min(max(offset, 0), self._length))

    def position(self, offset: int) -> tuple[int, int]:
        offset = min(max(offset, 0), self._length)
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of a 1-based line."""
        return self._starts[min(max(line, 1), len(self._starts)) - 1]

    @property
    def lines(self) -> int:
        return len(self._starts)
