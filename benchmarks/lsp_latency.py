"""Language server latency: the first check of a ~1,500-word draft, and the re-check after a
one-word edit, with their ratio (goal: the re-check under 20 % of the first check).

    python benchmarks/lsp_latency.py [--rounds N] [--no-lsp]

The draft is built from the samples: samples/echec-phrases-longues.md (front matter, 880
words) followed by paragraphs of samples/article-conforme.md until about 1,500 words.

1. In process, what the server runs for each check (seo_audit.lsp.checker.Checker: the engine
   with the block Doc cache, then the diagnostics), after the model is loaded and warmed up on
   a short text as the server does at start-up:
   - first check: the draft, never seen by the process;
   - re-check: the draft after a one-word edit (a different word of a different paragraph
     each round), the cache holding the blocks seen before;
   - lower bounds, which are no first checks: the same text again with the Doc cache emptied,
     and the command line's path (audit_drafts, no cache). The process's word caches
     (syllables, lemmas, connectors, spaCy's vocabulary) already hold every word of the
     draft then, which a first check of a new draft does not have.
2. End to end (unless --no-lsp), each round with a fresh `python -m seo_audit.cli lsp`
   subprocess and a pygls client, once the server has loaded its model (a two-line draft
   is checked first): didOpen of the draft -> publishDiagnostics is the server's first check
   of it; a one-word didChange followed at once by didSave (a save is checked without the
   typing delay, DEBOUNCE) -> publishDiagnostics is the re-check. Times include JSON-RPC.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from seo_audit.engine import AuditOptions, Draft, audit_drafts  # noqa: E402
from seo_audit.french.words import count_words  # noqa: E402
from seo_audit.lsp.checker import Checker  # noqa: E402
from seo_audit.lsp.settings import Settings  # noqa: E402
from seo_audit.nlp import get_nlp  # noqa: E402
from seo_audit.ruleset import load_ruleset  # noqa: E402

TARGET_WORDS = 1_500
# One-word edits: (word in the draft, replacement), each in a different paragraph.
EDITS = [
    ("Concrètement", "Pratiquement"),
    ("Progressivement", "Graduellement"),
    ("Toutefois", "Cependant"),
    ("vraisemblablement", "probablement"),
    ("considérable", "importante"),
    ("incontestablement", "assurément"),
    ("rigoureuse", "sérieuse"),
    ("prudente", "mesurée"),
]


def build_draft() -> str:
    head = (ROOT / "samples" / "echec-phrases-longues.md").read_text(encoding="utf-8")
    other = (ROOT / "samples" / "article-conforme.md").read_text(encoding="utf-8")
    body = other.split("---\n", 2)[2]
    body = re.sub(r"^# .*\n", "", body, flags=re.MULTILINE)  # one headline is enough
    parts = [head.rstrip("\n")]
    words = count_words(head)
    for paragraph in body.split("\n\n"):
        if words >= TARGET_WORDS:
            break
        parts.append(paragraph.strip("\n"))
        words += count_words(paragraph)
    return "\n\n".join(p for p in parts if p) + "\n"


def edited(text: str, round_: int) -> str:
    word, new = EDITS[round_ % len(EDITS)]
    if round_ >= len(EDITS):
        new = f"{new}{round_}"  # never a version seen before
    assert word in text, word
    return text.replace(word, new, 1)


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def in_process(text: str, rounds: int) -> dict[str, list[float]]:
    uri = (ROOT / "benchmark-draft.md").as_uri()
    checker = Checker()
    settings = Settings()
    warm = "# Essai\n\nLe conseil municipal s’est réuni mardi soir. Il a voté le budget.\n"
    checker.check("file:///warm-up.md", 0, warm, "markdown", settings)
    found: dict[str, list[float]] = {"first": [], "recheck": [], "again": [], "cli": []}
    found["first"].append(timed(lambda: checker.check(uri, 1, text, "markdown", settings)))
    for n in range(rounds):
        changed = edited(text, n)
        found["recheck"].append(
            timed(lambda: checker.check(uri, 2 + n, changed, "markdown", settings))  # noqa: B023
        )
    options = AuditOptions(ruleset=load_ruleset())
    for _ in range(rounds):
        checker.cache.clear()
        found["again"].append(timed(lambda: checker.check(uri, 1, text, "markdown", settings)))
        found["cli"].append(timed(lambda: list(audit_drafts([Draft("d.md", text)], options))))
    return found


async def end_to_end(text: str, rounds: int) -> dict[str, list[float]]:
    """Each round: a fresh server, its first check of the draft, then one re-check."""
    found: dict[str, list[float]] = {"first": [], "recheck": []}
    for n in range(rounds):
        first, again = await _session(text, n)
        found["first"].append(first)
        found["recheck"].append(again)
    return found


async def _session(text: str, round_: int) -> tuple[float, float]:
    from lsprotocol import types
    from pygls.lsp.client import LanguageClient

    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        client = LanguageClient("latency", "1")
        arrived: dict[tuple[str, int], float] = {}

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            arrived[(params.uri, params.version or 0)] = time.perf_counter()

        async def wait(uri: str, version: int) -> float:
            while (uri, version) not in arrived:
                await asyncio.sleep(0.001)
            return arrived[(uri, version)]

        await client.start_io(sys.executable, "-m", "seo_audit.cli", "lsp")
        await client.initialize_async(
            types.InitializeParams(capabilities=types.ClientCapabilities(), root_uri=root.as_uri())
        )
        client.initialized(types.InitializedParams())
        # The server loads the model at start-up: wait for it with a two-line draft first.
        warm = (root / "w.md").as_uri()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                types.TextDocumentItem(warm, "markdown", 1, "# Essai\n\nUne phrase.\n")
            )
        )
        await wait(warm, 1)
        uri = (root / "draft.md").as_uri()
        start = time.perf_counter()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text))
        )
        first = await wait(uri, 1) - start
        start = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=2),
                [types.TextDocumentContentChangeWholeDocument(text=edited(text, round_))],
            )
        )
        client.text_document_did_save(
            types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
        )
        again = await wait(uri, 2) - start
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
    return first, again


def show(label: str, values: list[float]) -> float:
    middle = statistics.median(values)
    rounds = ", ".join(f"{v * 1000:.0f}" for v in values)
    print(f"  {label:<34} median {middle * 1000:7.1f} ms   (rounds, ms: {rounds})")
    return middle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5, help="in-process rounds")
    parser.add_argument("--lsp-rounds", type=int, default=3, help="server sessions")
    parser.add_argument("--no-lsp", action="store_true", help="skip the end-to-end session")
    args = parser.parse_args()
    text = build_draft()
    paragraphs = len([p for p in text.split("\n\n") if p.strip()])
    print(f"draft: {count_words(text):,} words, {paragraphs} paragraphs and headings")
    print(f"model load: {timed(get_nlp):.2f} s")
    print("in process (Checker: engine with the block Doc cache, then diagnostics):")
    found = in_process(text, args.rounds)
    first = show("first check of the draft", found["first"])
    again = show("re-check after a one-word edit", found["recheck"])
    print(f"  ratio re-check / first check:      {again / first:6.1%}")
    print("  lower bounds, not first checks (the draft's words already in the word caches):")
    same = show("same text, Doc cache emptied", found["again"])
    cli = show("command line's path (no Doc cache)", found["cli"])
    print(f"  ratio re-check / same text:        {again / same:6.1%}")
    print(f"  ratio re-check / command line:     {again / cli:6.1%}")
    if not args.no_lsp:
        print("end to end (a fresh server per round, pygls client, JSON-RPC included):")
        lsp = asyncio.run(end_to_end(text, args.lsp_rounds))
        first = show("first check: didOpen -> diagnostics", lsp["first"])
        again = show("re-check: edit + save -> diagnostics", lsp["recheck"])
        ratios = [r / f for f, r in zip(lsp["first"], lsp["recheck"], strict=True)]
        print(f"  ratio re-check / first check:      {statistics.median(ratios):6.1%} (median)")


if __name__ == "__main__":
    main()
