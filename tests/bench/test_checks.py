"""The target checks printed under the table, the bot CPU figure and the benchmark's redis-server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from bench.checks import evaluate, render_checks
from bench.report import CellResult, add_ratios, render_table
from bench.runner import slow_callbacks
from devkit import RedisServer, cpu_seconds

ROOT = Path(__file__).resolve().parents[2]


def _cells(mipa_read: float) -> list[CellResult]:
    cells = [
        CellResult("echo-bot", "echo", 16, turns=100, turns_per_s=50.0),
        CellResult("agents-sdk", "echo", 16, turns=100, turns_per_s=100.0),
        CellResult("teams-sdk", "echo", 16, turns=100, turns_per_s=40.0),
        CellResult("bare-graph", "calendar read", 16, turns=100, turns_per_s=200.0),
        CellResult("mipa", "calendar read", 16, turns=100, turns_per_s=mipa_read,
                   graph_requests_per_iteration=1.0, bot_cpu_ms_per_turn=4.25),
        CellResult("mipa", "my day", 16, turns=100, turns_per_s=30.0, graph_round_trips_per_iteration=3.0),
        CellResult("bare-graph", "calendar read @100-200 ms", 64, turns=100, turns_per_s=300.0, p50_ms=150.0, p95_ms=200.0),
        CellResult("mipa", "calendar read @100-200 ms", 64, turns=100, turns_per_s=250.0, p50_ms=180.0, p95_ms=240.0),
        CellResult("mipa", "my day @100-200 ms", 64, turns=100, turns_per_s=50.0, p50_ms=600.0, p95_ms=700.0),
    ]
    add_ratios(cells)
    return cells


def test_checks_say_met_not_met_and_not_measured() -> None:
    processes = {"mipa": {"startup_s": 0.9, "rss_after_mb": 160.0, "conversations": 1000},
                 "mipa-asyncio-debug": {"slow_callbacks": {"available": True, "count": 2}},
                 "mipa-callback-timing": {"slow_callbacks": {"available": True, "count": 0}}}
    checks = evaluate(_cells(mipa_read=110.0), processes)
    status = {check.name: check.status for check in checks}
    assert status["calendar read at 16: turns/s over the Agents SDK echo's"] == "met"  # 1.1x
    assert status["calendar read at 16: turns/s over the bare Graph handler's"] == "met"  # 0.55x
    assert status["'my day' at 16: turns/s over the Teams SDK echo's"] == "not met"  # 0.75x
    assert status["callbacks over 5 ms (asyncio debug run, after start-up)"] == "not met"
    assert status["callbacks over 5 ms (each callback timed, normal mode, after start-up)"] == "met"
    assert status["latency, 64 conversations: calendar read p95 over the bare handler's"] == "met"  # 1.2x
    assert status["latency, 64 conversations: 'my day' p50"] == "not met"
    assert status["Graph requests per calendar read"] == "met"
    assert status["'my day' Graph round trips"] == "not met"
    assert status["start-up to the first /healthz answer"] == "met"
    assert status["RSS after 1000 conversations"] == "not met"
    slow = {c.name: c.status for c in evaluate(_cells(mipa_read=70.0), {})}
    assert slow["calendar read at 16: turns/s over the Agents SDK echo's"] == "not met"  # 0.7x
    assert slow["start-up to the first /healthz answer"] == "not measured"
    assert slow["callbacks over 5 ms (asyncio debug run, after start-up)"] == "not measured"
    no_peers = [c for c in _cells(mipa_read=110.0) if not c.target.endswith("-sdk")]
    assert {c.name: c.status for c in evaluate(no_peers, {})}[
        "calendar read at 16: turns/s over the Agents SDK echo's"] == "not measured"
    table = render_checks(checks)
    assert "| RSS after 1000 conversations | <= 150 MB | 160.00 MB | not met |" in table
    assert checks[0].as_json()["status"] == "met"


def test_table_shows_the_bot_cpu_per_turn() -> None:
    table = render_table(_cells(mipa_read=110.0))
    assert "bot cpu ms/turn" in table.splitlines()[0]
    assert "4.2" in next(line for line in table.splitlines() if "calendar read" in line and "mipa" in line)


def test_cpu_seconds_reads_this_process() -> None:
    before = cpu_seconds(os.getpid())
    sum(i * i for i in range(300_000))
    after = cpu_seconds(os.getpid())
    assert before is not None and after is not None and after >= before > 0


def test_redis_server_starts_on_a_free_port_and_stops(tmp_path: Path) -> None:
    server = RedisServer(log_path=tmp_path / "redis.log")
    assert server.installed
    url = server.start()
    try:
        assert url == f"redis://127.0.0.1:{server.port}/0"
        with socket.create_connection(("127.0.0.1", server.port), timeout=2) as sock:
            sock.sendall(b"CONFIG GET save\r\n")
            assert b"save" in sock.recv(200)
    finally:
        server.stop()
    try:
        socket.create_connection(("127.0.0.1", server.port), timeout=0.5).close()
        refused = False
    except OSError:
        refused = True
    assert refused


@pytest.mark.parametrize("mode", [[], ["--timed"]], ids=["asyncio-debug", "timed"])
def test_slow_callbacks_are_reported_by_the_wrapper(tmp_path: Path, mode: list[str]) -> None:
    # A script whose loop runs a 30 ms blocking callback that waits, one that computes, and a quick one, under
    # bench.slow_callbacks.
    script = tmp_path / "blocker.py"
    script.write_text(
        "import asyncio, time\n"
        "async def main():\n"
        "    await asyncio.sleep(0)\n"
        "    time.sleep(0.03)\n"
        "    await asyncio.sleep(0)\n"
        "    started = time.thread_time()\n"
        "    while time.thread_time() - started < 0.03:\n"
        "        pass\n"
        "    await asyncio.sleep(0)\n"
        "asyncio.run(main())\n"
    )
    log = tmp_path / "child.log"
    with log.open("wb") as out:
        subprocess.run([sys.executable, "-m", "bench.slow_callbacks", *mode, str(script)], cwd=ROOT, stdout=out,
                       stderr=subprocess.STDOUT, timeout=60, check=True)
    report = slow_callbacks(log, 0)
    assert report["available"] and report["count"] >= 2  # more when the machine is busy: wall time
    assert report["max_ms"] >= 30.0 and "main()" in report["worst"][0]  # the task, named by its coroutine
    assert report["cpu_count"] == 1 and report["cpu_max_ms"] >= 30.0  # only the computing one used the CPU
    assert slow_callbacks(log, log.stat().st_size)["count"] == 0  # only lines after the offset count
