"""contacts.find and contacts.add: look a person up in the directory and contacts; add a contact, confirmed."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext

from cards import people_card
from dialogs.asking import ASK_ID, AskDialog, ask_options
from dialogs.directory.common import utterance
from dialogs.directory.parsing import contact_draft, person_query, split_name
from dialogs.feature import FeatureDialog
from dialogs.prompts import ConfirmDialog
from dialogs.services import Services
from dialogs.writes import Done, Proposal, Undo, WriteFlow
from graph import BadRequest, Contact, DirectoryUser, Forbidden, NotFound, UserGraph
from language import t
from language.corrections import Correction
from language.text import fold

__all__ = ["AddContactDialog", "FindPersonDialog", "Found", "find_people"]

logger = logging.getLogger(__name__)

MAX_SHOWN = 8
#: What a correction at the "add this contact?" card may change: the name ("change the name to …").
CORRECTS = ("title",)


@dataclass(frozen=True, slots=True)
class Found:
    """A person from the directory or the user's contacts, as the people card shows them."""

    display_name: str
    email: str | None
    phones: tuple[str, ...] = ()
    job_title: str | None = None
    department: str | None = None
    company: str | None = None
    source: str = "directory"



def _rank(query: str, person: Found) -> tuple[int, str]:
    q, name = fold(query).strip(), fold(person.display_name)
    if q == name or (person.email and q == fold(person.email)):
        return 0, name
    words = name.replace("(", " ").replace(")", " ").split()
    if all(any(w.startswith(part) for w in words) for part in q.split()):
        return 1, name
    return 2, name


def _from_user(user: DirectoryUser) -> Found:
    return Found(display_name=user.display_name, email=user.email, phones=user.phones, job_title=user.job_title,
                 department=user.department)


def _from_contact(contact: Contact) -> Found:
    return Found(
        display_name=contact.display_name,
        email=contact.emails[0] if contact.emails else None,
        phones=contact.phones,
        job_title=contact.job_title,
        company=contact.company,
        source="contact",
    )


async def find_people(graph: UserGraph, query: str) -> list[Found]:
    """Directory users and personal contacts matching `query` (name start or e-mail), best first."""
    text = " ".join(query.split())
    users, contacts, searched = await asyncio.gather(
        graph.people.find_users(text), graph.contacts.search(text), graph.people.search_users(text),
        return_exceptions=True)
    found: list[Found] = []
    failures: list[BaseException] = []
    if isinstance(users, BaseException):
        failures.append(users)
    else:
        found.extend(_from_user(user) for user in users)
    if not isinstance(searched, BaseException):  # a directory that refuses $search leaves the other sources
        found.extend(_from_user(user) for user in searched)
    if isinstance(contacts, BaseException):
        failures.append(contacts)
    else:
        found.extend(_from_contact(c) for c in contacts)
    for failure in failures:
        # One source refused (no consent for contacts, a directory that cannot be searched): use the other.
        if len(failures) == 2 or not isinstance(failure, Forbidden | NotFound | BadRequest):
            raise failure
        logger.info("people lookup: one source failed with %s", type(failure).__name__)
    merged: dict[str, Found] = {}
    for person in found:
        key = (person.email or person.display_name).casefold()
        merged.setdefault(key, person)
    return sorted(merged.values(), key=lambda p: _rank(text, p))


