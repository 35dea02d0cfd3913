"""Graph's patternedRecurrence: checks a pattern and a range as Graph does and fills in Graph's defaults."""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import GraphError

__all__ = ["patterned_recurrence", "read_enum"]

PATTERN_FIELDS = {"type", "interval", "month", "dayOfMonth", "daysOfWeek", "firstDayOfWeek", "index"}
RANGE_FIELDS = {"type", "startDate", "endDate", "recurrenceTimeZone", "numberOfOccurrences"}
_PATTERNS = ("daily", "weekly", "absoluteMonthly", "relativeMonthly", "absoluteYearly", "relativeYearly")
_RANGES = ("endDate", "noEnd", "numbered")
_DAYS = ("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday")
_INDEX = ("first", "second", "third", "fourth", "last")
NO_DATE = "0001-01-01"


def _bad(message: str) -> GraphError:
    return GraphError(400, "invalidRequest", message)


def read_enum(value: Any, allowed: tuple[str, ...], type_name: str) -> str:
    """Graph's enum reading is case-insensitive and answers with the canonical spelling."""
    if isinstance(value, str):
        for name in allowed:
            if name.lower() == value.lower():
                return name
    raise GraphError(400, "RequestBodyRead", f"Cannot convert the literal '{value}' to the expected type '{type_name}'.")


def _int(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, bool) or not isinstance(value, int):
        raise GraphError(400, "RequestBodyRead", f"Cannot convert the literal '{value}' to the expected type 'Edm.Int32'.")
    return value


def _date(value: Any) -> str:
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise GraphError(400, "RequestBodyRead", f"Cannot convert the literal '{value}' to the expected type 'Edm.Date'.") from exc


def _unknown(body: dict[str, Any], allowed: set[str], type_name: str) -> None:
    for key in body:
        if key not in allowed and not key.startswith("@odata"):
            raise GraphError(400, "RequestBodyRead", f"The property '{key}' does not exist on type '{type_name}'.")


def _pattern(raw: Any) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise _bad("A recurrence needs a pattern.")
    _unknown(raw, PATTERN_FIELDS, "microsoft.graph.recurrencePattern")
    kind = read_enum(raw.get("type"), _PATTERNS, "microsoft.graph.recurrencePatternType")
    days = raw.get("daysOfWeek") or []
    if not isinstance(days, list):
        raise GraphError(400, "RequestBodyRead", "Cannot read the value as 'Collection(microsoft.graph.dayOfWeek)'.")
    pattern: dict[str, Any] = {
        "type": kind,
        "interval": _int(raw.get("interval", 1)),
        "month": _int(raw.get("month")),
        "dayOfMonth": _int(raw.get("dayOfMonth")),
        "daysOfWeek": [read_enum(d, _DAYS, "microsoft.graph.dayOfWeek") for d in days],
        "firstDayOfWeek": read_enum(raw.get("firstDayOfWeek") or "sunday", _DAYS, "microsoft.graph.dayOfWeek"),
        "index": read_enum(raw.get("index") or "first", _INDEX, "microsoft.graph.weekIndex"),
    }
    if pattern["interval"] < 1:
        raise _bad("The recurrence interval must be at least 1.")
    if kind in ("weekly", "relativeMonthly", "relativeYearly") and not pattern["daysOfWeek"]:
        raise _bad(f"A {kind} recurrence needs daysOfWeek.")
    if kind in ("absoluteMonthly", "absoluteYearly") and not 1 <= pattern["dayOfMonth"] <= 31:
        raise _bad(f"A {kind} recurrence needs a dayOfMonth between 1 and 31.")
    if kind in ("absoluteYearly", "relativeYearly") and not 1 <= pattern["month"] <= 12:
        raise _bad(f"A {kind} recurrence needs a month between 1 and 12.")
    return pattern


def _range(raw: Any, default_start: date | None) -> dict[str, Any]:
    if raw is None:
        raw = {"type": "noEnd"}
    if not isinstance(raw, dict):
        raise _bad("A recurrence range must be an object.")
    _unknown(raw, RANGE_FIELDS, "microsoft.graph.recurrenceRange")
    kind = read_enum(raw.get("type") or "noEnd", _RANGES, "microsoft.graph.recurrenceRangeType")
    start_raw = raw.get("startDate")
    if start_raw in (None, "", NO_DATE):
        if default_start is None:
            raise _bad("A recurrence range needs a startDate.")
        start = default_start.isoformat()
    else:
        start = _date(start_raw)
    end_raw = raw.get("endDate")
    end = NO_DATE if end_raw in (None, "", NO_DATE) else _date(end_raw)
    count = _int(raw.get("numberOfOccurrences"))
    if kind == "endDate" and (end == NO_DATE or end < start):
        raise _bad("The recurrence range's endDate must be on or after its startDate.")
    if kind == "numbered" and count < 1:
        raise _bad("A numbered recurrence range needs numberOfOccurrences of at least 1.")
    return {
        "type": kind,
        "startDate": start,
        "endDate": end if kind == "endDate" else NO_DATE,
        "recurrenceTimeZone": str(raw.get("recurrenceTimeZone") or "UTC"),
        "numberOfOccurrences": count if kind == "numbered" else 0,
    }


def patterned_recurrence(raw: Any, *, default_start: date | None) -> dict[str, Any] | None:
    """The recurrence as Graph stores it (every field present), or None to clear it; 400 when it is invalid."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise GraphError(400, "RequestBodyRead", "Cannot read the value as 'microsoft.graph.patternedRecurrence'.")
    _unknown(raw, {"pattern", "range"}, "microsoft.graph.patternedRecurrence")
    return {"pattern": _pattern(raw.get("pattern")), "range": _range(raw.get("range"), default_start)}
