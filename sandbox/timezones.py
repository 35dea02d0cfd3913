"""Time zone names (Windows and IANA) and Graph's dateTimeTimeZone values."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import GraphError

WINDOWS_TO_IANA: dict[str, str] = {
    "UTC": "UTC",
    "Coordinated Universal Time": "UTC",
    "GMT Standard Time": "Europe/London",
    "Greenwich Standard Time": "Atlantic/Reykjavik",
    "W. Europe Standard Time": "Europe/Berlin",
    "Romance Standard Time": "Europe/Paris",
    "Central Europe Standard Time": "Europe/Budapest",
    "Central European Standard Time": "Europe/Warsaw",
    "E. Europe Standard Time": "Europe/Chisinau",
    "FLE Standard Time": "Europe/Kiev",
    "Pacific Standard Time": "America/Los_Angeles",
    "Mountain Standard Time": "America/Denver",
    "Central Standard Time": "America/Chicago",
    "Eastern Standard Time": "America/New_York",
    "Atlantic Standard Time": "America/Halifax",
    "E. South America Standard Time": "America/Sao_Paulo",
    "India Standard Time": "Asia/Kolkata",
    "China Standard Time": "Asia/Shanghai",
    "Tokyo Standard Time": "Asia/Tokyo",
    "Singapore Standard Time": "Asia/Singapore",
    "AUS Eastern Standard Time": "Australia/Sydney",
    "New Zealand Standard Time": "Pacific/Auckland",
    "Arabian Standard Time": "Asia/Dubai",
    "South Africa Standard Time": "Africa/Johannesburg",
}

GRAPH_DT_FORMAT = "%Y-%m-%dT%H:%M:%S.0000000"


@lru_cache(maxsize=256)
def zone(name: str) -> ZoneInfo:
    """The zone for a Windows or IANA name; 400 TimeZoneNotSupportedException otherwise."""
    iana = WINDOWS_TO_IANA.get(name, name)
    if not iana or "/" not in iana and iana not in ("UTC", "Etc/UTC", "GMT"):
        raise unsupported(name)
    try:
        return ZoneInfo(iana)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise unsupported(name) from exc


def unsupported(name: str) -> GraphError:
    return GraphError(
        400,
        "TimeZoneNotSupportedException",
        f"A valid TimeZone value must be specified. The following TimeZone value is not supported: '{name}'.",
    )


def to_graph(value: datetime, tz_name: str) -> dict[str, str]:
    """An aware datetime as `{"dateTime", "timeZone"}` in the named zone."""
    local = value.astimezone(zone(tz_name))
    return {"dateTime": local.strftime(GRAPH_DT_FORMAT), "timeZone": tz_name}


def parse_naive(text: str) -> datetime:
    """`2026-08-03T09:00:00.0000000` (fraction optional, up to 7 digits) as a naive datetime."""
    text = text.strip()
    if text.endswith("Z"):
        text = text[:-1]
    if "." in text:
        head, frac = text.split(".", 1)
        text = head + "." + frac[:6]
    return datetime.fromisoformat(text)


def from_graph(value: object) -> datetime:
    """A `{"dateTime", "timeZone"}` object as an aware UTC datetime; ValueError when malformed."""
    if not isinstance(value, dict) or not isinstance(value.get("dateTime"), str):
        raise ValueError("dateTimeTimeZone expected")
    naive = parse_naive(value["dateTime"])
    if naive.tzinfo is not None:
        return naive.astimezone(UTC)
    tz_name = value.get("timeZone") or "UTC"
    return naive.replace(tzinfo=zone(str(tz_name))).astimezone(UTC)


def parse_offset_datetime(text: str) -> datetime:
    """An ISO 8601 query value; no offset means UTC (calendarView windows, $filter dates)."""
    text = text.strip().replace(" ", "+")
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC)


def utc_stamp(value: datetime) -> str:
    """A DateTimeOffset value the way Graph writes it: UTC with `Z` and 7 fraction digits."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.0000000Z")


def day_start(value: datetime, tz_name: str) -> datetime:
    local = value.astimezone(zone(tz_name))
    return local.replace(hour=0, minute=0, second=0, microsecond=0)


__all__ = [
    "WINDOWS_TO_IANA",
    "day_start",
    "from_graph",
    "parse_naive",
    "parse_offset_datetime",
    "timedelta",
    "to_graph",
    "unsupported",
    "utc_stamp",
    "zone",
]