class FindPersonDialog(FeatureDialog):
    """Shows the people matching a name, with e-mail, phone and job title; several matches are all listed."""

    intents = ("contacts.find",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.add_dialog(AskDialog())
        self.waterfall([self.query_step, self.show_step])

    async def query_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        query = person_query(utterance(step.context, request), request.entities.people)
        if query:
            return await step.next(query)
        return await step.begin_dialog(ASK_ID, ask_options("directory.find.ask", locale=request.locale))

    async def show_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        query = step.result
        if not query:
            return await step.end_dialog()
        locale = self.request(step).locale
        people = await find_people(await self.graph(step.context), str(query))
        logger.info("people lookup: %d match(es)", len(people))
        if not people:
            await self.say(step.context, "directory.find.none", name=query)
            return await step.end_dialog()
        key = "directory.find.one" if len(people) == 1 else "directory.find.several"
        summary = t(key, locale, name=query, count=len(people))
        await self.services.send_card(step.context, people_card(people[:MAX_SHOWN], locale=locale), summary=summary)
        return await step.end_dialog()


class AddContactDialog(FeatureDialog):
    """Adds a contact from a sentence: asks for the name (then an e-mail) if missing, confirms, offers undo."""

    intents = ("contacts.add",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.add_dialog(AskDialog())
        self.add_dialog(ConfirmDialog("AddContactDialog.confirm"))
        self.writes = WriteFlow(services, "AddContactDialog.confirm")
        self.waterfall([
            self.name_step, self.email_step, self.confirm_step, self.write_step,
        ])

    async def name_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        draft = contact_draft(utterance(step.context, request), request.entities.people)
        step.values["draft"] = {"given": draft.given_name, "surname": draft.surname,
                                "email": draft.email, "phone": draft.phone}
        if draft.given_name:
            return await step.next(None)
        return await step.begin_dialog(ASK_ID, ask_options("directory.contact.ask_name", locale=request.locale))

    async def email_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        draft = step.values["draft"]
        if not draft["given"]:
            if not step.result:
                return await step.end_dialog()
            answer = contact_draft(str(step.result), answer=True)
            if not answer.given_name:
                return await step.end_dialog()
            draft["given"], draft["surname"] = answer.given_name, answer.surname
            draft["email"] = draft["email"] or answer.email
            draft["phone"] = draft["phone"] or answer.phone
        if draft["email"] or draft["phone"]:
            return await step.next(None)
        locale = self.request(step).locale
        step.values["asked_email"] = True
        return await step.begin_dialog(
            ASK_ID, ask_options("directory.contact.ask_email", locale=locale, kind="email", optional=True)
        )

    @staticmethod
    def _fields(draft: dict[str, Any]) -> list[tuple[str, str]]:
        name = " ".join(p for p in (draft["given"], draft["surname"]) if p)
        fields = [("name", name)]
        if draft["email"]:
            fields.append(("email", draft["email"]))
        if draft["phone"]:
            fields.append(("phone", draft["phone"]))
        return fields

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        draft = step.values["draft"]
        if step.values.get("asked_email") and step.result is None:
            return await step.end_dialog()  # gave up answering
        if isinstance(step.result, str) and step.result:
            draft["email"] = step.result
        locale = self.request(step).locale
        return await self.writes.ask(step, self._proposal(draft, locale), locale)

    def _proposal(self, draft: dict[str, Any], locale: str) -> Proposal:
        text = t("directory.contact.confirm", locale, name=self._fields(draft)[0][1])
        return Proposal("contacts.add", self._fields(draft), text=text, corrects=CORRECTS)

    async def amend(self, step: WaterfallStepContext, correction: Correction) -> Proposal:
        """"change the name to Sean O'Brien": the contact's name (given name, then surname)."""
        draft = step.values["draft"]
        if correction.title:
            draft["given"], draft["surname"] = split_name(correction.title)
        return self._proposal(draft, self.request(step).locale)

    async def write_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        locale = self.request(step).locale
        if (pending := await self.writes.settle(step, "directory.contact.kept", self.amend)) is not None:
            return pending
        draft = step.values["draft"]
        graph = await self.graph(step.context)
        contact = await graph.contacts.create(
            given_name=draft["given"], surname=draft["surname"], email=draft["email"], phone=draft["phone"]
        )
        logger.info("contact created: id=%s", contact.id)
        done = Done("contacts.add", self._fields(draft), summary=t("directory.contact.added", locale),
                    undo=Undo("contacts.create", {"itemId": contact.id}))
        return await self.writes.answer(step, done, locale)
