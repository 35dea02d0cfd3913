"""Fast path of date extraction: the common phrasings resolved by MIPA's own code, without Recognizers-Text.

`quick_parse` reads "today" / "demain", weekdays (bare, "this", "next", "prochain"), clock times
("at 3pm", "à 15h", "15h30", "at 3"), clock ranges ("from 3 to 5pm", "de 9h à 17h30", "9h-17h"), parts of
a day ("this afternoon", "tuesday evening", "ce matin", "lundi soir"), weeks and months ("this week", "last
week", "le mois prochain", "ce week-end"), "now" / "maintenant", and offsets ("20 minutes later", "by 30 minutes",
"5 minutes avant"). Numbers that are no date ("room 301", "50 %", "0612345678", "345 fois 12", "iphone 16") are
set aside first. It returns the same intermediate readings as the Recognizers-Text loop of
`dates.extract_dates` (a day, a clock time, a start and end, a duration), or None when the text holds any
other date or time word, which then goes to Recognizers-Text (tens of milliseconds: the reason for this path).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

__all__ = ["MONTH_NUMBERS", "MONTH_WORDS", "QuickReading", "clock_guess", "last_day_of_month", "month_day", "quick_parse"]

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
    r"\b(?:(?:(?P<en>this|tomorrow) |(?:the whole |all |in the |the )?)(?P<part_en>morning|afternoon|evening)|(?P<tonight>tonight)"
    r"|(?:(?:(?P<fr>ce|cet|cette|demain)(?: )?)|(?:tout |toute |dans |pour |de )?(?:l'|le ))?(?P<part_fr>matin|apres-midi|soir))\b"
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
#: Month names and abbreviations, English and French, folded, longest first: a regex alternation.
MONTH_WORDS = _MON
#: The same names and abbreviations, each with its month's number.
MONTH_NUMBERS = _MONTHS
_DATE_NAMED = re.compile(
    r"\b(?P<d>[012]?\d|3[01])(?:st|nd|rd|th|er|re)?(?: of)? (?P<mon>" + _MON + r")\.?(?: (?P<y>20\d\d))?\b"
    r"|\b(?P<mon2>" + _MON + r")\.? (?:the )?(?P<d2>[012]?\d|3[01])(?:st|nd|rd|th)?(?:,? (?P<y2>20\d\d))?\b(?!:| ?h\b| ?(?:am|pm)\b)"
)
# "on the 22nd": the next such day of a month. A bare "the 2nd" / "le 2" is more often a list position ("delete
# the 2nd", "coche le 3"), left to Recognizers-Text, which reads no date there.
_DAY_OF_MONTH = re.compile(r"\bon the (?P<d>[012]?\d|3[01])(?:st|nd|rd|th)\b")
# "in may", "en mai", "pour juillet": the next such month (the current month is left to Recognizers-Text)
_MONTH_ALONE = re.compile(r"\b(?:in|en|for|pour|during|pendant|au mois de|du mois de|of) (?P<mon>" + _MON + r")\b(?!\.? ?\d)")
_END_OF_MONTH = re.compile(r"\b(?:(?:the|la) )?(?:end of (?:the |this )?month|fin (?:du|de|de ce) mois)\b")
_NEXT_WEEK = re.compile(r"\b(?:next week|la semaine prochaine)\b")
_TIME_NOUN = (r"(?:days?|mornings?|afternoons?|evenings?|nights?|weeks?|weekdays?|weekends?|months?|years?|hours?|minutes?|"
              r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|mondays|tuesdays|wednesdays|thursdays|fridays|"
              r"saturdays|sundays|other|\d|jours?|matins?|soirs?|nuits?|semaines?|mois|ans?|annees?|heures?|minutes?|"
              r"lundis?|mardis?|mercredis?|jeudis?|vendredis?|samedis?|dimanches?|quinzaines?)\b")
_CUE_LEFT = re.compile(
    r"\d|today|tonight|tomorrow|yesterday|week|month|year|morning|afternoon|evening|noon|midnight|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|\bmon\b|\btue|\bwed\b|\bthu|\bfri\b|"
    r"\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\b|"
    r"\bhours?\b|\bhourly\b|\bhrs?\b|\bminutes?\b|\bmins?\b|weekend|aujourd|demain|\bhier\b|semaine|\bmois\b|annee|matin|apres-midi|\bsoir|midi|minuit|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"\b(?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b|heure|o'clock|\bnow\b|maintenant|\btonite|"
    # a word of a range or a limit counts when a date word (now set aside) or a number follows it
    r"\b(?:before|avant|until|till|jusqu'(?:a|au|aux)?|jusque|after|apres|from|between|entre|since|depuis)"
    r"(?=\s{2,}|\s*$|\s+\d)|\bjusqu|\bquarter\b|\bhalf\b|\bdemi|\bpast\b|\bto\b \d|\bmoins\b|\bet quart\b|"
    r"\b(?:every|each|chaque|tou(?:s|tes) les|the|on the|le) " + _TIME_NOUN + "|"
    r"\b(?:on )?the (?:first|second|third|last)$|\ble premier$|"
    # words Recognizers-Text may read as (part of) a date or time: numbers, holidays, repeats
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|"
    r"douze|treize|quatorze|quinze|seize|vingt|trente|quarante|cinquante|a\.m|p\.m|clock|noon|"
    r"night|nuit|daily|weekly|monthly|quotidien|hebdo\w*|sun|sat|tues|thurs|weds|"
    r"christmas|xmas|noel|easter|paques|thanksgiving|halloween|new year|nouvel an|toussaint|ascension|"
    r"pentecote|assomption|armistice|valentine|saint|labor|memorial|independence|"
    r"early|tot|tard|debut|mid|mi|ago|fortnight|"
    r"quinzaine|season|summer|winter|spring|autumn|fall|ete|hiver|"
    r"printemps|automne|dawn|dusk|eod|eow|asap|later|soon|bientot|lendemain|veille|"
    r"previous|precedent|upcoming|coming|following|suivant\w*|same|meme)\b"
)
# Numbers and words that are no date, set aside before looking for one: rooms, floors, amounts, counts, phone
# numbers, sums ("room 301", "3e etage", "50 %", "12 chaises", "0612345678", "345 fois 12", "iphone 16"), and
# "heure(s)" that name no time ("mes heures de travail", "quelle heure", "l'heure de mon point").
_NOT_A_DATE = re.compile(
    r"\b(?:room|rooms|salle|salles|chambre|floor|etage|building|batiment|bldg|level|niveau|gate|porte|numero|number|"
    r"no\.?|plan|version|iphone|ligue|formule|formula|top|page|quantity|quantite|qty|ext|extension|poste|box|lot|ticket|"
    r"order|commande|invoice|facture|issue|bug|pr|release|sprint|phase|q|v)\s*#?\d+[a-z]?\b"
    r"|\b\d+(?:e|eme|er|ere|st|nd|rd|th)?\s+(?:floor|etage)\b"
    r"|\b\d+(?:[.,]\d+)?\s*(?:%|pour ?cent\b|percent\b|per cent\b)(?:\s+(?:of|de|du)\s+\d+(?:[.,]\d+)?\b)?"
    r"|\b\d+(?:[.,]\d+)?\s*(?:euros?\b|dollars?\b|usd\b|eur\b|€|\$|km\b|kg\b|"
    r"people\b|persons?\b|personnes?\b|participants?\b|attendees?\b|items?\b|elements?\b|articles?\b|pieces?\b|"
    r"chaises?\b|chairs?\b|emails?\b|e-mails?\b|mails?\b|messages?\b|courriels?\b|tasks?\b|taches?\b|files?\b|"
    r"fichiers?\b|documents?\b|docs?\b|pages?\b|units?\b|unites?\b|copies\b|exemplaires?\b|miles?\b|"
    r"kilometres?\b|kilometers?\b|metres?\b|meters?\b|kilos?\b|lbs?\b|pounds?\b|livres?\b|"
    r"(?:derniers?|dernieres?|premiers?|premieres?|last|latest|first) (?:e-?mails?|mails?|messages?|courriels?|taches?|tasks?))"
    r"|\b(?:the )?(?:last|latest|first|top) \d+\b"
    r"|\b\d{5,}\b|\b1[:-]1s?\b|\b(?:one|1) on (?:one|1)\b"
    r"|\b\d+(?:[.,]\d+)?\s*(?:fois|times|x|\*|\+|plus|minus|divise par|divided by|multiplied by|multiplie par|"
    r"puissance|to the power of|power)\s*\d+\b|\b(?:racine carree|square root|sqrt) (?:de |of )?\d+\b"
    r"|\b\d+ (?:is a|est un) (?:prime|nombre premier)\b|\bis \d+ a prime\b"
    r"|\b(?:my|what|which|your|our|their|his|her|mes|quelles?|vos|nos|ses|leurs) (?:hours|heures)\b(?! (?:ago|later|earlier|plus))"
    r"|\b(?:(?:working|work|office|business) hours|heures? (?:de (?:travail|bureau)|ouvrees|sup\w*)|quelle heure|l'heure)\b"
    r"|\b(?:good (?:morning|afternoon|evening|night)|bonne (?:soiree|nuit|journee|semaine)|bon (?:apres-midi|week-end)|"
    r"nice (?:weekend|day|evening)|(?:bye|ok|enough) for now|pour l'instant)\b"
)
# A repeat ("every monday", "chaque matin", "tous les jours"): Recognizers-Text reads it as a set, which
# `dates.extract_dates` leaves out; the fast path would read the weekday or time alone.
_REPEAT = re.compile(r"\b(?:every|each|chaque|tou(?:s|tes) les) " + _TIME_NOUN)
# "20 minutes later" (a time from now), "by 30 minutes", "1 hour earlier", "5 minutes avant", "de 30 minutes"
# (a duration): what Recognizers-Text reads there. French "2 heures" alone is left to it (an hour or a length).
_OFFSET = re.compile(
    r"\b(?P<n>\d{1,3}|an?|one|une?)\s*(?P<unit>minutes?|mins?|hours?|hrs?)"
    r"(?:(?P<later> later| plus tard)| before| avant| earlier| early| late| plus tot| de retard| de plus)?\b"
    r"|\b(?P<fn>\d{1,3}|une?)\s*(?P<funit>heures?)(?P<flater> plus tard)?(?= plus tot| avant| de plus| plus tard)"
    r"|\bd'(?P<fn2>une?) (?P<funit2>heure)\b"
)
# "from 3pm to 5pm", "3-5pm", "between 2pm and 4pm", "de 9h à 17h30", "9h-17h", "entre 14h et 16h"
_T_EN = r"(\d{1,2})(?::(\d\d))?\s?(am|pm|a\.m\.|p\.m\.)?"
_RANGE_EN = re.compile(r"\b(?:from |between )?" + _T_EN + r"\s*(?:-|to|till|until|and)\s*" + _T_EN + r"(?![\w:])")
_RANGE_FR = re.compile(r"\b(?:de |du |entre )?([01]?\d|2[0-3]) ?h ?([0-5]\d)?\s*(?:-|a|au|et|jusqu'a)\s*([01]?\d|2[0-3]) ?h ?([0-5]\d)?\b")
# "this week", "last week", "le mois prochain", "ce week-end" (a range of days)
_WEEKS = re.compile(
    r"\b(?P<w0>(?<!whole )(?:this|the) week|(?<!toute )(?:(?:de )?(?:cette|la) semaine)(?! (?:prochaine|derniere|passee|suivante|precedente|de|du|d'))(?:-ci)?)\b"
    r"|\b(?P<w_1>last week|(?:la )?semaine (?:derniere|passee))\b"
    r"|\b(?P<we>(?:this |the )?weekend|(?:ce |le )?week-end)\b"
    r"|\b(?P<m0>this month|(?:ce )?mois-ci|ce mois)\b|\b(?P<m1>next month|(?:le )?mois prochain)\b"
    r"|\b(?P<m_1>last month|(?:le )?mois dernier)\b"
)
_NOW = re.compile(r"\b(?:right now|now|maintenant|tout de suite)\b")


@dataclass(frozen=True, slots=True)
class QuickReading:
    """What the fast path read: a day, a clock time, a span (naive local start and end), a day range, and a
    length of time."""

    day: date | None = None
    day_end: date | None = None
    clock: time | None = None
    start: datetime | None = None
    end: datetime | None = None
    duration: timedelta | None = None


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


def _ranged_clock(hour: int, minute: int, ampm: str | None) -> time | None:
    if ampm is None:
        return time(hour, minute) if hour <= 23 and minute <= 59 else None
    if not 1 <= hour <= 12 or minute > 59:
        return None
    return time(hour % 12 + (12 if ampm.startswith("p") else 0), minute)


def _clock_range(m: re.Match[str], lang: str) -> tuple[time, time] | None:
    """The two clock times of a range; an English end's am/pm tells the start's ("3-5pm", "11-1pm")."""
    if lang == "fr":
        a, b = time(int(m.group(1)), int(m.group(2) or 0)), time(int(m.group(3)), int(m.group(4) or 0))
        return (a, b) if a < b else None
    h1, m1, p1, h2, m2, p2 = (m.group(i) for i in range(1, 7))
    if p2 is None:
        return None  # "9 to 5", "2-3" (a score, a count): left to Recognizers-Text
    if p1 is None:
        h1_, h2_ = int(h1) % 12, int(h2) % 12
        same = "p" if p2.startswith("p") else "a"
        other = "a" if same == "p" else "p"
        p1 = same if h1_ <= h2_ else other
    first = _ranged_clock(int(h1), int(m1 or 0), p1)
    last = _ranged_clock(int(h2), int(m2 or 0), p2)
    return (first, last) if first is not None and last is not None and first < last else None


def _weeks(m: re.Match[str], today: date) -> tuple[date, date]:
    monday = today - timedelta(days=today.weekday())
    if m.group("w0"):
        return monday, monday + timedelta(days=7)
    if m.group("w_1"):
        return monday - timedelta(days=7), monday
    if m.group("we"):
        return monday + timedelta(days=5), monday + timedelta(days=7)
    first = today.replace(day=1)
    following = last_day_of_month(today) + timedelta(days=1)
    if m.group("m0"):
        return first, following
    if m.group("m1"):
        return following, last_day_of_month(following) + timedelta(days=1)
    previous = first - timedelta(days=1)
    return previous.replace(day=1), first


def _next_day_of_month(day: int, today: date) -> date | None:
    """The next date (today included) on day `day` of a month, within a year."""
    year, month = today.year, today.month
    for _ in range(13):
        try:
            found = date(year, month, day)
        except ValueError:
            found = None
        if found is not None and found >= today:
            return found
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _amount(word: str) -> int:
    return int(word) if word.isdigit() else 1


def quick_parse(folded: str, lang: str, today: date, now: datetime | None = None) -> QuickReading | None:
    """The reading of `folded` when every date word in it is a common phrasing; None otherwise.

    now: the naive local time of the reference ("now", "in 20 minutes later"); without it those go to
    Recognizers-Text.
    """
    if _REPEAT.search(folded):
        return None
    rest = _NOT_A_DATE.sub(lambda m: " " * (m.end() - m.start()), folded)
    if lang == "fr":  # "mon" is "my", not Monday
        rest = re.sub(r"\bmon\b", "   ", rest)
    found_day = found_clock = found_part = None
    named: date | None = None
    duration: timedelta | None = None
    later: timedelta | None = None
    for offset in list(_OFFSET.finditer(rest)):
        unit = offset.group("unit") or offset.group("funit") or offset.group("funit2")
        n = _amount(offset.group("n") or offset.group("fn") or offset.group("fn2"))
        delta = timedelta(hours=n) if unit.startswith("h") else timedelta(minutes=n)
        if offset.group("later") or offset.group("flater"):
            if later is not None or now is None:
                return None
            later = delta
        else:
            duration = delta if duration is None else duration + delta
        rest = _blank(rest, offset)
    if later is not None:
        if _CUE_LEFT.search(rest):
            return None
        return QuickReading(start=now + later if now is not None else None, duration=duration)  # as Recognizers-Text
    weeks = _WEEKS.search(rest)
    if weeks:
        rest = _blank(rest, weeks)
        first, after = _weeks(weeks, today)
        if _CUE_LEFT.search(rest):
            return None
        return QuickReading(day=first, day_end=after, duration=duration)
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
    m = _MONTH_ALONE.search(rest) if named is None else None
    if m:
        month = _MONTHS[m.group("mon")]
        if month == today.month:
            return None
        first = date(today.year + (month < today.month), month, 1)
        rest = _blank(rest, m)
        if _CUE_LEFT.search(rest):
            return None
        return QuickReading(day=first, day_end=last_day_of_month(first) + timedelta(days=1), duration=duration)
    m = _DAY_OF_MONTH.search(rest) if named is None else None
    if m:
        wanted = int(m.group("d"))
        named = _next_day_of_month(wanted, today)
        if named is None:
            return None
        rest = _blank(rest, m)
    m = _NEXT_WEEK.search(rest)
    if m:
        rest = _blank(rest, m)
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
        if _CUE_LEFT.search(rest):
            return None
        return QuickReading(day=monday, day_end=monday + timedelta(days=7), duration=duration)
    span: tuple[time, time] | None = None
    m = (_RANGE_FR if lang == "fr" else _RANGE_EN).search(rest)
    if m:
        span = _clock_range(m, lang)
        if span is not None:
            rest = _blank(rest, m)
    m = _PART.search(rest)
    if m:
        found_part = m
        rest = _blank(rest, m)
    m = _DAY.search(rest) if named is None else None
    if m:
        found_day = m
        rest = _blank(rest, m)
    m = (_CLOCK_FR if lang == "fr" else _CLOCK_EN).search(rest) if span is None else None
    if m:
        found_clock = m
        rest = _blank(rest, m)
    found_now = None
    m = _NOW.search(rest) if now is not None else None
    if m:
        found_now = m
        rest = _blank(rest, m)
    if _CUE_LEFT.search(rest):
        return None
    if found_now:
        if found_part or found_day or found_clock or named or span:
            return None
        return QuickReading(start=now, duration=duration)
    if found_part:
        if found_clock or named or span:
            return None
        which = found_part.group("en") or found_part.group("fr")
        if found_day and which:
            return None
        part = found_part.group("part_en") or found_part.group("part_fr")
        if found_day:
            day = _day(found_day, today)
        else:
            day = today + timedelta(days=1) if which in ("tomorrow", "demain") else today
        if found_part.group("tonight"):
            return QuickReading(start=datetime.combine(day, time(20)), end=datetime.combine(day, time(23, 59, 59)),
                                duration=duration)
        lo, hi = _PARTS[part]
        return QuickReading(start=datetime.combine(day, time(lo)), end=datetime.combine(day, time(hi)),
                            duration=duration)
    on = _day(found_day, today) if found_day else named
    if span is not None:
        base = on or today
        return QuickReading(start=datetime.combine(base, span[0]), end=datetime.combine(base, span[1]),
                            duration=duration)
    clock = _clock(found_clock, lang) if found_clock else None
    if found_clock and clock is None:
        return None
    if on is not None and clock is not None:
        return QuickReading(start=datetime.combine(on, clock), duration=duration)
    return QuickReading(day=on, clock=clock, duration=duration)
