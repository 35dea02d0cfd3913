"""Microsoft To Do: lists, open tasks, create with due date, importance, reminder, recurrence and a link, complete, delete."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from urllib.parse import quote

from . import odata
from ._json import arr
from .batch import BatchRequest
from .mailbox import MailboxService
from .models import LinkedResource, Recurrence, TodoList, TodoTask
from .response import GraphResponse
from .session import Session
from .timezones import format_graph_datetime, parse_date_time_zone, parse_offset_datetime, zone

__all__ = ["OPEN_FILTER", "TodoService", "open_with_due_date", "parse_recurrence", "parse_task", "parse_todo_list",
           "recurrence_body"]

OPEN_FILTER = "status ne 'completed'"


def parse_todo_list(item: dict[str, Any]) -> TodoList:
    wellknown = str(item.get("wellknownListName") or "none")
    return TodoList(
        id=str(item["id"]),
        name=str(item.get("displayName") or ""),
        is_default=wellknown == "defaultList",
        wellknown=wellknown,
    )


def _due_date(value: Any) -> date | None:
    # To Do keeps only the date and returns it as midnight UTC: read the date as written,
    # without converting it (converting would move it to the previous day west of UTC).
    if not isinstance(value, dict) or not isinstance(value.get("dateTime"), str):
        return None
    try:
        return date.fromisoformat(value["dateTime"][:10])
    except ValueError:
        return None


def open_with_due_date(item: dict[str, Any]) -> bool:
    """Whether the raw task would parse (`parse_task`) as not completed and with a due date."""
    return _due_date(item.get("dueDateTime")) is not None and str(item.get("status") or "notStarted") != "completed"


_NO_DATE = "0001-01-01"


def _iso_day(value: Any) -> date | None:
    if not isinstance(value, str) or not value or value == _NO_DATE:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_recurrence(value: Any) -> Recurrence | None:
    """Graph's patternedRecurrence (None when the task does not repeat or the value is unreadable)."""
    if not isinstance(value, dict) or not isinstance(value.get("pattern"), dict):
        return None
    pattern: dict[str, Any] = value["pattern"]
    rng: dict[str, Any] = value["range"] if isinstance(value.get("range"), dict) else {}
    kind = pattern.get("type")
    if not isinstance(kind, str):
        return None
    days = pattern.get("daysOfWeek")
    return Recurrence(
        kind=kind,
        interval=int(pattern.get("interval") or 1),
        days_of_week=tuple(str(d).lower() for d in days) if isinstance(days, list) else (),
        day_of_month=int(pattern.get("dayOfMonth") or 0),
        month=int(pattern.get("month") or 0),
        index=str(pattern.get("index") or "first"),
        start=_iso_day(rng.get("startDate")),
        end=_iso_day(rng.get("endDate")) if rng.get("type") == "endDate" else None,
    )


def recurrence_body(recurrence: Recurrence) -> dict[str, Any]:
    """The patternedRecurrence sent to Graph: only the pattern fields its type uses, and the range."""
    pattern: dict[str, Any] = {"type": recurrence.kind, "interval": recurrence.interval}
    if recurrence.kind in ("weekly", "relativeMonthly", "relativeYearly"):
        pattern["daysOfWeek"] = list(recurrence.days_of_week)
    if recurrence.kind in ("absoluteMonthly", "absoluteYearly"):
        pattern["dayOfMonth"] = recurrence.day_of_month
    if recurrence.kind in ("absoluteYearly", "relativeYearly"):
        pattern["month"] = recurrence.month
    if recurrence.kind in ("relativeMonthly", "relativeYearly"):
        pattern["index"] = recurrence.index
    rng: dict[str, Any] = {"type": "endDate" if recurrence.end else "noEnd"}
    if recurrence.start is not None:
        rng["startDate"] = recurrence.start.isoformat()
    if recurrence.end is not None:
        rng["endDate"] = recurrence.end.isoformat()
    return {"pattern": pattern, "range": rng}


def parse_task(item: dict[str, Any], list_id: str, tz: tzinfo) -> TodoTask:
    links = arr(item.get("linkedResources"))
    return TodoTask(
        id=str(item["id"]),
        list_id=list_id,
        title=str(item.get("title") or ""),
        status=str(item.get("status") or "notStarted"),
        importance=str(item.get("importance") or "normal"),
        due=_due_date(item.get("dueDateTime")),
        reminder=parse_date_time_zone(item.get("reminderDateTime"), tz) if item.get("isReminderOn") else None,
        linked_resources=tuple(
            LinkedResource(
                web_url=link.get("webUrl"),
                application_name=link.get("applicationName"),
                display_name=link.get("displayName"),
                external_id=link.get("externalId"),
            )
            for link in links
            if isinstance(link, dict)
        ),
        web_link=None,
        recurrence=parse_recurrence(item.get("recurrence")),
    )


def _path(list_id: str, task_id: str | None = None) -> str:
    path = f"/me/todo/lists/{quote(list_id, safe='')}/tasks"
    return path + (f"/{quote(task_id, safe='')}" if task_id else "")


