"""Signed access tokens: an RS256 key made at start, token minting and fast verification."""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass
from typing import Any

logger = logging.getLogger(__name__)

GRAPH_AUDIENCE = "https://graph.microsoft.com"
ISSUER_TEMPLATE = "https://sts.windows.net/{tid}/"

#: Every delegated scope the assistant asks for (the default for minted tokens).
DEFAULT_SCOPES: tuple[str, ...] = (
    "User.Read",
    "User.ReadBasic.All",
    "People.Read",
    "MailboxSettings.ReadWrite",
    "Calendars.ReadWrite",
    "Calendars.Read.Shared",
    "Tasks.ReadWrite",
    "Group.Read.All",
    "Mail.ReadWrite",
    "Contacts.ReadWrite",
    "Files.Read.All",
    "Sites.ReadWrite.All",
)


class TokenInvalid(Exception):
    """A bearer token that Graph refuses; `message` is Graph's wording."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True, slots=True)
class Principal:
    """Who a verified token speaks for."""

    oid: str
    tid: str
    upn: str
    scopes: frozenset[str]
    audience: str
    issued_at: int
    expires_at: int
    claims: dict[str, Any]
    #: An app-only token (`roles`, no `scp`); `scopes` then holds the roles (reference §2.1).
    app_only: bool = False


class TokenIssuer:
    """Mints and verifies RS256 JWTs with a key generated when the issuer is built."""

    def __init__(self, *, tenant_id: str, lifetime_seconds: int = 3600) -> None:
        from cryptography.hazmat.primitives.asymmetric import rsa

        self.tenant_id = tenant_id
        self.lifetime_seconds = lifetime_seconds
        self._key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self._public_key = self._key.public_key()
        self.key_id = uuid.uuid4().hex
        self._cache: dict[str, Principal] = {}

    def issue(
        self,
        *,
        oid: str,
        upn: str,
        name: str,
        scopes: tuple[str, ...] | list[str] = DEFAULT_SCOPES,
        audience: str = GRAPH_AUDIENCE,
        lifetime_seconds: int | None = None,
        extra: dict[str, Any] | None = None,
    ) -> tuple[str, int]:
        """A signed token and its lifetime in seconds."""
        import jwt

        now = int(time.time())
        lifetime = self.lifetime_seconds if lifetime_seconds is None else lifetime_seconds
        claims: dict[str, Any] = {
            "aud": audience,
            "iss": ISSUER_TEMPLATE.format(tid=self.tenant_id),
            "iat": now,
            "nbf": now,
            "exp": now + lifetime,
            "oid": oid,
            "sub": oid,
            "tid": self.tenant_id,
            "upn": upn,
            "preferred_username": upn,
            "name": name,
            "scp": " ".join(scopes),
            "uti": uuid.uuid4().hex,
            "ver": "1.0",
        }
        claims.update(extra or {})
        token = jwt.encode(claims, self._key, algorithm="RS256", headers={"kid": self.key_id})
        self._remember(token, claims)
        return token, lifetime

    def issue_app(self, *, app_id: str, roles: list[str], lifetime_seconds: int | None = None) -> tuple[str, int]:
        """An app-only (client credentials) token: `roles`, `idtyp: app`, no `scp`, no user."""
        import jwt

        now = int(time.time())
        lifetime = self.lifetime_seconds if lifetime_seconds is None else lifetime_seconds
        service_principal = str(uuid.uuid5(uuid.NAMESPACE_URL, "sandbox-app:" + app_id))
        claims: dict[str, Any] = {
            "aud": GRAPH_AUDIENCE,
            "iss": ISSUER_TEMPLATE.format(tid=self.tenant_id),
            "iat": now,
            "nbf": now,
            "exp": now + lifetime,
            "oid": service_principal,
            "sub": service_principal,
            "tid": self.tenant_id,
            "appid": app_id,
            "idtyp": "app",
            "roles": list(roles),
            "uti": uuid.uuid4().hex,
            "ver": "1.0",
        }
        token = jwt.encode(claims, self._key, algorithm="RS256", headers={"kid": self.key_id})
        self._remember(token, claims)
        return token, lifetime

    def _remember(self, token: str, claims: dict[str, Any]) -> None:
        """A token this issuer just signed is known to be well formed and signed: its first use skips the
        signature check (expiry and audience are still checked on every use, as for any cached token)."""
        if len(self._cache) > 10_000:
            self._cache.clear()
        self._cache[token] = _principal(claims)

    def verify(self, token: str, *, audience: str = GRAPH_AUDIENCE) -> Principal:
        """The token's principal, or `TokenInvalid` with Graph's message."""
        if not token:
            raise TokenInvalid("Access token is empty.")
        now = time.time()
        cached = self._cache.get(token)
        if cached is not None:
            if cached.expires_at <= now:
                self._cache.pop(token, None)
                raise TokenInvalid("Access token has expired or is not yet valid.")
            if cached.audience != audience:
                raise TokenInvalid("Invalid audience.")
            return cached
        import jwt

        try:
            claims = jwt.decode(
                token,
                self._public_key,
                algorithms=["RS256"],
                audience=audience,
                options={"require": ["exp", "iat", "oid", "aud"]},
            )
        except jwt.ExpiredSignatureError as exc:
            raise TokenInvalid("Access token has expired or is not yet valid.") from exc
        except jwt.ImmatureSignatureError as exc:
            raise TokenInvalid("Access token has expired or is not yet valid.") from exc
        except jwt.InvalidAudienceError as exc:
            raise TokenInvalid("Invalid audience.") from exc
        except jwt.DecodeError as exc:
            raise TokenInvalid("IDX14100: JWT is not well formed, there are no dots (.).") from exc
        except jwt.PyJWTError as exc:
            raise TokenInvalid("Access token validation failure. Invalid audience.") from exc
        principal = _principal(claims)
        if len(self._cache) > 10_000:
            self._cache.clear()
        self._cache[token] = principal
        return principal

    def verify_any_audience(self, token: str) -> Principal:
        """Verify signature and expiry, whatever the audience (for SSO tokens)."""
        import jwt

        try:
            aud = jwt.decode(token, options={"verify_signature": False}).get("aud", "")
        except jwt.PyJWTError as exc:
            raise TokenInvalid("IDX14100: JWT is not well formed.") from exc
        return self.verify(token, audience=str(aud))


def _principal(claims: dict[str, Any]) -> Principal:
    app_only = "scp" not in claims and isinstance(claims.get("roles"), list)
    return Principal(
        oid=str(claims["oid"]),
        tid=str(claims.get("tid", "")),
        upn=str(claims.get("upn") or claims.get("preferred_username") or ""),
        scopes=frozenset(str(r) for r in claims["roles"]) if app_only else frozenset(str(claims.get("scp", "")).split()),
        audience=str(claims["aud"]),
        issued_at=int(claims["iat"]),
        expires_at=int(claims["exp"]),
        claims=claims,
        app_only=app_only,
    )
