"""To Do and Planner task cards: open first, overdue marked, complete / snooze / progress buttons."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, tzinfo
from itertools import groupby
from typing import Any

from cards._access import as_datetime, get, name_of
from cards.actions import Verb, action_data, with_extra
from cards.base import (
    TEAMS_VERSION,
    Card,
    action_set,
    adaptive_card,
    column,
    columns,
    execute_action,
    open_url_action,
    plain_text,
    text_block,
)
from cards.mailbox import repeat_text
from cards.text import text
from language.formatting import format_day, to_zone

__all__ = ["due_date", "is_done", "planner_card", "planner_rows", "todo_card", "todo_rows"]

TODO_WEB = "https://to-do.office.com/tasks/"
PLANNER_WEB = "https://planner.cloud.microsoft/"


def due_date(task: Any, tz: tzinfo | str) -> date | None:
    """The task's due day in the user's zone (a plain date stays as it is)."""
    raw = get(task, "due", "due_date", "due_date_time", "dueDateTime")
    if isinstance(raw, date) and not isinstance(raw, datetime):
        return raw
    moment = as_datetime(raw)
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.date()  # Graph's To Do due dates are a day at midnight in the task's zone
    return moment.astimezone(to_zone(tz)).date()


def is_done(task: Any) -> bool:
    status = get(task, "status", default="")
    percent = get(task, "percent_complete", "percentComplete", default=0)
    return status == "completed" or get(task, "completed", default=False) is True or percent == 100


def _due_line(task: Any, *, locale: str, tz: tzinfo | str, today: date) -> dict[str, Any] | None:
    due = due_date(task, tz)
    if due is None:
        return None
    if not is_done(task) and due < today:
        return text_block(text("cards.task.overdue", locale, day=format_day(due, locale)), color="Attention",
                          size="Small", spacing="None", weight="Bolder")
    key = "cards.task.due_today" if due == today else "cards.task.due"
    return text_block(text(key, locale, day=format_day(due, locale)), size="Small", spacing="None", isSubtle=True)


def _ordered(tasks: Sequence[Any], tz: tzinfo | str) -> list[Any]:
    """Open tasks first, then by due day (undated last)."""
    return sorted(tasks, key=lambda t: (is_done(t), due_date(t, tz) or date.max))


def todo_rows(tasks: Sequence[Any], *, locale: str, tz: tzinfo | str, today: date,
              buttons: bool = True, extra: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """One ColumnSet per task; `extra` keys are added to every button's data (after its ids)."""
    rows: list[dict[str, Any]] = []
    for task in _ordered(tasks, tz):
        done = is_done(task)
        info: list[dict[str, Any]] = [plain_text(get(task, "title", default=""), strikethrough=done,
                                                 isSubtle=done, weight="Bolder")]
        due = _due_line(task, locale=locale, tz=tz, today=today)
        if due:
            info.append(due)
        repeats = repeat_text(get(task, "recurrence"), locale)
        if repeats:
            info.append(text_block(repeats, size="Small", spacing="None", isSubtle=True))
        if get(task, "importance") == "high" and not done:
            info.append(text_block(text("cards.task.important", locale), color="Warning", size="Small",
                                   spacing="None"))
        cols = [column(info)]
        task_id, list_id = get(task, "id"), get(task, "list_id", "listId")
        if buttons and task_id and list_id:
            acts = []
            if done:
                acts.append(execute_action(text("cards.action.reopen", locale), Verb.TODO_REOPEN,
                                           with_extra(action_data(Verb.TODO_REOPEN, item_id=task_id,
                                                                  list_id=list_id), extra)))
            else:
                acts.append(execute_action(text("cards.action.complete", locale), Verb.TODO_COMPLETE,
                                           with_extra(action_data(Verb.TODO_COMPLETE, item_id=task_id,
                                                                  list_id=list_id), extra)))
                acts.append(execute_action(text("cards.action.snooze", locale), Verb.TODO_SNOOZE,
                                           with_extra(action_data(Verb.TODO_SNOOZE, item_id=task_id,
                                                                  list_id=list_id, days=1), extra)))
            cols.append(column([action_set(acts)], width="auto", verticalContentAlignment="Center"))
        rows.append(columns(cols, separator=bool(rows), spacing="Small"))
    return rows


