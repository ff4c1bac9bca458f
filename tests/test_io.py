"""Reading drafts: encodings, binary, empty, missing, huge."""

import pytest

from seo_audit import io
from seo_audit.errors import InputError


def test_utf8_with_and_without_bom(tmp_path):
    plain = tmp_path / "a.md"
    plain.write_bytes("Le vélo électrique.\r\n".encode())
    bom = tmp_path / "b.md"
    bom.write_bytes(b"\xef\xbb\xbf" + "Le vélo électrique.\n".encode())
    assert io.read_text(str(plain)) == "Le vélo électrique.\n"
    assert io.read_text(str(bom)) == "Le vélo électrique.\n"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "file is empty"),
        (b"  \n\n \t", "file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Le café coûte cher.".encode("latin-1"), "not valid UTF-8"),
        ("\ufeffLe vélo".encode("utf-16"), "UTF-16"),
    ],
)
def test_bad_inputs(tmp_path, content, problem):
    path = tmp_path / "draft.md"
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        io.read_text(str(path))
    assert problem in info.value.problem
    assert str(path) in str(info.value)


def test_missing_and_directory(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        io.read_text(str(tmp_path / "nope.md"))
    with pytest.raises(InputError, match="directory"):
        io.read_text(str(tmp_path))


def test_huge_file(tmp_path, monkeypatch):
    monkeypatch.setattr(io, "MAX_BYTES", 1000)
    path = tmp_path / "big.md"
    path.write_text("mot " * 1000, encoding="utf-8")
    with pytest.raises(InputError, match="too large"):
        io.read_text(str(path))
