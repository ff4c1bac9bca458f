"""French passive voice detection from the dependency parse of fr_core_news_md.

The parser marks passives with ``aux:pass``, ``nsubj:pass`` and ``Voice=Pass``, but it also
puts ``aux:pass`` on verbs that simply take *être* in compound tenses ("il est arrivé",
"elle est devenue ministre"). This module keeps the parse as the backbone and applies
French grammar on top of it.

What counts as passive:

* *être* + past participle of a transitive verb, in any tense or mood, finite or infinitive:
  "le pont a été fermé", "les résultats seront publiés", "elle fut élue", "doit être réparé".
  A passive inside a subordinate or relative clause counts for the whole sentence.
* The pronominal passive, for a short list of transitive verbs whose subject is not a
  person: "ce livre se vend bien", "ce plat se mange froid", "les billets se sont vendus".
  Verbs prone to a reciprocal reading ("se parler", "se voir"...) need a singular subject,
  because a reciprocal needs several people: "le basque se parle" is passive, "les deux
  dirigeants se parlent" is not.
* *se faire* + infinitive: "il s'est fait arrêter", "elle se fera opérer".

What does not:

* *être* + participle of the verbs that take *être* as their tense auxiliary (aller, venir,
  arriver, partir, naître, mourir, devenir, rester, tomber, passer... and compounds):
  "il est rentré" is a compound past. "a été" + such a participle stays passive
  ("il a été sorti de l'équipe"), since these verbs never build their past with "a été".
* Reflexive or pronominal compound tenses: "elle s'est levée", "nous nous sommes trompés".
* *avoir* + participle, participles inside a noun phrase ("les mesures prises par..."),
  *rester / sembler* + participle, true adjectives after *être*, "être en train de".

Stative readings are not passive: "la porte est fermée", "le magasin est ouvert le dimanche",
"il est connu pour ses romans" describe a state of the subject, not an action done to it.
The parse cannot tell them apart, so two word-based rules decide:

* a short closed list of participles that have become adjectives of a person's feeling or
  condition, or of location ("désolé", "ravi", "fatigué", "convaincu", "situé", "censé"...)
  are passive only with a "par" agent ("déçu par le résultat");
* participles that usually name a resulting state ("fermé", "ouvert", "connu", "limité",
  "équipé", "marié"...), or any participle after a degree adverb ("bien desservi", "très
  apprécié"), are not passive after a present or imperfect *être* without an agent; an
  event tense makes them passive again ("a été fermée", "sera ouvert", "fut construit",
  "doit être fermé"), and so does a "par" agent ("fermée chaque soir par le gardien").

A participle outside the list after a present *être* stays passive ("les ordures sont
ramassées le mardi", "le vaccin est administré en deux doses"): the action is usual, not a
state. The idiom "être fait pour" (suited to) is not passive either.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from seo_audit.french.text import normalise, word_lists
from seo_audit.french.tokens import doc_tokens, per_doc

_LISTS = word_lists("passive")

# Past participles (masculine singular) of the verbs whose compound tenses use "être".
_ETRE_VERB_PARTICIPLES = _LISTS["etre-verb-participles"]

# Participles used as adjectives of feeling, condition or location: passive only with "par".
_ADJECTIVAL_PARTICIPLES = _LISTS["adjectival-participles"]

# Participles that usually name a resulting state: not passive after a present or
# imperfect "être" without an agent.
_STATE_PARTICIPLES = _LISTS["state-participles"]

# Degree adverbs that make a participle read as an adjective ("bien desservi", "très connu").
_DEGREE_ADVERBS = frozenset(_LISTS["degree-adverbs"])

# Verbs that also read as reciprocal ("ils se parlent"): singular subject only.
_RECIPROCAL_PRONE_VERBS = frozenset(_LISTS["reciprocal-prone-verbs"])
# Transitive verbs that commonly form a pronominal passive with a non-human subject.
_PRONOMINAL_PASSIVE_VERBS = frozenset(_LISTS["pronominal-passive-verbs"]) | _RECIPROCAL_PRONE_VERBS

# Pronoun subjects that cannot be a person, so they allow a pronominal passive.
_NON_HUMAN_PRONOUNS = frozenset(_LISTS["non-human-pronouns"])

# Noun endings that mostly name people (joueur, électrice, cycliste, habitant, policier...).
_HUMAN_NOUN_SUFFIXES = _LISTS["human-noun-suffixes"]
# ...except these nouns of things (bière, moteur, restaurant, papier).
_THING_NOUNS = frozenset(_LISTS["thing-nouns-with-human-suffix"])

_REFLEXIVE_CLITICS = frozenset(_LISTS["reflexive-clitics"])
# me/te/nous/vous are reflexive only when they match the subject ("il nous est présenté" is not).
_CLITIC_SUBJECTS = {
    "me": {"je", "j’"},
    "m’": {"je", "j’"},
    "te": {"tu"},
    "t’": {"tu"},
    "nous": {"nous"},
    "vous": {"vous"},
}
_CLITIC_DEPS = frozenset({"expl:comp", "expl:pass", "expl:pv", "expl", "obj", "iobj"})
_SUBJECT_DEPS = ("nsubj", "nsubj:pass", "expl:subj")
_AUX_DEPS = frozenset({"aux:pass", "aux:tense", "aux"})
# Dependencies that open a clause of their own.
_CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "advcl", "ccomp", "csubj", "parataxis", "conj"})


def _inflections(participles: Iterable[str]) -> frozenset[str]:
    """Masculine singular participles plus their feminine and plural forms."""
    forms: set[str] = set()
    for p in participles:
        forms.update({p, p + "e", p + "es"})
        if not p.endswith("s"):
            forms.add(p + "s")
    return frozenset(forms)


_ETRE_VERB_FORMS = _inflections(_ETRE_VERB_PARTICIPLES)
_ADJECTIVAL_FORMS = _inflections(_ADJECTIVAL_PARTICIPLES)
_STATE_FORMS = _inflections(_STATE_PARTICIPLES)
# Tenses of "être" that can describe a state; the others report an event.
_STATE_TENSES = frozenset({"Pres", "Imp"})
_PARTICIPLE_ENDINGS = ("é", "i", "u", "s", "t", "ée", "ie", "ue", "se", "te")


def _is_participle(token: Token) -> bool:
    """A past participle, even when the tagger called it ADJ or NOUN ("partis", "mort")."""
    if "Part" in token.morph.get("VerbForm"):
        return True
    if token.pos_ not in ("ADJ", "NOUN"):
        return False
    word = token.lower_.removesuffix("s")
    return word.endswith(_PARTICIPLE_ENDINGS)


def _etre_auxiliaries(verb: Token) -> list[Token]:
    """The forms of "être" attached to `verb` as auxiliary (or as copula of a participle)."""
    deps = _AUX_DEPS | {"cop"} if "Part" in verb.morph.get("VerbForm") else _AUX_DEPS
    return [c for c in verb.children if c.dep_ in deps and c.lemma_ == "être"]


def _has_agent(verb: Token) -> bool:
    """An agent complement: the parser's obl:agent, or any oblique introduced by "par"."""
    for child in verb.children:
        if child.dep_ == "obl:agent":
            return True
        if child.dep_.startswith("obl") and any(
            c.dep_ == "case" and c.lower_ == "par" for c in child.children
        ):
            return True
    return False


