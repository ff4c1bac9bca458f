"""The HTML report in a real browser: Debian's Chromium at /usr/bin/chromium, driven by
Playwright (no browser is downloaded; the tests skip, saying why, when either is missing).

The bundled samples are checked once and written as a batch (index.html and one page per
draft); each test opens pages from disk. A full-page screenshot of every sample's report is
written to tests/artifacts/ (git-ignored; set SEO_AUDIT_ARTIFACTS to write them elsewhere), so
that a reviewer or a CI job can look at them.
"""

import os
import re
import shutil
from pathlib import Path

import pytest
from report_samples import plain_text_in

from seo_audit.engine import AuditOptions, audit_drafts
from seo_audit.formats.html import INDEX, page_names, pages, render_page
from seo_audit.marks import BLOCK_KINDS

try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover - the test extra installs it
    sync_playwright = None

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = Path(os.environ.get("SEO_AUDIT_ARTIFACTS") or ROOT / "tests" / "artifacts")
LONG = "samples/echec-phrases-longues.md"
WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
# The innermost elements that stick out on the right, to say what to mend when a page is too wide.
WIDER_THAN_THE_PAGE = """() => {
  const right = e => e.getBoundingClientRect().right;
  const limit = document.documentElement.clientWidth + 0.5;
  return [...document.querySelectorAll("body *")]
    .filter(e => right(e) > limit)
    .filter(e => ![...e.children].some(c => right(c) > right(e) - 0.5))
    .slice(0, 5)
    .map(e => `${e.tagName}.${e.className}: ${(e.textContent || "").slice(0, 60)}`);
}"""
# The narrowest phone still in use: a margin against fonts wider than this machine's.
SMALL_PHONE = {"width": 320, "height": 568}

pytestmark = [
    pytest.mark.skipif(
        sync_playwright is None, reason="playwright is not installed (pip install '.[test]')"
    ),
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="no browser at /usr/bin/chromium (Debian: apt-get install chromium)",
    ),
]

HOSTILE_TITLE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
HOSTILE_MD = f"""---
title: '{HOSTILE_TITLE}'
description: "<svg onload=window.__pwned=3> une description"
keyword: "<img src=x onerror=alert(4)>"
---

# Un titre {HOSTILE_TITLE}

Un paragraphe avec <img src=x onerror="window.__pwned = 5; alert(5)"> une image piégée et
un [lien](javascript:window.__pwned=6) qui ne mène nulle part.

![x" onerror="window.__pwned=7](javascript:alert(7))
"""
HOSTILE_TXT = """Un titre <script>alert(8)</script>

Texte brut <script>window.__pwned = 9</script> et <img src=x onerror="window.__pwned=10">
dedans, avec javascript:alert(11) écrit en clair.
"""
HOSTILE_HTML = """<html><head><title>&lt;script&gt;window.__pwned = 12&lt;/script&gt;</title></head>
<body><h1>Titre &lt;img src=x onerror=alert(13)&gt;</h1>
<p>Un paragraphe &lt;script&gt;window.__pwned = 14&lt;/script&gt; et un
<a href="javascript:window.__pwned = 15" onclick="window.__pwned = 16">lien</a>.</p>
<p><img src="javascript:alert(17)" alt='" onerror="alert(18)'></p>
</body></html>
"""
# A file name can hold markup too.
HOSTILE_NAME = '"><img src=x onerror=alert(19)>.md'


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """The samples and three hostile drafts, checked once and written as a batch."""
    hostile = tmp_path_factory.mktemp("hostile")
    for name, text in {
        "piege.md": HOSTILE_MD,
        "piege.txt": HOSTILE_TXT,
        "piege.html": HOSTILE_HTML,
        HOSTILE_NAME: "# Titre\n\nUn texte court.\n",
    }.items():
        (hostile / name).write_text(text, encoding="utf-8")
    samples = sorted(
        str(p.relative_to(ROOT))
        for pattern in ("*.md", "*.html", "*.txt", "rewrites/*.md")
        for p in SAMPLES.glob(pattern)
        if p.name != "README.md"
    )
    hostile_paths = sorted(str(p) for p in hostile.iterdir())
    cwd = os.getcwd()
    os.chdir(ROOT)  # report paths as a user types them, and sources found from them
    try:
        reports = list(audit_drafts(samples + hostile_paths, AuditOptions()))
    finally:
        os.chdir(cwd)
    folder = tmp_path_factory.mktemp("report")
    for name, text in pages(reports).items():
        (folder / name).write_text(text, encoding="utf-8")
    names = dict(zip((r.path for r in reports), page_names(reports), strict=True))
    return {
        "folder": folder,
        "reports": {r.path: r for r in reports},
        "names": names,
        "samples": samples,
        "hostile": hostile_paths,
    }


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


class Opened:
    """A page opened from disk, with every request it made, every dialog it tried and every
    console error it logged."""

    def __init__(self, browser, url: str, viewport: dict[str, int]) -> None:
        self.url = url
        self.context = browser.new_context(viewport=viewport)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.goto(url)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()


