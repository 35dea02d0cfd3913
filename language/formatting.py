"""Dates, times, ranges, durations and relative times formatted for the user's locale and time zone (Babel)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import dates as babel_dates

from .messages import t, tn
from .text import normalize_locale

__all__ = [
    "format_clock_range", "format_date", "format_datetime", "format_day", "format_duration", "format_relative",
    "format_time", "format_time_range", "to_zone",
]

TzLike = str | tzinfo | None

_DATETIME = {"en": "EEE, MMM d, h:mm a", "fr": "EEEE d MMMM, HH:mm"}
_DATE = {"en": "EEE, MMM d", "fr": "EEEE d MMMM"}
_DATE_YEAR = {"en": "EEE, MMM d, y", "fr": "EEEE d MMMM y"}
_TIME = {"en": "h:mm a", "fr": "HH:mm"}
_DAY = {"en": "EEEE, MMMM d", "fr": "EEEE d MMMM"}


def to_zone(tz: TzLike) -> tzinfo:
    """A tzinfo from an IANA name, a tzinfo, or None (UTC)."""
    if tz is None:
        return ZoneInfo("UTC")
    if isinstance(tz, str):
        return ZoneInfo(tz)
    return tz


def _local(dt: datetime, tz: TzLike) -> datetime:
    zone = to_zone(tz)
    if dt.tzinfo is None:
        return dt.replace(tzinfo=zone)
    return dt.astimezone(zone)


def _key(local: datetime) -> tuple[datetime, tzinfo | None, int]:
    """A cache key that keeps the zone: aware datetimes of one instant in two zones compare equal."""
    return local.replace(tzinfo=None), local.tzinfo, local.fold


@lru_cache(maxsize=4096)
def _cached_datetime(key: tuple[datetime, tzinfo | None, int], pattern: str, lang: str) -> str:
    # A card formats the same few instants many times per turn, and Babel costs ~10 us a call.
    naive, zone, fold = key
    return babel_dates.format_datetime(naive.replace(tzinfo=zone, fold=fold), pattern, locale=lang)


def _babel_datetime(local: datetime, pattern: str, lang: str) -> str:
    return _cached_datetime(_key(local), pattern, lang)


def format_datetime(dt: datetime, locale: str, tz: TzLike = None) -> str:
    """"Tue, Dec 1, 3:00 PM" / "mardi 1 décembre, 15:00" in the zone `tz` (naive `dt` is taken as in `tz`)."""
    lang = normalize_locale(locale)
    return _babel_datetime(_local(dt, tz), _DATETIME[lang], lang)


def format_date(value: date | datetime, locale: str, tz: TzLike = None, *, with_year: bool = False) -> str:
    """"Tue, Dec 1" / "mardi 1 décembre" (with the year on request)."""
    lang = normalize_locale(locale)
    if isinstance(value, datetime):
        value = _local(value, tz).date()
    pattern = (_DATE_YEAR if with_year else _DATE)[lang]
    return _babel_date(value, pattern, lang)


@lru_cache(maxsize=1024)
def _babel_date(value: date, pattern: str, lang: str) -> str:
    return babel_dates.format_date(value, pattern, locale=lang)


def format_day(value: date | datetime, locale: str | None, tz: TzLike = None) -> str:
    """"Monday, March 3" / "lundi 3 mars": the long day cards show (a datetime is first moved into `tz`)."""
    lang = normalize_locale(locale)
    if isinstance(value, datetime):
        value = _local(value, tz).date()
    return _babel_date(value, _DAY[lang], lang)


def format_time(dt: datetime, locale: str | None, tz: TzLike = None) -> str:
    """"3:00 PM" / "15:00"."""
    lang = normalize_locale(locale)
    return _babel_time(_local(dt, tz), _TIME[lang], lang)


@lru_cache(maxsize=4096)
def _cached_time(key: tuple[datetime, tzinfo | None, int], pattern: str, lang: str) -> str:
    naive, zone, fold = key
    return babel_dates.format_time(naive.replace(tzinfo=zone, fold=fold), pattern, locale=lang)


def _babel_time(local: datetime, pattern: str, lang: str) -> str:
    return _cached_time(_key(local), pattern, lang)


def format_time_range(start: datetime, end: datetime, locale: str, tz: TzLike = None) -> str:
    """"Tue, Dec 1, 3:00 – 4:00 PM"-style range: the day once when both ends fall on the same day.

    English: "Tue, Dec 1, 3:00 PM – 4:00 PM"; French: "mardi 1 décembre, 15:00 – 16:00".
    Across days both ends are written in full.
    """
    lang = normalize_locale(locale)
    a, b = _local(start, tz), _local(end, tz)
    if a.date() == b.date():
        return f"{format_datetime(a, lang, tz)} – {format_time(b, lang, tz)}"
    return f"{format_datetime(a, lang, tz)} – {format_datetime(b, lang, tz)}"


def format_clock_range(start: datetime, end: datetime, locale: str | None, tz: TzLike = None) -> str:
    """"2:00 PM – 3:00 PM" / "14:00 – 15:00": times only, with the end's day when it differs from the start's."""
    first = format_time(start, locale, tz)
    last = format_time(end, locale, tz)
    if _local(start, tz).date() != _local(end, tz).date():
        last = f"{format_day(end, locale, tz)} {last}"
    return f"{first} – {last}"


def format_duration(delta: timedelta, locale: str | None) -> str:
    """"1 hr 30 min" / "1 h 30 min"; days when 24 hours or more ("2 days" / "2 jours"); words from the catalogs."""
    lang = normalize_locale(locale)
    total = int(abs(delta).total_seconds() // 60)
    days, rest = divmod(total, 24 * 60)
    hours, minutes = divmod(rest, 60)
    parts: list[str] = []
    if days:
        parts.append(tn("core.duration.days", days, lang))
    if hours:
        parts.append(t("core.duration.hours", lang, hours=hours))
    if minutes or not parts:
        parts.append(t("core.duration.minutes", lang, minutes=minutes))
    return " ".join(parts)


def format_relative(delta: timedelta, locale: str) -> str:
    """"in 25 minutes" / "dans 25 minutes"; a negative delta gives "25 minutes ago" / "il y a 25 minutes"."""
    lang = normalize_locale(locale)
    return babel_dates.format_timedelta(delta, threshold=1.5, add_direction=True, locale=lang)