def _reads_as_state(verb: Token, auxiliaries: list[Token]) -> bool:
    """ "La porte est fermée", "le quartier est bien desservi": a state, not an action.

    Only after a finite present or imperfect "être" (indicative or subjunctive) and without
    an agent; the participle must be a listed state participle or follow a degree adverb.
    """
    for aux in auxiliaries:
        tense = aux.morph.get("Tense")
        if (
            "Fin" not in aux.morph.get("VerbForm")
            or "Cnd" in aux.morph.get("Mood")
            or not tense
            or tense[0] not in _STATE_TENSES
        ):
            return False
    if verb.lower_ not in _STATE_FORMS and not any(
        c.dep_ == "advmod" and c.i < verb.i and c.lower_ in _DEGREE_ADVERBS for c in verb.children
    ):
        return False
    return not _has_par_agent(verb)


def _has_par_agent(verb: Token) -> bool:
    """A "par" complement after the participle, in its own clause, even when the parser hung
    it on another word ("fermée chaque soir par le gardien"). A "de" complement does not
    count: "composé de...", "entouré de..." say what the state is made of, not who acts."""
    for token in verb.subtree:
        if token.i <= verb.i or token.lower_ != "par" or token.dep_ != "case":
            continue
        node = token.head
        # verb.subtree holds token, so climbing the heads reaches verb.
        while node.i != verb.i and node.dep_ not in _CLAUSE_DEPS:
            node = node.head
        if node.i == verb.i:
            return True
    return False


