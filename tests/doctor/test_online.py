"""The online checks against a local HTTPS stand-in for Entra and the token service, and the real sandbox."""

from __future__ import annotations

import pytest

from doctor import Status
from doctor.online import APP_TOKEN, OPENID, SIGN_IN, online_checks

from .conftest import APP_ID, SECRET, TENANT_ID, FakeMicrosoft, settings
from .conftest import APP_TOKEN as FAKE_TOKEN

RESOURCE = f"api://botid-{APP_ID}"


def _by_name(checks):
    assert [check.name for check in checks] == [OPENID, APP_TOKEN, SIGN_IN]
    return {check.name: check for check in checks}


async def test_everything_answers_as_configured(fake_microsoft: FakeMicrosoft) -> None:
    checks = _by_name(
        await online_checks(settings(), fake_microsoft.endpoints(), manifest_resource=RESOURCE, ready=True)
    )
    assert [check.status for check in checks.values()] == [Status.OK] * 3, checks
    assert "tenant organizations" in checks[OPENID].detail
    (request,) = fake_microsoft.token_requests
    assert request["tenant"] == "botframework.com"  # a MultiTenant bot gets its token there
    assert request["client_id"] == APP_ID and request["grant_type"] == "client_credentials"
    assert request["scope"] == "https://api.botframework.com/.default"
    (sign_in,) = fake_microsoft.sign_in_requests
    assert sign_in["authorization"] == f"Bearer {FAKE_TOKEN}"
    assert sign_in["state"]["connectionName"] == "graph" and sign_in["state"]["msAppId"] == APP_ID
    assert "matches the manifest" in checks[SIGN_IN].detail
    assert FAKE_TOKEN not in " ".join(check.detail for check in checks.values())


async def test_single_tenant_bot_uses_its_own_tenant(fake_microsoft: FakeMicrosoft) -> None:
    bot = settings(app_type="SingleTenant", app_tenant_id=TENANT_ID)
    checks = _by_name(await online_checks(bot, fake_microsoft.endpoints(), manifest_resource=RESOURCE, ready=True))
    assert checks[APP_TOKEN].status is Status.OK
    assert [request["tenant"] for request in fake_microsoft.token_requests] == [TENANT_ID]
    assert f"tenant {TENANT_ID}" in checks[OPENID].detail


async def test_unknown_tenant_fails_the_openid_check(fake_microsoft: FakeMicrosoft) -> None:
    bot = settings(app_type="SingleTenant", app_tenant_id="bbbbbbbb-0000-0000-0000-000000000000")
    checks = _by_name(await online_checks(bot, fake_microsoft.endpoints(), manifest_resource=RESOURCE, ready=True))
    assert checks[OPENID].status is Status.FAIL
    assert "MicrosoftAppTenantId" in checks[OPENID].detail
    assert checks[APP_TOKEN].status is Status.FAIL
    assert "MicrosoftAppTenantId" in checks[APP_TOKEN].detail
    assert checks[SIGN_IN].status is Status.SKIP


async def test_wrong_secret_is_named_without_showing_it(fake_microsoft: FakeMicrosoft) -> None:
    wrong = "Wrong~secret-value-0123456789"
    checks = _by_name(await online_checks(
        settings(app_password=wrong), fake_microsoft.endpoints(), manifest_resource=RESOURCE, ready=True
    ))
    assert checks[APP_TOKEN].status is Status.FAIL
    assert "AADSTS7000215" in checks[APP_TOKEN].detail and "secret" in checks[APP_TOKEN].detail
    assert wrong not in checks[APP_TOKEN].detail and SECRET not in checks[APP_TOKEN].detail
    assert checks[SIGN_IN].status is Status.SKIP
    assert fake_microsoft.sign_in_requests == []


async def test_unknown_app_id_is_explained(fake_microsoft: FakeMicrosoft) -> None:
    other = "22222222-3333-4444-5555-666666666666"
    checks = _by_name(await online_checks(
        settings(app_id=other), fake_microsoft.endpoints(), manifest_resource=RESOURCE, ready=True
    ))
    assert checks[APP_TOKEN].status is Status.FAIL
    assert "AADSTS700016" in checks[APP_TOKEN].detail and "MicrosoftAppId" in checks[APP_TOKEN].detail


@pytest.mark.parametrize(
    ("connections", "wanted"),
    [
        ({"graph": "api://botid-00000000-0000-0000-0000-000000000000"}, "resourcematchfailed"),
        ({"graph": None}, "no Token Exchange URL"),
        ({"sso": RESOURCE}, "ConnectionName"),
    ],
)
async def test_connection_problems_fail_the_sign_in_check(
    fake_microsoft: FakeMicrosoft, connections: dict[str, str | None], wanted: str
) -> None:
    fake_microsoft.connections = connections
    checks = _by_name(
        await online_checks(settings(), fake_microsoft.endpoints(), manifest_resource=RESOURCE, ready=True)
    )
    assert checks[APP_TOKEN].status is Status.OK
    assert checks[SIGN_IN].status is Status.FAIL
    assert wanted in checks[SIGN_IN].detail


