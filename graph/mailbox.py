"""Mailbox settings: the user's time zone (mapped to IANA), working hours, language and out of office; their updates."""

from __future__ import annotations

from datetime import UTC, time
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ._json import obj
from .models import AutomaticReplies, MailboxSettings, WorkingHours
from .session import Session
from .timezones import WINDOWS_TO_IANA, format_graph_datetime, parse_date_time_zone, to_iana

__all__ = ["AUDIENCES", "MailboxService", "REPLY_STATUSES", "hours_body", "parse_automatic_replies", "parse_mailbox_settings", "replies_body"]

_SELECT = "timeZone,workingHours,language,automaticRepliesSetting"
REPLY_STATUSES = ("disabled", "alwaysEnabled", "scheduled")
AUDIENCES = ("none", "contactsOnly", "all")
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _time(value: Any, default: time) -> time:
    if not isinstance(value, str):
        return default
    try:
        return time.fromisoformat(value.split(".", 1)[0])
    except ValueError:
        return default


@cache
def _windows_names() -> frozenset[str]:
    """The Windows zone names Graph may use, lower-cased (built on first use, once)."""
    return frozenset(k.lower() for k in WINDOWS_TO_IANA)


def _usable(name: Any) -> bool:
    if not isinstance(name, str) or not name.strip():
        return False
    if name.strip().lower() in _windows_names():
        return True
    try:
        ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def parse_automatic_replies(value: Any) -> AutomaticReplies:
    """Graph's automaticRepliesSetting; unknown or missing values read as Graph's defaults."""
    body = obj(value)
    status = body.get("status")
    audience = body.get("externalAudience")
    return AutomaticReplies(
        status=status if status in REPLY_STATUSES else "disabled",
        external_audience=audience if audience in AUDIENCES else "all",
        internal_message=str(body.get("internalReplyMessage") or ""),
        external_message=str(body.get("externalReplyMessage") or ""),
        start=parse_date_time_zone(body.get("scheduledStartDateTime"), UTC),
        end=parse_date_time_zone(body.get("scheduledEndDateTime"), UTC),
    )


def replies_body(replies: AutomaticReplies) -> dict[str, Any]:
    """The PATCH body of an automaticRepliesSetting (scheduled times in UTC)."""
    body: dict[str, Any] = {
        "status": replies.status,
        "externalAudience": replies.external_audience,
        "internalReplyMessage": replies.internal_message,
        "externalReplyMessage": replies.external_message,
    }
    if replies.start is not None:
        body["scheduledStartDateTime"] = format_graph_datetime(replies.start, "UTC")
    if replies.end is not None:
        body["scheduledEndDateTime"] = format_graph_datetime(replies.end, "UTC")
    return body


def hours_body(hours: WorkingHours) -> dict[str, Any]:
    """The PATCH body of workingHours (days in Graph's order, times as Edm.TimeOfDay)."""
    return {
        "daysOfWeek": [d for d in _DAYS if d in hours.days],
        "startTime": hours.start.strftime("%H:%M:%S.0000000"),
        "endTime": hours.end.strftime("%H:%M:%S.0000000"),
        "timeZone": {"name": hours.time_zone},
    }


def parse_mailbox_settings(body: dict[str, Any]) -> MailboxSettings:
    raw_zone = body.get("timeZone")
    usable = _usable(raw_zone)
    iana = to_iana(raw_zone) if usable else "UTC"
    hours = obj(body.get("workingHours"))
    hours_zone = obj(hours.get("timeZone"))
    hours_name = hours_zone.get("name")
    days = hours.get("daysOfWeek")
    working = WorkingHours(
        days=tuple(d.lower() for d in days if isinstance(d, str)) if isinstance(days, list) and days else WorkingHours().days,
        start=_time(hours.get("startTime"), time(8, 0)),
        end=_time(hours.get("endTime"), time(17, 0)),
        time_zone=to_iana(hours_name) if _usable(hours_name) else iana,
    )
    language = obj(body.get("language"))
    locale = language.get("locale")
    return MailboxSettings(
        time_zone=iana,
        graph_time_zone=raw_zone.strip() if usable and isinstance(raw_zone, str) else "UTC",
        working_hours=working,
        language=locale if isinstance(locale, str) else None,
        automatic_replies=parse_automatic_replies(body.get("automaticRepliesSetting")),
    )


class MailboxService:
    """Reads ``/me/mailboxSettings`` once per facade (one turn) and keeps the answer."""

    def __init__(self, *, session: Session, time_zone: str | None = None) -> None:
        self._session = session
        self._cached: MailboxSettings | None = None
        self._zone_hint = time_zone

    def remember(self, settings: MailboxSettings) -> None:
        self._cached = settings

    async def zone_settings(self) -> MailboxSettings:
        """Settings good enough for time zones: the caller's hint (an IANA name the client gave, e.g.
        Teams' clientInfo) saves the ``/me/mailboxSettings`` round trip; otherwise the real settings."""
        if self._cached is None and self._zone_hint:
            return MailboxSettings(time_zone=self._zone_hint, graph_time_zone=self._zone_hint)
        return await self.settings()

    async def settings(self) -> MailboxSettings:
        if self._cached is None:
            response = await self._session.get("/me/mailboxSettings", {"$select": _SELECT})
            self._cached = parse_mailbox_settings(response.json())
        return self._cached

    async def fresh(self) -> MailboxSettings:
        """The settings as they are now (not this turn's copy): before a change and to check an undo."""
        self._cached = None
        return await self.settings()

    async def set_automatic_replies(self, replies: AutomaticReplies) -> AutomaticReplies:
        """Turn out of office on (now or scheduled), change it or turn it off; Graph's answer, parsed."""
        if replies.status == "scheduled" and (replies.start is None or replies.end is None):
            raise ValueError("a scheduled out of office needs a start and an end")
        response = await self._session.patch("/me/mailboxSettings", {"automaticRepliesSetting": replies_body(replies)})
        self._cached = None
        return parse_automatic_replies(response.json().get("automaticRepliesSetting"))

    async def update(self, *, working_hours: WorkingHours | None = None, time_zone: str | None = None) -> MailboxSettings:
        """Change the working hours and/or the mailbox time zone (a Windows or IANA name) in one PATCH."""
        body: dict[str, Any] = {}
        if working_hours is not None:
            body["workingHours"] = hours_body(working_hours)
        if time_zone is not None:
            body["timeZone"] = time_zone
        if not body:
            raise ValueError("nothing to change")
        await self._session.patch("/me/mailboxSettings", body)
        return await self.fresh()

