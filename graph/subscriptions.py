"""Change notifications: a subscription on the person's events (create, renew, reauthorize, delete) and delta."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

from .session import Session

__all__ = ["MAX_EVENT_MINUTES", "DeltaPage", "Subscription", "SubscriptionService"]

#: The longest lifetime Graph gives a subscription on Outlook events (4,230 minutes, just under 3 days).
MAX_EVENT_MINUTES = 4230


@dataclass(frozen=True, slots=True)
class Subscription:
    id: str
    expires: datetime


@dataclass(frozen=True, slots=True)
class DeltaPage:
    """One delta round: (event id, start or None when removed) and the link for the next round."""

    changes: tuple[tuple[str, datetime | None], ...]
    delta_link: str | None


def _parse_expiry(value: Any) -> datetime:
    text = str(value or "").replace("Z", "+00:00")
    if "." in text:
        head, _, tail = text.partition(".")
        zone = tail[tail.find("+"):] if "+" in tail else ""
        text = head + zone
    parsed = datetime.fromisoformat(text)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class SubscriptionService:
    """The signed-in person's subscription on `/me/events`."""

    def __init__(self, *, session: Session) -> None:
        self._session = session

    async def create(self, *, notification_url: str, lifecycle_url: str | None, client_state: str, now: datetime,
                     minutes: int = MAX_EVENT_MINUTES - 60) -> Subscription:
        body: dict[str, Any] = {
            "changeType": "created,updated,deleted",
            "notificationUrl": notification_url,
            "resource": "/me/events",
            "expirationDateTime": _stamp(now + timedelta(minutes=min(minutes, MAX_EVENT_MINUTES))),
            "clientState": client_state,
        }
        if lifecycle_url:
            body["lifecycleNotificationUrl"] = lifecycle_url
        response = await self._session.post("/subscriptions", body)
        data = response.json()
        return Subscription(id=str(data["id"]), expires=_parse_expiry(data.get("expirationDateTime")))

    async def renew(self, subscription_id: str, *, now: datetime, minutes: int = MAX_EVENT_MINUTES - 60) -> Subscription:
        response = await self._session.patch(
            f"/subscriptions/{quote(subscription_id, safe='')}",
            {"expirationDateTime": _stamp(now + timedelta(minutes=min(minutes, MAX_EVENT_MINUTES)))},
        )
        data = response.json()
        return Subscription(id=subscription_id, expires=_parse_expiry(data.get("expirationDateTime")))

    async def reauthorize(self, subscription_id: str) -> None:
        await self._session.post(f"/subscriptions/{quote(subscription_id, safe='')}/reauthorize", {})

    async def delete(self, subscription_id: str) -> None:
        await self._session.delete(f"/subscriptions/{quote(subscription_id, safe='')}")

    async def delta(self, *, start: datetime, end: datetime, link: str | None = None) -> DeltaPage:
        """Every change since `link` (or every event of [start, end) when there is none), all pages."""
        changes: list[tuple[str, datetime | None]] = []
        headers = {"Prefer": 'odata.maxpagesize=50, outlook.timezone="UTC"'}
        if link is None:
            response = await self._session.get("/me/calendarView/delta", {"startDateTime": _stamp(start), "endDateTime": _stamp(end)}, headers)
        else:
            response = await self._session.get(link, None, headers)
        for _ in range(100):
            for item in response.values():
                if "@removed" in item:
                    changes.append((str(item["id"]), None))
                    continue
                start_value = (item.get("start") or {}).get("dateTime")
                changes.append((str(item["id"]), _parse_expiry(start_value) if start_value else None))
            body = response.json()
            next_link = body.get("@odata.nextLink")
            if not next_link:
                return DeltaPage(tuple(changes), body.get("@odata.deltaLink"))
            response = await self._session.get(str(next_link), None, headers)
        return DeltaPage(tuple(changes), None)
