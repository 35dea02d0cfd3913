"""calendar.create: title, start, length, attendees (names resolved, asked when ambiguous), Teams by default."""

from __future__ import annotations

import logging
import uuid
from datetime import datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from botbuilder.dialogs import ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext

from cards import choice_card
from dialogs.asking import ASK_ID, AskDialog, answer_of
from dialogs.calendar.asks import positive, read_when, title_options, when_options
from dialogs.calendar.conflicts import blocking, conflict_field
from dialogs.calendar.meeting import CONFIRM, PICK
from dialogs.feature import FeatureDialog, NotSignedIn
from dialogs.prompts import ConfirmDialog, PickDialog, new_ref
from dialogs.request import Request
from dialogs.services import Services
from dialogs.writes import Done, Proposal, Undo, WriteFlow
from graph.models import Person
from language import Entities, t
from language.corrections import Correction
from language.formatting import format_duration, format_time_range
from language.recognizer import in_the_past

__all__ = ["CreateDialog", "ResolvePeopleDialog"]

logger = logging.getLogger(__name__)

DEFAULT_LENGTH = timedelta(minutes=30)
DEFAULT_HOUR = 9
PEOPLE = "calendar.people"
#: What a correction at the "create this meeting?" card may change.
CORRECTS = ("day", "time", "duration", "people", "title")
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


def _when_from(said: Correction, request: Request, now: datetime) -> Entities:
    """The start said as a day and/or a time while another question was asked ("tomorrow at 3pm")."""
    zone = ZoneInfo(request.tz)
    day = said.day or now.astimezone(zone).date()
    at = said.time or time(DEFAULT_HOUR, 0)
    return Entities(start=datetime.combine(day, at, zone), time_given=said.time is not None)


class CreateDialog(FeatureDialog):
    """Asks what is missing one question at a time, shows exactly what will be created, creates once."""

    intents = ("calendar.create",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.add_dialog(AskDialog())
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
        others = ("people", "duration") if request.entities.start is not None else ("day", "time", "people", "duration")
        return await step.begin_dialog(ASK_ID, title_options(request.locale, request.tz, others=others))

    async def start_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        title = self._answer(step)
        if not title:
            return await step.end_dialog()  # gave up answering (the ask dialog said so)
        step.values["title"] = str(title).strip()
        said = self._filled(step)
        if request.entities.start is not None and "past" not in request.entities.ambiguities:
            return await step.next(None)
        if request.entities.start is None and said is not None and (said.day or said.time):
            # "with Megan and Liam" / "tomorrow at 3pm" given while the title was asked: no need to ask again.
            return await step.next(None)
        if request.entities.start is not None:  # "today at 9am" typed at 11pm: ask for a time to come
            await self.say(step.context, "calendar.create.past")
        step.values["asked_when"] = True
        return await step.begin_dialog(ASK_ID, when_options("calendar.create.ask_when", request.locale, request.tz,
                                                            others=("people", "duration")))

    def _answer(self, step: WaterfallStepContext) -> object:
        """The answer to the question just asked; what it said for other slots is kept in `filled`."""
        value, filled = answer_of(step.result)
        if filled is not None:
            kept = self._filled(step)
            step.values["filled"] = (kept.merge(filled) if kept else filled).to_json()
        return value

    @staticmethod
    def _filled(step: WaterfallStepContext) -> Correction | None:
        kept = step.values.get("filled")
        return Correction.from_json(kept) if isinstance(kept, dict) else None

    async def people_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        entities = request.entities
        answer = self._answer(step)
        said = self._filled(step)
        now = self.services.clock.now()
        if step.values.get("asked_when") and answer is None:
            return await step.end_dialog()  # the time was asked and the person gave up (the ask dialog said so)
        if isinstance(answer, str):
            read = await read_when(answer, request.locale, request.tz, now)
            if read is not None:
                entities = read
            if read is not None and in_the_past(read, now):
                await self.say(step.context, "calendar.create.past")
                await self.say(step.context, "calendar.nothing_changed")
                return await step.end_dialog()
        elif entities.start is None and said is not None and (said.day or said.time):
            entities = _when_from(said, request, now)
        assert entities.start is not None
        zone = ZoneInfo(request.tz)
        start = entities.start.astimezone(zone)
        if not entities.time_given:
            start = start.replace(hour=DEFAULT_HOUR, minute=0, second=0, microsecond=0)
        length = positive(said.duration if said else None) or positive(entities.duration)
        if length is None and entities.time_given and entities.end is not None and entities.end > start:
            length = entities.end - start
        end = start + (length or DEFAULT_LENGTH)
        step.values["start"], step.values["end"] = start.isoformat(), end.isoformat()
        names = list(dict.fromkeys(list(request.entities.people) + list(said.people if said else ())))
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
        return await self.writes.ask(step, await self._proposal(step, draft, request), request.locale)

    async def _proposal(self, step: WaterfallStepContext, draft: dict[str, Any], request: Request) -> Proposal:
        """The card: the meeting as it will be created, and the meetings it overlaps, named before the yes."""
        busy = await blocking(await self.graph(step.context), datetime.fromisoformat(draft["start"]),
                              datetime.fromisoformat(draft["end"]))
        fields = _fields(draft, request) + conflict_field(busy, request.locale, request.tz)
        text = "\n".join([t("calendar.confirm.create", request.locale)] + [f"- {v}" for _, v in fields])
        return Proposal("calendar.create", fields, text=text, corrects=CORRECTS)

    async def amend(self, step: WaterfallStepContext, correction: Correction) -> Proposal:
        """"no, 6pm", "make it Thursday", "make it an hour", "add Megan too", "change the title to …"."""
        request = self.request(step)
        draft = dict(step.values["draft"])
        start = datetime.fromisoformat(draft["start"]).astimezone(ZoneInfo(request.tz))
        length = datetime.fromisoformat(draft["end"]) - datetime.fromisoformat(draft["start"])
        start = correction.at(start)
        length = positive(correction.duration) or length
        if correction.day is not None or correction.time is not None:
            if start <= self.services.now(request.tz):
                await self.say(step.context, "calendar.create.past")
                start = datetime.fromisoformat(draft["start"])  # the time in the past is not taken
        draft["start"], draft["end"] = start.isoformat(), (start + length).isoformat()
        if correction.title:
            draft["title"] = correction.title
        if correction.people:
            draft["attendees"] = await self._people(step, correction, list(draft.get("attendees") or []))
        step.values["draft"] = draft
        return await self._proposal(step, draft, request)

    async def _people(self, step: WaterfallStepContext, correction: Correction,
                      attendees: list[dict[str, str]]) -> list[dict[str, str]]:
        """The attendees with the people named added (or instead, "with Megan instead"); the unknown ones said."""
        graph = await self.graph(step.context)
        found = attendees if correction.add_people else []
        missing: list[str] = []
        for name in correction.people:
            people = ambiguous(await graph.people.resolve(name))
            if len(people) > 1:  # "add O'Brien too" with two O'Briens: ask for the full name, add no one
                names = [p.display_name for p in people[:5]]
                await self.say(step.context, "writes.person.ambiguous", name=name, choices=", ".join(names),
                               example=names[0])
            elif not people or not people[0].email:
                missing.append(name)
            elif all(a["email"] != people[0].email for a in found):
                found.append({"name": people[0].display_name, "email": people[0].email})
        if missing:
            await self.say(step.context, "calendar.person.missing", names=", ".join(missing))
        return found

    async def write_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        if (pending := await self.writes.settle(step, "calendar.nothing_changed", self.amend)) is not None:
            return pending
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
