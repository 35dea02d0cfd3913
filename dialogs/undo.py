"""Undo of a recent write: only ids are kept, in conversation state, one handler per kind of write.

A feature registers how to undo its writes (`@undo_handler("todo.add")`), and after a write calls
`await services.undo.remember(context, "todo.add", {"listId": ..., "itemId": ...})`, which returns the
`ref` to put on the result card's undo button (`cards.actions.Verb.UNDO`). The action router and
the typed "undo" both call `services.undo.undo(context, graph, ref)`.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from enum import StrEnum

from botbuilder.core import ConversationState, TurnContext

from clock import Clock, SystemClock
from dialogs.prompts import new_ref
from graph import NotFound, UserGraph

__all__ = ["UndoLog", "UndoResult", "undo_handler"]

logger = logging.getLogger(__name__)

UndoHandler = Callable[[UserGraph, dict[str, str]], Awaitable[None]]
_HANDLERS: dict[str, UndoHandler] = {}

KEEP = 5
LIFETIME_SECONDS = 24 * 3600


class UndoResult(StrEnum):
    DONE = "done"
    ALREADY = "already"  # undone before, or the item is gone
    UNKNOWN = "unknown"  # no such write in this conversation (expired, or another conversation's)


def undo_handler(kind: str) -> Callable[[UndoHandler], UndoHandler]:
    def register(handler: UndoHandler) -> UndoHandler:
        _HANDLERS[kind] = handler
        return handler

    return register


class UndoLog:
    def __init__(self, conversation_state: ConversationState, *, clock: Clock | None = None) -> None:
        self._property = conversation_state.create_property("undo")
        #: Expiry is read on the app's clock (clock.py), so a test can move past it without waiting.
        self._clock: Clock = clock if clock is not None else SystemClock()

    async def remember(self, context: TurnContext, kind: str, ids: dict[str, str]) -> str:
        if kind not in _HANDLERS:
            raise KeyError(f"no undo handler for {kind}")
        entries: list[dict[str, object]] = list(await self._property.get(context, list))
        ref = new_ref()
        entries.append({"ref": ref, "kind": kind, "ids": dict(ids), "at": self._clock.timestamp(), "done": False})
        await self._property.set(context, entries[-KEEP:])
        return ref

    async def last_ref(self, context: TurnContext) -> str | None:
        entries = await self._property.get(context, list)
        live = [e for e in entries if not e.get("done") and self._clock.timestamp() - float(e["at"]) < LIFETIME_SECONDS]
        return str(live[-1]["ref"]) if live else None

    async def undo(self, context: TurnContext, graph: UserGraph, ref: str) -> UndoResult:
        entries: list[dict[str, object]] = list(await self._property.get(context, list))
        entry = next((e for e in entries if e.get("ref") == ref), None)
        if entry is None or self._clock.timestamp() - float(entry["at"]) > LIFETIME_SECONDS:  # type: ignore[arg-type]
            return UndoResult.UNKNOWN
        if entry.get("done"):
            return UndoResult.ALREADY
        handler = _HANDLERS[str(entry["kind"])]
        try:
            await handler(graph, dict(entry["ids"]))  # type: ignore[call-overload]
        except NotFound:
            logger.info("undo: item already gone")
            result = UndoResult.ALREADY
        else:
            result = UndoResult.DONE
        entry["done"] = True
        await self._property.set(context, entries)
        return result
