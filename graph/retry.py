"""Retry policy: which failures are retried, `Retry-After` parsing in every form Graph sends, back-off."""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

__all__ = ["RETRYABLE_STATUSES", "RetryPolicy", "parse_retry_after"]

RETRYABLE_STATUSES = frozenset({429, 503, 504})
"""Statuses retried (the request may be resent); a 429 was refused before it was processed."""

_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)?\s*$")


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a `Retry-After` value, or None when absent or unreadable.

    Handles an integer (``"5"``), a decimal (``"2.128"``), an HTTP date (plus one second, its
    precision), and the comma list
    SharePoint has sent (``"30,120"``: the largest value, so the client never retries early).
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    if "," in text and all(_NUMBER.match(part) for part in text.split(",")):
        return max(float(part) for part in text.split(","))
    if _NUMBER.match(text):
        seconds = float(text)
        return seconds if math.isfinite(seconds) else None
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    current = now or datetime.now(UTC)
    # An HTTP date is precise to the second: add that second so the retry is never early.
    return max(0.0, (when - current).total_seconds() + 1.0)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How many times, and how long, the client waits before sending a request again."""

    max_retries: int = 3
    retry_cap: float = 8.0
    base_delay: float = 0.5
    jitter: float = 0.25
    throttle_base: float = 1.0
    rng: Callable[[], float] = random.random

    def delay(self, attempt: int, retry_after: float | None, *, throttled: bool = False) -> float | None:
        """Seconds to wait before retry number ``attempt`` (1-based), or None to give up.

        A server-given `Retry-After` is honoured and never shortened (jitter only adds to it);
        when it is longer than ``retry_cap`` the client gives up instead of retrying early.
        Without one, exponential back-off with jitter, capped; a 429 without one backs off from
        ``throttle_base`` and never below it, since an early retry restarts the throttling window.
        """
        if attempt > self.max_retries:
            return None
        if retry_after is not None:
            if retry_after > self.retry_cap:
                return None
            return retry_after + self.jitter * self.rng() * min(1.0, retry_after or 0.1)
        if throttled:
            return min(self.retry_cap, self.throttle_base * (2 ** (attempt - 1)) + self.jitter * self.rng())
        backoff = self.base_delay * (2 ** (attempt - 1))
        return min(self.retry_cap, backoff * (0.5 + self.rng() * 0.5) + self.jitter * self.rng())
