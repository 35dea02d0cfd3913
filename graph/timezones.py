"""Time zones: Windows names (as Outlook stores them) to IANA, and Graph's dateTimeTimeZone values."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["WINDOWS_TO_IANA", "format_graph_datetime", "parse_date_time_zone", "parse_offset_datetime", "to_iana", "zone"]

logger = logging.getLogger(__name__)

# The CLDR windowsZones "001" territory mapping for the zones a Microsoft 365 tenant commonly uses.
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
    "GTB Standard Time": "Europe/Bucharest",
    "Russian Standard Time": "Europe/Moscow",
    "Turkey Standard Time": "Europe/Istanbul",
    "Israel Standard Time": "Asia/Jerusalem",
    "Egypt Standard Time": "Africa/Cairo",
    "South Africa Standard Time": "Africa/Johannesburg",
    "W. Central Africa Standard Time": "Africa/Lagos",
    "Morocco Standard Time": "Africa/Casablanca",
    "Arabian Standard Time": "Asia/Dubai",
    "Arab Standard Time": "Asia/Riyadh",
    "India Standard Time": "Asia/Kolkata",
    "China Standard Time": "Asia/Shanghai",
    "Singapore Standard Time": "Asia/Singapore",
    "Tokyo Standard Time": "Asia/Tokyo",
    "Korea Standard Time": "Asia/Seoul",
    "AUS Eastern Standard Time": "Australia/Sydney",
    "E. Australia Standard Time": "Australia/Brisbane",
    "W. Australia Standard Time": "Australia/Perth",
    "New Zealand Standard Time": "Pacific/Auckland",
    "Hawaiian Standard Time": "Pacific/Honolulu",
    "Alaskan Standard Time": "America/Anchorage",
    "Pacific Standard Time": "America/Los_Angeles",
    "US Mountain Standard Time": "America/Phoenix",
    "Mountain Standard Time": "America/Denver",
    "Central Standard Time": "America/Chicago",
    "Canada Central Standard Time": "America/Regina",
    "Central America Standard Time": "America/Guatemala",
    "Central Standard Time (Mexico)": "America/Mexico_City",
    "Eastern Standard Time": "America/New_York",
    "Eastern Standard Time (Mexico)": "America/Cancun",
    "US Eastern Standard Time": "America/Indianapolis",
    "Atlantic Standard Time": "America/Halifax",
    "Newfoundland Standard Time": "America/St_Johns",
    "SA Pacific Standard Time": "America/Bogota",
    "SA Eastern Standard Time": "America/Cayenne",
    "E. South America Standard Time": "America/Sao_Paulo",
    "Argentina Standard Time": "America/Buenos_Aires",
    "Pacific SA Standard Time": "America/Santiago",
    "Mauritius Standard Time": "Indian/Mauritius",
    "Reunion Standard Time": "Indian/Reunion",
}
_LOWER = {k.lower(): v for k, v in WINDOWS_TO_IANA.items()}


def to_iana(name: str | None, default: str = "UTC") -> str:
    """The IANA name for a Windows or IANA zone name; ``default`` when unknown or unset."""
    if not name or not isinstance(name, str):
        return default
    mapped = _LOWER.get(name.strip().lower())
    if mapped:
        return mapped
    try:
        ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        logger.info("unknown mailbox time zone, using %s", default)
        return default
    return name.strip()


def zone(name: str | None) -> tzinfo:
    """A tzinfo for a Windows or IANA name (UTC when unknown)."""
    found = _ZONES.get(name) if type(name) is str else None
    if found is not None:
        return found
    iana = to_iana(name)
    result = UTC if iana == "UTC" else ZoneInfo(iana)
    if type(name) is str and len(_ZONES) < 512 and (iana != "UTC" or name.strip().lower() in _LOWER):
        _ZONES[name] = result  # a name that maps (an unknown one logs again each time, as before)
    return result


#: `zone(name)` by the name as Graph wrote it: each event's start and end name their zone (issue 25).
_ZONES: dict[str, tzinfo] = {}


def _naive(text: str) -> datetime:
    if len(text) == 27 and text[19] == "." and text[0].isdigit() and text[-1].isdigit() and "." not in text[:19]:
        return datetime.fromisoformat(text[:26])  # Graph's own shape (7 fraction digits), as the general path reads it
    text = text.strip().rstrip("Z")
    if "." in text:
        head, frac = text.split(".", 1)
        text = head + "." + frac[:6]
    return datetime.fromisoformat(text)


def parse_date_time_zone(value: Any, target: tzinfo | None = None) -> datetime | None:
    """An aware datetime from ``{"dateTime": ..., "timeZone": ...}`` (converted to ``target`` if given)."""
    if not isinstance(value, dict) or not isinstance(value.get("dateTime"), str):
        return None
    try:
        local = _naive(value["dateTime"])
    except ValueError:
        return None
    aware = local.replace(tzinfo=zone(value.get("timeZone"))) if local.tzinfo is None else local
    return aware.astimezone(target) if target is not None else aware


def parse_offset_datetime(value: Any) -> datetime | None:
    """An aware datetime from a DateTimeOffset string (``2026-08-05T10:00:00Z``)."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00") if value.endswith("Z") else value)
    except ValueError:
        try:
            parsed = _naive(value).replace(tzinfo=UTC)
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def format_graph_datetime(moment: datetime | date, zone_name: str) -> dict[str, str]:
    """A dateTimeTimeZone body value for an aware datetime (or a date at midnight) in ``zone_name``."""
    if isinstance(moment, datetime):
        if moment.tzinfo is None:
            raise ValueError("naive datetime sent to Graph")
        local = moment.astimezone(zone(zone_name)).replace(tzinfo=None)
    else:
        local = datetime(moment.year, moment.month, moment.day)
    return {"dateTime": local.strftime("%Y-%m-%dT%H:%M:%S"), "timeZone": zone_name}
