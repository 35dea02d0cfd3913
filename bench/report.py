"""Turning raw cell results into figures, one printed table and a JSON file."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["CellResult", "percentile", "render_extras", "render_table", "summarise_cell", "write_json"]

ECHO = "echo-bot"
BARE_GRAPH = "bare-graph"


def percentile(sorted_values: Sequence[float], fraction: float) -> float | None:
    """Linear-interpolated percentile of already sorted values (None for no values)."""
    if not sorted_values:
        return None
    position = (len(sorted_values) - 1) * fraction
    low = math.floor(position)
    high = min(low + 1, len(sorted_values) - 1)
    return sorted_values[low] + (sorted_values[high] - sorted_values[low]) * (position - low)


@dataclass(slots=True)
class CellResult:
    """One (target, scenario, concurrency) cell: figures, or why it is not available."""

    target: str
    scenario: str
    concurrency: int
    available: bool = True
    reason: str = ""
    turns: int = 0
    errors: int = 0
    error_kinds: dict[str, int] = field(default_factory=dict)
    turns_per_s: float | None = None
    p50_ms: float | None = None
    p95_ms: float | None = None
    p99_ms: float | None = None
    ratio_to_echo: float | None = None
    ratio_to_bare_graph: float | None = None
    iterations: int = 0
    graph_requests: int | None = None
    graph_requests_per_iteration: float | None = None
    graph_round_trips_per_iteration: float | None = None
    graph_paths: dict[str, int] = field(default_factory=dict)
    loadgen_cpu_pct: float | None = None
    bot_cpu_ms_per_turn: float | None = None  # the bot process's CPU time over every turn of the cell
    sandbox_cpu_ms_per_turn: float | None = None  # the sandbox's (Graph's) CPU time over every turn of the cell
    reply_shapes: list[list[dict[str, Any]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def summarise_cell(target: str, scenario: str, concurrency: int, raw: dict[str, Any]) -> CellResult:
    """Figures from the load generator's answer for one cell."""
    latencies = sorted(raw["latencies_ms"])
    errors = sum(raw["errors"].values())
    window = raw["window_s"]
    return CellResult(
        target=target,
        scenario=scenario,
        concurrency=concurrency,
        turns=len(latencies),
        errors=errors,
        error_kinds=dict(raw["errors"]),
        turns_per_s=(len(latencies) / window) if window > 0 else None,
        p50_ms=percentile(latencies, 0.50),
        p95_ms=percentile(latencies, 0.95),
        p99_ms=percentile(latencies, 0.99),
        iterations=raw["iterations_total"],
        loadgen_cpu_pct=100 * raw["loadgen_cpu_s"] / raw["wall_s"] if raw["wall_s"] > 0 else None,
    )


def add_ratios(cells: list[CellResult]) -> None:
    """Each cell's turns/s over the echo bot's and the bare Graph handler's at the same concurrency."""
    reference: dict[tuple[str, int], float] = {}
    for cell in cells:
        if cell.target in (ECHO, BARE_GRAPH) and cell.turns_per_s:
            reference[(cell.target, cell.concurrency)] = cell.turns_per_s
    for cell in cells:
        if not cell.turns_per_s:
            continue
        echo = reference.get((ECHO, cell.concurrency))
        graph = reference.get((BARE_GRAPH, cell.concurrency))
        cell.ratio_to_echo = cell.turns_per_s / echo if echo else None
        cell.ratio_to_bare_graph = cell.turns_per_s / graph if graph else None


def _fmt(value: float | None, digits: int = 1, suffix: str = "") -> str:
    return "-" if value is None else f"{value:.{digits}f}{suffix}"


