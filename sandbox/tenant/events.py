"""Calendar events: building stored events, expanding recurring series, rendering in a time zone."""

from __future__ import annotations

import base64
import hashlib
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import quote

from ..timezones import to_graph, utc_stamp, zone
from .model import Person, Tenant, etag

__all__ = ["expand", "make_event", "occurrence_id", "parse_occurrence_id", "render"]

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NEVER = "0001-01-01T00:00:00Z"


def _join_url(event_id: str) -> str:
    digest = hashlib.sha1(event_id.encode()).hexdigest()
    return (
        f"https://teams.microsoft.com/l/meetup-join/19%3ameeting_{digest[:32]}%40thread.v2/0"
        f"?context=%7b%22Tid%22%3a%22sandbox%22%2c%22Oid%22%3a%22{digest[32:40]}%22%7d"
    )


def make_event(
    tenant: Tenant,
    *,
    owner: Person,
    subject: str,
    start: datetime,
    end: datetime,
    tz_name: str,
    organizer: Person | None = None,
    attendees: list[dict[str, Any]] | None = None,
    online: bool = False,
    response: str | None = None,
    recurrence: dict[str, Any] | None = None,
    is_all_day: bool = False,
    location: str = "",
    body: str = "",
    body_type: str = "text",
    show_as: str = "busy",
    importance: str = "normal",
    now: datetime | None = None,
    event_id: str | None = None,
) -> dict[str, Any]:
    """A stored event (`_`-prefixed keys are internal) in `owner`'s mailbox."""
    organizer = organizer or owner
    is_organizer = organizer.id == owner.id
    event_id = event_id or tenant.new_id("AAMkAGI")
    change_key, tag = etag(tenant.rng)
    stamp = utc_stamp(now or start - timedelta(days=7))
    joined = _join_url(event_id) if online else None
    content = body
    if joined:
        content = f"{body}\n\nMicrosoft Teams meeting\nJoin: {joined}" if body_type == "text" else f"<html><body>{body}<p><a href=\"{joined}\">Join the meeting now</a></p></body></html>"
    event: dict[str, Any] = {
        "_start": start.astimezone(UTC),
        "_end": end.astimezone(UTC),
        "_owner": owner.id,
        "@odata.etag": tag,
        "id": event_id,
        "createdDateTime": stamp,
        "lastModifiedDateTime": stamp,
        "changeKey": change_key,
        "categories": [],
        "transactionId": None,
        "originalStartTimeZone": tz_name,
        "originalEndTimeZone": tz_name,
        "iCalUId": "040000008200E00074C5B7101A82E008" + hashlib.md5(event_id.encode()).hexdigest().upper(),
        "reminderMinutesBeforeStart": 15,
        "isReminderOn": True,
        "hasAttachments": False,
        "subject": subject,
        "bodyPreview": body[:255],
        "importance": importance,
        "sensitivity": "normal",
        "isAllDay": is_all_day,
        "isCancelled": False,
        "isOrganizer": is_organizer,
        "responseRequested": True,
        "allowNewTimeProposals": True,
        "isDraft": False,
        "hideAttendees": False,
        "seriesMasterId": None,
        "showAs": show_as,
        "type": "seriesMaster" if recurrence else "singleInstance",
        "webLink": f"https://outlook.office365.com/owa/?itemid={quote(event_id, safe='')}&exvsurl=1&path=/calendar/item",
        "onlineMeetingUrl": None,
        "isOnlineMeeting": online,
        "onlineMeetingProvider": "teamsForBusiness" if online else "unknown",
        "onlineMeeting": {"joinUrl": joined} if joined else None,
        "recurrence": recurrence,
        "responseStatus": {"response": "organizer" if is_organizer else (response or "none"), "time": NEVER},
        "body": {"contentType": body_type, "content": content},
        "location": {"displayName": location, "locationType": "default", "uniqueId": location, "uniqueIdType": "private"}
        if location
        else {"displayName": "", "locationType": "default", "uniqueIdType": "unknown", "address": {}, "coordinates": {}},
        "locations": [{"displayName": location, "locationType": "default", "uniqueIdType": "unknown"}] if location else [],
        "attendees": attendees or [],
        "organizer": {"emailAddress": {"name": organizer.display_name, "address": organizer.mail}},
    }
    return event


