"""The base of dialogs about one meeting: find it ("my 3pm", "the meeting with Lucie"), ask which one."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import datetime
from typing import Any, ClassVar

from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext

from cards import choice_card
from dialogs.calendar.common import asks_next, candidates, event_label, involves
from dialogs.calendar.named import named
from dialogs.context.options import among_of, target_of
from dialogs.feature import FeatureDialog
from dialogs.prompts import ConfirmDialog, PickDialog, new_ref
from dialogs.request import Request
from dialogs.services import Services, TurnFacts
from graph import NotFound, UserGraph
from graph.models import Event
from language import t

__all__ = ["MeetingDialog"]

logger = logging.getLogger(__name__)

PICK = "calendar.pick"
CONFIRM = "calendar.confirm"
MAX_CHOICES = 10


class MeetingDialog(FeatureDialog):
    """Waterfall: find the meeting, ask which one when several match, then the subclass's `steps()`.

    Only the chosen event id is kept in dialog state (`step.values["event_id"]`); subclasses read
    the event again with `await self.event(step)`.
    """

    #: Only meetings that have not started yet ("accept my next meeting").
    upcoming_only: ClassVar[bool] = False
    #: When set, what to say (with the best match's `label`) if no match is `acceptable`, instead of going on.
    refusal: ClassVar[str | None] = None

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.add_dialog(PickDialog(PICK))
        self.add_dialog(ConfirmDialog(CONFIRM))
        self.waterfall([self.find_step, self.picked_step, *self.steps()])

    def steps(self) -> Sequence[Any]:
        raise NotImplementedError

    def acceptable(self, event: Event) -> bool:
        """Whether this dialog can act on `event` (e.g. respond: not one I organise)."""
        return True

    async def find(self, step: WaterfallStepContext, request: Request, graph: UserGraph) -> list[Event]:
        if request.entities.title:  # "the call with the west coast"
            found = await named(graph, request, now=self.now(request), upcoming_only=self.upcoming_only)
            if found or not request.entities.people:
                return found  # else "the call with Megan": no such title, the meetings with Megan
        return await candidates(graph, request, now=self.now(request), upcoming_only=self.upcoming_only)

    # ---- finding the meeting -------------------------------------------------------------------
    async def find_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        if request.item_id:  # a card button named the meeting
            step.values["event_id"] = request.item_id
            return await step.next(None)
        graph = await self.graph(step.context)
        target = target_of(step.options, "event")
        if target is not None:  # "move it", "the second one": the context picked it (dialogs/context/)
            step.values["event_id"] = target[0]
            self.referenced(step, request)
            return await step.next(None)
        among = among_of(step.options, "event")
        if among is not None:
            self.referenced(step, request)
            events = await self._shown_events(graph, [ids[0] for ids in among], request)
        else:
            events = await self.find(step, request, graph)
        narrowed = [e for e in events if self.acceptable(e)] or events
        entities = request.entities
        if not narrowed:
            if entities.title:  # the name said back to the person, never logged
                await self.say(step.context, "calendar.find.none_named", name=entities.title)
            else:
                await self.say(step.context, "calendar.find.none")
            return await step.end_dialog()
        if self.refusal and not self.acceptable(narrowed[0]):
            # None of them is one this dialog may act on: say so now, before asking anything else.
            await self.say(step.context, self.refusal,
                           label=event_label(narrowed[0], request.locale, request.tz))
            return await step.end_dialog()
        ordinal = entities.ordinal
        if ordinal is not None and len(narrowed) > 1:
            index = len(narrowed) - 1 if ordinal == -1 else ordinal - 1
            if 0 <= index < len(narrowed):
                narrowed = [narrowed[index]]
        vague = entities.start is None and not entities.people and not entities.title
        if len(narrowed) == 1 or (vague and (asks_next(TurnFacts.of(step.context).text) or not self.asks_choice)):
            step.values["event_id"] = narrowed[0].id
            return await step.next(None)
        shown = narrowed[:MAX_CHOICES]
        step.values["choices"] = [e.id for e in shown]
        ref = new_ref()
        labels = [event_label(e, request.locale, request.tz) for e in shown]
        card = choice_card("event", labels, ref=ref, locale=request.locale)
        text = "\n".join([t("calendar.find.which", request.locale)]
                         + [f"{i + 1}. {label}" for i, label in enumerate(labels)])
        return await step.begin_dialog(PICK, {"card": card, "text": text, "ref": ref, "size": len(shown)})

    def referenced(self, step: WaterfallStepContext, request: Request) -> None:
        """The meeting is named by a reference ("move it to 4pm"): the dates said are the subclass's to read."""

    async def _shown_events(self, graph: UserGraph, ids: list[str], request: Request) -> list[Event]:
        """The meetings of the list last shown that are still there, narrowed by the people named."""
        events = []
        for event_id in ids:
            try:
                events.append(await graph.calendar.get(event_id))
            except NotFound:
                continue
        for name in request.entities.people:
            events = [e for e in events if involves(e, name)]
        return events

    #: With nothing to go on ("accept the meeting"), ask among the coming ones instead of taking the first.
    asks_choice: ClassVar[bool] = False

    async def picked_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if "event_id" not in step.values:
            index = step.result
            choices: list[str] = step.values.get("choices") or []
            if not isinstance(index, int) or not 0 <= index < len(choices):
                await self.say(step.context, "calendar.nothing_changed")
                return await step.end_dialog()
            step.values["event_id"] = choices[index]
        return await step.next(None)

    async def event(self, step: WaterfallStepContext) -> Event | None:
        """The chosen event, read again; None (and a sentence) when it no longer exists."""
        graph = await self.graph(step.context)
        try:
            return await graph.calendar.get(str(step.values["event_id"]))
        except NotFound:
            await self.say(step.context, "calendar.gone")
            return None

    def now(self, request: Request) -> datetime:
        """The app clock's "now" in the request's zone."""
        return self.services.now(request.tz)
