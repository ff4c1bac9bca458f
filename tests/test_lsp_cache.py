"""The block Doc cache: the same reports as the default path, spaCy only on changed blocks."""

from pathlib import Path

import pytest

from seo_audit.analyze import prose_text
from seo_audit.engine import Draft, audit_drafts, load_document
from seo_audit.lsp.cache import BlockDocCache, Superseded, block_pieces

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(
    p
    for p in [*(ROOT / "samples").glob("*.*"), *(ROOT / "samples" / "rewrites").glob("*.md")]
    if p.suffix in (".md", ".html", ".txt") and p.name != "README.md"
)


def summary(report):
    return (
        report.error,
        report.keyword,
        report.metrics,
        [
            (
                r.id,
                r.status,
                r.value,
                r.message,
                [(loc.start, loc.end, loc.path) for loc in r.locations],
            )
            for r in report.checks
        ],
    )


@pytest.mark.parametrize(
    "text",
    ["a", "a\n\nb", "a\n\nb\n\n", "\n\na\n\n\n\nb", "a\n\n\n\n\n\nb", ""],
)
def test_block_pieces_join_back_and_keep_blank_runs_together(text):
    pieces = block_pieces(text)
    assert "".join(pieces) == text
    assert all(piece for piece in pieces)
    assert all(piece.strip() or piece is pieces[0] for piece in pieces)


def test_pieces_are_one_per_segment_of_the_prose_text():
    document = load_document(str(ROOT / "samples" / "echec-phrases-longues.md"))
    cache = BlockDocCache()
    pieces = cache.pieces(document)
    assert "".join(pieces) == prose_text(document)
    assert len(pieces) == prose_text(document).count("\n\n") + 1


def test_cached_path_gives_the_same_reports_as_the_default_path(nlp):
    cache = BlockDocCache()
    plain = list(audit_drafts(SAMPLES))
    cached = list(audit_drafts(SAMPLES, doc_cache=cache))
    assert len(plain) == len(SAMPLES) > 8
    for one, other in zip(plain, cached, strict=True):
        assert summary(one) == summary(other), one.path
    assert cache.stats.misses > 0


def test_a_one_word_edit_runs_spacy_on_one_block_only(nlp):
    text = (ROOT / "samples" / "echec-phrases-longues.md").read_text(encoding="utf-8")
    cache = BlockDocCache()
    first = next(audit_drafts([Draft("d.md", text)], doc_cache=cache))
    seen = cache.stats.misses
    assert seen > 20 and cache.stats.hits == 0
    edited = text.replace("Concrètement,", "Pratiquement,", 1)
    assert edited != text
    second = next(audit_drafts([Draft("d.md", edited)], doc_cache=cache))
    assert cache.stats.misses == seen + 1
    assert cache.stats.hits == seen - 1
    assert second.metrics["words"] == first.metrics["words"]
    fresh = next(audit_drafts([Draft("d.md", edited)]))
    assert summary(second) == summary(fresh)


def test_the_cache_forgets_the_least_recently_used(nlp):
    cache = BlockDocCache(max_entries=3)
    docs = list(cache.docs(nlp, ["Un.\n\n", "Deux.\n\n", "Trois.\n\n", "Quatre."], []))
    assert [d.text for d in docs] == ["Un.\n\n", "Deux.\n\n", "Trois.\n\n", "Quatre."]
    assert len(cache) == 3
    list(cache.docs(nlp, ["Un.\n\n"], []))
    assert cache.stats.misses == 5  # "Un." was forgotten and analysed again


def test_a_cancelled_run_raises_superseded_out_of_the_pipeline(nlp):
    cache = BlockDocCache()
    cache.cancelled = lambda: True
    text = (ROOT / "samples" / "echec-trop-court.md").read_text(encoding="utf-8")
    with pytest.raises(Superseded):
        list(audit_drafts([Draft("d.md", text)], doc_cache=cache))
