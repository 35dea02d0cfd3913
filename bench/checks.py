"""MIPA's performance targets (issue 13) checked against one run's figures: met, not met or not measured."""

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


def _cell(cells: Sequence[CellResult], scenario: str, concurrency: int | None = None) -> CellResult | None:
    for cell in cells:
        if cell.target == MIPA and cell.scenario == scenario and cell.available and cell.turns_per_s:
            if concurrency is None or cell.concurrency == concurrency:
                return cell
    return None


def evaluate(cells: Sequence[CellResult], processes: Mapping[str, Mapping[str, Any]]) -> list[Check]:
    """The six targets, from the cells and the process figures of one run."""
    read16 = _cell(cells, "calendar read", CONCURRENCY)
    read_any = _cell(cells, "calendar read")
    my_day = _cell(cells, "my day")
    mipa = processes.get(MIPA, {})
    conversations = mipa.get("conversations")
    return [
        Check(f"calendar read at {CONCURRENCY}: turns/s over the echo bot's", ">=", 2.0,
              read16.ratio_to_echo if read16 else None, "x"),
        Check(f"calendar read at {CONCURRENCY}: turns/s over the bare Graph handler's", ">=", 0.25,
              read16.ratio_to_bare_graph if read16 else None, "x"),
        Check("Graph requests per calendar read", "==", 1.0,
              read_any.graph_requests_per_iteration if read_any else None),
        Check("'my day' Graph round trips", "<=", 2.0,
              my_day.graph_round_trips_per_iteration if my_day else None),
        Check("start-up to the first /healthz answer", "<=", 2.0, mipa.get("startup_s"), " s"),
        Check(f"RSS after {conversations or 'N'} conversations", "<=", 150.0, mipa.get("rss_after_mb"), " MB"),
    ]


def render_checks(checks: Sequence[Check]) -> str:
    """The targets as a small Markdown table."""
    lines = ["| target (MIPA) | wanted | measured | |", "|---|---|---|---|"]
    for check in checks:
        value = "-" if check.value is None else f"{check.value:.2f}{check.unit}"
        wanted = f"{check.comparison} {check.threshold:g}{check.unit}"
        lines.append(f"| {check.name} | {wanted} | {value} | {check.status} |")
    return "\n".join(lines)


