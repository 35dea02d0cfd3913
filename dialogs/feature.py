"""The base of every feature dialog: its intents, its Request, and the per-turn services."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

from botbuilder.core import TurnContext
from botbuilder.dialogs import ComponentDialog, WaterfallDialog, WaterfallStepContext

from dialogs.request import Request
from dialogs.services import Services
from graph import UserGraph

__all__ = ["FeatureDialog", "NotSignedIn"]


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