class TodoService:
    """The signed-in user's To Do lists and tasks."""

    def __init__(self, *, session: Session, mailbox: MailboxService) -> None:
        self._session = session
        self._mailbox = mailbox

    async def _tz(self) -> tuple[str, tzinfo]:
        settings = await self._mailbox.zone_settings()
        return settings.graph_time_zone, zone(settings.time_zone)

    async def lists(self) -> list[TodoList]:
        return [parse_todo_list(i) for i in await self._session.get_all("/me/todo/lists")]

    async def default_list(self) -> TodoList:
        lists = await self.lists()
        found = next((li for li in lists if li.is_default), None) or (lists[0] if lists else None)
        if found is None:
            raise LookupError("no To Do list")
        return found

    async def open_tasks(self, list_id: str, *, limit: int | None = None) -> list[TodoTask]:
        _, tz = await self._tz()
        items = await self._session.get_all(_path(list_id), {"$filter": OPEN_FILTER, "$top": 50}, limit=limit)
        return [parse_task(i, list_id, tz) for i in items]

    async def all_open_tasks(self, lists: Sequence[TodoList] | None = None) -> list[TodoTask]:
        """Open tasks of every list: the lists, then one `$batch` for their first pages."""
        _, tz = await self._tz()
        lists = list(lists) if lists is not None else await self.lists()
        lists = [li for li in lists if li.wellknown != "flaggedEmails"]
        requests = [
            BatchRequest.get(str(n), _path(li.id), {"$filter": OPEN_FILTER, "$top": 50}) for n, li in enumerate(lists)
        ]
        results = await self._session.batch(requests)
        tasks: list[TodoTask] = []
        for n, li in enumerate(lists):
            response = results[str(n)].raise_for_status()
            tasks.extend(parse_task(i, li.id, tz) for i in response.values())
        return tasks

    async def create(
        self,
        *,
        list_id: str,
        title: str,
        due: date | None = None,
        importance: str = "normal",
        reminder: datetime | None = None,
        recurrence: Recurrence | None = None,
        link_url: str | None = None,
        link_name: str | None = None,
        link_application: str = "MIPA",
    ) -> TodoTask:
        """Create a task; after an ambiguous failure it looks the task up before sending again.

        A repeating task needs a due day (Graph refuses one without): the recurrence's first day is used.
        """
        graph_zone, tz = await self._tz()
        if recurrence is not None and due is None:
            due = recurrence.start
        if recurrence is not None and due is None:
            raise ValueError("a repeating task needs a due day")
        payload: dict[str, Any] = {"title": title, "importance": importance}
        if due is not None:
            payload["dueDateTime"] = format_graph_datetime(due, graph_zone)
        if reminder is not None:
            payload["reminderDateTime"] = format_graph_datetime(reminder, graph_zone)
            payload["isReminderOn"] = True
        if recurrence is not None:
            payload["recurrence"] = recurrence_body(recurrence)
        if link_url:
            payload["linkedResources"] = [
                {"webUrl": link_url, "applicationName": link_application, "displayName": link_name or title}
            ]
        started = self._session.client.wall_clock.now() - timedelta(seconds=60)

        async def reconcile() -> GraphResponse | None:
            found = await self._session.get(
                _path(list_id), {"$filter": odata.eq("title", title), "$orderby": "createdDateTime desc", "$top": 5}
            )
            for item in found.values():
                created = parse_offset_datetime(item.get("createdDateTime"))
                if created is None or created >= started:
                    return GraphResponse(status=201, body=item)
            return None

        response = await self._session.post(_path(list_id), payload, reconcile=reconcile)
        return parse_task(response.json(), list_id, tz)

    async def get(self, list_id: str, task_id: str, *, tz: tzinfo = UTC) -> TodoTask:
        """One task as it is now (its due day read in `tz`, UTC unless told)."""
        response = await self._session.get(_path(list_id, task_id))
        return parse_task(response.json(), list_id, tz)

    async def complete(self, list_id: str, task_id: str) -> TodoTask:
        _, tz = await self._tz()
        response = await self._session.patch(_path(list_id, task_id), {"status": "completed"})
        return parse_task(response.json(), list_id, tz)

    async def reopen(self, list_id: str, task_id: str) -> TodoTask:
        _, tz = await self._tz()
        response = await self._session.patch(_path(list_id, task_id), {"status": "notStarted"})
        return parse_task(response.json(), list_id, tz)

    async def set_due(self, list_id: str, task_id: str, due: date | None) -> TodoTask:
        graph_zone, tz = await self._tz()
        value = format_graph_datetime(due, graph_zone) if due is not None else None
        response = await self._session.patch(_path(list_id, task_id), {"dueDateTime": value})
        return parse_task(response.json(), list_id, tz)

    async def delete(self, list_id: str, task_id: str) -> None:
        await self._session.delete(_path(list_id, task_id))
