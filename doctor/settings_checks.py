"""Offline checks of the settings themselves: app id, secret or managed identity, tenant, domain, connection."""

from __future__ import annotations

import re

from appPackage.build import SettingError, bot_host, is_guid
from config import APP_TYPES, Settings, SettingsError

from .report import Check

__all__ = [
    "check_app_id",
    "check_bot_domain",
    "check_connection_name",
    "check_credentials",
    "check_originator",
    "check_startup",
    "check_tenant",
]

_TENANT_DOMAIN = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$", re.IGNORECASE)
_CONNECTION_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 _.-]*$")


def check_startup(settings: Settings) -> Check:
    """The same validation `python app.py` runs before it starts."""
    try:
        settings.validate()
    except SettingsError as exc:
        return Check.fail("start-up", f"MIPA refuses to start: {exc}")
    return Check.ok("start-up", "the settings pass the checks MIPA runs when it starts")


def check_app_id(settings: Settings) -> Check:
    app_id = settings.app_id
    if not app_id:
        return Check.fail(
            "MicrosoftAppId",
            "MicrosoftAppId is not set, so MIPA runs in local mode on sample data: set it (or CLIENT_ID) to the "
            "Application (client) id of the bot's Entra app.",
        )
    if not is_guid(app_id):
        shown = app_id if len(app_id) <= 40 else app_id[:37] + "..."
        return Check.fail(
            "MicrosoftAppId",
            f"MicrosoftAppId {shown!r} is not a GUID: copy the Application (client) id from Entra "
            "(App registrations > the bot's app > Overview), such as 00000000-0000-0000-0000-000000000000.",
        )
    return Check.ok("MicrosoftAppId", f"{app_id} is a GUID")


def check_credentials(settings: Settings) -> Check:
    """A client secret for MultiTenant and SingleTenant, the managed identity (and no secret) for UserAssignedMSI."""
    name = "credentials"
    app_type = settings.app_type
    if app_type not in APP_TYPES:
        return Check.fail(name, f"MicrosoftAppType {app_type!r} is unknown: use one of {', '.join(APP_TYPES)}.")
    if not settings.app_id:
        return Check.skip(name, "no MicrosoftAppId, so no credentials are used (local mode)")
    if app_type == "UserAssignedMSI":
        if settings.app_password:
            return Check.fail(
                name,
                "MicrosoftAppPassword is set but MicrosoftAppType is UserAssignedMSI, which signs in with the "
                "managed identity and never uses a secret: remove MicrosoftAppPassword, or set MicrosoftAppType "
                "to SingleTenant or MultiTenant if the bot's app really uses a secret.",
            )
        return Check.ok(
            name,
            "UserAssignedMSI without a secret: MicrosoftAppId must be the client id of the managed identity "
            "assigned to the web app",
        )
    if not settings.app_password:
        return Check.fail(
            name,
            f"MicrosoftAppPassword is not set but MicrosoftAppType is {app_type}, which needs the app's client "
            "secret: set it (or CLIENT_SECRET) to the secret's value from Entra (Certificates & secrets), or use "
            "UserAssignedMSI with a managed identity.",
        )
    if is_guid(settings.app_password):
        return Check.warn(
            name,
            "MicrosoftAppPassword looks like a GUID, which is usually the secret's id rather than its value: "
            "copy the Value column of Certificates & secrets (shown once, when the secret is created).",
        )
    return Check.ok(name, f"a client secret is set for {app_type} (not shown)")


def check_tenant(settings: Settings) -> Check:
    name = "MicrosoftAppTenantId"
    tenant = settings.app_tenant_id
    needed = settings.app_type == "SingleTenant" and bool(settings.app_id)
    if not tenant:
        if needed:
            return Check.fail(
                name,
                "MicrosoftAppTenantId is not set but MicrosoftAppType is SingleTenant: set it (or TENANT_ID) to "
                "the Directory (tenant) id of the bot's app, or every message fails with 401.",
            )
        if settings.app_type == "UserAssignedMSI" and settings.app_id:
            return Check.warn(
                name,
                "MicrosoftAppTenantId is not set: a UserAssignedMSI bot should name the tenant of its managed "
                "identity, as its Azure Bot resource does.",
            )
        return Check.ok(name, f"not needed for {settings.app_type}")
    if not (is_guid(tenant) or _TENANT_DOMAIN.match(tenant)):
        return Check.fail(
            name,
            f"MicrosoftAppTenantId {tenant!r} is neither a GUID nor a domain name: copy the Directory (tenant) id "
            "from Entra (Overview).",
        )
    if settings.app_type == "MultiTenant":
        return Check.ok(name, f"{tenant} (MultiTenant bots do not use it)")
    return Check.ok(name, f"{tenant} for {settings.app_type}")


def check_bot_domain(settings: Settings) -> Check:
    try:
        host = bot_host(settings.bot_domain)
    except SettingError as exc:
        return Check.fail("BOT_DOMAIN", str(exc))
    return Check.ok("BOT_DOMAIN", f"{host}: the bot endpoint is https://{host}/api/messages")


def check_connection_name(settings: Settings) -> Check:
    name = settings.connection_name
    if not name:
        return Check.fail(
            "ConnectionName",
            "ConnectionName is empty: set it to the name of the Azure Bot's OAuth connection (graph by default).",
        )
    if not _CONNECTION_NAME.match(name):
        return Check.fail(
            "ConnectionName",
            f"ConnectionName {name!r} has characters an OAuth connection name cannot have: use the connection's "
            "exact name from the Azure Bot (Settings > Configuration > OAuth Connection Settings).",
        )
    return Check.ok(
        "ConnectionName",
        f"{name!r}: the Azure Bot's OAuth connection must carry exactly this name",
    )


def check_originator(settings: Settings) -> Check:
    name = "OUTLOOK_ORIGINATOR_ID"
    originator = settings.outlook_originator_id
    if not originator:
        return Check.skip(
            name,
            "not set: cards sent to Outlook are not actionable; to use Outlook, set it to the Originator id "
            "from the Actionable Email Developer Dashboard (docs/deploy.md, step 10)",
        )
    if not is_guid(originator):
        return Check.fail(
            name,
            f"OUTLOOK_ORIGINATOR_ID {originator!r} is not a GUID: copy the provider's Originator id from the "
            "Actionable Email Developer Dashboard; Outlook does not render a card with an unknown originator.",
        )
    return Check.ok(name, f"{originator} is a GUID")
