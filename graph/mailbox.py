"""Mailbox settings: the user's time zone (mapped to IANA), working hours and language."""

from __future__ import annotations

from datetime import time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ._json import obj
from .models import MailboxSettings, WorkingHours
from .session import Session
from .timezones import WINDOWS_TO_IANA, to_iana

__all__ = ["MailboxService", "parse_mailbox_settings"]

_SELECT = "timeZone,workingHours,language"


def _time(value: Any, default: time) -> time:
    if not isinstance(value, str):
        return default
    try:
        return time.fromisoformat(value.split(".", 1)[0])
    except ValueError:
        return default


def _usable(name: Any) -> bool:
    if not isinstance(name, str) or not name.strip():
        return False
    if name.strip().lower() in {k.lower() for k in WINDOWS_TO_IANA}:
        return True
    try:
        ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


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
