"""Repeat patterns in a request ("every month on the 1st", "every weekday", "chaque lundi") and their text span."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .fastdates import MONTH_NUMBERS

__all__ = ["Repeat", "find_repeat", "fold_same_length", "repeat_task_intent", "strip_repeat"]

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY_WORDS = {
    "monday": 0, "mon": 0, "lundi": 0, "lundis": 0, "tuesday": 1, "tue": 1, "tues": 1, "mardi": 1, "mardis": 1,
    "wednesday": 2, "wed": 2, "mercredi": 2, "mercredis": 2, "thursday": 3, "thu": 3, "thurs": 3, "jeudi": 3,
    "jeudis": 3, "friday": 4, "fri": 4, "vendredi": 4, "vendredis": 4, "saturday": 5, "sat": 5, "samedi": 5,
    "samedis": 5, "sunday": 6, "sun": 6, "dimanche": 6, "dimanches": 6,
}
_MONTHS = MONTH_NUMBERS
_NUMBERS = {"two": 2, "deux": 2, "three": 3, "trois": 3, "four": 4, "quatre": 4, "other": 2, "second": 2}


@dataclass(frozen=True, slots=True)
class Repeat:
    """How a task repeats, in Graph's terms (graph.Recurrence is built from it in the dialog).

    kind: daily, weekly, absoluteMonthly or absoluteYearly ("every weekday" is weekly, Monday to Friday).
    day_of_month / month: 0 when the request did not say (the first due day decides).
    """

    kind: str
    interval: int = 1
    days_of_week: tuple[str, ...] = ()
    day_of_month: int = 0
    month: int = 0

    def first_day(self, today: date) -> date:
        """The first day on or after `today` the pattern falls on: the task's first due day."""
        day = today
        for _ in range(400):
            if self.falls_on(day):
                return day
            day = date.fromordinal(day.toordinal() + 1)
        return today

    def falls_on(self, day: date) -> bool:
        if self.kind == "weekly":
            return WEEKDAYS[day.weekday()] in self.days_of_week
        if self.kind == "absoluteMonthly":
            return day.day == self.day_of_month if self.day_of_month else True
        if self.kind == "absoluteYearly":
            return (day.day, day.month) == (self.day_of_month, self.month) if self.day_of_month and self.month else True
        return True

    def completed(self, today: date) -> Repeat:
        """Fill what the request left open from `today` (weekly on today's weekday, monthly on today's day)."""
        if self.kind == "weekly" and not self.days_of_week:
            return Repeat("weekly", self.interval, (WEEKDAYS[today.weekday()],))
        if self.kind == "absoluteMonthly" and not self.day_of_month:
            return Repeat("absoluteMonthly", self.interval, day_of_month=today.day)
        if self.kind == "absoluteYearly" and not (self.day_of_month and self.month):
            return Repeat("absoluteYearly", self.interval, day_of_month=self.day_of_month or today.day,
                          month=self.month or today.month)
        return self


def fold_same_length(text: str) -> str:
    """Lower-case without accents, one character for one (so spans found here index the original text)."""
    out = []
    for ch in text:
        base = "".join(c for c in unicodedata.normalize("NFKD", ch.lower()) if not unicodedata.combining(c))
        out.append(base if len(base) == 1 else ch.lower())
    return "".join(out).replace("’", "'")


_DAY = r"(?:" + "|".join(sorted(_DAY_WORDS, key=len, reverse=True)) + r")s?"
_DAY_LIST = _DAY + r"(?:\s*(?:,|and|et|&|or|ou)\s*" + _DAY + r")*"
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_ORDINAL = r"(\d{1,2})(?:st|nd|rd|th|er|re|e|eme)?"
_EVERY_EN = r"(?:every|each|on every)"
_R = re.compile
#: A bare "monthly", "weekly" ... repeats only at the end or before a preposition, not as an adjective ("the monthly fee").
_BARE = r"(?=\s*(?:$|[,.;!?)]|on\b|at\b|from\b|starting\b|until\b|for\b|in\b|by\b|le\b|a\b|au\b|des\b|pour\b|jusqu))"

