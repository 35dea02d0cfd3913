"""The suite's clock: one "now" for the tests, the bot and the sandbox, pinned to any instant with MIPA_TEST_NOW.

`MIPA_TEST_NOW=2026-12-05T21:40:00Z pytest ...` moves the whole suite to that instant: `configure` turns it
into `MIPA_CLOCK_OFFSET` before anything starts, so the sandbox child processes, the in-process bot and the
tests' own expectations all read the same moved clock. Without it they read the system clock (which
libfaketime may move for the whole process). Tests that depend on the time of day choose it with `pin`.
"""

from __future__ import annotations

import os
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from clock import OFFSET_ENV, Clock, PinnedClock, clock_from_env, offset_to, parse_instant
from sandbox.testing import AdminClient

__all__ = ["TEST_NOW_ENV", "configure", "day_start", "local_now", "next_working_day", "pin", "suite_clock"]

TEST_NOW_ENV = "MIPA_TEST_NOW"


def configure() -> None:
    """At session start: MIPA_TEST_NOW (an ISO instant) becomes the offset every process reads."""
    value = os.environ.get(TEST_NOW_ENV, "").strip()
    if value:
        os.environ[OFFSET_ENV] = repr(offset_to(parse_instant(value)))


def suite_clock() -> Clock:
    """The clock the bot and the sandbox read by default (system, or moved by the offset)."""
    return clock_from_env()


def local_now(tz: str, clock: Clock | None = None) -> datetime:
    return (clock or suite_clock()).now().astimezone(ZoneInfo(tz))


def day_start(tz: str, offset: int = 0, clock: Clock | None = None) -> datetime:
    """Midnight in `tz`, `offset` days from today there."""
    day = local_now(tz, clock).date() + timedelta(days=offset)
    return datetime.combine(day, time(0), ZoneInfo(tz))


def next_working_day(tz: str, clock: Clock | None = None) -> datetime:
    """Midnight in `tz` of the first Monday-to-Friday after today there."""
    return next(d for d in (day_start(tz, n, clock) for n in range(1, 8)) if d.weekday() < 5)


def pin(bot_clock: PinnedClock, sandbox: AdminClient, hhmm: str, tz: str, *, days: int = 0) -> datetime:
    """Move the bot's and the sandbox's clocks to `hhmm` in `tz` today there (+`days`); both keep running.

    The sandbox rebuilds its demo tenant around that day, so tests pin first and then read or write.
    """
    hour, minute = (int(x) for x in hhmm.split(":"))
    instant = day_start(tz, days, bot_clock) + timedelta(hours=hour, minutes=minute)
    sandbox.set_clock(instant)
    bot_clock.set(instant)
    return instant
