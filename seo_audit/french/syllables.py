"""French syllable counting, spoken convention.

The count follows everyday spoken French, the way the Lexique database transcribes it:

* a final mute ``e`` / ``es`` is silent (``table`` = 1, ``tables`` = 1), except when it holds
  the word's only vowel (``le``, ``les``, ``que`` = 1);
* the verb endings ``-aient``, ``-oient``, ``-uient`` are always silent; any other final
  ``-ent`` is silent only when the caller says the word is a 3rd person plural verb
  (``silent_ent=True``; ``token_syllables`` reads it from the spaCy morphology), because
  ``vent``, ``souvent`` and ``président`` keep it;
* an inner unstressed ``e`` after a single consonant is dropped (``samedi`` = 2,
  ``seulement`` = 2); it stays after two consonants (``justement`` = 3), before a
  consonant + ``i`` + vowel (``atelier`` = 3), and in the first syllable (``petit`` = 2);
* ``i``, ``u``, ``ou`` before another vowel glide into it (``pied``, ``nuit``, ``oui`` = 1,
  ``nation`` = 2), except after a consonant + ``r``/``l`` cluster (``crier``, ``client`` = 2);
* ``qu``/``gu`` silence their ``u``; ``y`` between vowels is a glide (``payer`` = 2);
  ``ill`` after a vowel is a consonant (``travailler`` = 3); ``h`` is silent but keeps two
  vowels apart (``trahir`` = 2);
* a word with hyphens is the sum of its parts (``peut-être`` = 2, ``a-t-il`` = 2);
  an elided clitic counts 0, so ``l'avion`` = ``l’avion`` = ``avion`` = 2;
* acronyms (2 to 5 capital letters: ``ONU``, ``SEO``, ``RPDC``) count one syllable per
  letter, except ``W`` = 3 and ``Y`` = 2 after their French names; a lone consonant
  letter standing as a word is read as its name (``s`` = 1);
* an acronym that reads as a word (vowels and consonants alternate: ``OTAN``, ``NASA``,
  ``ONU``, ``UNESCO``) is counted as a word, not letter by letter;
* numbers in digits count as they are read aloud: ``1890`` = "mille huit cent
  quatre-vingt-dix" = 7 (the e of "quatre" is heard before a consonant), ``3,5`` = "trois
  virgule cinq" = 4, ordinals ``1er`` = 2, ``3e`` = 2, ``XIXe`` = 3; a group of three
  digits after a space is a group of thousands (``10 000`` = "dix mille"); a number written
  with a leading zero (``06``) is read digit by digit;
* loanwords from English keep their English vowels: ``ea``, ``ee``, ``oa`` are one vowel
  (``leader``, ``meeting``, ``coach``); a short list in data/syllables.txt holds the words
  no rule reads right (``business``).

All counting is done in lower case; accents matter (``é`` is never mute).
"""

from __future__ import annotations

import functools
import re
from itertools import pairwise
from typing import Any

from spacy.tokens import Doc

from seo_audit.french.text import APOSTROPHES, HYPHENS, has_alnum, word_lists
from seo_audit.french.tokens import doc_tokens, per_doc

_VOWELS = frozenset("aeiouàâäéèêëîïôöùûüœ")
# Letters whose French name has more than one syllable (double vé, i grec).
_LETTER_SYLLABLES = {"w": 3, "y": 2}

# Vowel spellings read as one sound, longest first. "oo", "ee", "ea" only occur in
# loanwords (football, week-end, leader), where they are one vowel too.
_VOWEL_DIGRAPHS = (
    "eau", "œu", "eû", "eu", "oû", "où", "ou", "aî", "ai", "ei", "au", "oî", "oi",
    "oo", "ee", "ea",
)  # fmt: skip
_CONSONANT_DIGRAPHS = ("sch", "ch", "ph", "th", "gn", "ck", "sh")
_OBSTRUENTS = frozenset("pbtdkcgfv")
_LIQUIDS = frozenset("rl")
_GLIDES = frozenset({"i", "u", "ou", "ï", "ü"})

# Verb forms whose final -ent is heard although they are verbs (sentir, mentir family).
_LISTS = word_lists("syllables")
_VOICED_ENT_VERBS = frozenset(_LISTS["voiced-ent-verbs"])
# "word count" lines: loanwords whose spoken syllables no rule gets right.
_LOANWORDS = {
    word: int(count) for word, count in (line.rsplit(" ", 1) for line in _LISTS["loanwords"])
}

