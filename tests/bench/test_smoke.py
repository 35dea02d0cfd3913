"""Smoke test: `python -m bench` runs one baseline for a few turns and writes its table and JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bench.report import percentile

ROOT = Path(__file__).resolve().parents[2]


def test_bench_runs_bare_reply_baseline_and_writes_table_and_json(tmp_path: Path) -> None:
    completed = subprocess.run(
        [
            sys.executable, "-m", "bench", "--targets", "bare-reply", "--concurrency", "1,4",
            "--duration", "0.3", "--warmup", "0.1", "--conversations", "0",
            "--recognition-sample", "0", "--sandbox-gets", "0", "--output-dir", str(tmp_path),
        ],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "| target" in completed.stdout and "turns/s" in completed.stdout
    assert "bare-reply" in completed.stdout
    [result] = tmp_path.glob("*.json")
    payload = json.loads(result.read_text())
    cells = payload["cells"]
    assert [(c["target"], c["scenario"], c["concurrency"]) for c in cells] == [
        ("bare-reply", "echo", 1), ("bare-reply", "echo", 4),
    ]
    for cell in cells:
        assert cell["available"] is True
        assert cell["errors"] == 0
        assert cell["turns"] > 0
        assert cell["turns_per_s"] > 0
        assert 0 < cell["p50_ms"] <= cell["p95_ms"] <= cell["p99_ms"]
        assert cell["bot_cpu_ms_per_turn"] > 0
    assert payload["processes"]["bare-reply"]["startup_status"] == 200
    assert payload["processes"]["bare-reply"]["rss_start_mb"] > 0
    assert "table" in payload and "recognition" in payload
    assert payload["checks"] == []  # MIPA's targets are checked only when MIPA ran


def test_percentile_interpolates() -> None:
    values = [1.0, 2.0, 3.0, 4.0, 5.0]
    assert percentile(values, 0.5) == 3.0
    assert percentile(values, 0.95) == 4.8
    assert percentile([], 0.5) is None


def test_bare_graph_baseline_makes_the_same_calendar_request_as_mipa() -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from bench.baselines.bare_graph import CALENDAR_SELECT, calendar_view_params
    from graph.calendar import EVENT_SELECT

    assert CALENDAR_SELECT == EVENT_SELECT
    zone = ZoneInfo("Europe/Paris")
    params = calendar_view_params(zone, datetime(2026, 3, 29, 12, 0, tzinfo=zone))
    assert params["startDateTime"] == "2026-03-29T00:00:00+01:00"
    assert params["endDateTime"] == "2026-03-30T00:00:00+02:00"  # a 23-hour day
    assert params["$select"] == EVENT_SELECT
