"""The Graph client's one exception tree, and the translation of an error response into it.

    GraphError
    ├── GraphRequestError          no usable response: connection error, timeout, time budget exhausted
    └── GraphStatusError           a non-2xx response (.status, .code, .message, .request_id, .client_request_id)
        ├── BadRequest             400 (and other 4xx without a class of their own)
        ├── Unauthorized           401
        │   └── ClaimsChallenge    401/403 with error="insufficient_claims" (.claims, decoded JSON text)
        ├── Forbidden              403
        ├── NotFound               404
        ├── Conflict               409
        ├── PreconditionFailed     412
        ├── Throttled              429 (.retry_after, seconds or None)
        └── Unavailable            5xx

Branch on the class (the HTTP status), then on ``code``; never on ``message``. Messages carry
status, code and request id only: never tokens or user text.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Mapping
from typing import Any

__all__ = [
    "BadRequest",
    "ClaimsChallenge",
    "Conflict",
    "Forbidden",
    "GraphError",
    "GraphRequestError",
    "GraphStatusError",
    "NotFound",
    "PreconditionFailed",
    "Throttled",
    "Unauthorized",
    "Unavailable",
    "error_from_response",
    "parse_www_authenticate",
]


class GraphError(Exception):
    """Base of every error raised by the graph package."""


class GraphRequestError(GraphError):
    """No usable response: the connection failed, the request timed out or the time budget ran out."""


class GraphStatusError(GraphError):
    """Graph answered with an error status."""

    def __init__(
        self,
        *,
        status: int,
        code: str = "",
        message: str = "",
        request_id: str | None = None,
        client_request_id: str | None = None,
        inner_codes: tuple[str, ...] = (),
    ) -> None:
        self.status = status
        self.code = code
        # Graph's own message, kept for debugging; it is not shown in str() because some
        # workloads echo request values (names, filters) into it.
        self.message = message
        self.request_id = request_id
        self.client_request_id = client_request_id
        self.inner_codes = inner_codes
        super().__init__(f"Graph {status} {code or '-'} (request-id {request_id or '-'})")

    def has_code(self, code: str) -> bool:
        """True when ``code`` is the error code or one of the nested inner-error codes."""
        wanted = code.lower()
        return self.code.lower() == wanted or any(c.lower() == wanted for c in self.inner_codes)


class BadRequest(GraphStatusError):
    """400, or another 4xx with no class of its own."""


class Unauthorized(GraphStatusError):
    """401: the token is missing, expired or invalid."""


class ClaimsChallenge(Unauthorized):
    """A claims challenge (continuous access evaluation): re-acquire a token with ``claims``, once."""

    def __init__(self, *, claims: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.claims = claims


class Forbidden(GraphStatusError):
    """403: a permission is missing; never retried."""


class NotFound(GraphStatusError):
    """404."""


class Conflict(GraphStatusError):
    """409."""


class PreconditionFailed(GraphStatusError):
    """412: an If-Match etag is missing or stale."""


class Throttled(GraphStatusError):
    """429, still throttled when the retries or the time budget ran out."""

    def __init__(self, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.retry_after = retry_after


class Unavailable(GraphStatusError):
    """5xx, still failing when the retries or the time budget ran out."""


_BY_STATUS: dict[int, type[GraphStatusError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    412: PreconditionFailed,
    429: Throttled,
}

_AUTH_PARAM = re.compile(r'([A-Za-z_]+)\s*=\s*"([^"]*)"')


def parse_www_authenticate(value: str) -> dict[str, str]:
    """Parameters of a ``WWW-Authenticate: Bearer k="v", ...`` header (values may contain ``=``)."""
    return {key.lower(): val for key, val in _AUTH_PARAM.findall(value or "")}


def _decode_claims(raw: str) -> str:
    padded = raw + "=" * (-len(raw) % 4)
    try:
        return base64.b64decode(padded, altchars=b"-_" if ("-" in raw or "_" in raw) else None).decode()
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return raw


def _inner_codes(error: Mapping[str, Any]) -> tuple[str, ...]:
    codes: list[str] = []
    inner = error.get("innerError") or error.get("innererror")
    depth = 0
    while isinstance(inner, Mapping) and depth < 10:
        code = inner.get("code")
        if isinstance(code, str) and code:
            codes.append(code)
        inner = inner.get("innerError") or inner.get("innererror")
        depth += 1
    return tuple(codes)


def error_from_response(
    *,
    status: int,
    headers: Mapping[str, str],
    body: Any,
    retry_after: float | None = None,
) -> GraphStatusError:
    """The exception for an error response (headers looked up case-insensitively by the caller's mapping)."""
    error = body.get("error") if isinstance(body, Mapping) else None
    error = error if isinstance(error, Mapping) else {}
    code = error.get("code") if isinstance(error.get("code"), str) else ""
    message = error.get("message") if isinstance(error.get("message"), str) else ""
    fields: dict[str, Any] = {
        "status": status,
        "code": code,
        "message": message,
        "request_id": headers.get("request-id"),
        "client_request_id": headers.get("client-request-id"),
        "inner_codes": _inner_codes(error),
    }
    if status in (401, 403):
        params = parse_www_authenticate(headers.get("www-authenticate", ""))
        if params.get("error") == "insufficient_claims" and "claims" in params:
            return ClaimsChallenge(claims=_decode_claims(params["claims"]), **fields)
    if status == 429:
        return Throttled(retry_after=retry_after, **fields)
    if status >= 500:
        return Unavailable(**fields)
    return _BY_STATUS.get(status, BadRequest)(**fields)
