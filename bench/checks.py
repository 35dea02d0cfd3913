"""MIPA's performance targets (issue 25, and issue 13's Graph-call counts) checked against one run's figures: met, not met or not measured."""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

from bench.report import CellResult

__all__ = ["Check", "evaluate", "render_checks"]

MIPA = "mipa"
CONCURRENCY = 16


@dataclass(frozen=True, slots=True)
class Check:
    """One target: what is compared, the figure measured (None when the run did not measure it)."""

    name: str
    comparison: str  # ">=", "<=" or "=="
    threshold: float
    value: float | None
    unit: str = ""

    @property
    def status(self) -> str:
        if self.value is None:
            return "not measured"
        compare: Callable[[float, float], bool] = {
            ">=": operator.ge, "<=": operator.le, "==": operator.eq,
        }[self.comparison]
        return "met" if compare(round(self.value, 6), self.threshold) else "not met"

    def as_json(self) -> dict[str, Any]:
        return {**asdict(self), "status": self.status}


def _cell(cells: Sequence[CellResult], scenario: str, concurrency: int | None = None, target: str = MIPA,
          *, latency: bool = False) -> CellResult | None:
    for cell in cells:
        if cell.target != target or not cell.available or not cell.turns_per_s:
            continue
        base, _, rest = cell.scenario.partition(" @")
        if base == scenario and bool(rest) == latency and (concurrency is None or cell.concurrency == concurrency):
            return cell
    return None


def turns(cell: CellResult | None) -> float | None:
    return cell.turns_per_s if cell else None


def _ratio(numerator: float | None, denominator: float | None) -> float | None:
    return numerator / denominator if numerator is not None and denominator else None


def evaluate(cells: Sequence[CellResult], processes: Mapping[str, Mapping[str, Any]]) -> list[Check]:
    """Issue 25's targets (and issue 13's Graph-call counts), from the cells and process figures of one run."""
    read16 = _cell(cells, "calendar read", CONCURRENCY)
    day16 = _cell(cells, "my day", CONCURRENCY)
    read_any = _cell(cells, "calendar read")
    my_day = _cell(cells, "my day")
    agents = _cell(cells, "echo", CONCURRENCY, "agents-sdk")
    teams = _cell(cells, "echo", CONCURRENCY, "teams-sdk")
    bare16 = _cell(cells, "calendar read", CONCURRENCY, "bare-graph")
    slow_read = _cell(cells, "calendar read", latency=True)
    slow_day = _cell(cells, "my day", latency=True)
    slow_bare = _cell(cells, "calendar read", target="bare-graph", latency=True)
    conc = slow_read.concurrency if slow_read else "N"
    mipa = processes.get(MIPA, {})
    conversations = mipa.get("conversations")
    debug = processes.get("mipa-asyncio-debug", {}).get("slow_callbacks", {})
    timed = processes.get("mipa-callback-timing", {}).get("slow_callbacks", {})
    return [
        Check(f"calendar read at {CONCURRENCY}: turns/s over the Agents SDK echo's", ">=", 1.0,
              _ratio(turns(read16), turns(agents)), "x"),
        Check(f"calendar read at {CONCURRENCY}: turns/s over the bare Graph handler's", ">=", 0.4,
              _ratio(turns(read16), turns(bare16)), "x"),
        Check(f"'my day' at {CONCURRENCY}: turns/s over the Teams SDK echo's", ">=", 1.0,
              _ratio(turns(day16), turns(teams)), "x"),
        Check("callbacks over 5 ms (asyncio debug run, after start-up)", "==", 0.0,
              float(debug["count"]) if debug.get("available") else None),
        Check("callbacks over 5 ms (each callback timed, normal mode, after start-up)", "==", 0.0,
              float(timed["count"]) if timed.get("available") else None),
        Check(f"latency, {conc} conversations: calendar read p95 over the bare handler's", "<=", 1.25,
              _ratio(slow_read.p95_ms if slow_read else None, slow_bare.p95_ms if slow_bare else None), "x"),
        Check(f"latency, {conc} conversations: 'my day' p50", "<=", 500.0,
              slow_day.p50_ms if slow_day else None, " ms"),
        Check("start-up to the first /healthz answer", "<=", 1.0, mipa.get("startup_s"), " s"),
        Check(f"RSS after {conversations or 'N'} conversations", "<=", 150.0, mipa.get("rss_after_mb"), " MB"),
        Check("Graph requests per calendar read", "==", 1.0,
              read_any.graph_requests_per_iteration if read_any else None),
        Check("'my day' Graph round trips", "<=", 2.0,
              my_day.graph_round_trips_per_iteration if my_day else None),
    ]


def render_checks(checks: Sequence[Check]) -> str:
    """The targets as a small Markdown table."""
    lines = ["| target (MIPA) | wanted | measured | |", "|---|---|---|---|"]
    for check in checks:
        value = "-" if check.value is None else f"{check.value:.2f}{check.unit}"
        wanted = f"{check.comparison} {check.threshold:g}{check.unit}"
        lines.append(f"| {check.name} | {wanted} | {value} | {check.status} |")
    return "\n".join(lines)


