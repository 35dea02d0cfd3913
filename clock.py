"""The one clock: every "now" that a user can see (dates, times, undo expiry, schedules) comes from here.

`SystemClock` reads the system time (libfaketime moves it, as it moves everything else).
`OffsetClock` is the system time moved by a fixed number of seconds, as `faketime -f "+Ns"` moves it.
`PinnedClock` starts at a chosen instant and then either runs or stands still; tests pin it to choose
the time of day. `clock_from_env` reads `MIPA_CLOCK_OFFSET` (seconds): the test suite sets it once so
that the bot, the sandbox child process and the tests all agree on the same moved "now".

This module imports nothing from the project, so `graph/`, `language/`, `cards/` and `sandbox/` may use it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta, tzinfo
from typing import Protocol
from zoneinfo import ZoneInfo

__all__ = ["OFFSET_ENV", "Clock", "OffsetClock", "PinnedClock", "SystemClock", "clock_from_env", "local_now",
           "offset_to", "parse_instant", "today"]

#: Environment variable (seconds, may be negative) that moves the clock of every MIPA process started with it.
OFFSET_ENV = "MIPA_CLOCK_OFFSET"


class Clock(Protocol):
    """What everything that needs "now" is given."""

    def now(self) -> datetime:
        """The current instant, aware, in UTC."""
        ...

    def timestamp(self) -> float:
        """The current instant as POSIX seconds (for expiry times kept in state)."""
        ...


def _zone(tz: str | tzinfo | None) -> tzinfo:
    if tz is None:
        return UTC
    return ZoneInfo(tz) if isinstance(tz, str) else tz


def local_now(clock: Clock, tz: str | tzinfo | None) -> datetime:
    """`clock.now()` in the zone `tz` (an IANA name or tzinfo; None is UTC)."""
    return clock.now().astimezone(_zone(tz))


def today(clock: Clock, tz: str | tzinfo | None) -> date:
    """The date it is now in the zone `tz`."""
    return local_now(clock, tz).date()


class SystemClock:
    """The system's time."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def timestamp(self) -> float:
        return time.time()

    def __repr__(self) -> str:
        return "SystemClock()"


class OffsetClock:
    """The system's time moved by `offset` seconds: every process given the same offset agrees."""

    def __init__(self, offset: float) -> None:
        self.offset = float(offset)

    def now(self) -> datetime:
        return datetime.fromtimestamp(time.time() + self.offset, UTC)

    def timestamp(self) -> float:
        return time.time() + self.offset

    def __repr__(self) -> str:
        return f"OffsetClock({self.offset:+.0f}s)"


class PinnedClock:
    """A clock that starts at `start` and runs with the system clock (`running=True`) or stands still.

    `set()` moves it to another instant and `advance()` moves it forward: tests use both to choose the
    time of day, or to expire something without sleeping.
    """

    def __init__(self, start: datetime, *, running: bool = True) -> None:
        self.running = running
        self._anchor = _aware(start)
        self._since = time.monotonic()

    def now(self) -> datetime:
        if not self.running:
            return self._anchor
        return self._anchor + timedelta(seconds=time.monotonic() - self._since)

    def timestamp(self) -> float:
        return self.now().timestamp()

    def set(self, instant: datetime) -> None:
        self._anchor = _aware(instant)
        self._since = time.monotonic()

    def advance(self, delta: timedelta | float) -> None:
        seconds = delta.total_seconds() if isinstance(delta, timedelta) else float(delta)
        self.set(self.now() + timedelta(seconds=seconds))

    def __repr__(self) -> str:
        return f"PinnedClock({self.now().isoformat()}, running={self.running})"


def _aware(instant: datetime) -> datetime:
    if instant.tzinfo is None:
        raise ValueError("a pinned instant needs a time zone (e.g. 2026-12-05T21:40:00Z)")
    return instant.astimezone(UTC)


def parse_instant(text: str) -> datetime:
    """An ISO 8601 instant with a zone or `Z` (`2026-12-05T21:40:00Z`) as an aware UTC datetime."""
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00").replace("z", "+00:00"))
    return _aware(value)


def offset_to(instant: datetime) -> float:
    """The offset in seconds that moves the system clock to `instant` now."""
    return _aware(instant).timestamp() - time.time()


def clock_from_env(environ: Mapping[str, str] | None = None) -> Clock:
    """An `OffsetClock` when `MIPA_CLOCK_OFFSET` is set, else the system clock."""
    value = (os.environ if environ is None else environ).get(OFFSET_ENV, "").strip()
    if not value:
        return SystemClock()
    try:
        return OffsetClock(float(value))
    except ValueError as exc:
        raise ValueError(f"{OFFSET_ENV} must be a number of seconds, e.g. -3600") from exc
