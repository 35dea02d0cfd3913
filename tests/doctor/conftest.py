"""Fixtures for the doctor: a local HTTPS stand-in for Entra and the Bot Framework token service, and Redis.

msal only talks to https authorities, so the stand-in serves TLS on 127.0.0.1 with a certificate made for
the session, and the doctor trusts it through `Endpoints.ca_bundle`.
"""

from __future__ import annotations

import base64
import datetime as dt
import ipaddress
import json
import ssl
import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from config import Settings
from devkit import RedisServer, free_port
from doctor import Endpoints
from tests.storage.conftest import REDIS_PASSWORD

APP_ID = "11111111-2222-3333-4444-555555555555"
TENANT_ID = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
SECRET = "Zq8~s3cret-value-that-must-never-be-printed"
BOT_DOMAIN = "mipa.example.com"
APP_TOKEN = "fake-bot-framework-token"


def settings(**overrides: Any) -> Settings:
    """A deployed bot's settings that pass every offline check; `overrides` change single fields."""
    values: dict[str, Any] = {"app_id": APP_ID, "app_password": SECRET, "bot_domain": BOT_DOMAIN}
    values.update(overrides)
    return Settings(**values)


@dataclass
class TlsFiles:
    cert: Path
    key: Path


@pytest.fixture(scope="session")
def tls(tmp_path_factory: pytest.TempPathFactory) -> TlsFiles:
    """A self-signed certificate for 127.0.0.1, valid around the real clock whatever the date."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=2))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("tls")
    files = TlsFiles(cert=folder / "cert.pem", key=folder / "key.pem")
    files.cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    files.key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return files


@dataclass
class FakeMicrosoft:
    """What the stand-in knows and what it was asked. Tests change `connections` and `clients` to vary it."""

    url: str = ""
    ca_bundle: str = ""
    clients: dict[str, str] = field(default_factory=lambda: {APP_ID: SECRET})
    tenants: set[str] = field(default_factory=lambda: {TENANT_ID, "botframework.com", "organizations"})
    connections: dict[str, str | None] = field(default_factory=lambda: {"graph": f"api://botid-{APP_ID}"})
    accepted_token: str = APP_TOKEN
    token_requests: list[dict[str, str]] = field(default_factory=list)
    sign_in_requests: list[dict[str, Any]] = field(default_factory=list)
    identity_requests: list[dict[str, str]] = field(default_factory=list)

    def endpoints(self, **overrides: Any) -> Endpoints:
        values: dict[str, Any] = {
            "login": self.url, "token_service": self.url, "ca_bundle": self.ca_bundle, "timeout": 10.0,
        }
        values.update(overrides)
        return Endpoints(**values)


def _app(fake: FakeMicrosoft) -> web.Application:
    async def openid(request: web.Request) -> web.Response:
        tenant = request.match_info["tenant"]
        if tenant not in fake.tenants:
            return web.json_response(
                {"error": "invalid_tenant", "error_description": f"AADSTS90002: Tenant '{tenant}' not found."},
                status=400,
            )
        base = f"{fake.url}/{tenant}"
        return web.json_response({
            "issuer": f"{fake.url}/{TENANT_ID}/v2.0",
            "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
            "token_endpoint": f"{base}/oauth2/v2.0/token",
            "jwks_uri": f"{fake.url}/{tenant}/discovery/v2.0/keys",
        })

    async def token(request: web.Request) -> web.Response:
        form = {key: str(value) for key, value in (await request.post()).items()}
        fake.token_requests.append({"tenant": request.match_info["tenant"], **form})
        client = form.get("client_id", "")
        if client not in fake.clients:
            return web.json_response({
                "error": "unauthorized_client",
                "error_description": f"AADSTS700016: Application with identifier '{client}' was not found.",
            }, status=400)
        if form.get("client_secret") != fake.clients[client]:
            return web.json_response({
                "error": "invalid_client",
                "error_description": "AADSTS7000215: Invalid client secret provided.",
            }, status=401)
        return web.json_response({"token_type": "Bearer", "expires_in": 3599, "access_token": APP_TOKEN})

    async def sign_in_resource(request: web.Request) -> web.Response:
        raw = request.query.get("state", "")
        state = json.loads(base64.b64decode(raw + "=" * (-len(raw) % 4)))
        fake.sign_in_requests.append({"authorization": request.headers.get("Authorization", ""), "state": state})
        if request.headers.get("Authorization") != f"Bearer {fake.accepted_token}":
            return web.json_response({"error": {"code": "Unauthorized"}}, status=401)
        connection = state.get("connectionName") or state.get("ConnectionName")
        if connection not in fake.connections:
            return web.json_response({"error": {"code": "BadArgument", "message": "Invalid ConnectionName"}}, status=400)
        uri = fake.connections[connection]
        body: dict[str, Any] = {"signInLink": f"{fake.url}/signin", "tokenPostResource": {}}
        if uri is not None:
            body["tokenExchangeResource"] = {"id": "x1", "uri": uri, "providerId": "p1"}
        return web.json_response(body)

    async def managed_identity(request: web.Request) -> web.Response:
        fake.identity_requests.append({**request.query, "header": request.headers.get("X-IDENTITY-HEADER", "")})
        if request.headers.get("X-IDENTITY-HEADER") != "identity-header":
            return web.json_response({"statusCode": 400, "message": "bad header"}, status=400)
        return web.json_response({
            "access_token": APP_TOKEN, "expires_on": str(int(time.time()) + 3600),
            "resource": request.query.get("resource"), "token_type": "Bearer",
        })

    app = web.Application()
    app.router.add_get("/{tenant}/v2.0/.well-known/openid-configuration", openid)
    app.router.add_post("/{tenant}/oauth2/v2.0/token", token)
    app.router.add_get("/api/botsignin/GetSignInResource", sign_in_resource)
    app.router.add_get("/msi/token", managed_identity)
    return app


@pytest.fixture
async def fake_microsoft(tls: TlsFiles) -> AsyncIterator[FakeMicrosoft]:
    fake = FakeMicrosoft(ca_bundle=str(tls.cert))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(tls.cert, tls.key)
    runner = web.AppRunner(_app(fake), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=context)
    await site.start()
    port = runner.addresses[0][1]
    fake.url = f"https://127.0.0.1:{port}"
    try:
        yield fake
    finally:
        await runner.cleanup()


@pytest.fixture
def closed_port_url() -> str:
    """An https URL on a loopback port where nothing listens."""
    return f"https://127.0.0.1:{free_port()}"


@pytest.fixture(scope="session")
def doctor_redis() -> Iterator[RedisServer]:
    server = RedisServer(port=free_port(), password=REDIS_PASSWORD)
    server.start()
    yield server
    server.stop()