def todo_card(tasks: Sequence[Any], *, locale: str, tz: tzinfo | str, today: date,
              list_name: str | None = None) -> Card:
    """A To Do list: open tasks first, overdue marked, complete / snooze, open in To Do."""
    title = text("cards.todo.title", locale)
    body: list[dict[str, Any]] = [text_block(title, size="Medium", weight="Bolder")]
    if list_name:
        body.append(plain_text(list_name, isSubtle=True, spacing="None"))
    if not tasks:
        body.append(text_block(text("cards.todo.empty", locale), isSubtle=True))
    body.extend(todo_rows(tasks, locale=locale, tz=tz, today=today))
    return adaptive_card(body, [open_url_action(text("cards.action.open_todo", locale), TODO_WEB)],
                         version=TEAMS_VERSION)


def _progress(task: Any, locale: str) -> str:
    percent = get(task, "percent_complete", "percentComplete", default=0)
    key = "completed" if percent == 100 else "in_progress" if percent else "not_started"
    return text(f"cards.planner.{key}", locale)


def planner_rows(tasks: Sequence[Any], *, locale: str, tz: tzinfo | str, today: date,
                 buttons: bool = True, extra: Mapping[str, str] | None = None) -> list[dict[str, Any]]:
    """One ColumnSet per task; `extra` keys are added to every button's data (after its ids)."""
    rows: list[dict[str, Any]] = []
    for task in _ordered(tasks, tz):
        done = is_done(task)
        info: list[dict[str, Any]] = [plain_text(get(task, "title", default=""), strikethrough=done, weight="Bolder")]
        bucket = name_of(get(task, "bucket_name", "bucket"))
        status = _progress(task, locale)
        info.append(text_block(text("cards.planner.status", locale, status=status), size="Small",
                               spacing="None", isSubtle=True))
        if bucket:
            info.append(plain_text(bucket, size="Small", isSubtle=True, spacing="None"))
        due = _due_line(task, locale=locale, tz=tz, today=today)
        if due:
            info.append(due)
        cols = [column(info)]
        task_id, plan_id = get(task, "id"), get(task, "plan_id", "planId")
        if buttons and task_id and not done:
            acts = [execute_action(text("cards.action.complete", locale), Verb.PLANNER_COMPLETE,
                                   with_extra(action_data(Verb.PLANNER_COMPLETE, item_id=task_id, plan_id=plan_id),
                                              extra))]
            if not get(task, "percent_complete", "percentComplete", default=0):
                acts.append(execute_action(text("cards.action.start", locale), Verb.PLANNER_PROGRESS,
                                           with_extra(action_data(Verb.PLANNER_PROGRESS, item_id=task_id,
                                                                  plan_id=plan_id, percent=50), extra)))
            cols.append(column([action_set(acts)], width="auto", verticalContentAlignment="Center"))
        rows.append(columns(cols, separator=bool(rows), spacing="Small"))
    return rows


def planner_card(tasks: Sequence[Any], *, locale: str, tz: tzinfo | str, today: date) -> Card:
    """Planner tasks grouped by plan, with bucket, progress and due date."""
    body: list[dict[str, Any]] = [text_block(text("cards.planner.title", locale), size="Medium", weight="Bolder")]
    if not tasks:
        body.append(text_block(text("cards.planner.empty", locale), isSubtle=True))

    def plan_key(task: Any) -> str:
        return str(name_of(get(task, "plan_title", "plan_name", "plan")) or get(task, "plan_id", default=""))

    for plan, group in groupby(sorted(tasks, key=plan_key), key=plan_key):
        body.append({"type": "Container", "style": "emphasis", "spacing": "Medium",
                     "items": [plain_text(plan or text("cards.planner.no_plan", locale), weight="Bolder")]})
        body.extend(planner_rows(list(group), locale=locale, tz=tz, today=today))
    return adaptive_card(body, [open_url_action(text("cards.action.open_planner", locale), PLANNER_WEB)],
                         version=TEAMS_VERSION)
