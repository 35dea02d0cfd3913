"""Formatted dates and times are cached; the cache must keep the zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from language.formatting import format_datetime, format_time


def test_one_instant_formats_in_each_zone_asked_for() -> None:
    instant = datetime(2026, 11, 29, 15, 0, tzinfo=ZoneInfo("Europe/Paris"))
    for _ in range(2):  # the second round is served from the cache
        assert format_datetime(instant, "en", "Europe/Paris") == "Sun, Nov 29, 3:00 PM"
        assert format_datetime(instant, "en", "America/Los_Angeles") == "Sun, Nov 29, 6:00 AM"
        assert format_time(instant, "fr", "Europe/Paris") == "15:00"
        assert format_time(instant, "fr", "America/Los_Angeles") == "06:00"


def test_a_repeated_wall_time_keeps_its_fold() -> None:
    """02:30 happens twice in Paris on 2026-10-25; both readings keep their own offset."""
    zone = ZoneInfo("Europe/Paris")
    first = datetime(2026, 10, 25, 2, 30, tzinfo=zone, fold=0)
    second = datetime(2026, 10, 25, 2, 30, tzinfo=zone, fold=1)
    for _ in range(2):
        assert format_time(first, "en", "UTC") == "12:30 AM"
        assert format_time(second, "en", "UTC") == "1:30 AM"
        assert format_datetime(second, "fr", "Europe/Paris") == format_datetime(first, "fr", "Europe/Paris")
