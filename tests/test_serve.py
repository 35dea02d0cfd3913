"""`python app.py` (app.serve): once the recognizer is warm, the start-up objects are frozen out of the collector's
reach, so that a full garbage collection during a turn does not walk them (issue 25: no callback over 5 ms)."""

from __future__ import annotations

import re
import select
import time

import httpx

from app import GC_THRESHOLDS, WARM_LINE
from devkit import MipaProcess


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
