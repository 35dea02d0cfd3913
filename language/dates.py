"""Dates, times, ranges and durations in English and French, resolved to aware datetimes in the user's zone.

Built on Microsoft's Recognizers-Text (the models are built once, lazily), with MIPA's own rules
where people mean something else than the recognizer: "next Friday" is the coming Friday (flagged
as ambiguous when it could be next week's), "in two hours" counts real elapsed time across a
daylight-saving change, "end of the week" and French durations are handled here.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from .fastdates import clock_guess, month_day, quick_parse
from .text import fold

__all__ = ["DateInfo", "extract_dates", "has_date_cue", "parse_number_word"]

logger = logging.getLogger(__name__)

_NUMBER_WORDS = {
    "one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40,
    "forty-five": 45, "fifty": 50, "half": 0, "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4,
    "cinq": 5, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "quinze": 15, "vingt": 20, "trente": 30,
    "quarante": 40, "quarante-cinq": 45, "cinquante": 50, "several": 3,
}
_NUM = r"(\d+|" + "|".join(sorted((re.escape(k) for k in _NUMBER_WORDS), key=len, reverse=True)) + r")"

_CUE = re.compile(
    r"\d|today|tonight|tomorrow|yesterday|week|month|year|morning|afternoon|evening|noon|midnight|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|\bmon\b|\btue|\bwed\b|\bthu|\bfri\b|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"hour|minute|\bin (?:a|an|one|two|three|four|five|ten)\b|weekend|"
    r"aujourd|demain|hier|semaine|mois|annee|matin|apres-midi|soir|midi|minuit|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|fevrier|mars|avril|mai|juin|"
    r"juillet|aout|septembre|octobre|novembre|decembre|heure|\bdans (?:un|une|deux|trois|dix)\b|"
    r"o'clock|\bnow\b|maintenant|ce soir|\btonite"
)
_IN_DELTA = re.compile(r"\b(?:in|dans)\s+" + _NUM + r"\s+(hours?|hrs?|minutes?|mins?|heures?|days?|jours?)\b")
_DURATION = re.compile(
    r"\b(?:for|lasting|pendant|durant|duree de)\s+(?:an?\s+|une?\s+)?"
    r"(?:" + _NUM + r"\s*(hours?|hrs?|h|heures?)(?:\s*(?:and\s+|et\s+)?(\d+)\s*(?:minutes?|mins?|min)?)?"
    r"|" + _NUM + r"\s*(minutes?|mins?|min))\b"
)
# "a 30 minute meeting", "une réunion de 30 minutes", "un appel d'une heure", "a free hour", "une heure libre"
_DURATION_NOUN = re.compile(
    r"\b" + _NUM + r"[ -](minutes?|mins?|hours?|hrs?)(?:[ -]long)? (?:meeting|call|session|slot|block|appointment|chat|"
    r"sync|review|lunch)s?\b"
    r"|\b(?:reunion|rencontre|appel|rendez-vous|creneau|point|session|dejeuner)s? (?:de |d')" + _NUM
    + r" (minutes?|heures?)\b"
    r"|\b(?:an?|one|une) (?:free|open) (hour)\b|\b(?:une|1) (heure) (?:libre|de libre)\b"
    r"|\b" + _NUM + r" (?:free|open) (hours?)\b|\b" + _NUM + r" (heures?) (?:libres?|de libre)\b"
)
_HALF_HOUR = re.compile(r"\b(?:for|pendant|durant)\s+(?:half an hour|a half hour|une demi-heure|1/2 h)\b")
_NEXT_WEEKDAY = re.compile(
    r"\bnext (monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"\b(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) prochain\b"
)
_END_OF_WEEK = re.compile(r"\b(?:end of (?:the |this )?week|fin de (?:la |cette )?semaine)\b")
_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6,
}
_BARE_RANGE_EN = re.compile(r"\b(from|between)\s+(\d{1,2})(:\d\d)?\s+(to|and|-|until|till)\s+(\d{1,2})(:\d\d)?\b(?!\s*(?:am|pm|a\.m|p\.m|o'clock))")

_TONIGHT = re.compile(r"\b(?:tonight|ce soir)\b")
_SPACED_HOUR = re.compile(r"\b(\d{1,2}) h\b")


@dataclass(frozen=True, slots=True)
class DateInfo:
    """The date and time part of an utterance (see `Entities` for the meaning of each field)."""

    start: datetime | None = None
    end: datetime | None = None
    all_day: bool = False
    duration: timedelta | None = None
    time_given: bool = False
    ambiguities: tuple[str, ...] = ()


def parse_number_word(word: str) -> int | None:
    """12 for "12", 2 for "two" / "deux"; None otherwise."""
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


def has_date_cue(folded: str) -> bool:
    """A cheap test: could this folded text contain a date, time or duration?"""
    return _CUE.search(folded) is not None


_MODELS: dict[str, Any] = {}  # "en" / "fr" -> Recognizers-Text's date-time model, built once
_BUILDING = threading.Lock()  # one build at a time: a second caller waits for the model instead of building a copy
_PREPARED: set[str] = set()


def _model(lang: str) -> Any:
    lang = "fr" if lang == "fr" else "en"
    model = _MODELS.get(lang)
    if model is None:
        with _BUILDING:
            model = _MODELS.get(lang)
            if model is None:
                model = _MODELS[lang] = _build_model(lang)
    return model


def _build_model(lang: str) -> Any:
    from recognizers_date_time import DateTimeOptions, DateTimeRecognizer
    from recognizers_text import Culture

    culture = Culture.French if lang == "fr" else Culture.English
    logger.info("building the %s date-time model", lang)
    return DateTimeRecognizer(culture, DateTimeOptions.NONE).get_datetime_model()


def model_built(lang: str) -> bool:
    """Whether the date-time model of `lang` exists (built by `warm_up`, `prepare` or a reading that needed it)."""
    return ("fr" if lang == "fr" else "en") in _MODELS


def prepare(lang: str) -> None:
    """Start building the date-time model of `lang` in a background thread, once, unless it exists.

    The first sentence of a language read for dates calls this. The French model is 30 MB resident (one regex,
    Recognizers-Text's French ordinals, is 23 MB in the `regex` module) and about a second of CPU, and fewer
    than 1 % of sentences need it (6 of the 659 French test-set sentences; `fastdates` reads the rest), so a
    process that only ever hears English never builds it (issue 25), and one that hears French has it ready
    by the time a sentence needs it (that sentence waits for the build instead of building a second copy).
    """
    lang = "fr" if lang == "fr" else "en"
    if lang in _MODELS or lang in _PREPARED:
        return
    _PREPARED.add(lang)
    threading.Thread(target=warm_up, args=(lang,), name=f"mipa-date-model-{lang}", daemon=True).start()


_WARM_UP = {
    "en": "from the 22nd to jan 1 every monday at 3pm for two hours, the day after tomorrow at half past 4",
    "fr": "du 22 au 1er janvier chaque lundi à 15h pendant deux heures, après-demain à 16h30",
}


def warm_up(lang: str) -> None:
    """Build the date-time model of a locale now, and read one sentence with it (its first readings compile
    regular expressions: one to two seconds) instead of on a person's first turn."""
    _model(lang).parse(_WARM_UP[lang], datetime(2026, 1, 5, 9, 0))


def _aware(naive: datetime, zone: tzinfo) -> datetime:
    return naive.replace(tzinfo=zone)


def _midnight(day: date, zone: tzinfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)


def _parse_dt(value: str) -> datetime:
    return datetime.fromisoformat(value.strip())


def _pick(values: list[dict[str, Any]], today: date, lang: str) -> dict[str, Any]:
    """Of several readings (a bare "Friday" gives last and next), the first one not in the past.

    An hour without am/pm ("at 3", "10h") comes as the hour written and 12 hours later: the one
    `fastdates.clock_guess` gives is kept (French: as written; English: 1 to 7 in the afternoon).
    """
    if values[0].get("type") in ("time", "datetime") and len(values) > 1:
        clocks = {str(v.get("value", ""))[-8:] for v in values}
        written = str(values[0].get("value", ""))[-8:]
        if len(clocks) == 2 and written[:2].isdigit() and written[3:5].isdigit():
            hour, minute = int(written[:2]), int(written[3:5])
            wanted = clock_guess(hour, minute, lang).strftime("%H:%M:%S") if hour <= 12 else written
            values = [v for v in values if str(v.get("value", ""))[-8:] == wanted] or values
    for v in values:
        key = v.get("value") or v.get("start") or ""
        if key and key[:10] >= today.isoformat():
            return v
    return values[-1]


_NUMERIC_DATE = re.compile(r"\b(?:(20\d\d)-(\d{1,2})-(\d{1,2})|(\d{1,2})/(\d{1,2})(?:/(20\d\d|\d\d))?)\b(?! ?(?:h\b|hours?|heures?))")
_MONTH_NAMES = {
    "en": ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"),
    "fr": ("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
           "novembre", "decembre"),
}


def _numeric_dates(folded: str, lang: str, dmy: bool, today: date) -> str:
    """"10/12" as "10 december" (day first: en-GB, French) or "october 12" (en-US); "2026-12-05" as a named date."""

    def named(m: re.Match[str]) -> str:
        if m.group(1):
            year: int | None = int(m.group(1))
            month, day = int(m.group(2)), int(m.group(3))
        else:
            a, b = int(m.group(4)), int(m.group(5))
            day, month = (a, b) if dmy else (b, a)
            year = (2000 + int(m.group(6)) if len(m.group(6)) == 2 else int(m.group(6))) if m.group(6) else None
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return m.group(0)
        found = month_day(month, day, year, today)
        if found is None:
            return m.group(0)
        return f"{found.day} {_MONTH_NAMES[lang][found.month - 1]} {found.year}"

    return _NUMERIC_DATE.sub(named, folded) if "/" in folded or "-" in folded else folded


def extract_dates(text: str, lang: str, now: datetime, zone: tzinfo, *, fast: bool = True,
                  dmy: bool | None = None) -> DateInfo:
    """Find the date, time, range and duration in `text` (any case), relative to the aware `now`.

    fast: read the common phrasings with `fastdates.quick_parse` (False: always Recognizers-Text).
    dmy: numeric dates read day/month (en-GB, French) rather than month/day (en-US); default: French only.
    A reading that overflows the calendar ("du 24 au 26 dec" read as a range to the year 9999) is no date.
    """
    prepare(lang)
    try:
        return _extract_dates(text, lang, now, zone, fast=fast, dmy=dmy)
    except OverflowError:
        logger.info("date reading overflowed (%s)", lang)
        return DateInfo()


def _extract_dates(text: str, lang: str, now: datetime, zone: tzinfo, *, fast: bool,
                   dmy: bool | None) -> DateInfo:
    if dmy is None:
        dmy = lang == "fr"
    folded = fold(text)
    if not has_date_cue(folded):
        return DateInfo()
    local_now = now.astimezone(zone)
    today = local_now.date()
    duration: timedelta | None = None
    ambiguities: list[str] = []

    folded = _numeric_dates(folded, lang, dmy, today)
    m = _DURATION.search(folded)
    noun = _DURATION_NOUN.search(folded) if not m else None
    if noun:
        number = next((g for g in (noun.group(1), noun.group(3), noun.group(7), noun.group(9)) if g), None)
        unit = next(g for g in (noun.group(i) for i in (2, 4, 5, 6, 8, 10)) if g)
        amount = (parse_number_word(number) or 0) if number else 1
        duration = timedelta(hours=amount) if unit.startswith("h") else timedelta(minutes=amount)
        folded = folded[: noun.start()] + " " * (noun.end() - noun.start()) + folded[noun.end():]
    elif m:
        if m.group(1):
            hours = parse_number_word(m.group(1)) or 0
            minutes = int(m.group(3)) if m.group(3) else 0
            duration = timedelta(hours=hours, minutes=minutes)
        elif m.group(4):
            duration = timedelta(minutes=parse_number_word(m.group(4)) or 0)
        folded = folded[: m.start()] + " " * (m.end() - m.start()) + folded[m.end():]
    elif _HALF_HOUR.search(folded):
        duration = timedelta(minutes=30)

    tonight = _TONIGHT.search(folded)
    if tonight and not has_date_cue(folded[: tonight.start()] + " " + folded[tonight.end():]):
        # "tonight" / "ce soir" on their own: from 20:00 to the end of the day (Recognizers-Text's French model
        # reads "ce soir" as 16:00-20:00, the evening, which puts a reminder "ce soir" at 4pm)
        evening = datetime.combine(today, time(20), tzinfo=zone)
        late = datetime.combine(today, time(23, 59, 59), tzinfo=zone)
        return DateInfo(start=evening, end=late, duration=duration or late - evening, time_given=True)

    m = _IN_DELTA.search(folded)
    if m:
        n = parse_number_word(m.group(1)) or 0
        unit = m.group(2)
        if unit.startswith(("day", "jour")):
            return DateInfo(start=_midnight(today + timedelta(days=n), zone), end=_midnight(today + timedelta(days=n + 1), zone), all_day=True,
                            duration=duration)
        delta = timedelta(hours=n) if unit.startswith("h") else timedelta(minutes=n)
        at = (now + delta).astimezone(zone)  # real elapsed time, right across a DST change
        return DateInfo(start=at, end=_after(at, duration) if duration else None, duration=duration,
                        time_given=True)

    if _END_OF_WEEK.search(folded):
        monday = today - timedelta(days=today.weekday())
        first = max(today, monday + timedelta(days=3))
        return DateInfo(start=_midnight(first, zone), end=_midnight(monday + timedelta(days=7), zone),
                        all_day=True, duration=duration)

    if lang == "en":
        folded = _BARE_RANGE_EN.sub(_business_hours, folded)
    else:  # "15 h" is 15h (Recognizers-Text reads it as 3 o'clock)
        folded = _SPACED_HOUR.sub(r"\1h", folded)
    day: date | None = None
    day_end: date | None = None
    clock: time | None = None
    start: datetime | None = None
    end: datetime | None = None
    time_given = False
    naive_now = local_now.replace(tzinfo=None, second=0, microsecond=0)
    quick = quick_parse(folded, lang, today, naive_now) if fast else None
    if quick is not None:
        day, day_end, clock = quick.day, quick.day_end, quick.clock
        start = _aware(quick.start, zone) if quick.start else None
        end = _aware(quick.end, zone) if quick.end else None
        time_given = start is not None
        if quick.duration is not None:
            duration = quick.duration if duration is None else duration + quick.duration
    # Recognizers-Text's French model reads nothing in "demain." or "à 17h.": no final punctuation
    results = [] if quick is not None else _model(lang).parse(folded.rstrip(" .!?;,"), naive_now)
    for r in results:
        values = (r.resolution or {}).get("values") or []
        if not values:
            continue
        v = _pick(values, today, lang)
        kind = v.get("type", "")
        try:
            if kind == "date" and day is None:
                day = _parse_dt(v["value"]).date()
            elif kind == "time" and clock is None:
                clock = _parse_dt("2000-01-01 " + v["value"]).time()
            elif kind == "datetime" and start is None:
                start = _aware(_parse_dt(v["value"]), zone)
                time_given = True
            elif kind == "daterange" and day is None and "start" in v:
                day = _parse_dt(v["start"]).date()
                day_end = _parse_dt(v["end"]).date() if "end" in v else None
            elif kind in ("datetimerange", "timerange") and start is None and "start" in v:
                if kind == "timerange":
                    s_time = _parse_dt("2000-01-01 " + v["start"]).time()
                    e_time = _parse_dt("2000-01-01 " + v["end"]).time()
                    start = datetime.combine(day or today, s_time, tzinfo=zone)
                    end = datetime.combine(day or today, e_time, tzinfo=zone)
                else:
                    start = _aware(_parse_dt(v["start"]), zone)
                    end = _aware(_parse_dt(v["end"]), zone) if "end" in v else None
                time_given = "T" in v.get("timex", "") or kind == "timerange"
            elif kind == "duration" and duration is None:
                duration = timedelta(seconds=float(v["value"]))
            elif kind == "duration" and duration is not None:
                duration += timedelta(seconds=float(v["value"]))
        except (KeyError, ValueError) as exc:
            logger.debug("unusable date resolution of type %s: %s", kind, type(exc).__name__)

    nw = _NEXT_WEEKDAY.search(folded)
    if nw:
        target = _WEEKDAYS[nw.group(1) or nw.group(2)]
        ahead = (target - today.weekday()) % 7 or 7
        coming = today + timedelta(days=ahead)
        following = coming + timedelta(days=7)
        if (today.weekday() < target) and ahead < 7:
            ambiguities.append("next_weekday")
        shift = None
        if day is not None and day == following and coming != following:
            shift = coming - day
            day = coming
        elif start is not None and start.date() == following:
            shift = coming - following
        if shift is not None and start is not None:
            start = _shift(start, shift)
            end = _shift(end, shift) if end else None

    if start is not None and day is not None and end is not None and clock is None:
        # a time range plus a separate date ("from 2pm to 4pm next tuesday")
        if start.date() == today and day != today:
            start = datetime.combine(day, start.timetz().replace(tzinfo=None), tzinfo=zone)
            end = datetime.combine(day, end.timetz().replace(tzinfo=None), tzinfo=zone)
    if start is None:
        if clock is not None:
            base = day or today
            start = datetime.combine(base, clock, tzinfo=zone)
            if day is None and start < local_now:
                start = datetime.combine(base + timedelta(days=1), clock, tzinfo=zone)
            time_given = True
        elif day is not None:
            start = _midnight(day, zone)
            end = _midnight(day_end, zone) if day_end else _midnight(day + timedelta(days=1), zone)
            return DateInfo(start=start, end=end, all_day=True, duration=duration,
                            ambiguities=tuple(ambiguities))
    if start is not None and end is None and duration is not None:
        end = _after(start, duration)
    if start is not None and end is not None and duration is None and time_given:
        duration = end.astimezone(UTC) - start.astimezone(UTC)
    return DateInfo(start=start, end=end, all_day=False, duration=duration, time_given=time_given,
                    ambiguities=tuple(ambiguities))


def _after(dt: datetime, delta: timedelta) -> datetime:
    """`dt` plus real elapsed time (aware arithmetic in one zone would add wall-clock time)."""
    return (dt.astimezone(UTC) + delta).astimezone(dt.tzinfo)


def _shift(dt: datetime, delta: timedelta) -> datetime:
    """Move a wall-clock time by whole days in its own zone."""
    return datetime.combine(dt.date() + delta, dt.timetz().replace(tzinfo=None), tzinfo=dt.tzinfo)


def _business_hours(m: re.Match[str]) -> str:
    """"from 2 to 4" -> "from 2pm to 4pm" (bare hours from 1 to 7 are afternoon hours)."""
    a, b = int(m.group(2)), int(m.group(5))
    suffix_a = "pm" if 1 <= a <= 7 else ("am" if a <= 12 else "")
    suffix_b = "pm" if 1 <= b <= 7 or (b <= 12 and suffix_a == "pm") else ("am" if b <= 12 else "")
    return f"{m.group(1)} {a}{m.group(3) or ''}{suffix_a} {m.group(4)} {b}{m.group(6) or ''}{suffix_b}"
