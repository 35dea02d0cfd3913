"""Mailbox settings: GET and PATCH /me/mailboxSettings (automatic replies, working hours, time zone), validated as Graph does."""

from __future__ import annotations

import copy
from datetime import time
from typing import Any

from ..errors import GraphError
from ..tenant.model import Person, Tenant
from ..timezones import from_graph, to_graph, zone
from .core import CONTEXT_BASE, Ctx, GraphResponse, Router, ok, reject_unknown, require_content_type
from .recurrence import read_enum

__all__ = ["effective_settings", "register", "working_hours"]

SETTINGS_FIELDS = {
    "archiveFolder", "automaticRepliesSetting", "dateFormat", "delegateMeetingMessageDeliveryOptions", "language",
    "timeFormat", "timeZone", "userPurpose", "workingHours",
}
REPLY_FIELDS = {
    "status", "externalAudience", "internalReplyMessage", "externalReplyMessage", "scheduledStartDateTime",
    "scheduledEndDateTime",
}
HOURS_FIELDS = {"daysOfWeek", "startTime", "endTime", "timeZone"}
READ_ONLY_FIELDS = {"userPurpose", "archiveFolder"}
_STATUS = ("disabled", "alwaysEnabled", "scheduled")
_AUDIENCE = ("none", "contactsOnly", "all")
_DAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")


def _defaults(person: Person) -> dict[str, Any]:
    names = {"en": "English", "fr": "French"}
    lang = names.get(person.locale[:2], "English")
    return {
        "archiveFolder": "AAMkAGArchive=",
        "timeZone": person.time_zone,
        "automaticRepliesSetting": {
            "status": "disabled",
            "externalAudience": "all",
            "internalReplyMessage": "",
            "externalReplyMessage": "",
            "scheduledStartDateTime": {"dateTime": "2026-01-01T07:00:00.0000000", "timeZone": "UTC"},
            "scheduledEndDateTime": {"dateTime": "2026-01-02T07:00:00.0000000", "timeZone": "UTC"},
        },
        "language": {"locale": person.locale, "displayName": f"{lang} ({person.locale[-2:]})"},
        "workingHours": {
            "daysOfWeek": list(person.work_days),
            "startTime": person.work_start,
            "endTime": person.work_end,
            "timeZone": {"name": person.time_zone},
        },
        "userPurpose": {"value": "user"},
        "dateFormat": "dd/MM/yyyy" if person.locale.startswith("fr") else "MM/dd/yyyy",
        "timeFormat": "HH:mm" if person.locale.startswith("fr") else "hh:mm tt",
        "delegateMeetingMessageDeliveryOptions": "sendToDelegateOnly",
    }


def effective_settings(tenant: Tenant, person: Person) -> dict[str, Any]:
    """The person's settings as Graph returns them: the seeded defaults with what was PATCHed since."""
    out = _defaults(person)
    out.update(copy.deepcopy(tenant.mailbox(person.id).settings))
    return out


def working_hours(tenant: Tenant, person: Person) -> tuple[tuple[str, ...], time, time, str]:
    """(days, start, end, zone name) of the person's current working hours."""
    hours = effective_settings(tenant, person)["workingHours"]
    name = str((hours.get("timeZone") or {}).get("name") or person.time_zone)
    return tuple(hours["daysOfWeek"]), _time_of_day(hours["startTime"]), _time_of_day(hours["endTime"]), name


def _time_of_day(value: str) -> time:
    return time.fromisoformat(value.split(".", 1)[0])


def _me(ctx: Ctx) -> Person:
    person = ctx.state.tenant.person(ctx.principal.oid)
    if person is None:
        raise GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.")
    return person


async def get_settings(ctx: Ctx) -> GraphResponse:
    person = _me(ctx)
    settings = effective_settings(ctx.state.tenant, person)
    part = ctx.params.get("part")
    base = f"{CONTEXT_BASE}users('{person.id}')/mailboxSettings"
    if part:
        if part not in settings:
            raise GraphError(400, "BadRequest", f"Resource not found for the segment '{part}'.")
        value = settings[part]
        if isinstance(value, dict):
            return ok({"@odata.context": f"{base}/{part}", **value})
        return ok({"@odata.context": f"{base}/{part}", "value": value})
    return ok({"@odata.context": base, **settings})