def attendee(person: Person, response: str = "none", kind: str = "required") -> dict[str, Any]:
    return {
        "type": kind,
        "status": {"response": response, "time": NEVER},
        "emailAddress": {"name": person.display_name, "address": person.mail},
    }


def occurrence_id(master_id: str, day: date) -> str:
    raw = f"{master_id}|{day.isoformat()}".encode()
    return "AAMkAGOcc" + base64.urlsafe_b64encode(raw).decode("ascii")


def parse_occurrence_id(event_id: str) -> tuple[str, date] | None:
    if not event_id.startswith("AAMkAGOcc"):
        return None
    try:
        master, _, day = base64.urlsafe_b64decode(event_id[9:].encode("ascii")).decode().rpartition("|")
        return master, date.fromisoformat(day)
    except (ValueError, UnicodeDecodeError):
        return None


def _recurs_on(pattern: dict[str, Any], rng_start: date, day: date) -> bool:
    kind = pattern.get("type", "weekly")
    interval = max(1, int(pattern.get("interval", 1) or 1))
    delta = (day - rng_start).days
    if delta < 0:
        return False
    if kind == "daily":
        return delta % interval == 0
    if kind == "weekly":
        days = [d.lower() for d in pattern.get("daysOfWeek", [])] or [_WEEKDAYS[rng_start.weekday()]]
        week = (delta + rng_start.weekday()) // 7
        return _WEEKDAYS[day.weekday()] in days and week % interval == 0
    if kind == "absoluteMonthly":
        return day.day == int(pattern.get("dayOfMonth", rng_start.day)) and (day.month - rng_start.month) % interval == 0
    return False


def occurrence(master: dict[str, Any], day: date) -> dict[str, Any] | None:
    """The occurrence of a series on a local date, or None."""
    rec = master.get("recurrence") or {}
    rng = rec.get("range") or {}
    tz = zone(master["originalStartTimeZone"])
    first = master["_start"].astimezone(tz)
    start_day = date.fromisoformat(rng.get("startDate") or first.date().isoformat())
    if rng.get("type") == "endDate" and rng.get("endDate") and day > date.fromisoformat(rng["endDate"]):
        return None
    if not _recurs_on(rec.get("pattern") or {}, start_day, day):
        return None
    if day.isoformat() in master.get("_deleted", set()):
        return None
    local_start = datetime.combine(day, first.timetz().replace(tzinfo=None), tzinfo=tz)
    duration = master["_end"] - master["_start"]
    occ = dict(master)
    occ["id"] = occurrence_id(master["id"], day)
    occ["type"] = "occurrence"
    occ["seriesMasterId"] = master["id"]
    occ["recurrence"] = None
    occ["_start"] = local_start.astimezone(UTC)
    occ["_end"] = (local_start + duration).astimezone(UTC)
    occ.pop("_exceptions", None)
    occ.pop("_deleted", None)
    occ.update(master.get("_exceptions", {}).get(day.isoformat(), {}))
    return occ


def expand(events: list[dict[str, Any]], start: datetime, end: datetime) -> list[dict[str, Any]]:
    """Single instances and occurrences overlapping [start, end) — never series masters."""
    out: list[dict[str, Any]] = []
    for event in events:
        if event.get("type") == "seriesMaster":
            tz = zone(event["originalStartTimeZone"])
            day = start.astimezone(tz).date() - timedelta(days=1)
            last = end.astimezone(tz).date() + timedelta(days=1)
            while day <= last:
                occ = occurrence(event, day)
                if occ is not None and occ["_start"] < end and occ["_end"] > start:
                    out.append(occ)
                day += timedelta(days=1)
        elif event["_start"] < end and event["_end"] > start:
            out.append(event)
    return out


def render(event: dict[str, Any], tz_name: str, *, keep_transaction_id: bool = False) -> dict[str, Any]:
    """The Graph JSON of an event with start/end in `tz_name`; an unset `transactionId` only when selected."""
    out = {k: v for k, v in event.items() if k[:1] != "_"}
    out["start"] = to_graph(event["_start"], tz_name)
    out["end"] = to_graph(event["_end"], tz_name)
    if out.get("transactionId") is None and not keep_transaction_id:
        out.pop("transactionId", None)
    elif keep_transaction_id:
        out.setdefault("transactionId", None)
    return out
