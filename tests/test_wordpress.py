"""WordPress exports (WXR): one draft per post or page, named `export.xml#slug`, with the
Yoast keyphrase, title and description, read as a stream."""

import json
import re
import tracemalloc
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from seo_audit.cli import main
from seo_audit.engine import AuditOptions, audit_drafts
from seo_audit.errors import InputError
from seo_audit.formats import FORMAT_NAMES
from seo_audit.inputs import screened
from seo_audit.textmap import LineIndex
from seo_audit.wordpress import ExportSummary, read_export

HERE = Path(__file__).resolve().parent
EXPORT = HERE / "data" / "wordpress" / "export.xml"
SAMPLES = HERE.parent / "samples"
NAMES = ["velo-cargo-famille", "102", "qui-sommes-nous"]
TITLES = ["Choisir un vélo cargo pour la famille", "Rouler l’hiver sans avoir froid"]

HEAD = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Le Potager</title><link>https://potager.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
"""
ITEM = """<item><title>Semer les {what} en {month}</title>
<link>https://potager.example/semer-{n}/</link>
<content:encoded><![CDATA[<p>En {month}, les {what} se sèment sous abri. Gardez la terre humide
et patientez deux semaines : les premières pousses sortent vite.</p>

<p>Repiquez ensuite les plants les plus vigoureux, en laissant vingt centimètres entre eux.</p>
{more}]]></content:encoded>
<wp:post_id>{n}</wp:post_id><wp:post_name>semer-{n}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:postmeta><wp:meta_key>_yoast_wpseo_focuskw</wp:meta_key>
<wp:meta_value>semer les {what}</wp:meta_value></wp:postmeta>
</item>
"""
WHAT = ["tomates", "poireaux", "radis", "carottes", "salades"]
MONTHS = ["mars", "avril", "mai", "juin"]
# A post of a few kilobytes, as real ones are (the shortest articles are about 3 KB of HTML).
MORE = (
    "\n<p>Arrosez au pied, le matin, sans mouiller les feuilles : l’eau froide du soir "
    "favorise les maladies. Un paillage de tontes sèches garde la fraîcheur du sol.</p>\n"
) * 12


def write_export(path: Path, posts: int, close: bool = True) -> Path:
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEAD)
        for n in range(1, posts + 1):
            f.write(ITEM.format(n=n, what=WHAT[n % 5], month=MONTHS[n % 4], more=MORE))
        if close:
            f.write("</channel>\n</rss>\n")
    return path


def invoke(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


# --- Reading the export --------------------------------------------------------------------


def test_posts_and_pages_are_read_and_the_rest_skipped():
    summary = ExportSummary()
    posts = list(read_export(str(EXPORT), summary=summary))
    assert [p.path for p in posts] == [f"{EXPORT}#{name}" for name in NAMES]
    assert [(p.post_type, p.status) for p in posts] == [
        ("post", "publish"),
        ("post", "draft"),
        ("page", "publish"),
    ]
    # The attachment and the trashed post are left out; the trashed one is counted.
    assert summary.items == 5 and summary.kept == 3
    assert summary.other_statuses == {"trash": 1}
    cargo, winter, about = posts
    assert cargo.keyphrase == "vélo cargo" and winter.keyphrase is None
    assert cargo.title == TITLES[0]
    assert cargo.link == "https://roues-libres.example/velo-cargo-famille/"


def test_the_page_audited_carries_yoast_values_on_line_one():
    cargo, winter, about = read_export(str(EXPORT))
    head = cargo.html.split("\n", 1)[0]
    # Yoast's title template filled in, its meta description, its focus keyphrase.
    assert "<title>Choisir un vélo cargo pour la famille - Roues Libres</title>" in head
    assert '<meta name="description" content="Biporteur ou triporteur' in head
    assert '<meta name="keywords" content="vélo cargo">' in head
    assert 'content="https://roues-libres.example/velo-cargo-famille/"' in head
    assert "<h1>Choisir un vélo cargo pour la famille</h1>" in head
    # Without a slug yet, a draft gets the one WordPress proposes from its title.
    assert 'content="https://roues-libres.example/rouler-lhiver-sans-avoir-froid/"' in winter.html
    # Without Yoast's description, the page's excerpt is its description.
    assert '<meta name="description" content="L’histoire de Roues Libres' in about.html


def test_body_lines_are_the_lines_of_the_post_body():
    content = {
        item.findtext("wp:post_id", namespaces={"wp": "http://wordpress.org/export/1.2/"}): (
            item.findtext("{http://purl.org/rss/1.0/modules/content/}encoded")
        )
        for item in ET.parse(EXPORT).getroot().iter("item")
    }
    for post in read_export(str(EXPORT)):
        body = content[post.post_id].split("\n")
        lines = post.html.split("\n")
        assert len(lines) == len(body)
        assert lines[0].endswith(body[0])
        for mine, theirs in zip(lines[1:], body[1:], strict=True):
            # Shortcode tags are blanked out, keeping every other character in its place.
            assert len(mine) == len(theirs)
            assert re.sub(r"\[/?caption[^\]]*\]", lambda m: " " * len(m.group()), theirs) == mine


def test_shortcodes_are_markup_and_brackets_in_prose_are_not(tmp_path):
    body = (
        '[et_pb_section admin_label="section"][et_pb_text]Le paillage garde la terre '
        "fraîche tout l’été [sic] et nourrit le sol.[/et_pb_text][/et_pb_section]"
    )
    export = tmp_path / "export.xml"
    export.write_text(
        HEAD
        + "<item><title>Pailler</title><content:encoded><![CDATA["
        + body
        + "]]></content:encoded><wp:post_id>9</wp:post_id><wp:status>draft</wp:status>"
        "<wp:post_type>post</wp:post_type></item></channel></rss>",
        encoding="utf-8",
    )
    (post,) = read_export(str(export))
    page_body = post.html.split("<h1>Pailler</h1>", 1)[1]
    assert len(page_body) == len(body)
    prose = "Le paillage garde la terre fraîche tout l’été [sic] et nourrit le sol."
    assert " ".join(page_body.split()) == prose


# --- Through the command line, in every format ---------------------------------------------


@pytest.fixture(scope="module")
def runs(nlp):
    return {
        name: invoke("check", str(EXPORT), "-j", "1", "-f", name, "--no-color")
        for name in FORMAT_NAMES
    }


def test_every_format_has_one_entry_per_post(runs):
    prefix = f"{EXPORT}#"
    for name, result in runs.items():
        assert result.exit_code == 1, (name, result.output)  # the posts are short: they fail
        for post in NAMES:
            assert f"{prefix}{post}" in result.stdout or f"%23{post}" in result.stdout, name
    data = json.loads(runs["json"].stdout)
    assert [f["path"] for f in data["files"]] == [f"{prefix}{name}" for name in NAMES]
    assert [f["title"] for f in data["files"]][:2] == TITLES
    assert data["files"][0]["link"] == "https://roues-libres.example/velo-cargo-famille/"
    assert data["files"][0]["keyword"] == "vélo cargo"
    assert data["files"][0]["keyword_source"] == "Yoast focus keyphrase"
    assert data["files"][1]["keyword"] is None
    assert any("no focus keyphrase" in note for note in data["files"][1]["notes"])
    assert data["summary"] == {"files": 3, "passed": 0, "failed": 3, "errors": 0}
    lines = runs["jsonl"].stdout.splitlines()
    assert [json.loads(line)["title"] for line in lines][:2] == TITLES
    assert len(ET.fromstring(runs["junit"].stdout.encode()).findall("testsuite")) == 3
    schema = json.loads((HERE / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(runs["sarif"].stdout), schema)
    rows = [line for line in runs["markdown"].stdout.splitlines() if line.startswith("| `")]
    assert len(rows) == 3
    assert f"[{TITLES[0]}](https://roues-libres.example/velo-cargo-famille/)" in rows[0]
    text = runs["text"].stdout
    assert f"  “{TITLES[0]}” https://roues-libres.example/velo-cargo-famille/" in text
    assert "3 file(s) checked: 0 passed, 3 failed, 0 could not be checked." in text


def test_internal_links_are_known_from_the_export_site(runs):
    cargo = json.loads(runs["json"].stdout)["files"][0]
    # The post links to another page of its site by its absolute address: internal, as
    # with --site-url; the link to service-public.fr is outbound.
    by_id = {c["id"]: c for c in cargo["checks"]}
    assert by_id["A001"]["status"] == "pass" and by_id["A001"]["value"] == 1
    assert by_id["A002"]["value"] == 1


def test_findings_point_at_the_post_body_lines(nlp):
    posts = list(read_export(str(EXPORT)))
    reports = list(audit_drafts([p.draft() for p in posts], AuditOptions()))
    located = 0
    for post, report in zip(posts, reports, strict=True):
        text = post.html
        lines = LineIndex(text)
        body = text.split("\n")
        for check in report.checks:
            for loc in check.locations:
                where = f"{report.path} {check.id} {loc}"
                assert 0 <= loc.start < loc.end <= len(text), where
                assert loc.text == text[loc.start : loc.end] == loc.text.strip(), where
                assert (loc.line, loc.column) == lines.position(loc.start), where
                assert loc.text.split("\n")[0] in body[loc.line - 1], where
                located += 1
    assert located >= 5
    cargo = reports[0]
    headings = [loc.line for loc in cargo.check("keyword-in-subheadings").locations]
    assert headings == [6, 18]  # the two <h2> of the post body, on its lines 6 and 18


def test_status_selection(nlp):
    result = invoke("check", str(EXPORT), "-j", "1", "-f", "json", "--wp-status", "trash")
    assert [f["path"] for f in json.loads(result.stdout)["files"]] == [
        f"{EXPORT}#pneus-hiver__trashed"
    ]
    result = invoke("check", str(EXPORT), "-f", "json", "--wp-status", "archived")
    assert result.exit_code == 2
    assert "--wp-status archived: unknown status archived" in result.stderr


def test_parallel_workers_take_posts(nlp):
    one = invoke("check", str(EXPORT), "-j", "1", "-f", "json")
    two = invoke("check", str(EXPORT), "-j", "2", "-f", "json")
    assert two.exit_code == one.exit_code == 1
    scores = [(f["path"], f["score"], f["title"]) for f in json.loads(one.stdout)["files"]]
    assert [(f["path"], f["score"], f["title"]) for f in json.loads(two.stdout)["files"]] == scores


# --- Broken exports ------------------------------------------------------------------------


def test_a_broken_export_is_one_error_and_the_other_files_are_checked(nlp, tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text(HEAD + "<item><title>Sans fin</title>", encoding="utf-8")
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<rss version="2.0"><channel><title>Actualités</title><item><title>Un article</title>'
        "<description>Le texte.</description></item></channel></rss>",
        encoding="utf-8",
    )
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>'
        "https://potager.example/</loc></url></urlset>",
        encoding="utf-8",
    )
    empty = tmp_path / "empty.xml"
    empty.write_text(HEAD + "</channel></rss>", encoding="utf-8")
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
        '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel>&b;</channel></rss>',
        encoding="utf-8",
    )
    good = SAMPLES / "article-conforme.md"
    files = [broken, feed, good, sitemap, empty, bomb]
    result = invoke("check", "-j", "1", "-f", "json", *map(str, files))
    assert result.exit_code == 2
    data = json.loads(result.stdout)["files"]
    assert [f["path"] for f in data] == [str(f) for f in files]
    errors = [f["error"] for f in data]
    assert errors[0].startswith("malformed XML (")
    assert "not a WordPress export" in errors[1] and "not a WordPress export" in errors[3]
    assert errors[2] is None and data[2]["passed"]
    assert errors[4] == "no post or page in this WordPress export (no <item>)"
    assert "refused: the export declares XML entities" in errors[5]
    assert len(result.stderr.splitlines()) == 5  # one line per broken export
    assert all(line.startswith(str(tmp_path)) for line in result.stderr.splitlines())


def test_a_post_over_the_size_limit_is_refused_alone(nlp, tmp_path):
    result = invoke("check", str(EXPORT), "-j", "1", "-f", "json", "--max-bytes", "1500")
    assert result.exit_code == 2
    data = json.loads(result.stdout)["files"]
    assert [f["path"] for f in data] == [f"{EXPORT}#{name}" for name in NAMES]
    assert data[0]["error"].startswith("post body too large (")
    assert "per post" in data[0]["error"] and data[0]["title"] == TITLES[0]
    assert data[1]["error"] is None and data[2]["error"] is None


def test_posts_without_text_are_passed_over_with_a_notice(nlp, tmp_path):
    export = tmp_path / "export.xml"
    text = EXPORT.read_text(encoding="utf-8").replace(
        "</channel>",
        "<item><title>Panier</title><content:encoded><![CDATA[<!-- wp:shortcode -->\n"
        "[woocommerce_cart]\n<!-- /wp:shortcode -->]]></content:encoded>"
        "<wp:post_id>7</wp:post_id><wp:post_name>panier</wp:post_name>"
        "<wp:status>publish</wp:status><wp:post_type>page</wp:post_type></item></channel>",
    )
    export.write_text(text, encoding="utf-8")
    result = invoke("check", str(export), "-j", "1", "-f", "jsonl")
    assert result.exit_code == 1
    assert len(result.stdout.splitlines()) == 3
    assert "1 post(s) or page(s) without any text passed over: #panier" in result.stderr


# --- A stream, not a file read whole -------------------------------------------------------


def test_a_large_export_is_read_in_bounded_memory(tmp_path):
    export = write_export(tmp_path / "export.xml", 2_000)
    size = export.stat().st_size
    assert size > 5_000_000
    tracemalloc.start()
    try:
        count = 0
        for post in read_export(str(export)):
            count += 1
            assert post.keyphrase is not None
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 2_000
    # Holding the posts would take more than the file; a stream holds a few of them (and
    # remembers each post's name, a few dozen bytes, to keep names unique).
    print(f"peak {peak:,} bytes for an export of {size:,} bytes")
    assert peak < size / 10, (peak, size)


def test_posts_are_checked_before_the_export_is_read_through(nlp, tmp_path):
    # An export cut off after 2,000 posts is malformed at its end: the first reports come
    # out long before the reader gets there.
    export = write_export(tmp_path / "cut.xml", 2_000, close=False)
    reports = screened([str(export)], AuditOptions(), 5 * 1024 * 1024, jobs=1)
    first = [next(reports) for _ in range(3)]
    assert [r.path for r in first] == [f"{export}#semer-{n}" for n in (1, 2, 3)]
    assert all(r.error is None and r.keyword_source == "Yoast focus keyphrase" for r in first)
    reports.close()
    with pytest.raises(InputError, match=r"malformed XML \(no element found"):
        for _ in read_export(str(export)):
            pass
