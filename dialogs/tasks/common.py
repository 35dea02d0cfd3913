"""What the task dialogs share: the last shown list (ids only), pick / confirm / ask prompts, result cards."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from botbuilder.core import TurnContext
from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext
from botbuilder.schema import ActivityTypes

from cards import choice_card
from dialogs.asking import ASK_ID, AskDialog, ask_options
from dialogs.feature import FeatureDialog
from dialogs.prompts import ConfirmDialog, PickDialog, new_ref
from dialogs.services import Services, TurnFacts
from dialogs.writes import Done, Proposal, Undo, WriteFlow
from language import t
from language.formatting import format_date, format_datetime

__all__ = ["MAX_CHOICES", "TaskFeature", "due_day", "importance_label"]

logger = logging.getLogger(__name__)

MAX_CHOICES = 10
_SHOWN = "tasks.shown"


def due_day(start: datetime | None, tz: str) -> date | None:
    """The day a recognised date falls on in the user's zone."""
    if start is None:
        return None
    return start.astimezone(ZoneInfo(tz)).date()


def importance_label(importance: str, locale: str) -> str:
    return t(f"tasks.importance.{importance if importance in ('high', 'low') else 'normal'}", locale)


class TaskFeature(FeatureDialog):
    """A FeatureDialog with the prompts the task features use and the memory of the last shown list."""

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self._shown = services.conversation_state.create_property(_SHOWN)
        self.confirm_id = f"{self.id}.confirm"
        self.pick_id = f"{self.id}.pick"
        self.add_dialog(ConfirmDialog(self.confirm_id))
        self.writes = WriteFlow(services, self.confirm_id)
        self.add_dialog(PickDialog(self.pick_id))
        self.add_dialog(AskDialog())

    # ---- the words of the request ------------------------------------------------------------
    @staticmethod
    def utterance(step: WaterfallStepContext) -> str:
        """The text of the message that started this dialog (empty when sign-in took its own turn)."""
        facts = TurnFacts.of(step.context)
        if step.context.activity.type != ActivityTypes.message:
            return ""
        request = FeatureDialog.request(step)
        # After a separate sign-in turn the text is a magic code, not the request: only trust our intent.
        if facts.intent() != request.intent:
            return request.entities.title or ""
        return facts.text

    # ---- the last shown list (ids only, in conversation state) ---------------------------------
    async def remember_shown(self, context: TurnContext, kind: str, ids: Sequence[Sequence[str]]) -> None:
        shown: dict[str, Any] = dict(await self._shown.get(context, dict))
        shown[kind] = [list(i) for i in ids][:50]
        await self._shown.set(context, shown)

    async def shown(self, context: TurnContext, kind: str) -> list[list[str]]:
        shown = await self._shown.get(context, dict)
        return [list(i) for i in shown.get(kind, [])]

    async def shown_pick(self, step: WaterfallStepContext, kind: str) -> list[str] | None:
        """The ids of "the second one" of the last shown `kind` list, when an ordinal was said."""
        ordinal = self.request(step).entities.ordinal
        if ordinal is None:
            return None
        ids = await self.shown(step.context, kind)
        index = len(ids) - 1 if ordinal == -1 else ordinal - 1
        return ids[index] if 0 <= index < len(ids) else None

    # ---- prompts ------------------------------------------------------------------------------
    async def ask_text(self, step: WaterfallStepContext, key: str, *, others: tuple[str, ...] = ()) -> DialogTurnResult:
        """Ask for the title (dialogs/asking.py); the next step reads it with `answer_of(step.result)`."""
        request = self.request(step)
        return await step.begin_dialog(ASK_ID, ask_options(key, locale=request.locale, tz=request.tz, kind="title",
                                                           others=others))

    async def ask_pick(self, step: WaterfallStepContext, kind: str, options: Sequence[str]) -> DialogTurnResult:
        locale = self.request(step).locale
        ref = new_ref()
        shown = list(options)[:MAX_CHOICES]
        card = choice_card(kind, shown, ref=ref, locale=locale)
        text = t("tasks.pick.summary", locale, count=len(shown))
        return await step.begin_dialog(self.pick_id, {"card": card, "text": text, "ref": ref, "size": len(shown)})

    async def pick_one(self, step: WaterfallStepContext, kind: str, labels: Sequence[str]) -> DialogTurnResult:
        """Go on with the only candidate (index 0), or ask which one when there are several."""
        if len(labels) > 1:
            return await self.ask_pick(step, kind, labels)
        return await step.next(0)

    def proposal(self, step: WaterfallStepContext, operation: str, fields: Sequence[tuple[str, str]], *,
                 title_key: str | None = None, corrects: tuple[str, ...] = (), **params: Any) -> Proposal:
        locale = self.request(step).locale
        title = t(title_key, locale, **params) if title_key else None
        return Proposal(operation, fields, text=t("tasks.confirm.summary", locale), title=title, corrects=corrects)

    async def ask_confirm(self, step: WaterfallStepContext, operation: str, fields: Sequence[tuple[str, str]],
                          *, title_key: str | None = None, corrects: tuple[str, ...] = (),
                          **params: Any) -> DialogTurnResult:
        proposal = self.proposal(step, operation, fields, title_key=title_key, corrects=corrects, **params)
        return await self.writes.ask(step, proposal, self.request(step).locale)

    async def send_result(self, step: WaterfallStepContext, operation: str, fields: Sequence[tuple[str, str]],
                          *, undo: Undo | None, title_key: str | None = None, **params: Any) -> DialogTurnResult:
        locale = self.request(step).locale
        title = t(title_key, locale, **params) if title_key else None
        done = Done(operation, fields, summary=t("tasks.result.summary", locale), undo=undo, title=title)
        return await self.writes.answer(step, done, locale)

    async def not_done(self, step: WaterfallStepContext) -> DialogTurnResult:
        """The person said no (or gave up): nothing was written."""
        return await self.writes.declined(step, "tasks.not_done")

    # ---- formatting ---------------------------------------------------------------------------
    def day_text(self, step: WaterfallStepContext, day: date | datetime) -> str:
        request = self.request(step)
        return format_date(day, request.locale, request.tz)

    def moment_text(self, step: WaterfallStepContext, moment: datetime) -> str:
        request = self.request(step)
        return format_datetime(moment, request.locale, request.tz)
