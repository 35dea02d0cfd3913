"""A recognised request as it travels in dialog options: plain JSON, rebuilt into typed entities."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from language import Entities, Recognition

__all__ = ["CLICKED_REQUEST", "Request"]

#: Turn-state key of a Request started by a card button (bots/card_actions.py) rather than by typed text.
CLICKED_REQUEST = "mipa.clicked_request"

_DATETIME_FIELDS = {"start", "end", "new_start"}
_TUPLE_FIELDS = {"people", "ambiguities"}


@cache
def _entity_fields() -> frozenset[str]:
    """The names of `Entities`' fields (`dataclasses.fields` builds its tuple on each call: two a calendar read)."""
    return frozenset(f.name for f in fields(Entities))


@dataclass(frozen=True, slots=True)
class Request:
    """What the person asked for in one turn: intent, entities, their locale and time zone."""

    intent: str
    locale: str
    tz: str
    entities: Entities
    #: The item a card button named ("Decline" on a meeting's card): no need to find it from words.
    item_id: str | None = None

    @classmethod
    def from_recognition(cls, recognition: Recognition, *, tz: str) -> Request:
        return cls(intent=recognition.intent, locale=recognition.locale, tz=tz, entities=recognition.entities)

    def to_options(self) -> dict[str, Any]:
        """JSON-safe options for `begin_dialog` (dialog state must survive any store)."""
        options = {"intent": self.intent, "locale": self.locale, "tz": self.tz, "entities": self.entities.to_json()}
        if self.item_id:
            options["item_id"] = self.item_id
        return options

    @classmethod
    def from_options(cls, options: dict[str, Any]) -> Request:
        raw = dict(options.get("entities") or {})
        known = _entity_fields()
        values: dict[str, Any] = {}
        for key, value in raw.items():
            if key not in known:
                continue
            if key in _DATETIME_FIELDS and isinstance(value, str):
                value = datetime.fromisoformat(value)
            elif key == "duration" and value is not None:
                value = timedelta(seconds=float(value))
            elif key in _TUPLE_FIELDS:
                value = tuple(value)
            values[key] = value
        return cls(
            intent=str(options.get("intent", "none")),
            locale=str(options.get("locale", "en")),
            tz=str(options.get("tz", "UTC")),
            entities=Entities(**values),
            item_id=str(options["item_id"]) if options.get("item_id") else None,
        )
