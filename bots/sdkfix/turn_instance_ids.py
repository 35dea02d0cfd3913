"""T1: every `WaterfallDialog.begin_dialog` makes a time-based `uuid.uuid1()` for an id that only telemetry reads.

botbuilder-dialogs 4.17.1 gives each waterfall it begins an instance id, `str(uuid.uuid1())`, kept in the
dialog's state and sent in its telemetry events (`WaterfallStart`, `WaterfallStep`, `WaterfallComplete`,
`WaterfallCancel`); nothing else reads it. `uuid1()` asks libuuid for a time-based id under its lock and builds a
`UUID` to print it: ~1.7 % of a calendar read's CPU, which begins four waterfalls (issue 25).

`install()` (called by `bots.sdkfix`) gives the SDK's `waterfall_dialog` module a `uuid` whose `uuid1()` returns
an id of the same shape (8-4-4-4-12 lower-case hex digits): 80 random bits drawn once per process (`os.urandom`,
on the first id), then a 48-bit count. Ids stay unique within a process and, with 80 random bits, across the
processes that share a state store; they are not ordered in time, which no reader needs.
"""

from __future__ import annotations

import itertools
import os
import uuid as _uuid
from collections.abc import Callable

from botbuilder.dialogs import waterfall_dialog

__all__ = ["SDK_UUID", "install", "installed", "instance_id"]

#: The module the SDK's waterfall uses before `install()` (the standard library's uuid), for the tests.
SDK_UUID = _uuid

_count = itertools.count(1)
_prefix: list[str] = []


def instance_id() -> str:
    """A new id shaped like a UUID's text: this process's random prefix and the next count."""
    if not _prefix:
        digits = os.urandom(10).hex()
        _prefix.append(f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-")
    return f"{_prefix[0]}{next(_count) & 0xFFFFFFFFFFFF:012x}"


class _Ids:
    """What `waterfall_dialog` reads of its `uuid` module: `uuid1()`, whose `__str__()` is the id itself."""

    uuid1: Callable[[], str] = staticmethod(instance_id)


def installed() -> bool:
    """Whether `install()` has replaced the waterfall's id source in this process."""
    return isinstance(waterfall_dialog.uuid, _Ids)  # type: ignore[attr-defined]


def install() -> None:
    """The waterfall's instance ids from `instance_id()` (idempotent)."""
    waterfall_dialog.uuid = _Ids()  # type: ignore[attr-defined]
