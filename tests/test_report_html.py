"""The HTML report without a browser: marks drawn on their offsets and properly nested, every
place linked to something on the page, the draft escaped, the explain text as the command line
prints it, batches written as a folder (tests/test_report_browser.py opens the pages)."""

import base64
import hashlib
import html
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from report_samples import plain_text_in, writer_view_report

from seo_audit.cli import main
from seo_audit.engine import AuditOptions, audit_drafts
from seo_audit.formats import RenderOptions, renderers
from seo_audit.formats.html import (
    SHOWN_PLACES,
    band,
    page_names,
    pages,
    render_index,
    render_page,
)
from seo_audit.marks import BLOCK_KINDS
from seo_audit.report import Report

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
LONG = SAMPLES / "echec-phrases-longues.md"
REWRITE = SAMPLES / "rewrites" / "chiffre-invente.md"
VOID = {"meta", "link", "br", "input", "img", "hr", "col", "wbr", "source", "area", "base"}
# Drawn by the report itself, never from a draft.
OWN_ELEMENTS = {"svg", "circle", "text"}

HOSTILE_MD = """---
title: "<script>window.__pwned = 1</script> Titre"
description: "<img src=x onerror=window.__pwned=2> description"
keyword: "<b onmouseover=alert(1)>vélo</b>"
---

# Un titre <script>window.__pwned = 3</script>

Un paragraphe avec <img src=x onerror="window.__pwned=4"> une image piégée, et un
[lien](javascript:window.__pwned=5) qui ne doit mener nulle part.

![x" onerror="window.__pwned=6](javascript:alert(6))
"""
HOSTILE_TXT = """Un titre

Texte brut <script>window.__pwned = 7</script> avec <img src=x onerror=alert(8)> dedans, et un
lien javascript:alert(9) écrit en clair.
"""
HOSTILE_HTML = """<html><head><title>&lt;script&gt;window.__pwned=10&lt;/script&gt;</title></head>
<body><h1>Titre <img src=x onerror="window.__pwned=11"></h1>
<p>Un paragraphe &lt;script&gt;window.__pwned=12&lt;/script&gt; et un
<a href="javascript:window.__pwned=13" onclick="window.__pwned=14">lien</a>.</p>
<p><img src="javascript:alert(15)" alt='" onerror="alert(16)'></p>
</body></html>
"""