def render_table(cells: Sequence[CellResult]) -> str:
    """The benchmark table as aligned plain text (also valid as a Markdown table)."""
    header = (
        "target", "scenario", "conc", "turns", "turns/s", "p50 ms", "p95 ms", "p99 ms",
        "errors", "x echo", "x bare-graph", "graph req/it", "round trips/it", "bot cpu ms/turn", "sandbox cpu ms/turn",
        "loadgen cpu",
    )
    rows: list[tuple[str, ...]] = []
    for cell in cells:
        if not cell.available:
            rows.append((cell.target, cell.scenario, str(cell.concurrency), "not available: " + cell.reason,
                         "", "", "", "", "", "", "", "", "", "", "", ""))
            continue
        rows.append((
            cell.target,
            cell.scenario,
            str(cell.concurrency),
            str(cell.turns),
            _fmt(cell.turns_per_s),
            _fmt(cell.p50_ms, 2),
            _fmt(cell.p95_ms, 2),
            _fmt(cell.p99_ms, 2),
            str(cell.errors),
            _fmt(cell.ratio_to_echo, 2, "x"),
            _fmt(cell.ratio_to_bare_graph, 2, "x"),
            _fmt(cell.graph_requests_per_iteration, 2),
            _fmt(cell.graph_round_trips_per_iteration, 2),
            _fmt(cell.bot_cpu_ms_per_turn, 1),
            _fmt(cell.sandbox_cpu_ms_per_turn, 1),
            _fmt(cell.loadgen_cpu_pct, 0, "%"),
        ))
    widths = [
        max([len(header[i])] + [len(row[i]) for row in rows if i < 3 or not row[3].startswith("not available")])
        for i in range(len(header))
    ]

    def line(values: Sequence[str]) -> str:
        if values[4] == "" and values[3].startswith("not available"):
            head = " | ".join(v.ljust(widths[i]) for i, v in enumerate(values[:3]))
            return f"| {head} | {values[3]} |"
        return "| " + " | ".join(
            v.ljust(widths[i]) if i < 2 else v.rjust(widths[i]) for i, v in enumerate(values)
        ) + " |"

    out = [line(header), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out.extend(line(row) for row in rows)
    for cell in cells:
        for note in cell.notes:
            out.append(f"note: {cell.target} / {cell.scenario} / {cell.concurrency}: {note}")
    for cell in cells:
        if cell.error_kinds:
            kinds = ", ".join(f"{kind} x{count}" for kind, count in sorted(cell.error_kinds.items()))
            out.append(f"errors: {cell.target} / {cell.scenario} / {cell.concurrency}: {kinds}")
    return "\n".join(out)


def render_extras(processes: dict[str, dict[str, Any]], sandbox_get: dict[str, Any], recognition: dict[str, Any]) -> str:
    lines = []
    for name, info in processes.items():
        parts = []
        if "startup_s" in info:
            parts.append(f"start-up to first /healthz answer {info['startup_s'] * 1000:.0f} ms"
                         f" (HTTP {info['startup_status']})")
        if "ready_s" in info:
            parts.append(f"ready line after {info['ready_s'] * 1000:.0f} ms")
        if info.get("rss_start_mb") is not None:
            parts.append(f"RSS at start {info['rss_start_mb']:.1f} MB")
        if info.get("rss_after_mb") is not None:
            parts.append(f"RSS after {info['conversations']} conversations {info['rss_after_mb']:.1f} MB"
                         f" ({info['conversation_errors']} errors)")
        slow = info.get("slow_callbacks") or {}
        if slow.get("available"):
            parts.append(f"{slow['count']} callbacks over 5 ms after start-up (longest {slow['max_ms']:.1f} ms),"
                         f" {slow.get('cpu_count', 0)} of them with over 5 ms of the loop thread's own CPU"
                         f" (longest {slow.get('cpu_max_ms', 0.0):.1f} ms)")
        lines.append(f"- {name}: " + ", ".join(parts))
    if sandbox_get.get("available"):
        server = sandbox_get["server_median_ms"]
        lines.append(
            f"- sandbox GET /v1.0/me median: {sandbox_get['client_median_ms']:.2f} ms round trip"
            f" (load generator, {sandbox_get['requests']} sequential)"
            + (f", {server:.2f} ms in the sandbox (its request log)" if server is not None else "")
        )
    else:
        lines.append(f"- sandbox GET /v1.0/me: not available ({sandbox_get.get('reason')})")
    lines.extend(render_recognition(recognition))
    return "\n".join(lines)


def render_recognition(recognition: dict[str, Any]) -> list[str]:
    """The recognition lines of the report (also printed alone by `python -m bench.recognition`)."""
    if not recognition.get("available"):
        return [f"- recognition: not available ({recognition.get('reason')})"]
    lines = [
        f"- recognition median {recognition['median_ms']:.2f} ms per utterance"
        f" (p95 {recognition['p95_ms']:.2f} ms, {recognition['utterances']} test-set utterances, in-process);"
        f" longest event-loop stall while recognising in a worker thread {recognition.get('loop_stall_max_ms', 0.0):.1f} ms"
        f" (p99 {recognition.get('loop_stall_p99_ms', 0.0):.1f} ms)"
    ]
    if "cpu_p95_ms" in recognition:
        load = recognition.get("load_average_1min")
        lines.append(
            f"- recognition CPU time (the thread's own, whatever else runs) median {recognition['cpu_median_ms']:.2f} ms,"
            f" p95 {recognition['cpu_p95_ms']:.2f} ms" + (f"; load average {load:.1f}" if load is not None else "")
        )
    for key, how in (("slow_callbacks_off_loop", "in a worker thread (as the bot does)"),
                     ("slow_callbacks_on_loop", "straight on the loop"),
                     ("slow_callbacks_idle", "nothing in a worker thread (the machine's own noise)")):
        slow = recognition.get(key)
        if slow:
            lines.append(
                f"- asyncio debug, slow_callback_duration 5 ms, recognising {how}: {slow['over_5ms']} callbacks"
                f" over 5 ms in {slow['utterances']} utterances (longest {slow['longest_ms']:.1f} ms)"
            )
    return lines


def write_json(path: Path, *, cells: Sequence[CellResult], extra: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    payload = {**extra, "cells": [asdict(cell) for cell in cells]}
    path.write_text(json.dumps(payload, indent=2, sort_keys=False) + "\n")
