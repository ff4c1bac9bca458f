"""The French text layer: one comparison form, one set of characters, lists written once."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from seo_audit.french import connectors, keyword
from seo_audit.french.text import (
    APOSTROPHE,
    APOSTROPHES,
    CONTRACTIONS,
    DEFINITE_ARTICLES,
    DETERMINERS,
    ELIDED,
    ELISIONS,
    HYPHENS,
    INDEFINITE_ARTICLES,
    MONTH_ABBREVIATIONS,
    MONTHS,
    SAINTS,
    SPACES,
    TITLE_WORDS,
    TITLES,
    WEEKDAYS,
    normalise,
    unify_marks,
    unify_spaces,
    word_lists,
)

FRENCH = Path(__file__).resolve().parents[1] / "seo_audit" / "french"
DATA = FRENCH / "data"
MODULES = sorted(p for p in FRENCH.glob("*.py") if p.name != "text.py")


# --- The comparison form ----------------------------------------------------------------


@pytest.mark.parametrize("mark", list(APOSTROPHES))
def test_every_apostrophe_is_one(mark: str) -> None:
    assert normalise(f"L{mark}Ukraine") == "l’ukraine"
    assert normalise(f"aujourd{mark}hui", accents=False) == "aujourd’hui"


def test_apostrophes_are_the_four_and_the_slip() -> None:
    assert set(APOSTROPHES) == {"'", "’", "ʼ", "‘", "´"}
    assert APOSTROPHE == "’"
    # A full-width apostrophe becomes ' under NFKC, and then ’ too.
    assert normalise("l\uff07eau") == "l’eau"


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2009"])
def test_every_space_is_one(space: str) -> None:
    assert space in SPACES
    assert normalise(f"arme{space}nucléaire{space}!") == "arme nucléaire !"
    assert unify_spaces(f"1{space}200") == "1 200"


@pytest.mark.parametrize("hyphen", list(HYPHENS))
def test_every_hyphen_is_one(hyphen: str) -> None:
    assert normalise(f"Jean{hyphen}Pierre") == "jean-pierre"


def test_accents_kept_or_folded() -> None:
    assert normalise("L’Été Indien") == "l’été indien"
    assert normalise("L’Été Indien", accents=False) == "l’ete indien"
    assert normalise("ÉCOLE", accents=False) == normalise("école", accents=False) == "ecole"
    assert normalise("Cœur", accents=False) == "coeur"
    assert normalise("Cœur") == "cœur"
    assert normalise("ex æquo", accents=False) == "ex aequo"
    assert normalise("ﬁn", accents=False) == "fin"  # NFKC: the ligature is two letters
    assert normalise("Noël", accents=False) == "noel"


def test_comparisons_ignore_the_way_it_is_typed() -> None:
    typed = ["l'État", "L’ÉTAT", "lʼEtat", "l‘état", "L´Etat"]
    assert len({normalise(t, accents=False) for t in typed}) == 1


def test_unify_marks_keeps_offsets() -> None:
    text = "C'est l‘été\u00a0: Jean‐Pierre ʼ œ É"
    unified = unify_marks(text)
    assert len(unified) == len(text)
    assert unified == "C’est l’été : Jean-Pierre ’ œ É"


def test_unify_marks_is_the_translation_table() -> None:
    """unify_marks replaces mark by mark: the same result as the one-for-one table."""
    from seo_audit.french.text import _MARKS

    sample = "'’ʼ‘´-\u2010\u2011\u00a0\u202f\u2009 é É a"
    for i in range(len(sample)):
        text = sample[i:] + sample[:i]
        assert unify_marks(text) == text.translate(_MARKS)


def test_fold_accents_reads_only_possible_combining_marks() -> None:
    """fold_accents looks at characters from U+0300 on only: none before is combining."""
    import unicodedata

    from seo_audit.french.text import fold_accents

    assert not any(unicodedata.combining(chr(code)) for code in range(0x300))
    assert fold_accents("Cœur brûlé, ÉTÉ, naïve, ǅ ’ «»") == "Coeur brule, ETE, naive, ǅ ’ «»"
    assert fold_accents("e\u0301te\u0301 \u20d7x") == "ete x"


def test_one_normaliser() -> None:
    # The connectors module's `normalise` is the text layer's; the keyword module has none
    # of its own.
    assert connectors.normalise is normalise
    assert not hasattr(keyword, "normalize")
    assert normalise("lʼUkraine ‘x", accents=False) == "l’ukraine ’x"
    assert normalise("arme\u00a0nucléaire\u202f!", accents=False) == "arme nucleaire !"


# --- The shared lists -----------------------------------------------------------------------


def test_shared_lists() -> None:
    assert MONTHS[0] == "janvier" and MONTHS[7] == "août" and len(MONTHS) == 12
    assert WEEKDAYS == ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
    assert {"janv", "févr", "déc"} <= MONTH_ABBREVIATIONS
    assert {"M", "Mme", "Dr", "Mgr"} <= TITLES and not TITLES & SAINTS
    assert "monsieur" in TITLE_WORDS
    assert {"le", "la", "les", "l’"} == DEFINITE_ARTICLES
    assert {"un", "une", "des"} == INDEFINITE_ARTICLES
    assert DEFINITE_ARTICLES | INDEFINITE_ARTICLES | set(CONTRACTIONS) <= DETERMINERS
    assert {"ce", "ses", "leurs", "chaque"} <= DETERMINERS
    assert set(ELISIONS) == ELIDED
    assert all(form.endswith(APOSTROPHE) and len(form) >= 2 for form in ELIDED)
    assert {"l’", "d’", "qu’", "j’", "n’", "s’", "c’", "jusqu’", "lorsqu’"} <= ELIDED


def _data_files() -> list[str]:
    return sorted(p.stem for p in DATA.glob("*.txt"))


@pytest.mark.parametrize("name", _data_files())
def test_data_lists_are_clean(name: str) -> None:
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    headers = re.findall(r"^\[(.+)\]$", text, re.MULTILINE)
    assert headers and len(headers) == len(set(headers)), "each list is opened once"
    lists = word_lists(name)
    assert list(lists) == headers
    for list_name, items in lists.items():
        assert items, f"{name}/{list_name} is empty"
        repeated = [item for item, n in Counter(items).items() if n > 1]
        assert repeated == [], f"{name}/{list_name} repeats {repeated}"
        for item in items:
            assert item == unicodedata.normalize("NFC", item), item
            assert item == item.strip() and "  " not in item, item
            assert not set(item) & (set(APOSTROPHES) - {APOSTROPHE}), f"{item}: write ’"
            assert not set(item) & set(SPACES), item


def test_data_ships_with_the_package() -> None:
    shipped = resources.files("seo_audit.french").joinpath("data")
    assert sorted(p.name for p in shipped.iterdir() if p.name.endswith(".txt")) == [
        f"{name}.txt" for name in _data_files()
    ]


def test_each_data_file_is_read_from_one_place() -> None:
    readers: Counter[str] = Counter()
    for path in [*MODULES, FRENCH / "text.py"]:
        readers.update(re.findall(r'word_lists\("([\w-]+)"\)', path.read_text(encoding="utf-8")))
    assert readers == Counter(dict.fromkeys(_data_files(), 1))


def _code_strings_and_names(path: Path) -> tuple[set[str], set[str]]:
    """The string constants of a module's code (docstrings left out) and the names it uses
    or imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    strings, names = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) not in docstrings:
                strings.add(node.value)
        elif isinstance(node, ast.Attribute):
            names.add(node.attr)
        elif isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            names.update(alias.name for alias in node.names)
    return strings, names


