"""Short random ids tying a card's buttons to what waits for them (a dialog, an undo); imports nothing of MIPA."""

from __future__ import annotations

import uuid

__all__ = ["new_ref"]


def new_ref() -> str:
    """A short id tying a card's buttons to the dialog or the undo waiting for them."""
    return uuid.uuid4().hex[:12]
