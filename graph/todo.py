"""Microsoft To Do: lists, open tasks, create with due date, importance and a link, complete, delete."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Any
from urllib.parse import quote

from . import odata
from ._json import arr
from .batch import BatchRequest
from .mailbox import MailboxService
from .models import LinkedResource, TodoList, TodoTask
from .response import GraphResponse
from .session import Session
from .timezones import format_graph_datetime, parse_date_time_zone, parse_offset_datetime, zone

__all__ = ["OPEN_FILTER", "TodoService", "parse_task", "parse_todo_list"]

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
        link_url: str | None = None,
        link_name: str | None = None,
        link_application: str = "MIPA",
    ) -> TodoTask:
        """Create a task; after an ambiguous failure it looks the task up before sending again."""
        graph_zone, tz = await self._tz()
        payload: dict[str, Any] = {"title": title, "importance": importance}
        if due is not None:
            payload["dueDateTime"] = format_graph_datetime(due, graph_zone)
        if reminder is not None:
            payload["reminderDateTime"] = format_graph_datetime(reminder, graph_zone)
            payload["isReminderOn"] = True
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
