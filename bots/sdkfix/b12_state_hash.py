"""B12: `BotState` detects a change by flattening the whole state with jsonpickle, three times per saved turn.

`CachedBotState` hashes `str(jsonpickle.Pickler().flatten(state))` when the state is loaded, again in
`save_changes` to see whether it changed, and once more after the write: a pure-Python walk of every dict,
list and object of the conversation's state (dialog stack, prompt options, conversation context), about
5 % of a calendar read's CPU (issue 25). `ConversationState` and `UserState` here load their state into a
`PickledState`, whose fingerprint is the state's `pickle` (C, the same graph of dicts, lists and objects'
attributes), or jsonpickle's flattening when something in it cannot be pickled: a change either one sees
is a change; two fingerprints of different kinds always differ (an extra write, never a missed one).
"""

from __future__ import annotations

import pickle
from typing import Any

from botbuilder.core import ConversationState as SdkConversationState
from botbuilder.core import TurnContext
from botbuilder.core import UserState as SdkUserState
from botbuilder.core.bot_state import BotState, CachedBotState
from jsonpickle.pickler import Pickler

__all__ = ["ConversationState", "PickledState", "UserState", "fingerprint"]


def fingerprint(state: object) -> bytes | str:
    """The state's pickle; jsonpickle's flattening (as the SDK) when it holds something pickle refuses."""
    try:
        return pickle.dumps(state, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 - any object pickle cannot take (a lock, a lambda): the SDK's way
        return str(Pickler().flatten(state))


class PickledState(CachedBotState):  # type: ignore[misc]
    """`CachedBotState` with `fingerprint` for its hash."""

    def compute_hash(self, obj: object) -> Any:
        return fingerprint(obj)


class _PickledLoad(BotState):  # type: ignore[misc]
    """`BotState.load` and `clear_state` with `PickledState` (the SDK builds `CachedBotState` by name)."""

    async def load(self, turn_context: TurnContext, force: bool = False) -> None:
        cached = self.get_cached_state(turn_context)
        key = self.get_storage_key(turn_context)
        if force or not cached or not cached.state:
            items = await self._storage.read([key])
            turn_context.turn_state[self._context_service_key] = PickledState(items.get(key))

    async def clear_state(self, turn_context: TurnContext) -> None:
        cleared = PickledState()
        cleared.hash = ""  # as the SDK: a cleared state always counts as changed
        turn_context.turn_state[self._context_service_key] = cleared


class ConversationState(_PickledLoad, SdkConversationState):  # type: ignore[misc]
    """botbuilder's `ConversationState` with the cheaper change detection (see the module docstring)."""


class UserState(_PickledLoad, SdkUserState):  # type: ignore[misc]
    """botbuilder's `UserState` with the cheaper change detection (see the module docstring)."""
