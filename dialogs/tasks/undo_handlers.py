"""How to undo the task features' writes (ids only): registered with `dialogs.undo.undo_handler`."""

from __future__ import annotations

from dialogs.undo import undo_handler
from graph import UserGraph

__all__ = ["register"]


async def _delete_todo(graph: UserGraph, ids: dict[str, str]) -> None:
    await graph.todo.delete(ids["listId"], ids["itemId"])


async def _reopen_todo(graph: UserGraph, ids: dict[str, str]) -> None:
    await graph.todo.reopen(ids["listId"], ids["itemId"])


async def _delete_planner(graph: UserGraph, ids: dict[str, str]) -> None:
    await graph.planner.delete(ids["itemId"])


async def _restore_progress(graph: UserGraph, ids: dict[str, str]) -> None:
    await graph.planner.set_progress(ids["itemId"], int(ids.get("percent") or 0))


async def _restore_flag(graph: UserGraph, ids: dict[str, str]) -> None:
    status = ids.get("status") or "notFlagged"
    if status == "flagged":
        await graph.mail.flag(ids["itemId"])
    elif status == "complete":
        await graph.mail.complete(ids["itemId"])
    else:
        await graph.mail.clear_flag(ids["itemId"])


def register() -> None:
    """Register the handlers (called when the task dialogs are built; registering twice is harmless)."""
    undo_handler("todo.add")(_delete_todo)
    undo_handler("mail.to_task")(_delete_todo)
    undo_handler("todo.complete")(_reopen_todo)
    undo_handler("planner.add")(_delete_planner)
    undo_handler("planner.complete")(_restore_progress)
    undo_handler("mail.flag")(_restore_flag)
