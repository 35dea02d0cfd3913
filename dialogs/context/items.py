"""Which item a write touched, read from its undo ids (one table: undo kind -> item kind and id keys)."""

from __future__ import annotations

from collections.abc import Mapping

from dialogs.context.models import Item

__all__ = ["item_of_undo"]

_ITEMS: dict[str, tuple[str, tuple[str, ...]]] = {
    "calendar.create": ("event", ("eventId",)),
    "calendar.update": ("event", ("eventId",)),
    "calendar.respond": ("event", ("eventId",)),
    "todo.create": ("todo", ("listId", "itemId")),
    "todo.complete": ("todo", ("listId", "itemId")),
    "planner.create": ("planner", ("itemId",)),
    "planner.progress": ("planner", ("itemId",)),
}


def item_of_undo(kind: str, ids: Mapping[str, str]) -> Item | None:
    """The item a write with this undo kind and ids created or changed; None when it is not one we refer back to."""
    known = _ITEMS.get(kind)
    if known is None or any(key not in ids for key in known[1]):
        return None
    return Item(known[0], tuple(str(ids[key]) for key in known[1]))
