"""Mailbox settings cards and wording: out of office, working hours, time zone, and how a task repeats."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from babel.dates import format_date as _babel_date
from babel.dates import format_time as _babel_time
from babel.dates import get_day_names

from cards._access import get
from cards.base import TEAMS_VERSION, Card, adaptive_card, fact_set, plain_text, text_block
from cards.text import lang_of, text
from language.formatting import format_day, to_zone

__all__ = [
    "audience_text", "autoreply_status_text", "days_text", "hours_text", "last_day", "repeat_text", "settings_card",
]

_ORDER = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _babel(locale: str | None) -> str:
    return "fr_FR" if lang_of(locale) == "fr" else "en_US"


def _day_name(day: str, locale: str | None) -> str:
    return str(get_day_names("wide", locale=_babel(locale))[_ORDER.index(day)])


def days_text(days: Sequence[str], locale: str | None) -> str:
    """'Monday to Thursday', 'Monday, Wednesday and Friday' (in the locale's words)."""
    ordered = [d for d in _ORDER if d in days]
    if not ordered:
        return text("cards.mailbox.no_days", locale)
    indexes = [_ORDER.index(d) for d in ordered]
    if len(ordered) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return text("cards.mailbox.day_span", locale, first=_day_name(ordered[0], locale), last=_day_name(ordered[-1], locale))
    names = [_day_name(d, locale) for d in ordered]
    if len(names) == 1:
        return names[0]
    return text("cards.mailbox.and", locale, items=", ".join(names[:-1]), last=names[-1])


def hours_text(start: time, end: time, locale: str | None) -> str:
    """'8:00 AM – 4:00 PM' / '08:00 – 16:00'."""
    first = _babel_time(start, format="short", locale=_babel(locale))
    last = _babel_time(end, format="short", locale=_babel(locale))
    return f"{first} – {last}"


def last_day(end: datetime, tz: tzinfo | str) -> date:
    """The last day of a span whose end is exclusive (midnight after the last day away)."""
    return (end.astimezone(to_zone(tz)) - timedelta(microseconds=1)).date()


def _moment(moment: datetime, locale: str | None, tz: tzinfo | str) -> str:
    local = moment.astimezone(to_zone(tz))
    day = format_day(local.date(), locale)
    if local.time() == time(0):
        return day
    return f"{day} {_babel_time(local, format='short', locale=_babel(locale))}"


def autoreply_status_text(replies: Any, locale: str | None, tz: tzinfo | str) -> str:
    """'Off', 'On until you turn it off', 'Scheduled: Monday, December 21 to Saturday, January 2'."""
    status = get(replies, "status", default="disabled")
    if status == "alwaysEnabled":
        return text("cards.mailbox.on", locale)
    start, end = get(replies, "start"), get(replies, "end")
    if status == "scheduled" and isinstance(start, datetime) and isinstance(end, datetime):
        local_end = end.astimezone(to_zone(tz))
        last = format_day(last_day(end, tz), locale) if local_end.time() == time(0) else _moment(end, locale, tz)
        return text("cards.mailbox.scheduled", locale, start=_moment(start, locale, tz), end=last)
    return text("cards.mailbox.off", locale)


def audience_text(audience: str, locale: str | None) -> str:
    key = audience if audience in ("none", "contactsOnly", "all") else "all"
    return text(f"cards.mailbox.audience.{key}", locale)


def repeat_text(recurrence: Any, locale: str | None) -> str | None:
    """How a task repeats, in words ('Every month on day 1', 'Chaque semaine le lundi'), or None."""
    if recurrence is None:
        return None
    kind = get(recurrence, "kind", "type", default="")
    interval = int(get(recurrence, "interval", default=1) or 1)
    days = tuple(get(recurrence, "days_of_week", "daysOfWeek", default=()) or ())
    many = "" if interval == 1 else "_n"
    if kind == "daily":
        return text(f"cards.repeat.daily{many}", locale, n=interval)
    if kind == "weekly":
        if interval == 1 and set(days) == set(_ORDER[:5]):
            return text("cards.repeat.weekdays", locale)
        return text(f"cards.repeat.weekly{many}", locale, n=interval, days=days_text(days, locale))
    if kind == "absoluteMonthly":
        return text(f"cards.repeat.monthly{many}", locale, n=interval, day=int(get(recurrence, "day_of_month", "dayOfMonth", default=1)))
    if kind == "absoluteYearly":
        month = int(get(recurrence, "month", default=1) or 1)
        day = date(2000, month, int(get(recurrence, "day_of_month", "dayOfMonth", default=1) or 1))
        pattern = "d MMMM" if lang_of(locale) == "fr" else "MMMM d"
        return text(f"cards.repeat.yearly{many}", locale, n=interval,
                    date=str(_babel_date(day, format=pattern, locale=_babel(locale))))
    return text("cards.repeat.other", locale)


def settings_card(settings: Any, *, locale: str, tz: tzinfo | str) -> Card:
    """Out of office (status, dates, audience, messages), working hours and time zone, read-only."""
    replies = get(settings, "automatic_replies")
    hours = get(settings, "working_hours")
    body: list[dict[str, Any]] = [text_block(text("cards.mailbox.title", locale), size="Medium", weight="Bolder")]
    body.append(text_block(text("cards.mailbox.autoreply", locale), weight="Bolder", spacing="Medium"))
    facts = [(text("cards.field.status", locale), autoreply_status_text(replies, locale, tz))]
    if replies is not None and get(replies, "status", default="disabled") != "disabled":
        facts.append((text("cards.field.audience", locale), audience_text(get(replies, "external_audience", default="all"), locale)))
    body.append(fact_set(facts))
    for key, attr in (("internal_message", "internal_message"), ("external_message", "external_message")):
        message = str(get(replies, attr, default="") or "") if replies is not None else ""
        if message.strip():
            body.append(text_block(text(f"cards.field.{key}", locale), size="Small", isSubtle=True, spacing="Small"))
            body.append(plain_text(_plain(message), spacing="None"))
    body.append(text_block(text("cards.mailbox.working_hours", locale), weight="Bolder", spacing="Medium"))
    if hours is not None:
        body.append(fact_set([
            (text("cards.field.days", locale), days_text(get(hours, "days", default=()), locale)),
            (text("cards.field.hours", locale), hours_text(get(hours, "start"), get(hours, "end"), locale)),
            (text("cards.field.time_zone", locale), str(get(hours, "time_zone", default=""))),
        ]))
    body.append(fact_set([(text("cards.field.mailbox_zone", locale), str(get(settings, "time_zone", default="UTC")))]))
    return adaptive_card(body, version=TEAMS_VERSION)


def _plain(message: str) -> str:
    """Out-of-office messages may be HTML: show their text."""
    stripped = re.sub(r"<br\s*/?>|</p>", "\n", message, flags=re.I)
    stripped = re.sub(r"<[^>]+>", "", stripped)
    return html.unescape(stripped).strip()
