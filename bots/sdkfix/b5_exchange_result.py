"""B5: the token API reads a refused SSO exchange (HTTP 400) as an `ErrorResponse`; the OAuthPrompt and the SSO
middleware then read its missing `.token` outside their `try` (the caller gets 501 instead of 412)."""

from __future__ import annotations

from botframework.connector.token_api.models import TokenResponse

from bots.wire import token_response

__all__ = ["exchange_result"]


def exchange_result(status: int, data: object) -> TokenResponse | None:
    """What `exchange_token` may return: a TokenResponse that holds a token, or None (never an ErrorResponse)."""
    if status != 200 or not isinstance(data, dict):
        return None
    result = token_response(data)
    return result if result.token else None
