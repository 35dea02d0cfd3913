"""B8: botframework-connector fetches OpenID metadata and signing keys with blocking `requests.get`, and MSAL
tokens synchronously: the event loop stalls meanwhile, and a fake issuer served on the bot's own loop deadlocks.

MIPA's side:
- fakes (the sandbox's token service, the tests' OpenID issuer) run in another process or thread, never on the
  bot's loop;
- an unreachable key set is `AuthenticationUnavailable` (503 with `Retry-After`), not a 401 that would make the
  channel drop the message (`bots/auth.py`, `bots/routes.py`);
- the SDK caches metadata per URL for a day in a class attribute: `forget_metadata` clears it (tests that start
  a new issuer on a reused URL).
"""

from __future__ import annotations

from botframework.connector.auth.jwt_token_extractor import JwtTokenExtractor

__all__ = ["UNREACHABLE_KEYS", "forget_metadata"]

#: What the SDK's blocking fetch raises when the metadata or keys cannot be read (requests' errors are OSErrors).
UNREACHABLE_KEYS: tuple[type[Exception], ...] = (OSError,)


def forget_metadata() -> None:
    """Drop the SDK's process-wide OpenID metadata cache (`JwtTokenExtractor.metadataCache`)."""
    JwtTokenExtractor.metadataCache.clear()