@pytest.fixture
def open_page(browser):
    opened: list[Opened] = []

    def _open(batch, path: str | None = None, viewport: dict[str, int] = WIDE) -> Opened:
        name = INDEX if path is None else batch["names"][path]
        page = Opened(browser, (batch["folder"] / name).as_uri(), viewport)
        opened.append(page)
        return page

    yield _open
    for page in opened:
        page.context.close()


def mark_text(page, kind: str, start: int, end: int) -> str:
    """The text of every fragment of one mark, joined."""
    fragments = page.locator(f'.mk-{kind}[data-range="{start}-{end}"]')
    return "".join(fragments.all_text_contents())


def test_marks_are_where_the_analysis_says(batch, open_page):
    report = batch["reports"][LONG]
    view = report.draft
    page = open_page(batch, LONG).page
    # Its two passive sentences and its 58-word sentence, as the sample file writes them.
    passive = [m for m in view.marks if m.kind == "passive"]
    assert [mark_text(page, "passive", m.start, m.end)[:60] for m in passive] == [
        "Progressivement, cette méthodologie participative s’est inte",
        "Cette prudence budgétaire s’explique notamment par les contr",
    ]
    longest = next(m for m in view.marks if m.kind == "very-long-sentence" and "58" in m.note)
    sentence = mark_text(page, "very-long-sentence", longest.start, longest.end)
    assert sentence.startswith("Concrètement, la procédure se décompose habituellement")
    assert sentence.endswith("aux mineurs et aux résidents étrangers.")
    assert len(sentence.split()) == 58
    first = page.locator(f"#m-very-long-sentence-{longest.start}-{longest.end}")
    assert first.get_attribute("title") == "Very long sentence: 58 words"
    # The keyphrase inside a long sentence is drawn inside it.
    nested = page.locator(".mk-very-long-sentence .mk-keyphrase")
    assert nested.count() >= 1
    assert {t.lower() for t in nested.all_text_contents()} == {"budget participatif"}
    # And every mark of the analysis shows exactly the text of its range.
    for mark in view.marks:
        if mark.kind not in BLOCK_KINDS:
            drawn = mark_text(page, mark.kind, mark.start, mark.end)
            assert drawn == plain_text_in(view, mark.start, mark.end), mark
    counts = {
        kind: int(page.locator(f"label:has(#t-{kind}) .count").inner_text())
        for kind in ("long-sentence", "very-long-sentence", "passive", "keyphrase")
    }
    assert counts == {"long-sentence": 11, "very-long-sentence": 10, "passive": 2, "keyphrase": 10}


def test_legend_switches_hide_and_show_each_kind(batch, open_page):
    page = open_page(batch, LONG).page
    sentence = page.locator(".mk-very-long-sentence").first
    passive = page.locator(".mk-passive").first

    def style(locator, prop: str) -> str:
        return locator.evaluate(f"e => getComputedStyle(e).{prop}")

    shown = style(sentence, "backgroundColor")
    assert shown not in ("rgba(0, 0, 0, 0)", "transparent")
    assert style(passive, "textDecorationLine") == "underline"
    page.locator("label:has(#t-very-long-sentence)").click()
    assert not page.locator("#t-very-long-sentence").is_checked()
    assert style(sentence, "backgroundColor") == "rgba(0, 0, 0, 0)"
    assert style(passive, "textDecorationLine") == "underline"  # the other kinds stay
    page.locator("label:has(#t-passive)").click()
    assert style(passive, "textDecorationLine") == "none"
    page.locator("label:has(#t-very-long-sentence)").click()
    page.locator("label:has(#t-passive)").click()
    assert style(sentence, "backgroundColor") == shown
    assert style(passive, "textDecorationLine") == "underline"


@pytest.mark.parametrize("viewport", [WIDE, PHONE], ids=["laptop", "phone"])
def test_places_scroll_to_the_marked_text(batch, open_page, viewport):
    report = batch["reports"][LONG]
    place = next(loc for loc in report.check("R001").locations if loc.note == "58 words")
    page = open_page(batch, LONG, viewport).page
    target = page.locator(f"#at-{place.start}-{place.end}")
    expect(target).not_to_be_in_viewport()
    page.locator(f'#check-R001 a.place[href="#at-{place.start}-{place.end}"]').click()
    expect(target).to_be_in_viewport()
    assert page.evaluate("location.hash") == f"#at-{place.start}-{place.end}"
    assert target.evaluate("e => e.matches(':target')")
    assert target.inner_text().startswith("Concrètement, la procédure")


