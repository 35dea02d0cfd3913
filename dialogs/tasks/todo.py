"""Microsoft To Do: list tasks (a list or all lists), add with due date, reminder and importance, complete, delete."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext

from cards import repeat_text, todo_card
from dialogs.asking import answer_of
from dialogs.context import LastRequest, ShownList
from dialogs.context.options import container_of, page_of, target_of
from dialogs.context.paging import page_line, paged, with_page_line
from dialogs.services import Services
from dialogs.tasks.common import MAX_CHOICES, TaskFeature, due_day, importance_label
from dialogs.tasks.matching import GENERIC_LISTS, best_matches, fold, match_names, words
from dialogs.writes import Proposal, Undo
from graph import NotFound, Recurrence, TodoList, TodoTask, UserGraph
from language import tn
from language.corrections import Correction
from language.matching import best, names_something
from language.recurrence import Repeat, find_repeat, strip_repeat

__all__ = ["TodoAddDialog", "TodoChangeDialog", "TodoListDialog", "ordered_tasks", "resolve_lists"]

logger = logging.getLogger(__name__)

MAX_SHOWN = 20
#: What a correction at the "add this task?" card may change: the due day, the reminder's time, the title.
CORRECTS = ("day", "time", "title")


def ordered_tasks(tasks: list[TodoTask]) -> list[TodoTask]:
    """The order the To Do card shows: open first, then by due day, undated last."""
    return sorted(tasks, key=lambda task: (task.status == "completed", task.due or date.max))


def _usable(lists: list[TodoList]) -> list[TodoList]:
    return [li for li in lists if li.wellknown != "flaggedEmails"]


def resolve_lists(name: str | None, lists: list[TodoList]) -> list[TodoList]:
    """The lists a spoken name means (the default list for "my tasks"); empty when none matches."""
    usable = _usable(lists)
    if not name or " ".join(fold(name).split()) in GENERIC_LISTS:
        default = next((li for li in usable if li.is_default), usable[0] if usable else None)
        return [default] if default else []
    return match_names(name, usable, lambda li: li.name)


class TodoListDialog(TaskFeature):
    """Open tasks of one list (by name) or of every list, in a card; remembers the order for "the second one"."""

    intents = ("todo.list",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([self.list_step, self.show_step])

    async def list_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        name = request.entities.list_name
        container = container_of(step.options)
        if container is not None:  # "more": the next page of the list shown before
            graph = await self.graph(step.context)
            step.values["lists"] = [[li.id, li.name] for li in await graph.todo.lists() if li.id == container]
            return await step.next(0 if step.values["lists"] else None)
        if not name or " ".join(fold(name).split()) in GENERIC_LISTS:
            step.values["lists"] = []
            return await step.next(None)
        graph = await self.graph(step.context)
        matches = resolve_lists(name, await graph.todo.lists())
        step.values["lists"] = [[li.id, li.name] for li in matches]
        if not matches:
            await self.say(step.context, "tasks.todo.no_list", name=name)
            return await step.next(None)
        return await self.pick_one(step, "list", [li.name for li in matches])

    async def show_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        graph = await self.graph(step.context)
        index = step.result
        list_name: str | None = None
        if isinstance(index, int) and 0 <= index < len(step.values["lists"]):
            list_id, list_name = step.values["lists"][index]
            tasks = await graph.todo.open_tasks(list_id)
        else:
            tasks = await graph.todo.all_open_tasks()
        page = paged(ordered_tasks(tasks), page_of(step.options), MAX_SHOWN)
        shown = page.items
        today = self.services.now(request.tz).date()
        line = page_line(page, request.locale)
        card = with_page_line(todo_card(shown, locale=request.locale, tz=request.tz, today=today,
                                        list_name=list_name), line)
        summary = tn("tasks.todo.summary", page.total, request.locale) + (f" {line}" if line else "")
        await self.services.send_card(step.context, card, summary=summary)
        await self.remember_shown(step.context, "todo", [[task.list_id, task.id] for task in shown])
        list_id = step.values["lists"][index][0] if list_name is not None else None
        await self.services.context.remember_list(
            step.context, ShownList("todo", tuple((task.list_id, task.id) for task in shown), page=page.index,
                                    total=page.total, more=page.more),
            request=LastRequest("todo.list", container=list_id))
        logger.info("todo.list: %d of %d task(s) shown", len(shown), page.total)
        return await step.end_dialog()


class TodoAddDialog(TaskFeature):
    """Adds a task: title (asked when missing), list by name, due date, reminder, importance; confirm; undo."""

    intents = ("todo.add",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([
            self.title_step, self.list_step, self.confirm_step, self.write_step,
        ])

    async def title_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        entities = self.request(step).entities
        said = self.utterance(step)
        found = find_repeat(said)
        step.values["repeat"] = _repeat_values(found[0]) if found else None
        title = strip_repeat(entities.title, said) if entities.title else entities.title  # "pay rent every month" -> "pay rent"
        # "add a task" names no task; "add a task to my groceries list" names only the list.
        if title and words(title) and not set(words(title)) <= set(words(entities.list_name or "")):
            return await step.next(title.strip())
        # "friday" while the title is asked is the due day, and the title is asked again.
        return await self.ask_text(step, "tasks.todo.ask_title",
                                   others=("day", "time") if entities.start is None else ())

    async def list_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        title, filled = answer_of(step.result)
        step.values["filled"] = filled.to_json() if filled is not None else None
        step.values["title"] = str(title or "").strip()
        if not step.values["title"]:
            return await self.not_done(step)
        request = self.request(step)
        graph = await self.graph(step.context)
        lists = await graph.todo.lists()
        name = request.entities.list_name
        matches = resolve_lists(name, lists)
        if not matches and name:
            await self.say(step.context, "tasks.todo.no_list_default", name=name)
            matches = resolve_lists(None, lists)
        if not matches:
            await self.say(step.context, "tasks.todo.no_lists")
            return await step.end_dialog()
        step.values["lists"] = [[li.id, li.name] for li in matches[:MAX_CHOICES]]
        return await self.pick_one(step, "list", [li.name for li in matches])

    def _fields(self, step: WaterfallStepContext) -> list[tuple[str, str]]:
        values = step.values
        fields = [("title", values["title"]), ("list", values["list"][1])]
        if values.get("due"):
            fields.append(("due", self.day_text(step, date.fromisoformat(values["due"]))))
        if values.get("reminder"):
            fields.append(("reminder", self.moment_text(step, datetime.fromisoformat(values["reminder"]))))
        if values.get("repeat"):
            fields.append(("repeat", repeat_text(_recurrence(values), self.request(step).locale) or ""))
        fields.append(("importance", importance_label(values["importance"], self.request(step).locale)))
        return fields

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        index = step.result
        if not isinstance(index, int):
            return await self.not_done(step)
        request = self.request(step)
        entities = request.entities
        step.values["list"] = step.values["lists"][index]
        due = due_day(entities.start, request.tz)
        reminder = entities.start if entities.start is not None and entities.time_given else None
        if step.values.get("filled"):  # the day (and time) said while the title was asked
            said = Correction.from_json(step.values["filled"])
            due = said.day or self.services.now(request.tz).date()
            reminder = datetime.combine(due, said.time, ZoneInfo(request.tz)) if said.time else None
        if reminder is not None and "past" in entities.ambiguities:  # "remind me … yesterday at 3pm": refused
            await self.say(step.context, "tasks.todo.past")
            return await step.end_dialog()
        if step.values.get("repeat"):
            # A repeating task needs a due day: the first day the pattern falls on, from the day said or today.
            today = self.services.now(request.tz).date()
            said = step.values["repeat"]
            repeat = Repeat(said["kind"], int(said["interval"]), tuple(said["days_of_week"]), int(said["day_of_month"]),
                            int(said["month"])).completed(due or today)
            due = repeat.first_day(due or today)
            step.values["repeat"] = _repeat_values(repeat)
        step.values["due"] = due.isoformat() if due else None
        step.values["reminder"] = reminder.isoformat() if reminder else None
        step.values["importance"] = entities.importance or "normal"
        return await self.ask_confirm(step, "todo.add", self._fields(step), corrects=CORRECTS)

    async def amend(self, step: WaterfallStepContext, correction: Correction) -> Proposal:
        """"no, Thursday" moves the due day (and its reminder), "no, 6pm" sets the reminder's time, a title renames."""
        values, request = step.values, self.request(step)
        if correction.title:
            values["title"] = correction.title
        due = date.fromisoformat(values["due"]) if values.get("due") else None
        reminder = datetime.fromisoformat(values["reminder"]) if values.get("reminder") else None
        if correction.day is not None:
            due = correction.day
            if reminder is not None:
                reminder = correction.at(reminder.astimezone(ZoneInfo(request.tz)))
        if correction.time is not None:
            day = due or self.services.now(request.tz).date()
            base = reminder.astimezone(ZoneInfo(request.tz)) if reminder else datetime.combine(
                day, correction.time, ZoneInfo(request.tz))
            reminder = Correction(day=day, time=correction.time).at(base)
            due = due or day
        values["due"] = due.isoformat() if due else None
        values["reminder"] = reminder.isoformat() if reminder else None
        return self.proposal(step, "todo.add", self._fields(step), corrects=CORRECTS)

    async def write_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if (pending := await self.writes.settle(step, "tasks.not_done", self.amend)) is not None:
            return pending
        values = step.values
        graph = await self.graph(step.context)
        list_id = values["list"][0]
        task = await graph.todo.create(
            list_id=list_id,
            title=values["title"],
            due=date.fromisoformat(values["due"]) if values.get("due") else None,
            importance=values["importance"],
            reminder=datetime.fromisoformat(values["reminder"]) if values.get("reminder") else None,
            recurrence=_recurrence(values) if values.get("repeat") else None,
        )
        logger.info("todo.add: created task %s", task.id)
        return await self.send_result(step, "todo.add", self._fields(step),
                                      undo=Undo("todo.create", {"listId": list_id, "itemId": task.id}))


