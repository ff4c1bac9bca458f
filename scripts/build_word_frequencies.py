"""Build seo_audit/french/data/frequencies.tsv, the French word frequency list of R006.

The list comes from the `wordfreq` package (code Apache-2.0, data CC BY-SA 4.0; see the
README next to the generated file). wordfreq is needed only here, not at run time:

    pip install --target /tmp/wordfreq wordfreq==3.1.1
    PYTHONPATH=/tmp/wordfreq:. python scripts/build_word_frequencies.py

Each line of the output is `word<TAB>zipf`: a lower-case French word written with letters
(and inner hyphens) and its Zipf frequency (log10 of its count per billion words) to one
decimal, most frequent first, down to LIST_FLOOR. A word not in the list is rarer than that.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from seo_audit.french.frequencies import LIST_FLOOR

OUT = Path(__file__).resolve().parent.parent / "seo_audit" / "french" / "data" / "frequencies.tsv"
# Letters only (wordfreq splits words on hyphens; the pattern would keep a compound): leaves
# out numbers, symbols and elided forms (« l’homme »), which spaCy splits.
_WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*$")


def main() -> int:
    try:
        import wordfreq
    except ImportError:
        print("build_word_frequencies: install wordfreq first (see the docstring)", file=sys.stderr)
        return 2
    from importlib.metadata import version

    rows = []
    for word in wordfreq.iter_wordlist("fr", wordlist="large"):
        zipf = wordfreq.zipf_frequency(word, "fr", wordlist="large")
        if zipf < LIST_FLOOR:
            break
        if _WORD.match(word):
            rows.append(f"{word}\t{zipf:.1f}")
    header = (
        f"# French word frequencies (Zipf), from wordfreq {version('wordfreq')} (data CC BY-SA"
        " 4.0, see README.md); built by scripts/build_word_frequencies.py"
    )
    OUT.write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows)} words written to {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
