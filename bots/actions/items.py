"""What each item button does: read the item with the clicker's token, act only if needed, say what happened.

Every handler reads the item's current state first, so a second click changes nothing and says so, and
an item the clicking user cannot read (someone else's, or deleted) raises `NotFound` / `Forbidden`
before anything is written. Writes that can be reverted return the undo kind and ids;
`dialogs/undo_kinds.py` reverts them.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from cards.actions import Action, Verb
from dialogs.writes import Undo
from graph import Message, TodoTask, UserGraph
from language import t
from language.formatting import format_date

__all__ = ["ITEM_HANDLERS", "Outcome"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result of one button: the sentence to show, whether anything was written, how to undo it."""

    notice: str
    changed: bool
    undo: Undo | None = None


@dataclass(frozen=True, slots=True)
class Click:
    """One button press with what the handler needs besides Graph."""

    action: Action
    locale: str
    tz: str
    #: The app clock's instant of this click (aware).
    now: datetime


ItemHandler = Callable[[UserGraph, Click], Awaitable[Outcome]]


# ---- reads ------------------------------------------------------------------------------------
def _ids(action: Action) -> tuple[str, str]:
    assert action.list_id is not None and action.item_id is not None  # parse_action checked the contract
    return action.list_id, action.item_id


def _item(action: Action) -> str:
    assert action.item_id is not None
    return action.item_id


def _said(key: str, click: Click, **params: Any) -> str:
    return t(key, click.locale, **params)


# ---- To Do ------------------------------------------------------------------------------------
async def todo_complete(graph: UserGraph, click: Click) -> Outcome:
    list_id, task_id = _ids(click.action)
    task = await graph.todo.get(list_id, task_id)
    if task.status == "completed":
        return Outcome(_said("actions.todo.already_completed", click), changed=False)
    await graph.todo.complete(list_id, task_id)
    return Outcome(_said("actions.todo.completed", click), changed=True,
                   undo=Undo("todo.complete", {"listId": list_id, "itemId": task_id}))


async def todo_reopen(graph: UserGraph, click: Click) -> Outcome:
    list_id, task_id = _ids(click.action)
    task = await graph.todo.get(list_id, task_id)
    if task.status != "completed":
        return Outcome(_said("actions.todo.already_open", click), changed=False)
    await graph.todo.reopen(list_id, task_id)
    return Outcome(_said("actions.todo.reopened", click), changed=True,
                   undo=Undo("todo.reopen", {"listId": list_id, "itemId": task_id}))


async def todo_snooze(graph: UserGraph, click: Click) -> Outcome:
    list_id, task_id = _ids(click.action)
    task = await graph.todo.get(list_id, task_id)
    if task.status == "completed":
        return Outcome(_said("actions.todo.snooze_completed", click), changed=False)
    today = click.now.astimezone(ZoneInfo(click.tz)).date()
    target = today + timedelta(days=click.action.days or 1)
    when = format_date(target, click.locale)
    if task.due == target:
        return Outcome(_said("actions.todo.already_snoozed", click, date=when), changed=False)
    await graph.todo.set_due(list_id, task_id, target)
    return Outcome(_said("actions.todo.snoozed", click, date=when), changed=True,
                   undo=Undo("todo.due", {"listId": list_id, "itemId": task_id,
                                          "from": task.due.isoformat() if task.due else "",
                                          "to": target.isoformat()}))






# ---- Planner ----------------------------------------------------------------------------------
async def _planner_to(graph: UserGraph, click: Click, percent: int) -> Outcome:
    task_id = _item(click.action)
    task = await graph.planner.get(task_id)
    if task.percent_complete == percent:
        key = "actions.planner.already_completed" if percent == 100 else "actions.planner.already_progress"
        return Outcome(_said(key, click, percent=percent), changed=False)
    await graph.planner.set_progress(task_id, percent, etag=task.etag)
    key = "actions.planner.completed" if percent == 100 else "actions.planner.progress"
    return Outcome(_said(key, click, percent=percent), changed=True,
                   undo=Undo("planner.progress", {"itemId": task_id, "from": str(task.percent_complete),
                                                  "to": str(percent)}))


async def planner_complete(graph: UserGraph, click: Click) -> Outcome:
    return await _planner_to(graph, click, 100)


