"""`recognize`: one utterance in, its intent and entities out (English and French, offline, cached)."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from clock import clock_from_env

from .dates import DateInfo, extract_dates, has_date_cue
from .features import features
from .intents import Model, classify, known_words, load_model
from .models import Entities, Recognition
from .text import detect_locale, fold, normalize_locale
from .typos import chat_text, correct_words, correct_words_fr, fix_typos, strip_politeness

__all__ = ["day_first", "extract_entities", "in_the_past", "recognize", "recognize_intent", "recognized", "warm_up"]

logger = logging.getLogger(__name__)


def _zone(tz: str | tzinfo | None) -> tzinfo:
    if tz is None:
        return ZoneInfo("UTC")
    if isinstance(tz, str):
        return ZoneInfo(tz)
    return tz


def _lang(text: str, locale: str | None) -> str:
    if isinstance(locale, str) and locale.strip().lower()[:2] in ("en", "fr"):
        return normalize_locale(locale)
    return detect_locale(text)


def recognize(
    text: str,
    locale: str | None = None,
    now: datetime | None = None,
    tz: str | ZoneInfo | tzinfo | None = None,
) -> Recognition:
    """The intent (from the catalog, `none` outside MIPA) and entities of `text`.

    locale: "en", "en-US", "en-GB", "fr", "fr-FR", ...; None (or another language) means detect from the text.
        The region sets the order of numeric dates: en-US reads 10/12 as October 12, en-GB and French as 10 December.
    now: the reference time (aware, or naive meaning in `tz`); default: the system clock, moved by
        MIPA_CLOCK_OFFSET when set (clock.py). The bot always passes its own clock's "now".
    tz: the user's IANA zone name or tzinfo; dates are resolved and returned in it (default UTC).
    """
    key = _key(text, locale, now, tz)
    found = _RECENT.get(key)
    if found is None:
        found = _read(*key)
        oldest = next(iter(_RECENT), None) if len(_RECENT) >= _RECENT_SIZE else None
        if oldest is not None:  # the oldest answer goes (keys hold the minute: soon stale); threads may race here
            _RECENT.pop(oldest, None)
        _RECENT[key] = found
    return found


def recognized(
    text: str,
    locale: str | None = None,
    now: datetime | None = None,
    tz: str | ZoneInfo | tzinfo | None = None,
) -> Recognition | None:
    """What `recognize` answered for the same arguments within the same minute, or None: a dictionary look-up,
    so a coroutine may call it and hand only the sentences not read yet to a worker thread."""
    return _RECENT.get(_key(text, locale, now, tz))


def _key(text: str, locale: str | None, now: datetime | None,
         tz: str | ZoneInfo | tzinfo | None) -> tuple[str, str, bool, datetime, tzinfo]:
    zone, minute = _reference(now, tz)
    lang = _lang(text or "", locale)
    return text or "", lang, day_first(locale, lang), minute, zone


#: `recognize`'s answers by their `_read` arguments (ZoneInfo objects are cached, so equal zone names give the same
#: key), the most recent `_RECENT_SIZE`: the one cache of whole answers, readable without computing anything.
_RECENT: dict[tuple[str, str, bool, datetime, tzinfo], Recognition] = {}
_RECENT_SIZE = 2048


def recognize_intent(text: str, locale: str | None = None) -> str:
    """The intent `recognize` finds for `text`, without reading its entities: no date reading (Recognizers-Text can
    take tens of milliseconds), so it can run on the event loop. The intent depends on neither `now` nor the zone."""
    lang = _lang(text or "", locale)
    return _classify(fold(text or ""), text or "", lang)[0]


def _classify(folded: str, text: str, lang: str) -> tuple[str, float, tuple[str, ...]]:
    if not folded:
        return "none", 1.0, ()
    return read_intent(load_model()[lang], text, lang)


def read_intent(model: Model, text: str, lang: str) -> tuple[str, float, tuple[str, ...]]:
    """`classify` of `text` as typed, with `model`, the way the recognizer reads it (and the k-fold scores it,
    language/train.py): chat shorthand spelt out (the scorer was trained on the same spelling), English and French
    keyword slips corrected and the politeness around an English request left out, then the rules, the scorer and the
    guards."""
    text = chat_text(text)
    if lang == "en":
        text = correct_words(strip_politeness(text), known_words(model))
    elif lang == "fr":
        text = correct_words_fr(text, known_words(model))
    folded = fold(text)
    return classify(model, folded, features(text, date_cue=has_date_cue(folded)), text, lang)


def warm_up(languages: Sequence[str] = ("en",)) -> None:
    """Load and exercise what `recognize` builds on first use (intent model, zone names, the date-time models of
    `languages`), so that a person's first turn does not pay for it; seconds of work, meant for a worker thread at
    start-up. Another language's date-time model is built in the background by its first sentence read for dates
    (`dates.prepare`): the French one is 30 MB that a process which never hears French does without."""
    from .dates import warm_up as warm_dates
    from .mailbox import find_time_zone

    load_model()
    find_time_zone("Europe/Paris")
    for lang in languages:
        warm_dates(lang)
    then = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)  # any instant: this reads sentences, it answers nobody
    for text, lang in (("move my 3pm meeting with Anna to tomorrow at 10", "en"),
                       ("ajoute acheter du pain à ma liste de courses", "fr")):
        if lang in languages:
            recognize(text, lang, then, "UTC")  # imports and compiles what the entity readers use


def extract_entities(
    text: str,
    locale: str | None,
    intent: str,
    now: datetime | None = None,
    tz: str | ZoneInfo | tzinfo | None = None,
) -> Entities:
    """The entities of `text` read for a known `intent` (as `recognize` reads them for the intent it finds)."""
    zone, minute = _reference(now, tz)
    lang = _lang(text or "", locale)
    return _entities(text or "", lang, day_first(locale, lang), intent, minute, zone)


def _reference(now: datetime | None, tz: str | ZoneInfo | tzinfo | None) -> tuple[tzinfo, datetime]:
    zone = _zone(tz)
    if now is None:
        now = clock_from_env().now()  # callers in the bot always pass the app clock's now
    elif now.tzinfo is None:
        now = now.replace(tzinfo=zone)
    return zone, now.astimezone(UTC).replace(second=0, microsecond=0)


def _read(text: str, lang: str, dmy: bool, now: datetime, zone: tzinfo) -> Recognition:
    folded = fold(text)
    if not folded:
        return Recognition(intent="none", score=1.0, locale=lang)
    intent, score, alternatives = _classify(folded, text, lang)
    entities = _entities(text, lang, dmy, intent, now, zone)
    logger.debug("recognised intent=%s score=%.2f locale=%s", intent, score, lang)
    return Recognition(intent=intent, score=score, locale=lang, entities=entities, alternatives=alternatives)


@lru_cache(maxsize=2048)
def _entities(text: str, lang: str, dmy: bool, intent: str, now: datetime, zone: tzinfo) -> Entities:
    from .entities import extract_text_entities

    text = fix_typos(text)
    fields = extract_text_entities(text, lang, intent)
    entities = Entities(**fields)  # type: ignore[arg-type]
    if intent.startswith(_OWN_DATES):
        return entities
    if has_date_cue(fold(text)):
        date_text = text
        for name in (entities.plan_name, entities.bucket_name, entities.list_name):
            if name:  # "the Q4 plan" names a plan, not a quarter
                date_text = date_text.replace(name, " ")
        if intent.startswith("calendar.") and entities.title and entities.title in date_text:
            date_text = date_text.replace(entities.title, " ")  # "a call called Q4 review", "Workshop 7": no date
        said = date_text if intent.startswith("calendar.") else text
        moved = _reschedule(said, lang, now, zone, entities, dmy, date_text) if intent == "calendar.update" else None
        if moved is not None:  # "move <the meeting at X> to <Y>" read in its two parts, not as a whole
            entities = moved
        else:
            info = _dates_outside_title(date_text, lang, now, zone, entities.title, dmy) \
                if intent in _TITLED_INTENTS else extract_dates(date_text, lang, now, zone, dmy=dmy)
            entities = replace(
                entities, start=info.start, end=info.end, all_day=info.all_day, duration=info.duration,
                time_given=info.time_given, ambiguities=info.ambiguities,
            )
        if intent in _NEW_ITEM_INTENTS and in_the_past(entities, now):
            entities = replace(entities, ambiguities=(*entities.ambiguities, "past"))
    return entities


# Intents whose dialogs read their own dates and times from the utterance (language/mailbox.py `parse_autoreply`,
# `parse_hours`; language/alerts.py `parse_alert`): the date recognizer is not run for them.
_OWN_DATES = ("mailbox.", "notify.")
_NEW_ITEM_INTENTS = frozenset({"calendar.create", "todo.add", "planner.add", "mail.to_task"})


def in_the_past(entities: Entities, now: datetime) -> bool:
    """A new meeting or reminder set before now: a stated time already gone, or a day before today."""
    if entities.start is None:
        return False
    if entities.time_given:
        return entities.start < now
    return entities.end is not None and entities.end <= now


_DAY_FIRST_EN = frozenset({"gb", "uk", "ie", "au", "nz", "in", "za", "sg", "hk"})


def day_first(locale: object, lang: str) -> bool:
    """True when numeric dates read day/month (en-GB, French); en-US and bare "en" read month/day."""
    if lang == "fr":
        return True
    if isinstance(locale, str):
        region = locale.replace("_", "-").lower().partition("-")[2][:2]
        return region in _DAY_FIRST_EN
    return False


_TITLED_INTENTS = frozenset({"todo.add", "todo.complete", "todo.delete", "planner.add", "planner.complete", "mail.to_task"})
# "move my 3pm TO tomorrow at 10am", "déplace ma réunion de 15h À demain 10h": the marker before the new time.
_TARGET = {
    "en": re.compile(r"\b(?:to|until|till|into)\s+(?=(?:the\s+)?(?:today|tomorrow|tonight|next|this|noon|midday|"
                     r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d|same time|end of))", re.IGNORECASE),
    "fr": re.compile(r"(?:\bà|\ba|\bau|\bpour|\bvers)\s+(?=(?:la\s+|le\s+)?(?:aujourd|demain|ce\s|cet\s|cette\s|midi|"
                     r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\d|semaine prochaine|la semaine|fin de|"
                     r"même heure))", re.IGNORECASE),
}

_DAY_THEN_CLOCK = re.compile(r"\b(?:aujourd'hui|demain|apres-demain|matin|apres-midi|soir|midi|lundi|mardi|mercredi|jeudi|"
                             r"vendredi|samedi|dimanche|prochaine?)\s+(?:a|au)\s*$")


def _dates_outside_title(text: str, lang: str, now: datetime, zone: tzinfo, title: str | None, dmy: bool) -> DateInfo:
    """The due date of a task: date words inside its title are the title's ("file the Q3 report next week",
    "pay the July invoice"); a single day there is still taken when nothing else is said."""
    if title and title in text and has_date_cue(fold(title)):
        outside = extract_dates(text.replace(title, " "), lang, now, zone, dmy=dmy)
        if outside.start is not None:
            return outside
        info = extract_dates(text, lang, now, zone, dmy=dmy)
        return DateInfo() if _spans_days(info) else info
    return extract_dates(text, lang, now, zone, dmy=dmy)


def _spans_days(info: DateInfo) -> bool:
    return info.start is not None and info.end is not None and info.end - info.start > timedelta(days=1, hours=1)


_LENGTH = re.compile(r"\b(?:for|lasting|pendant|durant|duree)\b|\b(?:minutes?|mins?|hours?|heures?)\b")
_DAY_WORD = re.compile(
    r"today|tonight|tomorrow|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|\bnext\b|\bthis\b|"
    r"week|month|\bend of|day after|aujourd|demain|hier|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|semaine|"
    r"mois|\bfin d|lendemain|\d{1,2}/\d|\d{4}-\d|january|february|march|april|\bmay\b|june|july|august|september|"
    r"october|november|december|janvier|fevrier|mars|avril|\bmai\b|juin|juillet|aout|septembre|octobre|novembre|decembre")


def _reschedule(text: str, lang: str, now: datetime, zone: tzinfo, entities: Entities, dmy: bool,
                date_text: str) -> Entities | None:
    """Split "move <the meeting at X> to <Y>": `start` from X, `new_start` from Y (see `Entities.new_start`);
    None when the text has no such target."""
    for m in _TARGET[lang].finditer(text):
        if lang == "fr" and _DAY_THEN_CLOCK.search(fold(text[: m.end()])) and text[m.end():m.end() + 1].isdigit():
            continue  # "demain à 10h", "ce matin à 10h": one time, not a move
        target = extract_dates(text[m.end():], lang, now, zone, dmy=dmy)
        if target.start is None:
            continue
        current = extract_dates(text[: m.start()], lang, now, zone, dmy=dmy)
        if current.start is None or not current.time_given:
            # no current clock time ("move it to 4pm", "tomorrow's meeting to Thursday at 2pm"): start repeats
            # the target, as dialogs written before `new_start` expect
            duration = target.duration
            if duration is None and _LENGTH.search(fold(text[: m.start()])):  # "move my hour-long sync to 3pm"
                duration = extract_dates(date_text, lang, now, zone, dmy=dmy).duration
            return replace(entities, start=target.start, end=target.end, all_day=target.all_day, duration=duration,
                           time_given=target.time_given, ambiguities=target.ambiguities, new_start=target.start)
        if not target.time_given and current.time_given:  # "move my 3pm to Friday": Friday at 3pm
            moved = datetime.combine(target.start.date(), current.start.timetz().replace(tzinfo=None), tzinfo=zone)
            target = replace(target, start=moved, time_given=True)
        elif target.time_given and target.start is not None and not _DAY_WORD.search(fold(text[m.end():])):
            # "move my 2pm on Tuesday to 4pm": a new time only, so the meeting keeps its day
            local = current.start.astimezone(zone).date()
            clock = target.start.astimezone(zone).timetz().replace(tzinfo=None)
            moved = datetime.combine(local, clock, tzinfo=zone)
            target = replace(target, start=moved)
        return replace(
            entities, start=current.start, end=target.start, all_day=current.all_day, duration=None,
            time_given=current.time_given, ambiguities=current.ambiguities + target.ambiguities,
            new_start=target.start,
        )
    return None