def test_shared_lists_are_written_once() -> None:
    """Months, weekdays and titles are in data/text.txt only; the apostrophe and space
    tables and the normaliser are in text.py only."""
    shared = set(MONTHS) | set(WEEKDAYS) | MONTH_ABBREVIATIONS | TITLES | SAINTS
    for name in _data_files():
        if name == "text":
            continue
        for list_name, items in word_lists(name).items():
            assert not shared & set(items), f"{name}/{list_name}: {shared & set(items)}"
    variants = (set(APOSTROPHES) | set(SPACES) | set(HYPHENS)) - {"'", "-", APOSTROPHE}
    for path in [*MODULES, FRENCH.parent / "rewrite.py", FRENCH.parent / "nlp.py"]:
        strings, names = _code_strings_and_names(path)
        # A second copy of a list shows as two of its items ("août" alone may be a word
        # whose syllables are counted; "sept" the number seven).
        for group in (set(MONTHS), set(WEEKDAYS), TITLES | SAINTS, MONTH_ABBREVIATIONS):
            assert len(group & strings) < 2, f"{path.name}: {group & strings}"
        if path.name == "sentences.py":
            strings.discard("‘")  # a token opening a quotation, not a letter's apostrophe
        assert not {s for s in strings if set(s) & variants}, f"{path.name} lists marks"
        assert not {"maketrans", "unicodedata", "translate"} & names, path.name


def test_nlp_imports_french_and_never_the_reverse() -> None:
    for path in MODULES:
        imported = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                imported.add(node.module or "")
                imported.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.Import):
                imported.update(alias.name for alias in node.names)
        assert "seo_audit.nlp" not in imported, path.name
    probe = (
        "import sys; import seo_audit.french.sentences, seo_audit.french.keyword;"
        "print('seo_audit.nlp' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True
    ).stdout
    assert out.strip() == "False"
    from seo_audit import nlp
    from seo_audit.french import sentences, text

    assert nlp.get_nlp is sentences.get_nlp
    assert nlp.BLOCK_SEPARATOR == text.BLOCK_SEPARATOR == "\n\n"
    assert nlp.MODEL_NAME == "fr_core_news_md"
