"""L2: msrest's `ClientRetryPolicy()` spends 4-12 ms of the event loop's time building its status list.

`ClientRetryPolicy.__init__` (msrest 0.7.1, in every `Configuration` of a Bot Framework connector or token API client)
lists the status codes to retry as `[i for i in range(999) if i not in self.safe_codes]`, where `safe_codes` is a list
of ~500 codes: half a million comparisons each time a client is configured, on the event loop (a turn's first
connector client for a service URL, a proactive message, a token client). The same codes in a `frozenset` give the
same list in a thousandth of the time; nothing else in msrest or botbuilder reads `safe_codes`.

`install()` (called by `bots.sdkfix`) swaps the list for the set once for the process.
"""

from __future__ import annotations

from msrest.universal_http.requests import ClientRetryPolicy

__all__ = ["SDK_SAFE_CODES", "install", "installed"]

#: msrest's own list, for tests/bots/test_sdk_defects.py.
SDK_SAFE_CODES: list[int] = list(ClientRetryPolicy.safe_codes)


def installed() -> bool:
    """Whether `install()` has swapped the list in this process."""
    return isinstance(ClientRetryPolicy.safe_codes, frozenset)


def install() -> None:
    """`ClientRetryPolicy.safe_codes` as a frozenset of the same codes (idempotent)."""
    ClientRetryPolicy.safe_codes = frozenset(ClientRetryPolicy.safe_codes)  # type: ignore[assignment]