#: (kind, pattern); the first match wins, so the more specific come first.
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("weekdays", _R(r"\b(?:every|each|on|on all)\s+(?:work(?:ing)?\s*|business\s+|week\s*)days?\b|\bweekdays\b|"
                    r"\b(?:tous les|chaque) jours? (?:de la semaine|ouvres?|ouvrables?)\b|\ben semaine\b|"
                    r"\b(?:(?:chaque|tous les) jours?\s+)?du lundi au vendredi\b|\b(?:(?:every|each|on)\s+)?(?:mon|monday)\s*(?:to|through|thru|-)\s*(?:fri|friday)\b")),
    ("monthly_day", _R(r"\b(?:" + _EVERY_EN + r"\s+month|monthly)\s+on\s+the\s+" + _ORDINAL + r"\b|"
                       r"\bon\s+the\s+" + _ORDINAL + r"\s+of\s+(?:every|each|the)\s+month\b|"
                       r"\b(?:tous les mois|chaque mois|mensuellement)\s+le\s+" + _ORDINAL + r"\b|"
                       r"\ble\s+" + _ORDINAL + r"\s+(?:de chaque mois|de tous les mois|du mois|tous les mois|chaque mois)\b")),
    ("yearly_day", _R(r"\b(?:" + _EVERY_EN + r"\s+year|yearly|annually)\s+on\s+(?:" + _MONTH + r"\s+" + _ORDINAL + r"|(?:the\s+)?"
                      + _ORDINAL + r"\s+(?:of\s+)?" + _MONTH + r")\b|"
                      r"\b(?:tous les ans|chaque annee|annuellement)\s+le\s+" + _ORDINAL + r"\s+" + _MONTH + r"|"
                      r"\b" + _EVERY_EN + r"\s+" + _MONTH + r"\s+" + _ORDINAL + r"\b")),
    ("weekly_days", _R(r"\b" + _EVERY_EN + r"\s+(?:(other|second|two|three|\d)\s+)?(?:weeks?\s+on\s+)?(" + _DAY_LIST + r")\b|"
                       r"\b(?:weekly|each week|every week)\s+on\s+(" + _DAY_LIST + r")\b|"
                       r"\b(?:chaque|tous les|toutes les)\s+(?:(deux|trois|\d)\s+semaines\s+le\s+)?(" + _DAY_LIST + r")\b")),
    ("daily", _R(r"\b(?:every\s*day|everyday|each day|every (?:single )?morning|every evening|"
                 r"tous les jours|chaque jour|quotidiennement|chaque matin|tous les matins|chaque soir|tous les soirs)\b|"
                 r"\bdaily\b" + _BARE)),
    ("every_n", _R(r"\bevery\s+(other|two|three|four|\d+)\s+(days?|weeks?|months?|years?)\b|"
                   r"\btou(?:te)?s les\s+(deux|trois|quatre|\d+)\s+(jours|semaines|mois|ans)\b")),
    ("weekly", _R(r"\b(?:every|each)\s+week\b|\bchaque semaine\b|\btoutes les semaines\b|\bhebdomadairement\b|"
                  r"\b(?:weekly|hebdomadaire)\b" + _BARE)),
    ("monthly", _R(r"\b(?:every|each)\s+month\b|\bchaque mois\b|\btous les mois\b|\bmensuellement\b|"
                   r"\b(?:monthly|mensuel)\b" + _BARE)),
    ("yearly", _R(r"\b(?:every|each)\s+year\b|\bchaque annee\b|\btous les ans\b|\bannuellement\b|"
                  r"\b(?:yearly|annually|annuel)\b" + _BARE)),
)


def _days(text: str) -> tuple[str, ...]:
    found = {_DAY_WORDS[w] if w in _DAY_WORDS else _DAY_WORDS[w.rstrip("s")] for w in re.findall(r"\b" + _DAY + r"\b", text)
             if w in _DAY_WORDS or w.rstrip("s") in _DAY_WORDS}
    return tuple(WEEKDAYS[i] for i in sorted(found))


