"""Word documents (.docx): headings by style (English or French names) or outline level,
lists, quotes, links, images with their alt text, the document properties; one line per
paragraph; corrupt files refused in one line."""

import json
import shutil
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

docx = pytest.importorskip("docx")  # the `docx` extra, part of the `test` extra

from docx.enum.style import WD_STYLE_TYPE  # noqa: E402
from docx.opc.constants import RELATIONSHIP_TYPE as RT  # noqa: E402
from docx.oxml import OxmlElement  # noqa: E402
from docx.oxml.ns import qn  # noqa: E402

from seo_audit.cli import main  # noqa: E402
from seo_audit.engine import AuditOptions, Draft, audit_drafts, load_document  # noqa: E402
from seo_audit.errors import InputError  # noqa: E402
from seo_audit.parse.docx import parse_docx  # noqa: E402
from seo_audit.paths import collect_paths  # noqa: E402
from seo_audit.textmap import LineIndex  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def png(path: Path) -> Path:
    """A 4×4 grey PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    rows = b"".join(b"\x00" + b"\x80\x80\x80" * 4 for _ in range(4))
    header = struct.pack(">IIBBBBB", 4, 4, 8, 2, 0, 0, 0)
    data = chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + data)
    return path


def run(paragraph, text: str, parent=None):
    r = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    r.append(t)
    (parent if parent is not None else paragraph._p).append(r)
    return r


def hyperlink(paragraph, url: str, text: str) -> None:
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True))
    run(paragraph, text, link)
    paragraph._p.append(link)


def field_link(paragraph, url: str, text: str) -> None:
    """A link as Word writes some: a HYPERLINK field, its code, then its result."""
    for kind, code in (("begin", None), (None, f' HYPERLINK "{url}" '), ("separate", None)):
        r = OxmlElement("w:r")
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            r.append(char)
        else:
            instr = OxmlElement("w:instrText")
            instr.text = code
            r.append(instr)
        paragraph._p.append(r)
    run(paragraph, text)
    r = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), "end")
    r.append(char)
    paragraph._p.append(r)


def tracked(paragraph, deleted: str, inserted: str) -> None:
    gone = OxmlElement("w:del")
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText")
    t.text = deleted
    r.append(t)
    gone.append(r)
    paragraph._p.append(gone)
    added = OxmlElement("w:ins")
    run(paragraph, inserted, added)
    paragraph._p.append(added)


def outline(element, level: int) -> None:
    ppr = element.get_or_add_pPr()
    found = OxmlElement("w:outlineLvl")
    found.set(qn("w:val"), str(level))
    ppr.append(found)


def french_style(document, name: str):
    return document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)


LINES = [
    "Le compost en appartement",
    "Un lombricomposteur transforme les épluchures en engrais. Il tient sur un balcon.",
    "Choisir son lombricomposteur",
    "Lisez le guide de l’Ademe et la fiche du ministère avant d’acheter.",
    "",
    "Les vers du fumier",
    "Le bac idéal",
    "Des épluchures de légumes",
    "Du marc de café",
    "Les coquilles d’œufs écrasées",
    "Un compost sain ne sent que la terre de forêt.",
    "Voici le bac en place. [image: Un lombricomposteur à trois plateaux sur un balcon]",
    "[image]",
    "Prix",
    "40 €",
    "Comptez trois mois avant la première récolte de lombricompost.",
    "Récoltez le thé de compost chaque semaine.",
]


@pytest.fixture(scope="module")
def made(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("docx")
    image = png(folder / "bac.png")
    d = docx.Document()
    core = d.core_properties
    core.title = "Le compost en appartement : le guide du lombricomposteur"
    core.subject = "Compost"
    core.comments = (
        "Un lombricomposteur sur le balcon : comment le choisir, le nourrir et récolter un "
        "engrais riche pour vos plantes, sans odeur ni mouches."
    )
    core.keywords = "lombricomposteur; compost en appartement"
    titre = french_style(d, "Titre")  # the title style of a French Word
    titre_2 = french_style(d, "Titre 2")
    intertitre = french_style(d, "Intertitre maison")  # an unknown name, outline level 3
    outline(intertitre.element, 2)
    liste = french_style(d, "Paragraphe de liste")
    citation = french_style(d, "Citation")

    d.add_paragraph(LINES[0], style=titre)
    d.add_paragraph(LINES[1])
    d.add_paragraph(LINES[2], style=titre_2)
    p = d.add_paragraph("Lisez le ")
    hyperlink(p, "https://www.ademe.fr/", "guide de l’Ademe")
    run(p, " et la ")
    field_link(p, "https://www.ecologie.gouv.fr/compost", "fiche du ministère")
    run(p, " avant d’acheter.")
    d.add_paragraph("")
    d.add_paragraph(LINES[5], style=intertitre)
    p = d.add_paragraph(LINES[6])
    outline(p._p, 1)  # a plain paragraph set to outline level 2: an H2
    d.add_paragraph(LINES[7], style="List Bullet")
    d.add_paragraph(LINES[8], style=liste)
    p = d.add_paragraph(LINES[9])
    numbering = OxmlElement("w:numPr")
    for tag, value in (("w:ilvl", "0"), ("w:numId", "1")):
        element = OxmlElement(tag)
        element.set(qn("w:val"), value)
        numbering.append(element)
    p._p.get_or_add_pPr().append(numbering)
    d.add_paragraph(LINES[10], style=citation)
    p = d.add_paragraph("Voici le bac en place. ")
    p.add_run().add_picture(str(image))
    p._p.xpath(".//wp:docPr")[0].set("descr", "Un lombricomposteur à trois plateaux sur un balcon")
    d.add_picture(str(image))  # no alt text
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = LINES[13]
    table.cell(0, 1).text = LINES[14]
    table.cell(1, 0).merge(table.cell(1, 1)).text = LINES[15]
    p = d.add_paragraph("Récoltez le thé de compost ")
    tracked(p, "tous les jours", "chaque semaine.")
    path = folder / "compost.docx"
    d.save(str(path))
    return path


def test_paragraphs_are_lines_and_styles_make_headings(made):
    document = load_document(str(made))
    assert document.format == "docx"
    # One paragraph per line, in order: the empty one, the table's cells (two, then one
    # merged across the row) and the picture alone in its paragraph included.
    assert document.text.split("\n") == LINES
    blocks = [(b.kind, b.level, b.line, b.text) for b in document.blocks]
    assert blocks == [
        ("heading", 1, 1, LINES[0]),  # « Titre »: the headline
        ("paragraph", 0, 2, LINES[1]),
        ("heading", 2, 3, LINES[2]),  # « Titre 2 »
        ("paragraph", 0, 4, LINES[3]),
        ("heading", 3, 6, LINES[5]),  # a style of outline level 3
        ("heading", 2, 7, LINES[6]),  # a paragraph of outline level 2
        ("list_item", 0, 8, LINES[7]),
        ("list_item", 0, 9, LINES[8]),
        ("list_item", 0, 10, LINES[9]),  # numbered by its own numbering
        ("quote", 0, 11, LINES[10]),
        ("paragraph", 0, 12, "Voici le bac en place."),
        ("paragraph", 0, 16, LINES[15]),  # a cell that reads as a sentence
        ("paragraph", 0, 17, LINES[16]),  # the deletion is gone, the insertion read
    ]
    for block in document.blocks:
        assert document.text[block.start : block.end] == block.text


def test_links_images_and_properties(made):
    document = load_document(str(made))
    links = [(link.url, link.text, link.line) for link in document.links]
    assert links == [
        ("https://www.ademe.fr/", "guide de l’Ademe", 4),
        ("https://www.ecologie.gouv.fr/compost", "fiche du ministère", 4),
    ]
    for link in document.links:
        start, end = link.map.span(0, len(link.text))
        assert document.text[start:end] == link.text
    images = [(i.alt, i.line, document.text[i.start : i.end]) for i in document.images]
    alt = "Un lombricomposteur à trois plateaux sur un balcon"
    assert images == [(alt, 12, f"[image: {alt}]"), ("", 13, "[image]")]
    assert all(i.src.startswith("media/") for i in document.images)
    start, end = document.images[0].map.span(0, len(alt))
    assert document.text[start:end] == alt
    assert document.title == "Le compost en appartement : le guide du lombricomposteur"
    assert document.description.startswith("Un lombricomposteur sur le balcon")  # Comments
    assert document.keywords == ["lombricomposteur", "compost en appartement"]


def test_checked_through_the_command_line(made, nlp):
    result = CliRunner().invoke(main, ["check", str(made), "-j", "1", "-f", "json"])
    assert result.exit_code == 1, result.output  # a short draft
    (report,) = json.loads(result.stdout)["files"]
    assert report["input_format"] == "docx" and report["error"] is None
    assert report["keyword"] == "lombricomposteur"
    assert report["keyword_source"] == "document keywords"
    assert (report["metrics"]["h1"], report["metrics"]["h2"], report["metrics"]["h3"]) == (1, 2, 1)
    checks = {c["id"]: c for c in report["checks"]}
    assert checks["A004"]["status"] == "fail"  # one image without alt text
    assert [loc["line"] for loc in checks["A004"]["locations"]] == [13]
    assert checks["A002"]["value"] == 2  # two outbound links
    assert checks["K009"]["status"] == "pass"  # the keyphrase in an alt text


def test_every_finding_range_cuts_its_text_from_the_document(made, nlp):
    text = load_document(str(made)).text
    lines = LineIndex(text)
    (report,) = audit_drafts([str(made)], AuditOptions(keyword="compost"))
    located = 0
    for check in report.checks:
        for loc in check.locations:
            where = f"{check.id} {loc}"
            assert 0 <= loc.start < loc.end <= len(text), where
            assert loc.text == text[loc.start : loc.end] == loc.text.strip(), where
            assert (loc.line, loc.column) == lines.position(loc.start), where
            assert (loc.end_line, loc.end_column) == lines.position(loc.end), where
            located += 1
    assert located >= 3


def test_corrupt_documents_are_one_error_line_each(made, nlp, tmp_path):
    garbage = tmp_path / "garbage.docx"
    garbage.write_bytes(b"PK\x03\x04 this is no archive at all " * 10)
    other = tmp_path / "other.docx"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("notes.txt", "Une liste de courses.")
    old = tmp_path / "old.docx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\x00" * (70 * 1024 * 1024))
    assert bomb.stat().st_size < 200_000
    broken = tmp_path / "broken.docx"  # a Word archive whose document part is no document
    with zipfile.ZipFile(made) as source, zipfile.ZipFile(broken, "w") as archive:
        for name in source.namelist():
            part = b"<foo/>" if name == "word/document.xml" else source.read(name)
            archive.writestr(name, part)
    good = SAMPLES / "article-conforme.md"
    files = [garbage, other, good, old, bomb, broken]
    result = CliRunner().invoke(main, ["check", "-j", "1", "-f", "json", *map(str, files)])
    assert result.exit_code == 2
    data = json.loads(result.stdout)["files"]
    errors = [f["error"] for f in data]
    assert errors[0].startswith("not a readable Word document (BadZipFile")
    assert errors[1].startswith("not a readable Word document (")
    assert errors[2] is None and data[2]["passed"]
    assert errors[3].startswith("an old Word file (.doc) or a password-protected document")
    assert errors[4].startswith("refused: the archive holds 1 parts that unpack to 73,400,320")
    assert errors[5].startswith("not a readable Word document (")
    assert len(result.stderr.splitlines()) == 5


def test_without_python_docx_a_docx_is_a_clear_input_error(made, monkeypatch):
    monkeypatch.setitem(sys.modules, "docx", None)  # as if the extra were not installed
    with pytest.raises(InputError, match=r"needs python-docx: pip install 'seo-audit\[docx\]'"):
        parse_docx(str(made), made.read_bytes())


def test_a_docx_is_never_given_as_text(nlp):
    (report,) = audit_drafts([Draft("article.docx", "Un texte.")], AuditOptions())
    assert report.error == "a .docx draft is read from its file, not from text"


def test_directories_hold_word_documents_but_not_their_lock_files(tmp_path):
    for name in ("a.docx", "~$a.docx", "b.md", "export.xml"):
        (tmp_path / name).write_bytes(b"x")
    assert collect_paths([str(tmp_path)]) == [str(tmp_path / "a.docx"), str(tmp_path / "b.md")]
    assert collect_paths([str(tmp_path / "export.xml")]) == [str(tmp_path / "export.xml")]


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (soffice)")
def test_a_document_saved_by_libreoffice(tmp_path, nlp):
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><h1>Le compost en appartement</h1><p>Un lombricomposteur transforme "
        "les épluchures en engrais.</p><h2>Choisir son bac</h2><ul><li>Des épluchures</li>"
        '<li>Du marc de café</li></ul><p>Lisez le <a href="https://www.ademe.fr/">guide de '
        "l’Ademe</a>.</p></body></html>",
        encoding="utf-8",
    )
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(tmp_path),
            str(page),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    document = load_document(str(tmp_path / "page.docx"))
    headings = [(b.level, b.text) for b in document.headings]
    assert headings == [(1, "Le compost en appartement"), (2, "Choisir son bac")]
    assert [b.kind for b in document.blocks].count("list_item") == 2
    assert [(link.url, link.text) for link in document.links] == [
        ("https://www.ademe.fr/", "guide de l’Ademe")
    ]
