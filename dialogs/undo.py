"""Undo of this conversation's recent writes: a registry of write kinds (made in app.py) and a log of ids.

Each write has one kind (`todo.create`, `calendar.update`, ...). `UndoRegistry` maps a kind to its
inverse (one typed method of a Graph service) and to a check that the item is still as the write left
it. `UndoLog.remember` keeps ids only (and the states the write went from and to) in conversation state;
the result card's Undo button carries the returned `ref`, and a typed "undo" takes the last live one.

    registry = UndoRegistry(undo_kinds())          # app.py; nothing is registered at import
    ref = await log.remember(context, "todo.create", {"listId": ..., "itemId": ...})
    outcome = await log.undo_last(context, graph)  # or log.undo(context, graph, ref)

A delete is the one write whose inverse needs more than ids (the deleted task's title, due day and
importance): that content is kept in this process's memory only, for the undo's lifetime, never in
stored state or logs. On another instance, or after a restart, the undo says it can no longer be done.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from botbuilder.core import ConversationState, TurnContext

from clock import Clock
from dialogs.refs import new_ref
from graph import NotFound, UserGraph

__all__ = ["UndoKind", "UndoLog", "UndoOutcome", "UndoRegistry", "UndoResult"]

logger = logging.getLogger(__name__)

Ids = Mapping[str, str]
#: Reverts a write: one typed Graph service call, from the ids (and, for a delete, the content kept in memory).
Inverse = Callable[[UserGraph, Ids, Mapping[str, Any]], Awaitable[None]]
#: True while the item is still as the write left it (else the undo would overwrite someone's later change).
Unchanged = Callable[[UserGraph, Ids], Awaitable[bool]]

KEEP = 5
LIFETIME_SECONDS = 24 * 3600


class UndoResult(StrEnum):
    DONE = "done"
    ALREADY = "already"  # undone before, or the item is gone
    CHANGED = "changed"  # the item changed since the write: left as it is
    UNKNOWN = "unknown"  # no such write in this conversation (expired, or another conversation's)
    NOTHING = "nothing"  # a typed undo with no live write in this conversation


@dataclass(frozen=True, slots=True)
class UndoOutcome:
    result: UndoResult
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class UndoKind:
    """One kind of write and how to revert it."""

    name: str
    inverse: Inverse
    unchanged: Unchanged | None = None


class UndoRegistry:
    """The kinds of write this app can revert: an object made in app.py and handed to the dialogs."""

    def __init__(self, kinds: Iterable[UndoKind] = ()) -> None:
        self._kinds: dict[str, UndoKind] = {}
        for kind in kinds:
            self.register(kind)

    def register(self, kind: UndoKind) -> None:
        if kind.name in self._kinds:
            raise ValueError(f"undo kind {kind.name} registered twice")
        self._kinds[kind.name] = kind

    def __contains__(self, name: object) -> bool:
        return name in self._kinds

    def __getitem__(self, name: str) -> UndoKind:
        return self._kinds[name]

    def names(self) -> list[str]:
        return sorted(self._kinds)


class UndoLog:
    """The last writes of each conversation (ids only, in conversation state) and their undo."""

    def __init__(self, conversation_state: ConversationState, registry: UndoRegistry, clock: Clock) -> None:
        self._property = conversation_state.create_property("undo")
        self._registry = registry
        self._clock = clock
        #: ref -> (expiry, content) for deletes only; this process's memory, never stored.
        self._kept: dict[str, tuple[float, dict[str, Any]]] = {}

    async def remember(self, context: TurnContext, kind: str, ids: Mapping[str, str], *,
                       kept: Mapping[str, Any] | None = None) -> str:
        if kind not in self._registry:
            raise KeyError(f"no undo for {kind}")
        now = self._clock.timestamp()
        entries: list[dict[str, object]] = list(await self._property.get(context, list))
        ref = new_ref()
        entries.append({"ref": ref, "kind": kind, "ids": {k: str(v) for k, v in ids.items()}, "at": now,
                        "done": False})
        await self._property.set(context, entries[-KEEP:])
        if kept is not None:
            self._kept = {r: v for r, v in self._kept.items() if v[0] > now}
            self._kept[ref] = (now + LIFETIME_SECONDS, dict(kept))
        return ref

    def _live(self, entry: Mapping[str, object]) -> bool:
        return self._clock.timestamp() - float(entry["at"]) < LIFETIME_SECONDS  # type: ignore[arg-type]

    async def last_ref(self, context: TurnContext) -> str | None:
        entries = await self._property.get(context, list)
        live = [e for e in entries if not e.get("done") and self._live(e)]
        return str(live[-1]["ref"]) if live else None

    async def undo_last(self, context: TurnContext, graph: UserGraph) -> UndoOutcome:
        """Revert this conversation's last write that is not undone yet (a typed "undo")."""
        ref = await self.last_ref(context)
        if ref is None:
            return UndoOutcome(UndoResult.NOTHING)
        return await self.undo(context, graph, ref)

    async def undo(self, context: TurnContext, graph: UserGraph, ref: str) -> UndoOutcome:
        entries: list[dict[str, Any]] = list(await self._property.get(context, list))
        entry = next((e for e in entries if e.get("ref") == ref), None)
        if entry is None or not self._live(entry) or str(entry["kind"]) not in self._registry:
            return UndoOutcome(UndoResult.UNKNOWN)
        kind_name = str(entry["kind"])
        if entry.get("done"):
            return UndoOutcome(UndoResult.ALREADY, kind_name)
        kind = self._registry[kind_name]
        ids: dict[str, str] = dict(entry["ids"])
        kept: dict[str, Any] = {}
        if ref in self._kept:
            kept = self._kept[ref][1]
        elif kind_name.endswith(".delete"):
            return UndoOutcome(UndoResult.UNKNOWN, kind_name)  # the content went with another process
        try:
            if kind.unchanged is not None and not await kind.unchanged(graph, ids):
                logger.info("undo %s: the item changed since", kind_name)
                return UndoOutcome(UndoResult.CHANGED, kind_name)
            await kind.inverse(graph, ids, kept)
        except NotFound:
            logger.info("undo %s: item already gone", kind_name)
            result = UndoResult.ALREADY
        else:
            logger.info("undo %s: done", kind_name)
            result = UndoResult.DONE
        entry["done"] = True
        self._kept.pop(ref, None)
        await self._property.set(context, entries)
        return UndoOutcome(result, kind_name)