def _count(word: str | None) -> int:
    if not word:
        return 1
    return int(word) if word.isdigit() else _NUMBERS.get(word, 1)


def _first_int(groups: tuple[str | None, ...]) -> int:
    return next(int(g) for g in groups if g and g.isdigit())


def _month(text: str) -> int:
    return next((_MONTHS[w] for w in re.findall(r"[a-z]+", text) if w in _MONTHS), 0)


def _build(kind: str, m: re.Match[str]) -> Repeat | None:
    groups = m.groups()
    if kind == "weekdays":
        return Repeat("weekly", days_of_week=WEEKDAYS[:5])
    if kind == "monthly_day":
        day = _first_int(groups)
        return Repeat("absoluteMonthly", day_of_month=day) if 1 <= day <= 31 else None
    if kind == "yearly_day":
        day = _first_int(groups)
        month = _month(m.group(0))
        return Repeat("absoluteYearly", day_of_month=day, month=month) if 1 <= day <= 31 and month else None
    if kind == "weekly_days":
        every = next((g for g in groups if g and not _days(g)), None)
        return Repeat("weekly", interval=_count(every), days_of_week=_days(m.group(0)))
    if kind == "every_n":
        n = _count(groups[0] or groups[2])
        unit = (groups[1] or groups[3] or "").rstrip("s")
        kinds = {"day": "daily", "jour": "daily", "week": "weekly", "semaine": "weekly", "month": "absoluteMonthly",
                 "moi": "absoluteMonthly", "mois": "absoluteMonthly", "year": "absoluteYearly", "an": "absoluteYearly"}
        return Repeat(kinds.get(unit, "daily"), interval=n)
    return Repeat({"daily": "daily", "weekly": "weekly", "monthly": "absoluteMonthly", "yearly": "absoluteYearly"}[kind])


def find_repeat(text: str) -> tuple[Repeat, tuple[int, int]] | None:
    """The repeat pattern said in `text` and where it is (indices into `text`), or None."""
    folded = fold_same_length(text)
    for kind, pattern in _PATTERNS:
        m = pattern.search(folded)
        if m is None:
            continue
        repeat = _build(kind, m)
        if repeat is not None:
            return repeat, m.span()
    return None


def strip_repeat(title: str, said: str = "") -> str:
    """A task title without the repeat words it was said with ("pay rent every month on the 1st" -> "pay rent").

    `said`, the whole request, also removes the start of a repeat phrase the title was cut inside
    ("sortir les poubelles tous les" from "... tous les mardis et vendredis").
    """
    found = find_repeat(title)
    if found is not None:
        start, end = found[1]
        rest = re.sub(r"\s+", " ", (title[:start] + " " + title[end:]).strip())
        title = re.sub(r"[\s,;:-]+$", "", rest).strip() or title
    whole = find_repeat(said) if said else None
    if whole is not None:
        phrase = fold_same_length(said[whole[1][0]:whole[1][1]]).split()
        words = title.split()
        folded = fold_same_length(title).split()
        for k in range(min(len(phrase), len(words) - 1), 0, -1):
            if folded[-k:] == phrase[:k]:
                return " ".join(words[:-k])
    return title


_TASK_WORDS = re.compile(r"\b(?:tasks?|to-?dos?|taches?|reminders?|rappels?)\b")
_ADD_WORDS = re.compile(r"^(?:please |can you |peux-tu )?(?:add|create|new|put|ajoute|ajouter|cree|creer|mets|nouvelle)\b")


def repeat_task_intent(folded: str) -> str | None:
    """ "add a task ... every Tuesday", "ajoute une tâche ... tous les mardis": a repeating To Do task."""
    if _ADD_WORDS.search(folded) and _TASK_WORDS.search(folded) and find_repeat(folded) is not None:
        return "todo.add"
    return None
