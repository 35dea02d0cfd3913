"""Online checks: Entra's OpenID metadata, the bot's own app token (msal), the OAuth connection's sign-in resource.

Every endpoint comes from `Endpoints`, so tests point them at local servers. When Entra cannot be reached
at all the three checks are reported as skipped, not failed: the doctor also runs on a laptop offline.
"""

from __future__ import annotations

import asyncio
import functools
import os
import re
import ssl
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import httpx
import msal
from botbuilder.schema import Activity, ChannelAccount, ConversationAccount
from botframework.connector.auth import UserTokenClient

from config import Settings

from .report import Check

__all__ = ["Endpoints", "online_checks"]

OPENID = "Entra OpenID"
APP_TOKEN = "app token"
SIGN_IN = "sign-in resource"
ONLINE = (OPENID, APP_TOKEN, SIGN_IN)

_AADSTS = re.compile(r"AADSTS\d+")
_FIXES = {
    "AADSTS7000215": "the client secret is wrong: copy the secret's Value (not its ID) into MicrosoftAppPassword, "
                     "or create a new secret",
    "AADSTS7000222": "the client secret has expired: create a new one and update MicrosoftAppPassword",
    "AADSTS700016": "this tenant does not know MicrosoftAppId: check the app id, and for a SingleTenant app set "
                    "MicrosoftAppType=SingleTenant with its MicrosoftAppTenantId",
    "AADSTS90002": "the tenant does not exist: check MicrosoftAppTenantId",
    "AADSTS900023": "the tenant id is malformed: check MicrosoftAppTenantId",
    "AADSTS50049": "the tenant id is malformed: check MicrosoftAppTenantId",
}


@dataclass(frozen=True, slots=True)
class Endpoints:
    """Where the online checks go; `ca_bundle` lets tests trust their local HTTPS servers."""

    login: str = "https://login.microsoftonline.com"
    token_service: str = "https://token.botframework.com"
    bot_framework_scope: str = "https://api.botframework.com/.default"
    ca_bundle: str | None = None
    timeout: float = 10.0

    def verify(self) -> ssl.SSLContext | bool:
        return ssl.create_default_context(cafile=self.ca_bundle) if self.ca_bundle else True

    @property
    def login_host(self) -> str:
        return urlsplit(self.login).netloc


def _openid_tenant(settings: Settings) -> str:
    return settings.app_tenant_id or "organizations"


def _token_tenant(settings: Settings) -> str:
    """Where the bot gets its Bot Framework token: its own tenant when SingleTenant, else botframework.com."""
    if settings.app_type == "SingleTenant" and settings.app_tenant_id:
        return settings.app_tenant_id
    return "botframework.com"


async def check_openid(settings: Settings, endpoints: Endpoints, http: httpx.AsyncClient) -> tuple[Check, bool]:
    """Entra's OpenID metadata for the tenant that issues the Graph tokens; False when Entra is unreachable."""
    tenant = _openid_tenant(settings)
    url = f"{endpoints.login.rstrip('/')}/{tenant}/v2.0/.well-known/openid-configuration"
    try:
        response = await http.get(url)
    except httpx.TransportError as exc:
        return Check.skip(OPENID, f"cannot reach {endpoints.login_host} ({type(exc).__name__}): offline, so the "
                                  "online checks are skipped"), False
    if response.status_code in (400, 404):
        return Check.fail(OPENID, f"Entra does not know the tenant {tenant!r} (HTTP {response.status_code}): "
                                  "check MicrosoftAppTenantId."), True
    try:
        metadata = response.json()
        issuer, jwks, _ = (str(metadata[key]) for key in ("issuer", "jwks_uri", "token_endpoint"))
    except (ValueError, KeyError, TypeError):
        return Check.fail(OPENID, f"{url} answered HTTP {response.status_code} without OpenID metadata: a proxy "
                                  "may be in the way of Entra."), True
    return Check.ok(OPENID, f"tenant {tenant}: issuer {issuer}, signing keys at {urlsplit(jwks).netloc}"), True


