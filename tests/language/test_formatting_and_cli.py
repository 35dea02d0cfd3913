"""Locale formatting with Babel, locale handling, and the two command-line tools run as real processes."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from language import (
    detect_locale,
    format_date,
    format_datetime,
    format_duration,
    format_relative,
    format_time,
    format_time_range,
    normalize_locale,
)

REPO = Path(__file__).resolve().parents[2]
UTC_3PM = datetime(2026, 12, 1, 14, 0, tzinfo=ZoneInfo("UTC"))


def test_datetime_in_both_locales_and_zone() -> None:
    assert format_datetime(UTC_3PM, "en-US", "Europe/Paris") == "Tue, Dec 1, 3:00 PM"
    assert format_datetime(UTC_3PM, "fr-FR", "Europe/Paris") == "mardi 1 décembre, 15:00"
    assert format_time(UTC_3PM, "en", "America/Los_Angeles") == "6:00 AM"
    assert format_date(UTC_3PM, "fr", "Europe/Paris") == "mardi 1 décembre"


def test_time_range() -> None:
    end = UTC_3PM + timedelta(hours=1)
    assert format_time_range(UTC_3PM, end, "fr", "Europe/Paris") == "mardi 1 décembre, 15:00 – 16:00"
    assert format_time_range(UTC_3PM, end, "en", "Europe/Paris") == "Tue, Dec 1, 3:00 PM – 4:00 PM"


def test_duration_and_relative() -> None:
    assert format_duration(timedelta(minutes=90), "en") == "1 hr 30 min"
    assert format_duration(timedelta(minutes=90), "fr") == "1 h 30 min"
    assert format_duration(timedelta(minutes=45), "fr") == "45 min"
    assert format_relative(timedelta(minutes=25), "en") == "in 25 minutes"
    assert format_relative(timedelta(minutes=25), "fr") == "dans 25 minutes"
    assert format_relative(timedelta(minutes=-25), "fr") == "il y a 25 minutes"


@pytest.mark.parametrize(("tag", "want"), [("en", "en"), ("en-US", "en"), ("fr", "fr"), ("fr-FR", "fr"),
                                           ("fr_CA", "fr"), ("de-DE", "en"), (None, "en")])
def test_normalize_locale(tag: str | None, want: str) -> None:
    assert normalize_locale(tag) == want


@pytest.mark.parametrize(("text", "want"), [("ajoute acheter du lait à mes courses", "fr"),
                                            ("what's left on the Q4 plan?", "en"),
                                            ("quelles sont mes réunions demain", "fr"),
                                            ("move my 3pm with Lucie to tomorrow", "en")])
def test_detect_locale(text: str, want: str) -> None:
    assert detect_locale(text) == want


def test_cli_prints_recognition_json() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "language", "ajoute acheter du lait à mes courses pour vendredi", "--locale", "fr-FR",
         "--now", "2026-09-01T09:00:00+02:00", "--tz", "Europe/Paris"],
        cwd=REPO, capture_output=True, text=True, check=True, timeout=60,
    )
    data = json.loads(out.stdout)
    assert data["intent"] == "todo.add" and data["locale"] == "fr"
    assert data["entities"]["title"] == "acheter du lait"
    assert data["entities"]["list_name"] == "courses"
    assert data["entities"]["start"] == "2026-09-04T00:00:00+02:00"


def test_evaluate_cli(tmp_path: Path) -> None:
    rows = [{"text": "add milk to my shopping list", "locale": "en-us", "intent": "todo.add"},
            {"text": "bonjour", "locale": "fr-fr", "intent": "general.greeting"},
            {"text": "forward this email to Tom", "locale": "en-us", "intent": None}]
    path = tmp_path / "mini.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "language.evaluate", str(path)], cwd=REPO, capture_output=True,
                         text=True, check=True, timeout=60).stdout
    assert "[en] in-scope accuracy 1.000 (1/1); out-of-scope -> write 0.000 (0/1)" in out
    assert "[fr] in-scope accuracy 1.000 (1/1)" in out
    assert "confusions" in out
