"""The target checks printed under the table, the bot CPU figure and the benchmark's redis-server."""

from __future__ import annotations

import os
import socket
from pathlib import Path

from bench.checks import evaluate, render_checks
from bench.report import CellResult, add_ratios, render_table
from devkit import RedisServer, cpu_seconds


def _cells(mipa_read: float) -> list[CellResult]:
    cells = [
        CellResult("echo-bot", "echo", 16, turns=100, turns_per_s=50.0),
        CellResult("bare-graph", "calendar read", 16, turns=100, turns_per_s=200.0),
        CellResult("mipa", "calendar read", 16, turns=100, turns_per_s=mipa_read,
                   graph_requests_per_iteration=1.0, bot_cpu_ms_per_turn=4.25),
        CellResult("mipa", "my day", 16, turns=100, turns_per_s=30.0, graph_round_trips_per_iteration=3.0),
    ]
    add_ratios(cells)
    return cells


def test_checks_say_met_not_met_and_not_measured() -> None:
    processes = {"mipa": {"startup_s": 1.5, "rss_after_mb": 160.0, "conversations": 1000}}
    checks = evaluate(_cells(mipa_read=110.0), processes)
    status = {check.name: check.status for check in checks}
    assert status["calendar read at 16: turns/s over the echo bot's"] == "met"  # 2.2x
    assert status["calendar read at 16: turns/s over the bare Graph handler's"] == "met"  # 0.55x
    assert status["Graph requests per calendar read"] == "met"
    assert status["'my day' Graph round trips"] == "not met"
    assert status["start-up to the first /healthz answer"] == "met"
    assert status["RSS after 1000 conversations"] == "not met"
    slow = {c.name: c.status for c in evaluate(_cells(mipa_read=90.0), {})}
    assert slow["calendar read at 16: turns/s over the echo bot's"] == "not met"  # 1.8x
    assert slow["start-up to the first /healthz answer"] == "not measured"
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
