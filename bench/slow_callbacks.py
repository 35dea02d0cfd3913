"""Run a bot script (MIPA's app.py) under asyncio's debug mode, printing each callback that held the loop > 5 ms.

`python -m bench.slow_callbacks app.py`: the event loop runs in debug mode with `slow_callback_duration` at
`BENCH_SLOW_CALLBACK_MS` (default 5 ms), and every "Executing <handle> took N seconds" warning asyncio logs is
printed to stderr as one `slow-callback <ms> ms <handle>` line, which the benchmark counts. The loop is
asyncio's own (uvloop is kept out): uvloop has no slow-callback report, and the Python code a callback runs
is the same on both. Debug mode adds its own overhead, so this run is stricter than the measured ones.
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
import runpy
import sys
from pathlib import Path

__all__ = ["MARKER", "main"]

MARKER = "slow-callback "
ROOT = Path(__file__).resolve().parent.parent


class _DebugPolicy(asyncio.DefaultEventLoopPolicy):
    def __init__(self, threshold: float) -> None:
        super().__init__()
        self.threshold = threshold

    def new_event_loop(self) -> asyncio.AbstractEventLoop:
        loop = super().new_event_loop()
        loop.set_debug(True)
        loop.slow_callback_duration = self.threshold
        return loop


class _Report(logging.Handler):
    """asyncio's slow-callback warnings, one marked line each (the handle's repr, never message text)."""

    def emit(self, record: logging.LogRecord) -> None:
        if not str(record.msg).startswith("Executing") or not isinstance(record.args, tuple) or len(record.args) != 2:
            return
        handle, seconds = record.args
        if not isinstance(seconds, (int, float)):
            return
        print(f"{MARKER}{seconds * 1000:.1f} ms {_where(handle)}", file=sys.stderr, flush=True)


def _where(handle: object) -> str:
    """For a task's step: the await it stopped at (innermost frames of this project), else the handle's repr."""
    text = str(handle)
    match = re.search(r"<Task \w+ name='([^']+)'", text)
    tasks = {t.get_name(): t for t in asyncio.all_tasks()} if match else {}
    task = tasks.get(match.group(1)) if match else None
    if task is not None:
        frames = [f"{Path(f.f_code.co_filename).name}:{f.f_lineno} {f.f_code.co_name}"
                  for f in task.get_stack() if str(ROOT) in f.f_code.co_filename and ".venv" not in f.f_code.co_filename]
        if frames:
            return "task stopped at " + " < ".join(reversed(frames[-3:]))
    return text[:300]


def main(argv: list[str]) -> None:
    if len(argv) != 1:
        raise SystemExit("usage: python -m bench.slow_callbacks SCRIPT")
    threshold = float(os.environ.get("BENCH_SLOW_CALLBACK_MS", "5")) / 1000
    sys.modules["uvloop"] = None  # type: ignore[assignment]  # `import uvloop` fails: app.py uses asyncio.run
    asyncio.set_event_loop_policy(_DebugPolicy(threshold))
    logging.getLogger("asyncio").addHandler(_Report())
    sys.argv = [argv[0]]
    runpy.run_path(argv[0], run_name="__main__")


if __name__ == "__main__":
    main(sys.argv[1:])