def _object(value: Any, type_name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise GraphError(400, "RequestBodyRead", f"Cannot read a value of type '{type(value).__name__}' as '{type_name}'.")
    return value


def _date_time(value: Any) -> dict[str, str]:
    body = _object(value, "microsoft.graph.dateTimeTimeZone")
    if isinstance(body.get("timeZone"), str):
        zone(body["timeZone"])  # an unknown zone: 400 TimeZoneNotSupportedException
    try:
        return to_graph(from_graph(body), "UTC")
    except ValueError as exc:
        raise GraphError(400, "RequestBodyRead", f"Cannot convert the literal '{body.get('dateTime')}' to the expected type 'Edm.DateTimeOffset'.") from exc


def _replies(current: dict[str, Any], raw: Any) -> dict[str, Any]:
    body = _object(raw, "microsoft.graph.automaticRepliesSetting")
    reject_unknown(body, REPLY_FIELDS, "microsoft.graph.automaticRepliesSetting")
    out = dict(current)
    for key, value in body.items():
        if key.startswith("@odata"):
            continue
        if key == "status":
            out[key] = read_enum(value, _STATUS, "microsoft.graph.automaticRepliesStatus")
        elif key == "externalAudience":
            out[key] = read_enum(value, _AUDIENCE, "microsoft.graph.externalAudienceScope")
        elif key in ("internalReplyMessage", "externalReplyMessage"):
            out[key] = "" if value is None else str(value)
        else:
            out[key] = _date_time(value)
    if out["status"] == "scheduled" and from_graph(out["scheduledEndDateTime"]) <= from_graph(out["scheduledStartDateTime"]):
        raise GraphError(400, "ErrorInvalidScheduledOofDuration", "The scheduled duration for sending automatic replies isn't valid.")
    return out


def _time_value(value: Any) -> str:
    try:
        parsed = _time_of_day(str(value)) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None:
        raise GraphError(400, "RequestBodyRead", f"Cannot convert the literal '{value}' to the expected type 'Edm.TimeOfDay'.")
    return parsed.strftime("%H:%M:%S.0000000")


def _hours(current: dict[str, Any], raw: Any) -> dict[str, Any]:
    body = _object(raw, "microsoft.graph.workingHours")
    reject_unknown(body, HOURS_FIELDS, "microsoft.graph.workingHours")
    out = copy.deepcopy(current)
    if "daysOfWeek" in body:
        days = body["daysOfWeek"]
        if not isinstance(days, list):
            raise GraphError(400, "RequestBodyRead", "Cannot read the value as 'Collection(microsoft.graph.dayOfWeek)'.")
        canonical = [read_enum(d, _DAYS, "microsoft.graph.dayOfWeek") for d in days]
        out["daysOfWeek"] = [d for d in _DAYS if d in canonical]
    for key in ("startTime", "endTime"):
        if key in body:
            out[key] = _time_value(body[key])
    if "timeZone" in body:
        tz = _object(body["timeZone"], "microsoft.graph.timeZoneBase")
        name = tz.get("name")
        if not isinstance(name, str):
            raise GraphError(400, "RequestBodyRead", "A time zone name is required.")
        zone(name)
        out["timeZone"] = {"name": name}
    if not out["daysOfWeek"]:
        raise GraphError(400, "ErrorInvalidWorkingHours", "Working hours must include at least one day of the week.")
    if _time_of_day(out["endTime"]) <= _time_of_day(out["startTime"]):
        raise GraphError(400, "ErrorInvalidWorkingHours", "The working hours end time must be later than the start time.")
    return out


async def update_settings(ctx: Ctx) -> GraphResponse:
    """PATCH: every part is checked before any is kept, so a bad request changes nothing (Graph answers 200
    with the properties it updated)."""
    person = _me(ctx)
    body = require_content_type(ctx)
    if not isinstance(body, dict):
        raise GraphError(400, "RequestBodyRead", "The request body must be a mailboxSettings object.")
    reject_unknown(body, SETTINGS_FIELDS, "microsoft.graph.mailboxSettings")
    current = effective_settings(ctx.state.tenant, person)
    changes: dict[str, Any] = {}
    for key, value in body.items():
        if key.startswith("@odata"):
            continue
        if key in READ_ONLY_FIELDS:
            raise GraphError(400, "ErrorInvalidRequest", f"The property '{key}' is read-only and cannot be set.")
        if key == "automaticRepliesSetting":
            changes[key] = _replies(current[key], value)
        elif key == "workingHours":
            changes[key] = _hours(current[key], value)
        elif key == "timeZone":
            if not isinstance(value, str) or not value.strip():
                raise GraphError(400, "RequestBodyRead", f"Cannot convert the literal '{value}' to the expected type 'Edm.String'.")
            zone(value)
            changes[key] = value
        elif key == "language":
            lang = _object(value, "microsoft.graph.localeInfo")
            if not isinstance(lang.get("locale"), str):
                raise GraphError(400, "RequestBodyRead", "A locale is required.")
            changes[key] = {"locale": lang["locale"], "displayName": current["language"]["displayName"]}
        else:
            changes[key] = value
    ctx.mailbox.settings.update(copy.deepcopy(changes))
    return ok({"@odata.context": f"{CONTEXT_BASE}users('{person.id}')/mailboxSettings", **changes})


def register(router: Router) -> None:
    read = ("MailboxSettings.Read", "MailboxSettings.ReadWrite")
    write = ("MailboxSettings.ReadWrite",)
    router.add("GET", "/me/mailboxSettings", get_settings, scopes=read, workload="outlook")
    router.add("GET", "/me/mailboxSettings/{part}", get_settings, scopes=read, workload="outlook")
    router.add("PATCH", "/me/mailboxSettings", update_settings, scopes=write, workload="outlook")
