"""What the mailbox settings dialogs share: the request's words, the clock, confirm / answer through WriteFlow."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext
from botbuilder.schema import ActivityTypes

from dialogs.feature import FeatureDialog
from dialogs.prompts import ConfirmDialog
from dialogs.services import Services, TurnFacts
from dialogs.writes import Done, Proposal, Undo, WriteFlow
from graph import BadRequest
from language import t

__all__ = ["MailboxFeature", "refusal_reason"]


def refusal_reason(exc: BadRequest) -> str:
    """The catalog key that says why Outlook refused a settings change (never Graph's own words)."""
    if exc.has_code("ErrorInvalidScheduledOofDuration"):
        return "mailbox.refused.dates"
    if exc.has_code("ErrorInvalidWorkingHours"):
        return "mailbox.refused.hours"
    if exc.has_code("TimeZoneNotSupportedException"):
        return "mailbox.refused.zone"
    return "mailbox.refused.other"


class MailboxFeature(FeatureDialog):
    """A FeatureDialog with a confirmation prompt and the one write path (dialogs/writes.py)."""

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.confirm_id = f"{self.id}.confirm"
        self.add_dialog(ConfirmDialog(self.confirm_id))
        self.writes = WriteFlow(services, self.confirm_id)

    @staticmethod
    def now(step: WaterfallStepContext) -> datetime:
        """This turn's instant (dialogs/services.py TurnFacts: one "now" per turn, from the app's clock)."""
        return TurnFacts.of(step.context).now

    def utterance(self, step: WaterfallStepContext) -> str:
        """The words of the request; empty when sign-in took its own turn (the text is then a magic code)."""
        facts = TurnFacts.of(step.context)
        if step.context.activity.type != ActivityTypes.message:
            return ""
        request = self.request(step)
        if facts.intent() != request.intent:
            return ""
        return facts.text

    def proposal(self, step: WaterfallStepContext, operation: str, fields: Sequence[tuple[str, str]], *,
                 corrects: tuple[str, ...] = ()) -> Proposal:
        text = t("mailbox.confirm.summary", self.request(step).locale)
        return Proposal(operation, fields, text=text, corrects=corrects)

    async def ask(self, step: WaterfallStepContext, operation: str, fields: Sequence[tuple[str, str]], *,
                  corrects: tuple[str, ...] = ()) -> DialogTurnResult:
        proposal = self.proposal(step, operation, fields, corrects=corrects)
        return await self.writes.ask(step, proposal, self.request(step).locale)

    async def answer(self, step: WaterfallStepContext, operation: str, fields: Sequence[tuple[str, str]],
                     undo: Undo | None) -> DialogTurnResult:
        locale = self.request(step).locale
        done = Done(operation, fields, summary=t("mailbox.result.summary", locale), undo=undo)
        return await self.writes.answer(step, done, locale)

    async def not_done(self, step: WaterfallStepContext) -> DialogTurnResult:
        return await self.writes.declined(step, "mailbox.not_done")

    async def refused(self, step: WaterfallStepContext, exc: BadRequest) -> DialogTurnResult:
        locale = self.request(step).locale
        await self.say(step.context, "mailbox.refused", reason=t(refusal_reason(exc), locale))
        return await step.end_dialog()
