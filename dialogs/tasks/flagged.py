"""Flagged mail: the messages to follow up, flag / complete / clear a flag, and turn a message into a To Do task."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext

from cards import flagged_mail_card
from dialogs.context import LastRequest, ShownList
from dialogs.context.options import page_of
from dialogs.context.paging import page_line, paged, with_page_line
from dialogs.services import Services
from dialogs.tasks.common import MAX_CHOICES, TaskFeature, due_day
from dialogs.tasks.matching import best_matches, flag_operation, words
from dialogs.tasks.todo import resolve_lists
from dialogs.writes import Undo
from graph import Message, NotFound, UserGraph
from language import Entities, t, tn

__all__ = ["FlagDialog", "FlaggedListDialog", "MailToTaskDialog", "find_messages", "said_day", "sent_by"]

logger = logging.getLogger(__name__)

POOL = 50


def said_day(entities: Entities, tz: str) -> date | None:
    """A due day said in the sentence; a longer span ("the July invoice") names a subject, not a date."""
    if entities.start is None:
        return None
    if entities.end is not None and entities.end - entities.start > timedelta(days=1):
        return None
    return due_day(entities.start, tz)


def sent_by(message: Message, name: str) -> bool:
    """Whether `name` (as spoken) is the sender: every word of it starts a word of the name or the address."""
    wanted = words(name, keep_stop=True)
    have = words(message.sender_name or "", keep_stop=True) + words((message.sender_email or "").split("@")[0],
                                                                   keep_stop=True)
    return bool(wanted) and all(any(h.startswith(w) for h in have) for w in wanted)


def find_messages(pool: Sequence[Message], said: str, people: Sequence[str]) -> tuple[list[Message], bool]:
    """Messages matching the sender named and the subject words said; (candidates, whether they matched)."""
    candidates = [m for m in pool if sent_by(m, people[0])] if people else list(pool)
    if people and not candidates:
        return list(pool), False
    named = set(words(" ".join(people), keep_stop=True))
    subject_words = " ".join(w for w in words(said) if w not in named)
    by_subject = best_matches(subject_words, candidates, lambda m: m.subject) if subject_words else []
    if by_subject:
        return by_subject, True
    return candidates, bool(people) and len(candidates) == 1


async def _pool(graph: UserGraph, *, flagged_only: bool) -> list[Message]:
    flagged = await graph.mail.flagged(limit=POOL)
    if flagged_only:
        return flagged
    seen = {m.id for m in flagged}
    return flagged + [m for m in await graph.mail.recent(limit=POOL) if m.id not in seen]


class _MessageFeature(TaskFeature):
    """Finds the message meant: "the second one" of the last flagged list, or sender and subject words."""

    flagged_only = False

    async def find_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        graph = await self.graph(step.context)
        pool = await _pool(graph, flagged_only=self.pool_flagged(step))
        picked = await self.shown_pick(step, "mail")
        if picked is not None:
            found, matched = [m for m in pool if m.id == picked[0]], True
            if not found:
                await self.say(step.context, "tasks.gone")
                return await step.end_dialog()
        else:
            found, matched = find_messages(pool, self.utterance(step), self.request(step).entities.people)
        if not found:
            await self.say(step.context, "tasks.mail.none")
            return await step.end_dialog()
        found = found[:MAX_CHOICES]
        step.values["messages"] = [
            [m.id, m.subject, m.sender_name or m.sender_email or "", m.web_link or "", m.flag_status]
            for m in found
        ]
        if len(found) == 1 and matched:
            return await step.next(0)
        if not matched:
            await self.say(step.context, "tasks.mail.which")
        no_subject = t("tasks.mail.no_subject", self.request(step).locale)
        return await self.ask_pick(step, "message", [
            t("tasks.mail.option", self.request(step).locale, sender=m.sender_name or m.sender_email or "",
              subject=m.subject or no_subject)
            for m in found
        ])

    def pool_flagged(self, step: WaterfallStepContext) -> bool:
        return self.flagged_only


class FlaggedListDialog(TaskFeature):
    """The flagged messages (sender, subject, flag due date) in a card with their follow-up buttons."""

    intents = ("mail.flagged",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([self.show_step])

    async def show_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        graph = await self.graph(step.context)
        page = paged(await graph.mail.flagged(limit=POOL), page_of(step.options), MAX_CHOICES)
        messages = page.items
        today = self.services.now(request.tz).date()
        line = page_line(page, request.locale)
        card = with_page_line(flagged_mail_card(messages, locale=request.locale, tz=request.tz, today=today), line)
        summary = tn("tasks.mail.summary", page.total, request.locale) + (f" {line}" if line else "")
        await self.services.send_card(step.context, card, summary=summary)
        await self.remember_shown(step.context, "mail", [[m.id] for m in messages])
        await self.services.context.remember_list(
            step.context, ShownList("mail", tuple((m.id,) for m in messages), page=page.index, total=page.total,
                                    more=page.more), request=LastRequest("mail.flagged"))
        logger.info("mail.flagged: %d of %d message(s) shown", len(messages), page.total)
        return await step.end_dialog()


class FlagDialog(_MessageFeature):
    """Flags a message (with a due date when one is said), marks its flag complete, or clears it."""

    intents = ("mail.flag",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([self.operation_step, self.find_step,
                                                                 self.confirm_step, self.write_step])

    async def operation_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        step.values["operation"] = flag_operation(self.utterance(step))
        return await step.next(None)

    def pool_flagged(self, step: WaterfallStepContext) -> bool:
        return bool(step.values.get("operation") != "flag")

    def _fields(self, step: WaterfallStepContext) -> list[tuple[str, str]]:
        _, subject, sender, _, _ = step.values["message"]
        fields = [("message", subject or t("tasks.mail.no_subject", self.request(step).locale)), ("sender", sender)]
        if step.values.get("due"):
            fields.append(("due", self.day_text(step, date.fromisoformat(step.values["due"]))))
        return fields

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if not isinstance(step.result, int):
            return await self.not_done(step)
        request = self.request(step)
        step.values["message"] = step.values["messages"][step.result]
        operation = step.values["operation"]
        due = said_day(request.entities, request.tz) if operation == "flag" else None
        step.values["due"] = due.isoformat() if due else None
        title_key = None if operation == "flag" else f"tasks.mail.confirm_{operation}"
        return await self.ask_confirm(step, "mail.flag", self._fields(step), title_key=title_key)

    async def write_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if step.result is not True:
            return await self.not_done(step)
        request = self.request(step)
        message_id, previous = step.values["message"][0], step.values["message"][4]
        operation = step.values["operation"]
        graph = await self.graph(step.context)
        try:
            if operation == "complete":
                await graph.mail.complete(message_id)
            elif operation == "clear":
                await graph.mail.clear_flag(message_id)
            else:
                due = None
                if step.values.get("due"):
                    day = date.fromisoformat(step.values["due"])
                    # Noon in the person's zone: the same day in UTC and in any reader's zone nearby.
                    due = datetime(day.year, day.month, day.day, 12, tzinfo=ZoneInfo(request.tz))
                await graph.mail.flag(message_id, due=due)
        except NotFound:
            await self.say(step.context, "tasks.gone")
            return await step.end_dialog()
        logger.info("mail.flag: %s on message %s", operation, message_id)
        undo = Undo("mail.flag", {"itemId": message_id, "from": previous,
                                  "to": {"complete": "complete", "clear": "notFlagged"}.get(operation, "flagged")})
        title_key = None if operation == "flag" else f"tasks.mail.done_{operation}"
        return await self.send_result(step, "mail.flag", self._fields(step), undo=undo, title_key=title_key)


class MailToTaskDialog(_MessageFeature):
    """Turns a message into a To Do task (its subject as title) with a link back to the message."""

    intents = ("mail.to_task",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([self.find_step, self.confirm_step,
                                                                 self.write_step])

    def _fields(self, step: WaterfallStepContext) -> list[tuple[str, str]]:
        values = step.values
        fields = [("title", values["title"]), ("list", values["list"][1]), ("sender", values["message"][2])]
        if values.get("due"):
            fields.append(("due", self.day_text(step, date.fromisoformat(values["due"]))))
        return fields

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if not isinstance(step.result, int):
            return await self.not_done(step)
        request = self.request(step)
        message = step.values["message"] = step.values["messages"][step.result]
        graph = await self.graph(step.context)
        lists = resolve_lists(request.entities.list_name, await graph.todo.lists()) or resolve_lists(
            None, await graph.todo.lists())
        if not lists:
            await self.say(step.context, "tasks.todo.no_lists")
            return await step.end_dialog()
        step.values["list"] = [lists[0].id, lists[0].name]
        step.values["title"] = message[1] or t("tasks.mail.no_subject", request.locale)
        due = said_day(request.entities, request.tz)
        step.values["due"] = due.isoformat() if due else None
        return await self.ask_confirm(step, "mail.to_task", self._fields(step))

    async def write_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if step.result is not True:
            return await self.not_done(step)
        values = step.values
        message_id, subject, _, web_link, _ = values["message"]
        list_id = values["list"][0]
        graph = await self.graph(step.context)
        task = await graph.todo.create(
            list_id=list_id,
            title=values["title"],
            due=date.fromisoformat(values["due"]) if values.get("due") else None,
            link_url=web_link or None,
            link_name=subject or values["title"],
            link_application="Outlook",
        )
        logger.info("mail.to_task: task %s from message %s", task.id, message_id)
        return await self.send_result(step, "mail.to_task", self._fields(step),
                                      undo=Undo("todo.create", {"listId": list_id, "itemId": task.id}))

