"""Build the Teams app package: fill the manifest placeholders from settings and write the zip.

Usage: ``python appPackage/build.py [--env-file .env] [--output appPackage/build/appPackage.zip]``

Settings come from the environment, then from an optional ``.env`` file (the environment wins):

- ``MicrosoftAppId`` (or ``CLIENT_ID``): the bot's Entra application (client) id, a GUID;
- ``BOT_DOMAIN``: the bot's public host name, such as ``mipa.azurewebsites.net``;
- ``APP_VERSION`` (optional, default ``1.0.0``): the package version, ``major.minor.patch``;
- ``TEAMS_APP_ID`` (optional): the Teams app id, a GUID; MIPA's own id by default.

A missing or malformed setting stops the build with one sentence naming it and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
DEFAULT_OUTPUT = HERE / "build" / "appPackage.zip"
DEFAULT_ENV_FILE = REPO_ROOT / ".env"

MANIFEST = "manifest.json"
DEFAULT_TEAMS_APP_ID = "75918e6b-3a82-4e98-8e6f-1fd1316d2f98"
DEFAULT_APP_VERSION = "1.0.0"

# A zip entry's timestamp is fixed so that the same settings always give the same bytes.
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_HOST = re.compile(
    r"^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$"
)
_VERSION = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")
_PLACEHOLDER = re.compile(r"\{\{([A-Za-z_][A-Za-z0-9_]*)\}\}")


class PackageError(Exception):
    """Base of this script's errors: the message is one sentence meant for the person running it."""


class SettingError(PackageError):
    """A setting is missing or malformed."""


class TemplateError(PackageError):
    """The manifest templates in appPackage/ are inconsistent (a bug in the repository, not in the settings)."""


def is_guid(value: str) -> bool:
    """True for a GUID such as 00000000-0000-0000-0000-000000000000 (either case)."""
    return bool(_GUID.match(value))


def bot_host(value: str) -> str:
    """`BOT_DOMAIN` normalised (lower case, no final dot); `SettingError` when it is missing or not a host name."""
    host = value.strip().lower().rstrip(".")
    if not host:
        raise SettingError(
            "BOT_DOMAIN is not set: set it to the bot's public host name such as mipa.azurewebsites.net."
        )
    if not _HOST.match(host):
        raise SettingError(
            "BOT_DOMAIN must be a bare host name such as mipa.azurewebsites.net, without https://, port or path."
        )
    return host


@dataclass(frozen=True, slots=True)
class PackageSettings:
    """The values that fill the manifest placeholders."""

    app_id: str
    bot_domain: str
    app_version: str = DEFAULT_APP_VERSION
    teams_app_id: str = DEFAULT_TEAMS_APP_ID

    @classmethod
    def from_mapping(cls, values: Mapping[str, str]) -> PackageSettings:
        """Read and check the settings; raise `SettingError` naming the first bad one."""

        def pick(*names: str) -> str:
            return next((values[name].strip() for name in names if values.get(name, "").strip()), "")

        app_id = pick("MicrosoftAppId", "CLIENT_ID")
        if not app_id:
            raise SettingError(
                "MicrosoftAppId is not set: set it (or CLIENT_ID) to the bot's Entra application (client) id."
            )
        if not is_guid(app_id):
            raise SettingError("MicrosoftAppId must be a GUID such as 00000000-0000-0000-0000-000000000000.")

        bot_domain = bot_host(pick("BOT_DOMAIN"))

        app_version = pick("APP_VERSION") or DEFAULT_APP_VERSION
        if not _VERSION.match(app_version):
            raise SettingError("APP_VERSION must look like 1.0.0 (three numbers separated by dots).")

        teams_app_id = pick("TEAMS_APP_ID") or DEFAULT_TEAMS_APP_ID
        if not is_guid(teams_app_id):
            raise SettingError("TEAMS_APP_ID must be a GUID such as 00000000-0000-0000-0000-000000000000.")

        return cls(
            app_id=app_id.lower(),
            bot_domain=bot_domain,
            app_version=app_version,
            teams_app_id=teams_app_id.lower(),
        )

    def placeholders(self) -> dict[str, str]:
        return {
            "MicrosoftAppId": self.app_id,
            "BOT_DOMAIN": self.bot_domain,
            "APP_VERSION": self.app_version,
            "TEAMS_APP_ID": self.teams_app_id,
        }


def read_settings(*, environ: Mapping[str, str], env_file: Path | None) -> PackageSettings:
    """Settings from `environ`, falling back to `env_file` (a dotenv file) where it exists."""
    values: dict[str, str] = {}
    if env_file is not None and env_file.is_file():
        from dotenv import dotenv_values

        values.update({key: value for key, value in dotenv_values(env_file).items() if value is not None})
    values.update({key: value for key, value in environ.items() if value})
    return PackageSettings.from_mapping(values)


def render(template: str, settings: PackageSettings) -> str:
    """Replace every ``{{Name}}`` in `template`; an unknown name is a `TemplateError`."""
    known = settings.placeholders()

    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in known:
            raise TemplateError(f"The manifest uses an unknown placeholder {{{{{name}}}}}.")
        return known[name]

    return _PLACEHOLDER.sub(replace, template)


def package_files(manifest: Mapping[str, Any]) -> list[str]:
    """The files a package with this manifest must hold: the manifest, its icons and its language files."""
    files = [MANIFEST, manifest["icons"]["color"], manifest["icons"]["outline"]]
    localization = manifest.get("localizationInfo", {})
    if "defaultLanguageFile" in localization:
        files.append(localization["defaultLanguageFile"])
    files.extend(language["file"] for language in localization.get("additionalLanguages", []))
    return files


def render_package(settings: PackageSettings, *, source_dir: Path = HERE) -> dict[str, bytes]:
    """The package's files by name, with the JSON ones filled in and checked to parse."""
    manifest_text = render((source_dir / MANIFEST).read_text(encoding="utf-8"), settings)
    manifest = json.loads(manifest_text)
    contents: dict[str, bytes] = {}
    for name in package_files(manifest):
        if "/" in name or "\\" in name:
            raise TemplateError(f"The manifest refers to {name}, which is not at the package root.")
        path = source_dir / name
        if not path.is_file():
            raise TemplateError(f"The manifest refers to {name}, which is missing from {source_dir}.")
        if name.endswith(".json"):
            text = manifest_text if name == MANIFEST else render(path.read_text(encoding="utf-8"), settings)
            json.loads(text)
            contents[name] = text.encode("utf-8")
        else:
            contents[name] = path.read_bytes()
    return contents


def write_zip(contents: Mapping[str, bytes], output: Path) -> Path:
    """Write `contents` at the root of a zip at `output` (same input, same bytes)."""
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(contents):
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, contents[name])
    partial.replace(output)
    return output


def build(settings: PackageSettings, *, source_dir: Path = HERE, output: Path = DEFAULT_OUTPUT) -> Path:
    """Render the package from `source_dir` and write it to `output`."""
    contents = render_package(settings, source_dir=source_dir)
    path = write_zip(contents, output)
    logger.info("wrote %s with %d files", path, len(contents))
    return path


def main(argv: Sequence[str] | None = None, *, environ: Mapping[str, str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build the MIPA Teams app package.")
    parser.add_argument(
        "--env-file", type=Path, default=DEFAULT_ENV_FILE, help="dotenv file (default: ./.env)"
    )
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="zip to write")
    args = parser.parse_args(argv)
    try:
        settings = read_settings(environ=os.environ if environ is None else environ, env_file=args.env_file)
        path = build(settings, output=args.output)
    except PackageError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