def test_no_script_from_a_draft_runs(batch, open_page):
    for path in batch["hostile"]:
        opened = open_page(batch, path)
        page = opened.page
        for link in page.locator(".text .lnk, .text a").all():
            link.click()
        page.locator("#verdict").click()
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert opened.dialogs == [], path
        assert page.locator("img, iframe, object, embed, svg:not(.gauge)").count() == 0, path
        assert page.locator("script").count() == 1, path
        assert opened.requests == [opened.url], path
        assert opened.errors == [], path
    txt = open_page(batch, next(p for p in batch["hostile"] if p.endswith(".txt"))).page
    assert "Texte brut <script>window.__pwned = 9</script> et" in txt.locator(".text").inner_text()
    md = open_page(batch, next(p for p in batch["hostile"] if p.endswith("piege.md"))).page
    assert HOSTILE_TITLE in md.locator("#f-title").inner_text()
    index = open_page(batch)
    assert HOSTILE_NAME in index.page.locator("#drafts").inner_text()
    assert index.page.evaluate("typeof window.__pwned") == "undefined"
    assert index.dialogs == []


def test_no_request_leaves_any_page(batch, open_page):
    for path in [None, *batch["samples"]]:
        opened = open_page(batch, path)
        page = opened.page
        if path is None:
            page.locator("#drafts th button", has_text="Score").click()
        else:
            page.locator(".legend label").first.click()
            places = page.locator("a.place:visible")
            if places.count():
                places.first.click()
        assert opened.requests == [opened.url], path
        assert opened.errors == [], path


def test_index_lists_every_draft_and_sorts(batch, open_page):
    page = open_page(batch).page
    rows = page.locator("#drafts tbody tr")
    assert rows.count() == len(batch["reports"])

    def scores() -> list[int]:
        return [int(s) for s in page.locator("#drafts tbody td:nth-child(3)").all_inner_texts()]

    page.locator("#drafts th button", has_text="Score").click()
    assert scores() == sorted(scores())
    page.locator("#drafts th button", has_text="Score").click()
    assert scores() == sorted(scores(), reverse=True)
    row = page.locator("#drafts tbody tr", has_text=LONG)
    assert "R001 sentence-length" in row.inner_text() and "FAIL" in row.inner_text()
    row.locator("a").click()
    assert page.url.endswith(batch["names"][LONG])
    page.locator("a", has_text="All drafts").click()
    assert page.url.endswith(INDEX)


def test_print_lays_the_page_out_in_one_column(batch, open_page):
    page = open_page(batch, LONG).page
    checks = page.locator(".checks")
    assert checks.evaluate("e => getComputedStyle(e).position") == "sticky"
    page.emulate_media(media="print")
    assert checks.evaluate("e => getComputedStyle(e).position") == "static"
    assert page.locator(".layout").evaluate("e => getComputedStyle(e).display") == "block"


def test_a_long_source_path_fits_a_phone(batch, open_page, tmp_path, monkeypatch):
    """A rewrite checked from another folder names its source by its path: a long word with
    no space, which must wrap rather than widen the page."""
    folder = tmp_path / "redaction-du-service-numerique" / "articles-de-la-semaine-en-cours"
    folder.mkdir(parents=True)
    for name in ("chiffre-invente.md", "source-crue.txt"):
        shutil.copy(SAMPLES / "rewrites" / name, folder / name)
    monkeypatch.chdir(tmp_path)
    (report,) = audit_drafts([str(folder / "chiffre-invente.md")], AuditOptions())
    html = render_page(report)
    assert "articles-de-la-semaine-en-cours/source-crue.txt</code>" in html
    single = tmp_path / "rewrite.html"
    single.write_text(html, encoding="utf-8")
    page = open_page(batch, LONG).page
    page.set_viewport_size(SMALL_PHONE)
    page.goto(single.as_uri())
    overflow = page.evaluate("document.documentElement.scrollWidth")
    assert overflow <= SMALL_PHONE["width"], page.evaluate(WIDER_THAN_THE_PAGE)


def test_screenshot_of_each_sample_report(batch, open_page):
    """Full-page screenshots for a reviewer, and pages that fit a phone's width."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    written = []
    # The README's picture: the page `seo-audit check LONG -f html -o report.html` writes.
    single = ARTIFACTS / "report.html"
    single.write_text(render_page(batch["reports"][LONG]), encoding="utf-8")
    page = open_page(batch, LONG).page
    page.goto(single.as_uri())
    page.screenshot(path=str(ARTIFACTS / "report-top.png"))
    written.append(ARTIFACTS / "report-top.png")
    for path in [None, *batch["samples"]]:
        name = INDEX if path is None else batch["names"][path]
        page.set_viewport_size(WIDE)
        page.goto((batch["folder"] / name).as_uri())
        shot = ARTIFACTS / re.sub(r"\.html$", ".png", name)
        page.screenshot(path=str(shot), full_page=True)
        written.append(shot)
        for phone in (PHONE, SMALL_PHONE):
            page.set_viewport_size(phone)
            overflow = page.evaluate("document.documentElement.scrollWidth")
            assert overflow <= phone["width"], (
                f"{name} is wider than a phone: {overflow}px",
                page.evaluate(WIDER_THAN_THE_PAGE),
            )
    for shot in written:
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    print(f"\nscreenshots of the HTML reports: {ARTIFACTS}")
    if os.environ.get("SEO_AUDIT_README_SHOT"):  # refresh docs/report.png
        shutil.copy(ARTIFACTS / "report-top.png", ROOT / "docs" / "report.png")
