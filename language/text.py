"""Locale handling and text normalisation (case and accent folding, tokens) shared by the recognizers."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["detect_locale", "fold", "normalize_locale", "tokens"]

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def normalize_locale(locale: object) -> str:
    """`"fr"` for any French tag (`fr`, `fr-FR`, `fr_CA`, ...), otherwise `"en"`."""
    if isinstance(locale, str) and locale.strip().lower()[:2] == "fr":
        return "fr"
    return "en"


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes and spaces: "Réunion  d’équipe" -> "reunion d'equipe"."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES).lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    """Folded word tokens; French elisions are split ("l'agenda" -> "l'", "agenda")."""
    out: list[str] = []
    for word in _WORD.findall(fold(text)):
        head, sep, tail = word.partition("'")
        if sep and len(head) <= 2 and head in _ELIDED:
            out.append(head + "'")
            out.append(tail)
        else:
            out.append(word)
    return out


_ELIDED = frozenset({"l", "d", "j", "m", "t", "s", "n", "c", "qu", "jusqu", "lorsqu", "puisqu"})

# Words that are frequent in one language and rare in the other. Accent-folded.
_FR_WORDS = frozenset(
    "le la les un une des du de au aux et est je tu il elle nous vous mon ma mes ton ta tes son sa ses "
    "votre vos notre nos ce cette ces qui que quoi quel quelle quels quelles avec pour dans sur par pas "
    "ne plus moi toi lui leur demain aujourd'hui hier semaine prochain prochaine matin soir apres-midi "
    "reunion reunions rendez-vous tache taches liste courses ajoute ajouter ajoutez supprime supprimer "
    "annule annuler affiche afficher montre montrer moi oui non merci bonjour salut bonsoir aide "
    "envoie envoyer courriel courriels mail mails fichiers partages contact contacts planifie cree creer "
    "lundi mardi mercredi jeudi vendredi samedi dimanche heure heures minutes quand ou est-ce c'est "
    "qu'est-ce suis ai as avons avez ont sont etre avoir fais faire fait deplace deplacer decale "
    "termine terminer marque marquer j' l' d' m' qu' c' n' s' t' jusqu' mon".split()
)
_EN_WORDS = frozenset(
    "the a an and is are i you he she we they my your our their this that these those what which who "
    "with for in on at by to of from not no yes please me him her them tomorrow today yesterday week "
    "next morning evening afternoon meeting meetings appointment task tasks list show tell find add "
    "delete remove cancel create schedule move set mark done complete send email emails mail files "
    "shared contact contacts hi hello hey thanks help when where how do does did can could would will "
    "have has had be am was were it's what's i'm i'd let's monday tuesday wednesday thursday friday "
    "saturday sunday hour hours minutes my any all".split()
)


@lru_cache(maxsize=4096)
def detect_locale(text: str) -> str:
    """Guess `"fr"` or `"en"` from the words of `text` (English when nothing tells them apart)."""
    folded = fold(text)
    fr = en = 0.0
    for tok in tokens(text):
        if tok in _FR_WORDS:
            fr += 1.0
        if tok in _EN_WORDS:
            en += 1.0
    if any(c in text.lower() for c in "éèêàùçôîœ"):
        fr += 1.5
    if re.search(r"\b\d{1,2} ?h(?:\d{2})?\b", folded):
        fr += 1.0
    return "fr" if fr > en else "en"
