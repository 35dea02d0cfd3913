"""Run a bot script (MIPA's app.py) printing each event-loop callback that held the loop > 5 ms.

`python -m bench.slow_callbacks [--timed] app.py`: by default the event loop runs in asyncio's debug mode with
`slow_callback_duration` at `BENCH_SLOW_CALLBACK_MS` (default 5 ms), and every "Executing <handle> took N
seconds" warning asyncio logs is printed to stderr as one `slow-callback <ms> ms <where>` line, which the
benchmark counts. Debug mode also records a stack for every handle, future and coroutine it creates, which
makes each callback about three times longer, so `--timed` measures the same thing (the time of each
`Handle._run`, exactly what debug mode times) on a loop in normal mode. The loop is asyncio's own either way
(uvloop is kept out): uvloop has no slow-callback report, and the Python code a callback runs is the same.
For a task's step, <where> is the await the task stopped at: the end of the segment that was too long. Each line
ends with what the callback's time was spent on: `[cpu N ms]`, the loop thread's own CPU time (the rest of the wall
time went to another thread holding the GIL, or to other processes on the machine), and `[gc N ms genG]` when the
garbage collector ran during it (in either mode). The CPU figure tells a callback that is long from one that waited
for the machine: on a shared machine the wall-time count moves with the load, the CPU count much less.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import re
import runpy
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Any

__all__ = ["MARKER", "main"]

MARKER = "slow-callback "
ROOT = Path(__file__).resolve().parent.parent


class _GcTimes:
    """Garbage collections as they end: (perf_counter at the end, seconds, generation), the last few hundred."""

    def __init__(self) -> None:
        self.started = 0.0
        self.done: list[tuple[float, float, int]] = []

    def __call__(self, phase: str, info: dict[str, Any]) -> None:
        now = time.perf_counter()
        if phase == "start":
            self.started = now
            return
        self.done.append((now, now - self.started, int(info.get("generation", 0))))
        if len(self.done) > 512:
            del self.done[:256]

    def since(self, started: float) -> str:
        """` [gc N ms genG]` for the collections that ended after `started` (the highest generation), or ""."""
        spent = [(seconds, generation) for ended, seconds, generation in self.done if ended >= started]
        if not spent:
            return ""
        return f" [gc {sum(s for s, _ in spent) * 1000:.1f} ms gen{max(g for _, g in spent)}]"


_GC = _GcTimes()


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
        gc_note = _GC.since(time.perf_counter() - seconds)
        cpu = f" [cpu {_LAST_CPU[0] * 1000:.1f} ms]"  # asyncio logs right after the handle's run
        print(f"{MARKER}{seconds * 1000:.1f} ms {_where(handle)}{cpu}{gc_note}", file=sys.stderr, flush=True)


#: The loop thread's CPU seconds in the last `Handle._run` (debug mode logs a slow one right after its run).
_LAST_CPU: list[float] = [0.0]


def _count_handle_cpu() -> None:
    """Record the loop thread's CPU time of each `Handle._run` for `_Report` (debug mode times only the wall clock)."""
    run = asyncio.events.Handle._run

    def counted(handle: asyncio.Handle) -> None:
        cpu = time.thread_time()
        try:
            run(handle)
        finally:
            _LAST_CPU[0] = time.thread_time() - cpu

    setattr(asyncio.events.Handle, "_run", counted)  # noqa: B010 - a method replaced for the whole process


def _await_chain(task: asyncio.Task[Any]) -> list[FrameType]:
    """The frames of the coroutines the task is suspended in, outermost first (Task.get_stack stops at the first)."""
    frames: list[FrameType] = []
    coro: Any = task.get_coro()
    while coro is not None and len(frames) < 100:
        frame = getattr(coro, "cr_frame", None) or getattr(coro, "gi_frame", None)
        if frame is not None:
            frames.append(frame)
        coro = getattr(coro, "cr_await", None) or getattr(coro, "gi_yieldfrom", None)
    return frames


def _where(handle: object) -> str:
    """For a task's step: the await it stopped at (innermost frames of this project), else the handle's repr."""
    text = str(handle)
    match = re.search(r"<Task \w+ name='([^']+)'", text)
    tasks = {t.get_name(): t for t in asyncio.all_tasks()} if match else {}
    task = tasks.get(match.group(1)) if match else None
    callback = getattr(handle, "_callback", None)
    owner = getattr(callback, "__self__", None)  # Task.task_wakeup in normal mode
    if task is None and isinstance(owner, asyncio.Task):
        task = owner
    if task is None and callback is not None:  # the C task's step wrapper refers to its task
        task = next((r for r in gc.get_referents(callback) if isinstance(r, asyncio.Task)), None)
    if task is not None:
        frames = [f"{Path(f.f_code.co_filename).name}:{f.f_lineno} {f.f_code.co_name}"
                  for f in _await_chain(task) if str(ROOT) in f.f_code.co_filename and ".venv" not in f.f_code.co_filename]
        if frames:
            return "task stopped at " + " < ".join(reversed(frames[-3:]))
        return repr(task)[:300]
    return text[:300]


def _time_handles(threshold: float) -> None:
    """Time every `Handle._run` (timer handles included) as debug mode does, without debug mode."""
    run = asyncio.events.Handle._run

    def timed(handle: asyncio.Handle) -> None:
        cpu = time.thread_time()
        started = time.perf_counter()
        run(handle)
        seconds = time.perf_counter() - started
        if seconds >= threshold:
            cpu = time.thread_time() - cpu
            print(f"{MARKER}{seconds * 1000:.1f} ms {_where(handle)} [cpu {cpu * 1000:.1f} ms]{_GC.since(started)}",
                  file=sys.stderr, flush=True)

    setattr(asyncio.events.Handle, "_run", timed)  # noqa: B010 - a method replaced for the whole process


def main(argv: list[str]) -> None:
    timed = argv[:1] == ["--timed"]
    argv = argv[1:] if timed else argv
    if len(argv) != 1:
        raise SystemExit("usage: python -m bench.slow_callbacks [--timed] SCRIPT")
    threshold = float(os.environ.get("BENCH_SLOW_CALLBACK_MS", "5")) / 1000
    sys.modules["uvloop"] = None  # type: ignore[assignment]  # `import uvloop` fails: app.py uses asyncio.run
    gc.callbacks.append(_GC)
    if timed:
        _time_handles(threshold)
    else:
        asyncio.set_event_loop_policy(_DebugPolicy(threshold))
        _count_handle_cpu()
        logging.getLogger("asyncio").addHandler(_Report())
    sys.argv = [argv[0]]
    runpy.run_path(argv[0], run_name="__main__")


if __name__ == "__main__":
    main(sys.argv[1:])
