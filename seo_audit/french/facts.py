"""Facts of a French text (names, numbers, dates) and how a careful reader matches them.

A rewrite keeps a fact of its source when a reader would say the same thing is stated:
"sept jours" = "7 jours" (but not "7 mois"), "Poutine" = "Vladimir Poutine", "la Russie" =
"Russie", "1 200" = "1200" = "mille deux cents", "3,5 %" = "3,5 pour cent". Facts come from
the spaCy Doc already made for the audit: named entities (PER, LOC, ORG), numbers written in
digits or in words with the noun or unit they count, dates and days of the week.

Everything here works on one side at a time (`FactSide`: the facts and the words of a text);
`find_fact` looks for a fact of one side in the other.
"""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from seo_audit.french.text import (
    APOSTROPHE,
    APOSTROPHES,
    CONTRACTIONS,
    DEFINITE_ARTICLES,
    ELISIONS,
    HYPHENS,
    SPACES,
    TITLE_WORDS,
    TITLES,
    normalise,
    word_lists,
)
from seo_audit.french.text import MONTHS as _MONTH_NAMES
from seo_audit.french.text import WEEKDAYS as _WEEKDAY_NAMES

PERSON, PLACE, ORGANISATION = "person", "place", "organisation"
NUMBER, DATE, QUANTITY = "number", "date", "quantity"
KINDS = (PERSON, PLACE, ORGANISATION, NUMBER, DATE, QUANTITY)
ENTITY_KINDS = {"PER": PERSON, "LOC": PLACE, "ORG": ORGANISATION}

# --- Normalising -------------------------------------------------------------------------


def fold(text: str) -> str:
    """The matching form: `text.normalise` with accents folded (lower case, no accents,
    one apostrophe ’, one hyphen, one space)."""
    return normalise(text, accents=False)


_LISTS = word_lists("facts")


def _folded(words: Iterable[str]) -> frozenset[str]:
    return frozenset(fold(w) for w in words)


# --- Numbers written in words ------------------------------------------------------------

