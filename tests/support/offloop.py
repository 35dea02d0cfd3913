"""A guard for tests: records each time the bot runs Recognizers-Text (the date reader, 15-60 ms a sentence) on the
event loop instead of in a worker thread (issue 18: nothing holds the loop that long)."""

from __future__ import annotations

import asyncio
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import language.dates

ROOT = Path(__file__).resolve().parents[2]
#: Where the bot's code lives: a date reading made on the loop from a test's own code is the test's business.
BOT_CODE = tuple(str(ROOT / folder) + "/" for folder in ("bots", "dialogs", "notify")) + (str(ROOT / "app.py"),)


def _bot_frames() -> list[str]:
    return [f"{Path(frame.filename).relative_to(ROOT)}:{frame.lineno} {frame.name}"
            for frame in traceback.extract_stack() if frame.filename.startswith(BOT_CODE)]


class _Guarded:
    """The date-time model, its `parse` watched."""

    def __init__(self, model: Any, seen: list[str]) -> None:
        self._model = model
        self._seen = seen

    def parse(self, *args: Any, **kwargs: Any) -> Any:
        if asyncio._get_running_loop() is not None:  # this thread runs an event loop: the reading holds it
            frames = _bot_frames()
            if frames:
                self._seen.append(" < ".join(reversed(frames[-3:])))
        return self._model.parse(*args, **kwargs)


@contextmanager
def date_reader_watched() -> Iterator[list[str]]:
    """Within: every Recognizers-Text reading the bot makes on an event loop's thread, as its bot frames."""
    seen: list[str] = []
    model: Callable[[str], Any] = language.dates._model
    language.dates._model = lambda lang: _Guarded(model(lang), seen)  # type: ignore[assignment]
    try:
        yield seen
    finally:
        language.dates._model = model  # type: ignore[assignment]