# Spoken syllables of the words that read a number aloud.
_NUMBER_WORD_SYLLABLES = {
    "zéro": 2, "un": 1, "deux": 1, "trois": 1, "quatre": 1, "cinq": 1, "six": 1, "sept": 1,
    "huit": 1, "neuf": 1, "dix": 1, "onze": 1, "douze": 1, "treize": 1, "quatorze": 2,
    "quinze": 1, "seize": 1, "vingt": 1, "trente": 1, "quarante": 2, "cinquante": 2,
    "soixante": 2, "cent": 1, "mille": 1, "million": 2, "milliard": 2, "et": 1,
}  # fmt: skip
_UNITS = ("zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
          "onze", "douze", "treize", "quatorze", "quinze", "seize")  # fmt: skip
_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
_ORDINAL_RE = re.compile(r"^(\d+|[IVXLC]+)(e|è|ème|eme|ième|er|re|ère|nd|nde)$")
_DECIMAL_RE = re.compile(r"^(\d+),(\d+)$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN_SUFFIXES = frozenset({"e", "er", "re", "ème"})

# Whole words the rules get wrong, with their spoken syllable counts.
_EXCEPTIONS: dict[str, int] = {
    "celui": 1,
    "cela": 1,
    "cependant": 2,
    "août": 1,
    "etc": 4,  # et cetera
}

# Word beginnings the rules get wrong: (prefix, its syllables); the rest is counted normally.
_PREFIX_EXCEPTIONS: tuple[tuple[str, int], ...] = (
    ("pays", 2),  # pays, paysan, paysage: a-i hiatus
    ("poêl", 1),  # poêle: "oê" is "wa"
)

# Future and conditional of être and faire drop their first e: serait, fera = 1.
_SER_FER_RE = re.compile(r"^[sf]er(?:ai|ais|ait|aient|a|as|ons|ont|ez|iez|ions)$")


def _below_100(n: int) -> list[str]:
    if n <= 16:
        return [_UNITS[n]]
    if n < 20:
        return ["dix", _UNITS[n - 10]]
    tens, unit = divmod(n, 10)
    if tens in (7, 9):  # soixante-dix..., quatre-vingt-dix...
        head = ["soixante"] if tens == 7 else ["quatre", "vingt"]
        return head + (["et"] if n == 71 else []) + _below_100(10 + unit)
    head = ["quatre", "vingt"] if tens == 8 else [_TENS[tens]]
    if unit == 0:
        return head
    return head + (["et", "un"] if unit == 1 and tens != 8 else [_UNITS[unit]])


def _below_1000(n: int) -> list[str]:
    hundreds, rest = divmod(n, 100)
    words = [] if hundreds == 0 else ["cent"] if hundreds == 1 else [*_below_100(hundreds), "cent"]
    return words + (_below_100(rest) if rest or not words else [])


def number_words(n: int) -> list[str]:
    """The French words that read `n` aloud (0 <= n < 10**12), one per item."""
    words: list[str] = []
    for scale, name in ((10**9, "milliard"), (10**6, "million"), (1000, "mille")):
        count, n = divmod(n, scale)
        if count:
            words += ([] if count == 1 and name == "mille" else _below_1000(count)) + [name]
    return words + (_below_1000(n) if n or not words else [])


def _number_syllables(digits: str) -> int:
    """Syllables of a run of digits read aloud: as one number, or digit by digit when it
    starts with a zero (06, a phone number) or is too long to be read as one.

    Three digits starting with a zero are a group of thousands written apart ("10 000", "2 050"):
    "mille" plus the rest."""
    if len(digits) == 3 and digits[0] == "0":
        rest = int(digits)
        return 1 + (_number_syllables(str(rest)) if rest else 0)
    if len(digits) > 12 or (len(digits) > 1 and digits[0] == "0"):
        return sum(_NUMBER_WORD_SYLLABLES[_UNITS[int(d)]] for d in digits)
    words = number_words(int(digits))
    total = sum(_NUMBER_WORD_SYLLABLES[w] for w in words)
    # "quatre" keeps its e before a consonant: quatre-vingts, quatre cents = 3.
    return total + sum(1 for w, nxt in pairwise(words) if w == "quatre" and nxt != "et")


def _roman(numeral: str) -> int | None:
    """The value of a Roman numeral (I to CCCXCIX), or None if it is not well formed."""
    values = [_ROMAN[c] for c in numeral]
    total = sum(
        -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
    )
    if total <= 0 or total >= 400 or _to_roman(total) != numeral:
        return None
    return total


def _to_roman(n: int) -> str:
    out = ""
    for value, letters in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
                           (5, "V"), (4, "IV"), (1, "I")):  # fmt: skip
        count, n = divmod(n, value)
        out += letters * count
    return out


