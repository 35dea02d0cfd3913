"""Free/busy: POST /me/calendar/getSchedule over the tenant's calendars."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from ..errors import GraphError
from ..tenant.events import expand
from ..timezones import from_graph, to_graph
from .core import Ctx, GraphResponse, Router, ok, reject_unknown, require_content_type
from .mailbox_settings import effective_settings

__all__ = ["register"]

READ = ("Calendars.Read", "Calendars.ReadWrite", "Calendars.Read.Shared", "Calendars.ReadWrite.Shared")
_CODES = {"free": "0", "tentative": "1", "busy": "2", "oof": "3", "workingElsewhere": "4"}


async def get_schedule(ctx: Ctx) -> GraphResponse:
    body = require_content_type(ctx)
    reject_unknown(body, {"schedules", "startTime", "endTime", "availabilityViewInterval"}, "microsoft.graph.getSchedule")
    schedules = body.get("schedules")
    if not isinstance(schedules, list) or not schedules or len(schedules) > 100:
        raise GraphError(400, "ErrorInvalidParameter", "The schedules parameter must list between 1 and 100 addresses.")
    try:
        start, end = from_graph(body.get("startTime")), from_graph(body.get("endTime"))
    except ValueError as exc:
        raise GraphError(400, "ErrorInvalidParameter", "startTime and endTime are required dateTimeTimeZone values.") from exc
    interval = int(body.get("availabilityViewInterval") or 30)
    if not 5 <= interval <= 1440 or end <= start:
        raise GraphError(400, "ErrorInvalidParameter", "The time window or interval is invalid.")
    tz_name = ctx.output_zone()
    results: list[dict[str, Any]] = []
    for address in schedules:
        person = ctx.state.tenant.person(str(address))
        if person is None:
            results.append({"scheduleId": address, "availabilityView": "", "scheduleItems": [], "error": {"message": "The user or group could not be found.", "responseCode": "ErrorMailRecipientNotFound"}})
            continue
        events = [e for e in expand(list(ctx.state.tenant.mailbox(person.id).events.values()), start, end) if e.get("showAs") != "free"]
        view = []
        slot = start
        while slot < end:
            slot_end = slot + timedelta(minutes=interval)
            busy = [e for e in events if e["_start"] < slot_end and e["_end"] > slot]
            view.append(max((_CODES.get(e["showAs"], "2") for e in busy), default="0"))
            slot = slot_end
        results.append(
            {
                "scheduleId": address,
                "availabilityView": "".join(view),
                "scheduleItems": [
                    {"isPrivate": False, "status": e["showAs"], "subject": e["subject"], "location": e["location"]["displayName"], "start": to_graph(e["_start"], tz_name), "end": to_graph(e["_end"], tz_name)}
                    for e in sorted(events, key=lambda e: e["_start"])
                ],
                "workingHours": effective_settings(ctx.state.tenant, person)["workingHours"],
            }
        )
    return ok({"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)", "value": results})


def register(router: Router) -> None:
    router.add("POST", "/me/calendar/getSchedule", get_schedule, scopes=READ, workload="outlook")
