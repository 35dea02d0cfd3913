"""POST /me/findMeetingTimes: meeting time suggestions from the tenant's calendars (reference §5.2, brief form)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any

from ..errors import GraphError
from ..tenant.events import expand
from ..tenant.model import Person, Tenant
from ..timezones import from_graph, to_graph, zone
from .core import CONTEXT_BASE, Ctx, GraphResponse, Router, ok, reject_unknown, require_content_type
from .mailbox_settings import working_hours

__all__ = ["register"]

SCOPES = ("Calendars.Read.Shared", "Calendars.ReadWrite.Shared")
FIELDS = {
    "attendees", "timeConstraint", "meetingDuration", "maxCandidates", "minimumAttendeePercentage",
    "isOrganizerOptional", "returnSuggestionReasons", "locationConstraint",
}
STEP = timedelta(minutes=30)
MAX_SLOTS = 2000
#: Availability → confidence share (§5.2: free 100, unknown 49, busy 0; tentative 50 is the sandbox's choice).
SHARE = {"free": 100.0, "tentative": 50.0, "unknown": 49.0, "busy": 0.0, "oof": 0.0, "workingElsewhere": 0.0}
_DURATION = re.compile(r"P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?", re.IGNORECASE)


def _invalid(message: str) -> GraphError:
    return GraphError(400, "ErrorInvalidParameter", message)


def _flag(value: Any, default: bool) -> bool:
    """Booleans may come as strings (the doc example sends "false")."""
    if value is None:
        return default
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise _invalid("A boolean value is expected.")


def _number(value: Any, default: float, name: str) -> float:
    if value is None:
        return default
    try:
        return float(value)
    except (TypeError, ValueError) as exc:
        raise _invalid(f"The value of '{name}' is invalid.") from exc


def _duration(value: Any) -> timedelta:
    found = _DURATION.fullmatch(str(value or "PT30M").strip())
    if found is None or not any(found.groups()):
        raise _invalid("The value of 'meetingDuration' is invalid.")
    days, hours, minutes, seconds = (int(g or 0) for g in found.groups())
    duration = timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)
    if duration <= timedelta(0):
        raise _invalid("The value of 'meetingDuration' is invalid.")
    return duration


def _windows(constraint: dict[str, Any], now: datetime) -> list[tuple[datetime, datetime]]:
    slots = constraint.get("timeSlots")
    if not slots:
        start = now.astimezone(UTC).replace(second=0, microsecond=0)
        start += timedelta(minutes=-start.minute % 30)
        return [(start, start + timedelta(days=2))]
    if not isinstance(slots, list):
        raise _invalid("timeSlots must be a list.")
    windows = []
    for slot in slots:
        try:
            start, end = from_graph(slot.get("start")), from_graph(slot.get("end"))
        except (AttributeError, ValueError) as exc:
            raise _invalid("Each time slot needs a start and an end dateTimeTimeZone.") from exc
        if end <= start:
            raise _invalid("A time slot ends before it starts.")
        windows.append((start, end))
    return windows


def _in_working_hours(tenant: Tenant, person: Person, start: datetime, end: datetime) -> bool:
    days, open_, close, tz_name = working_hours(tenant, person)
    tz = zone(tz_name)
    local_start, local_end = start.astimezone(tz), end.astimezone(tz)
    if local_start.date() != (local_end - timedelta(microseconds=1)).date():
        return False
    if local_start.strftime("%A").lower() not in days:
        return False
    return open_ <= local_start.time() and local_end.time() <= close


def _availability(events: list[dict[str, Any]], start: datetime, end: datetime) -> str:
    shown = {e.get("showAs", "busy") for e in events if e["_start"] < end and e["_end"] > start and not e.get("isCancelled")}
    for status in ("oof", "busy", "workingElsewhere", "tentative"):
        if status in shown:
            return status
    return "free"


async def find_meeting_times(ctx: Ctx) -> GraphResponse:
    body = require_content_type(ctx) if ctx.request.body else {}
    reject_unknown(body, FIELDS, "microsoft.graph.findMeetingTimes")
    attendees = body.get("attendees") or []
    if not isinstance(attendees, list) or not all(isinstance(a, dict) and isinstance(a.get("emailAddress"), dict) for a in attendees):
        raise _invalid("attendees must be a list of attendeeBase values with an emailAddress.")
    constraint = body.get("timeConstraint") or {}
    domain = str(constraint.get("activityDomain") or "work")
    if domain not in ("work", "personal", "unrestricted", "unknown"):
        raise _invalid("The value of 'activityDomain' is invalid.")
    duration = _duration(body.get("meetingDuration"))
    max_candidates = int(_number(body.get("maxCandidates"), 20, "maxCandidates"))
    minimum = _number(body.get("minimumAttendeePercentage"), 50, "minimumAttendeePercentage")
    organizer_optional = _flag(body.get("isOrganizerOptional"), False)
    with_reasons = _flag(body.get("returnSuggestionReasons"), False)
    locations = [{"displayName": str(loc.get("displayName") or "")} for loc in (body.get("locationConstraint") or {}).get("locations") or [] if isinstance(loc, dict)]
    windows = _windows(constraint, ctx.state.clock.now())
    tenant = ctx.state.tenant
    organizer = tenant.person(ctx.principal.oid)
    span = (min(w[0] for w in windows), max(w[1] for w in windows))

    def busy_events(person: Person | None) -> list[dict[str, Any]]:
        if person is None:
            return []
        return [e for e in expand(list(tenant.mailbox(person.id).events.values()), *span) if e.get("showAs") != "free"]

    people = []
    for attendee in attendees:
        address = str(attendee["emailAddress"].get("address") or "")
        person = tenant.person(address)
        people.append((attendee, address, person, busy_events(person)))
    mine = busy_events(organizer)
    tz_name = ctx.output_zone()
    candidates: list[tuple[float, datetime, dict[str, Any]]] = []
    organizer_ever_free = False
    for window_start, window_end in windows:
        start = window_start
        while start + duration <= window_end and len(candidates) < MAX_SLOTS:
            end = start + duration
            slot, start = (start, end), start + STEP
            if domain == "work" and organizer is not None and not _in_working_hours(tenant, organizer, *slot):
                continue
            mine_now = _availability(mine, *slot)
            if mine_now != "free" and not organizer_optional:
                continue
            organizer_ever_free = True
            seen: list[dict[str, Any]] = []
            counted: list[float] = []
            for attendee, address, person, events in people:
                availability = "unknown" if person is None else _availability(events, *slot)
                kind = str(attendee.get("type") or "required").lower()
                seen.append({"attendee": {"type": kind, "emailAddress": {"address": address}}, "availability": availability})
                if kind != "resource":
                    counted.append(SHARE.get(availability, 0.0))
            confidence = sum(counted) / len(counted) if counted else 100.0
            if confidence < minimum:
                continue
            everyone = all(s["availability"] == "free" for s in seen)
            reason = ("Suggested because it is one of the nearest times when all attendees are available." if everyone
                      else "Suggested because it is one of the nearest times when most attendees are available.")
            candidates.append((confidence, slot[0], {
                "confidence": int(confidence) if confidence.is_integer() else round(confidence, 2),
                "organizerAvailability": mine_now,
                "suggestionReason": reason if with_reasons else "",
                "attendeeAvailability": seen,
                "locations": locations,
                "meetingTimeSlot": {"start": to_graph(slot[0], tz_name), "end": to_graph(slot[1], tz_name)},
            }))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    suggestions = [{**c[2], "order": n} for n, c in enumerate(candidates[: max(max_candidates, 0)], start=1)]
    reason = ""
    if not suggestions:
        if not organizer_ever_free:
            reason = "organizerUnavailable"
        elif any(p[2] is None for p in people):
            reason = "attendeesUnavailableOrUnknown"
        else:
            reason = "attendeesUnavailable"
    headers = {"Preference-Applied": f'outlook.timezone="{tz_name}"'} if ctx.prefer("outlook.timezone") else {}
    return ok({"@odata.context": CONTEXT_BASE + "microsoft.graph.meetingTimeSuggestionsResult", "emptySuggestionsReason": reason, "meetingTimeSuggestions": suggestions}, headers=headers)


def register(router: Router) -> None:
    router.add("POST", "/me/findMeetingTimes", find_meeting_times, scopes=SCOPES, workload="outlook")
