"""`python -m doctor`: run every check in order, print one line each, exit 1 when any failed."""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from appPackage.build import DEFAULT_ENV_FILE, DEFAULT_OUTPUT
from config import Settings, SettingsError, read_settings

from . import package_checks, settings_checks
from .online import Endpoints, online_checks
from .report import Check, Status, format_report, secrets_of
from .store_check import check_store

__all__ = ["main", "run_checks"]


async def run_checks(
    environ: Mapping[str, str],
    *,
    env_file: Path | None = DEFAULT_ENV_FILE,
    endpoints: Endpoints | None = None,
    offline: bool = False,
    template_dir: Path = package_checks.TEMPLATE_DIR,
    zip_path: Path = DEFAULT_OUTPUT,
) -> tuple[list[Check], Settings | None]:
    """Every check, in the order they are printed, and the settings they read (None when unreadable)."""
    try:
        settings = read_settings(environ, dotenv_path=env_file if env_file is not None else Path(os.devnull))
    except SettingsError as exc:
        return [Check.fail("settings", f"{exc}"), Check.skip("other checks", "fix the settings first")], None
    checks = [
        settings_checks.check_startup(settings),
        app_id := settings_checks.check_app_id(settings),
        credentials := settings_checks.check_credentials(settings),
        settings_checks.check_tenant(settings),
        settings_checks.check_bot_domain(settings),
        settings_checks.check_connection_name(settings),
    ]
    package, rendered = package_checks.load_package(settings, environ, source_dir=template_dir)
    checks.append(rendered)
    resource = None
    if package is None:
        checks += [
            Check.skip(name, "needs the manifest (see above)")
            for name in ("webApplicationInfo", "validDomains", "icons", "Copilot agent", "package zip")
        ]
    else:
        checks += [
            web_app := package_checks.check_web_application_info(package),
            package_checks.check_valid_domains(package),
            package_checks.check_icons(package),
            package_checks.check_copilot_agent(package),
            package_checks.check_built_zip(package, zip_path),
        ]
        if web_app.status is Status.OK:
            resource = package.manifest["webApplicationInfo"]["resource"]
    checks.append(settings_checks.check_originator(settings))
    checks.append(await check_store(settings))
    ready = app_id.status is Status.OK and credentials.status in (Status.OK, Status.WARN)
    checks += await online_checks(
        settings, endpoints or Endpoints(), manifest_resource=resource, ready=ready, offline=offline
    )
    return checks, settings


def _parser() -> argparse.ArgumentParser:
    defaults = Endpoints()
    parser = argparse.ArgumentParser(
        prog="python -m doctor",
        description="Check MIPA's deployment settings, Teams package, state store and Microsoft services.",
    )
    parser.add_argument("--env-file", type=Path, default=DEFAULT_ENV_FILE, help="dotenv file (default: ./.env)")
    parser.add_argument("--offline", action="store_true", help="skip the checks that need the network")
    parser.add_argument("--package", type=Path, default=DEFAULT_OUTPUT, help="the built zip to compare")
    parser.add_argument("--login-url", default=defaults.login, help="Entra (Microsoft identity platform)")
    parser.add_argument("--token-service-url", default=defaults.token_service, help="Bot Framework token service")
    parser.add_argument("--ca-bundle", default=None, help="extra CA certificates to trust (PEM)")
    parser.add_argument("--timeout", type=float, default=defaults.timeout, help="seconds per online request")
    return parser


def main(argv: Sequence[str] | None = None, *, environ: Mapping[str, str] | None = None) -> int:
    args = _parser().parse_args(argv)
    endpoints = Endpoints(
        login=args.login_url, token_service=args.token_service_url, ca_bundle=args.ca_bundle, timeout=args.timeout
    )
    env = dict(os.environ if environ is None else environ)
    checks, settings = asyncio.run(
        run_checks(env, env_file=args.env_file, endpoints=endpoints, offline=args.offline, zip_path=args.package)
    )
    print(format_report(checks, secrets_of(settings)))
    return 1 if any(check.status is Status.FAIL for check in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