def _subject(verb: Token) -> Token | None:
    """The verb's subject, looking through xcomp/conj chains and relative pronouns."""
    current = verb
    for _ in range(4):
        for child in current.children:
            if child.dep_ in _SUBJECT_DEPS:
                if "Rel" in child.morph.get("PronType") and current.dep_ == "acl:relcl":
                    return current.head
                return child
        if current.dep_ in ("xcomp", "conj") and current.head is not current:
            current = current.head
        else:
            return None
    return None


def _reflexive_clitic(verb: Token) -> Token | None:
    """A reflexive clitic pronoun before the verb that agrees with its subject."""
    subject = _subject(verb)
    for child in verb.children:
        if child.i > verb.i or child.pos_ != "PRON" or child.dep_ not in _CLITIC_DEPS:
            continue
        word = normalise(child.text)
        if word not in _REFLEXIVE_CLITICS:
            continue
        persons = _CLITIC_SUBJECTS.get(word)
        if persons is None or subject is None or normalise(subject.text) in persons:
            return child
    return None


def _is_human(subject: Token) -> bool:
    """A rough animacy test: pronouns other than ça/cela..., names, agent nouns."""
    if subject.pos_ == "PRON":
        return normalise(subject.text) not in _NON_HUMAN_PRONOUNS
    if subject.pos_ == "PROPN" or subject.ent_type_ == "PER":
        return True
    lemma = subject.lemma_.lower()
    return lemma not in _THING_NOUNS and lemma.endswith(_HUMAN_NOUN_SUFFIXES)


def _is_pronominal_passive(verb: Token) -> bool:
    """ "Ce livre se vend bien", "les billets se sont vendus": se + listed verb + thing."""
    if verb.pos_ != "VERB" or verb.lemma_ not in _PRONOMINAL_PASSIVE_VERBS:
        return False
    clitic = _reflexive_clitic(verb)
    if clitic is None or normalise(clitic.text) not in ("se", "s’"):
        return False
    if verb.lemma_ == "faire" and _infinitive_of_faire(verb) is not None:
        return False  # handled as "se faire + infinitive"
    subject = _subject(verb)
    if subject is None or _is_human(subject):
        return False
    if verb.lemma_ in _RECIPROCAL_PRONE_VERBS:
        return "Plur" not in subject.morph.get("Number")
    return True


def _infinitive_of_faire(faire: Token) -> Token | None:
    """The infinitive that a form of "faire" governs, in either parse the model produces."""
    head = faire.head
    if faire.dep_ != "ROOT" and head.i > faire.i and "Inf" in head.morph.get("VerbForm"):
        return head
    for child in faire.children:
        is_infinitive = "Inf" in child.morph.get("VerbForm")
        if child.i > faire.i and is_infinitive and child.dep_ in ("xcomp", "ccomp", "obj"):
            return child
    return None


