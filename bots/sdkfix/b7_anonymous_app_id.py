"""B7: with authentication off the anonymous claims carry no app id, and the token service's sign-in link needs one."""

from __future__ import annotations

__all__ = ["PLACEHOLDER_APP_ID", "token_app_id"]

#: Any GUID will do: the local token service (the sandbox's) only needs one to build the exchange state.
PLACEHOLDER_APP_ID = "00000000-0000-0000-0000-000000000000"


def token_app_id(app_id: str | None) -> str:
    """The app id to give the user-token client: the bot's own, or the placeholder in local mode."""
    return app_id or PLACEHOLDER_APP_ID
