"""general.undo: revert this conversation's last write, and say what was undone (or why nothing was)."""

from __future__ import annotations

import logging

from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext

from dialogs.feature import FeatureDialog
from dialogs.services import Services
from dialogs.typed_undo import UNDO_INTENT
from dialogs.undo import UndoOutcome, UndoResult
from language import t

__all__ = ["UndoDialog", "undo_message_key"]

logger = logging.getLogger(__name__)


def undo_message_key(outcome: UndoOutcome) -> str:
    """The catalog key of the sentence that tells what an undo did."""
    if outcome.result is UndoResult.DONE:
        return f"undo.done.{outcome.kind}" if outcome.kind else "actions.undo.done"
    return f"undo.{outcome.result.value}"


class UndoDialog(FeatureDialog):
    """A typed "undo" / "annule la dernière action" (the result card's Undo button goes to bots/card_actions)."""

    intents = (UNDO_INTENT,)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([self.undo_step])

    async def undo_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        assert self.services.undo is not None
        graph = await self.graph(step.context)
        outcome = await self.services.undo.undo_last(step.context, graph)
        logger.info("typed undo: %s (%s)", outcome.result, outcome.kind)
        await step.context.send_activity(t(undo_message_key(outcome), self.request(step).locale))
        return await step.end_dialog()