def _special_syllables(piece: str) -> int | None:
    """Ordinals (1er, 3e, XIXe) and decimals (3,5), or None for anything else."""
    match = _ORDINAL_RE.match(piece)
    if match:
        number, suffix = match.groups()
        # Roman ordinals take e, er, re, ème only, and never a lone L or C: "Le", "Ce",
        # "Inde" are words.
        if not number.isdigit() and (number in ("L", "C") or suffix not in _ROMAN_SUFFIXES):
            return None
        value = int(number) if number.isdigit() else _roman(number)
        if value is None:
            return None
        if value == 1 and suffix in ("er", "re", "ère"):
            return 2  # premier, première
        if value == 2 and suffix in ("nd", "nde"):
            return 2  # second
        # deuxième, vingt et unième: the cardinal plus "-ième".
        return _number_syllables(str(value)) + 1
    match = _DECIMAL_RE.match(piece)
    if match:
        whole, decimals = match.groups()
        return _number_syllables(whole) + 2 + _number_syllables(decimals)  # "virgule" = 2
    return None


def _reads_as_word(acronym: str) -> bool:
    """ "OTAN", "NASA", "ONU", "UNESCO" are read as words; "SNCF", "RATP", "PDG" are spelled.

    Readable: a vowel, at most two consonants in a row, neither the first two nor the last
    two letters both consonants; up to three letters, only vowel-consonant-vowel (ONU).
    """
    low = acronym.lower()
    pattern = "".join("V" if c in "aeiouy" else "C" for c in low)
    if len(low) <= 3:
        return pattern == "VCV"
    return (
        "V" in pattern
        and "CCC" not in pattern
        and not pattern.startswith("CC")
        and not pattern.endswith("CC")
    )


def _rewrite(word: str) -> str:
    """Respell a lower-case word so that letters map more simply to sounds.

    The capital ``Y`` written here stands for the consonant sound of ``yeux``.
    """
    w = word.replace("æ", "é").replace("ÿ", "y")
    # English vowels of loanwords: ea, ee, oa are one vowel (leader, meeting, coach); an
    # unaccented French word never has them, except "eau" and a soft "gea".
    w = re.sub(r"(?<![gj])ea(?!u)", "i", w)
    w = re.sub(r"ee(?!s?$)", "i", w)
    w = re.sub(r"oa(?=ch|st)", "o", w)
    w = w.replace("oeu", "œu").replace("oeil", "œil")
    w = w.replace("eoi", "oi")  # asseoir: the e is silent
    w = re.sub(r"^coo(?=[pr])", "coö", w)  # co-opérer, co-ordonner: two vowels, unlike alcool
    # -cueil-, -gueil-: "ue" is the vowel of "œil".
    w = w.replace("cueil", "keuil").replace("gueil", "geuil")
    # Soft g / j before a, o, u: the e only marks the sound (mangeons, Jean).
    w = re.sub(r"([gj])e(?=[aoâôu])", r"\1", w)
    w = re.sub(r"qu(?=[aeiouéèêàâîôy]|$)", "k", w)
    w = re.sub(r"gu(?=[eiéèêy])", "g", w)
    w = w.replace("guë", "gu")  # aiguë: the ë is silent, the u is heard
    # "ill" and a final "il" after a vowel are a consonant (paille, soleil).
    w = re.sub(r"([aœ]|ou|eu)ill", r"\1Y", w)
    w = w.replace("eill", "èY")
    w = re.sub(r"([aœ]|ou|eu)ils?$", r"\1Y", w)
    w = re.sub(r"eils?$", "èY", w)
    # y: a consonant before a vowel at the start, "i" + glide between vowels, else i.
    w = re.sub(r"^y(?=[aeiouéèêâô])", "Y", w)
    w = re.sub(r"(?<=[aeiouéèê])y(?=[aeiouéèêâôà])", "iY", w)
    return w.replace("y", "i")


