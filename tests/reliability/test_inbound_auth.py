"""Inbound authentication with MicrosoftAppId set, against a local JWT issuer: only a valid channel token runs the bot."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.reliability.conftest import APP_ID
from tests.reliability.issuer import FAKE_BEARER, LocalIssuer
from tests.support.bot import BotServer, texts


async def _post(auth_bot: BotServer, headers: dict[str, str]) -> tuple[int, str, list[dict[str, Any]]]:
    conv = auth_bot.conversation()
    activity = conv.activity(text="help")
    response = await auth_bot.http.post(f"{auth_bot.url}/api/messages", json=activity, headers=headers)
    return response.status_code, response.text, auth_bot.channel.activities(conv.conversation_id)


async def test_valid_channel_token_runs_the_bot(
    auth_bot: BotServer, issuer: LocalIssuer, summary: Callable[..., None]
) -> None:
    summary(load="1 message", faults="none", notes="local issuer, MicrosoftAppId set")
    token = issuer.mint(audience=APP_ID, service_url=auth_bot.channel.url)
    status, body, replies = await _post(auth_bot, {"Authorization": f"Bearer {token}"})
    assert status == 201, body
    assert texts(replies) and "Here is what I can do" in texts(replies)[0]
    # The reply went out with the static outbound credentials, never to Entra.
    assert all(r["_authorization"] == f"Bearer {FAKE_BEARER}" for r in replies)
    assert "/keys" in issuer.hits


BAD_HEADERS: dict[str, Callable[[LocalIssuer, str], dict[str, str]]] = {
    "forged_signature": lambda i, url: {"Authorization": f"Bearer {i.mint(audience=APP_ID, service_url=url, forged=True)}"},
    "expired": lambda i, url: {"Authorization": f"Bearer {i.mint(audience=APP_ID, service_url=url, lifetime=-3600)}"},
    "wrong_audience": lambda i, url: {"Authorization": f"Bearer {i.mint(audience='another-app', service_url=url)}"},
    "wrong_serviceurl": lambda i, url: {
        "Authorization": f"Bearer {i.mint(audience=APP_ID, service_url='https://evil.example/')}"
    },
    "wrong_issuer": lambda i, url: {
        "Authorization": f"Bearer {i.mint(audience=APP_ID, service_url=url, issuer='https://evil.example')}"
    },
    "unknown_kid": lambda i, url: {"Authorization": f"Bearer {i.mint(audience=APP_ID, service_url=url, kid='nope')}"},
    "missing_header": lambda i, url: {},
    "malformed_bearer": lambda i, url: {"Authorization": "Bearer not.a.jwt"},
    "garbage_bearer": lambda i, url: {"Authorization": "Bearer %%%"},
    "basic_scheme": lambda i, url: {"Authorization": "Basic dXNlcjpwYXNz"},
    "empty_bearer": lambda i, url: {"Authorization": "Bearer"},
}


@pytest.mark.parametrize("case", sorted(BAD_HEADERS))
async def test_bad_credentials_get_401_and_the_bot_never_runs(
    auth_bot: BotServer, issuer: LocalIssuer, case: str, summary: Callable[..., None]
) -> None:
    summary(load="1 message", faults=case.replace("_", " "))
    status, body, replies = await _post(auth_bot, BAD_HEADERS[case](issuer, auth_bot.channel.url))
    assert status == 401, body
    assert replies == []


async def test_unknown_kid_after_a_valid_request_is_401(auth_bot: BotServer, issuer: LocalIssuer) -> None:
    """With the metadata already cached (the usual production state), an unknown key id is still a 401."""
    good = issuer.mint(audience=APP_ID, service_url=auth_bot.channel.url)
    assert (await _post(auth_bot, {"Authorization": f"Bearer {good}"}))[0] == 201
    bad = issuer.mint(audience=APP_ID, service_url=auth_bot.channel.url, kid="rotated-away")
    status, _, replies = await _post(auth_bot, {"Authorization": f"Bearer {bad}"})
    assert status == 401
    assert replies == []


async def test_channel_not_endorsed_by_the_key_is_401(auth_bot: BotServer, issuer: LocalIssuer) -> None:
    """The JWKS key is endorsed for msteams and webchat only: the same token from another channel is refused."""
    conv = auth_bot.conversation(channel_id="directline")
    token = issuer.mint(audience=APP_ID, service_url=auth_bot.channel.url)
    response = await auth_bot.http.post(
        f"{auth_bot.url}/api/messages", json=conv.activity(text="help"), headers={"Authorization": f"Bearer {token}"}
    )
    assert response.status_code == 401, response.text
    assert auth_bot.channel.activities(conv.conversation_id) == []


async def test_unreachable_signing_keys_are_503_not_401(
    auth_bot: BotServer, issuer: LocalIssuer, summary: Callable[..., None]
) -> None:
    """When our side cannot fetch the channel's keys, the caller is not at fault: 503 so the channel may retry."""
    summary(load="1 message", faults="OpenID metadata unreachable")
    token = issuer.mint(audience=APP_ID, service_url=auth_bot.channel.url)
    issuer.stop()  # the metadata was never fetched: the first request must fetch it, and cannot
    status, body, replies = await _post(auth_bot, {"Authorization": f"Bearer {token}"})
    assert status == 503, body
    assert replies == []
