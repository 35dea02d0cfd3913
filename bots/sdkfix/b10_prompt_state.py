"""B10: `OAuthPrompt` keeps Python objects in dialog state (`PromptOptions` holding an `Activity`, `datetime`,
`CallerInfo`), so a store that writes plain JSON cannot save a sign-in in progress.

The workaround lives in `storage/serialization.py` (`StateSerializer`: jsonpickle, as botbuilder-azure does,
restricted to an allowlist of types), because storage/ imports nothing from bots/; this module names it so
every defect has its place in bots/sdkfix/. tests/storage/ round-trips a prompt's state through it.
"""

from __future__ import annotations

from storage.serialization import DEFAULT_ALLOWED_MODULES, StateSerializer

__all__ = ["DEFAULT_ALLOWED_MODULES", "StateSerializer"]
