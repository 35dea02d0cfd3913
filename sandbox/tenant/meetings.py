"""Meetings across mailboxes: an organiser's event copied to each attendee's calendar, kept in step, cancelled.

Exchange delivers a meeting to every attendee in the tenant: the attendee's copy has its own id, the same
`iCalUId`, `isOrganizer` false and `responseStatus.response` `none` until they answer. The organiser's changes
reach the copies; deleting or cancelling the organiser's event cancels the copies (`isCancelled`, a subject that
starts with "Canceled: "), and an attendee's answer shows in the organiser's attendee list.
Every change is reported to the hub (change notifications and delta).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from .events import NEVER
from .model import etag

if TYPE_CHECKING:
    from ..state import SandboxState

__all__ = ["answered", "cancelled", "invite", "updated"]

#: Keys that belong to one mailbox's copy and are never copied from the organiser's event.
_OWN = {"id", "_owner", "_copies", "_source", "isOrganizer", "responseStatus", "@odata.etag", "changeKey", "webLink",
        "transactionId", "createdDateTime", "isCancelled"}


def _invitees(state: SandboxState, event: dict[str, Any]) -> list[str]:
    ids = []
    for item in event.get("attendees") or []:
        person = state.tenant.person(str((item.get("emailAddress") or {}).get("address", "")))
        if person is not None and person.id != event["_owner"] and person.id not in ids:
            ids.append(person.id)
    return ids


def _fill(target: dict[str, Any], source: dict[str, Any]) -> None:
    for key, value in source.items():
        if key not in _OWN:
            target[key] = copy.deepcopy(value)


def invite(state: SandboxState, event: dict[str, Any], only: list[str] | None = None) -> None:
    """Put a copy of the organiser's new meeting in each attendee's calendar (or only these attendees')."""
    copies: dict[str, str] = event.setdefault("_copies", {})
    for person_id in only if only is not None else _invitees(state, event):
        if person_id in copies:
            continue
        copy_id = state.tenant.new_id("AAMkAGI")
        change_key, tag = etag(state.tenant.rng)
        item: dict[str, Any] = {"id": copy_id, "_owner": person_id, "_source": (event["_owner"], event["id"]), "isOrganizer": False,
                                "responseStatus": {"response": "none", "time": NEVER}, "changeKey": change_key, "@odata.etag": tag,
                                "createdDateTime": event["createdDateTime"], "isCancelled": False, "transactionId": None,
                                "webLink": str(event.get("webLink", "")).replace(event["id"], copy_id)}
        _fill(item, event)
        state.tenant.mailbox(person_id).events[copy_id] = item
        copies[person_id] = copy_id
        state.hub.changed(person_id, copy_id, "created")


def updated(state: SandboxState, event: dict[str, Any]) -> None:
    """The organiser changed a meeting: refresh the copies, invite new attendees, cancel for removed ones.

    Only meetings created through Graph are linked to copies; the seed's demo weeks are independent per person.
    """
    if not event.get("isOrganizer") or "_copies" not in event:
        return
    copies: dict[str, str] = event.setdefault("_copies", {})
    current = _invitees(state, event)
    for person_id, copy_id in list(copies.items()):
        item = state.tenant.mailbox(person_id).events.get(copy_id)
        if item is None:
            continue
        if person_id not in current:
            _cancel(state, person_id, item)
            del copies[person_id]
            continue
        _fill(item, event)
        item["changeKey"], item["@odata.etag"] = etag(state.tenant.rng)
        state.hub.changed(person_id, copy_id, "updated")
    invite(state, event, [p for p in current if p not in copies])


def cancelled(state: SandboxState, event: dict[str, Any], occurrence_day: str | None = None) -> None:
    """The organiser deleted or cancelled a meeting (or one occurrence): the copies are cancelled."""
    if not event.get("isOrganizer"):
        return
    for person_id, copy_id in (event.get("_copies") or {}).items():
        item = state.tenant.mailbox(person_id).events.get(copy_id)
        if item is None:
            continue
        if occurrence_day is not None:
            item.setdefault("_deleted", set()).add(occurrence_day)
            state.hub.changed(person_id, copy_id, "updated")
        else:
            _cancel(state, person_id, item)


def _cancel(state: SandboxState, person_id: str, item: dict[str, Any]) -> None:
    item["isCancelled"] = True
    if not str(item.get("subject", "")).startswith("Canceled: "):
        item["subject"] = "Canceled: " + str(item.get("subject", ""))
    item["changeKey"], item["@odata.etag"] = etag(state.tenant.rng)
    state.hub.changed(person_id, item["id"], "updated")


def answered(state: SandboxState, item: dict[str, Any], response: str, stamp: str) -> None:
    """An attendee answered: their status shows in the organiser's attendee list."""
    source = item.get("_source")
    if not source:
        return
    organiser_id, event_id = source
    event = state.tenant.mailbox(organiser_id).events.get(event_id)
    me = state.tenant.person(item["_owner"])
    if event is None or me is None:
        return
    for entry in event.get("attendees") or []:
        if str((entry.get("emailAddress") or {}).get("address", "")).casefold() == me.mail.casefold():
            entry["status"] = {"response": response, "time": stamp}
    state.hub.changed(organiser_id, event_id, "updated")
