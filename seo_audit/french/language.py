"""Language identification from function words, in pure Python.

Every language writes most of its running text with a few dozen short words (articles,
prepositions, pronouns, auxiliaries). Counting them tells French from English, Spanish,
German, Italian, Portuguese and Dutch on a paragraph of 15 words or more, and a few
English names or brand names inside French prose weigh little against the French `de`,
`la`, `les`, `et`, `qui` around them.

A word listed for several languages (`de` is French, Spanish and Portuguese) counts for
each of them, divided by how many share it; letters that only one language writes (ñ for
Spanish, ß for German, ã/õ for Portuguese, œ for French) add a small bonus.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence

UNDETERMINED = "und"


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The most frequent function words of each language, written out for this project.
FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "fr": _wordset("""
        le la les l’ un une des du de d’ et ou en à au aux ce cet cette ces qui que qu’
        quoi dont où ne n’ pas plus il ils elle elles on nous vous je j’ tu se s’ sa son
        ses leur leurs mon ma mes notre nos votre vos est sont était étaient été être
        avoir a ont avait sera pour par dans sur avec sans sous entre vers chez mais donc
        car ni comme aussi très tout tous toute toutes même peu après avant depuis
        pendant lui y c’ cela ceci celui celle ceux déjà ici là si alors quand lorsque
        puis moins selon contre parmi ainsi toujours jamais rien autre autres chaque
        plusieurs cependant fait peut trop devant encore vers
    """),
    "en": _wordset("""
        the a an and or but of to in on at by for with from about into over after
        before between under without through during is are was were be been being has
        have had do does did will would can could should may might must not no this
        that these those it its he she they we you i his her their our your my them him
        us who whom which what when where why how there here than then so as if because
        while also very more most some any all each other such only just own same both
        few many much being up out off again once
    """),
    "es": _wordset("""
        el la los las un una unos unas de del al y o pero en con por para sin sobre
        entre hasta desde hacia según que qué quien cual cuando donde como es son era
        eran fue fueron ser estar está están ha han había hay se su sus lo le les me te
        nos mi mis tu tus nuestro nuestra este esta estos estas ese esa esos esas muy
        más menos también ya no sí porque aunque pues todo todos toda todas otro otra
        otros otras cada mismo misma sino ni tan tanto bien así él ella ellos ellas
        nosotros usted durante tras
    """),
    "de": _wordset("""
        der die das den dem des ein eine einen einem einer eines und oder aber doch in
        im an am auf aus bei mit nach von vom zu zum zur für über unter vor zwischen
        durch gegen ohne um ist sind war waren sein hat haben hatte wird werden wurde
        kann können muss nicht kein keine auch noch schon nur sehr mehr wie als wenn
        weil dass ob so ich du er sie es wir ihr sich mir mich dir ihm ihn ihnen uns
        sein seine ihre ihren dieser diese dieses jeder alle man hier dort dann denn
        wieder immer
    """),
    "it": _wordset("""
        il lo la i gli le l’ un uno una un’ di del dello della dei degli delle dell’ a
        al allo alla ai agli alle all’ da dal dalla dai dalle dall’ in nel nello nella
        nei negli nelle nell’ su sul sulla sui sulle sull’ con per tra fra e ed o ma però
        anche che chi cui non è sono era erano essere stato stata ha hanno aveva si ci
        vi ne mi ti suo sua suoi sue loro questo questa questi queste quello quella
        molto più meno già ancora come quando dove perché se così tutto tutti tutta ogni
        poi solo dopo prima senza c’ nostro nostra durante abbiamo ho hai dove
    """),
    "pt": _wordset("""
        o a os as um uma uns umas de do da dos das no na nos nas ao aos à às em por pelo
        pela pelos pelas para com sem sobre entre até desde e ou mas porém que quem qual
        quando onde como é são era eram foi foram ser estar está estão tem têm tinha há
        se seu sua seus suas ele ela eles elas lhe lhes me te nós você este esta estes
        estas esse essa isso isto aquele aquela muito mais menos também já não sim
        porque embora todo todos toda todas outro outra cada mesmo mesma então ainda
        depois antes meu minha nosso nossa durante num numa deste desta neste nesta
    """),
    "nl": _wordset("""
        de het een en of maar want dus van in op aan met voor door naar uit bij over
        onder tussen tegen zonder tot om na sinds is zijn was waren ben bent heeft
        hebben had wordt worden werd kan kunnen moet zal zou niet geen ook nog al wel
        heel meer dan als dat die dit deze wat wie waar wanneer hoe omdat terwijl ik jij
        je hij zij ze wij we jullie u mij hem haar ons hun zich er hier daar mijn zijn
        onze alle elke veel weinig nu toen altijd nooit
    """),
}

# Letters written by one language of the seven (or nearly so), with their bonus per word.
CHARACTER_CUES: dict[str, str] = {
    "fr": "éèêœûùîïë",
    "es": "ñ¿¡",
    "de": "ßäöü",
    "pt": "ãõ",
    "it": "òì",
}
# Word endings (or, for Dutch, a letter pair) typical of one language.
WORD_CUES: dict[str, tuple[str, ...]] = {
    "es": ("ción", "ciones"),
    "pt": ("ção", "ções", "ão"),
    "it": ("zione", "zioni"),
    "de": ("ung", "ungen", "lich"),
    "nl": ("ij",),
}
_CUE_WEIGHT = 0.3

_APOSTROPHES = str.maketrans({"'": "’", "ʼ": "’"})
_WORD_RE = re.compile(r"[^\W\d_]+(?:’(?=[^\W\d_]))?|[¿¡]")
# Below this much evidence the answer is "und".
_MIN_WORDS = 3
_MIN_SCORE = 1.5

_SHARE: Counter[str] = Counter(w for words in FUNCTION_WORDS.values() for w in words)


def _words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).lower()
    return _WORD_RE.findall(text)


def language_scores(text: str) -> dict[str, float]:
    """Evidence for each language: function words (shared ones split) plus letter cues."""
    scores = dict.fromkeys(FUNCTION_WORDS, 0.0)
    for word in _words(text):
        for lang, value in _word_evidence(word):
            scores[lang] += value
    return scores


@functools.lru_cache(maxsize=65536)
def _word_evidence(word: str) -> tuple[tuple[str, float], ...]:
    """What one word says for each language (cached: articles repeat the same words)."""
    found: list[tuple[str, float]] = []
    for lang, words in FUNCTION_WORDS.items():
        if word in words:
            found.append((lang, 1.0 / _SHARE[word]))
    for lang, letters in CHARACTER_CUES.items():
        if any(c in letters for c in word):
            found.append((lang, _CUE_WEIGHT))
    for lang, cues in WORD_CUES.items():
        if any(word.endswith(cue) if lang != "nl" else cue in word for cue in cues):
            found.append((lang, _CUE_WEIGHT))
    return tuple(found)


def detect_language(text: str) -> tuple[str, float]:
    """The ISO 639-1 code of `text` and a confidence in [0, 1]; `und` when unsure.

    The confidence is a softmax of the scores: near 1 when the best language leads by
    several function words, about 1/2 or less on a close call or on very little evidence.
    """
    if len([w for w in _words(text) if w not in "¿¡"]) < _MIN_WORDS:
        return UNDETERMINED, 0.0
    scores = language_scores(text)
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    best, top = ranked[0]
    if top < _MIN_SCORE:
        return UNDETERMINED, 0.0
    # Shifted by the top score so that exp() never overflows on a long article.
    confidence = 1.0 / sum(math.exp(score - top) for score in scores.values())
    return best, round(confidence, 3)


def is_french(text: str) -> bool:
    """True when `text` is identified as French."""
    return detect_language(text)[0] == "fr"


def language_shares(texts: Sequence[str]) -> dict[str, float]:
    """Share of the words written in each language, each text taken as one language."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts[detect_language(text)[0]] += len(_words(text))
    total = sum(counts.values())
    return {lang: round(n / total, 3) for lang, n in counts.most_common()} if total else {}
