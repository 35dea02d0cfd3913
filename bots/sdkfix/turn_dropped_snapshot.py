"""T4: every dialog turn builds a memory snapshot for a trace activity that the adapter then drops.

`DialogExtensions.run_dialog` (botbuilder-dialogs 4.17.1) ends each dialog turn with `_send_state_snapshot_trace`:
it finds the active dialog context, builds a snapshot of its memory scopes, wraps it in a `BotState` trace and sends
it. `CloudAdapter` drops traces outside the Emulator, and so does MIPA's `ReplyTurnContext`, before any handler sees
them (`_dropped_traces`, bots/adapter.py): the snapshot, the trace and the send are ~1 % of a calendar read (issue 25).

`install()` (called by `bots.sdkfix`) wraps it: when the turn context says it would drop a trace and every scope of
the snapshot is one of the SDK's read-only ones (the bot states', "dialog", "this": the scopes MIPA configures,
bots/memory_scopes.py), nothing is built; when it would not drop it (the Emulator, a send handler, `expectReplies`,
another adapter), or when another scope is in the snapshot, the SDK's own code runs.
"""

from __future__ import annotations

from botbuilder.dialogs import DialogContext, DialogExtensions
from botbuilder.dialogs.memory.scopes import BotStateMemoryScope, DialogMemoryScope, ThisMemoryScope
from botbuilder.schema import Activity, ActivityTypes

__all__ = ["SDK_SNAPSHOT_TRACE", "install", "installed"]

SDK_SNAPSHOT_TRACE = DialogExtensions._send_state_snapshot_trace
#: Snapshot scopes whose `get_memory` only reads (the turn scope, which may create its dictionary, is not in it).
_READ_ONLY = (BotStateMemoryScope, DialogMemoryScope, ThisMemoryScope)
#: The trace asked about (only its type is read; built on first use, never sent).
_TRACE: list[Activity] = []


async def _snapshot_trace(dialog_context: DialogContext) -> None:
    context = dialog_context.context
    drops = getattr(context, "_dropped_traces", None)
    if not _TRACE:
        _TRACE.append(Activity(type=ActivityTypes.trace))
    scopes = [scope for scope in dialog_context.state.configuration.memory_scopes if scope.include_in_snapshot]
    if drops is None or not drops(_TRACE) or not all(isinstance(scope, _READ_ONLY) for scope in scopes):
        await SDK_SNAPSHOT_TRACE(dialog_context)


def installed() -> bool:
    """Whether `install()` has wrapped the SDK's snapshot trace in this process."""
    return DialogExtensions.__dict__["_send_state_snapshot_trace"].__func__ is _snapshot_trace  # type: ignore[no-any-return]


def install() -> None:
    """`DialogExtensions._send_state_snapshot_trace` as `_snapshot_trace` (idempotent)."""
    DialogExtensions._send_state_snapshot_trace = staticmethod(_snapshot_trace)  # type: ignore[method-assign,assignment]
