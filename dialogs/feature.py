"""The base of every feature dialog (its intents, its Request, the per-turn services) and of one-step reads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.dialogs import ComponentDialog, DialogTurnResult, WaterfallDialog, WaterfallStepContext

from dialogs.request import Request
from dialogs.services import Services
from graph import UserGraph

__all__ = ["Answer", "FeatureDialog", "NotSignedIn", "ReadDialog"]


class NotSignedIn(Exception):
    """The token disappeared between turns (signed out elsewhere); the main dialog signs in again."""


class FeatureDialog(ComponentDialog):
    """A ComponentDialog started by MainDialog with `Request.to_options()` as its options."""

    #: The intents this dialog answers; MainDialog routes them here.
    intents: ClassVar[tuple[str, ...]] = ()

    def __init__(self, services: Services, dialog_id: str | None = None) -> None:
        super().__init__(dialog_id or type(self).__name__)
        self.services = services

    def waterfall(self, steps: Sequence[Any]) -> None:
        """Make `steps` (the `*_step` methods, in order) this dialog's waterfall and start there."""
        self.add_dialog(WaterfallDialog(f"{self.id}.waterfall", list(steps)))
        self.initial_dialog_id = f"{self.id}.waterfall"

    @staticmethod
    def request(step: WaterfallStepContext) -> Request:
        """The request this dialog was started with (kept in its options)."""
        return Request.from_options(step.options or {})

    async def graph(self, context: TurnContext) -> UserGraph:
        graph = await self.services.user_graph(context)
        if graph is None:
            raise NotSignedIn
        return graph

    async def say(self, context: TurnContext, key: str, /, **params: Any) -> None:
        await self.services.say(context, key, **params)

    async def send_answer(self, context: TurnContext, answer: Answer) -> None:
        """One activity: the card with its sentence as text, or the sentence alone."""
        if answer.card is None:
            await context.send_activity(MessageFactory.text(answer.summary))
        else:
            await self.services.send_card(context, answer.card, summary=answer.summary)


@dataclass(frozen=True, slots=True)
class Answer:
    """What a read shows: a card and its one-sentence summary, or only a sentence (nothing to list)."""

    summary: str
    card: dict[str, Any] | None = None


class ReadDialog(FeatureDialog):
    """A read in one step: `read()` fetches and builds the `Answer`; the base signs in, sends it and ends.

    A card answer is one activity whose text is the summary (`Services.send_card`); an answer without a card is
    its sentence alone. Graph errors go up to MainDialog, which answers them like any other turn's.
    """

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([self.show_step])

    async def read(self, step: WaterfallStepContext, request: Request, graph: UserGraph) -> Answer:
        raise NotImplementedError

    async def show_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        await self.send_answer(step.context, await self.read(step, self.request(step), await self.graph(step.context)))
        return await step.end_dialog()