def _acquire_app_token(settings: Settings, endpoints: Endpoints) -> dict[str, Any]:
    """The bot's Bot Framework token through msal (blocking: run it in a thread)."""
    if settings.app_type == "UserAssignedMSI":
        client = msal.ManagedIdentityClient(
            msal.UserAssignedManagedIdentity(client_id=settings.app_id), http_client=_requests_session(endpoints)
        )
        resource = endpoints.bot_framework_scope.removesuffix("/.default")
        return dict(client.acquire_token_for_client(resource=resource))
    app = msal.ConfidentialClientApplication(
        settings.app_id,
        client_credential=settings.app_password,
        authority=f"{endpoints.login.rstrip('/')}/{_token_tenant(settings)}",
        instance_discovery=False,  # the public cloud's hosts are known to msal; local test servers are not
        http_client=_requests_session(endpoints),
    )
    return dict(app.acquire_token_for_client(scopes=[endpoints.bot_framework_scope]))


def _requests_session(endpoints: Endpoints) -> Any:
    """msal's own HTTP client (requests) with the doctor's timeout and, for tests, its CA bundle."""
    import requests  # a dependency of msal, imported when msal runs

    session = requests.Session()
    options: dict[str, Any] = {"timeout": endpoints.timeout}
    if endpoints.ca_bundle:
        # per request: requests lets REQUESTS_CA_BUNDLE override a session-wide `verify`
        options["verify"] = endpoints.ca_bundle
    session.request = functools.partial(session.request, **options)  # type: ignore[method-assign]
    return session


def _managed_identity_available() -> bool:
    """What msal looks for to reach a managed identity on App Service (or Azure ML)."""
    return ("IDENTITY_ENDPOINT" in os.environ and "IDENTITY_HEADER" in os.environ) or (
        "MSI_ENDPOINT" in os.environ and "MSI_SECRET" in os.environ
    )


async def check_app_token(settings: Settings, endpoints: Endpoints) -> tuple[Check, str | None]:
    if settings.app_type == "UserAssignedMSI" and not _managed_identity_available():
        return Check.skip(APP_TOKEN, "no managed identity endpoint here (IDENTITY_ENDPOINT is not set): run the "
                                     "doctor on the web app (App Service SSH) to check the managed identity"), None
    try:
        result = await asyncio.to_thread(_acquire_app_token, settings, endpoints)
    except ValueError as exc:  # msal: the authority's metadata could not be read (unknown tenant)
        code = _AADSTS.search(str(exc))
        fix = _FIXES.get(code.group(0), "") if code else ""
        return Check.fail(APP_TOKEN, f"msal could not use the authority {_token_tenant(settings)!r}: "
                                     f"{fix or 'check MicrosoftAppType and MicrosoftAppTenantId'}."), None
    except Exception as exc:  # noqa: BLE001 - network errors come from requests, inside msal
        return Check.fail(APP_TOKEN, f"msal could not reach {endpoints.login_host} ({type(exc).__name__}): the "
                                     "bot needs outbound HTTPS to Entra."), None
    token = result.get("access_token")
    if token:
        lifetime = result.get("expires_in")
        how = "managed identity" if settings.app_type == "UserAssignedMSI" else "client secret"
        return Check.ok(APP_TOKEN, f"the bot got its Bot Framework token with its {how} (valid {lifetime} s, "
                                   "not shown)"), str(token)
    error = str(result.get("error", "error"))
    description = str(result.get("error_description", ""))
    code = _AADSTS.search(description)
    hint = _FIXES.get(code.group(0), "") if code else ""
    summary = code.group(0) if code else description.split(".")[0][:160]
    return Check.fail(APP_TOKEN, f"Entra refused the bot's token ({error}, {summary}): "
                                 f"{hint or 'check MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppType'}."), None


