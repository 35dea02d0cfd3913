"""Follow-ups, references and "more" in a message, by rules: "and tomorrow?", "move it to 4pm", "the second one".

    followup(text, entities)   -> FollowUp | None     "et jeudi ?", "what about Planner?", "and the day after?"
    reference(text, entities)  -> Reference | None    "cancel that", "supprime le premier", "the one with Megan"
    only_reference(text)       -> bool                the whole message only points ("the second one", "open it")
    is_more(text)              -> bool                "more", "show me more", "suivant", "la suite", "encore"

The dates, ordinals and names come from the recognizer's entities; these rules only tell what the words lean on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from .intents import rule_intent
from .models import Entities
from .text import fold

__all__ = ["SOURCES", "FollowUp", "Reference", "followup", "is_more", "only_reference", "reference", "says_day"]

_R = re.compile

#: Where a request reads from, and the list intent that reads there.
SOURCES: dict[str, str] = {
    "calendar": "calendar.agenda", "todo": "todo.list", "planner": "planner.list", "mail": "mail.list",
    "flagged": "mail.flagged",
}

_OPENER = _R(r"^(?:(?:ok|okay|alors|hmm|so|then)[ ,]+)?(?:and what about|and how about|what about|how about|and then|"
             r"same(?: thing)? for|same but for|same with|and for|and on|and|"
             r"et pour|et qu'en est-il d[eu]|qu'en est-il d[eu]|et du cote d[eu]|et cote|et|pareil pour|"
             r"meme chose pour|idem pour|la meme chose pour)\b[ ,]*")
_SHIFT = {
    _R(r"^(?:the )?(?:day after|next day|following day)$|^(?:le )?lendemain$|^le jour (?:d')?apres$|^le jour suivant$"): 1,
    _R(r"^(?:the )?(?:day before|previous day)$|^la veille$|^le jour d'avant$|^le jour precedent$"): -1,
}
_SOURCE_WORDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("planner", _R(r"^(?:(?:in|on|my|dans|sur|mon|mes) )*(?:planner|plans?)(?: tasks?| taches?)?$")),
    ("flagged", _R(r"^(?:(?:my|the|mes|les) )*(?:flagged(?: mail| emails?| messages?)?|(?:mails?|messages?|e-?mails?) "
                   r"(?:avec (?:un )?drapeau|signales?|marques?)|drapeaux?)$")),
    ("todo", _R(r"^(?:(?:in|on|my|the|dans|sur|mes|les|ma|la) )*(?:to ?do|to-do|tasks?|taches?|todo list)$")),
    ("mail", _R(r"^(?:(?:in|my|the|dans|mes|les|ma|la|mon) )*(?:mail|mails|e-?mails?|inbox|messages?|courriels?|"
                r"boite(?: de reception)?)$")),
    ("calendar", _R(r"^(?:(?:in|on|my|the|dans|sur|mon|ma|le|l') ?)*(?:calendar|agenda|calendrier|meetings?|reunions?)$")),
)
_FOR_PERSON = _R(r"^(?:for|with|pour|avec) (?P<name>[\w' -]+)$")
_DATE_WORDS = _R(r"^(?:(?:on|for|in|next|this|the|le|la|les|ce|cette|pour|a|au|en|de|du|prochaine?|d'|l')\s*)*"
                 r"(?:today|tomorrow|tonight|yesterday|aujourd'hui|demain|apres-demain|hier|(?:the )?day after tomorrow|"
                 r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|"
                 r"dimanche|week(?:end)?|semaine|week-end|month|mois|\d{1,2}(?:st|nd|rd|th|er)?|(?:the )?\d{1,2}/\d{1,2}|"
                 r"january|february|march|april|may|june|july|august|september|october|november|december|janvier|"
                 r"fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|"
                 r"morning|afternoon|evening|matin|apres-midi|soir)\b")

_IT = _R(r"\bit\b|\b(?:this|that)(?: one| meeting| event| task| invite| invitation)?(?=\s*(?:$|to|at|for|until|on|from|"
         r"as|off|please|done|complete|completed|by|back)\b)|"
         r"-(?:le|la|les)\b|\b(?:ca|cela|celui-ci|celle-ci|celui-la|celle-la)\b|"
         r"\b(?:le|la|l') ?(?:deplacer|annuler|supprimer|ouvrir|decaler|reporter|terminer|marquer)\b")
_WITH = _R(r"\b(?:the one|one|the meeting|celui|celle|la reunion|le rendez-vous) (?:with|avec) (?P<name>[\w' -]+?)\s*[?.!]*$")
_ONLY = _R(r"^(?:(?:and|et|ok|then|alors|so)[ ,]+)?(?:"
           r"(?:the |le |la |l')?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|1st|2nd|3rd|"
           r"[4-9]th|10th|premiere?|deuxieme|second|seconde|troisieme|quatrieme|cinquieme|sixieme|septieme|huitieme|"
           r"neuvieme|dixieme|derniere?)(?: one| meeting| task| item| reunion| tache| element)?|"
           r"(?:the one|celui|celle|la reunion|the meeting) (?:with|avec) [\w' -]+|"
           r"(?:open|show|show me|details of|ouvre|montre|montre-moi|affiche|details de) ?(?:it|that|that one|this one|-le|-la|"
           r"le|la|ca|celui-ci|celle-ci)|(?:ouvre|montre|affiche)-(?:le|la|moi ca)|"
           r"(?:numero|number|no\.?|#) ?\d{1,2})"
           r"(?: please| s'il (?:te|vous) plait| stp)?\s*[?.!]*$")


@dataclass(frozen=True, slots=True)
class FollowUp:
    """What an elliptical follow-up changes in the previous request; the rest is kept."""

    start: datetime | None = None
    end: datetime | None = None
    time_given: bool = False
    #: "the day after" is +1 day from the previous request's span, "the day before" -1.
    shift_days: int = 0
    #: "what about Planner?": a key of `SOURCES`.
    source: str | None = None
    #: "and for Megan?": the names as written (never stored).
    people: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Reference:
    """Words that point back: "it" / "that" (the last item), an ordinal of the last list, "the one with Megan"."""

    it: bool = False
    ordinal: int | None = None
    people: tuple[str, ...] = ()


def _clean(text: str) -> str:
    folded = fold(text).replace("\u2019", "'")
    return re.sub(r"\s+", " ", re.sub(r"[?!.,;:]+", " ", folded)).strip()


def followup(text: str, entities: Entities) -> FollowUp | None:
    """The follow-up a short message makes ("and tomorrow?", "et la semaine prochaine ?"), or None."""
    folded = _clean(text)
    opener = _OPENER.match(folded)
    if opener is None or not opener.group(0).strip():
        return None
    rest = folded[opener.end():].strip()
    if not rest or len(rest.split()) > 5:
        return None
    for pattern, days in _SHIFT.items():
        if pattern.match(rest):
            return FollowUp(shift_days=days)
    for source, pattern in _SOURCE_WORDS:
        if pattern.match(rest):
            return FollowUp(source=source, start=entities.start, end=entities.end)
    person = _FOR_PERSON.match(rest)
    name = person.group("name") if person else rest
    if entities.people and (person or re.search(r"\b(?:for|with|pour|avec)$", opener.group(0).strip())) \
            and fold(" ".join(entities.people)) == name.strip():
        return FollowUp(people=entities.people)
    if entities.start is not None and _DATE_WORDS.match(rest):
        return FollowUp(start=entities.start, end=entities.end, time_given=entities.time_given)
    return None


def reference(text: str, entities: Entities) -> Reference | None:
    """The back-reference in a message ("move it to 4pm", "mark the second one done"), or None."""
    folded = _clean(text)
    with_person = _WITH.search(folded)
    if with_person and entities.people:
        return Reference(people=entities.people)
    if entities.ordinal is not None:
        return Reference(ordinal=entities.ordinal)
    if _IT.search(folded):
        return Reference(it=True)
    return None


def only_reference(text: str) -> bool:
    """The whole message only points at something shown ("the second one", "le premier", "open it")."""
    return bool(_ONLY.match(_clean(text)))


@lru_cache(maxsize=1024)
def is_more(text: str) -> bool:
    """The message asks for the next page ("more", "show me more", "next", "suivant", "la suite", "encore").

    Cached by text (a pure function of it): a calendar read asked it of the same message in `resolve` and the
    agenda dialog, each time running every rule of `rule_intent`."""
    return rule_intent(fold(text or "").strip()) == "general.more"


_DAY = _R(r"\b(?:today|tomorrow|tonight|yesterday|aujourd'hui|demain|apres-demain|hier|monday|tuesday|wednesday|thursday|"
          r"friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|week|semaine|month|mois|"
          r"january|february|march|april|may|june|july|august|september|october|november|december|janvier|fevrier|"
          r"mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|\d{1,2}(?:st|nd|rd|th|er)\b|"
          r"\d{1,2}/\d{1,2}|the \d{1,2}\b|le \d{1,2}\b)")


def says_day(text: str) -> bool:
    """The message names a day ("to Friday at 4pm", "demain"), not only a time of day ("to 4pm")."""
    return bool(_DAY.search(_clean(text)))
