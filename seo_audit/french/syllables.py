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
* digits count one syllable each: a rough, documented estimate of the spoken number
  (``2024`` = 4, although "deux mille vingt-quatre" has 5).

All counting is done in lower case; accents matter (``é`` is never mute).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from seo_audit.french.text import APOSTROPHES, HYPHENS, word_lists

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
_VOICED_ENT_VERBS = frozenset(word_lists("syllables")["voiced-ent-verbs"])

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


def _rewrite(word: str) -> str:
    """Respell a lower-case word so that letters map more simply to sounds.

    The capital ``Y`` written here stands for the consonant sound of ``yeux``.
    """
    w = word.replace("æ", "é").replace("ÿ", "y")
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
    total = 0
    for run in re.findall(r"\d+|[^\W\d_]+", piece):
        low = run.lower()
        if run.isdigit():
            total += len(run)
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
    text = token.text
    # Reading the morphology is the slow part: only a word ending in -ent needs it.
    silent_ent = (
        text[-3:].lower() == "ent"
        and token.pos_ in ("VERB", "AUX")
        and "3" in token.morph.get("Person")
        and "Plur" in token.morph.get("Number")
    )
    return count_syllables(text, silent_ent=silent_ent)
