"""The one confirm -> write -> undo path: a write dialog describes its write, `WriteFlow` asks, records, answers.

    flow = WriteFlow(services, confirm_id)                       # in the dialog's constructor
    return await flow.ask(step, Proposal("todo.add", fields, text=...))       # confirm_step
    if (pending := await flow.settle(step, "tasks.not_done", self.amend)) is not None: return pending  # write_step
    task = await graph.todo.create(...)                          # the write itself: one typed Graph call
    return await flow.answer(step, Done("todo.add", fields, summary=..., undo=Undo("todo.create", ids)))

While the card waits, a correction ("no, Thursday", "add Megan too", "change the title to …") comes back as a
`Correction` for the slots the proposal names in `corrects`; `settle` hands it to the dialog's `amend`, which
changes its pending write and returns the new proposal, and the same write step then reads the new answer.

Card buttons (bots/actions) are confirmed by the click itself and record their undo with `record_undo`; a button
whose write cannot be undone (Decline) starts its dialog instead, which asks here like a typed request.
Only ids go to the undo log (dialogs/undo.py); the card itself is never stored.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext
from botbuilder.schema import Activity, ActivityTypes

from cards import TEAMS_VERSION, adaptive_card, confirmation_card, result_card
from cards.base import text_block
from dialogs.context import item_of_undo
from dialogs.invoke import card_response
from dialogs.refs import new_ref
from dialogs.request import CLICKED_REQUEST, Request
from dialogs.services import Services, card_activity
from language import t
from language.corrections import Correction

__all__ = ["Amend", "Done", "Proposal", "Undo", "WriteFlow", "record_undo"]

Card = dict[str, Any]
Fields = Sequence[tuple[str, str]]
#: Where the waterfall keeps the index of its current step (botbuilder's WaterfallDialog.StepIndex).
_STEP_INDEX = "stepIndex"


@dataclass(frozen=True, slots=True)
class Undo:
    """How to revert a write: its kind (dialogs/undo_kinds.py) and ids; `kept` only for a delete."""

    kind: str
    ids: Mapping[str, str]
    kept: Mapping[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class Proposal:
    """A write shown before it happens: the operation, the card's fields and the sentence sent with the card."""

    operation: str
    fields: Fields
    text: str
    #: A title instead of the operation's own ("Mark this flag as complete?").
    title: str | None = None
    #: A feature's own confirmation card, from the button ref (SharePoint list items).
    card: Callable[[str], Card] | None = None
    #: What a correction typed at the card may change (`language.corrections.SLOTS`): "day", "time", "duration",
    #: "people", "title". Empty: the write is taken or left as it is.
    corrects: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Done:
    """A write that happened: what the result card shows, its one-sentence summary, and its undo."""

    operation: str
    fields: Fields
    summary: str
    undo: Undo | None = None
    title: str | None = None
    #: The activity's text when it says more than the summary (a meeting's join link).
    text: str | None = None
    #: A feature's own result card, from the undo ref (or None).
    card: Callable[[str | None], Card] | None = field(default=None)


async def record_undo(services: Services, context: TurnContext, undo: Undo | None) -> str | None:
    """Keep the ids of a write for its undo; the ref for the result card's Undo button (None: no undo)."""
    if undo is None or services.undo is None:
        return None
    return await services.undo.remember(context, undo.kind, undo.ids, kept=undo.kept)


#: A dialog's way to apply a correction to its pending write: it changes its own values and returns the new proposal.
Amend = Callable[[WaterfallStepContext, Correction], Awaitable[Proposal]]


class WriteFlow:
    """Asks to confirm a write, then records its undo and answers with the result card."""

    def __init__(self, services: Services, confirm_id: str) -> None:
        self._services = services
        self.confirm_id = confirm_id

    async def ask(self, step: WaterfallStepContext, proposal: Proposal, locale: str, *,
                  again: bool = False) -> DialogTurnResult:
        """Show the proposal and wait for yes or no (or a correction). `again`: asked from the write step itself,
        which then reads the new answer (the waterfall steps back one, so the step after the ask is this one)."""
        ref = new_ref()
        if proposal.card is not None:
            card = proposal.card(ref)
        else:
            card = confirmation_card(proposal.operation, proposal.fields, ref=ref, locale=locale)
        if proposal.title:
            card["body"][0]["text"] = proposal.title
        if again:
            step.active_dialog.state[_STEP_INDEX] = step.index - 1
        # After a card button that asks first ("Decline"), the question replaces the clicked card.
        in_place = isinstance(step.context.turn_state.get(CLICKED_REQUEST), Request)
        options = {"card": card, "text": proposal.text, "ref": ref, "in_place": in_place,
                   "operation": proposal.operation, "corrects": list(proposal.corrects),
                   "tz": str((step.options or {}).get("tz") or "UTC")}
        return await step.begin_dialog(self.confirm_id, options)

    async def settle(self, step: WaterfallStepContext, declined_key: str,
                     amend: Amend | None = None) -> DialogTurnResult | None:
        """In the write step: None when the answer was yes (go on and write). Otherwise this turn's answer: a
        correction applied by `amend` and the new card asked again, or nothing written (`declined`)."""
        result = step.result
        if result is True:
            return None
        if amend is not None and isinstance(result, dict) and isinstance(result.get("correction"), dict):
            proposal = await amend(step, Correction.from_json(result["correction"]))
            locale = self._services.locale(step.context)
            said = t("writes.corrected", locale) + " " + proposal.text  # "Here it is with your change. Shall I …?"
            return await self.ask(step, replace(proposal, text=said), locale, again=True)
        return await self.declined(step, declined_key)

    async def declined(self, step: WaterfallStepContext, key: str) -> DialogTurnResult:
        """The person said no (or gave up): nothing was written, and the dialog says so.

        After a click on the card's "Keep it" button, the sentence replaces the card, its buttons with it."""
        if _card_click(step.context):
            said = t(key, self._services.locale(step.context))
            card = adaptive_card([text_block(said)], version=TEAMS_VERSION)
            await step.context.send_activity(Activity(type=ActivityTypes.invoke_response, value=card_response(card)))
        else:
            await self._services.say(step.context, key)
        return await step.end_dialog()

    async def answer(self, step: WaterfallStepContext, done: Done, locale: str) -> DialogTurnResult:
        ref = await record_undo(self._services, step.context, done.undo)
        item = item_of_undo(done.undo.kind, done.undo.ids) if done.undo is not None else None
        if item is not None:  # "it" is now the item just written (dialogs/context/)
            await self._services.context.remember_item(step.context, item)
        if done.card is not None:
            card = done.card(ref)
        else:
            card = result_card(done.operation, done.fields, locale=locale, undo_ref=ref)
        if done.title:
            card["body"][0]["text"] = done.title
        if _card_click(step.context):
            # A Confirm click (Action.Execute): the result card replaces the clicked card, spent buttons and all.
            await step.context.send_activity(Activity(type=ActivityTypes.invoke_response, value=card_response(card)))
            if done.text:  # more than the card says (a meeting's join link)
                await step.context.send_activity(MessageFactory.text(done.text))
        else:
            await step.context.send_activity(card_activity(card, text=done.text, summary=done.summary))
        return await step.end_dialog()


def _card_click(context: TurnContext) -> bool:
    """True when this turn is an Action.Execute invoke, which a card answers in place."""
    return context.activity.type == ActivityTypes.invoke and context.activity.name == "adaptiveCard/action"
