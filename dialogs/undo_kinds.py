"""Every kind of write MIPA can revert, each with its inverse (one typed Graph method) and its "unchanged" check.

Ids kept per kind (strings only; `from` / `to` are the states the write went between):

| kind | ids | inverse |
|---|---|---|
| `todo.create` | listId, itemId | `todo.delete` |
| `todo.complete` | listId, itemId | `todo.reopen` |
| `todo.reopen` | listId, itemId | `todo.complete` |
| `todo.due` | listId, itemId, from, to | `todo.set_due(from)` |
| `todo.delete` | listId (+ the task's content, in memory) | `todo.create` |
| `planner.create` | itemId | `planner.delete` |
| `planner.progress` | itemId, from, to | `planner.set_progress(from)` |
| `mail.flag` | itemId, from, to | `mail.flag` / `complete` / `clear_flag` |
| `calendar.create` | eventId | `calendar.delete` |
| `calendar.update` | eventId, start, end, newStart | `calendar.move(start, end)` |
| `calendar.respond` | eventId, from, to | `calendar.respond(from)` |
| `contacts.create` | itemId | `contacts.delete` |
| `lists.create` | siteId, listId, itemId | `lists.delete_item` |
| `mailbox.autoreply` | from, audience, start, end, to, newStart, newEnd (+ the earlier messages, in memory) | `mailbox.set_automatic_replies(from)` |
| `mailbox.settings` | days, start, end, hoursZone, zone, toDays, toStart, toEnd, toZone | `mailbox.update(earlier hours, zone)` |
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time
from typing import Any

from dialogs.undo import Ids, UndoKind
from graph import AutomaticReplies, UserGraph, WorkingHours

__all__ = ["RESPONSE_VERBS", "undo_kinds"]

#: The response state an invitation is in after each response verb, and back.
RESPONSE_VERBS = {"accepted": "accept", "tentativelyAccepted": "tentativelyAccept", "declined": "decline"}


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


# ---- To Do --------------------------------------------------------------------------------------
async def _todo_delete(graph: UserGraph, ids: Ids, _: Mapping[str, Any]) -> None:
    await graph.todo.delete(ids["listId"], ids["itemId"])


async def _todo_exists(graph: UserGraph, ids: Ids) -> bool:
    await graph.todo.get(ids["listId"], ids["itemId"])  # NotFound: already gone
    return True


async def _todo_reopen(graph: UserGraph, ids: Ids, _: Mapping[str, Any]) -> None:
    await graph.todo.reopen(ids["listId"], ids["itemId"])


async def _todo_still_completed(graph: UserGraph, ids: Ids) -> bool:
    return (await graph.todo.get(ids["listId"], ids["itemId"])).is_completed


async def _todo_complete(graph: UserGraph, ids: Ids, _: Mapping[str, Any]) -> None:
    await graph.todo.complete(ids["listId"], ids["itemId"])


async def _todo_still_open(graph: UserGraph, ids: Ids) -> bool:
    return not (await graph.todo.get(ids["listId"], ids["itemId"])).is_completed


async def _todo_due_back(graph: UserGraph, ids: Ids, _: Mapping[str, Any]) -> None:
    await graph.todo.set_due(ids["listId"], ids["itemId"], _day(ids.get("from")))


async def _todo_recreate(graph: UserGraph, ids: Ids, kept: Mapping[str, Any]) -> None:
    await graph.todo.create(list_id=ids["listId"], title=str(kept["title"]), due=_day(kept.get("due")),
                            importance=str(kept.get("importance") or "normal"))


# ---- Planner ------------------------------------------------------------------------------------
async def _planner_delete(graph: UserGraph, ids: Ids, _: Mapping[str, Any]) -> None:
    await graph.planner.delete(ids["itemId"])


async def _planner_progress_back(graph: UserGraph, ids: Ids, _: Mapping[str, Any]) -> None:
    await graph.planner.set_progress(ids["itemId"], int(ids.get("from") or 0))


async def _planner_progress_unchanged(graph: UserGraph, ids: Ids) -> bool:
    return (await graph.planner.get(ids["itemId"])).percent_complete == int(ids.get("to") or 0)


# ---- mail ---------------------------------------------------------------------------------------
async def _flag_back(graph: UserGraph, ids: Ids, _: Mapping[str, Any]) -> None:
    status = ids.get("from") or "notFlagged"
    if status == "flagged":
        await graph.mail.flag(ids["itemId"])
    elif status == "complete":
        await graph.mail.complete(ids["itemId"])
    else:
        await graph.mail.clear_flag(ids["itemId"])


async def _flag_unchanged(graph: UserGraph, ids: Ids) -> bool:
    return (await graph.mail.get(ids["itemId"])).flag_status == ids.get("to")


# ---- calendar -----------------------------------------------------------------------------------
async def _event_delete(graph: UserGraph, ids: Ids, _: Mapping[str, Any]) -> None:
    await graph.calendar.delete(ids["eventId"])


async def _event_move_back(graph: UserGraph, ids: Ids, _: Mapping[str, Any]) -> None:
    await graph.calendar.move(ids["eventId"], datetime.fromisoformat(ids["start"]), datetime.fromisoformat(ids["end"]))


async def _event_not_moved_since(graph: UserGraph, ids: Ids) -> bool:
    event = await graph.calendar.get(ids["eventId"])
    return event.start == datetime.fromisoformat(ids["newStart"])


async def _respond_back(graph: UserGraph, ids: Ids, _: Mapping[str, Any]) -> None:
    await graph.calendar.respond(ids["eventId"], RESPONSE_VERBS[ids["from"]])


async def _response_unchanged(graph: UserGraph, ids: Ids) -> bool:
    return (await graph.calendar.get(ids["eventId"])).my_response == ids.get("to")


# ---- directory ----------------------------------------------------------------------------------
async def _contact_delete(graph: UserGraph, ids: Ids, _: Mapping[str, Any]) -> None:
    await graph.contacts.delete(ids["itemId"])


async def _list_item_delete(graph: UserGraph, ids: Ids, _: Mapping[str, Any]) -> None:
    await graph.lists.delete_item(ids["siteId"], ids["listId"], ids["itemId"])


# ---- mailbox settings ---------------------------------------------------------------------------
def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


async def _autoreply_back(graph: UserGraph, ids: Ids, kept: Mapping[str, Any]) -> None:
    # The earlier messages live in this process's memory only; without them the current ones stay.
    now = (await graph.mailbox.fresh()).automatic_replies
    await graph.mailbox.set_automatic_replies(AutomaticReplies(
        status=ids["from"], external_audience=ids.get("audience") or "all",
        internal_message=str(kept.get("internal", now.internal_message)),
        external_message=str(kept.get("external", now.external_message)),
        start=_moment(ids.get("start")) or now.start, end=_moment(ids.get("end")) or now.end,
    ))


async def _autoreply_unchanged(graph: UserGraph, ids: Ids) -> bool:
    now = (await graph.mailbox.fresh()).automatic_replies
    if now.status != ids.get("to"):
        return False
    return now.status != "scheduled" or (now.start == _moment(ids.get("newStart")) and now.end == _moment(ids.get("newEnd")))


async def _settings_back(graph: UserGraph, ids: Ids, _: Mapping[str, Any]) -> None:
    hours = WorkingHours(days=tuple(d for d in ids["days"].split(",") if d), start=time.fromisoformat(ids["start"]),
                         end=time.fromisoformat(ids["end"]), time_zone=ids["hoursZone"])
    zone = ids["zone"] if ids.get("zone") != ids.get("toZone") else None
    await graph.mailbox.update(working_hours=hours, time_zone=zone)


async def _settings_unchanged(graph: UserGraph, ids: Ids) -> bool:
    hours = (await graph.mailbox.fresh()).working_hours
    return (",".join(hours.days), hours.start.isoformat(), hours.end.isoformat()) == (ids["toDays"], ids["toStart"], ids["toEnd"])


def undo_kinds() -> list[UndoKind]:
    """The kinds app.py puts in its `UndoRegistry`."""
    return [
        UndoKind("todo.create", _todo_delete, _todo_exists),
        UndoKind("todo.complete", _todo_reopen, _todo_still_completed),
        UndoKind("todo.reopen", _todo_complete, _todo_still_open),
        UndoKind("todo.due", _todo_due_back),
        UndoKind("todo.delete", _todo_recreate),
        UndoKind("planner.create", _planner_delete),
        UndoKind("planner.progress", _planner_progress_back, _planner_progress_unchanged),
        UndoKind("mail.flag", _flag_back, _flag_unchanged),
        UndoKind("calendar.create", _event_delete),
        UndoKind("calendar.update", _event_move_back, _event_not_moved_since),
        UndoKind("calendar.respond", _respond_back, _response_unchanged),
        UndoKind("contacts.create", _contact_delete),
        UndoKind("lists.create", _list_item_delete),
        UndoKind("mailbox.autoreply", _autoreply_back, _autoreply_unchanged),
        UndoKind("mailbox.settings", _settings_back, _settings_unchanged),
    ]