def _se_faire_passive(faire: Token) -> Token | None:
    """ "Il s'est fait arrêter": returns the infinitive, or None."""
    if faire.lemma_ != "faire":
        return None
    infinitive = _infinitive_of_faire(faire)
    if infinitive is None:
        return None
    clitic = _reflexive_clitic(faire) or _reflexive_clitic(infinitive)
    return infinitive if clitic is not None else None


def _is_etre_passive(verb: Token) -> bool:
    """être + participle of a transitive verb, with the exceptions of the module docstring."""
    if verb.pos_ not in ("VERB", "ADJ", "NOUN") or not _is_participle(verb):
        return False
    auxiliaries = _etre_auxiliaries(verb)
    if not auxiliaries:
        return False
    if _reflexive_clitic(verb) is not None:
        return False  # "elle s'est levée": a pronominal compound tense
    # "a été" + participle: only a passive builds its past with "été".
    has_ete = any("Part" in aux.morph.get("VerbForm") for aux in auxiliaries)
    word = verb.lower_
    if word in _ETRE_VERB_FORMS and not has_ete:
        return False
    if word in _ADJECTIVAL_FORMS and not _has_agent(verb):
        return False
    if not has_ete and _reads_as_state(verb, auxiliaries):
        return False
    # "être fait pour": suited to, not a passive of "faire".
    return not (
        verb.lemma_ == "faire"
        and not has_ete
        and not _has_agent(verb)
        and any(t.lower_ == "pour" for t in verb.subtree if t.i > verb.i)
    )


def _coordinated_participles(verb: Token) -> list[Token]:
    """ "Il a été arrêté puis placé en garde à vue": conjuncts sharing the auxiliary."""
    found = []
    for child in verb.children:
        if (
            child.dep_ == "conj"
            and child.pos_ == "VERB"
            and "Part" in child.morph.get("VerbForm")
            and not any(c.dep_ in _AUX_DEPS or c.dep_ in _SUBJECT_DEPS for c in child.children)
        ):
            found.append(child)
    return found


def passive_verbs(sent: Span) -> list[Token]:
    """The tokens that make `sent` passive, in text order.

    Participles for être passives, the conjugated verb for pronominal passives, and the
    infinitive for "se faire + infinitive".
    """
    found: dict[int, Token] = {}
    doc = sent.doc
    with_etre = _heads_of_etre(doc)
    lemmas = doc_tokens(doc).lemma
    for i in range(sent.start, sent.end):
        # Each test below needs what is checked before it (an être auxiliary or copula
        # among the token's children, a listed verb, « faire »): most tokens stop there,
        # read from the lemmas without making their Token.
        lemma = lemmas[i]
        if i not in with_etre and lemma not in _PRONOMINAL_PASSIVE_VERBS and lemma != "faire":
            continue
        token = doc[i]
        if i in with_etre and _is_etre_passive(token):
            found[i] = token
            for conj in _coordinated_participles(token):
                found[conj.i] = conj
        elif lemma in _PRONOMINAL_PASSIVE_VERBS and _is_pronominal_passive(token):
            found[i] = token
        elif lemma == "faire":
            infinitive = _se_faire_passive(token)
            if infinitive is not None:
                found[infinitive.i] = infinitive
    return [found[i] for i in sorted(found)]


@per_doc
def _heads_of_etre(doc: Doc) -> frozenset[int]:
    """The tokens with a form of « être » as auxiliary or copula among their children (see
    `_etre_auxiliaries`), found once per Doc."""
    return frozenset(
        t.head.i
        for t in (doc[i] for i, lemma in enumerate(doc_tokens(doc).lemma) if lemma == "être")
        if t.dep_ in _AUX_DEPS or t.dep_ == "cop"
    )


def is_passive_span(sent: Span) -> bool:
    """True when `sent` contains at least one passive construction."""
    return bool(passive_verbs(sent))