def _repeat_values(repeat: Repeat) -> dict[str, object]:
    return {"kind": repeat.kind, "interval": repeat.interval, "days_of_week": list(repeat.days_of_week),
            "day_of_month": repeat.day_of_month, "month": repeat.month}


def _recurrence(values: dict[str, Any]) -> Recurrence:
    """Graph's recurrence for the task being added: the repeat said, starting on its due day."""
    repeat = values["repeat"]
    return Recurrence(kind=repeat["kind"], interval=int(repeat["interval"]), days_of_week=tuple(repeat["days_of_week"]),
                      day_of_month=int(repeat["day_of_month"]), month=int(repeat["month"]),
                      start=date.fromisoformat(values["due"]) if values.get("due") else None)


async def _candidates(graph: UserGraph, said: str, title: str | None) -> tuple[list[TodoTask], dict[str, str], bool]:
    """Open tasks matching the title said (none when nothing is called that) or the words said (every open
    task when none matches), list names, matched."""
    lists = await graph.todo.lists()
    names = {li.id: li.name for li in lists}
    tasks = ordered_tasks(await graph.todo.all_open_tasks(lists))
    if title and names_something(title):  # "mark the supplier task as done"
        return best(title, tasks, lambda task: task.title), names, True
    matches = best_matches(said, tasks, lambda task: task.title) if said.strip() else []
    return (matches or tasks), names, bool(matches)


