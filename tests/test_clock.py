"""One clock (clock.py): its kinds, and no other reading of the wall clock in the product's code."""

from __future__ import annotations

import ast
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from clock import (
    OFFSET_ENV,
    OffsetClock,
    PinnedClock,
    SystemClock,
    clock_from_env,
    local_now,
    parse_instant,
    today,
)

ROOT = Path(__file__).resolve().parents[1]
SATURDAY_EVENING = datetime(2026, 12, 5, 21, 40, tzinfo=UTC)

#: Calls that read the wall clock.
_READS = {("datetime", "now"), ("datetime", "utcnow"), ("datetime", "today"), ("date", "today"), ("time", "time")}
#: Where the wall clock is read on purpose, and why: protocol time, not a date a user sees.
ALLOWED = {
    "clock.py": "the one clock",
    "graph/retry.py": "Retry-After as an HTTP date is compared with the real time the server used",
    "sandbox/tokens.py": "JWT iat/nbf/exp: token lifetimes are protocol time",
    "sandbox/tokenservice.py": "token service expiration: protocol time",
    "sandbox/faults.py": "Retry-After HTTP dates: protocol time",
    "sandbox/graph/pipeline.py": "innerError.date of an error body: when the server answered",
    "sandbox/testing.py": "test helper",
    "storage/claims.py": "claim leases in the store: protocol time between instances",
}
_SKIP_DIRS = {"tests", "bench", ".venv", "node_modules", ".git", "test-artifacts"}


def _wall_clock_reads(path: Path) -> list[int]:
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", None)
            if (name, node.func.attr) in _READS:
                lines.append(node.lineno)
    return lines


def test_no_wall_clock_reads_outside_the_clock() -> None:
    found = {}
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in _SKIP_DIRS or relative.as_posix() in ALLOWED:
            continue
        lines = _wall_clock_reads(path)
        if lines:
            found[relative.as_posix()] = lines
    assert found == {}, "ask the app's clock (clock.py, Services.clock, TurnFacts.now) instead: " + repr(found)


def test_the_scan_finds_what_it_forbids(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text("import datetime as dt, time\nfrom datetime import date\n"
                      "a = dt.datetime.now()\nb = date.today()\nc = time.time()\nd = time.monotonic()\n")
    assert _wall_clock_reads(sample) == [3, 4, 5]


def test_offset_clock_moves_the_system_time() -> None:
    clock = OffsetClock(-86400)
    assert abs((SystemClock().now() - clock.now()).total_seconds() - 86400) < 5
    assert abs(time.time() - clock.timestamp() - 86400) < 5
    assert clock.now().tzinfo is UTC


def test_pinned_clock_runs_stands_still_sets_and_advances() -> None:
    still = PinnedClock(SATURDAY_EVENING, running=False)
    assert still.now() == SATURDAY_EVENING and still.timestamp() == SATURDAY_EVENING.timestamp()
    still.advance(timedelta(hours=3))
    assert still.now() == SATURDAY_EVENING + timedelta(hours=3)
    still.advance(60)
    assert still.now() == SATURDAY_EVENING + timedelta(hours=3, minutes=1)
    running = PinnedClock(SATURDAY_EVENING)
    time.sleep(0.01)
    assert SATURDAY_EVENING < running.now() < SATURDAY_EVENING + timedelta(seconds=5)
    with pytest.raises(ValueError):
        PinnedClock(datetime(2026, 12, 5, 21, 40))  # naive: which zone?


def test_local_dates_follow_the_zone() -> None:
    new_year = PinnedClock(datetime(2026, 12, 31, 23, 10, tzinfo=UTC), running=False)
    assert today(new_year, "UTC").isoformat() == "2026-12-31"
    assert today(new_year, "Europe/Paris").isoformat() == "2027-01-01"
    assert local_now(new_year, "America/Los_Angeles").hour == 15


def test_clock_from_the_environment() -> None:
    assert isinstance(clock_from_env({}), SystemClock)
    moved = clock_from_env({OFFSET_ENV: "-3600"})
    assert isinstance(moved, OffsetClock) and moved.offset == -3600
    with pytest.raises(ValueError, match=OFFSET_ENV):
        clock_from_env({OFFSET_ENV: "yesterday"})
    assert parse_instant("2027-03-28T00:30:00Z") == datetime(2027, 3, 28, 0, 30, tzinfo=UTC)
    with pytest.raises(ValueError):
        parse_instant("2027-03-28T00:30:00")
