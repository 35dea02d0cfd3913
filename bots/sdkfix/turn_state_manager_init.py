"""T3: every `DialogStateManager` (one per dialog context: ~10 a calendar read) runs an import statement first.

`DialogStateManager.__init__` (botbuilder-dialogs 4.17.1) starts with `from botbuilder.dialogs import
DialogsComponentRegistration, ObjectPath` (to dodge a circular import): an import statement with a from-list goes
through importlib's Python helpers on every call, ~1 µs, most of the manager's construction (issue 25). MIPA puts
the turn's `DialogStateManagerConfiguration` in turn state before any dialog runs (bots/memory_scopes.py), so the
managers of a turn only read it.

`install()` (called by `bots.sdkfix`) wraps `__init__`: when no configuration is given and the turn state holds one,
it sets the same attributes the SDK's body sets, in the same order (the component registration included), from names
imported once; otherwise (no configuration yet, no dialog context) the SDK's own `__init__` runs.
"""

from __future__ import annotations

from typing import Any

from botbuilder.core import ComponentRegistration
from botbuilder.dialogs import DialogsComponentRegistration, ObjectPath
from botbuilder.dialogs.memory import DialogStateManagerConfiguration
from botbuilder.dialogs.memory.dialog_state_manager import DialogStateManager

__all__ = ["SDK_INIT", "install", "installed"]

SDK_INIT = DialogStateManager.__init__
_KEY = DialogStateManagerConfiguration.__name__


def _init(self: DialogStateManager, dialog_context: Any, configuration: Any = None) -> None:
    found = dialog_context.context.turn_state.get(_KEY) if configuration is None and dialog_context else None
    if not found:
        SDK_INIT(self, dialog_context, configuration)
        return
    self._object_path_cls = ObjectPath
    self._dialog_component_registration_cls = DialogsComponentRegistration
    self.path_tracker = "dialog._tracker.paths"
    self._dialog_context = dialog_context
    self._version = 0
    ComponentRegistration.add(DialogsComponentRegistration())
    self._configuration = found
    dialog_context.context.turn_state[found.__class__.__name__] = found


def installed() -> bool:
    """Whether `install()` has wrapped the SDK's `__init__` in this process."""
    return DialogStateManager.__init__ is _init


def install() -> None:
    """`DialogStateManager.__init__` as `_init` (idempotent)."""
    DialogStateManager.__init__ = _init  # type: ignore[method-assign]