class TodoChangeDialog(TaskFeature):
    """Completes or deletes one task, chosen by its words or as "the second one" of the last shown list."""

    intents = ("todo.complete", "todo.delete")

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([self.find_step, self.confirm_step, self.write_step])

    async def find_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        graph = await self.graph(step.context)
        target = target_of(step.options, "todo")  # "mark it done", "supprime le premier" (dialogs/context/)
        picked = list(target) if target is not None else await self.shown_pick(step, "todo")
        if picked is not None:
            list_id, task_id = picked
            names = {li.id: li.name for li in await graph.todo.lists()}
            found = [task for task in await graph.todo.open_tasks(list_id) if task.id == task_id]
            matched = bool(found)
            if not found:
                await self.say(step.context, "tasks.gone")
                return await step.end_dialog()
        else:
            title = self.request(step).entities.title
            found, names, matched = await _candidates(graph, self.utterance(step), title)
            if not found and matched:  # the name said back to the person, never logged
                await self.say(step.context, "tasks.todo.none_named", name=title)
                return await step.end_dialog()
        if not found:
            await self.say(step.context, "tasks.todo.none_open")
            return await step.end_dialog()
        found = found[:MAX_CHOICES]
        step.values["tasks"] = [
            [task.id, task.list_id, task.title, names.get(task.list_id, ""), task.due.isoformat() if task.due else ""]
            for task in found
        ]
        if len(found) == 1 and matched:
            return await step.next(0)
        if not matched:
            await self.say(step.context, "tasks.todo.which")
        return await self.ask_pick(step, "task", [task.title for task in found])

    def _fields(self, step: WaterfallStepContext) -> list[tuple[str, str]]:
        _, _, title, list_name, due = step.values["task"]
        fields = [("title", title), ("list", list_name)]
        if due:
            fields.append(("due", self.day_text(step, date.fromisoformat(due))))
        return fields

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        index = step.result
        if not isinstance(index, int):
            return await self.not_done(step)
        step.values["task"] = step.values["tasks"][index]
        return await self.ask_confirm(step, self.request(step).intent, self._fields(step))

    async def write_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if step.result is not True:
            return await self.not_done(step)
        intent = self.request(step).intent
        task_id, list_id = step.values["task"][0], step.values["task"][1]
        graph = await self.graph(step.context)
        kept: dict[str, str] | None = None
        try:
            if intent == "todo.delete":
                # What recreating it takes, kept in this process's memory for the undo only (dialogs/undo.py).
                task = await graph.todo.get(list_id, task_id)
                kept = {"title": task.title, "importance": task.importance, "due": step.values["task"][4]}
                await graph.todo.delete(list_id, task_id)
            else:
                await graph.todo.complete(list_id, task_id)
        except NotFound:
            await self.say(step.context, "tasks.gone")
            return await step.end_dialog()
        logger.info("%s: task %s", intent, task_id)
        ids = {"listId": list_id, "itemId": task_id}
        undo = Undo("todo.delete", ids, kept=kept) if kept is not None else Undo("todo.complete", ids)
        return await self.send_result(step, intent, self._fields(step), undo=undo)
