"""Keeping the draft from speaking to the terminal or breaking XML.

Reports quote the draft (its title, keyphrase, sentences) and file names, which may hold
control characters. Printed as they are, ESC sequences can recolour, clear or retitle a
terminal, or hide text; in XML most C0 controls make the document ill-formed.

- `for_terminal(text)`: C0 controls (except newline and tab), DEL, C1 controls, the
  bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069, which can make a line
  read in another order than it is stored) and lone surrogates (from undecodable file names)
  become visible escapes such as `\\x1b`, `\\u202e` or `\\udcff`.
- `for_xml(text)`: every character XML 1.0 cannot hold (C0 controls other than tab, newline
  and carriage return, lone surrogates, U+FFFE, U+FFFF), and the C1 controls and DEL it
  discourages, become the same visible escapes.

Apply them to pieces of text that come from a draft or a file name, not to whole styled
output: ANSI colours added by the report itself are ESC sequences too.
"""

from __future__ import annotations

import re

_TERMINAL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def escape_char(char: str) -> str:
    """`\\x1b` for a code point below 256, else `\\u202e` (the form Python would write)."""
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _escape(match: re.Match[str]) -> str:
    return escape_char(match.group())


def for_terminal(text: str) -> str:
    """`text` with no character that can act on a terminal (newline and tab are kept)."""
    return _TERMINAL_RE.sub(_escape, text)


def for_xml(text: str) -> str:
    """`text` with only characters an XML 1.0 document may hold (see the module doc)."""
    return _XML_RE.sub(_escape, text)
