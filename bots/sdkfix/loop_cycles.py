"""B13: every turn leaves its whole object graph in reference cycles, for the collector's rare and long full passes.

Two reference cycles of botbuilder 4.17.1 hold a turn's objects after the turn ends:

- `TurnContext._emit` (each `send_activities`, `update_activity`, `delete_activity`) defines `emit_next`, a closure
  that calls itself: the function's own cell refers to the function, and the same closure holds the `TurnContext`.
  The context, its `turn_state` (the turn's facts, connector factory, claims, caches), the activity and every reply
  stay alive until the cyclic garbage collector finds them.
- `DialogContext.__init__` makes a `DialogStateManager(self)` kept as `dc.state`, and the manager keeps its dialog
  context: each of the ~10 dialog and waterfall-step contexts of a turn is a cycle.

Reference counting frees none of it, so ~140 objects a turn pile up; the young collections promote those of turns
still running, and a full collection then frees about 150 turns' worth at once: 6-9 ms inside whichever callback
set it off (most of the slow callbacks of the benchmark's timed run, issue 25). Here `_emit` walks its handlers with a
helper that does not refer to itself (the same order, arguments and exceptions), and the state manager refers to its
dialog context through a weak reference (the context is alive whenever its manager is used: code reaches the manager
through `dc.state`, and the SDK's own turn-state copy of the root manager is used only while its turn runs). A turn's
objects are then freed by reference counting as soon as the turn is done.

`install()` (called by `bots.sdkfix`) patches the two SDK classes once for the process; `SDK_EMIT` and
`SDK_STATE_MANAGER_INIT` keep the SDK's own code for tests/bots/test_sdk_defects.py.
"""

from __future__ import annotations

import weakref
from collections.abc import Awaitable, Callable
from copy import copy
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.dialogs.memory.dialog_state_manager import DialogStateManager

__all__ = ["SDK_EMIT", "SDK_STATE_MANAGER_INIT", "install", "installed"]

SDK_EMIT = TurnContext._emit
SDK_STATE_MANAGER_INIT = DialogStateManager.__init__

Handler = Callable[[TurnContext, Any, Callable[[], Awaitable[None]]], Awaitable[Any]]


async def _emit_from(context: TurnContext, handlers: list[Handler], arg: object, index: int) -> None:
    """Run `handlers[index]`, whose `next` runs the ones after it (the SDK's `emit_next`, without the self-reference)."""
    if index < len(handlers):

        async def next_handler() -> None:
            await _emit_from(context, handlers, arg, index + 1)

        await handlers[index](context, arg, next_handler)


async def _emit(self: TurnContext, plugins: list[Handler], arg: object, logic: Awaitable[Any]) -> Any:
    await _emit_from(self, copy(plugins), arg, 0)
    return await logic  # as the SDK: the adapter's coroutine runs once every handler called its `next`


def _dead() -> None:
    return None


def _get_dialog_context(manager: DialogStateManager) -> Any:
    return manager.__dict__["_dialog_context_ref"]()


def _set_dialog_context(manager: DialogStateManager, dialog_context: object) -> None:
    manager.__dict__["_dialog_context_ref"] = _dead if dialog_context is None else weakref.ref(dialog_context)


def installed() -> bool:
    """Whether `install()` has patched the SDK in this process."""
    return TurnContext._emit is _emit


def install() -> None:
    """Patch `TurnContext._emit` and `DialogStateManager._dialog_context` (idempotent)."""
    if installed():
        return
    TurnContext._emit = _emit  # type: ignore[method-assign]
    # `DialogStateManager.__init__` assigns `self._dialog_context`: a data descriptor on the class takes that over.
    DialogStateManager._dialog_context = property(_get_dialog_context, _set_dialog_context)  # type: ignore[attr-defined]
