"""Side measures: the sandbox admin API, Graph request-log counts and recognition time per utterance."""

from __future__ import annotations

import asyncio
import importlib
import json
import logging
import statistics
import sys
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import httpx

__all__ = ["SandboxAdmin", "graph_entries", "log_durations_ms", "path_counts", "recognition_times", "round_trips"]

logger = logging.getLogger(__name__)

CORPUS = Path(__file__).resolve().parent.parent / "language" / "data" / "corpus" / "va-utterances-dev.jsonl"
_TESTSETS = Path(__file__).resolve().parent.parent / "language" / "data" / "testsets"
TEST_SETS = (_TESTSETS / "mipa-test.jsonl", _TESTSETS / "mipa-out-of-scope.jsonl")
DURATION_KEYS = ("duration_ms", "durationMs", "elapsed_ms", "elapsedMs", "duration")


def _items(body: Any, *keys: str) -> list[dict[str, Any]]:
    if isinstance(body, list):
        return body
    for key in keys:
        if isinstance(body, dict) and isinstance(body.get(key), list):
            return list(body[key])
    return []


class SandboxAdmin:
    """The few admin calls the benchmark makes to `python -m sandbox` (`/_sandbox/...`)."""

    def __init__(self, *, base_url: str) -> None:
        self._client = httpx.Client(base_url=base_url.rstrip("/"), timeout=30.0)

    def close(self) -> None:
        self._client.close()

    def users(self) -> list[dict[str, Any]]:
        response = self._client.get("/_sandbox/users")
        response.raise_for_status()
        return _items(response.json(), "value", "users")

    def token(self, user: str) -> str:
        response = self._client.post("/_sandbox/tokens", json={"user": user})
        response.raise_for_status()
        return str(response.json()["access_token"])

    def reset(self) -> None:
        self._client.post("/_sandbox/reset").raise_for_status()

    def set_faults(self, faults: dict[str, Any]) -> None:
        self._client.put("/_sandbox/faults", json=faults).raise_for_status()

    def clear_faults(self) -> None:
        self._client.delete("/_sandbox/faults").raise_for_status()

    def clear_requests(self) -> None:
        self._client.delete("/_sandbox/requests").raise_for_status()

    def requests(self) -> list[dict[str, Any]]:
        response = self._client.get("/_sandbox/requests")
        response.raise_for_status()
        return _items(response.json(), "value", "requests")


