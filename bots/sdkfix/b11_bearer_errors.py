"""B11: an expired or malformed inbound bearer escapes the SDK as a PyJWT error (HTTP 500), not a PermissionError."""

from __future__ import annotations

import jwt

__all__ = ["BEARER_ERRORS"]

#: What `/api/messages` answers with 401 besides PermissionError (bots/routes.py).
BEARER_ERRORS: tuple[type[Exception], ...] = (jwt.PyJWTError,)
