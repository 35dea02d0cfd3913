"""What MIPA keeps for a person's alerts: preferences, conversation reference, subscription, due times.

Only ids, preferences and instants are kept: never a subject, a title, a name or an address. The
conversation reference is stored without its display names (`strip_names`).
"""

from __future__ import annotations

from copy import deepcopy
from dataclasses import dataclass, field, replace
from datetime import time
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import BadPreference

__all__ = ["Digest", "Due", "UserRecord", "WEEKDAYS", "EVERY_DAY", "Watch", "SubscriptionInfo", "strip_names"]

#: Monday = 0 ... Sunday = 6, as `date.weekday()`.
WEEKDAYS: tuple[int, ...] = (0, 1, 2, 3, 4)
EVERY_DAY: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)
MAX_REMINDER_MINUTES = 24 * 60


@dataclass(frozen=True, slots=True)
class Digest:
    """"My day" at `at` (local time in the record's zone) on `days` (0 = Monday)."""

    at: time
    days: tuple[int, ...] = WEEKDAYS

    def __post_init__(self) -> None:
        if not self.days or any(d not in EVERY_DAY for d in self.days):
            raise BadPreference("digest days must be weekday numbers from 0 (Monday) to 6")

    def as_dict(self) -> dict[str, Any]:
        return {"at": self.at.strftime("%H:%M"), "days": list(self.days)}

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> Digest:
        return cls(at=time.fromisoformat(str(raw["at"])), days=tuple(sorted(set(int(d) for d in raw.get("days", WEEKDAYS)))))


@dataclass(frozen=True, slots=True)
class Due:
    """A reminder to send at `at` for the meeting `event_id` that starts at `start` (POSIX seconds)."""

    event_id: str
    start: float
    at: float


@dataclass(frozen=True, slots=True)
class Watch:
    """A meeting of the next 24 hours MIPA knows about (so that its cancellation can be announced)."""

    event_id: str
    start: float


@dataclass(frozen=True, slots=True)
class SubscriptionInfo:
    """The person's one Graph subscription: its id, expiry (POSIX seconds) and the clientState secret."""

    id: str
    expires: float
    client_state: str


@dataclass(frozen=True, slots=True)
class UserRecord:
    """One person's alert settings and bookkeeping, keyed by their channel user id."""

    user_id: str
    locale: str = "en"
    tz: str = "UTC"
    reference: dict[str, Any] | None = None
    reminders: int | None = None
    digest: Digest | None = None
    subscription: SubscriptionInfo | None = None
    due: tuple[Due, ...] = ()
    watch: tuple[Watch, ...] = ()
    #: Local date (ISO) of the last "my day" sent.
    digest_sent: str | None = None
    #: When the due reminders are next recomputed from the calendar (POSIX seconds).
    next_refresh: float = 0.0
    #: The person signed out: nothing is sent until they sign in again; `told` once.
    paused: bool = False
    told_paused: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.reminders is not None and not 0 <= self.reminders <= MAX_REMINDER_MINUTES:
            raise BadPreference("reminder minutes must be between 0 and 1440")
        try:
            ZoneInfo(self.tz)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise BadPreference("unknown time zone") from exc

    @property
    def active(self) -> bool:
        """Some alert is on."""
        return self.reminders is not None or self.digest is not None

    def with_(self, **changes: Any) -> UserRecord:
        return replace(self, **changes)

    def as_dict(self, *, copy: bool = True) -> dict[str, Any]:
        """The stored form: `dataclasses.asdict` with the digest as text, field by field (asdict's recursion and
        deep copies were half the cost of the alerts' per-turn record update, issue 25).

        `copy=False` shares the reference's and `extra`'s dicts with the record instead of deep-copying them: for a
        value handed straight to a store's `write`, which copies (memory) or serialises (Redis, Cosmos DB, Blob) it.
        """
        sub = self.subscription
        return {
            "user_id": self.user_id,
            "locale": self.locale,
            "tz": self.tz,
            "reference": _copy(self.reference) if copy else self.reference,
            "reminders": self.reminders,
            "digest": self.digest.as_dict() if self.digest else None,
            "subscription": {"id": sub.id, "expires": sub.expires, "client_state": sub.client_state} if sub else None,
            "due": [{"event_id": d.event_id, "start": d.start, "at": d.at} for d in self.due],
            "watch": [{"event_id": w.event_id, "start": w.start} for w in self.watch],
            "digest_sent": self.digest_sent,
            "next_refresh": self.next_refresh,
            "paused": self.paused,
            "told_paused": self.told_paused,
            "extra": _copy(self.extra) if copy else self.extra,
            "v": 1,
        }

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> UserRecord:
        sub = raw.get("subscription")
        return cls(
            user_id=str(raw["user_id"]),
            locale=str(raw.get("locale") or "en"),
            tz=str(raw.get("tz") or "UTC"),
            reference=raw.get("reference"),
            reminders=raw.get("reminders"),
            digest=Digest.from_dict(raw["digest"]) if raw.get("digest") else None,
            subscription=SubscriptionInfo(**sub) if sub else None,
            due=tuple(Due(**d) for d in raw.get("due") or ()),
            watch=tuple(Watch(**w) for w in raw.get("watch") or ()),
            digest_sent=raw.get("digest_sent"),
            next_refresh=float(raw.get("next_refresh") or 0.0),
            paused=bool(raw.get("paused")),
            told_paused=bool(raw.get("told_paused")),
            extra=dict(raw.get("extra") or {}),
        )


_LEAVES = (str, int, float, bool, type(None))


def _copy(value: Any) -> Any:
    """`copy.deepcopy` of JSON-shaped data (dicts, lists, strings, numbers), deepcopy itself for anything else."""
    kind = type(value)
    if kind is dict:
        return {key: item if type(item) in _LEAVES else _copy(item) for key, item in value.items()}
    if kind is list:
        return [item if type(item) in _LEAVES else _copy(item) for item in value]
    if kind in _LEAVES:
        return value
    return deepcopy(value)


#: Keys of a conversation reference's accounts that carry display names.
_NAMED = ("user", "bot", "conversation")


def strip_names(reference: dict[str, Any]) -> dict[str, Any]:
    """A conversation reference (as a dict) without display names: only ids, URLs and types are stored."""
    out = dict(reference)
    for key in _NAMED:
        account = out.get(key)
        if isinstance(account, dict):
            out[key] = {k: v for k, v in account.items() if k != "name"}
    return out