class Tree(HTMLParser):
    """Checks that tags are balanced and gathers, for each `data-range`, the text of every
    fragment of the mark, and every tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.tags: list[tuple[str, dict]] = []
        self.fragments: dict[tuple[str, str], list[str]] = {}
        self.ids: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "script":
            self.scripts += 1
        if tag in VOID:
            return
        self.stack.append((tag, attrs))
        kind = re.search(r"\bmk-([\w-]+)", attrs.get("class", ""))
        if kind and "data-range" in attrs:
            self.fragments.setdefault((kind.group(1), attrs["data-range"]), []).append("")

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        assert self.stack, f"</{tag}> closes nothing"
        opened, _ = self.stack.pop()
        assert opened == tag, f"</{tag}> closes <{opened}>"

    def handle_data(self, data):
        for tag, attrs in self.stack:
            kind = re.search(r"\bmk-([\w-]+)", attrs.get("class", ""))
            if tag == "span" and kind and "data-range" in attrs:
                self.fragments[(kind.group(1), attrs["data-range"])][-1] += data


def parse(page: str) -> Tree:
    tree = Tree()
    tree.feed(page)
    tree.close()
    assert not tree.stack, f"unclosed: {tree.stack}"
    assert len(tree.ids) == len(set(tree.ids)), "duplicate ids"
    return tree


@pytest.fixture(scope="module")
def audited(tmp_path_factory):
    folder = tmp_path_factory.mktemp("drafts")
    hostile = {"hostile.md": HOSTILE_MD, "hostile.txt": HOSTILE_TXT, "hostile.html": HOSTILE_HTML}
    for name, text in hostile.items():
        (folder / name).write_text(text, encoding="utf-8")
    suppressed = folder / "suppressed.md"
    suppressed.write_text(
        LONG.read_text(encoding="utf-8").replace(
            "# Budget participatif",
            "<!-- seo-audit: disable-file passive-voice -->\n\n# Budget participatif",
            1,
        ),
        encoding="utf-8",
    )
    paths = [LONG, REWRITE, *(folder / name for name in hostile), suppressed]
    reports = list(audit_drafts([str(p) for p in paths], AuditOptions()))
    return dict(zip(["long", "rewrite", "md", "txt", "html", "suppressed"], reports, strict=True))


def test_hand_made_view_nests_and_splits_marks_on_offsets():
    report = writer_view_report()
    view = report.draft
    tree = parse(render_page(report))
    for mark in view.marks:
        if mark.kind in BLOCK_KINDS:
            continue
        drawn = "".join(tree.fragments[(mark.kind, f"{mark.start}-{mark.end}")])
        assert drawn == plain_text_in(view, mark.start, mark.end), mark
    # The passive range crosses the end of the long sentence: it is split in two, and the
    # keyphrase stays inside the long sentence.
    passive = [m for m in view.marks if m.kind == "passive"][0]
    assert len(tree.fragments[("passive", f"{passive.start}-{passive.end}")]) == 2
    assert "plus cher" in "".join(
        tree.fragments[
            ("transition", next(f"{m.start}-{m.end}" for m in view.marks if m.kind == "transition"))
        ]
    )
    page = render_page(report)
    assert re.search(
        r'class="mk mk-long-sentence"[^>]*>Le <span id="at-\d+-\d+" class="loc">'
        r'<span id="m-keyphrase-',
        page,
    )


def test_every_place_links_to_an_element_of_the_page():
    report = writer_view_report()
    page = render_page(report)
    tree = parse(page)
    hrefs = re.findall(r'<a href="#([^"]+)" class="place"', page)
    assert hrefs and set(hrefs) <= set(tree.ids)
    # A place outside every block (the front matter) leads to the next element drawn.
    assert 'href="#f-title" class="place"><span class="where">line 1:1' in page
    # A place in another file (the source) is listed without a link.
    assert '<span class="where">sources/velo.md line 5</span> « 2019 »' in page


def test_real_sample_marks_are_where_the_analysis_says(audited):
    report = audited["long"]
    view = report.draft
    page = render_page(report)
    tree = parse(page)
    inline = [m for m in view.marks if m.kind not in BLOCK_KINDS]
    assert len(inline) > 40
    for mark in inline:
        drawn = "".join(tree.fragments[(mark.kind, f"{mark.start}-{mark.end}")])
        assert drawn == plain_text_in(view, mark.start, mark.end), mark
    for mark in view.marks:
        assert f'id="m-{mark.kind}-{mark.start}-{mark.end}"' in page
    for result in report.checks:
        for location in result.locations[:SHOWN_PLACES]:  # a card links the places it lists
            assert f'href="#at-{location.start}-{location.end}"' in page
        for location in result.locations:
            assert f"at-{location.start}-{location.end}" in tree.ids


def test_cards_are_worded_by_effect_and_fold_the_explain_text(audited, runner):
    page = render_page(audited["long"])
    card = page[
        page.index('id="check-R001"') : page.index("</article>", page.index('id="check-R001"'))
    ]
    assert '<span class="status status-fail">FAIL</span>' in card
    assert "fails the draft" in card
    assert "<dt>measured</dt><dd>0.875</dd>" in card
    explain = runner.invoke(main, ["explain", "R001"]).stdout
    shown = re.search(
        r"<details class=\"doc\"><summary>seo-audit explain R001</summary><pre>(.*?)</pre>",
        card,
        re.S,
    )
    assert html.unescape(shown.group(1)) == explain
    assert "Passed (" in page and "Fails the draft (2)" in page


def test_a_warning_is_worded_as_not_failing_the_draft():
    page = render_page(writer_view_report())
    card = page[page.index('id="check-A004"') :]
    card = card[: card.index("</article>")]
    assert '<span class="status status-warn">warn</span>' in card
    assert "does not fail the draft" in card
    assert "An image: &lt;b&gt;check&lt;/b&gt; it." in card


def test_suppressed_checks_are_listed_apart(audited):
    page = render_page(audited["suppressed"])
    group = page[page.index('id="group-suppressed"') :]
    assert 'id="check-R003"' in group
    assert "Suppressed for this file" in group
    assert page.count('id="check-R003"') == 1


def test_rewrite_lists_facts_and_marks_copied_passages(audited):
    report = audited["rewrite"]
    source = report.draft.source
    page = render_page(report)
    tree = parse(page)
    assert source.invented and source.copied
    for fact in source.invented:
        assert (
            f'<a href="#at-{fact.start}-{fact.end}">{html.escape(fact.text, quote=False)}</a>'
            in page
        )
        assert ("invented", f"{fact.start}-{fact.end}") in tree.fragments
    copy = source.longest_copy
    assert any(s <= copy.draft_start and copy.draft_end <= e for s, e, _ in source.copied)
    assert f'<a href="#at-{copy.draft_start}-{copy.draft_end}">{copy.words} words</a>' in page
    assert f"Facts kept ({len(source.facts) - len(source.missing)})" in page


@pytest.mark.parametrize("name", ["md", "txt", "html"])
def test_nothing_from_the_draft_becomes_markup(audited, name):
    report = audited[name]
    page = render_page(report)
    tree = parse(page)
    assert tree.scripts == 1  # the report's own
    for tag, attrs in tree.tags:
        assert not any(key.startswith("on") for key in attrs), (tag, attrs)
        for key in ("href", "src", "action", "formaction"):
            assert not attrs.get(key, "").strip().lower().startswith("javascript:"), (tag, attrs)
        assert tag not in ("img", "iframe", "object", "embed", "form", "base"), tag
    assert "&lt;script&gt;window.__pwned" in page


def test_page_is_self_contained_and_its_policy_allows_only_its_own_code():
    page = render_page(writer_view_report())
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    csp = html.unescape(csp)
    assert "default-src 'none'" in csp
    for tag in ("style", "script"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp
    assert not re.search(
        r"""(src|href)=["']?(https?:)?//""", page.replace('href="https://exemple.fr/prix"', "")
    )
    assert "@media print" in page and "@media (max-width" in page


