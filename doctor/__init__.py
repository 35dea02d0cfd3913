"""`make doctor`: checks a deployment's settings, Teams package, state store and Microsoft services, one line each.

Offline: the app id, the secret or managed identity against `MicrosoftAppType`, the tenant, `BOT_DOMAIN`, the
connection name, the manifest `make package` builds (SSO resource, valid domains, icons, Copilot agent), the
built zip, `OUTLOOK_ORIGINATOR_ID` and the state store. Online, when Entra can be reached: its OpenID metadata,
the bot's own token through msal, and the OAuth connection's sign-in resource at the Bot Framework token service.
It prints no secret and exits 1 when a check failed.
"""

from __future__ import annotations

from .cli import main, run_checks
from .online import Endpoints
from .report import Check, Status, format_report

__all__ = ["Check", "Endpoints", "Status", "format_report", "main", "run_checks"]