def _strip_mute_ending(w: str, silent_ent: bool) -> str:
    """Remove a silent ending, unless it holds the word's only vowel (le, les)."""
    if re.search(r"(?:ai|oi|ui)ent$", w) or (silent_ent and w.endswith("ent")):
        stem = w[:-3]
    elif w.endswith("es"):
        stem = w[:-2]
    elif w.endswith("e"):
        stem = w[:-1]
    else:
        return w
    return stem if any(c in _VOWELS for c in stem) else w


def _units(w: str) -> list[tuple[str, str, int]]:
    """Split into (kind, spelling, consonant sounds) units, kind V (vowel) or C (consonant).

    ``h`` is dropped, but only after it has kept two vowels from forming a digraph.
    """
    units: list[tuple[str, str, int]] = []
    i, n = 0, len(w)
    while i < n:
        c = w[i]
        if c == "h":
            i += 1
            continue
        if c in _VOWELS:
            d = next((d for d in _VOWEL_DIGRAPHS if w.startswith(d, i)), c)
            units.append(("V", d, 0))
            i += len(d)
            continue
        d = next((d for d in _CONSONANT_DIGRAPHS if w.startswith(d, i)), None)
        if d:
            units.append(("C", d, 1))
            i += len(d)
        elif c == "x":
            units.append(("C", c, 2))  # x = ks
            i += 1
        elif i + 1 < n and w[i + 1] == c:
            units.append(("C", c + c, 1))
            i += 2
        else:
            if c.isalpha():
                units.append(("C", c, 1))
            i += 1
    return units


def _nuclei(w: str) -> int:
    """Count the spoken vowels of a respelled word whose mute ending is gone."""
    units = _units(w)
    n = len(units)

    def is_vowel(k: int) -> bool:
        return 0 <= k < n and units[k][0] == "V"

    # A nasal vowel's n/m (enfant, lentement) is no consonant sound.
    sounds = [u[2] for u in units]
    for k in range(1, n):
        if units[k][1] in ("n", "m") and is_vowel(k - 1) and not is_vowel(k + 1):
            sounds[k] = 0

    def is_schwa(k: int) -> bool:
        """A plain e that opens its syllable: before one consonant (or a cluster) + vowel."""
        if units[k][1] != "e" or k + 1 >= n or is_vowel(k + 1):
            return False
        nxt = units[k + 1][1]
        # A doubled consonant marks an open e (intéresser, évidemment), not a schwa.
        if sounds[k + 1] == 1 and len(nxt) == 1 and is_vowel(k + 2):
            return True
        return (
            nxt[0] in _OBSTRUENTS and k + 2 < n and units[k + 2][1] in _LIQUIDS and is_vowel(k + 3)
        )

    def before_glide(k: int) -> bool:
        # e + consonant + i + vowel keeps its e (cimetière, atelier).
        return k + 3 < n and units[k + 2][1] in ("i", "ï") and is_vowel(k + 3)

    # Mute inner e's: after a single consonant, or right after a vowel (paiement).
    silent = [False] * n
    seen_vowel = False
    since = 0  # consonant sounds since the last spoken vowel
    for k in range(n):
        if not is_vowel(k):
            since += sounds[k]
            continue
        if seen_vowel and since <= 1 and is_schwa(k) and not before_glide(k):
            silent[k] = True
            continue
        seen_vowel = True
        since = 0

    count = 0
    for k in range(n):
        if not is_vowel(k) or silent[k]:
            continue
        text = units[k][1]
        if text in _GLIDES and is_vowel(k + 1) and not silent[k + 1]:
            after_cluster = (
                k >= 2
                and not is_vowel(k - 2)
                and units[k - 2][1][0] in _OBSTRUENTS
                and units[k - 1][1] in _LIQUIDS
            )
            # ui is always one syllable (bruit, pluie); else a cluster forces a hiatus (crier).
            if not after_cluster or (text == "u" and units[k + 1][1] == "i"):
                continue
        count += 1
    return count


