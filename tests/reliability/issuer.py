"""A local Bot Framework token issuer (OpenID metadata + JWKS) in its own thread, and static outbound credentials."""

from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
from botframework.connector.auth import (
    AppCredentials,
    MicrosoftAppCredentials,
    ServiceClientCredentialsFactory,
)
from botframework.connector.auth.channel_validation import ChannelValidation
from cryptography.hazmat.primitives.asymmetric import rsa
from jwt.algorithms import RSAAlgorithm

from bots.sdkfix.b8_blocking_metadata import forget_metadata

__all__ = ["CHANNEL_ISSUER", "FAKE_BEARER", "LocalIssuer", "StaticCredentialsFactory"]

CHANNEL_ISSUER = "https://api.botframework.com"
FAKE_BEARER = "fake-outbound-bearer"


class LocalIssuer:
    """Serves `/v1/.well-known/openidconfiguration` and `/keys` from a thread (the SDK fetches with blocking requests, B8).

    While entered, the SDK's channel validation points at it and its metadata cache is empty.
    """

    def __init__(self) -> None:
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.other_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.kid = f"kid-{uuid.uuid4().hex[:8]}"
        self.hits: list[str] = []
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._saved_endpoint: str | None = None
        self.url = ""

    def _jwks(self) -> dict[str, Any]:
        jwk = json.loads(RSAAlgorithm.to_jwk(self.key.public_key()))
        jwk.update({"kid": self.kid, "use": "sig", "endorsements": ["msteams", "webchat"]})
        return {"keys": [jwk]}

    def __enter__(self) -> LocalIssuer:
        issuer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                issuer.hits.append(self.path)
                if self.path == "/v1/.well-known/openidconfiguration":
                    body: dict[str, Any] = {"issuer": CHANNEL_ISSUER, "jwks_uri": f"{issuer.url}/keys"}
                elif self.path == "/keys":
                    body = issuer._jwks()
                else:
                    self.send_response(404)
                    self.end_headers()
                    return
                data = json.dumps(body).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, name="local-issuer", daemon=True)
        self._thread.start()
        self._saved_endpoint = ChannelValidation.open_id_metadata_endpoint
        ChannelValidation.open_id_metadata_endpoint = f"{self.url}/v1/.well-known/openidconfiguration"
        forget_metadata()
        return self

    def stop(self) -> None:
        """Stop serving (the port closes); the SDK still points here until the issuer is exited."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(10)
            self._thread = None

    def __exit__(self, *exc: object) -> None:
        ChannelValidation.open_id_metadata_endpoint = self._saved_endpoint  # type: ignore[assignment]
        forget_metadata()
        self.stop()

    def mint(
        self, *, audience: str, service_url: str, lifetime: int = 600, forged: bool = False,
        kid: str | None = None, issuer: str = CHANNEL_ISSUER, **claims: Any,
    ) -> str:
        """An RS256 channel token; `forged` signs with a key the JWKS does not hold (same kid)."""
        now = int(time.time())
        payload = {
            "iss": issuer, "aud": audience, "serviceurl": service_url,
            "nbf": now - 60, "iat": now - 60, "exp": now + lifetime, **claims,
        }
        key = self.other_key if forged else self.key
        return jwt.encode(payload, key, algorithm="RS256", headers={"kid": kid or self.kid})


class _StaticCredentials(MicrosoftAppCredentials):
    def get_access_token(self, force_refresh: bool = False) -> str:
        return FAKE_BEARER


class StaticCredentialsFactory(ServiceClientCredentialsFactory):
    """Outbound credentials with a static fake bearer: bot → channel calls never reach Entra."""

    def __init__(self, app_id: str) -> None:
        self.app_id = app_id

    async def is_valid_app_id(self, app_id: str) -> bool:
        return app_id == self.app_id

    async def is_authentication_disabled(self) -> bool:
        return False

    async def create_credentials(
        self, app_id: str, oauth_scope: str, login_endpoint: str, validate_authority: bool
    ) -> AppCredentials:
        return _StaticCredentials(app_id, "unused", oauth_scope=oauth_scope)
