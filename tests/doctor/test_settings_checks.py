"""The offline checks of the settings: each one passes on a good deployment and names what is wrong otherwise."""

from __future__ import annotations

import pytest

from doctor import Status
from doctor.settings_checks import (
    check_app_id,
    check_bot_domain,
    check_connection_name,
    check_credentials,
    check_originator,
    check_startup,
    check_tenant,
)

from .conftest import APP_ID, SECRET, TENANT_ID, settings


def test_a_good_deployment_passes_every_settings_check() -> None:
    good = settings(outlook_originator_id="9a8b7c6d-1111-2222-3333-444455556666")
    for check in (check_startup, check_app_id, check_credentials, check_tenant, check_bot_domain,
                  check_connection_name, check_originator):
        result = check(good)
        assert result.status is Status.OK, result
        assert SECRET not in result.detail


@pytest.mark.parametrize("app_id", ["not-a-guid", "11111111222233334444555555555555", "{" + APP_ID + "}"])
def test_app_id_must_be_a_guid(app_id: str) -> None:
    result = check_app_id(settings(app_id=app_id))
    assert result.status is Status.FAIL
    assert result.name == "MicrosoftAppId" and "MicrosoftAppId" in result.detail and "not a GUID" in result.detail


def test_missing_app_id_means_local_mode() -> None:
    result = check_app_id(settings(app_id=""))
    assert result.status is Status.FAIL
    assert "local mode" in result.detail


@pytest.mark.parametrize(
    ("overrides", "status", "wanted"),
    [
        ({"app_password": ""}, Status.FAIL, "MicrosoftAppPassword is not set"),
        ({"app_password": "", "app_type": "SingleTenant", "app_tenant_id": TENANT_ID}, Status.FAIL, "SingleTenant"),
        ({"app_password": "0f9e8d7c-1111-2222-3333-444455556666"}, Status.WARN, "secret's id"),
        ({"app_type": "UserAssignedMSI", "app_tenant_id": TENANT_ID}, Status.FAIL, "remove MicrosoftAppPassword"),
        ({"app_type": "UserAssignedMSI", "app_password": ""}, Status.OK, "managed identity"),
        ({"app_type": "MultiTenantt"}, Status.FAIL, "MicrosoftAppType"),
        ({"app_id": "", "app_password": ""}, Status.SKIP, "local mode"),
    ],
)
def test_secret_or_managed_identity_matches_the_app_type(overrides, status: Status, wanted: str) -> None:
    result = check_credentials(settings(**overrides))
    assert result.status is status, result
    assert wanted in result.detail
    assert SECRET not in result.detail


@pytest.mark.parametrize(
    ("overrides", "status", "wanted"),
    [
        ({"app_type": "SingleTenant"}, Status.FAIL, "SingleTenant"),
        ({"app_type": "SingleTenant", "app_tenant_id": TENANT_ID}, Status.OK, TENANT_ID),
        ({"app_type": "SingleTenant", "app_tenant_id": "contoso.onmicrosoft.com"}, Status.OK, "contoso"),
        ({"app_type": "SingleTenant", "app_tenant_id": "my tenant!"}, Status.FAIL, "neither a GUID"),
        ({"app_type": "UserAssignedMSI", "app_password": ""}, Status.WARN, "managed identity"),
        ({}, Status.OK, "not needed for MultiTenant"),
    ],
)
def test_tenant_id_is_set_for_single_tenant(overrides, status: Status, wanted: str) -> None:
    result = check_tenant(settings(**overrides))
    assert result.status is status, result
    assert result.name == "MicrosoftAppTenantId" and wanted in result.detail


@pytest.mark.parametrize(
    ("domain", "wanted"),
    [("", "BOT_DOMAIN is not set"), ("https://mipa.example.com/api/messages", "bare host name"),
     ("localhost", "bare host name")],
)
def test_bot_domain_is_a_host_name(domain: str, wanted: str) -> None:
    result = check_bot_domain(settings(bot_domain=domain))
    assert result.status is Status.FAIL
    assert wanted in result.detail


def test_bot_domain_is_normalised_like_make_package_does() -> None:
    result = check_bot_domain(settings(bot_domain="MIPA.Example.com."))
    assert result.status is Status.OK
    assert "https://mipa.example.com/api/messages" in result.detail


@pytest.mark.parametrize(("name", "status"), [("graph", Status.OK), ("sso-graph_2", Status.OK),
                                              ("", Status.FAIL), ("graph/../x", Status.FAIL)])
def test_connection_name_is_set(name: str, status: Status) -> None:
    result = check_connection_name(settings(connection_name=name))
    assert result.status is status
    assert "ConnectionName" in result.name


@pytest.mark.parametrize(("originator", "status"), [("", Status.SKIP), ("outlook-mipa", Status.FAIL),
                                                    ("9A8B7C6D-1111-2222-3333-444455556666", Status.OK)])
def test_outlook_originator_id_format(originator: str, status: Status) -> None:
    result = check_originator(settings(outlook_originator_id=originator))
    assert result.status is status
    if status is Status.FAIL:
        assert "OUTLOOK_ORIGINATOR_ID" in result.detail and "GUID" in result.detail


def test_start_up_check_is_the_one_app_py_runs() -> None:
    result = check_startup(settings(log_level="LOUD"))
    assert result.status is Status.FAIL
    assert "LOG_LEVEL" in result.detail and result.detail.startswith("MIPA refuses to start")
