"""Calendar: the view of a range in the user's zone, next meeting, create, move, cancel, respond, free time."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any
from urllib.parse import quote

from ._json import arr, obj
from .errors import BadRequest
from .mailbox import MailboxService
from .models import Attendee, Event, MailboxSettings, Person, TimeSlot
from .session import Session
from .timezones import format_graph_datetime, parse_date_time_zone, zone

__all__ = ["CalendarService", "free_slots", "parse_event"]

EVENT_SELECT = (
    "id,subject,start,end,isAllDay,location,organizer,attendees,isOnlineMeeting,onlineMeeting,webLink,"
    "responseStatus,isOrganizer,type,seriesMasterId,showAs,isCancelled"
)
_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _address(value: Any) -> Attendee | None:
    email = value.get("emailAddress") if isinstance(value, dict) else None
    if not isinstance(email, dict):
        return None
    status = obj(value.get("status"))
    return Attendee(
        name=str(email.get("name") or email.get("address") or ""),
        email=email.get("address"),
        type=str(value.get("type") or "required"),
        response=str(status.get("response") or "none"),
    )


def parse_event(item: dict[str, Any], tz: tzinfo) -> Event:
    start = parse_date_time_zone(item.get("start"), tz)
    end = parse_date_time_zone(item.get("end"), tz)
    if start is None or end is None:
        raise ValueError("event without start or end")
    location = obj(item.get("location"))
    online = obj(item.get("onlineMeeting"))
    response = obj(item.get("responseStatus"))
    attendees = arr(item.get("attendees"))
    return Event(
        id=str(item["id"]),
        subject=str(item.get("subject") or ""),
        start=start,
        end=end,
        is_all_day=bool(item.get("isAllDay")),
        location=location.get("displayName") or None,
        organizer=_address(item.get("organizer")),
        attendees=tuple(a for a in (_address(x) for x in attendees) if a is not None),
        is_online_meeting=bool(item.get("isOnlineMeeting")),
        join_url=online.get("joinUrl") or item.get("onlineMeetingUrl") or None,
        web_link=item.get("webLink"),
        my_response=str(response.get("response") or "none"),
        is_organizer=bool(item.get("isOrganizer")),
        type=str(item.get("type") or "singleInstance"),
        series_master_id=item.get("seriesMasterId"),
        show_as=str(item.get("showAs") or "busy"),
        is_cancelled=bool(item.get("isCancelled")),
        transaction_id=item.get("transactionId"),
    )


def _iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    return moment.isoformat(timespec="seconds")


def free_slots(
    busy: Sequence[tuple[datetime, datetime]],
    *,
    start: datetime,
    end: datetime,
    settings: MailboxSettings,
    minutes: int = 30,
) -> list[TimeSlot]:
    """Free slots of at least ``minutes`` inside working hours between ``start`` and ``end``."""
    wz = zone(settings.working_hours.time_zone)
    hours = settings.working_hours
    windows: list[tuple[datetime, datetime]] = []
    day = start.astimezone(wz).date()
    while datetime.combine(day, time(0), wz) < end:
        if _DAYS[day.weekday()] in hours.days:
            w_start = max(datetime.combine(day, hours.start, wz), start)
            w_end = min(datetime.combine(day, hours.end, wz), end)
            if w_end > w_start:
                windows.append((w_start, w_end))
        day += timedelta(days=1)
    ordered = sorted(busy)
    slots: list[TimeSlot] = []
    for w_start, w_end in windows:
        cursor = w_start
        for b_start, b_end in ordered:
            if b_end <= cursor or b_start >= w_end:
                continue
            if b_start - cursor >= timedelta(minutes=minutes):
                slots.append(TimeSlot(start=cursor, end=b_start))
            cursor = max(cursor, b_end)
        if w_end - cursor >= timedelta(minutes=minutes):
            slots.append(TimeSlot(start=cursor, end=w_end))
    return slots


class CalendarService:
    """The signed-in user's calendar."""

    def __init__(self, *, session: Session, mailbox: MailboxService) -> None:
        self._session = session
        self._mailbox = mailbox

    async def _zone(self) -> tuple[MailboxSettings, tzinfo]:
        settings = await self._mailbox.zone_settings()
        return settings, zone(settings.time_zone)

    @staticmethod
    def _prefer(settings: MailboxSettings) -> dict[str, str]:
        return {"Prefer": f'outlook.timezone="{settings.graph_time_zone}"'}

    async def view(self, start: datetime, end: datetime, *, limit: int | None = None) -> list[Event]:
        """Events (occurrences expanded) overlapping [start, end), in chronological order."""
        settings, tz = await self._zone()
        params: dict[str, str | int | bool | None] = {
            "startDateTime": _iso(start),
            "endDateTime": _iso(end),
            "$orderby": "start/dateTime",
            "$select": EVENT_SELECT,
            "$top": min(limit or 50, 50),
        }
        try:
            items = await self._session.get_all("/me/calendarView", params, self._prefer(settings), limit=limit)
        except BadRequest as exc:
            if not exc.has_code("TimeZoneNotSupportedException"):
                raise
            items = await self._session.get_all("/me/calendarView", params, {"Prefer": 'outlook.timezone="UTC"'})
        events = [parse_event(i, tz) for i in items]
        return sorted(events, key=lambda e: (e.start, e.end))

    async def day(self, day: date) -> list[Event]:
        _, tz = await self._zone()
        start = datetime.combine(day, time(0), tz)
        return await self.view(start, start + timedelta(days=1))

    async def next_meeting(self, now: datetime, *, horizon: timedelta = timedelta(days=7)) -> Event | None:
        """The next meeting that has not started yet (cancelled and all-day events skipped)."""
        settings, tz = await self._zone()
        params: dict[str, str | int | bool | None] = {
            "startDateTime": _iso(now),
            "endDateTime": _iso(now + horizon),
            "$orderby": "start/dateTime",
            "$select": EVENT_SELECT,
            "$top": 10,
        }
        items = await self._session.get_all("/me/calendarView", params, self._prefer(settings), page_cap=1)
        events = sorted((parse_event(i, tz) for i in items), key=lambda e: e.start)
        return next((e for e in events if e.start >= now and not e.is_cancelled and not e.is_all_day), None)

    async def get(self, event_id: str) -> Event:
        settings, tz = await self._zone()
        response = await self._session.get(
            f"/me/events/{quote(event_id, safe='')}", {"$select": EVENT_SELECT}, self._prefer(settings)
        )
        return parse_event(response.json(), tz)

    async def create(
        self,
        *,
        subject: str,
        start: datetime,
        end: datetime,
        attendees: Sequence[Person | str] = (),
        location: str | None = None,
        online: bool = True,
        body: str | None = None,
        is_all_day: bool = False,
        transaction_id: str | None = None,
    ) -> Event:
        """Create an event (a Teams meeting by default); ``transactionId`` makes retries safe."""
        settings, tz = await self._zone()
        payload: dict[str, Any] = {
            "subject": subject,
            "start": format_graph_datetime(start, settings.graph_time_zone),
            "end": format_graph_datetime(end, settings.graph_time_zone),
            "isAllDay": is_all_day,
            "transactionId": transaction_id or str(uuid.uuid4()),
            "attendees": [
                {
                    "type": "required",
                    "emailAddress": (
                        {"address": a} if isinstance(a, str) else {"address": a.email, "name": a.display_name}
                    ),
                }
                for a in attendees
            ],
        }
        if online:
            payload["isOnlineMeeting"] = True
            payload["onlineMeetingProvider"] = "teamsForBusiness"
        if location:
            payload["location"] = {"displayName": location}
        if body:
            payload["body"] = {"contentType": "text", "content": body}
        response = await self._session.post("/me/events", payload, headers=self._prefer(settings), idempotent=True)
        return parse_event(response.json(), tz)

    async def update(self, event_id: str, changes: dict[str, Any]) -> Event:
        settings, tz = await self._zone()
        response = await self._session.patch(
            f"/me/events/{quote(event_id, safe='')}", changes, headers=self._prefer(settings)
        )
        if not response.json():
            return await self.get(event_id)
        return parse_event(response.json(), tz)

    async def move(self, event_id: str, start: datetime, end: datetime) -> Event:
        settings, _ = await self._zone()
        return await self.update(
            event_id,
            {
                "start": format_graph_datetime(start, settings.graph_time_zone),
                "end": format_graph_datetime(end, settings.graph_time_zone),
            },
        )

    async def delete(self, event_id: str) -> None:
        """Delete an event from my calendar (an organiser's delete sends no cancellation text)."""
        await self._session.delete(f"/me/events/{quote(event_id, safe='')}")

    async def cancel(self, event_id: str, comment: str | None = None) -> None:
        """Cancel a meeting I organise (attendees get ``comment``)."""
        await self._session.post(
            f"/me/events/{quote(event_id, safe='')}/cancel", {"comment": comment or ""}, idempotent=True
        )

    async def respond(
        self, event_id: str, response: str, comment: str | None = None, *, send_response: bool = True
    ) -> None:
        """``response`` is accept, tentativelyAccept or decline."""
        if response not in ("accept", "tentativelyAccept", "decline"):
            raise ValueError("response must be accept, tentativelyAccept or decline")
        body: dict[str, Any] = {"sendResponse": send_response}
        if comment:
            body["comment"] = comment
        await self._session.post(f"/me/events/{quote(event_id, safe='')}/{response}", body, idempotent=True)

    async def accept(self, event_id: str, comment: str | None = None) -> None:
        await self.respond(event_id, "accept", comment)

    async def tentative(self, event_id: str, comment: str | None = None) -> None:
        await self.respond(event_id, "tentativelyAccept", comment)

    async def decline(self, event_id: str, comment: str | None = None) -> None:
        await self.respond(event_id, "decline", comment)

    async def availability(
        self,
        start: datetime,
        end: datetime,
        *,
        minutes: int = 30,
        with_people: Sequence[str] = (),
    ) -> list[TimeSlot]:
        """Free slots in working hours; with ``with_people``, free for them too (getSchedule)."""
        settings = await self._mailbox.settings()  # working hours: the real settings, not a zone hint
        events = await self.view(start, end)
        busy = [(e.start, e.end) for e in events if e.show_as not in ("free", "workingElsewhere") and not e.is_cancelled]
        if with_people:
            busy.extend(await self._schedule_busy(list(with_people), start, end))
        return free_slots(busy, start=start, end=end, settings=settings, minutes=minutes)

    async def _schedule_busy(self, emails: list[str], start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
        payload = {
            "schedules": emails,
            "startTime": format_graph_datetime(start, "UTC"),
            "endTime": format_graph_datetime(end, "UTC"),
            "availabilityViewInterval": 15,
        }
        response = await self._session.post("/me/calendar/getSchedule", payload, idempotent=True)
        busy: list[tuple[datetime, datetime]] = []
        for schedule in response.values():
            for item in schedule.get("scheduleItems") or []:
                if not isinstance(item, dict) or item.get("status") == "free":
                    continue
                s = parse_date_time_zone(item.get("start"))
                e = parse_date_time_zone(item.get("end"))
                if s and e:
                    busy.append((s, e))
        return busy