def _count_letters(word: str, silent_ent: bool) -> int:
    """Syllables of one lower-case alphabetic word."""
    if word in _EXCEPTIONS:
        return _EXCEPTIONS[word]
    if word in _LOANWORDS:
        return _LOANWORDS[word]
    for prefix, syllables in _PREFIX_EXCEPTIONS:
        if word.startswith(prefix):
            rest = word[len(prefix) :]
            # A bare mute ending after the prefix (poêle, pays) adds nothing.
            if re.fullmatch(r"e?s?", rest):
                return syllables
            return syllables + _count_letters(rest, silent_ent)
    if _SER_FER_RE.match(word):
        return _count_letters(word[0] + word[2:], silent_ent)
    if silent_ent and word in _VOICED_ENT_VERBS:
        silent_ent = False
    return _nuclei(_strip_mute_ending(_rewrite(word), silent_ent))


def _count_piece(piece: str, silent_ent: bool, standalone: bool) -> int:
    """Syllables of a piece holding no hyphen or apostrophe (it may hold digits).

    A piece without a vowel counts 0 (elided clitic ``d'``, euphonic ``-t-``), except a lone
    letter standing as a whole word, which is read as its name (``la lettre s`` = 1).
    """
    special = _special_syllables(piece)
    if special is not None:
        return special
    total = 0
    for run in re.findall(r"\d+|[^\W\d_]+", piece):
        low = run.lower()
        if run.isdigit():
            total += _number_syllables(run)
        elif 2 <= len(run) <= 6 and run.isupper() and _reads_as_word(run):
            total += _count_letters(low, silent_ent)
        elif 2 <= len(run) <= 5 and run.isupper():
            total += sum(_LETTER_SYLLABLES.get(c, 1) for c in low)
        elif standalone and len(run) == 1 and low not in _VOWELS and low != "y":
            total += _LETTER_SYLLABLES.get(low, 1)
        else:
            total += _count_letters(low, silent_ent)
    return total


@functools.lru_cache(maxsize=65536)
def _count_cached(word: str, silent_ent: bool) -> int:
    parts = re.split(f"[{HYPHENS}]", word)
    total = 0
    for part in parts:
        pieces = re.split(f"[{APOSTROPHES}]", part)
        standalone = len(parts) == 1 and len(pieces) == 1
        for idx, piece in enumerate(pieces):
            # Only the last piece can carry a verb ending.
            total += _count_piece(piece, silent_ent and idx == len(pieces) - 1, standalone)
    return total


def count_syllables(word: str, *, silent_ent: bool = False) -> int:
    """Spoken syllables of a French word (conventions in the module docstring).

    ``silent_ent=True`` says the word is a 3rd person plural verb, so a final -ent is mute.
    """
    return _count_cached(word, silent_ent)


def token_syllables(token: Any) -> int:
    """Spoken syllables of a spaCy token; a 3rd person plural verb gets a silent -ent."""
    return word_syllables(token.text, token.pos_, token.doc, token.i)


def word_syllables(text: str, pos: str, doc: Any, i: int) -> int:
    """`token_syllables` of the token `doc[i]` given its text and part of speech: the Token
    is made, for its morphology, only for a verb ending in -ent."""
    silent_ent = text[-3:].lower() == "ent" and pos in ("VERB", "AUX")
    if silent_ent:
        morph = doc[i].morph
        silent_ent = "3" in morph.get("Person") and "Plur" in morph.get("Number")
    return _count_cached(text, silent_ent)  # count_syllables, one call less per word


@per_doc
def doc_syllables(doc: Doc) -> list[int]:
    """Spoken syllables of each token of `doc` (`word_syllables`; none for punctuation, a
    space or a token without a letter or digit), counted in one pass per Doc."""
    facts = doc_tokens(doc)
    counts = [
        0 if punct or blank or not has_alnum(text) else _count_cached(text, False)
        for text, punct, blank in zip(facts.text, facts.punct, facts.blank, strict=True)
    ]
    # The verbs again through word_syllables, whose mute -ent reads their morphology.
    for i in [i for i, pos in enumerate(facts.pos) if pos == "VERB" or pos == "AUX"]:
        if counts[i]:
            counts[i] = word_syllables(facts.text[i], facts.pos[i], doc, i)
    return counts
