"""`python app.py` (app.serve): once the recognizer is warm, the start-up objects are frozen out of the collector's
reach, so that a full garbage collection during a turn does not walk them (issue 25: no callback over 5 ms)."""

from __future__ import annotations

import pickle
import platform
import re
import select
import subprocess
import time
from datetime import UTC, datetime, timedelta
from typing import Any

import babel.core
import babel.localedata
import httpx
import isodate.isodates
import isodate.isotime
import pytest
from babel import Locale
from babel import dates as babel_dates
from msrest.pipeline.universal import UserAgentPolicy
from msrest.serialization import Deserializer

from app import GC_THRESHOLDS, WARM_LINE, warm_formatting, warm_sdk
from devkit import MipaProcess
from language.formatting import format_datetime, format_time


def _next_line(bot: MipaProcess, timeout: float) -> str:
    """The next line the app prints on stdout, or "" when none comes within `timeout` seconds."""
    assert bot.process is not None and bot.process.stdout is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([bot.process.stdout], [], [], 0.2)
        if ready:
            return bot.process.stdout.readline().decode(errors="replace")
        if bot.process.poll() is not None:
            return ""
    return ""


def test_start_up_objects_are_frozen_once_the_recognizer_is_warm(sandbox_url: str) -> None:
    bot = MipaProcess(name="mipa-serve", settings={"SANDBOX_URL": sandbox_url, "LOG_LEVEL": "DEBUG"})
    url = bot.start()  # the first line: "MIPA listening on ..."
    try:
        line = _next_line(bot, timeout=120)
        assert line.strip() == WARM_LINE, (line, bot.logs()[-2000:])
        frozen = re.search(r"mipa (\d+) start-up objects frozen, collector thresholds (\(.*?\))", bot.logs())
        assert frozen is not None, bot.logs()[-2000:]  # counted only at DEBUG
        assert frozen.group(2) == str(GC_THRESHOLDS)
        # The modules, the intent model and Recognizers-Text's models: tens of thousands of objects at least.
        assert int(frozen.group(1)) > 10_000
        assert httpx.get(f"{url}/healthz", timeout=10).json() == {"status": "ok"}  # still serving after the freeze
    finally:
        bot.stop()


def test_after_the_warm_up_formatting_reads_no_locale_data(monkeypatch: pytest.MonkeyPatch) -> None:
    """`app.warm_formatting` (run by `serve` in its worker thread) loads Babel's data for the replies' and cards'
    locales: a first English or French turn then reads nothing from disk on the event loop."""
    monkeypatch.setattr(babel.localedata, "_cache", {})  # as in a fresh process (other tests loaded some already)
    monkeypatch.setattr(babel.core, "_global_data", None)
    warm_formatting()
    loads: list[object] = []

    class Counting:
        @staticmethod
        def load(*args: Any, **kwargs: Any) -> Any:
            loads.append(args)
            return pickle.load(*args, **kwargs)

    monkeypatch.setattr(babel.localedata, "pickle", Counting)
    monkeypatch.setattr(babel.core, "pickle", Counting)
    moment = datetime(2027, 3, 28, 0, 30, tzinfo=UTC)
    for lang, babel_name in (("en", "en_US"), ("fr", "fr_FR")):
        assert format_datetime(moment, lang, "America/Montreal") and format_time(moment, lang, "Asia/Tokyo")
        assert Locale.parse(babel_name).plural_form(1) == "one"
        assert babel_dates.get_day_names("wide", locale=babel_name)[0] in ("Monday", "lundi")
    assert loads == []
    assert Locale.parse("de").plural_form(2) and loads  # a locale nobody warmed is read from disk: the counter sees it


def test_after_the_warm_up_the_sdk_libraries_start_no_process_and_compile_no_pattern(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """`app.warm_sdk`: msrest's user agent (each connector or token client) and its timestamp reader do their one-time
    work (a `uname -p` child process, isodate's regular expressions) at start-up, not on a first turn's event loop."""
    monkeypatch.setattr(platform, "_uname_cache", None)  # as in a fresh process
    monkeypatch.setattr(platform, "_platform_cache", {})
    monkeypatch.setattr(isodate.isodates, "DATE_REGEX_CACHE", {})
    monkeypatch.setattr(isodate.isotime, "TIME_REGEX_CACHE", [])
    warm_sdk()
    started: list[object] = []
    compiled: list[str] = []
    real_compile = re.compile
    monkeypatch.setattr(subprocess, "check_output", lambda *a, **k: started.append(a) or b"")
    monkeypatch.setattr(re, "compile", lambda pattern, *a: compiled.append(pattern) or real_compile(pattern, *a))
    assert "msrest/" in UserAgentPolicy().user_agent
    stamp = Deserializer.deserialize_iso("2026-12-06T08:23:11.1234567-05:00")
    assert stamp.utcoffset() == timedelta(hours=-5) and stamp.microsecond == 123456
    assert started == [] and compiled == []
    monkeypatch.setattr(platform, "_uname_cache", None)  # what the warm-up spares: the counters see it
    monkeypatch.setattr(platform, "_platform_cache", {})
    monkeypatch.setattr(isodate.isotime, "TIME_REGEX_CACHE", [])
    UserAgentPolicy()
    Deserializer.deserialize_iso("2026-12-06T08:23:11Z")
    assert compiled
