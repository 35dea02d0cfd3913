"""calendar.accept/tentative/decline, calendar.cancel and calendar.update: always shown and confirmed first."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext

from dialogs.asking import ASK_ID, AskDialog, answer_of
from dialogs.calendar.asks import clock_on, read_when, when_options
from dialogs.calendar.common import asks_next, asks_tentative, candidates, event_label, when_text
from dialogs.calendar.conflicts import blocking, conflict_field
from dialogs.calendar.meeting import CONFIRM, MeetingDialog
from dialogs.calendar.named import named
from dialogs.request import Request
from dialogs.services import Services, TurnFacts
from dialogs.undo_kinds import RESPONSE_VERBS
from dialogs.writes import Done, Proposal, Undo, WriteFlow
from graph import UserGraph
from graph.models import Event
from language import t
from language.corrections import Correction
from language.followups import says_day
from language.formatting import format_duration

__all__ = ["CancelDialog", "RespondDialog", "UpdateDialog"]

logger = logging.getLogger(__name__)

_RESPONSES = {"calendar.accept": "accept", "calendar.tentative": "tentativelyAccept", "calendar.decline": "decline"}
#: What a correction at the "move this meeting?" card may change: its new day and time.
MOVE_CORRECTS = ("day", "time")
_ANSWERED = {"calendar.accept": "accepted", "calendar.tentative": "tentativelyAccepted", "calendar.decline": "declined"}


def _fields(event: Event, request: Request, *, comment: str | None = None,
            attendees: bool = False) -> list[tuple[str, str]]:
    fields = [("title", event.subject or t("calendar.agenda.no_subject", request.locale)),
              ("when", when_text(event, request.locale, request.tz))]
    names = [a.name for a in event.attendees if a.name]
    if attendees and names:
        fields.append(("attendees", ", ".join(names)))
    if comment:
        fields.append(("comment", comment))
    return fields


class _WriteDialog(MeetingDialog):
    """find → (subclass preparation) → confirm → write; a repeated "yes" finds the dialog ended."""

    def __init__(self, services: Services) -> None:
        self.writes = WriteFlow(services, CONFIRM)
        super().__init__(services)

    def steps(self) -> Sequence[Any]:
        return [self.confirm_step, self.write_step]

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        raise NotImplementedError

    async def ask_confirm(self, step: WaterfallStepContext, operation: str, fields: list[tuple[str, str]],
                          text: str) -> DialogTurnResult:
        step.values["operation"] = operation
        return await self.writes.ask(step, Proposal(operation, fields, text=text), self.request(step).locale)

    async def amend(self, step: WaterfallStepContext, correction: Correction) -> Proposal:
        """Only writes proposed with `corrects` are corrected (the confirmation refuses the others)."""
        raise NotImplementedError

    async def write_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        if (pending := await self.writes.settle(step, "calendar.nothing_changed", self.amend)) is not None:
            return pending
        graph = await self.graph(step.context)
        operation = str(step.values["operation"])
        fields, undo = await self.write(step, graph, request, operation)
        logger.info("calendar write done: %s", operation)
        text = t(f"calendar.done.{operation.split('.')[1]}", request.locale)
        return await self.writes.answer(step, Done(operation, fields, summary=text, text=text, undo=undo),
                                        request.locale)

    async def write(self, step: WaterfallStepContext, graph: UserGraph, request: Request,
                    operation: str) -> tuple[list[tuple[str, str]], Undo | None]:
        raise NotImplementedError


class RespondDialog(_WriteDialog):
    """Accept, tentatively accept or decline an invitation, with the comment said in chat."""

    intents = ("calendar.accept", "calendar.tentative", "calendar.decline")
    upcoming_only = True

    def acceptable(self, event: Event) -> bool:
        return not event.is_organizer

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        event = await self.event(step)
        if event is None:
            return await step.end_dialog()
        if event.is_organizer:
            await self.say(step.context, "calendar.respond.organizer")
            return await step.end_dialog()
        intent = request.intent
        if intent == "calendar.accept" and asks_tentative(TurnFacts.of(step.context).text):
            intent = "calendar.tentative"
        text = t(f"calendar.confirm.{intent.split('.')[1]}", request.locale,
                 label=event_label(event, request.locale, request.tz))
        return await self.ask_confirm(step, intent, _fields(event, request, comment=request.entities.comment), text)

    async def write(self, step: WaterfallStepContext, graph: UserGraph, request: Request,
                    operation: str) -> tuple[list[tuple[str, str]], Undo | None]:
        event = await graph.calendar.get(str(step.values["event_id"]))
        await graph.calendar.respond(event.id, _RESPONSES[operation], request.entities.comment)
        undo = None
        answered = _ANSWERED[operation]
        # An answer already given can be given back; a first answer cannot be unsent, and a declined
        # meeting leaves the calendar.
        if event.my_response in RESPONSE_VERBS and answered != "declined" and answered != event.my_response:
            undo = Undo("calendar.respond", {"eventId": event.id, "from": event.my_response, "to": answered})
        return _fields(event, request, comment=request.entities.comment), undo


class CancelDialog(_WriteDialog):
    """Organiser: cancel, with the comment sent to the attendees. Attendee: decline."""

    intents = ("calendar.cancel",)

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        event = await self.event(step)
        if event is None:
            return await step.end_dialog()
        operation = "calendar.cancel" if event.is_organizer else "calendar.decline"
        fields = _fields(event, request, comment=request.entities.comment, attendees=event.is_organizer)
        text = t(f"calendar.confirm.{operation.split('.')[1]}", request.locale,
                 label=event_label(event, request.locale, request.tz))
        return await self.ask_confirm(step, operation, fields, text)

    async def write(self, step: WaterfallStepContext, graph: UserGraph, request: Request,
                    operation: str) -> tuple[list[tuple[str, str]], Undo | None]:
        event = await graph.calendar.get(str(step.values["event_id"]))
        if operation == "calendar.cancel":
            await graph.calendar.cancel(event.id, request.entities.comment)
        else:
            await graph.calendar.decline(event.id, request.entities.comment)
        return _fields(event, request, comment=request.entities.comment, attendees=event.is_organizer), None


class UpdateDialog(_WriteDialog):
    """Reschedule a meeting I organise: "move my 3pm to 4pm", "reschedule my next meeting to Friday 10am"."""

    intents = ("calendar.update",)
    #: The picker lists only meetings I organise; someone else's meeting is refused before the new time is asked.
    refusal = "calendar.update.not_yours"

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.add_dialog(AskDialog())

    def acceptable(self, event: Event) -> bool:
        return event.is_organizer

    def steps(self) -> Sequence[Any]:
        return [self.when_step, self.confirm_step, self.write_step]

    def referenced(self, step: WaterfallStepContext, request: Request) -> None:
        """"move it to 4pm": every date said is the target; with no day said, the meeting keeps its day."""
        target = request.entities.new_start or request.entities.start
        if target is not None:
            step.values["new_start"] = target.isoformat()
            step.values["new_all_day"] = not request.entities.time_given
            step.values["keep_day"] = not says_day(TurnFacts.of(step.context).text)

    async def find(self, step: WaterfallStepContext, request: Request, graph: UserGraph) -> list[Event]:
        """Tell the meeting's current time from the new one, then find the meeting."""
        entities = request.entities
        now = self.services.now(request.tz)
        start, end = entities.start, entities.end
        if entities.title:  # "move budget to 6pm": the times said are the new ones
            found = await named(graph, request, now=now, upcoming_only=True, dated=False)
            if found or not entities.people:  # else "the call with Megan": the meetings with Megan, below
                target = entities.new_start or start
                if target is not None:
                    step.values["new_start"] = target.isoformat()
                    step.values["new_all_day"] = not entities.time_given
                return found
        if entities.new_start is not None:
            # The recogniser tells the target ("to tomorrow at 10am") from the meeting ("my 3pm").
            step.values["new_start"] = entities.new_start.isoformat()
            step.values["new_all_day"] = not entities.time_given  # "to Friday": same time, another day
            if start is not None and start != entities.new_start and entities.time_given:
                found = await candidates(graph, request, at=start, now=now)
                today = now.replace(hour=0, minute=0, second=0, microsecond=0)
                if not found and start.astimezone(now.tzinfo).date() != today.date():
                    found = await candidates(graph, request, at=clock_on(today, start), now=now)
                return found
            return await candidates(graph, _without_time(request), upcoming_only=True, now=now)
        if start is not None and end is not None and entities.time_given and end != start:
            # "move my 3pm to 4pm": the first time is the meeting's, the second the new one.
            step.values["new_start"] = end.isoformat()
            found = await candidates(graph, request, at=start, now=now)
            today = now.replace(hour=0, minute=0, second=0, microsecond=0)
            if not found and start.astimezone(now.tzinfo).date() != today.date():
                found = await candidates(graph, request, at=clock_on(today, start), now=now)
            return found
        if start is not None and (entities.people or asks_next(TurnFacts.of(step.context).text)):
            step.values["new_start"] = start.isoformat()
            step.values["new_all_day"] = not entities.time_given
            return await candidates(graph, _without_time(request), upcoming_only=True, now=now)
        if start is not None and entities.time_given:
            found = await candidates(graph, request, now=now)
            if found:
                return found
            step.values["new_start"] = start.isoformat()
            return await candidates(graph, _without_time(request), upcoming_only=True, now=now)
        return await candidates(graph, request, upcoming_only=True, now=now)

    async def when_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        if "new_start" in step.values:
            return await step.next(None)
        step.values["asked_when"] = True
        return await step.begin_dialog(ASK_ID, when_options("calendar.update.ask_when", request.locale, request.tz))

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        said, _ = answer_of(step.result)
        if step.values.get("asked_when") and not isinstance(said, str):
            return await step.end_dialog()  # gave up answering (the ask dialog said so)
        if isinstance(said, str):
            answer = await read_when(said, request.locale, request.tz, self.services.clock.now())
            if answer is None or answer.start is None:
                await self.say(step.context, "calendar.nothing_changed")
                return await step.end_dialog()
            step.values["new_start"] = answer.start.isoformat()
            step.values["new_all_day"] = not answer.time_given
        event = await self.event(step)
        if event is None:
            return await step.end_dialog()
        if not event.is_organizer:
            await self.say(step.context, "calendar.update.not_organizer")
            return await step.end_dialog()
        new_start = datetime.fromisoformat(str(step.values["new_start"])).astimezone(ZoneInfo(request.tz))
        if step.values.get("new_all_day"):
            new_start = clock_on(new_start, event.start)  # "move it to Friday": same time, another day
        elif step.values.get("keep_day"):
            new_start = clock_on(event.start.astimezone(new_start.tzinfo), new_start)  # "move it to 4pm": its own day
        new_end = new_start + (event.end - event.start)
        step.values["move"] = {"eventId": event.id, "start": new_start.isoformat(), "end": new_end.isoformat(),
                               "oldStart": event.start.isoformat(), "oldEnd": event.end.isoformat()}
        step.values["operation"] = "calendar.update"
        proposal = await self._move_proposal(step, event, new_start, new_end, request)
        return await self.writes.ask(step, proposal, request.locale)

    async def _move_proposal(self, step: WaterfallStepContext, event: Event, new_start: datetime,
                             new_end: datetime, request: Request) -> Proposal:
        # The meetings at the new time are named on the card, before the person confirms.
        busy = await blocking(await self.graph(step.context), new_start, new_end, skip_id=event.id)
        fields = _move_fields(event, new_start, new_end, request) + conflict_field(busy, request.locale, request.tz)
        text = t("calendar.confirm.update", request.locale, label=event_label(event, request.locale, request.tz),
                 when=dict(fields)["new_when"])
        return Proposal("calendar.update", fields, text=text, corrects=MOVE_CORRECTS)

    async def amend(self, step: WaterfallStepContext, correction: Correction) -> Proposal:
        """"no, 6pm", "make it Thursday": the new time changes, the meeting keeps its length."""
        request = self.request(step)
        move = dict(step.values["move"])
        start = datetime.fromisoformat(move["start"]).astimezone(ZoneInfo(request.tz))
        new_start = correction.at(start)
        new_end = new_start + (datetime.fromisoformat(move["end"]) - datetime.fromisoformat(move["start"]))
        move["start"], move["end"] = new_start.isoformat(), new_end.isoformat()
        step.values["move"] = move
        event = await (await self.graph(step.context)).calendar.get(move["eventId"])
        return await self._move_proposal(step, event, new_start, new_end, request)

    async def write(self, step: WaterfallStepContext, graph: UserGraph, request: Request,
                    operation: str) -> tuple[list[tuple[str, str]], Undo | None]:
        move = dict(step.values["move"])
        event = await graph.calendar.get(move["eventId"])
        new_start, new_end = datetime.fromisoformat(move["start"]), datetime.fromisoformat(move["end"])
        await graph.calendar.move(move["eventId"], datetime.fromisoformat(move["start"]),
                                  datetime.fromisoformat(move["end"]))
        undo = Undo("calendar.update", {"eventId": move["eventId"], "start": move["oldStart"], "end": move["oldEnd"],
                                        "newStart": move["start"]})
        return _move_fields(event, new_start, new_end, request), undo


def _move_fields(event: Event, start: datetime, end: datetime, request: Request) -> list[tuple[str, str]]:
    """The meeting, its old time and its new time (the move card shows both)."""
    moved = Event(id=event.id, subject="", start=start, end=end)
    return [("title", event.subject or t("calendar.agenda.no_subject", request.locale)),
            ("old_when", when_text(event, request.locale, request.tz)),
            ("new_when", when_text(moved, request.locale, request.tz)),
            ("duration", format_duration(end - start, request.locale))]


def _without_time(request: Request) -> Request:
    return replace(request, entities=replace(request.entities, start=None, end=None, time_given=False,
                                             duration=None, all_day=False))
