"""Bot Framework authentication for CloudAdapter: token-service redirection, client reuse (B4, B7, B8: bots/sdkfix/)."""

from __future__ import annotations

import logging
from typing import Any

from botbuilder.integration.aiohttp import (
    ConfigurationBotFrameworkAuthentication,
    ConfigurationServiceClientCredentialFactory,
)
from botbuilder.schema import Activity
from botframework.connector.aio import ConnectorClient
from botframework.connector.auth import (
    AuthenticateRequestResult,
    AuthenticationConstants,
    ClaimsIdentity,
    ConnectorFactory,
    MicrosoftAppCredentials,
    ServiceClientCredentialsFactory,
    UserTokenClient,
)
from botframework.connector.auth._built_in_bot_framework_authentication import (
    _BuiltinBotFrameworkAuthentication,
)
from botframework.connector.auth._user_token_client_impl import _UserTokenClientImpl

from bots.connector import FastConnectorClient, FastUserTokenClient, channel_session
from bots.errors import AuthenticationUnavailable
from bots.sdkfix.b4_parameterised_settings import builtin_only
from bots.sdkfix.b7_anonymous_app_id import token_app_id
from bots.sdkfix.b8_blocking_metadata import UNREACHABLE_KEYS
from config import BotConfig
from graph.http_session import HttpSession

__all__ = ["AppBotFrameworkAuthentication"]

logger = logging.getLogger(__name__)



_ConnectorKey = tuple[str | None, str, str | None]  # (app id, service URL, audience)


class _CachingConnectorFactory(ConnectorFactory):
    """Reuses one ConnectorClient per (app id, service URL, audience): building one costs ~5 ms in msrest."""

    def __init__(
        self, inner: ConnectorFactory, cache: dict[_ConnectorKey, FastConnectorClient], http: HttpSession,
        *, app_id: str | None,
    ) -> None:
        self._inner = inner
        self._cache = cache
        self._http = http
        self._app_id = app_id

    async def create(self, service_url: str, audience: str | None = None) -> ConnectorClient:
        key = (self._app_id, service_url, audience)
        client = self._cache.get(key)
        if client is None:
            inner = await self._inner.create(service_url, audience)
            client = FastConnectorClient(inner=inner, service_url=service_url, http=self._http)
            self._cache[key] = client
        return client  # type: ignore[return-value]  # duck-typed: the adapter uses .conversations


class AppBotFrameworkAuthentication(ConfigurationBotFrameworkAuthentication):
    """The SDK's built-in authentication, with the user-token client pointed at our token service.

    Only `create_user_token_client` is overridden so that the SDK's own inbound checks keep running
    (setting `OAUTH_URL` instead would switch to a code path that crashes, B4).
    """

    def __init__(
        self,
        config: BotConfig,
        *,
        token_service_url: str | None = None,
        credentials_factory: ServiceClientCredentialsFactory | None = None,
    ) -> None:
        builtin_only(config)  # B4
        factory = credentials_factory or ConfigurationServiceClientCredentialFactory(config)
        super().__init__(config, credentials_factory=factory)
        self._credentials_factory = factory
        self._has_app_id = bool(config.APP_ID)
        self._app_id = token_app_id(config.APP_ID)
        self._token_service_url = token_service_url
        self._http = channel_session()
        self._connectors: dict[_ConnectorKey, FastConnectorClient] = {}
        self._token_clients: dict[str, UserTokenClient] = {}

    async def authenticate_request(self, activity: Activity, auth_header: str) -> AuthenticateRequestResult:
        """The SDK's inbound check; any failure is a PermissionError (the route answers 401).

        The SDK raises IndexError for a key id missing from the JWKS, a bare Exception for a failed
        endorsement and PyJWT errors for expired or malformed tokens; none of them is a server fault.
        """
        try:
            result = await super().authenticate_request(activity, auth_header)
        except PermissionError:
            raise
        except UNREACHABLE_KEYS as exc:  # the OpenID metadata or keys are unreachable (B8)
            logger.warning("inbound authentication unavailable: %s", type(exc).__name__)
            raise AuthenticationUnavailable("The channel's signing keys are unreachable.") from exc
        except Exception as exc:
            logger.warning("inbound authentication failed: %s", type(exc).__name__)
            raise PermissionError("Unauthorized.") from exc
        # The SDK builds this factory itself, not through create_connector_factory: unwrapped, every inbound
        # turn built a msrest ConnectorClient (~6 ms) and sent its replies through requests threads.
        if result.connector_factory is not None:
            result.connector_factory = self._caching(result.connector_factory, result.claims_identity)
        return result

    def create_connector_factory(self, claims_identity: ClaimsIdentity) -> ConnectorFactory:
        return self._caching(super().create_connector_factory(claims_identity), claims_identity)

    def _caching(self, inner: ConnectorFactory, claims_identity: ClaimsIdentity | None) -> ConnectorFactory:
        app_id = _BuiltinBotFrameworkAuthentication.get_app_id(claims_identity) if claims_identity else None
        return _CachingConnectorFactory(inner, self._connectors, self._http, app_id=app_id)

    async def create_user_token_client(self, claims_identity: ClaimsIdentity) -> UserTokenClient:
        # One client per app id: building one costs ~5 ms in msrest, and its credentials do not change.
        key = _BuiltinBotFrameworkAuthentication.get_app_id(claims_identity) or self._app_id
        client = self._token_clients.get(key)
        if client is None:
            inner: Any
            credentials = None
            if self._has_app_id:
                credentials = await self._credentials_factory.create_credentials(
                    self._app_id,
                    AuthenticationConstants.TO_CHANNEL_FROM_BOT_OAUTH_SCOPE,
                    AuthenticationConstants.TO_CHANNEL_FROM_BOT_LOGIN_URL,
                    True,
                )
            if self._token_service_url:  # local mode and tests: the sandbox's token service
                inner = _UserTokenClientImpl(
                    self._app_id, credentials or MicrosoftAppCredentials.empty(), self._token_service_url
                )
            else:
                inner = await super().create_user_token_client(claims_identity)
            client = self._token_clients[key] = FastUserTokenClient(
                app_id=self._app_id,
                base_url=self._token_service_url or AuthenticationConstants.OAUTH_URL,
                credentials=credentials,
                http=self._http,
                fallback=inner,  # only for GetTokenStatus / GetAadTokens
            )
        return client

    async def close(self) -> None:
        """Close the shared HTTP session and the cached connector clients."""
        await self._http.close()
        clients = list(self._connectors.values())
        self._connectors.clear()
        for client in clients:
            try:
                await client.close()
            except Exception:  # closing is best effort at shutdown
                logger.debug("connector client close failed", exc_info=True)
