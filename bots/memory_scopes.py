"""The dialogs' memory scopes and path resolvers, built once per process instead of once per turn.

`DialogStateManager` (made for every `DialogContext`) looks for a `DialogStateManagerConfiguration` in the
turn state and, on the turn's first dialog context, builds one: nine memory scopes and five path resolvers
from the registered components, ~1 % of a calendar read's CPU (issue 25). They hold no state of their own
(each call is given the dialog context), so `AssistantBot` puts this one in every turn's state first.
"""

from __future__ import annotations

from botbuilder.core import ComponentRegistration, TurnContext
from botbuilder.dialogs import DialogsComponentRegistration
from botbuilder.dialogs.memory import (
    ComponentMemoryScopesBase,
    ComponentPathResolversBase,
    DialogStateManagerConfiguration,
)

__all__ = ["MemoryScopes"]


class MemoryScopes:
    """The configuration `DialogStateManager` would build, made once and shared by every turn."""

    def __init__(self) -> None:
        ComponentRegistration.add(DialogsComponentRegistration())  # as DialogStateManager does first
        self.configuration = DialogStateManagerConfiguration()
        components = list(ComponentRegistration.get_components())
        for component in components:
            if isinstance(component, ComponentMemoryScopesBase):
                self.configuration.memory_scopes.extend(component.get_memory_scopes())
        for component in components:
            if isinstance(component, ComponentPathResolversBase):
                self.configuration.path_resolvers.extend(component.get_path_resolvers())

    def put(self, turn_context: TurnContext) -> None:
        """Hand the shared configuration to this turn's dialog contexts (unless the turn already has one)."""
        turn_context.turn_state.setdefault(DialogStateManagerConfiguration.__name__, self.configuration)
