"""Corrections said while a confirmation waits ("no, Thursday", "make it 4pm", "add Megan too", "plutôt jeudi").

`read_correction` turns one message into a `Correction` (a day, a time of day, a length, people, a title),
or None when the message is something else: a plain yes or no, a question, a new request. It reads only;
which of these a pending write accepts is the write's own description (dialogs/writes.py `Proposal.corrects`).
Rules, not the intent model: the same few shapes in English and French, with the values read by
`language.dates` (days and times) and `language.people` (names).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from .dates import extract_dates
from .people import find_people
from .text import fold, normalize_locale

__all__ = ["SLOTS", "Correction", "looks_like_request", "read_correction"]

#: What a correction can change; a write names the ones it accepts.
SLOTS = ("day", "time", "duration", "people", "title")

# "no," "non," "actually" "make it" "plutôt" ... in front of the new value (folded text).
_LEAD = re.compile(
    r"^(?:(?:no|nope|nah|non|oops|oh|sorry|pardon|actually|en fait|wait|attends|ah|well|hmm|euh|finalement|plutot|"
    r"rather|instead|sorry)\b[\s,.!:;-]*)*"
    r"(?:(?:let'?s |lets )?(?:make (?:it|that)|change (?:it|that) to|move (?:it|that) to|set (?:it|that) (?:to|for)|"
    r"do|say|switch (?:it |that )?to|i meant|i mean|fais(?:-le| le|-la| la)?|mets(?:-le| le|-la| la)?|"
    r"disons|plutot|change pour|passe(?:-le| le|-la| la)? a|je voulais dire|je veux dire)\b[\s,]*)?"
    r"(?:(?:until|till|up to|through|jusqu'(?:a|au|a la)|jusqu'a)\s+)?"
)
_TAIL = re.compile(r"[\s,]*\b(?:instead|rather|then|please|plutot|alors|a la place|s'il (?:te|vous) plait|svp|"
                   r"merci|thanks)\b[\s.!]*$")
# Words a day-and-time answer may be made of (folded); anything else means the message says more than a date.
_DATE_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun "
    "lundi mardi mercredi jeudi vendredi samedi dimanche today tomorrow tonight noon midnight morning afternoon "
    "evening night aujourd'hui aujourd hui demain apres-demain apres ce soir midi minuit matin apres-midi "
    "day after the next this coming week following at on in by for from to of a an le la l' les au a de du des "
    "prochain prochaine suivant suivante am pm h heures heure hours hour minutes minute min mins half an une un "
    "o'clock oclock et and quarter past demi quart moins january february march april may june july august "
    "september october november december janvier fevrier mars avril mai juin juillet aout septembre octobre "
    "novembre decembre jan feb mar apr jun jul aug sep sept oct nov dec first second third fourth fifth "
    "one two three four five six seven eight nine ten eleven twelve thirty fifteen forty-five 1er premier "
    "long lasting pendant durant duree".split()
)
_TOKEN = re.compile(r"\d{1,2}(?:[:.h]\d{2})?(?:am|pm|h|st|nd|rd|th|er|e)?|\d{1,2}/\d{1,2}(?:/\d{2,4})?|\d{4}")
# A day is named (not only a time): weekday, month, relative day, "the 10th", "le 10", a numeric date.
_DAY_CUE = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|dimanche|today|tomorrow|tonight|aujourd|demain|apres-demain|day after|"
    r"week|semaine|january|february|march|april|may|june|july|august|september|october|november|december|"
    r"janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|ce soir)\b"
    r"|\b\d{1,2}(?:st|nd|rd|th|er)\b|\ble \d{1,2}\b(?!\s*(?:h|heures?)\b)|\b\d{1,2}/\d{1,2}\b"
)
_TIME_CUE = re.compile(r"\d\s*(?:am|pm|h\b|h\d|:\d)|\b(?:noon|midnight|midi|minuit|o'?clock|heures?)\b|\bat \d")
_DURATION_CUE = re.compile(r"\b(?:for|lasting|long|pendant|durant|duree)\b|^\s*(?:an?|one|une?|\d+)\s*"
                           r"(?:hours?|hrs?|minutes?|mins?|heures?|h)\s*$|\bhalf an hour\b|\bdemi-heure\b")
# People: "add Megan too", "invite Liam as well", "ajoute Megan", "avec Megan aussi", "with Megan and Liam instead"
_ADD_PEOPLE = re.compile(
    r"^(?:(?:and|also|et|aussi|oh|oops|actually|en fait|non|no)[\s,]+)*"
    r"(?:add|invite|include|also invite|also add|plus|ajoute[rz]?|ajoute aussi|invite[rz]?|inclus|avec|with)\s+"
    r"(?P<names>.+?)(?:[\s,]+(?:too|as well|also|aussi|egalement|en plus|instead|plutot|a la place))?[\s.!]*$",
    re.IGNORECASE,
)
_REPLACE = re.compile(r"\b(?:instead|plutot|a la place)\b")
_TOO = re.compile(r"\b(?:too|as well|also|aussi|egalement|en plus|add|ajoute|invite|include|inclus)\b")
# Titles: "change the title to Budget review", "call it Retro", "rename it to X", "change le titre en X".
_TITLE = re.compile(
    r"^(?:(?:no|non|actually|en fait|oops)[\s,]+)*"
    r"(?:(?:please |let'?s )?(?:change|set|make|update|rename) (?:the |its )?(?:title|name|subject) (?:to|as|into)"
    r"|(?:the )?(?:title|name|subject) (?:is|should be|will be)"
    r"|(?:call|name|title|rename) (?:it|that|the meeting|the task)(?: to)?"
    r"|(?:change|mets|modifie|remplace|renomme)[rz]? (?:le |son )?(?:titre|nom|sujet|objet) (?:en|par|pour|a|:)"
    r"|(?:le |son )?(?:titre|nom|sujet|objet) (?:est|sera|devient|:)"
    r"|(?:appelle|nomme|renomme|intitule)[rz]?[- ](?:la|le|les)(?: en)?"
    r"|(?:titre|title|nom|name|subject|objet)\s*:)"
    r"\s+(?P<title>\S.*?)[\s.!]*$",
)
# "how about Thursday?", "what about 4pm?", "et jeudi ?", "pourquoi pas mercredi ?"
_SUGGEST = re.compile(r"^(?:how about|what about|what if we say|and|or|et|ou|et si on disait|pourquoi pas|plutot)\s+"
                      r"(?P<rest>.+?)[\s?!.]*$")
# A question or a request, not a value: "what's on Thursday?", "show my tasks", "qu'est-ce que j'ai jeudi ?"
_REQUEST = re.compile(
    r"^(?:what|what's|whats|when|where|who|which|how|why|do|does|did|is|are|can|could|will|would|show|list|"
    r"find|search|open|tell|give|get|read|display|check|book|schedule|create|set up|cancel|delete|remove|mark|move|"
    r"reschedule|accept|decline|send|flag|remind|help|undo|sign|qu|quel|quelle|quels|quelles|quand|ou|qui|comment|"
    r"pourquoi|est-ce|montre|affiche|liste|cherche|trouve|donne|dis|ouvre|lis|planifie|organise|cree|annule|"
    r"supprime|deplace|marque|accepte|refuse|envoie|rappelle|aide|my|mes|mon|ma)\b"
)


@dataclass(frozen=True, slots=True)
class Correction:
    """A change to a pending write: a day, a local time of day, a length, people, a title (what was said only)."""

    day: date | None = None
    time: time | None = None
    duration: timedelta | None = None
    people: tuple[str, ...] = ()
    #: "add Megan too": add to the people already there; "with Megan instead": replace them.
    add_people: bool = True
    title: str | None = None

    @property
    def slots(self) -> tuple[str, ...]:
        """The slots this correction changes, in `SLOTS` order."""
        said = {"day": self.day is not None, "time": self.time is not None, "duration": self.duration is not None,
                "people": bool(self.people), "title": bool(self.title)}
        return tuple(slot for slot in SLOTS if said[slot])

    def at(self, moment: datetime) -> datetime:
        """`moment` (aware) moved to the corrected day and time of day, in its own zone."""
        moved = moment
        if self.day is not None:
            moved = moved.replace(year=self.day.year, month=self.day.month, day=self.day.day)
        if self.time is not None:
            moved = moved.replace(hour=self.time.hour, minute=self.time.minute, second=0, microsecond=0)
        return moved

    def merge(self, later: Correction) -> Correction:
        """This correction with `later` said after it: later values win, people add up."""
        people = tuple(dict.fromkeys(self.people + later.people)) if later.add_people else later.people
        return Correction(day=later.day or self.day, time=later.time or self.time,
                          duration=later.duration or self.duration, people=people or self.people,
                          add_people=self.add_people and later.add_people, title=later.title or self.title)

    def to_json(self) -> dict[str, Any]:
        return {"day": self.day.isoformat() if self.day else None,
                "time": self.time.strftime("%H:%M") if self.time else None,
                "duration": self.duration.total_seconds() if self.duration else None,
                "people": list(self.people), "add_people": self.add_people, "title": self.title}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Correction:
        return cls(day=date.fromisoformat(data["day"]) if data.get("day") else None,
                   time=time.fromisoformat(data["time"]) if data.get("time") else None,
                   duration=timedelta(seconds=float(data["duration"])) if data.get("duration") else None,
                   people=tuple(data.get("people") or ()), add_people=bool(data.get("add_people", True)),
                   title=data.get("title") or None)


def looks_like_request(text: str) -> bool:
    """True when a message reads as a question or a new request rather than an answer or a value."""
    folded = " ".join(fold(text).split())
    return bool(folded) and _REQUEST.search(folded) is not None


def _strip(folded: str) -> str:
    rest = _LEAD.sub("", folded, count=1)
    rest = _TAIL.sub("", rest)
    return rest.strip(" ,.!;:")


def _only_dates(rest: str) -> bool:
    """Every word of `rest` belongs to a day, time or length ("thursday at 4pm", "le 10 à 16h")."""
    words = re.findall(r"[\w'’:./-]+", rest)
    if not words:
        return False
    for word in words:
        word = word.strip(".,").replace("’", "'")
        if word in _DATE_WORDS or _TOKEN.fullmatch(word) or word.endswith("'") and word[:-1] in ("l", "d", "aujourd"):
            continue
        if re.fullmatch(r"\d{1,2}h\d{0,2}", word) or re.fullmatch(r"\d{1,2}(?:am|pm)", word):
            continue
        return False
    return True


def _dates(rest: str, lang: str, now: datetime, tz: str) -> Correction | None:
    if not _only_dates(rest):
        return None
    zone = ZoneInfo(tz)
    info = extract_dates(rest, lang, now, zone)
    if info.start is None and info.duration is None:  # "the 10th" is read with its preposition: "on the 10th"
        info = extract_dates(("on " if lang == "en" else "le ") + rest, lang, now, zone)
    day_named, time_named = _DAY_CUE.search(rest) is not None, _TIME_CUE.search(rest) is not None
    duration = info.duration if info.duration and _DURATION_CUE.search(rest) else None
    if info.start is None:
        return Correction(duration=duration) if duration else None
    local = info.start.astimezone(zone)
    day = local.date() if day_named or not info.time_given else None
    at = local.time().replace(second=0, microsecond=0) if info.time_given and (time_named or not day_named) else None
    if day is None and at is None and duration is None:
        return None
    return Correction(day=day, time=at, duration=duration)


def _people(text: str) -> Correction | None:
    folded = " ".join(fold(text).split())
    match = _ADD_PEOPLE.match(text.strip())
    if match is None or _REQUEST.search(folded) and not folded.startswith(("add ", "avec ", "with ", "ajoute")):
        return None
    names_text = match.group("names").strip()
    if re.search(r"\b(?:to|in|on|into|a|dans|sur)\s+(?:my|the|mes|ma|mon|la|le|les)\b", fold(names_text)):
        return None  # "add milk to my tasks": a new request, not people
    people = find_people("with " + names_text)
    if not people:
        return None
    covered = re.sub(r"\s*(?:,|\band\b|\bet\b|&)\s*", " ", names_text)
    if fold(" ".join(covered.split())) != fold(" ".join(" ".join(people).split())):
        return None  # words beyond the names: not a list of people
    return Correction(people=people, add_people=_REPLACE.search(folded) is None or _TOO.search(folded) is not None)


def read_correction(text: str, locale: str, now: datetime, tz: str) -> Correction | None:
    """The correction `text` says to a pending write, or None (a bare yes/no, a question, a new request)."""
    raw = " ".join(text.strip().split())
    if not raw:
        return None
    lang = normalize_locale(locale)
    folded = fold(raw).replace("’", "'")
    title = _TITLE.match(folded)
    if title is not None:
        start = title.start("title")
        said = raw[start:].strip().rstrip(".!").strip().strip("\"'«»“” ")
        return Correction(title=said) if said else None
    people = _people(raw)
    if people is not None:
        return people
    suggested = _SUGGEST.match(folded)
    if suggested is not None:  # "how about Thursday?", "et jeudi ?": a day offered instead
        return _dates(_strip(suggested.group("rest")), lang, now, tz)
    if "?" in raw:
        return None
    rest = _strip(folded)
    if not rest or rest == folded and _REQUEST.search(folded):
        return None
    return _dates(rest, lang, now, tz)
