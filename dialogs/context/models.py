"""Typed pieces of the conversation context; each holds ids, intents and ISO dates, never words people wrote."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

__all__ = ["Context", "Item", "LastRequest", "ShownList"]

#: Item kinds: "event" (eventId), "todo" (listId, taskId), "planner" (taskId), "mail" (messageId).
ITEM_KINDS = ("event", "todo", "planner", "mail", "file", "list_item", "contact")


@dataclass(frozen=True, slots=True)
class LastRequest:
    """The last request answered: its intent, its date span and the container it read (a To Do list id, a plan id)."""

    intent: str
    start: datetime | None = None
    end: datetime | None = None
    container: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"intent": self.intent, "start": self.start.isoformat() if self.start else None,
                "end": self.end.isoformat() if self.end else None, "container": self.container}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> LastRequest:
        return cls(intent=str(raw["intent"]), start=_when(raw.get("start")), end=_when(raw.get("end")),
                   container=raw.get("container") or None)


@dataclass(frozen=True, slots=True)
class ShownList:
    """The last list shown: the item kind, the ids of the page shown in order, the page reached and the total."""

    kind: str
    ids: tuple[tuple[str, ...], ...]
    page: int = 0
    total: int | None = None
    more: bool = False
    #: Where the next page starts when it is not `page + 1` (a Graph skip token is never kept: ids only).
    cursor: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "ids": [list(i) for i in self.ids], "page": self.page, "total": self.total,
                "more": self.more, "cursor": self.cursor}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> ShownList:
        return cls(kind=str(raw["kind"]), ids=tuple(tuple(str(x) for x in i) for i in raw.get("ids") or ()),
                   page=int(raw.get("page") or 0), total=raw.get("total"), more=bool(raw.get("more")),
                   cursor=raw.get("cursor"))

    def at(self, ordinal: int) -> tuple[str, ...] | None:
        """The ids of "the second one" (ordinal 2) or "the last one" (-1) of the page shown."""
        index = len(self.ids) - 1 if ordinal == -1 else ordinal - 1
        return self.ids[index] if 0 <= index < len(self.ids) else None


@dataclass(frozen=True, slots=True)
class Item:
    """The last item created, changed or shown on its own: its kind and ids."""

    kind: str
    ids: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "ids": list(self.ids)}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Item:
        return cls(kind=str(raw["kind"]), ids=tuple(str(x) for x in raw.get("ids") or ()))


@dataclass(frozen=True, slots=True)
class Context:
    """What the next message may lean on; `at` is the clock's timestamp of the last turn that used it."""

    request: LastRequest | None = None
    shown: ShownList | None = None
    item: Item | None = None
    at: float = 0.0
    #: Which of `shown` and `item` came last ("list" or "item"): "it" means the more recent one.
    latest: str = field(default="")
    #: The request that produced `shown`, for its next page ("more" after another question still pages it).
    pager: LastRequest | None = None

    def to_json(self, known: dict[int, tuple[Any, dict[str, Any]]] | None = None) -> dict[str, Any]:
        """The stored dict. `known` holds the dicts of parts written before, by identity: a part written again
        (a turn's several saves keep most parts) reuses its dict and a new one is added; one dict never appears
        twice in the same answer (the same request as `request` and `pager` gives two equal dicts)."""
        if known is None:
            return {"request": self.request.to_json() if self.request else None,
                    "shown": self.shown.to_json() if self.shown else None,
                    "item": self.item.to_json() if self.item else None, "at": self.at, "latest": self.latest,
                    "pager": self.pager.to_json() if self.pager else None}
        request = _part(self.request, known)
        pager = _part(self.pager, known)
        return {"request": request, "shown": _part(self.shown, known), "item": _part(self.item, known),
                "at": self.at, "latest": self.latest,
                "pager": dict(pager) if pager is not None and pager is request else pager}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Context:
        try:
            return cls(request=LastRequest.from_json(raw["request"]) if raw.get("request") else None,
                       shown=ShownList.from_json(raw["shown"]) if raw.get("shown") else None,
                       item=Item.from_json(raw["item"]) if raw.get("item") else None,
                       at=float(raw.get("at") or 0.0), latest=str(raw.get("latest") or ""),
                       pager=LastRequest.from_json(raw["pager"]) if raw.get("pager") else None)
        except (KeyError, TypeError, ValueError):
            return cls()  # a context written by another version: start afresh


def _part(value: LastRequest | ShownList | Item | None, known: dict[int, tuple[Any, dict[str, Any]]]) -> dict[str, Any] | None:
    if value is None:
        return None
    found = known.get(id(value))
    if found is not None and found[0] is value:
        return found[1]
    raw = value.to_json()
    known[id(value)] = (value, raw)  # the part is kept with its dict, so its id is not reused meanwhile
    return raw


def _when(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None
