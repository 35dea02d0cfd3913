"""Fast path of date extraction: the common phrasings resolved by MIPA's own code, without Recognizers-Text.

`quick_parse` reads "today" / "demain", weekdays (bare, "this", "next", "prochain"), clock times
("at 3pm", "à 15h", "15h30", "at 3"), parts of a day ("this afternoon", "ce matin") and "next week" /
"la semaine prochaine". It returns the same intermediate readings as the Recognizers-Text loop of
`dates.extract_dates` (a day, a clock time, or a start and end), or None when the text holds any other
date or time word, which then goes to Recognizers-Text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

__all__ = ["QuickReading", "clock_guess", "last_day_of_month", "month_day", "quick_parse"]

_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}
_WD = "|".join(_WEEKDAYS)
_DAY = re.compile(
    r"\b(?:(?P<rel>today|aujourd'hui|(?:the )?day after tomorrow|apres-demain|tomorrow|demain|yesterday|hier)"
    r"|(?:(?P<mod>this|next|on|ce) )?(?P<wd>" + _WD + r")(?P<prochain> prochain)?)\b"
)
_CLOCK_EN = re.compile(
    r"\b(?:at )?(?P<h>\d{1,2})(?::(?P<m>\d\d))? ?(?P<ampm>am|pm|a\.m\.|p\.m\.)(?![\w.])"
    r"|\bat (?P<bh>\d{1,2})(?::(?P<bm>\d\d))?\b(?! ?(?:%|percent|minutes?|hours?|mins?|people|persons?))"
    r"|\b(?:at )?(?P<h24>[01]?\d|2[0-3]):(?P<m24>\d\d)\b"
    r"|\b(?:at )?(?P<noon>noon|midday)\b"
)
_CLOCK_FR = re.compile(r"\b(?:a )?(?P<h>[01]?\d|2[0-3]) ?h ?(?P<m>[0-5]\d)?\b|\b(?:a )?(?P<h24>[01]?\d|2[0-3]):(?P<m24>\d\d)\b"
                       r"|\b(?:a )?(?P<noon>(?<!-)midi)\b")
_PART = re.compile(
    r"\b(?:(?P<en>this|tomorrow) (?P<part_en>morning|afternoon|evening)|(?P<tonight>tonight)"
    r"|(?:(?P<fr>ce|cet|cette|demain)(?: )?)(?P<part_fr>matin|apres-midi|soir))\b"
)
_PARTS = {"morning": (8, 12), "matin": (8, 12), "afternoon": (12, 16), "apres-midi": (12, 16),
          "evening": (16, 20), "soir": (16, 20)}
_MONTHS = {
    "january": 1, "jan": 1, "janvier": 1, "february": 2, "feb": 2, "fevrier": 2, "march": 3, "mar": 3, "mars": 3,
    "april": 4, "apr": 4, "avril": 4, "may": 5, "mai": 5, "june": 6, "jun": 6, "juin": 6, "july": 7, "jul": 7,
    "juillet": 7, "august": 8, "aug": 8, "aout": 8, "september": 9, "sept": 9, "sep": 9, "septembre": 9,
    "october": 10, "oct": 10, "octobre": 10, "november": 11, "nov": 11, "novembre": 11, "december": 12, "dec": 12,
    "decembre": 12,
}
_MON = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_NAMED = re.compile(
    r"\b(?P<d>[012]?\d|3[01])(?:st|nd|rd|th|er|re)?(?: of)? (?P<mon>" + _MON + r")\.?(?: (?P<y>20\d\d))?\b"
    r"|\b(?P<mon2>" + _MON + r")\.? (?:the )?(?P<d2>[012]?\d|3[01])(?:st|nd|rd|th)?(?:,? (?P<y2>20\d\d))?\b(?!:| ?h\b| ?(?:am|pm)\b)"
)
_END_OF_MONTH = re.compile(r"\b(?:(?:the|la) )?(?:end of (?:the |this )?month|fin (?:du|de|de ce) mois)\b")
_NEXT_WEEK = re.compile(r"\b(?:next week|la semaine prochaine)\b")
_CUE_LEFT = re.compile(
    r"\d|today|tonight|tomorrow|yesterday|week|month|year|morning|afternoon|evening|noon|midnight|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|\bmon\b|\btue|\bwed\b|\bthu|\bfri\b|"
    r"january|february|march|april|\bmay\b|june|july|august|september|october|november|december|"
    r"hour|minute|weekend|aujourd|demain|hier|semaine|mois|annee|matin|apres-midi|soir|midi|minuit|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|fevrier|mars|avril|\bmai\b|juin|"
    r"juillet|aout|septembre|octobre|novembre|decembre|heure|o'clock|\bnow\b|maintenant|\btonite|"
    r"\bend\b|\bfin\b|\bbefore\b|\bavant\b|\buntil\b|\bjusqu|\bafter\b|\bapres\b|\bfrom\b|\bbetween\b|"
    r"\bentre\b|\bquarter\b|\bhalf\b|\bdemi|\bpast\b|\bto\b \d|\bmoins\b|\bet quart\b|"
    # words Recognizers-Text may read as (part of) a date or time: numbers, am/pm, holidays, repeats
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|"
    r"douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|am|pm|a m|p m|a\.m|p\.m|clock|noon|"
    r"night|nuit|every|each|chaque|tous|toutes|daily|weekly|monthly|quotidien|hebdo\w*|sun|sat|tues|thurs|weds|"
    r"christmas|xmas|noel|easter|paques|thanksgiving|halloween|new year|nouvel an|toussaint|ascension|"
    r"pentecote|assomption|armistice|valentine|saint|st|labor|memorial|independence|first|second|third|last|"
    r"premier|premiere|dernier|derniere|early|late|tot|tard|debut|mid|mi|ago|il y a|since|depuis|fortnight|"
    r"quinzaine|lunch|dejeuner|breakfast|dinner|diner|season|summer|winter|spring|autumn|fall|ete|hiver|"
    r"printemps|automne|dawn|dusk|eod|eow|asap|later|tard|plus tard|soon|bientot|lendemain|veille|"
    r"previous|last|precedent|derni\w*|past|upcoming|coming|following|suivant\w*|same|meme|other|autre)\b"
)


@dataclass(frozen=True, slots=True)
class QuickReading:
    """What the fast path read: a day, a clock time, a span (naive local start and end), or a day range."""

    day: date | None = None
    day_end: date | None = None
    clock: time | None = None
    start: datetime | None = None
    end: datetime | None = None


def clock_guess(hour: int, minute: int, lang: str) -> time:
    """The clock time of an hour written without am/pm: French uses a 24-hour clock ("10h" is 10:00);
    a bare English hour from 1 to 7 is an afternoon hour ("at 3" is 15:00), 8 to 12 a morning one."""
    if lang == "en" and 1 <= hour <= 7:
        hour += 12
    return time(hour % 24, minute)


def month_day(month: int, day: int, year: int | None, today: date) -> date | None:
    """The date of a day and month; without a year, the next one from today (this year's if not past)."""
    try:
        if year is not None:
            return date(year, month, day)
        found = date(today.year, month, day)
        return found if found >= today else date(today.year + 1, month, day)
    except ValueError:
        return None


def last_day_of_month(today: date) -> date:
    first_next = date(today.year + (today.month == 12), today.month % 12 + 1, 1)
    return first_next - timedelta(days=1)


_REL = {"today": 0, "aujourd'hui": 0, "tomorrow": 1, "demain": 1, "yesterday": -1, "hier": -1, "apres-demain": 2}


def _day(m: re.Match[str], today: date) -> date:
    rel = m.group("rel")
    if rel:
        return today + timedelta(days=_REL.get(rel, 2))
    target = _WEEKDAYS[m.group("wd")]
    monday = today - timedelta(days=today.weekday())
    if m.group("mod") == "next" or m.group("prochain"):
        return monday + timedelta(days=7 + target)
    if m.group("mod") == "this":
        return monday + timedelta(days=target)
    return today + timedelta(days=(target - today.weekday()) % 7)


def _clock(m: re.Match[str], lang: str) -> time | None:
    groups = m.groupdict()
    if groups.get("noon"):
        return time(12)
    if groups.get("h24") is not None:
        return time(int(groups["h24"]), int(groups["m24"]))
    if groups.get("ampm"):
        hour, minute = int(groups["h"]), int(groups["m"] or 0)
        if not 1 <= hour <= 12:
            return None
        pm = groups["ampm"].startswith("p")
        return time(hour % 12 + (12 if pm else 0), minute)
    if lang == "fr":
        return time(int(groups["h"]), int(groups["m"] or 0))
    hour, minute = int(groups["bh"]), int(groups["bm"] or 0)
    if hour > 23 or minute > 59:
        return None
    return clock_guess(hour, minute, lang) if hour <= 12 else time(hour, minute)


def _blank(text: str, m: re.Match[str]) -> str:
    return text[: m.start()] + " " * (m.end() - m.start()) + text[m.end():]


def quick_parse(folded: str, lang: str, today: date) -> QuickReading | None:
    """The reading of `folded` when every date word in it is a common phrasing; None otherwise."""
    rest = folded
    found_day = found_clock = found_part = None
    named: date | None = None
    m = _END_OF_MONTH.search(rest)
    if m:
        named = last_day_of_month(today)
        rest = _blank(rest, m)
    else:
        m = _DATE_NAMED.search(rest)
        if m:
            year = m.group("y") or m.group("y2")
            named = month_day(_MONTHS[m.group("mon") or m.group("mon2")], int(m.group("d") or m.group("d2")),
                              int(year) if year else None, today)
            if named is None:
                return None
            rest = _blank(rest, m)
    m = _NEXT_WEEK.search(rest)
    if m:
        rest = _blank(rest, m)
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
        if _CUE_LEFT.search(rest):
            return None
        return QuickReading(day=monday, day_end=monday + timedelta(days=7))
    m = _PART.search(rest)
    if m:
        found_part = m
        rest = _blank(rest, m)
    m = _DAY.search(rest) if named is None else None
    if m:
        found_day = m
        rest = _blank(rest, m)
    m = (_CLOCK_FR if lang == "fr" else _CLOCK_EN).search(rest)
    if m:
        found_clock = m
        rest = _blank(rest, m)
    if lang == "fr":  # "mon" is "my", not Monday
        rest = rest.replace("mon ", "    ")
    if _CUE_LEFT.search(rest) or (found_part and (found_day or found_clock or named)):
        return None
    if found_part:
        which = found_part.group("en") or found_part.group("fr")
        part = found_part.group("part_en") or found_part.group("part_fr")
        day = today + timedelta(days=1) if which in ("tomorrow", "demain") else today
        if found_part.group("tonight"):
            return QuickReading(start=datetime.combine(day, time(20)), end=datetime.combine(day, time(23, 59, 59)))
        lo, hi = _PARTS[part]
        return QuickReading(start=datetime.combine(day, time(lo)), end=datetime.combine(day, time(hi)))
    clock = _clock(found_clock, lang) if found_clock else None
    if found_clock and clock is None:
        return None
    on = _day(found_day, today) if found_day else named
    if on is not None and clock is not None:
        return QuickReading(start=datetime.combine(on, clock))
    return QuickReading(day=on, clock=clock)
