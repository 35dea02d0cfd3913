"""calendar.details and calendar.join: a meeting's when, where, who, how long; the link to join it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext

from cards import meeting_card
from dialogs.calendar.common import event_label, event_summary
from dialogs.calendar.meeting import MeetingDialog
from dialogs.context import Item

__all__ = ["DetailsDialog", "JoinDialog"]


class DetailsDialog(MeetingDialog):
    """The meeting asked about (the current or next one by default), as a card and a text."""

    intents = ("calendar.details",)

    def steps(self) -> Sequence[Any]:
        return [self.show_step]

    async def show_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        event = await self.event(step)
        if event is not None:
            now = self.now(request)
            card = meeting_card(event, locale=request.locale, tz=request.tz, now=now)
            await self.services.send_card(step.context, card, summary=event_summary(event, request.locale, request.tz, now))
            await self.services.context.remember_item(step.context, Item("event", (event.id,)))
        return await step.end_dialog()


class JoinDialog(MeetingDialog):
    """The join link of the current or next online meeting."""

    intents = ("calendar.join",)

    def acceptable(self, event: Any) -> bool:
        return bool(event.join_url)

    def steps(self) -> Sequence[Any]:
        return [self.link_step]

    async def link_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        event = await self.event(step)
        if event is None:
            return await step.end_dialog()
        if not event.join_url:
            await self.say(step.context, "calendar.join.none")
            return await step.end_dialog()
        now = self.now(request)
        key = "calendar.join.now" if event.start <= now else "calendar.join.next"
        await self.say(step.context, key, label=event_label(event, request.locale, request.tz),
                       url=event.join_url)
        return await step.end_dialog()
