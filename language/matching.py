"""Which item the person names ("the call with the west coast", "budget", "l'atelier 7"): fuzzy title matching.

Titles and what was said are compared word by word after folding (case, accents, apostrophes, elisions),
number words ("seven", "sept") read as digits, and a few meeting words read the same in English and French
("atelier" is "workshop"). Words are scored with RapidFuzz, so a typo ("worshop", "west cost") still matches,
but numbers must be equal: "Workshop 7" is never "Workshop 6".

    best(query, items, key)  -> the items that match best, all of them when several match about equally
    names_something(phrase)  -> False for "my next meeting", "it", "my 3pm": phrases that name no item
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Generic, TypeVar

from rapidfuzz import fuzz

from .text import fold

__all__ = ["Scored", "best", "names_something", "rank", "score", "significant_words", "title_words"]

T = TypeVar("T")

#: Words that say nothing about which item is meant: articles, prepositions, pronouns, commands and the kinds
#: of item ("meeting", "tâche"), in English and French, folded.
_STOP = frozenset(
    """
    a an the to my me of for on in at and or as is it its this that these those from with about into by please
    i you we our your their his her up off out be are was will can could would should do does did what whats
    when where who whos how which show tell give open see display find get details detail info information
    move reschedule push pull shift postpone bring change cancel delete remove drop accept decline refuse
    reject join mark marked set complete completed done finish finished tick check
    meeting meetings event events appointment appointments invite invitation invitations session
    task tasks todo to-do item items list lists plan plans planner one thing link url teams lien
    le la les l de du des d un une au aux a pour mon ma mes ton ta tes notre nos votre vos son sa ses et ou en
    sur avec dans par ce cet cette ces qu que qui quoi quand quel quelle est c s il elle moi toi me te se y
    reunion reunions rendez-vous rdv evenement evenements invitation tache taches element elements liste
    listes montre affiche parle dis donne ouvre infos detail details deplace decale reporte avance repousse
    bouge change annule supprime efface accepte refuse decline rejoins rejoindre marque marquer termine
    terminer fait faite fini finie coche
    """.split()
)

#: Words that only place an item in time or in a list ("my 3pm", "tomorrow's", "the second"): they name no item.
_WHEN = frozenset(
    """
    today tonight tomorrow yesterday next last upcoming first current now this morning afternoon evening noon
    midnight week weekend day monday tuesday wednesday thursday friday saturday sunday am pm o'clock oclock
    aujourd'hui aujourd hui demain hier prochain prochaine prochains prochaines dernier derniere suivant
    suivante actuel actuelle maintenant matin apres-midi apres midi soir semaine jour lundi mardi mercredi
    jeudi vendredi samedi dimanche minuit heure heures second third fourth fifth deuxieme troisieme
    quatrieme cinquieme premier premiere derniere dernier
    """.split()
)
#: Words that name a kind of meeting more than one meeting: "join the call" is the current call, not one named "call".
_WEAK = frozenset({"call", "conference", "visio", "visioconference", "online"})
_TIME = re.compile(r"^\d{1,2}(?:am|pm|h\d{0,2})$")  # "3pm", "15h", "15h30" ("15:30" is read as 15 and 30)

_NUMBERS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12", "thirteen": "13", "fourteen": "14",
    "fifteen": "15", "sixteen": "16", "seventeen": "17", "eighteen": "18", "nineteen": "19", "twenty": "20",
    "un": "1", "une": "1", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5", "sept": "7", "huit": "8",
    "neuf": "9", "dix": "10", "onze": "11", "douze": "12", "treize": "13", "quatorze": "14", "quinze": "15",
    "seize": "16", "vingt": "20",
}
#: The same meeting words in both languages, read as one ("l'atelier 7" finds "Workshop 7").
_SAME = {
    "atelier": "workshop", "ateliers": "workshop", "workshops": "workshop", "dejeuner": "lunch",
    "lunches": "lunch", "appel": "call", "appels": "call", "calls": "call", "revue": "review",
    "formation": "training", "equipe": "team", "fournisseur": "supplier", "fournisseurs": "supplier",
    "suppliers": "supplier", "commandes": "orders", "commande": "orders", "order": "orders",
    "inventaire": "inventory", "salle": "room", "projet": "project",
}
_WORD = re.compile(r"[a-z0-9]+")
_ELISION = re.compile(r"\b(?:l|d|j|m|t|s|n|c|qu|jusqu|lorsqu|puisqu)'")
_KEEP_NUMBER = ("one", "un", "une")  # "one", "un", "une" are pronouns or articles far more often than numbers: read as numbers only after a word


def _canonical(word: str) -> str:
    return _SAME.get(word, word)


@lru_cache(maxsize=4096)
def title_words(text: str, *, keep_stop: bool = False) -> tuple[str, ...]:
    """The words of `text` that can tell items apart, folded, numbers as digits, shared words canonical."""
    folded = _ELISION.sub(" ", fold(text).replace("'s ", " ").replace("-", " "))
    raw = _WORD.findall(folded)
    out: list[str] = []
    for index, word in enumerate(raw):
        if word.isdigit():
            out.append(str(int(word)))  # "Task 07" is task 7
        elif word in _NUMBERS and (word not in _KEEP_NUMBER or index > 0 and raw[index - 1] not in _STOP | _WHEN):
            out.append(_NUMBERS[word])
        elif keep_stop or word not in _STOP:
            out.append(_canonical(word))
    return tuple(out)


def significant_words(phrase: str) -> tuple[str, ...]:
    """The words of `phrase` that name an item: no stop word, no day or clock time ("my 3pm", "tomorrow's")."""
    words = [w for w in title_words(phrase) if w not in _WHEN and not _TIME.match(w)]
    return tuple(words)


def names_something(phrase: str | None, *, besides: Sequence[str] = (), kinds: bool = False) -> bool:
    """Whether `phrase` names an item, once the words of the names in `besides` (people) are set aside; with
    `kinds`, a word like "call" counts ("l'appel avec Seattle" may be a title even if Seattle were a person)."""
    if not phrase:
        return False
    others = {w for name in besides for w in title_words(name, keep_stop=True)}
    words = [w for w in significant_words(phrase) if w not in others]
    return any(not w.isdigit() and (kinds or w not in _WEAK) for w in words)


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _similar(said: str, word: str) -> float:
    """How much one word said is one word of a title: 1 equal, 0.9 a prefix or plural, a RapidFuzz ratio for a
    typo, 0 otherwise; words with digits must be equal."""
    if said == word:
        return 1.0
    if _has_digit(said) or _has_digit(word):
        return 0.0
    if len(said) >= 3 and len(word) >= 3 and (word.startswith(said) or said.startswith(word)):
        return 0.9
    if min(len(said), len(word)) < 4:
        return 0.0
    ratio = fuzz.ratio(said, word) / 100.0
    return ratio if ratio >= 0.8 else 0.0


def score(query: str, title: str) -> float:
    """How well `title` matches what was said, in [0, 1]; 0 when a number said is not in the title, or when less
    than half of the words said are in it."""
    said = significant_words(query) or title_words(query) or title_words(query, keep_stop=True)
    words = title_words(title) or title_words(title, keep_stop=True)
    if not said or not words:
        return 0.0
    if any(w.isdigit() and w not in words for w in said):
        return 0.0
    said_cover = sum(max(_similar(s, w) for w in words) for s in said) / len(said)
    if said_cover < 0.6:
        return 0.0
    title_cover = sum(max(_similar(s, w) for s in said) for w in words) / len(words)
    whole = 0.05 if " ".join(said) == " ".join(words) else 0.0
    return min(1.0, 0.75 * said_cover + 0.2 * title_cover + whole)


@dataclass(frozen=True, slots=True)
class Scored(Generic[T]):
    """One item and its score."""

    item: T
    score: float


def rank(query: str, items: Sequence[T], key: Callable[[T], str]) -> list[Scored[T]]:
    """The items that match `query` at all, best first (ties keep the items' order)."""
    scored = [Scored(item, score(query, key(item))) for item in items]
    matched = [s for s in scored if s.score > 0]
    return sorted(matched, key=lambda s: -s.score)


#: Items scoring within this of the best match about equally: the person is asked which one.
MARGIN = 0.08


def best(query: str, items: Sequence[T], key: Callable[[T], str], *, margin: float = MARGIN) -> list[T]:
    """The best matches of `query` among `items`: one item, several that match about equally, or none."""
    ranked = rank(query, items, key)
    if not ranked:
        return []
    top = ranked[0].score
    return [s.item for s in ranked if s.score >= top - margin]