async def test_connection_name_comes_from_the_settings(fake_microsoft: FakeMicrosoft) -> None:
    fake_microsoft.connections = {"sso": RESOURCE}
    checks = _by_name(await online_checks(
        settings(connection_name="sso"), fake_microsoft.endpoints(), manifest_resource=RESOURCE, ready=True
    ))
    assert checks[SIGN_IN].status is Status.OK
    assert fake_microsoft.sign_in_requests[0]["state"]["connectionName"] == "sso"


async def test_token_service_that_refuses_the_bot_or_is_elsewhere(fake_microsoft: FakeMicrosoft) -> None:
    fake_microsoft.accepted_token = "a token for another bot"
    checks = _by_name(
        await online_checks(settings(), fake_microsoft.endpoints(), manifest_resource=RESOURCE, ready=True)
    )
    assert checks[SIGN_IN].status is Status.FAIL
    assert "HTTP 401" in checks[SIGN_IN].detail and "MicrosoftAppType" in checks[SIGN_IN].detail
    elsewhere = fake_microsoft.endpoints(token_service=fake_microsoft.url + "/elsewhere")
    checks = _by_name(await online_checks(settings(), elsewhere, manifest_resource=RESOURCE, ready=True))
    assert checks[SIGN_IN].status is Status.FAIL
    assert "HTTP 404" in checks[SIGN_IN].detail


async def test_unreachable_entra_skips_every_online_check(fake_microsoft: FakeMicrosoft, closed_port_url) -> None:
    endpoints = fake_microsoft.endpoints(login=closed_port_url, timeout=3.0)
    checks = _by_name(await online_checks(settings(), endpoints, manifest_resource=RESOURCE, ready=True))
    assert [check.status for check in checks.values()] == [Status.SKIP] * 3
    assert "cannot reach 127.0.0.1" in checks[OPENID].detail
    assert fake_microsoft.token_requests == []


async def test_offline_flag_and_failed_prerequisites_skip(fake_microsoft: FakeMicrosoft) -> None:
    offline = await online_checks(settings(), fake_microsoft.endpoints(), manifest_resource=RESOURCE, ready=True,
                                  offline=True)
    assert [check.status for check in offline] == [Status.SKIP] * 3
    not_ready = _by_name(
        await online_checks(settings(), fake_microsoft.endpoints(), manifest_resource=RESOURCE, ready=False)
    )
    assert not_ready[OPENID].status is Status.OK
    assert not_ready[APP_TOKEN].status is Status.SKIP and not_ready[SIGN_IN].status is Status.SKIP
    assert fake_microsoft.token_requests == []


async def test_managed_identity_needs_its_endpoint(fake_microsoft: FakeMicrosoft, monkeypatch) -> None:
    for name in ("IDENTITY_ENDPOINT", "IDENTITY_HEADER", "MSI_ENDPOINT", "MSI_SECRET"):
        monkeypatch.delenv(name, raising=False)
    bot = settings(app_type="UserAssignedMSI", app_password="", app_tenant_id=TENANT_ID)
    checks = _by_name(await online_checks(bot, fake_microsoft.endpoints(), manifest_resource=RESOURCE, ready=True))
    assert checks[APP_TOKEN].status is Status.SKIP
    assert "IDENTITY_ENDPOINT" in checks[APP_TOKEN].detail
    monkeypatch.setenv("IDENTITY_ENDPOINT", f"{fake_microsoft.url}/msi/token")
    monkeypatch.setenv("IDENTITY_HEADER", "identity-header")
    checks = _by_name(await online_checks(bot, fake_microsoft.endpoints(), manifest_resource=RESOURCE, ready=True))
    assert checks[APP_TOKEN].status is Status.OK, checks[APP_TOKEN]
    assert "managed identity" in checks[APP_TOKEN].detail
    (request,) = fake_microsoft.identity_requests
    assert request["client_id"] == APP_ID and request["resource"] == "https://api.botframework.com"
    assert checks[SIGN_IN].status is Status.OK


async def test_sign_in_resource_of_the_real_sandbox_token_service(
    fake_microsoft: FakeMicrosoft, sandbox_url: str
) -> None:
    endpoints = fake_microsoft.endpoints(token_service=sandbox_url)
    checks = _by_name(await online_checks(settings(), endpoints, manifest_resource=RESOURCE, ready=True))
    assert checks[SIGN_IN].status is Status.OK, checks[SIGN_IN]
    assert RESOURCE in checks[SIGN_IN].detail
    mismatch = _by_name(await online_checks(
        settings(), endpoints, manifest_resource=f"api://mipa.example.com/botid-{APP_ID}", ready=True
    ))
    assert mismatch[SIGN_IN].status is Status.FAIL
    assert "resourcematchfailed" in mismatch[SIGN_IN].detail
