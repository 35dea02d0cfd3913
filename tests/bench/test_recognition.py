"""`python -m bench.recognition` prints the recognition figures (median, p95) and asyncio's slow-callback counts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from bench.runner import recognition_in_child

ROOT = Path(__file__).resolve().parents[2]


def test_recognition_bench_prints_median_p95_and_slow_callbacks() -> None:
    # `make bench` reads them from the child's JSON (bench.runner.recognition_in_child), not in its own process.
    figures = recognition_in_child(12)
    assert figures["available"] is True and figures["utterances"] == 12
    assert 0 < figures["median_ms"] <= figures["p95_ms"] <= figures["max_ms"]
    assert 0 <= figures["cpu_median_ms"] <= figures["cpu_p95_ms"]
    for key in ("slow_callbacks_off_loop", "slow_callbacks_on_loop", "slow_callbacks_idle"):
        assert figures[key]["utterances"] == 12
        assert figures[key]["over_5ms"] >= 0
    assert figures["switch_interval_s"] == 0.001


def test_recognition_bench_prints_a_readable_summary() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "bench.recognition", "--sample", "6"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "recognition median" in completed.stdout and "p95" in completed.stdout
    assert "slow_callback_duration 5 ms" in completed.stdout
