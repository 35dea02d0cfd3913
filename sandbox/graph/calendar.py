"""Calendar: /me/calendarView and /me/events (read, create, update, delete, respond, cancel)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ..errors import GraphError, not_found_outlook
from ..tenant import meetings
from ..tenant.events import attendee, expand, make_event, occurrence, parse_occurrence_id, render
from ..tenant.model import etag
from ..timezones import from_graph, parse_offset_datetime, utc_stamp, zone
from .core import (
    Ctx,
    GraphResponse,
    Router,
    list_response,
    no_content,
    ok,
    reject_unknown,
    require_content_type,
    select_entity,
)

__all__ = ["register"]

READ = ("Calendars.ReadBasic", "Calendars.Read", "Calendars.ReadWrite")
WRITE = ("Calendars.ReadWrite",)
EVENT_FIELDS = {
    "subject", "body", "start", "end", "location", "locations", "attendees", "isOnlineMeeting", "onlineMeetingProvider",
    "isAllDay", "showAs", "importance", "sensitivity", "reminderMinutesBeforeStart", "isReminderOn", "recurrence",
    "allowNewTimeProposals", "responseRequested", "transactionId", "categories", "hideAttendees",
}
_ENUMS = {
    "importance": {"low", "normal", "high"},
    "sensitivity": {"normal", "personal", "private", "confidential"},
    "showAs": {"free", "tentative", "busy", "oof", "workingElsewhere", "unknown"},
}


def _invalid() -> GraphError:
    return GraphError(400, "ErrorPropertyValidationFailure", "At least one property failed validation.")


def _txn_selected(ctx: Ctx) -> bool:
    """`transactionId` is a real event property: selectable (as null) even when the client never set it."""
    return "transactionId" in (s.strip() for s in ctx.request.query.get("select", "").split(","))


def _rendered(ctx: Ctx, events: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], dict[str, str]]:
    tz_name = ctx.output_zone()
    headers = {"Preference-Applied": f'outlook.timezone="{tz_name}"'} if ctx.prefer("outlook.timezone") else {}
    # Default order is deliberately not chronological (reference §3.5): newest created first.
    ordered = sorted(events, key=lambda e: (e["createdDateTime"], e["id"]), reverse=True)
    keep = _txn_selected(ctx)
    return [render(e, tz_name, keep_transaction_id=keep) for e in ordered], headers


async def calendar_view(ctx: Ctx) -> GraphResponse:
    q = ctx.request.query
    lowered = {k.lower(): v for k, v in q.items()}
    if "startdatetime" not in lowered or "enddatetime" not in lowered:
        raise GraphError(400, "ErrorInvalidParameter", "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.")
    window = []
    for name, label in (("startdatetime", "StartDateTime"), ("enddatetime", "EndDateTime")):
        try:
            window.append(parse_offset_datetime(lowered[name]))
        except ValueError as exc:
            raise GraphError(400, "ErrorInvalidParameter", f"The value '{lowered[name]}' of parameter '{label}' is invalid.") from exc
    events = expand(list(ctx.mailbox.events.values()), window[0], window[1])
    items, headers = _rendered(ctx, events)
    response = list_response(ctx, items, context=f"users('{ctx.principal.oid}')/calendarView", max_top=100000)
    response.headers.update(headers)
    return response


async def list_events(ctx: Ctx) -> GraphResponse:
    items, headers = _rendered(ctx, list(ctx.mailbox.events.values()))
    response = list_response(ctx, items, context=f"users('{ctx.principal.oid}')/events")
    response.headers.update(headers)
    return response


def _find(ctx: Ctx, event_id: str) -> dict[str, Any]:
    if "/" in event_id or not event_id.replace("-", "").replace("_", "").replace("=", "").isalnum():
        raise GraphError(400, "ErrorInvalidIdMalformed", "Id is malformed.")
    event = ctx.mailbox.events.get(event_id)
    if event is not None:
        return event
    parsed = parse_occurrence_id(event_id)
    if parsed is not None:
        master = ctx.mailbox.events.get(parsed[0])
        if master is not None:
            occ = occurrence(master, parsed[1])
            if occ is not None:
                return occ
    raise not_found_outlook()


async def get_event(ctx: Ctx) -> GraphResponse:
    event = _find(ctx, ctx.params["id"])
    tz_name = ctx.output_zone()
    body = select_entity(ctx, render(event, tz_name, keep_transaction_id=_txn_selected(ctx)), f"users('{ctx.principal.oid}')/events")
    headers = {"Preference-Applied": f'outlook.timezone="{tz_name}"'} if ctx.prefer("outlook.timezone") else {}
    return ok(body, headers=headers)


def _validate(body: dict[str, Any]) -> None:
    for key, allowed in _ENUMS.items():
        if key in body and body[key] not in allowed:
            raise _invalid()
    for item in body.get("attendees") or []:
        if not isinstance(item, dict) or not isinstance(item.get("emailAddress"), dict):
            raise _invalid()
        kind = str(item.get("type", "required")).lower()
        if kind not in ("required", "optional", "resource"):
            raise _invalid()
    if len(body.get("attendees") or []) > 500:
        raise GraphError(400, "ErrorInvalidRequest", "The number of attendees exceeds the limit of 500.")


def _times(body: dict[str, Any], current: dict[str, Any] | None = None) -> tuple[datetime, datetime, str]:
    try:
        start = from_graph(body["start"]) if "start" in body else (current or {}).get("_start")
        end = from_graph(body["end"]) if "end" in body else (current or {}).get("_end")
    except KeyError as exc:
        raise _invalid() from exc
    except ValueError as exc:
        raise _invalid() from exc
    if start is None or end is None or end < start:
        raise _invalid()
    tz_name = str((body.get("start") or {}).get("timeZone") or (current or {}).get("originalStartTimeZone") or "UTC")
    zone(tz_name)
    return start, end, tz_name


def _attendees(ctx: Ctx, raw: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for item in raw:
        email = item["emailAddress"]
        person = ctx.state.tenant.person(str(email.get("address", "")))
        entry = attendee(person, kind=str(item.get("type", "required")).lower()) if person else {
            "type": str(item.get("type", "required")).lower(),
            "status": {"response": "none", "time": "0001-01-01T00:00:00Z"},
            "emailAddress": {"name": email.get("name") or email.get("address"), "address": email.get("address")},
        }
        out.append(entry)
    return out


async def create_event(ctx: Ctx) -> GraphResponse:
    body = require_content_type(ctx)
    reject_unknown(body, EVENT_FIELDS, "microsoft.graph.event")
    _validate(body)
    box = ctx.mailbox
    txn = body.get("transactionId")
    if txn and txn in box.transactions and box.transactions[txn] in box.events:
        existing = box.events[box.transactions[txn]]
        return ok(select_entity(ctx, render(existing, ctx.output_zone(), keep_transaction_id=_txn_selected(ctx)), f"users('{ctx.principal.oid}')/events"), 201)
    start, end, tz_name = _times(body)
    if body.get("isAllDay") and any(t.astimezone(zone(tz_name)).time() != datetime.min.time() for t in (start, end)):
        raise _invalid()
    me = ctx.state.tenant.person(ctx.principal.oid)
    assert me is not None
    content = body.get("body") or {}
    event = make_event(
        ctx.state.tenant,
        owner=me,
        subject=str(body.get("subject", "")),
        start=start,
        end=end,
        tz_name=tz_name,
        attendees=_attendees(ctx, body.get("attendees") or []),
        online=bool(body.get("isOnlineMeeting")),
        recurrence=body.get("recurrence"),
        is_all_day=bool(body.get("isAllDay")),
        location=str((body.get("location") or {}).get("displayName", "")),
        body=str(content.get("content", "")),
        body_type=str(content.get("contentType", "text")).lower(),
        show_as=str(body.get("showAs", "busy")),
        importance=str(body.get("importance", "normal")),
        now=ctx.state.clock.now(),
    )
    for key in ("reminderMinutesBeforeStart", "isReminderOn", "sensitivity", "allowNewTimeProposals", "responseRequested", "categories", "hideAttendees"):
        if key in body:
            event[key] = body[key]
    if txn:
        event["transactionId"] = txn
        box.transactions[txn] = event["id"]
    box.events[event["id"]] = event
    ctx.state.hub.changed(ctx.principal.oid, event["id"], "created")
    meetings.invite(ctx.state, event)
    return ok(select_entity(ctx, render(event, ctx.output_zone(), keep_transaction_id=_txn_selected(ctx)), f"users('{ctx.principal.oid}')/events"), 201)


def _touch(ctx: Ctx, event: dict[str, Any]) -> None:
    change_key, tag = etag(ctx.state.tenant.rng)
    event["changeKey"], event["@odata.etag"] = change_key, tag
    event["lastModifiedDateTime"] = utc_stamp(ctx.state.clock.now())


def _changed(ctx: Ctx, event: dict[str, Any]) -> None:
    ctx.state.hub.changed(ctx.principal.oid, event["id"], "updated")
    meetings.updated(ctx.state, event)


def _master_for_write(ctx: Ctx, event_id: str) -> tuple[dict[str, Any], str | None]:
    """The stored event to change, and the occurrence date when `event_id` is an occurrence."""
    event = _find(ctx, event_id)
    if event.get("seriesMasterId") and event.get("type") in ("occurrence", "exception"):
        # A moved occurrence is an exception: still a view of its master, so every write goes to the master.
        return ctx.mailbox.events[event["seriesMasterId"]], event_id
    return event, None


async def update_event(ctx: Ctx) -> GraphResponse:
    body = require_content_type(ctx)
    reject_unknown(body, EVENT_FIELDS, "microsoft.graph.event")
    _validate(body)
    event, occ_id = _master_for_write(ctx, ctx.params["id"])
    if "transactionId" in body and body["transactionId"] != event.get("transactionId"):
        raise _invalid()
    if occ_id is not None:
        parsed = parse_occurrence_id(occ_id)
        assert parsed is not None
        current = _find(ctx, occ_id)
        start, end, _tz = _times(body, current)
        changes = {k: v for k, v in body.items() if k not in ("start", "end")}
        changes.update({"_start": start, "_end": end, "type": "exception"})
        event.setdefault("_exceptions", {}).setdefault(parsed[1].isoformat(), {}).update(changes)
        _touch(ctx, event)
        _changed(ctx, event)
        return ok(select_entity(ctx, render(_find(ctx, occ_id), ctx.output_zone(), keep_transaction_id=_txn_selected(ctx)), f"users('{ctx.principal.oid}')/events"))
    if "start" in body or "end" in body:
        start, end, tz_name = _times(body, event)
        event["_start"], event["_end"] = start, end
        if "start" in body:
            event["originalStartTimeZone"] = event["originalEndTimeZone"] = tz_name
    for key, value in body.items():
        if key in ("start", "end", "transactionId"):
            continue
        if key == "attendees":
            event["attendees"] = _attendees(ctx, value or [])
        elif key == "location":
            event["location"] = {"displayName": (value or {}).get("displayName", ""), "locationType": "default", "uniqueIdType": "private"}
            event["locations"] = [event["location"]] if event["location"]["displayName"] else []
        elif key == "body":
            event["body"] = {"contentType": str((value or {}).get("contentType", "text")).lower(), "content": (value or {}).get("content", "")}
            event["bodyPreview"] = str(event["body"]["content"])[:255]
        else:
            event[key] = value
    _touch(ctx, event)
    _changed(ctx, event)
    return ok(select_entity(ctx, render(event, ctx.output_zone(), keep_transaction_id=_txn_selected(ctx)), f"users('{ctx.principal.oid}')/events"))


async def delete_event(ctx: Ctx) -> GraphResponse:
    event, occ_id = _master_for_write(ctx, ctx.params["id"])
    if occ_id is not None:
        parsed = parse_occurrence_id(occ_id)
        assert parsed is not None
        event.setdefault("_deleted", set()).add(parsed[1].isoformat())
        ctx.state.hub.changed(ctx.principal.oid, event["id"], "updated")
        meetings.cancelled(ctx.state, event, parsed[1].isoformat())
    else:
        del ctx.mailbox.events[event["id"]]
        ctx.state.hub.changed(ctx.principal.oid, event["id"], "deleted")
        meetings.cancelled(ctx.state, event)
    return no_content()


def _respond(kind: str) -> Any:
    response_value = {"accept": "accepted", "decline": "declined", "tentativelyAccept": "tentativelyAccepted"}[kind]

    async def handler(ctx: Ctx) -> GraphResponse:
        body = require_content_type(ctx) if ctx.request.body else {}
        reject_unknown(body, {"comment", "sendResponse", "proposedNewTime"}, f"microsoft.graph.{kind}")
        event, occ_id = _master_for_write(ctx, ctx.params["id"])
        if event.get("isOrganizer"):
            raise GraphError(400, "ErrorInvalidRequest", "Your request can't be completed. You can't respond to this meeting because you're the meeting organizer.")
        if body.get("proposedNewTime") is not None and (body.get("sendResponse") is False or not event.get("allowNewTimeProposals", True) or kind == "accept"):
            raise GraphError(400, "ErrorInvalidParameter", "proposedNewTime cannot be used with this request.")
        stamp = utc_stamp(ctx.state.clock.now())
        if kind == "decline" and occ_id is None:
            del ctx.mailbox.events[event["id"]]
            ctx.state.hub.changed(ctx.principal.oid, event["id"], "deleted")
            meetings.answered(ctx.state, event, response_value, stamp)
            return no_content(202)
        target = event
        if occ_id is not None:
            parsed = parse_occurrence_id(occ_id)
            assert parsed is not None
            target = event.setdefault("_exceptions", {}).setdefault(parsed[1].isoformat(), {})
            if kind == "decline":
                event.setdefault("_deleted", set()).add(parsed[1].isoformat())
        target["responseStatus"] = {"response": response_value, "time": stamp}
        _touch(ctx, event)
        ctx.state.hub.changed(ctx.principal.oid, event["id"], "updated")
        if occ_id is None:
            meetings.answered(ctx.state, event, response_value, stamp)
        return no_content(202)

    return handler


async def cancel_event(ctx: Ctx) -> GraphResponse:
    body = require_content_type(ctx) if ctx.request.body else {}
    reject_unknown(body, {"comment"}, "microsoft.graph.cancel")
    event, occ_id = _master_for_write(ctx, ctx.params["id"])
    if not event.get("isOrganizer"):
        raise GraphError(400, "ErrorInvalidRequest", "Your request can't be completed. You need to be an organizer to cancel a meeting.")
    if occ_id is not None:
        parsed = parse_occurrence_id(occ_id)
        assert parsed is not None
        event.setdefault("_deleted", set()).add(parsed[1].isoformat())
        ctx.state.hub.changed(ctx.principal.oid, event["id"], "updated")
        meetings.cancelled(ctx.state, event, parsed[1].isoformat())
    else:
        del ctx.mailbox.events[event["id"]]
        ctx.state.hub.changed(ctx.principal.oid, event["id"], "deleted")
        meetings.cancelled(ctx.state, event)
    return no_content(202)


def register(router: Router) -> None:
    for prefix in ("/me", "/me/calendar"):
        router.add("GET", prefix + "/calendarView", calendar_view, scopes=READ, workload="outlook")
        router.add("GET", prefix + "/events", list_events, scopes=READ, workload="outlook")
        router.add("POST", prefix + "/events", create_event, scopes=WRITE, workload="outlook")
    router.add("GET", "/me/events/{id}", get_event, scopes=READ, workload="outlook")
    router.add("PATCH", "/me/events/{id}", update_event, scopes=WRITE, workload="outlook")
    router.add("DELETE", "/me/events/{id}", delete_event, scopes=WRITE, workload="outlook")
    for kind in ("accept", "decline", "tentativelyAccept"):
        router.add("POST", "/me/events/{id}/" + kind, _respond(kind), scopes=WRITE, workload="outlook")
    router.add("POST", "/me/events/{id}/cancel", cancel_event, scopes=WRITE, workload="outlook")
