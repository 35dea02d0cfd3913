"""Planner: my tasks across plans, a plan's open tasks, my plans and buckets, add, set progress or complete."""

from __future__ import annotations

import logging
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext

from cards import planner_card
from cards.base import escape_markdown
from cards.tasks import due_date
from dialogs.context import LastRequest, ShownList
from dialogs.context.options import container_of, page_of, target_of
from dialogs.context.paging import page_line, paged, with_page_line
from dialogs.services import Services
from dialogs.tasks.common import MAX_CHOICES, TaskFeature
from dialogs.tasks.matching import best_matches, clean_title, match_names, mentioned, words
from dialogs.writes import Proposal, Undo
from graph import NotFound, PlannerPlan, PlannerTask, PreconditionFailed, UserGraph
from language import t, tn
from language.corrections import Correction
from language.matching import best, names_something

__all__ = [
    "PlannerAddDialog",
    "PlannerCompleteDialog",
    "PlannerListDialog",
    "PlannerPlansDialog",
    "ordered_planner",
    "plan_tasks",
]

logger = logging.getLogger(__name__)

MAX_SHOWN = 25
#: What a correction at the "add this Planner task?" card may change: the due day and the title.
ADD_CORRECTS = ("day", "title")
_BUCKET_WORDS = ("bucket", "compartiment", "colonne")


def ordered_planner(tasks: list[PlannerTask], tz: str) -> list[PlannerTask]:
    """The order the Planner card shows: by plan, then open first, then by due day."""
    return sorted(tasks, key=lambda task: (task.plan_name or task.plan_id, task.percent_complete == 100,
                                           due_date(task, tz) or date.max))


async def plan_tasks(graph: UserGraph, plan: PlannerPlan) -> list[PlannerTask]:
    """The open tasks of one plan, with its bucket names."""
    return await graph.planner.plan_tasks(plan)


