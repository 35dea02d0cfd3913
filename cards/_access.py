"""Duck-typed reads of Graph models (`graph.models`), tolerant of a few attribute spellings."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import Any

__all__ = ["as_datetime", "get", "name_of", "names"]


def get(obj: Any, *names: str, default: Any = None) -> Any:
    """The first attribute (or mapping key) of `obj` among `names` that is not None."""
    kind = type(obj)
    mapping = _MAPPING.get(kind)
    if mapping is None:
        mapping = _MAPPING[kind] = isinstance(obj, Mapping)
    for name in names:
        value = obj.get(name) if mapping else getattr(obj, name, None)
        if value is not None:
            return value
    return default


#: Whether a type is a Mapping: `isinstance(obj, Mapping)` is an ABC check (~0.4 µs), and a card reads its
#: models (frozen dataclasses) this way some 160 times.
_MAPPING: dict[type, bool] = {dict: True}


def name_of(person: Any) -> str:
    """A display name from a str, an EmailAddress-like or a Recipient/Attendee-like object."""
    if person is None:
        return ""
    if isinstance(person, str):
        return person
    inner = get(person, "email_address", "emailAddress")
    if inner is not None and inner is not person:
        return name_of(inner)
    return str(get(person, "display_name", "name", "address", "email", default=""))


def names(people: Iterable[Any] | None) -> list[str]:
    return [n for n in (name_of(p) for p in people or ()) if n]


def as_datetime(value: Any) -> datetime | None:
    """A datetime from a datetime, a date (midnight) or a DateTimeTimeZone-like object."""
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    inner = get(value, "date_time", "dateTime", "value")
    return as_datetime(inner) if inner is not None else None
