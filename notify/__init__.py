"""Opt-in alerts: preferences, conversation references, subscriptions and due times in the shared store,
exactly-once sends across instances, driven by the clock. Imports nothing from botbuilder."""

from __future__ import annotations

from .errors import BadPreference, NotifyError, StoreConflict
from .models import EVERY_DAY, WEEKDAYS, Digest, Due, SubscriptionInfo, UserRecord, Watch, strip_names
from .schedule import digest_slot, due_digest, jitter, next_digest, reminder_plan
from .scheduler import Actions, Scheduler
from .store import Claim, NotifyStore, Storage, Stored

__all__ = [
    "EVERY_DAY",
    "WEEKDAYS",
    "Actions",
    "BadPreference",
    "Claim",
    "Digest",
    "Due",
    "NotifyError",
    "NotifyStore",
    "Stored",
    "Scheduler",
    "Storage",
    "StoreConflict",
    "SubscriptionInfo",
    "UserRecord",
    "Watch",
    "digest_slot",
    "due_digest",
    "jitter",
    "next_digest",
    "reminder_plan",
    "strip_names",
]