class PlannerListDialog(TaskFeature):
    """My Planner tasks grouped by plan, or what is left on one plan named in the sentence."""

    intents = ("planner.list",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([self.plan_step, self.show_step])

    async def plan_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        name = self.request(step).entities.plan_name
        step.values["plans"] = []
        container = container_of(step.options)
        if container is not None:  # "more": the next page of the plan shown before
            graph = await self.graph(step.context)
            step.values["plans"] = [[p.id, p.title, p.group_id or ""] for p in await graph.planner.plans()
                                    if p.id == container]
            return await step.next(0 if step.values["plans"] else None)
        if not name:
            return await step.next(None)
        graph = await self.graph(step.context)
        plans = await graph.planner.plans()
        matches = (mentioned(self.utterance(step), plans, lambda p: p.title)
                   or match_names(name, plans, lambda p: p.title)
                   or best(name, plans, lambda p: p.title))[:MAX_CHOICES]  # "salon de lyon", "the Lyon fair plan"
        step.values["plans"] = [[p.id, p.title, p.group_id or ""] for p in matches]
        if not matches:  # said so, and no other plan's tasks instead
            await self.say(step.context, "tasks.planner.no_plan", name=name)
            return await step.end_dialog()
        return await self.pick_one(step, "plan", [p.title for p in matches])

    async def show_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        graph = await self.graph(step.context)
        index = step.result
        if isinstance(index, int) and 0 <= index < len(step.values["plans"]):
            plan_id, title, group = step.values["plans"][index]
            tasks = await plan_tasks(graph, PlannerPlan(id=plan_id, title=title, group_id=group or None))
        else:
            plan_id = None
            tasks = await graph.planner.my_tasks()
        page = paged(ordered_planner(tasks, request.tz), page_of(step.options), MAX_SHOWN)
        shown = page.items
        today = self.services.now(request.tz).date()
        line = page_line(page, request.locale)
        card = with_page_line(planner_card(shown, locale=request.locale, tz=request.tz, today=today), line)
        summary = tn("tasks.planner.summary", page.total, request.locale) + (f" {line}" if line else "")
        await self.services.send_card(step.context, card, summary=summary)
        await self.remember_shown(step.context, "planner", [[task.id] for task in shown])
        await self.services.context.remember_list(
            step.context, ShownList("planner", tuple((task.id,) for task in shown), page=page.index, total=page.total,
                                    more=page.more),
            request=LastRequest("planner.list", container=plan_id))
        logger.info("planner.list: %d of %d task(s) shown", len(shown), page.total)
        return await step.end_dialog()


class PlannerPlansDialog(TaskFeature):
    """The plans shared with me and their buckets, as a short message."""

    intents = ("planner.plans",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([self.show_step])

    async def show_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        locale = self.request(step).locale
        graph = await self.graph(step.context)
        plans = await graph.planner.plans()
        if not plans:
            await self.say(step.context, "tasks.planner.no_plans")
            return await step.end_dialog()
        lines = [t("tasks.planner.plans_header", locale, count=len(plans))]
        for plan in sorted(plans, key=lambda p: p.title.casefold()):
            buckets = await graph.planner.buckets(plan.id)
            names = ", ".join(escape_markdown(b.name) for b in sorted(buckets, key=lambda b: b.order_hint or ""))
            lines.append(t("tasks.planner.plan_line", locale, plan=escape_markdown(plan.title),
                           buckets=names or t("tasks.planner.no_buckets", locale)))
        await step.context.send_activity("\n".join(lines))
        return await step.end_dialog()


class PlannerAddDialog(TaskFeature):
    """Adds a Planner task to a plan and bucket chosen by name, assigned to me or to a named person."""

    intents = ("planner.add",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([
            self.plan_step, self.bucket_step, self.assignee_step, self.title_step, self.confirm_step,
            self.write_step,
        ])

    async def plan_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        # The words said are kept for this dialog only, to find the bucket once the plan is known.
        step.values["said"] = " ".join(words(self.utterance(step), keep_stop=True))
        name = self.request(step).entities.plan_name
        graph = await self.graph(step.context)
        plans = await graph.planner.plans()
        matches = mentioned(step.values["said"], plans, lambda p: p.title)
        if not matches and name:
            matches = match_names(name, plans, lambda p: p.title)
            if not matches:
                await self.say(step.context, "tasks.planner.no_plan", name=name)
        candidates = matches or sorted(plans, key=lambda p: p.title.casefold())
        if not candidates:
            await self.say(step.context, "tasks.planner.no_plans")
            return await step.end_dialog()
        step.values["plans"] = [[p.id, p.title] for p in candidates[:MAX_CHOICES]]
        return await self.pick_one(step, "plan", [p.title for p in candidates])

    async def bucket_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if not isinstance(step.result, int):
            return await self.not_done(step)
        step.values["plan"] = step.values["plans"][step.result]
        name = self.request(step).entities.bucket_name
        graph = await self.graph(step.context)
        buckets = sorted(await graph.planner.buckets(step.values["plan"][0]), key=lambda b: b.order_hint or "")
        step.values["buckets"] = [[b.id, b.name] for b in buckets[:MAX_CHOICES]]
        if not buckets:
            step.values["buckets"] = [["", ""]]
            return await step.next(0)
        matches = mentioned(step.values["said"], buckets, lambda b: b.name, markers=_BUCKET_WORDS)
        if not matches and name:
            matches = match_names(name, buckets, lambda b: b.name)
            if not matches:
                await self.say(step.context, "tasks.planner.no_bucket", name=name)
                return await self.ask_pick(step, "bucket", [b.name for b in buckets])
        if not matches:
            return await step.next(0)  # the plan's first bucket, shown on the confirmation card
        if len(matches) == 1:
            return await step.next(buckets.index(matches[0]))
        step.values["buckets"] = [[b.id, b.name] for b in matches[:MAX_CHOICES]]
        return await self.ask_pick(step, "bucket", [b.name for b in matches])

    async def assignee_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if not isinstance(step.result, int):
            return await self.not_done(step)
        step.values["bucket"] = step.values["buckets"][step.result]
        plan_words = set(words(step.values["plan"][1], keep_stop=True))
        # A name inside the plan's title ("Salon de Lyon") is not an assignee.
        people = [p for p in self.request(step).entities.people if not set(words(p, keep_stop=True)) <= plan_words]
        step.values["named"] = people
        graph = await self.graph(step.context)
        me = await graph.me()
        step.values["people"] = [[str(me.get("id")), str(me.get("displayName") or "")]]
        if not people:
            return await step.next(0)
        found = [p for p in await graph.people.resolve(people[-1]) if p.id]
        if not found:
            await self.say(step.context, "tasks.planner.no_person", name=people[-1])
            return await step.next(0)
        top = [p for p in found if p.score >= found[0].score - 0.05]
        step.values["people"] = [[str(p.id), p.display_name] for p in top[:MAX_CHOICES]]
        return await self.pick_one(step, "person", [p.display_name for p in top])

    async def title_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if not isinstance(step.result, int):
            return await self.not_done(step)
        step.values["assignee"] = step.values["people"][step.result]
        entities = self.request(step).entities
        step.values.pop("said", None)
        if entities.title and words(entities.title):
            title = clean_title(entities.title, plan=step.values["plan"][1], bucket=step.values["bucket"][1] or None,
                                people=step.values["named"])
            title = clean_title(title, plan=entities.plan_name, bucket=entities.bucket_name)
            if words(title):
                return await step.next(title)
        return await self.ask_text(step, "tasks.planner.ask_title")

    def _fields(self, step: WaterfallStepContext) -> list[tuple[str, str]]:
        values = step.values
        fields = [("title", values["title"]), ("plan", values["plan"][1])]
        if values["bucket"][1]:
            fields.append(("bucket", values["bucket"][1]))
        fields.append(("assignee", values["assignee"][1]))
        if values.get("due"):
            fields.append(("due", self.day_text(step, datetime.fromisoformat(values["due"]))))
        return fields

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        step.values["title"] = str(step.result or "").strip()
        if not step.values["title"]:
            return await self.not_done(step)
        start = self.request(step).entities.start
        step.values["due"] = start.isoformat() if start is not None else None
        return await self.ask_confirm(step, "planner.add", self._fields(step), corrects=ADD_CORRECTS)

    async def amend(self, step: WaterfallStepContext, correction: Correction) -> Proposal:
        """"no, Thursday" moves the due day; "change the title to …" renames."""
        if correction.title:
            step.values["title"] = correction.title
        if correction.day is not None:
            zone = ZoneInfo(self.request(step).tz)
            step.values["due"] = datetime.combine(correction.day, time(0), zone).isoformat()
        return self.proposal(step, "planner.add", self._fields(step), corrects=ADD_CORRECTS)

    async def write_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if (pending := await self.writes.settle(step, "tasks.not_done", self.amend)) is not None:
            return pending
        values = step.values
        graph = await self.graph(step.context)
        task = await graph.planner.create(
            plan_id=values["plan"][0],
            title=values["title"],
            bucket_id=values["bucket"][0] or None,
            assignee_id=values["assignee"][0] or None,
            due=datetime.fromisoformat(values["due"]) if values.get("due") else None,
        )
        logger.info("planner.add: created task %s", task.id)
        return await self.send_result(step, "planner.add", self._fields(step),
                                      undo=Undo("planner.create", {"itemId": task.id}))


class PlannerCompleteDialog(TaskFeature):
    """Completes a Planner task or sets its progress, guarded by its etag (one refetch, then tell the user)."""

    intents = ("planner.complete",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([self.find_step, self.confirm_step, self.write_step])

    async def find_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        graph = await self.graph(step.context)
        tasks = await graph.planner.my_tasks()
        target = target_of(step.options, "planner")  # "mark it done", "the second one" (dialogs/context/)
        picked = list(target) if target is not None else await self.shown_pick(step, "planner")
        matched = True
        if picked is not None:
            found = [task for task in tasks if task.id == picked[0]]
            if not found:
                found = [await graph.planner.get(picked[0])]
        else:
            said, title = self.utterance(step), self.request(step).entities.title
            if title and names_something(title):  # "mark the brochures task as done"
                found = best(title, tasks, lambda task: task.title)
                if not found:  # the name said back to the person, never logged
                    await self.say(step.context, "tasks.planner.none_named", name=title)
                    return await step.end_dialog()
            else:
                found = best_matches(said, tasks, lambda task: task.title) if said.strip() else []
            matched = bool(found)
            found = found or ordered_planner(tasks, self.request(step).tz)
        if not found:
            await self.say(step.context, "tasks.planner.none_open")
            return await step.end_dialog()
        found = found[:MAX_CHOICES]
        step.values["tasks"] = [[task.id, task.title, task.plan_name or "", task.bucket_name or ""] for task in found]
        if len(found) == 1 and matched:
            return await step.next(0)
        if not matched:
            await self.say(step.context, "tasks.planner.which")
        return await self.ask_pick(step, "task", [task.title for task in found])

    def _fields(self, step: WaterfallStepContext) -> list[tuple[str, str]]:
        _, title, plan, bucket = step.values["task"]
        fields = [("title", title)]
        fields += [(name, value) for name, value in (("plan", plan), ("bucket", bucket)) if value]
        return fields

    def _title(self, step: WaterfallStepContext) -> dict[str, Any]:
        percent = step.values["percent"]
        return {} if percent == 100 else {"title_key": "tasks.planner.progress_title", "percent": percent}

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if not isinstance(step.result, int):
            return await self.not_done(step)
        step.values["task"] = step.values["tasks"][step.result]
        percent = self.request(step).entities.percent
        step.values["percent"] = percent if percent is not None and 0 <= percent <= 100 else 100
        graph = await self.graph(step.context)
        current = await graph.planner.get(step.values["task"][0])
        step.values["etag"] = current.etag
        step.values["previous"] = current.percent_complete
        return await self.ask_confirm(step, "planner.complete", self._fields(step), **self._title(step))

    async def write_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if step.result is not True:
            return await self.not_done(step)
        values = step.values
        task_id = values["task"][0]
        graph = await self.graph(step.context)
        try:
            await graph.planner.set_progress(task_id, values["percent"], etag=values.get("etag"))
        except PreconditionFailed:
            logger.info("planner.complete: task %s changed twice meanwhile", task_id)
            await self.say(step.context, "tasks.planner.conflict")
            return await step.end_dialog()
        except NotFound:
            await self.say(step.context, "tasks.gone")
            return await step.end_dialog()
        logger.info("planner.complete: task %s at %d%%", task_id, values["percent"])
        undo = Undo("planner.progress", {"itemId": task_id, "from": str(values["previous"]),
                                         "to": str(values["percent"])})
        title = self._title(step)
        if title:
            title["title_key"] = "tasks.planner.progress_done"
        return await self.send_result(step, "planner.complete", self._fields(step), undo=undo, **title)
