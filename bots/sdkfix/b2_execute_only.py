"""B2: an `adaptiveCard/action` that is not `Action.Execute` gets botbuilder's 400 body, which holds a raw
exception that cannot be serialised (HTTP 500 instead of 400).

MIPA checks the action type itself before anything else and answers a 400 error body it built
(`bots/card_actions.py`).
"""

from __future__ import annotations

from typing import Any

__all__ = ["EXECUTE", "execute_action"]

EXECUTE = "Action.Execute"


def execute_action(value: object) -> dict[str, Any] | None:
    """The invoke's action when it is an `Action.Execute` (the only kind MIPA answers); None otherwise."""
    inner = value.get("action") if isinstance(value, dict) else None
    if isinstance(inner, dict) and inner.get("type") == EXECUTE:
        return inner
    return None