_SMALL = {
    "zero": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16,
}  # fmt: skip
_TENS = {
    "vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
    "septante": 70, "huitante": 80, "octante": 80, "nonante": 90,
}  # fmt: skip
_HUNDRED = {"cent", "cents"}
_THOUSAND = {"mille", "mil"}
_MULTIPLIERS = {"million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9}
_HALF = ("demi", "demie")
_SCALES = {**_MULTIPLIERS, "mille": 1e3, "mil": 1e3}
NUMBER_WORDS = set(_SMALL) | set(_TENS) | _HUNDRED | _THOUSAND | set(_MULTIPLIERS)
# Round quantities: "une dizaine", "des centaines", "un millier".
_APPROX = {
    "dizaine": 10, "douzaine": 12, "quinzaine": 15, "vingtaine": 20, "trentaine": 30,
    "quarantaine": 40, "cinquantaine": 50, "soixantaine": 60, "centaine": 100,
    "millier": 1000,
}  # fmt: skip


def parse_number_words(words: Sequence[str]) -> float | None:
    """The value of French number words ("quatre", "vingt", "dix", "sept" → 97), or None
    when they do not make a number. "et" between words is allowed ("vingt et un")."""
    total, current, seen = 0.0, 0, False
    for raw in words:
        w = fold(raw)
        if w == "et":
            continue
        seen = True
        below = current % 100
        if w in _SMALL:
            v = _SMALL[w]
            # A unit only follows a round ten (vingt-deux, soixante-dix, quatre-vingt-onze).
            if below and (below % 10 or v >= 10 and below not in (60, 80) or below + v >= 100):
                return None
            current += v
        elif w in _TENS:
            v = _TENS[w]
            if v == 20 and below == 4:  # quatre-vingt(s)
                current += 76
            elif below:
                return None
            else:
                current += v
        elif w in _HUNDRED:
            if current >= 100:
                return None
            current = (current or 1) * 100
        elif w in _THOUSAND:
            total += (current or 1) * 1000
            current = 0
        elif w in _MULTIPLIERS:
            total += (current or 1) * _MULTIPLIERS[w]
            current = 0
        else:
            return None
    return total + current if seen else None


_DIGITS_RE = re.compile(rf"^\d{{1,3}}(?:[ {SPACES}.]\d{{3}})+(?:,\d+)?$|^\d+(?:[.,]\d+)?$")


def parse_digits(text: str) -> float | None:
    """A number in digits, French style: "1 200", "1200", "1.200", "3,5", "4.85"."""
    text = text.strip()
    if not _DIGITS_RE.match(text):
        return None
    if re.match(r"^\d{1,3}(?:\.\d{3})+$", text):  # 1.200: a thousands dot
        return float(text.replace(".", ""))
    text = re.sub(f"[ {SPACES}]", "", text)
    if "," in text:
        text = text.replace(".", "").replace(",", ".")
    return float(text)


def parse_french_number(text: str) -> float | None:
    """A number written in digits, in words, or both: "1 200", "mille deux cents",
    "vingt-trois", "3,5", "12 millions", "un milliard" → float, else None."""
    text = text.strip()
    value = parse_digits(text)
    if value is not None:
        return value
    parts = fold(text).replace("-", " ").split()
    if not parts:
        return None
    # Digits followed by a multiplier word: "12 millions", "1,5 milliard", "3 mille".
    for cut in range(len(parts) - 1, 0, -1):
        head = parse_digits(" ".join(parts[:cut]))
        if head is not None:
            tail = parts[cut:]
            if len(tail) == 1 and tail[0] in _MULTIPLIERS:
                return head * _MULTIPLIERS[tail[0]]
            if len(tail) == 1 and tail[0] in _THOUSAND:
                return head * 1000
            return None
    return parse_number_words(parts)


# --- Units -------------------------------------------------------------------------------

# Measurement units, by folded spelling or lemma → canonical name. Two measured numbers match
# only with the same unit: "7 jours" is not "7 mois".
_UNITS = {
    "m": "metre", "metre": "metre", "km": "kilometre", "kilometre": "kilometre",
    "cm": "centimetre", "centimetre": "centimetre", "mm": "millimetre",
    "millimetre": "millimetre", "kg": "kilogramme", "kilo": "kilogramme",
    "kilogramme": "kilogramme", "g": "gramme", "gramme": "gramme", "t": "tonne",
    "tonne": "tonne", "l": "litre", "litre": "litre", "ha": "hectare", "hectare": "hectare",
    "m2": "metre carre", "m²": "metre carre", "km2": "km2", "km²": "km2", "°": "degre",
    "°c": "degre", "degre": "degre", "€": "euro", "eur": "euro", "euro": "euro",
    "$": "dollar", "dollar": "dollar", "centime": "centime", "%": "%", "pourcent": "%",
    "h": "heure", "heure": "heure", "min": "minute", "minute": "minute",
    "seconde": "seconde", "jour": "jour", "semaine": "semaine", "mois": "mois", "an": "an",
    "annee": "an", "siecle": "siecle", "decennie": "decennie", "w": "watt", "watt": "watt",
    "kw": "kilowatt", "kilowatt": "kilowatt", "mw": "megawatt", "megawatt": "megawatt",
    "kwh": "kilowattheure", "mwh": "megawattheure", "habitant/km2": "habitant/km2",
}  # fmt: skip
# "Personnes" says less than "habitants" or "blessés" but not something else: a generic
# word for people agrees with any noun for people; two specific ones must be the same.
_GENERIC_PEOPLE = _folded(_LISTS["generic-people"])
_HUMAN = _GENERIC_PEOPLE | _folded(_LISTS["people"])
_ANY_COUNT = _folded(_LISTS["any-count"])  # "62 interventions" = "intervenu 62 fois"


def _singular(word: str) -> str:
    if len(word) > 3 and word[-1] in "sx" and word[-2] != word[-1]:
        return word[:-1]
    return word


# --- Dates -------------------------------------------------------------------------------

# Folded month names → month number, and folded weekday names.
MONTHS = {fold(name): number for number, name in enumerate(_MONTH_NAMES, 1)}
# Words between a weekday and its part of the day ("jeudi, en fin de soirée").
_PART_LEAD = _folded(_LISTS["day-part-lead"])
WEEKDAYS = tuple(fold(name) for name in _WEEKDAY_NAMES)
_DAY_PARTS = {
    "matin": "matin", "matinee": "matin", "midi": "midi", "apres-midi": "apres-midi",
    "soir": "soir", "soiree": "soir", "nuit": "nuit",
}  # fmt: skip


# --- Facts -------------------------------------------------------------------------------


@dataclass
class Fact:
    """One fact found in a text, with its character offsets in its Doc."""

    text: str
    kind: str  # one of KINDS
    start: int
    end: int
    value: float | None = None  # numbers and quantities
    approx: bool = False  # "une dizaine", "des centaines"
    unit: str | None = None  # canonical unit, or the singular noun counted
    measured: bool = False  # unit is a measurement unit (mètre, jour, euro, %)
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: str | None = None
    part: str | None = None  # part of the day: matin, soir, nuit...
    # Entities: accepted word sequences, each with whether a capitalised word may precede it
    # (a first name before a surname).
    forms: tuple[tuple[tuple[str, ...], bool], ...] = ()

    @property
    def key(self) -> tuple:
        """Two facts with the same key say the same thing (kept once per text)."""
        if self.kind in ENTITY_KINDS.values():
            return ("entity", self.forms[0][0])
        if self.kind == DATE:
            return ("date", self.weekday, self.part, self.day, self.month, self.year)
        return ("number", self.value, self.approx, self.unit)


# --- The words of a text, for finding names ------------------------------------------------

_WORD_RE = re.compile(rf"[^\W_]+(?:[{re.escape(HYPHENS + APOSTROPHES)}][^\W_]+)*")
# An elided article or pronoun at the start of a word: l’Ukraine, d’Ille-et-Vilaine.
_ELISION_RE = re.compile(
    "^({})[{}](.+)$".format("|".join(e.rstrip(APOSTROPHE) for e in ELISIONS), APOSTROPHES),
    re.IGNORECASE,
)
# Titles before a name, compared folded. "Mes" (maîtres) and "Pre" are left out: in lower
# case they are the words "mes" and "pré".
_TITLES = (_folded(TITLES) - {"mes", "pre"}) | _folded(TITLE_WORDS)
# Articles and "de" before a name: "la Vilaine", "l’Élysée", "du Rhône", "d’Ille-et-Vilaine".
_ARTICLES = DEFINITE_ARTICLES | frozenset(CONTRACTIONS) | {"de", "d’"}
_BREAKS = set('.!?…:;«»"“”—–()[]')


@dataclass
class Word:
    key: str  # folded
    cap: bool  # written with a capital
    start: int
    joined: bool  # only white space between it and the previous word of the same range
    initial: bool  # first of its sentence, so its capital says nothing
    upper: bool = False  # written in capitals: an acronym ("BCE")
    name: bool = False  # the tagger sees a proper noun there (set by FactSide)


def words_of(text: str, offset: int = 0) -> list[Word]:
    """The words of `text` for name matching, elided articles split off (d’Ille-et-Vilaine
    → d’ + ille-et-vilaine); `start` is shifted by `offset`."""
    found: list[Word] = []
    last_end = 0
    for m in _WORD_RE.finditer(text):
        gap = text[last_end : m.start()]
        pieces = [(m.group(), m.start())]
        elided = _ELISION_RE.match(m.group())
        if elided:
            head = len(elided.group(1)) + 1
            pieces = [(m.group()[:head], m.start()), (m.group()[head:], m.start() + head)]
        for n, (piece, start) in enumerate(pieces):
            first = n == 0
            found.append(
                Word(
                    key=fold(piece),
                    cap=piece[:1].isupper(),
                    start=offset + start,
                    joined=bool(found) and (not first or not gap.strip()),
                    initial=first and (not found or any(c in _BREAKS for c in gap)),
                    upper=len(piece) > 1 and piece.isupper(),
                )
            )
        last_end = m.end()
    return found


def entity_forms(text: str, kind: str) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """The word sequences a reader accepts for a name: the name without article or title;
    for a place or organisation also its capitalised part ("gymnase Jean-Macé" →
    "Jean-Macé"); for a person also the surname ("Claire Dubreuil" → "Dubreuil")."""
    words = [w for w in words_of(text)]
    while words and words[0].key in _TITLES:
        words.pop(0)
    while len(words) > 1 and words[0].key in _ARTICLES and not (kind == PERSON and words[0].cap):
        words.pop(0)
    full = tuple(w.key for w in words)
    if not full:
        return ()
    forms: list[tuple[tuple[str, ...], bool]] = [(full, kind == PERSON)]
    first_cap = next((i for i, w in enumerate(words) if w.cap), 0)
    if first_cap:
        forms.append((full[first_cap:], False))
    if kind == PERSON and len(full) >= 2:
        forms.append((full[1:], False))
        # A Korean name puts the family name first and hyphenates the given name with a
        # lower-case second part: "Kim Jong-un" is "Kim" later on ("Dupont-Aignan" is not).
        given = words[-1]
        parts = text[given.start : given.start + len(given.key)].split("-")
        if len(full) == 2 and len(parts) == 2 and parts[1][:1].islower():
            forms.append((full[:1], False))
    short = acronym(text)
    if kind == ORGANISATION and short:
        forms.append(((ACRONYM_MARK + short,), False))
    return tuple(forms)


# An acronym is looked up among words written in capitals only: "PS", not "ps".
ACRONYM_MARK = "^"


def acronym(text: str) -> str | None:
    """The initials of a name of two words or more ("Banque centrale européenne" → "bce",
    "Paris Saint-Germain" → "psg"), articles and "et" left out."""
    parts = [p for w in words_of(text) for p in w.key.split("-")]
    parts = [p for p in parts if p not in _ARTICLES and p not in ("et", "l", "d")]
    return "".join(p[0] for p in parts) if len(parts) >= 2 else None


def entity_fact(text: str, kind: str, start: int = 0, end: int | None = None) -> Fact:
    """A named-entity fact from its text and kind (person, place, organisation)."""
    stop = start + len(text) if end is None else end
    return Fact(text, kind, start, stop, forms=entity_forms(text, kind))


# --- Extraction from a spaCy Doc --------------------------------------------------------

_TRAILING_JUNK = {"VERB", "AUX", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PUNCT", "SPACE", "PART"}


def _in_ranges(start: int, ranges: Sequence[tuple[int, int]]) -> bool:
    return any(a <= start < b for a, b in ranges)


def _name_end(tokens: list[Token], last_cap: int) -> int:
    """Where a name ends after its last capitalised word: adjectives ("Sécurité civile") and
    "de + noun" ("Cour des comptes") belong to it; the tagger sometimes runs on into the
    sentence ("la Sécurité civile les épaule")."""
    end = last_cap + 1
    while end < len(tokens):
        token = tokens[end]
        if token.pos_ == "ADJ" and token.text.islower():
            end += 1
        elif end + 1 < len(tokens) and (
            token.text == "-"
            or fold(token.text) in ("de", "des", "du", "d’")
            and tokens[end + 1].pos_ == "NOUN"
        ):
            end += 2
        else:
            break
    return end


def _hyphen_joined(tokens: list[Token]) -> bool:
    """Whether the last token ends a hyphenated name the tokenizer split: "Jong-un" is
    "Jong", "-", "un", and "un" is no article there."""
    return (
        len(tokens) >= 3
        and tokens[-2].text in HYPHENS
        and not tokens[-3].whitespace_
        and not tokens[-2].whitespace_
        and tokens[-1].text.isalpha()
    )


# Pronouns after a hyphen are no part of a name ("où va-t-il").
_HYPHEN_PRONOUNS = frozenset({"t", "il", "ils", "elle", "elles", "on", "je", "tu", "nous", "vous"})


def _hyphen_tail(doc: Doc, tokens: list[Token]) -> None:
    """Extend a name the tagger cut at a hyphen ("Kim Jong" of "Kim Jong-un")."""
    last = tokens[-1].i
    tail = doc[last + 1] if last + 1 < len(doc) else None
    if (  # the tagger kept the hyphen and dropped what follows: "Kim Jong-"
        tokens[-1].text in HYPHENS
        and tail is not None
        and tail.text.isalpha()
        and not tokens[-1].whitespace_
        and last > 0
        and not doc[last - 1].whitespace_
        and fold(tail.text) not in _HYPHEN_PRONOUNS
    ):
        tokens.append(tail)
        last += 1
    while (
        last + 2 < len(doc)
        and doc[last + 1].text in HYPHENS
        and not doc[last].whitespace_
        and not doc[last + 1].whitespace_
        and doc[last + 2].text.isalpha()
        and fold(doc[last + 2].text) not in _HYPHEN_PRONOUNS
    ):
        tokens.extend((doc[last + 1], doc[last + 2]))
        last += 2


def _entities(doc: Doc, ranges: Sequence[tuple[int, int]]) -> list[Fact]:
    found = []
    for ent in doc.ents:
        kind = ENTITY_KINDS.get(ent.label_)
        if kind is None or not _in_ranges(ent.start_char, ranges):
            continue
        tokens = list(ent)
        while (
            tokens
            and (tokens[-1].pos_ in _TRAILING_JUNK or not tokens[-1].text.strip())
            and not _hyphen_joined(tokens)
        ):
            tokens.pop()
        # "la Vilaine" → "Vilaine", but "Le Bihan" (a surname) keeps its article.
        while len(tokens) > 1 and tokens[0].pos_ in ("DET", "ADP"):
            t = tokens[0]
            if kind == PERSON and t.text[:1].isupper() and not t.is_sent_start:
                break
            tokens.pop(0)
        caps = [n for n, t in enumerate(tokens) if t.text[:1].isupper()]
        if not caps:
            continue  # a lower-case "entity" is a tagging error
        _hyphen_tail(doc, tokens)
        tokens = tokens[: _name_end(tokens, caps[-1])]
        if all(fold(t.text) in MONTHS or fold(t.text) in WEEKDAYS for t in tokens):
            continue  # dates are facts of their own
        only = tokens[0]
        if len(tokens) == 1 and only.is_sent_start and only.pos_ != "PROPN" and only.has_vector:
            continue  # a common word with the capital of a sentence start: « Dégâts »
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        fact = entity_fact(doc.text[start:end], kind, start, end)
        if fact.forms:
            found.append(fact)
    return found


def _next_word(doc: Doc, i: int) -> int | None:
    j = i + 1
    while j < len(doc) and doc[j].is_space:
        j += 1
    return j if j < len(doc) else None


def _prev_word(doc: Doc, i: int) -> int | None:
    j = i - 1
    while j >= 0 and doc[j].is_space:
        j -= 1
    return j if j >= 0 else None


def _day_number(token: Token) -> int | None:
    text = fold(token.text)
    if text in ("1er", "premier"):
        return 1
    value = parse_digits(text) if text.isdigit() else parse_number_words(text.split("-"))
    if value is not None and value == int(value) and 1 <= value <= 31:
        return int(value)
    return None


def _dates(doc: Doc, ranges: Sequence[tuple[int, int]], used: set[int]) -> list[Fact]:
    """Full dates ("jeudi 14 mars 2024", "janvier 1995", "mars") and days of the week with
    their part of the day ("jeudi soir")."""
    found = []
    for i, token in enumerate(doc):
        month = MONTHS.get(fold(token.text))
        if month is None or not _in_ranges(token.idx, ranges):
            continue
        # "Mars" in the middle of a sentence is the planet or the god, not March.
        if token.text[:1].isupper() and not token.is_sent_start:
            continue
        first = last = i
        day = year = weekday = None
        j = _prev_word(doc, i)
        if j is not None and (day := _day_number(doc[j])) is not None:
            first = j
            k = _prev_word(doc, j)
            if k is not None and fold(doc[k].text) in WEEKDAYS:
                weekday, first = fold(doc[k].text), k
        n = _next_word(doc, i)
        if n is not None and re.fullmatch(r"\d{4}", doc[n].text):
            year, last = int(doc[n].text), n
        used.update(range(first, last + 1))
        start, end = doc[first].idx, doc[last].idx + len(doc[last])
        found.append(
            Fact(
                doc.text[start:end],
                DATE,
                start,
                end,
                day=day,
                month=month,
                year=year,
                weekday=weekday,
            )
        )
    for i, token in enumerate(doc):
        day_name = fold(token.text)
        if day_name not in WEEKDAYS or i in used or not _in_ranges(token.idx, ranges):
            continue
        last, part = i, None
        n = i
        for _ in range(6):  # "jeudi soir", "jeudi, en fin de soirée"
            n = _next_word(doc, n)
            if n is None:
                break
            word = fold(doc[n].text)
            if word in _DAY_PARTS:
                last, part = n, _DAY_PARTS[word]
                break
            if word not in _PART_LEAD:
                break
        used.update(range(i, last + 1))
        end = doc[last].idx + len(doc[last])
        found.append(
            Fact(doc.text[token.idx : end], DATE, token.idx, end, weekday=day_name, part=part)
        )
    return found


def _is_number_word(token: Token) -> bool:
    parts = fold(token.text).split("-")
    return all(p in NUMBER_WORDS or p == "et" for p in parts) and parts[0] != "et"


def _unit_after(doc: Doc, j: int, after_of: bool) -> tuple[str | None, bool, int]:
    """The unit or noun counted after the number ending at token j: (unit, measured, last
    token). `after_of`: a "de" may come between ("12 millions d'euros", "une dizaine de")."""
    k = _next_word(doc, j)
    if k is None:
        return None, False, j
    word = fold(doc[k].text)
    n = _next_word(doc, k)
    if word == "pour" and n is not None and fold(doc[n].text) == "cent":
        return "%", True, n
    if after_of and word in ("de", "d’") and n is not None:
        k, word = n, fold(doc[n].text)
    token = doc[k]
    lemma = fold(token.lemma_)
    for form in (word, lemma, word.rstrip(".")):
        if form in _UNITS:
            return _UNITS[form], True, k
    if token.pos_ == "ADJ" and (n := _next_word(doc, k)) is not None and doc[n].pos_ == "NOUN":
        token, k = doc[n], n  # "trois nouvelles écoles"
        lemma = fold(token.lemma_)
    if token.pos_ in ("NOUN", "PROPN") and token.text[:1].islower():
        for form in (lemma, fold(token.text)):
            if form in _UNITS:
                return _UNITS[form], True, k
        unit = lemma or fold(token.text)
        # A compound the tokenizer split: "sapeurs-pompiers".
        while k + 2 < len(doc) and not doc[k].whitespace_ and doc[k + 1].text == "-":
            k += 2
        return unit, False, k
    return None, False, j


def _numbers(doc: Doc, ranges: Sequence[tuple[int, int]], used: set[int]) -> list[Fact]:
    found = []
    i = 0
    while i < len(doc):
        token = doc[i]
        if i in used or token.is_space or not _in_ranges(token.idx, ranges):
            i += 1
            continue
        word = fold(token.text)
        first = last = i
        value: float | None = None
        approx = scaled = False
        four_digits = False
        if parse_digits(token.text) is not None:
            text = token.text
            # "1 200", "2 300 000": groups of three digits after one space.
            while (n := _next_word(doc, last)) is not None and re.fullmatch(r"\d{3}", doc[n].text):
                gap = doc.text[doc[last].idx + len(doc[last]) : doc[n].idx]
                if gap not in (" ", *SPACES) or not re.fullmatch(r"\d{1,3}(?: \d{3})*", text):
                    break
                text, last = f"{text} {doc[n].text}", n
            value = parse_digits(text)
            four_digits = bool(re.fullmatch(r"\d{4}", text))
            n = _next_word(doc, last)
            if n is not None and fold(doc[n].text) in _SCALES:
                mult = _SCALES[fold(doc[n].text)]
                value, last, scaled = (value or 0) * mult, n, True
        elif _is_number_word(token):
            words = fold(token.text).split("-")
            while (n := _next_word(doc, last)) is not None:
                following = fold(doc[n].text)
                if following == "et":  # "vingt et un", "soixante et onze"
                    after = _next_word(doc, n)
                    if after is None or fold(doc[after].text) not in ("un", "une", "onze"):
                        break
                    words.append("et")
                    last = n
                    continue
                if (  # "quarante-cinq" split by the tokenizer into three tokens
                    following == "-"
                    and not doc[last].whitespace_
                    and not doc[n].whitespace_
                    and n + 1 < len(doc)
                    and _is_number_word(doc[n + 1])
                ):
                    last = n
                    continue
                if not _is_number_word(doc[n]) or following in ("un", "une"):
                    break
                words.append(following)
                last = n
            # "un", "une" alone are articles; "neuf" after a noun is "new".
            if words in (["un"], ["une"]) or (words == ["neuf"] and token.pos_ == "ADJ"):
                i = last + 1
                continue
            value = parse_number_words(words)
            scaled = words[-1] in _MULTIPLIERS or words[-1] in _THOUSAND
        elif _singular(word) in _APPROX:
            value, approx, scaled = float(_APPROX[_singular(word)]), True, True
            j = _prev_word(doc, i)
            if j is not None and fold(doc[j].text) in ("une", "un", "des", "quelques", "plusieurs"):
                first = j
        if value is None:
            i = last + 1
            continue
        # "deux heures et demie" is handled by the unit; "un million et demi" here.
        n = _next_word(doc, last)
        after = _next_word(doc, n) if n is not None else None
        if after is not None and fold(doc[n].text) == "et" and fold(doc[after].text) in _HALF:
            last_word = fold(doc[last].text)
            value += 0.5 * _SCALES.get(last_word, 1.0)
            last = after
        unit, measured, end_token = _unit_after(doc, last, scaled)
        used.update(range(first, end_token + 1))
        start, end = doc[first].idx, doc[end_token].idx + len(doc[end_token])
        text = doc.text[start:end]
        if four_digits and unit is None and 1000 <= value <= 2100:
            found.append(Fact(text, DATE, start, end, year=int(value)))
        else:
            kind = QUANTITY if measured else NUMBER
            found.append(
                Fact(
                    text, kind, start, end, value=value, approx=approx, unit=unit, measured=measured
                )
            )
        i = end_token + 1
    return found


def extract_facts(doc: Doc, ranges: Sequence[tuple[int, int]] | None = None) -> list[Fact]:
    """Every fact of `doc` whose start lies in one of `ranges` (character offsets; None: the
    whole Doc), in text order, repeats included."""
    ranges = ranges if ranges is not None else [(0, len(doc.text))]
    used: set[int] = set()
    entities = _untangle(doc, _entities(doc, ranges))
    facts = entities + _dates(doc, ranges, used) + _numbers(doc, ranges, used)
    return sorted(facts, key=lambda f: f.start)


def _untangle(doc: Doc, facts: list[Fact]) -> list[Fact]:
    """Names as a hurried text writes them. A lower-case word glued to a name by a missing
    space ("à Russieselon l’agence") is the name alone, when the text also writes both
    words apart; a compound of names ("l’amitié RPDC-Russie") holds a fact for each
    name when the text writes one of them alone elsewhere. A person's hyphenated first
    name ("Jean-Pierre") is left whole."""
    names = {fold(t.text) for t in doc if t.text[:1].isupper() and t.text.isalpha() and _alone(t)}
    lower = {fold(t.text) for t in doc if t.text.isalpha() and t.text.islower()}
    found: list[Fact] = []
    for fact in facts:
        text = fact.text
        glued = _glued_name(text, names, lower)
        if glued is not None:
            found.append(entity_fact(text[:glued], fact.kind, fact.start, fact.start + glued))
            continue
        parts = re.split(f"([{HYPHENS}])", text)
        pieces = parts[::2]
        if (
            fact.kind != PERSON
            and len(pieces) >= 2
            and all(p[:1].isupper() and p.isalpha() for p in pieces)
            and any(fold(p) in names for p in pieces)
        ):
            at = fact.start
            for n, piece in enumerate(pieces):
                found.append(entity_fact(piece, fact.kind, at, at + len(piece)))
                at += len(piece) + (len(parts[2 * n + 1]) if 2 * n + 1 < len(parts) else 0)
            continue
        found.append(fact)
    return found


def _alone(token: Token) -> bool:
    """Whether a token is a word of its own, not part of a hyphenated compound."""
    doc = token.doc
    before = token.i > 0 and doc[token.i - 1].text in HYPHENS and not doc[token.i - 1].whitespace_
    after = token.i + 1 < len(doc) and doc[token.i + 1].text in HYPHENS and not token.whitespace_
    return not before and not after


_GLUE_MIN = 3  # letters on each side of a missing space


def _glued_name(text: str, names: set[str], lower: set[str]) -> int | None:
    """Where a missing space cuts `text` ("Russieselon" → 6), or None: a capitalised word
    the text writes alone, then a lower-case word it writes alone too."""
    if not (text[:1].isupper() and text[1:].islower() and text.isalpha()):
        return None
    for cut in range(len(text) - _GLUE_MIN, _GLUE_MIN - 1, -1):
        if fold(text[:cut]) in names and fold(text[cut:]) in lower:
            return cut
    return None


def distinct_facts(facts: Iterable[Fact]) -> list[Fact]:
    """Each fact once, at its first place; a bare weekday is dropped when a more precise
    fact names the same day ("jeudi" after "jeudi 14 mars")."""
    seen: dict[tuple, Fact] = {}
    for fact in facts:
        seen.setdefault(fact.key, fact)
    seen = _short_names_merged(seen)
    precise_days = {f.weekday for f in seen.values() if f.weekday and (f.part or f.day or f.month)}
    return [
        f
        for f in seen.values()
        if not (f.weekday and not f.part and not f.day and f.weekday in precise_days)
    ]


def _short_names_merged(seen: dict[tuple, Fact]) -> dict[tuple, Fact]:
    """A person's later short mentions are that person: "Kim" and "M. Kim" after "Kim
    Jong-un", "Poutine" after "Vladimir Poutine" (whatever kind the tagger gave the short
    one). The short forms become accepted forms of the full name."""
    people = [f for f in seen.values() if f.kind == PERSON and len(f.forms[0][0]) >= 2]
    if not people:
        return seen
    merged: dict[tuple, Fact] = {}
    extra: dict[tuple, list[tuple[tuple[str, ...], bool]]] = defaultdict(list)
    for key, fact in seen.items():
        owner = None
        if fact.kind in ENTITY_KINDS.values() and len(fact.forms[0][0]) == 1:
            word = skeleton(fact.forms[0][0][0])
            owner = next(
                (p for p in people if any(skeleton(w) == word for w in p.forms[0][0])), None
            )
        if owner is None:
            merged[key] = fact
        else:
            extra[owner.key].append((fact.forms[0][0], False))
    for key, forms in extra.items():
        fact = merged[key]
        fact.forms = fact.forms + tuple(f for f in forms if f not in fact.forms)
    return merged


# --- Matching ----------------------------------------------------------------------------

# Names come to French in several spellings: Vostochni, Vostochny, Vostotchny; Pyongyang,
# Pyong-yang; Zelensky, Zelenskyy. Their skeleton folds those: accents, y → i, tch → ch,
# no hyphens, no doubled letters.
_SKELETON_RULES = (("tch", "ch"), ("y", "i"), ("-", ""))
# Long names also match with one letter changed (or, both 8+ letters, one added):
# Kharkiv / Kharkov. Shorter names must have the same skeleton: Moscou is not Mossoul.
FUZZY_MIN = 7
FUZZY_INSERT_MIN = 8


@functools.lru_cache(maxsize=65536)
def skeleton(key: str) -> str:
    """The transliteration-tolerant form of a folded word."""
    for old, new in _SKELETON_RULES:
        key = key.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", key)


@functools.lru_cache(maxsize=65536)
def near_names(a: str, b: str) -> bool:
    """Whether two folded name words are spellings of one name (see `skeleton`)."""
    if a == b:
        return True
    sa, sb = skeleton(a), skeleton(b)
    if sa == sb:
        return True
    if min(len(sa), len(sb)) < FUZZY_MIN or sa[0] != sb[0]:
        return False
    if len(sa) == len(sb):
        return sum(x != y for x, y in zip(sa, sb, strict=True)) == 1
    if abs(len(sa) - len(sb)) != 1 or min(len(sa), len(sb)) < FUZZY_INSERT_MIN:
        return False
    short, long = sorted((sa, sb), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


class FactSide:
    """One text seen for matching: its facts and its words."""

    def __init__(self, doc: Doc, ranges: Sequence[tuple[int, int]] | None = None) -> None:
        ranges = ranges if ranges is not None else [(0, len(doc.text))]
        self.facts = extract_facts(doc, ranges)
        self.words: list[Word] = []
        for a, b in ranges:
            self.words.extend(words_of(doc.text[a:b], a))
        proper = {t.idx for t in doc if t.pos_ == "PROPN"}
        self._at: dict[str, list[int]] = defaultdict(list)
        self._skeletons: dict[str, list[int]] = defaultdict(list)
        for i, w in enumerate(self.words):
            w.name = w.start in proper
            self._at[w.key].append(i)
            self._skeletons[skeleton(w.key)].append(i)
            if w.upper:
                self._at[ACRONYM_MARK + w.key].append(i)
        # Names inside a compound of names ("l’amitié RPDC-Russie"), when the text writes
        # one of them alone too: part → [(word index, offset of the part in the word)].
        self._parts: dict[str, list[tuple[int, int]]] = defaultdict(list)
        alone = {w.key for w in self.words if w.cap}
        for i, w in enumerate(self.words):
            raw = doc.text[w.start : w.start + len(w.key)]
            pieces = re.split(f"[{re.escape(HYPHENS)}]", raw)
            if len(pieces) < 2 or not all(p[:1].isupper() for p in pieces):
                continue
            if not any(fold(p) in alone for p in pieces):
                continue
            at = 0
            for piece in pieces:
                self._parts[skeleton(fold(piece))].append((i, at))
                at += len(piece) + 1
        self.acronyms: dict[str, int] = {}
        for fact in self.facts:
            short = acronym(fact.text) if fact.kind == ORGANISATION else None
            if short:
                self.acronyms.setdefault(short, fact.start)

    def _candidates(self, first: str) -> list[int]:
        """Indexes of the words that may start a name whose first word is `first`: the
        same skeleton, or a near spelling of a long name written with a capital."""
        if first.startswith(ACRONYM_MARK):
            return self._at.get(first, [])
        wanted = skeleton(first)
        found = list(self._skeletons.get(wanted, ()))
        if len(wanted) >= FUZZY_MIN:
            for other, where in self._skeletons.items():
                near = abs(len(other) - len(wanted)) <= 1 and near_names(wanted, other)
                if other != wanted and near:
                    found.extend(i for i in where if self.words[i].cap)
            found.sort()
        return found

    def find_words(self, form: Sequence[str], name_before: bool) -> int | None:
        """Offset of the first place where the words `form` stand as a whole name: no
        capitalised word joined after, nor before unless `name_before` (a first name).
        Words compare by their spelling skeleton (Vostochni = Vostochny); a one-word name
        is also found inside a compound of names ("RPDC" in "RPDC-Russie")."""
        if not form:
            return None
        n = len(form)
        bare = tuple(k.removeprefix(ACRONYM_MARK) for k in form)
        exact = form[0].startswith(ACRONYM_MARK)
        for i in self._candidates(form[0]):
            got = tuple(w.key for w in self.words[i : i + n])
            if len(got) != n:
                continue
            if exact and got != bare:
                continue
            if not exact and not all(
                near_names(a, b) for a, b in zip(bare[1:], got[1:], strict=True)
            ):
                continue
            inner = self.words[i + 1 : i + n]
            if any(not w.joined for w in inner):
                continue  # the words of a name are not split by punctuation
            after = self.words[i + n] if i + n < len(self.words) else None
            if after and after.joined and after.cap:
                continue  # "Paris" inside "Paris Saint-Germain"
            if not name_before and self._inside_longer_name(i):
                continue
            return self.words[i].start
        if n == 1 and not exact:
            for i, at in self._parts.get(skeleton(form[0]), ()):
                return self.words[i].start + at
        return None

    def _is_name_word(self, i: int) -> bool:
        w = self.words[i]
        return (
            w.cap and (not w.initial or w.name) and w.key not in _TITLES and w.key not in _ARTICLES
        )

    def _inside_longer_name(self, i: int) -> bool:
        """Whether the word at i continues a capitalised name: "France" in "Météo France",
        "Dubreuil" in "Marc Dubreuil", "Marseille" in "Olympique de Marseille"."""
        if i == 0 or not self.words[i].joined:
            return False
        if self._is_name_word(i - 1):
            return True
        return (
            self.words[i - 1].key in ("de", "du", "des", "d’")
            and i >= 2
            and self.words[i - 1].joined
            and self._is_name_word(i - 2)
        )

    def find_acronym_of(self, short: str) -> int | None:
        """Where a name whose initials are `short` ("psg") stands."""
        return self.acronyms.get(short)
        return None


def _same_value(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 1e-9 * max(1.0, abs(a))


def units_agree(a: Fact, b: Fact) -> bool:
    """Whether two numbers count the same thing: the same measurement unit, or nouns a reader
    takes for one another; a number without a noun agrees with any."""
    if a.unit is None or b.unit is None:
        return True
    if a.measured or b.measured:
        return a.measured and b.measured and a.unit == b.unit
    if a.unit == b.unit or _singular(a.unit) == _singular(b.unit):
        return True
    if a.unit in _ANY_COUNT or b.unit in _ANY_COUNT:
        return True
    units = {_singular(a.unit), _singular(b.unit)}
    return bool(units & _GENERIC_PEOPLE) and units <= _HUMAN


def facts_agree(fact: Fact, other: Fact, loose: bool = False) -> bool:
    """Whether `other` (a fact of the other text) states `fact`. Dates: the same day and
    month (year when both give one); a day of the week with its part of the day if `fact`
    gives one (unless `loose`). Numbers: the same value, both round or both exact, units
    that agree."""
    if fact.kind == DATE:
        if fact.month is not None:
            return (
                other.month == fact.month
                and (fact.day is None or other.day == fact.day)
                and (fact.year is None or other.year in (None, fact.year))
                and (fact.day is not None or fact.year is None or other.year == fact.year)
            )
        if fact.weekday is not None:
            return other.weekday == fact.weekday and (
                loose or fact.part is None or other.part == fact.part
            )
        if fact.year is not None:
            return other.year == fact.year or (
                other.kind == NUMBER and other.unit is None and _same_value(other.value, fact.year)
            )
        return False
    if fact.kind in (NUMBER, QUANTITY):
        if other.kind == DATE:
            return (
                other.year is not None and fact.unit is None and _same_value(fact.value, other.year)
            )
        return (
            other.kind in (NUMBER, QUANTITY)
            and _same_value(fact.value, other.value)
            and fact.approx == other.approx
            and units_agree(fact, other)
        )
    return False


def find_fact(fact: Fact, side: FactSide, loose: bool = False) -> int | None:
    """Where the other text states `fact` (a character offset in its Doc), or None.

    `loose`: a detail of `fact` the other text does not give is no contradiction (the
    part of a day: "vendredi en soirée" against "vendredi"); used to tell invented facts,
    where only what the source lacks entirely counts."""
    if fact.kind in ENTITY_KINDS.values():
        for form, name_before in fact.forms:
            found = side.find_words(form, name_before)
            if found is not None:
                return found
        # "PSG" in the source, "Paris Saint-Germain" in the draft.
        if fact.kind == ORGANISATION and len(fact.text) > 1 and fact.text.isupper():
            return side.find_acronym_of(fold(fact.text))
        return None
    for other in side.facts:
        if facts_agree(fact, other, loose):
            return other.start
    return None
