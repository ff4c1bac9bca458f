"""French connectors (transition words) and sentence openings.

A sentence "has a transition word" when it holds one of the connectors below: words and
phrases that tie it to what came before (addition, opposition, cause, consequence...).

Matching works on words, never on substrings: the sentence text is cut into words (an
elided word keeps its apostrophe, `c’est` = `c’` + `est`; a hyphenated word stays whole,
`outre-mer` is not `outre`), each word normalised (NFC, lower case, ' ’ ʼ unified as ’),
and the longest listed phrase wins at each position. Elided forms are expanded before the
comparison, so `lorsqu’il` holds `lorsque` and `même s’il` holds `même si`.

Ambiguous words, decided with position and part-of-speech tags:
- `or`: not after a determiner or preposition (`l’or`, `médaille d’or`, `en or`), nor
  before a colour (`or noir`); inside a clause it needs the tagger not to call it a noun.
- `car`: not after a determiner (`le car scolaire`) or a determiner + adjective
  (`un nouveau car`).
- `comme`: only as the first word of a sentence (`Comme il pleuvait, …`: cause or time);
  elsewhere it is mostly a plain comparison (`fort comme un bœuf`). Fixed phrases
  (`tout comme`, `comme prévu`, `comme le montre`) count anywhere.
- `si`: a condition, not the intensifier (`si fatigué`, `si vite`) nor an indirect
  question after `savoir`, `demander`… (`je me demande si`).
- `aussi`: not in a comparison of degree (`aussi grand que`).
- `de plus`, `en plus`, `en fait`, `de fait`: at the start of a clause, after a verb or a
  conjunction (`dix minutes de plus` and `il en fait trop` do not count).
- `cela dit`, `pour conclure`, `en attendant`…: only when a comma follows
  (`cela dit beaucoup`, `pour conclure l’accord` do not count).
- `et` and `ou` alone are too common to count; `puis`, `ainsi`, `alors`, `donc` always do.
- `après tout`, `avant tout`, `malgré tout`: not when `tout` goes with a noun
  (`après tout ce travail`, `avant tout le monde`).
A few phrases block a shorter match: `de plus en plus`, `en tant que`, `du coup de`.

Contractions are spelt out too (`du` = `de le`, `aux` = `à les`, `d’` = `de`), so that
`à cause du vent` holds `à cause de` and `afin d’agir` holds `afin de`.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass

from spacy.tokens import Span, Token

# Each phrase sits in exactly one role, though some could serve two.
# fmt: off
CONNECTORS: dict[str, tuple[str, ...]] = {
    "addition": (
        "de plus", "en plus", "en plus de", "en outre", "par ailleurs", "d’ailleurs", "également",
        "aussi", "de surcroît", "qui plus est", "sans compter", "sans compter que",
        "sans oublier", "sans oublier que", "sans parler de", "ainsi que", "outre", "outre cela",
        "au surplus", "d’autre part", "en sus", "en sus de", "voire", "et puis", "ou encore",
        "ou bien", "et même", "mieux encore", "pire encore", "plus encore", "à cela s’ajoute",
        "à cela s’ajoutent", "à côté de cela", "au-delà de cela", "par la même occasion",
        "encore une fois", "une fois de plus", "en prime", "ajoutons que", "il faut ajouter que",
        "il convient d’ajouter que", "de même que",
    ),
    "opposition": (
        "mais", "cependant", "pourtant", "toutefois", "néanmoins", "or", "en revanche",
        "par contre", "au contraire", "au contraire de", "à l’inverse", "inversement",
        "à l’opposé", "par opposition", "contrairement à", "à la différence de", "alors que",
        "alors même que", "tandis que", "bien que", "quoique", "malgré", "malgré cela",
        "malgré tout", "malgré le fait que", "en dépit de", "en dépit de cela",
        "en dépit du fait que", "même si", "certes", "pour autant", "quand même", "tout de même",
        "cela dit", "ceci dit", "cela étant", "ceci étant", "cela étant dit",
        "il n’en reste pas moins que", "il n’en demeure pas moins que", "il n’empêche que",
        "n’empêche", "reste que", "toujours est-il que", "au lieu de", "plutôt que",
        "à défaut de", "sauf que", "excepté que", "hormis", "si ce n’est", "mis à part",
        "quitte à", "encore que", "quand bien même", "nonobstant", "en contrepartie",
        "d’un autre côté", "pour sa part", "de son côté", "de leur côté", "quant à", "loin de là",
        "il est vrai que",
    ),
    "cause": (
        "car", "parce que", "puisque", "comme", "en effet", "étant donné", "étant donné que",
        "vu que", "attendu que", "dès lors que", "du moment que", "d’autant que",
        "d’autant plus que", "sous prétexte que", "sous prétexte de", "à force de",
        "par manque de", "en raison de", "en raison du fait que", "à cause de", "grâce à",
        "faute de", "du fait de", "du fait que", "compte tenu de", "eu égard à", "en vertu de",
        "à la suite de", "suite à", "de par", "non que", "ce n’est pas que", "sachant que",
        "pour cette raison", "pour ces raisons", "pour la simple raison que",
        "pour la bonne raison que", "la raison en est que", "c’est que",
    ),
    "consequence": (
        "donc", "alors", "ainsi", "par conséquent", "en conséquence", "conséquemment",
        "de ce fait", "c’est pourquoi", "c’est la raison pour laquelle", "voilà pourquoi",
        "voici pourquoi", "c’est ainsi que", "dès lors", "d’où", "si bien que", "de sorte que",
        "de telle sorte que", "de façon que", "de telle façon que", "de manière que",
        "de telle manière que", "au point que", "à tel point que", "tant et si bien que",
        "du coup", "par suite", "il en résulte que", "il s’ensuit que", "ce qui explique que",
        "ce qui explique pourquoi", "cela explique pourquoi", "ce qui fait que",
        "en conséquence de quoi", "par voie de conséquence", "ce faisant", "de là vient que",
    ),
    "goal": (
        "afin de", "afin que", "pour que", "dans le but de", "en vue de", "de façon à",
        "de manière à", "dans l’intention de", "dans l’objectif de", "avec pour objectif de",
        "à cette fin", "à cet effet", "dans ce but", "dans cette optique",
        "dans cette perspective", "pour ce faire", "de peur que", "de crainte que", "de peur de",
        "de crainte de", "en sorte que", "le but étant de", "l’objectif étant de",
        "dans le souci de",
    ),
    "time": (
        "d’abord", "tout d’abord", "premièrement", "deuxièmement", "troisièmement",
        "quatrièmement", "primo", "secundo", "tertio", "en premier lieu", "en second lieu",
        "en deuxième lieu", "en troisième lieu", "en dernier lieu", "ensuite", "puis", "enfin",
        "après cela", "après quoi", "par la suite", "auparavant", "au préalable", "préalablement",
        "dorénavant", "désormais", "depuis lors", "entre-temps", "pendant ce temps",
        "au même moment", "simultanément", "parallèlement", "en parallèle", "à présent",
        "jusqu’ici", "jusqu’à présent", "jusqu’alors", "à ce moment-là", "aussitôt",
        "aussitôt après", "juste après", "peu après", "peu de temps après", "plus tard",
        "ultérieurement", "initialement", "à l’avenir", "d’ici là", "à partir de là",
        "à partir de ce moment", "tout à coup", "tout d’un coup", "avant cela", "pour commencer",
        "dans un premier temps", "dans un second temps", "dans un deuxième temps",
        "dans un troisième temps", "dans un dernier temps", "en attendant", "en attendant que",
        "en même temps", "en même temps que", "lorsque", "quand", "dès que", "sitôt que",
        "aussitôt que", "après que", "avant que", "pendant que", "depuis que", "à mesure que",
        "au fur et à mesure", "au fur et à mesure que", "une fois que", "chaque fois que",
        "toutes les fois que", "tant que", "jusqu’à ce que",
    ),
    "illustration": (
        "par exemple", "notamment", "en particulier", "tel que", "telle que", "tels que",
        "telles que", "à titre d’exemple", "à titre d’illustration", "à titre indicatif",
        "entre autres", "prenons l’exemple de", "prenons le cas de", "c’est le cas de",
        "c’est notamment le cas de", "comme le montre", "comme le montrent", "comme le prouve",
        "comme en témoigne", "comme en témoignent", "comme le souligne", "comme le rappelle",
        "comme on le voit", "comme on peut le voir", "pour illustrer", "pour preuve",
        "en l’occurrence", "nommément", "à l’exemple de", "pensons à", "citons", "on peut citer",
        "songeons à",
    ),
    "reformulation": (
        "c’est-à-dire", "autrement dit", "en d’autres termes", "en d’autres mots", "à savoir",
        "en fait", "en réalité", "de fait", "à vrai dire", "pour ainsi dire", "du moins",
        "ou plutôt", "plus précisément", "pour être précis", "pour être exact", "en clair",
        "disons", "cela signifie que", "cela veut dire que", "ce qui signifie que",
        "ce qui veut dire que", "j’entends par là", "ou si l’on préfère",
        "pour le dire autrement", "pour le dire simplement", "pour dire les choses simplement",
        "concrètement", "en l’espèce", "soit dit en passant", "en termes simples",
        "en termes clairs", "en pratique", "dans les faits", "à proprement parler",
        "en quelque sorte", "en un sens", "d’une certaine manière", "d’une certaine façon",
        "précisons que",
    ),
    "comparison": (
        "de même", "de la même manière", "de la même façon", "pareillement", "semblablement",
        "similairement", "tout comme", "comme si", "comme prévu", "à l’image de",
        "à la manière de", "à l’instar de", "en comparaison", "par comparaison",
        "comparativement", "en comparaison de", "par rapport à", "aussi bien que", "autant que",
        "dans le même esprit", "dans le même ordre d’idées", "dans la même veine",
        "dans le même sens", "de façon similaire", "de manière similaire", "de façon analogue",
        "de manière analogue", "de façon comparable", "de manière comparable",
        "au même titre que", "selon le même principe", "identiquement",
    ),
    "condition": (
        "si", "sauf si", "à condition que", "à condition de", "à la condition que", "pourvu que",
        "au cas où", "dans le cas où", "en cas de", "à moins que", "à moins de",
        "dans l’hypothèse où", "en admettant que", "à supposer que", "supposons que",
        "en supposant que", "si jamais", "sinon", "pour peu que", "dans la mesure où",
        "selon que", "suivant que", "faute de quoi", "sans quoi", "le cas échéant",
        "si tel est le cas", "si c’est le cas", "dans ce cas", "dans ce cas-là", "en ce cas",
        "auquel cas", "à défaut", "en l’absence de", "pour autant que", "moyennant",
        "si nécessaire", "si possible", "si besoin",
    ),
    "conclusion": (
        "en conclusion", "pour conclure", "en résumé", "pour résumer", "en somme", "somme toute",
        "bref", "en bref", "en définitive", "finalement", "en fin de compte", "au final",
        "tout compte fait", "en un mot", "pour finir", "ainsi donc", "en dernière analyse",
        "globalement", "au bout du compte", "après tout", "en tout état de cause",
        "quoi qu’il en soit", "dans l’ensemble", "pour tout dire", "en guise de conclusion",
        "pour terminer", "en substance", "de toute façon", "de toute manière", "de toutes façons",
        "en tout cas", "dans tous les cas", "au total", "pour récapituler", "tout bien considéré",
        "tout bien pesé", "pour faire court", "à tout prendre", "au fond",
    ),
    "emphasis": (
        "surtout", "avant tout", "avant toute chose", "bien entendu", "bien sûr", "évidemment",
        "sans aucun doute", "sans doute", "assurément", "certainement", "incontestablement",
        "indéniablement", "indubitablement", "à coup sûr", "effectivement", "à plus forte raison",
        "a fortiori", "principalement", "essentiellement", "par-dessus tout", "justement",
        "en vérité", "de toute évidence", "manifestement", "force est de constater que",
        "il est clair que", "il va sans dire que", "cela va sans dire", "il faut souligner que",
        "soulignons que", "notons que", "rappelons que", "il convient de noter que",
        "il convient de souligner que", "il importe de souligner que", "d’autant plus",
        "surtout que", "fondamentalement", "au demeurant", "il faut dire que", "à noter que",
        "signalons que",
    ),
}
# Two-part connectors: the first part, then the second later in the sentence or at the
# start of the next one.
# fmt: off
TWO_PART: tuple[tuple[str, str], ...] = (
    ("d’une part", "d’autre part"), ("d’un côté", "de l’autre"),
    ("d’un côté", "de l’autre côté"), ("d’un côté", "d’un autre côté"),
    ("non seulement", "mais"), ("non seulement", "mais aussi"),
    ("non seulement", "mais encore"), ("non seulement", "mais également"),
    ("pas seulement", "mais aussi"), ("non pas", "mais"), ("certes", "mais"),
    ("soit", "soit"), ("ni", "ni"), ("tantôt", "tantôt"), ("ou bien", "ou bien"),
    ("plus", "plus"), ("moins", "moins"), ("plus", "moins"), ("moins", "plus"),
    ("autant", "autant"), ("mieux", "mieux"),
)

# Phrases that are not connectors and must not let a shorter one match inside them.
NON_CONNECTORS: tuple[str, ...] = (
    "de plus en plus", "de moins en moins", "en tant que", "plus ou moins", "de plus belle",
    "du coup de", "du coup d’", "état de fait", "voie de fait", "voies de fait", "reste à savoir",
    "au fond de", "au fond du", "au fond des", "au fond d’", "dans l’ensemble de",
    "dans l’ensemble du", "dans l’ensemble des", "dans l’ensemble d’",
)

ARTICLES: frozenset[str] = frozenset({
    "le", "la", "les", "l’", "un", "une", "des", "du", "au", "aux", "ce", "cet", "cette",
    "ces", "mon", "ma", "mes", "ton", "ta", "tes", "son", "sa", "ses", "notre", "nos",
    "votre", "vos", "leur", "leurs", "chaque", "quelques", "plusieurs", "aucun", "aucune",
})

# Words that make `car` / `or` nouns when they come just before.
_DETERMINERS = ARTICLES | {"de", "en", "quel", "quelle", "tout", "toute"}
_OR_NOUN_NEXT = frozenset({
    "noir", "blanc", "jaune", "rose", "gris", "vert", "bleu", "rouge", "massif", "fin",
    "pur", "pâle", "brut", "olympique", "mondial", "européen",
})
_INDIRECT_QUESTION_VERBS = frozenset({
    "savoir", "demander", "ignorer", "vérifier", "voir", "regarder", "examiner",
    "déterminer", "évaluer", "interroger", "douter", "chercher", "hésiter", "décider",
    "préciser", "dire", "indiquer", "comprendre", "tester",
})
# Verb stems before `si` that make it an indirect question (the lemmatizer misses some).
_QUESTION_STEMS = ("demand", "sav", "sai", "ignor", "vérifi", "interrog", "dout", "hésit")
# Words skipped when looking for the verb before `si` (`je ne sais pas si`).
_BEFORE_SI_SKIP = frozenset({
    "pas", "plus", "jamais", "bien", "encore", "me", "se", "te", "nous", "vous",
})
_DEGREE_ADVERBS = frozenset({
    "vite", "bien", "mal", "peu", "souvent", "longtemps", "loin", "près", "tôt", "tard",
    "fort", "rarement", "mieux", "beaucoup",
})
_SUBJECT_BEFORE_SOIT = frozenset({
    "il", "elle", "on", "ce", "cela", "qui", "que", "ils", "elles",
})
# fmt: on

_CLAUSE_POS = frozenset({"CCONJ", "SCONJ", "AUX", "VERB", "ADV"})
# Phrases that count only at the start of a clause (see the module docstring).
_CLAUSE_START = frozenset({"de plus", "en plus", "en fait", "de fait"})
# Phrases that count only when a comma (or other punctuation) follows.
_NEEDS_PUNCT_AFTER = frozenset({
    "cela dit", "ceci dit", "cela étant", "ceci étant", "en attendant", "pour commencer",
    "pour finir", "pour terminer", "pour conclure", "pour résumer", "pour récapituler",
})  # fmt: skip
# `tout` in these is a pronoun; before a determiner it belongs to a noun phrase.
_TOUT_PHRASES = frozenset({"après tout", "avant tout", "malgré tout"})
_TOUT_NOUN_NEXT = ARTICLES | {"ce", "ça", "cela", "ceci", "le", "les", "un", "une"}
_CORRELATIVES = frozenset({"plus", "moins", "autant", "mieux"})
_ELLIPSIS = " … "

# One apostrophe and one hyphen; a one-to-one mapping, so text offsets do not move.
_CHARS = str.maketrans({"'": "’", "ʼ": "’", "‘": "’", "‐": "-", "‑": "-"})
_LETTER = r"(?:[^\W_]|[\u0300-\u036f])"
# A word (hyphenated parts kept together, an elision apostrophe kept when a letter follows),
# or any other single visible character.
_WORD_RE = re.compile(rf"{_LETTER}+(?:-{_LETTER}+)*(?:’(?=[^\W\d_]))?|\S")
_ELIDED_QUE = re.compile(r"^(.*qu)’$")
# Contracted articles and elided `de`, spelt out so that `à cause du` holds `à cause de`.
_CONTRACTIONS = {"du": ("de", "le"), "des": ("de", "les"), "au": ("à", "le"),
                 "aux": ("à", "les"), "d’": ("de",)}  # fmt: skip


@functools.lru_cache(maxsize=65536)
def normalise(text: str) -> str:
    """NFC, lower case, one apostrophe (’) and one hyphen (-). Cached: words repeat."""
    return unicodedata.normalize("NFC", text).translate(_CHARS).lower()


def _spelt_out(words: list[str]) -> list[list[str]]:
    """For each word, the word(s) compared: `lorsqu’` → `lorsque`, `s’` before il → `si`."""
    out = []
    for i, word in enumerate(words):
        m = _ELIDED_QUE.match(word)
        if m:
            out.append([m.group(1) + "e"])
        elif word == "s’" and i + 1 < len(words) and words[i + 1] in ("il", "ils"):
            out.append(["si"])
        else:
            out.append(list(_CONTRACTIONS.get(word, (word,))))
    return out


def _phrase_units(phrase: str) -> tuple[str, ...]:
    words = [m.group() for m in _WORD_RE.finditer(normalise(phrase))]
    return tuple(part for parts in _spelt_out(words) for part in parts)


ROLES: dict[str, str] = {phrase: role for role, phrases in CONNECTORS.items() for phrase in phrases}

# First compared word → (words, connector or None for a blocking phrase), longest first.
_INDEX: dict[str, list[tuple[tuple[str, ...], str | None]]] = {}
for _phrase in [*ROLES, *NON_CONNECTORS]:
    _seq = _phrase_units(_phrase)
    _INDEX.setdefault(_seq[0], []).append((_seq, _phrase if _phrase in ROLES else None))
for _entries in _INDEX.values():
    _entries.sort(key=lambda entry: -len(entry[0]))
_PAIRS = [(a, b, _phrase_units(a), _phrase_units(b)) for a, b in TWO_PART]


@dataclass(slots=True)
class _Unit:
    raw: str  # the normalised word (or punctuation mark) as written
    text: str  # the word compared: elisions and contractions spelt out
    token: Token  # the spaCy token it starts in, for its tags
    is_word: bool


@functools.lru_cache(maxsize=8)
def _units(sent: Span) -> list[_Unit]:
    """The words of a sentence; a contraction gives two units (`du` → `de`, `le`).

    Cached for a few sentences: each sentence is read again as the `previous` of the next.
    The result must not be changed by callers.
    """
    tokens = list(sent)
    starts = [t.idx for t in tokens]
    matches = list(_WORD_RE.finditer(sent.text.translate(_CHARS)))
    raws = [normalise(m.group()) for m in matches]
    units = []
    for m, raw, parts in zip(matches, raws, _spelt_out(raws), strict=True):
        token = tokens[max(0, bisect.bisect_right(starts, sent.start_char + m.start()) - 1)]
        is_word = any(c.isalnum() for c in raw)
        units.extend(_Unit(raw, part, token, is_word) for part in parts)
    return units


def _at(units: list[_Unit], i: int, seq: tuple[str, ...]) -> bool:
    # Word by word, so that most candidates stop at their second word.
    if i + len(seq) > len(units):
        return False
    return all(units[i + k].text == word for k, word in enumerate(seq))


def _prev(units: list[_Unit], i: int) -> _Unit | None:
    return units[i - 1] if i > 0 else None


def _next(units: list[_Unit], i: int) -> _Unit | None:
    return units[i] if i < len(units) else None


def _starts_clause(units: list[_Unit], i: int) -> bool:
    prev = _prev(units, i)
    return prev is None or not prev.is_word


def _first_word(units: list[_Unit]) -> int | None:
    return next((i for i, u in enumerate(units) if u.is_word), None)


def _is_noun_after_determiner(units: list[_Unit], i: int) -> bool:
    prev = _prev(units, i)
    if prev is None:
        return False
    if prev.text in _DETERMINERS:
        return True
    before = _prev(units, i - 1)
    return prev.token.pos_ == "ADJ" and before is not None and before.text in _DETERMINERS


def _is_participle(unit: _Unit) -> bool:
    return "Part" in unit.token.morph.get("VerbForm")


def _si_is_condition(units: list[_Unit], i: int, nxt: _Unit | None) -> bool:
    if nxt is None or not nxt.is_word:
        return False
    # The intensifier: `si fatigué`, `si vite`, `si lentement`.
    if nxt.token.pos_ == "ADJ" or nxt.text in _DEGREE_ADVERBS or _is_participle(nxt):
        return False
    if nxt.token.pos_ == "ADV" and nxt.text.endswith("ment"):
        return False
    # An indirect question: `on ne sait pas si`, `je me demande si`.
    j = i - 1
    while j >= 0 and units[j].text in _BEFORE_SI_SKIP:
        j -= 1
    if j < 0:
        return True
    verb = units[j]
    return not (
        verb.token.lemma_.lower() in _INDIRECT_QUESTION_VERBS
        or verb.text.startswith(_QUESTION_STEMS)
    )


def _accept(key: str, units: list[_Unit], i: int, end: int) -> bool:
    """Whether the phrase `key`, found at units[i:end], is used as a connector here."""
    prev, nxt = _prev(units, i), _next(units, end)
    if key == "or":
        if _is_noun_after_determiner(units, i) or (nxt is not None and nxt.text in _OR_NOUN_NEXT):
            return False
        return _starts_clause(units, i) or units[i].token.pos_ not in ("NOUN", "PROPN", "ADJ")
    if key == "car":
        return not _is_noun_after_determiner(units, i)
    if key == "comme":
        return i == _first_word(units)
    if key == "si":
        return _si_is_condition(units, i, nxt)
    if key == "aussi":
        # `aussi grand que` compares; `aussi` before a verb or a noun adds.
        if nxt is not None and (nxt.token.pos_ in ("ADJ", "ADV") or _is_participle(nxt)):
            return not any(u.text == "que" for u in units[end + 1 : end + 5])
        return True
    if key == "bref":  # not the adjective (`un bref discours`)
        return _starts_clause(units, i) or (nxt is not None and nxt.raw == ",")
    if key == "puis":
        return prev is None or prev.text not in ("je", "ne", "n’")
    if key in ("quand", "d’où"):
        return units[-1].raw != "?"
    if key == "outre":
        return prev is None or prev.token.lemma_.lower() != "passer"
    if key == "d’ailleurs":
        return prev is None or prev.token.lemma_.lower() not in ("venir", "provenir", "arriver")
    if key == "de même":
        return nxt is None or nxt.token.pos_ != "NOUN"
    if key in _TOUT_PHRASES:
        return nxt is None or nxt.text not in _TOUT_NOUN_NEXT
    if key in _CLAUSE_START:
        return prev is None or not prev.is_word or prev.token.pos_ in _CLAUSE_POS
    if key in _NEEDS_PUNCT_AFTER:
        return nxt is not None and not nxt.is_word
    return True


def _singles(units: list[_Unit]) -> list[tuple[int, int, str]]:
    """One-part connectors as (start, end, phrase): the longest accepted phrase wins."""
    found, i = [], 0
    n = len(units)
    while i < n:
        step = 1
        following = units[i + 1].text if i + 1 < n else None
        for seq, key in _INDEX.get(units[i].text, ()):
            if len(seq) > 1 and seq[1] != following:
                continue  # most phrases part ways at their second word: skip the full test
            if _at(units, i, seq) and (key is None or _accept(key, units, i, i + len(seq))):
                if key is not None:
                    found.append((i, i + len(seq), key))
                step = len(seq)
                break
        i += step
    return found


def _part_ok(part: str, units: list[_Unit], i: int, first: bool) -> bool:
    """Extra conditions on one part of a two-part connector at units[i]."""
    prev = _prev(units, i)
    if part in _CORRELATIVES:
        # `Plus il pleut, plus …`: the first at the very start, the second after a comma.
        if first:
            return i == _first_word(units)
        return prev is not None and prev.raw == ","
    if part == "soit":
        return prev is None or prev.text not in _SUBJECT_BEFORE_SOIT  # not `qu’il soit`
    return True


def _word_index(units: list[_Unit]) -> dict[str, list[int]]:
    """Where each word stands in a sentence, so that a pair part is looked up, not searched."""
    index: dict[str, list[int]] = {}
    for i, unit in enumerate(units):
        index.setdefault(unit.text, []).append(i)
    return index


def _positions(units: list[_Unit], index: dict[str, list[int]], seq: tuple[str, ...]) -> list[int]:
    return [i for i in index.get(seq[0], ()) if _at(units, i, seq)]


_Pair = tuple[int, str, list[tuple[int, int]]]  # start, key, spans of this sentence


def _pairs(units: list[_Unit], previous: list[_Unit] | None) -> list[_Pair]:
    """Two-part connectors: in this sentence, or opened in the previous one."""
    candidates: list[_Pair] = []
    start = _first_word(units)
    here = _word_index(units)
    before = _word_index(previous) if previous is not None else {}
    for a, b, seq_a, seq_b in _PAIRS:
        key = f"{a}{_ELLIPSIS}{b}"
        seconds = [j for j in _positions(units, here, seq_b) if _part_ok(b, units, j, False)]
        for i in _positions(units, here, seq_a):
            later = [j for j in seconds if j >= i + len(seq_a)]
            if later and _part_ok(a, units, i, True):
                j = later[0]
                candidates.append((i, key, [(i, i + len(seq_a)), (j, j + len(seq_b))]))
                break
        if (
            previous is not None
            and start in seconds
            and a not in _CORRELATIVES
            and any(_part_ok(a, previous, i, True) for i in _positions(previous, before, seq_a))
        ):
            candidates.append((start, key, [(start, start + len(seq_b))]))
    # Longest parts first (`non seulement … mais aussi` over `… mais`), no overlaps.
    candidates.sort(key=lambda c: -sum(e - s for s, e in c[2]))
    chosen: list[_Pair] = []
    used: set[int] = set()
    for cand in candidates:
        cells = {k for s, e in cand[2] for k in range(s, e)}
        if not cells & used:
            chosen.append(cand)
            used |= cells
    return chosen


def find_connectors(sent: Span, previous: Span | None = None) -> list[str]:
    """The connectors of a sentence, in order; two-part ones as `d’une part … d’autre part`.

    `previous` is the sentence before (same block): a two-part connector whose second part
    opens `sent` and whose first part is in `previous` counts for `sent`.
    """
    units = _units(sent)
    pairs = _pairs(units, _units(previous) if previous is not None else None)
    covered = {k for _, _, spans in pairs for s, e in spans for k in range(s, e)}
    found = [(s, key) for s, e, key in _singles(units) if not covered & set(range(s, e))]
    found += [(s, key) for s, key, _ in pairs]
    return [key for _, key in sorted(found, key=lambda f: f[0])]


def connector_role(connector: str) -> str | None:
    """The role of a connector returned by `find_connectors` (`two-part` for a pair)."""
    if _ELLIPSIS in connector:
        return "two-part"
    return ROLES.get(connector)


def sentence_opening(sent: Span) -> str | None:
    """The key for "consecutive sentences start alike": the first word, lower case.

    An article or determiner (`le`, `une`, `ces`…) or an elided word (`c’`, `l’`) is not
    enough on its own, so the next word joins it: `le président`, `l’équipe`, `c’est`.
    None when the span has no word.
    """
    words = [m.group() for m in _WORD_RE.finditer(normalise(sent.text))]
    words = [w for w in words if any(c.isalnum() for c in w)]
    if not words:
        return None
    first = words[0]
    if (first in ARTICLES or first.endswith("’")) and len(words) > 1:
        return first + ("" if first.endswith("’") else " ") + words[1]
    return first
