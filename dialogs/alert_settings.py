"""What the alerts need from the composition root: the shared alerts store and where Graph should post."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from notify import NotifyStore

__all__ = ["AlertSettings"]


@dataclass(slots=True)
class AlertSettings:
    """Made in app.py; None in `Services.alerts` means alerts are not wired (unit tests)."""

    store: NotifyStore
    #: The public URL of POST /api/notifications, or None when Graph cannot reach this MIPA.
    notification_url: Callable[[], str | None]