def _doctor_activity(app_id: str) -> Activity:
    """A conversation that exists only to build the token exchange state the token service expects."""
    return Activity(
        type="message",
        id="mipa-doctor",
        channel_id="msteams",
        service_url="https://smba.trafficmanager.net/teams/",
        conversation=ConversationAccount(id="mipa-doctor"),
        from_property=ChannelAccount(id="mipa-doctor"),
        recipient=ChannelAccount(id=app_id),
    )


async def check_sign_in_resource(
    settings: Settings, endpoints: Endpoints, http: httpx.AsyncClient, token: str, manifest_resource: str | None
) -> Check:
    """The token service knows the connection, and its Token Exchange URL is the manifest's resource."""
    connection = settings.connection_name
    state = UserTokenClient.create_token_exchange_state(settings.app_id, connection, _doctor_activity(settings.app_id))
    url = f"{endpoints.token_service.rstrip('/')}/api/botsignin/GetSignInResource"
    try:
        response = await http.get(url, params={"state": state}, headers={"Authorization": f"Bearer {token}"})
    except httpx.TransportError as exc:
        return Check.fail(SIGN_IN, f"cannot reach {urlsplit(url).netloc} ({type(exc).__name__}): the bot needs "
                                   "outbound HTTPS to the Bot Framework token service.")
    if response.status_code in (401, 403):
        return Check.fail(SIGN_IN, f"the token service refused the bot's token (HTTP {response.status_code}): the "
                                   "Azure Bot's app id and type must be MicrosoftAppId and MicrosoftAppType.")
    if response.status_code != 200:
        return Check.fail(SIGN_IN, f"the token service has no sign-in for connection {connection!r} (HTTP "
                                   f"{response.status_code}): create the Azure Bot's OAuth connection, or set "
                                   "ConnectionName to its exact name.")
    try:
        body = response.json()
        exchange = body.get("tokenExchangeResource") or {}
        uri = str(exchange.get("uri") or "")
    except (ValueError, AttributeError):
        return Check.fail(SIGN_IN, f"the token service answered connection {connection!r} without a sign-in "
                                   "resource: check the Azure Bot's OAuth connection.")
    expected = manifest_resource or "api://botid-{MicrosoftAppId}"
    if not uri:
        return Check.fail(SIGN_IN, f"connection {connection!r} has no Token Exchange URL, so Teams and Copilot "
                                   f"cannot sign in silently: set it to {expected}.")
    if manifest_resource is not None and uri.rstrip("/") != manifest_resource.rstrip("/"):
        return Check.fail(SIGN_IN, f"connection {connection!r} has Token Exchange URL {uri} but the manifest's "
                                   f"webApplicationInfo.resource is {manifest_resource}: make them equal (Teams "
                                   "answers resourcematchfailed otherwise).")
    return Check.ok(SIGN_IN, f"connection {connection!r} exists; its Token Exchange URL {uri} matches the manifest")


async def online_checks(
    settings: Settings,
    endpoints: Endpoints,
    *,
    manifest_resource: str | None,
    ready: bool,
    offline: bool = False,
) -> list[Check]:
    """The three online checks; `ready` is False when the offline checks they depend on failed."""
    if offline:
        return [Check.skip(name, "--offline: not checked") for name in ONLINE]
    async with httpx.AsyncClient(timeout=endpoints.timeout, verify=endpoints.verify()) as http:
        openid, reachable = await check_openid(settings, endpoints, http)
        if not reachable:
            return [openid] + [Check.skip(name, f"{endpoints.login_host} cannot be reached") for name in ONLINE[1:]]
        if not ready:
            reason = "needs a valid MicrosoftAppId and credentials (see above)"
            return [openid, Check.skip(APP_TOKEN, reason), Check.skip(SIGN_IN, reason)]
        app_token, token = await check_app_token(settings, endpoints)
        if token is None:
            return [openid, app_token, Check.skip(SIGN_IN, "needs the bot's app token (see above)")]
        sign_in = await check_sign_in_resource(settings, endpoints, http, token, manifest_resource)
        return [openid, app_token, sign_in]
