"""Localised strings and date/time formatting for cards (catalog `cards.json`, English and French)."""

from __future__ import annotations

import json
import logging
from datetime import date, datetime, timedelta, tzinfo
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_date as _babel_date
from babel.dates import format_time as _babel_time

from cards.errors import MissingTextError

__all__ = [
    "LANGUAGES",
    "catalog",
    "format_day",
    "format_duration",
    "format_time",
    "format_time_range",
    "lang_of",
    "text",
    "to_zone",
]

logger = logging.getLogger(__name__)

LANGUAGES = ("en", "fr")
_MESSAGES = Path(__file__).resolve().parent.parent / "language" / "messages"


def lang_of(locale: str | None) -> str:
    """'fr-CA' -> 'fr'; anything unsupported -> 'en'."""
    lang = (locale or "en").replace("_", "-").split("-")[0].lower()
    return lang if lang in LANGUAGES else "en"


@cache
def catalog(lang: str) -> dict[str, str]:
    """This package's own catalog file of one language (`cards.json`), for checks and tools."""
    path = _MESSAGES / lang / "cards.json"
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise MissingTextError("<catalog>", lang)
    return data


def text(key: str, locale: str | None, /, **params: object) -> str:
    """The string `key` in the locale's language with `{name}` placeholders filled in."""
    # The shared catalogs (every file of language/messages/<lang>/), imported on first use.
    from language.errors import MissingMessageError
    from language.messages import t

    try:
        return t(key, lang_of(locale), **params)
    except MissingMessageError as exc:
        raise MissingTextError(key, lang_of(locale)) from exc


def to_zone(tz: tzinfo | str | None) -> tzinfo:
    if tz is None:
        return ZoneInfo("UTC")
    if isinstance(tz, str):
        return ZoneInfo(tz)
    return tz


def _local(moment: datetime, tz: tzinfo | str | None) -> datetime:
    zone = to_zone(tz)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=ZoneInfo("UTC"))
    return moment.astimezone(zone)


def _babel_locale(locale: str | None) -> str:
    return "fr_FR" if lang_of(locale) == "fr" else "en_US"


def format_time(moment: datetime, locale: str | None, tz: tzinfo | str | None) -> str:
    """'2:30 PM' / '14:30' in the user's zone."""
    return str(_babel_time(_local(moment, tz), format="short", locale=_babel_locale(locale)))


def format_day(day: date | datetime, locale: str | None, tz: tzinfo | str | None = None) -> str:
    """'Monday, March 3' / 'lundi 3 mars' (a datetime is first moved into the user's zone)."""
    if isinstance(day, datetime):
        day = _local(day, tz).date()
    pattern = "EEEE d MMMM" if lang_of(locale) == "fr" else "EEEE, MMMM d"
    return str(_babel_date(day, format=pattern, locale=_babel_locale(locale)))


def format_time_range(start: datetime, end: datetime, locale: str | None, tz: tzinfo | str | None) -> str:
    """'2:00 PM – 3:00 PM', with the day of the end when it differs from the start's."""
    first = format_time(start, locale, tz)
    last = format_time(end, locale, tz)
    if _local(start, tz).date() != _local(end, tz).date():
        last = f"{format_day(end, locale, tz)} {last}"
    return f"{first} – {last}"


def format_duration(length: timedelta, locale: str | None) -> str:
    """'1 h 30 min' style, the same shape in both languages."""
    minutes = max(0, int(length.total_seconds() // 60))
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return text("cards.duration.hours_minutes", locale, hours=hours, minutes=rest)
    if hours:
        return text("cards.duration.hours", locale, hours=hours)
    return text("cards.duration.minutes", locale, minutes=rest)
