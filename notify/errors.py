"""The notify package's exception tree.

    NotifyError              any failure of MIPA's alerts
    ├── BadPreference        a preference out of range (minutes, time of day, days); nothing was stored
    └── StoreConflict        the shared record kept changing under us (optimistic concurrency gave up)
"""

from __future__ import annotations

__all__ = ["BadPreference", "NotifyError", "StoreConflict"]


class NotifyError(Exception):
    """Base class of every error raised by `notify`."""


class BadPreference(NotifyError):
    """A preference value outside what MIPA accepts."""


class StoreConflict(NotifyError):
    """A read-modify-write on the shared store lost to other writers too many times."""
