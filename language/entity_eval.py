"""Exact-match entity accuracy per locale on the held-out entity set (tests/language/data/entity_set.jsonl).

Each row gives a text, its locale, zone, a pinned `now`, the intent and the expected entities. A row is right
when every expected field equals what MIPA extracts for that intent (datetimes compared as instants,
durations in seconds, people in order), and when no `people` or `importance` was found where none was
expected (a spurious attendee or importance is a wrong write). The set was written for MIPA before the
extraction it measures was changed, and is not used to tune it: report it, do not fit it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from .models import Entities
from .recognizer import extract_entities

__all__ = ["EntityReport", "evaluate_entities", "load_rows", "print_report"]

_MUST_BE_ABSENT = ("people", "importance")


@dataclass
class EntityReport:
    """Rows and exact matches per locale, and the rows that missed with what was found."""

    total: Counter[str] = field(default_factory=Counter)
    correct: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = field(default_factory=list)

    def accuracy(self, locale: str) -> float:
        return self.correct[locale] / self.total[locale] if self.total[locale] else 0.0


def load_rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _found(entities: Entities, key: str) -> Any:
    value = getattr(entities, key)
    if isinstance(value, datetime):
        return value
    if key == "duration" and value is not None:
        return int(value.total_seconds())
    if isinstance(value, tuple):
        return list(value)
    return value


def _expected(key: str, value: Any) -> Any:
    if key in ("start", "end", "new_start") and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def _wrong_fields(entities: Entities, expected: dict[str, Any]) -> dict[str, Any]:
    wrong: dict[str, Any] = {}
    for key, value in expected.items():
        got = _found(entities, key)
        if got != _expected(key, value):
            wrong[key] = got.isoformat() if isinstance(got, datetime) else got
    for key in _MUST_BE_ABSENT:
        if key not in expected and getattr(entities, key):
            got = _found(entities, key)
            wrong[key] = got
    return wrong


def evaluate_entities(rows: Iterable[dict[str, Any]]) -> EntityReport:
    """Extract each row's entities for its (given) intent and count the exact matches per locale."""
    report = EntityReport()
    for row in rows:
        locale = str(row["locale"])
        now = datetime.fromisoformat(str(row["now"]))
        entities = extract_entities(str(row["text"]), locale, str(row["intent"]), now, str(row["tz"]))
        expected = dict(row.get("expected") or {})
        wrong = _wrong_fields(entities, expected)
        report.total[locale] += 1
        if wrong:
            report.misses.append((str(row.get("id", "")), str(row["text"]), expected, wrong))
        else:
            report.correct[locale] += 1
    return report


def print_report(report: EntityReport, *, misses: int = 0) -> None:
    for locale in sorted(report.total):
        print(f"[{locale}] entity exact match {report.accuracy(locale):.3f} "
              f"({report.correct[locale]}/{report.total[locale]})")
    for row_id, text, expected, wrong in report.misses[:misses]:
        print(f"  {row_id}: {text!r}\n    expected {expected}\n    got      {wrong}")


def main(path: Path, misses: int = 0) -> EntityReport:
    report = evaluate_entities(load_rows(path))
    print_report(report, misses=misses)
    return report


def default_set() -> Sequence[Path]:
    """The set in a checkout of the repository (tests are not shipped in a package)."""
    return [Path(__file__).resolve().parent.parent / "tests" / "language" / "data" / "entity_set.jsonl"]