async def planner_progress(graph: UserGraph, click: Click) -> Outcome:
    return await _planner_to(graph, click, click.action.percent or 0)



# ---- mail -------------------------------------------------------------------------------------
async def mail_flag_complete(graph: UserGraph, click: Click) -> Outcome:
    message = await graph.mail.get(_item(click.action))
    if message.flag_status == "complete":
        return Outcome(_said("actions.mail.already_completed", click), changed=False)
    await graph.mail.complete(message.id)
    return Outcome(_said("actions.mail.completed", click), changed=True,
                   undo=Undo("mail.flag", {"itemId": message.id, "from": message.flag_status,
                                           "to": "complete"}))


async def mail_flag_clear(graph: UserGraph, click: Click) -> Outcome:
    message = await graph.mail.get(_item(click.action))
    if message.flag_status == "notFlagged":
        return Outcome(_said("actions.mail.already_cleared", click), changed=False)
    await graph.mail.clear_flag(message.id)
    return Outcome(_said("actions.mail.cleared", click), changed=True,
                   undo=Undo("mail.flag", {"itemId": message.id, "from": message.flag_status,
                                           "to": "notFlagged"}))



def _links_to(task: TodoTask, message: Message) -> bool:
    return any(
        (message.web_link and link.web_url == message.web_link) or link.external_id == message.id
        for link in task.linked_resources
    )


async def mail_to_task(graph: UserGraph, click: Click) -> Outcome:
    message = await graph.mail.get(_item(click.action))
    todo_list = await graph.todo.default_list()
    if any(_links_to(task, message) for task in await graph.todo.open_tasks(todo_list.id)):
        return Outcome(_said("actions.mail.already_task", click), changed=False)
    title = message.subject or _said("actions.mail.no_subject", click)
    task = await graph.todo.create(list_id=todo_list.id, title=title, link_url=message.web_link, link_name=title)
    return Outcome(_said("actions.mail.to_task", click), changed=True,
                   undo=Undo("todo.create", {"listId": todo_list.id, "itemId": task.id}))


# ---- meetings ---------------------------------------------------------------------------------
_RESPONSES = {
    Verb.EVENT_ACCEPT: ("accept", "accepted", "actions.event.accepted"),
    Verb.EVENT_TENTATIVE: ("tentativelyAccept", "tentativelyAccepted", "actions.event.tentative"),
}


async def event_respond(graph: UserGraph, click: Click) -> Outcome:
    """A first answer reaches the organizer at once and cannot be unsent: a changed answer offers undo.

    Decline is not here: a declined meeting leaves the calendar and cannot be given back, so its button asks
    first, through the typed request's dialog (bots/card_actions.py `ASKING_VERBS`)."""
    verb, state, key = _RESPONSES[click.action.verb]
    event = await graph.calendar.get(_item(click.action))
    if event.is_organizer:
        return Outcome(_said("actions.event.organizer", click), changed=False)
    if event.is_cancelled:
        return Outcome(_said("actions.event.cancelled", click), changed=False)
    if event.my_response == state:
        return Outcome(_said("actions.event.already", click), changed=False)
    await graph.calendar.respond(event.id, verb)
    if event.my_response in ("accepted", "tentativelyAccepted"):
        return Outcome(_said(key, click), changed=True,
                       undo=Undo("calendar.respond", {"eventId": event.id, "from": event.my_response,
                                                      "to": state}))
    return Outcome(_said(key, click), changed=True)


ITEM_HANDLERS: dict[Verb, ItemHandler] = {
    Verb.TODO_COMPLETE: todo_complete,
    Verb.TODO_REOPEN: todo_reopen,
    Verb.TODO_SNOOZE: todo_snooze,
    Verb.PLANNER_COMPLETE: planner_complete,
    Verb.PLANNER_PROGRESS: planner_progress,
    Verb.MAIL_FLAG_COMPLETE: mail_flag_complete,
    Verb.MAIL_FLAG_CLEAR: mail_flag_clear,
    Verb.MAIL_TO_TASK: mail_to_task,
    Verb.EVENT_ACCEPT: event_respond,
    Verb.EVENT_TENTATIVE: event_respond,
}