def graph_entries(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Log entries for Graph calls (`/v1.0/...`), leaving out admin and token-service traffic."""
    out = []
    for entry in entries:
        path = str(entry.get("path") or urlsplit(str(entry.get("url", ""))).path)
        if "/v1.0/" in path or path.endswith("/v1.0"):
            out.append(entry)
    return out


def round_trips(entries: list[dict[str, Any]]) -> int:
    """HTTP round trips to Graph: log entries that are not requests inside a `$batch`."""
    return sum(1 for entry in entries if not entry.get("inBatch"))


def path_counts(entries: list[dict[str, Any]]) -> dict[str, int]:
    """`METHOD /path [in $batch]` (no query) -> count, for the JSON report."""
    counts: Counter[str] = Counter()
    for entry in entries:
        path = urlsplit(str(entry.get("path") or entry.get("url", ""))).path
        where = " (in $batch)" if entry.get("inBatch") else ""
        counts[f"{entry.get('method', '?')} {path}{where} -> {entry.get('status', '?')}"] += 1
    return dict(counts.most_common())


def log_durations_ms(entries: list[dict[str, Any]]) -> list[float]:
    """Server-side durations in milliseconds from the sandbox's own request log, where it records them."""
    out = []
    for entry in entries:
        for key in DURATION_KEYS:
            value = entry.get(key)
            if isinstance(value, int | float):
                out.append(float(value) * (1000.0 if key == "duration" and value < 5 else 1.0))
                break
    return out


def _sample(lines: list[dict[str, Any]], size: int) -> list[dict[str, Any]]:
    if size <= 0 or size >= len(lines):
        return lines
    step = len(lines) / size
    return [lines[int(i * step)] for i in range(size)]


def recognition_times(*, sample: int, corpus: Path = CORPUS) -> dict[str, Any]:
    """`language.recognize` time per utterance over an evenly spaced sample of `corpus` (by default MIPA's
    independent test sets, which the model never trained on), and the longest event-loop stall while the same
    utterances are recognised the way the bot does it: in a worker thread (`asyncio.to_thread`)."""
    try:
        language = importlib.import_module("language")
        recognize = language.recognize
    except (ImportError, AttributeError) as exc:
        return {"available": False, "reason": f"language.recognize not importable ({type(exc).__name__})"}
    paths = [corpus] if corpus != CORPUS else list(TEST_SETS)
    lines = [json.loads(line) for path in paths for line in path.read_text().splitlines() if line.strip()]
    chosen = _sample(lines, sample)
    zone = ZoneInfo("Europe/Paris")
    now = datetime.now(UTC).astimezone(zone)

    def call(text: str, locale: str) -> Any:
        return recognize(text, locale, now, "Europe/Paris")

    warm_up = getattr(importlib.import_module("language.recognizer"), "warm_up", None)
    if warm_up is not None:
        warm_up(("en", "fr"))  # as `app.serve` does at start-up, with French too: no model is built while timing
    call("tomorrow at 3pm", "en")  # the first calls load the recognizers' models
    call("quoi de prévu demain à 15h", "fr")
    _freeze_as_the_bot()
    times: list[float] = []
    cpu: list[float] = []  # the thread's CPU time: what the recognizer costs, whatever else the machine runs
    by_locale: dict[str, list[float]] = {}
    for item in chosen:
        start, start_cpu = time.perf_counter(), time.thread_time()
        call(item["text"], item["locale"])
        elapsed = (time.perf_counter() - start) * 1000
        cpu.append((time.thread_time() - start_cpu) * 1000)
        times.append(elapsed)
        by_locale.setdefault(item["locale"].split("-")[0], []).append(elapsed)
    times.sort()
    cpu.sort()
    # Again with a new `now` (no cache hit), off the loop, while a ticker measures how late the loop runs, with the
    # bot's GIL switch interval (app.SWITCH_INTERVAL_S).
    switch = sys.getswitchinterval()
    sys.setswitchinterval(_bot_switch_interval())
    try:
        stalls = asyncio.run(_loop_stalls([(item["text"], item["locale"]) for item in chosen], recognize))
        # Again with asyncio's own check: debug mode, a callback over 5 ms is logged ("Executing ... took"). Once
        # the way the bot recognises a turn (a worker thread), once straight on the loop (as a dialog's prompt does),
        # once with a recognizer that does nothing: what the loaded machine alone costs.
        items = [(item["text"], item["locale"]) for item in chosen]
        slow_thread = _slow_callbacks(items, recognize, off_loop=True)
        slow_inline = _slow_callbacks(items, recognize, off_loop=False)
        slow_idle = _slow_callbacks(items, _nothing, off_loop=True)
    finally:
        sys.setswitchinterval(switch)
    return {
        "available": True,
        "utterances": len(times),
        "median_ms": statistics.median(times),
        "p95_ms": times[int(0.95 * (len(times) - 1))],
        "p99_ms": times[int(0.99 * (len(times) - 1))],
        "max_ms": times[-1],
        "cpu_median_ms": statistics.median(cpu),
        "cpu_p95_ms": cpu[int(0.95 * (len(cpu) - 1))],
        "load_average_1min": _load_average(),
        "median_ms_by_locale": {k: statistics.median(v) for k, v in sorted(by_locale.items())},
        "loop_stall_p99_ms": stalls[int(0.99 * (len(stalls) - 1))] if stalls else 0.0,
        "loop_stall_max_ms": stalls[-1] if stalls else 0.0,
        "slow_callbacks_off_loop": slow_thread,
        "slow_callbacks_on_loop": slow_inline,
        "slow_callbacks_idle": slow_idle,
        "switch_interval_s": _bot_switch_interval(),
        "how": "in-process, time.perf_counter around language.recognize(text, locale, now, tz); loop stalls: "
               "lateness of a 1 ms asyncio.sleep ticker while each utterance runs in asyncio.to_thread; slow "
               "callbacks: asyncio debug mode with loop.slow_callback_duration = 0.005",
    }


SLOW_CALLBACK_S = 0.005


def _freeze_as_the_bot() -> None:
    """What `app.serve` does once warm (`app.freeze_start_up`): the start-up objects (modules, the recognizers'
    models) go to the collector's permanent generation, with the bot's thresholds. Without it, a full collection of
    this process's ~400,000 start-up objects (40-80 ms) landed inside an event-loop check and was counted against
    the recognizer, a pause the bot never has."""
    import gc

    try:
        importlib.import_module("app").freeze_start_up()
    except (ImportError, AttributeError):
        gc.freeze()


def _bot_switch_interval() -> float:
    try:
        return float(importlib.import_module("app").SWITCH_INTERVAL_S)
    except (ImportError, AttributeError):
        return sys.getswitchinterval()


def _load_average() -> float | None:
    try:
        with open("/proc/loadavg", encoding="ascii") as f:
            return float(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _nothing(*_: Any) -> None:
    return None


class _SlowCallbacks(logging.Handler):
    """Collects the durations asyncio's debug mode logs for callbacks over `slow_callback_duration`."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.durations_ms: list[float] = []

    def emit(self, record: logging.LogRecord) -> None:
        args = record.args
        if record.msg == "Executing %s took %.3f seconds" and isinstance(args, tuple) and len(args) == 2:
            took = args[1]
            if isinstance(took, int | float):
                self.durations_ms.append(float(took) * 1000)


def _slow_callbacks(items: list[tuple[str, str]], recognize: Any, *, off_loop: bool) -> dict[str, Any]:
    """Callbacks asyncio's debug mode finds over 5 ms while `items` are recognised with a new `now` (no cache hit)."""
    handler = _SlowCallbacks()
    asyncio_logger = logging.getLogger("asyncio")
    asyncio_logger.addHandler(handler)
    level, propagate = asyncio_logger.level, asyncio_logger.propagate
    asyncio_logger.setLevel(logging.WARNING)
    asyncio_logger.propagate = False  # counted here, not printed
    minutes = 2 if off_loop else 3

    async def run() -> int:
        loop = asyncio.get_running_loop()
        loop.slow_callback_duration = SLOW_CALLBACK_S
        later = datetime.now(UTC).astimezone(ZoneInfo("Europe/Paris")) + timedelta(minutes=minutes)
        for text, locale in items:
            if off_loop:
                await asyncio.to_thread(recognize, text, locale, later, "Europe/Paris")
            else:
                recognize(text, locale, later, "Europe/Paris")
                await asyncio.sleep(0)
        return len(items)

    try:
        count = asyncio.run(run(), debug=True)
    finally:
        asyncio_logger.removeHandler(handler)
        asyncio_logger.setLevel(level)
        asyncio_logger.propagate = propagate
    worst = sorted(handler.durations_ms)
    return {"utterances": count, "over_5ms": len(worst), "longest_ms": worst[-1] if worst else 0.0}


async def _loop_stalls(items: list[tuple[str, str]], recognize: Any) -> list[float]:
    late: list[float] = []
    done = False

    async def ticker() -> None:
        while not done:
            start = time.perf_counter()
            await asyncio.sleep(0.001)
            late.append(max(0.0, (time.perf_counter() - start - 0.001) * 1000))

    task = asyncio.create_task(ticker())
    later = datetime.now(UTC).astimezone(ZoneInfo("Europe/Paris")) + timedelta(minutes=1)
    for text, locale in items:
        await asyncio.to_thread(recognize, text, locale, later, "Europe/Paris")
    done = True
    await task
    return sorted(late)