def test_control_characters_and_lone_surrogates_are_shown_not_obeyed():
    report = Report(path="a\x1b[31m\u202eb\udcff.md", error="bad \x07 byte")
    page = render_page(report)
    page.encode("utf-8")  # a lone surrogate could not be written
    assert "a\\x1b[31m\\u202eb\\udcff.md" in page
    assert "could not be checked" in page and ">ERROR<" in page


def test_gauge_colours_as_lighthouse():
    assert [band(s) for s in (0, 49, 50, 89, 90, 100)] == [
        "fail",
        "fail",
        "average",
        "average",
        "pass",
        "pass",
    ]
    assert 'class="gauge gauge-fail"' in render_page(writer_view_report())  # score 30


def test_page_names_are_flat_unique_and_ascii():
    reports = [
        Report(path=p)
        for p in [
            "articles/vélo électrique.md",
            "articles-velo-electrique.md",
            "-",
            "index",
            "../x/<b>.md",
            "INDEX.html",
        ]
    ]
    assert page_names(reports) == [
        "articles-velo-electrique.md.html",
        "articles-velo-electrique.md-2.html",
        "stdin.html",
        "index-2.html",
        "x-b-.md.html",
        "INDEX.html.html",
    ]


def test_render_gives_a_page_for_one_draft_and_the_index_for_several():
    report = writer_view_report()
    broken = Report(path="cassé.md", error="not valid UTF-8")
    render = renderers()["html"]
    assert render([report], RenderOptions()) == render_page(report)
    index = render([report, broken], RenderOptions())
    assert index == render_index([report, broken])
    assert '<a href="articles-velo-electrique.md.html">articles/vélo électrique.md</a>' in index
    assert 'href="casse.md.html"' in index and "not valid UTF-8" in index
    files = pages([report, broken])
    assert list(files) == ["index.html", "articles-velo-electrique.md.html", "casse.md.html"]
    assert '<a href="index.html">&larr; All drafts</a>' in files["casse.md.html"]


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def test_cli_writes_one_page_to_stdout_or_a_file(runner, nlp, tmp_path):
    short = str(SAMPLES / "echec-trop-court.md")
    result = runner.invoke(main, ["check", short, "-f", "html"])
    assert result.exit_code == 1
    assert result.stdout.startswith("<!DOCTYPE html>") and "echec-trop-court.md" in result.stdout
    out = tmp_path / "report.html"
    result = runner.invoke(main, ["check", short, "-f", "html", "-o", str(out)])
    assert result.exit_code == 1 and result.stdout == ""
    assert (
        out.read_text(encoding="utf-8")
        == runner.invoke(main, ["check", short, "-f", "html"]).stdout
    )


def test_cli_batch_writes_an_index_and_one_page_per_draft(runner, nlp, tmp_path):
    drafts = [
        str(SAMPLES / "echec-trop-court.md"),
        str(SAMPLES / "article-conforme.md"),
        str(tmp_path / "absent.md"),
    ]
    folder = tmp_path / "out" / "report"
    result = runner.invoke(main, ["check", *drafts, "-f", "html", "-o", str(folder)])
    assert result.exit_code == 2  # the missing draft is an input error, reported in the index
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted(["index.html", *page_names([Report(path=d) for d in drafts])])
    index = (folder / "index.html").read_text(encoding="utf-8")
    assert index.count("<tr>") == 4 and ">ERROR<" in index
    # One draft and -o naming a folder: the same layout.
    one = tmp_path / "one/"
    result = runner.invoke(main, ["check", drafts[0], "-f", "html", "-o", f"{one}/"])
    assert sorted(p.name for p in one.iterdir()) == sorted(
        ["index.html", page_names([Report(path=drafts[0])])[0]]
    )


def test_cli_refuses_several_drafts_without_a_folder(runner, tmp_path):
    drafts = [str(SAMPLES / "echec-trop-court.md"), str(SAMPLES / "article-conforme.md")]
    result = runner.invoke(main, ["check", *drafts, "-f", "html"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "seo-audit: error: -f html with several drafts writes one page each: give -o DIR (a folder)"
    ]
    taken = tmp_path / "taken.html"
    taken.write_text("x")
    result = runner.invoke(main, ["check", *drafts, "-f", "html", "-o", str(taken)])
    assert result.exit_code == 2 and "this is a file" in result.stderr
    assert taken.read_text() == "x"
    result = runner.invoke(main, ["check", drafts[0], "-f", "json", "-o", str(tmp_path)])
    assert result.exit_code == 2 and "only -f html writes a folder" in result.stderr


def test_source_map_offsets_agree_with_to_source(audited):
    for report in audited.values():
        for block in report.draft.blocks:
            expected = [block.map.to_source(i) for i in range(block.map.length)]
            assert block.map.offsets() == expected, block
