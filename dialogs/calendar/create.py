"""calendar.create: title, start, length, attendees (names resolved, asked when ambiguous), Teams by default."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from botbuilder.dialogs import ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext

from cards import choice_card
from dialogs.calendar.asks import (
    TITLE_PROMPT,
    WHEN_PROMPT,
    TitlePrompt,
    WhenPrompt,
    positive,
    read_when,
    title_options,
    when_options,
)
from dialogs.calendar.conflicts import blocking, conflict_field
from dialogs.calendar.meeting import CONFIRM, PICK
from dialogs.feature import FeatureDialog, NotSignedIn
from dialogs.prompts import ConfirmDialog, PickDialog, new_ref
from dialogs.request import Request
from dialogs.services import Services
from dialogs.writes import Done, Proposal, Undo, WriteFlow
from graph.models import Person
from language import t
from language.formatting import format_duration, format_time_range
from language.recognizer import in_the_past

__all__ = ["CreateDialog", "ResolvePeopleDialog"]

logger = logging.getLogger(__name__)

DEFAULT_LENGTH = timedelta(minutes=30)
DEFAULT_HOUR = 9
PEOPLE = "calendar.people"
#: Candidates this close to the best score make a name ambiguous.
TIE = 0.15


def ambiguous(people: list[Person]) -> list[Person]:
    """The people to choose from when a name matches several equally well (else one or none)."""
    if len(people) <= 1:
        return people
    best = people[0].score
    return [p for p in people if p.score >= best - TIE and p.email]


class ResolvePeopleDialog(ComponentDialog):
    """Turns spoken names into people, one name at a time; ends with {"found": [...], "missing": [...]}.

    Options: {"names": [...], "found": [{"name", "email"}], "missing": [...], "locale": ...}.
    """

    def __init__(self, services: Services) -> None:
        super().__init__(PEOPLE)
        self.services = services
        self.add_dialog(PickDialog(f"{PEOPLE}.pick"))
        self.add_dialog(WaterfallDialog(f"{PEOPLE}.waterfall", [self.resolve_step, self.picked_step]))
        self.initial_dialog_id = f"{PEOPLE}.waterfall"

    async def resolve_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        state: dict[str, Any] = dict(step.options or {})
        names: list[str] = list(state.get("names") or [])
        if not names:
            return await step.end_dialog({"found": state.get("found") or [], "missing": state.get("missing") or []})
        graph = await self.services.user_graph(step.context)
        if graph is None:
            raise NotSignedIn
        people = ambiguous(await graph.people.resolve(names[0]))
        step.values["state"] = state
        if not people or not people[0].email:
            return await step.next(None)
        if len(people) == 1:
            step.values["choices"] = [{"name": people[0].display_name, "email": people[0].email}]
            return await step.next(0)
        locale = str(state.get("locale") or "en")
        shown = people[:10]
        step.values["choices"] = [{"name": p.display_name, "email": p.email} for p in shown]
        labels = [t("calendar.person.label", locale, name=p.display_name, email=p.email or "") for p in shown]
        ref = new_ref()
        card = choice_card("person", labels, ref=ref, locale=locale)
        text = "\n".join([t("calendar.person.which", locale)] + [f"{i + 1}. {x}" for i, x in enumerate(labels)])
        return await step.begin_dialog(f"{PEOPLE}.pick", {"card": card, "text": text, "ref": ref, "size": len(shown)})

    async def picked_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        state: dict[str, Any] = dict(step.values["state"])
        names: list[str] = list(state.get("names") or [])
        choices: list[dict[str, str]] = step.values.get("choices") or []
        index = step.result
        found = list(state.get("found") or [])
        missing = list(state.get("missing") or [])
        if isinstance(index, int) and 0 <= index < len(choices):
            if all(f["email"] != choices[index]["email"] for f in found):
                found.append(choices[index])
        else:
            missing.append(names[0])
        state.update(names=names[1:], found=found, missing=missing)
        return await step.replace_dialog(f"{PEOPLE}.waterfall", state)


def _fields(draft: dict[str, Any], request: Request) -> list[tuple[str, str]]:
    start, end = datetime.fromisoformat(draft["start"]), datetime.fromisoformat(draft["end"])
    fields = [("title", str(draft["title"])),
              ("when", format_time_range(start, end, request.locale, request.tz)),
              ("duration", format_duration(end - start, request.locale))]
    if draft.get("attendees"):
        fields.append(("attendees", ", ".join(f"{a['name']} <{a['email']}>" for a in draft["attendees"])))
    fields.append(("where", draft.get("location") or t("calendar.teams", request.locale)))
    return fields


class CreateDialog(FeatureDialog):
    """Asks what is missing one question at a time, shows exactly what will be created, creates once."""

    intents = ("calendar.create",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.add_dialog(TitlePrompt())
        self.add_dialog(WhenPrompt())
        self.add_dialog(ResolvePeopleDialog(services))
        self.add_dialog(PickDialog(PICK))
        self.add_dialog(ConfirmDialog(CONFIRM))
        self.writes = WriteFlow(services, CONFIRM)
        self.waterfall([
            self.title_step, self.start_step, self.people_step, self.confirm_step, self.write_step])

    async def title_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        if request.entities.title:
            return await step.next(request.entities.title)
        return await step.begin_dialog(TITLE_PROMPT, title_options(request.locale))

    async def start_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        step.values["title"] = str(step.result).strip()
        if request.entities.start is not None and "past" not in request.entities.ambiguities:
            return await step.next(None)
        if request.entities.start is not None:  # "today at 9am" typed at 11pm: ask for a time to come
            await self.say(step.context, "calendar.create.past")
        return await step.begin_dialog(WHEN_PROMPT, when_options("calendar.create.ask_when", request.locale,
                                                                 request.tz))

    async def people_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        entities = request.entities
        if isinstance(step.result, str):
            answer = read_when(step.result, request.locale, request.tz, self.services.clock.now())
            if answer is not None:
                entities = answer
            if answer is not None and in_the_past(answer, self.services.clock.now()):
                await self.say(step.context, "calendar.create.past")
                await self.say(step.context, "calendar.nothing_changed")
                return await step.end_dialog()
        assert entities.start is not None
        zone = ZoneInfo(request.tz)
        start = entities.start.astimezone(zone)
        if not entities.time_given:
            start = start.replace(hour=DEFAULT_HOUR, minute=0, second=0, microsecond=0)
        length = positive(entities.duration)
        if length is None and entities.time_given and entities.end is not None and entities.end > start:
            length = entities.end - start
        end = start + (length or DEFAULT_LENGTH)
        step.values["start"], step.values["end"] = start.isoformat(), end.isoformat()
        names = list(request.entities.people)
        if not names:
            return await step.next({"found": [], "missing": []})
        return await step.begin_dialog(PEOPLE, {"names": names, "found": [], "missing": [], "locale": request.locale})

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        resolved: dict[str, Any] = dict(step.result or {})
        missing = list(resolved.get("missing") or [])
        if missing:
            await self.say(step.context, "calendar.person.missing", names=", ".join(missing))
        draft = {"title": step.values["title"], "start": step.values["start"], "end": step.values["end"],
                 "attendees": list(resolved.get("found") or []), "location": request.entities.location}
        step.values["draft"] = draft
        step.values["transaction"] = str(uuid.uuid4())
        busy = await blocking(await self.graph(step.context), datetime.fromisoformat(draft["start"]),
                              datetime.fromisoformat(draft["end"]))
        # The meetings it overlaps are named on the card, before the person confirms.
        fields = _fields(draft, request) + conflict_field(busy, request.locale, request.tz)
        text = "\n".join([t("calendar.confirm.create", request.locale)] + [f"- {v}" for _, v in fields])
        return await self.writes.ask(step, Proposal("calendar.create", fields, text=text), request.locale)

    async def write_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        if step.result is not True:
            return await self.writes.declined(step, "calendar.nothing_changed")
        draft = dict(step.values["draft"])
        graph = await self.graph(step.context)
        event = await graph.calendar.create(
            subject=str(draft["title"]),
            start=datetime.fromisoformat(draft["start"]),
            end=datetime.fromisoformat(draft["end"]),
            attendees=[Person(display_name=a["name"], email=a["email"]) for a in draft["attendees"]],
            location=draft.get("location"),
            online=True,
            transaction_id=str(step.values["transaction"]),
        )
        logger.info("calendar.create done: attendees=%d", len(draft["attendees"]))
        summary = text = t("calendar.done.create", request.locale)
        if event.join_url:
            text += "\n" + t("calendar.join.link", request.locale, url=event.join_url)
        done = Done("calendar.create", _fields(draft, request), summary=summary, text=text,
                    undo=Undo("calendar.create", {"eventId": event.id}))
        return await self.writes.answer(step, done, request.locale)
