"""Settings: read once from the environment (and an optional `.env`), validated, then passed around."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

__all__ = ["BotConfig", "Settings", "SettingsError", "load_settings", "read_settings"]

APP_TYPES = ("MultiTenant", "SingleTenant", "UserAssignedMSI")
STORAGE_SCHEMES = ("memory", "redis", "rediss", "cosmosdb", "blob")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")

# Setting name -> (attribute, aliases accepted from the Teams Toolkit generation of templates).
KNOWN: dict[str, tuple[str, tuple[str, ...]]] = {
    "MicrosoftAppId": ("app_id", ("CLIENT_ID",)),
    "MicrosoftAppPassword": ("app_password", ("CLIENT_SECRET",)),
    "MicrosoftAppType": ("app_type", ("BOT_TYPE",)),
    "MicrosoftAppTenantId": ("app_tenant_id", ("TENANT_ID",)),
    "ConnectionName": ("connection_name", ("CONNECTION_NAME",)),
    "HOST": ("host", ()),
    "PORT": ("port", ()),
    "GRAPH_BASE_URL": ("graph_base_url", ()),
    "SANDBOX_URL": ("sandbox_url", ()),
    "SANDBOX_PORT": ("sandbox_port", ()),
    "STORAGE_URL": ("storage_url", ()),
    "STORAGE_KEY": ("storage_key", ()),
    "STORAGE_TTL_SECONDS": ("storage_ttl_seconds", ()),
    "STORAGE_PREFIX": ("storage_prefix", ()),
    "OUTLOOK_ORIGINATOR_ID": ("outlook_originator_id", ()),
    "READ_ONLY": ("read_only", ()),
    "LOG_LEVEL": ("log_level", ()),
    "BOT_DOMAIN": ("bot_domain", ()),
    "APP_VERSION": ("app_version", ()),
}
SECRET_SETTINGS = frozenset({"MicrosoftAppPassword", "STORAGE_KEY"})


class SettingsError(ValueError):
    """A setting is unknown, malformed or inconsistent; the message is one sentence naming it."""


@dataclass(frozen=True, slots=True)
class BotConfig:
    """The attribute names botframework-connector reads; defines none of its 'parameterised' ones (B4)."""

    APP_ID: str = ""
    APP_PASSWORD: str = ""
    APP_TYPE: str = "MultiTenant"
    APP_TENANTID: str = ""


@dataclass(frozen=True, slots=True)
class Settings:
    """Every setting MIPA reads, with the defaults a local run needs."""

    app_id: str = ""
    app_password: str = field(default="", repr=False)
    app_type: str = "MultiTenant"
    app_tenant_id: str = ""
    connection_name: str = "graph"
    host: str = "0.0.0.0"
    port: int = 3978
    graph_base_url: str = "https://graph.microsoft.com/v1.0"
    sandbox_url: str = ""
    sandbox_port: int = 3979
    storage_url: str = "memory://"
    storage_key: str = field(default="", repr=False)
    storage_ttl_seconds: int = 86400
    storage_prefix: str = "mipa"
    outlook_originator_id: str = ""
    read_only: bool = False
    log_level: str = "INFO"
    bot_domain: str = ""
    app_version: str = "1.0.0"

    @property
    def local_mode(self) -> bool:
        """No app id: inbound authentication is off and the sandbox serves the tenant."""
        return not self.app_id

    def bot_config(self) -> BotConfig:
        return BotConfig(
            APP_ID=self.app_id,
            APP_PASSWORD=self.app_password,
            APP_TYPE=self.app_type,
            APP_TENANTID=self.app_tenant_id,
        )

    def validate(self) -> Settings:
        """Raise SettingsError with one sentence naming the first inconsistent setting."""
        if self.app_type not in APP_TYPES:
            raise SettingsError(f"MicrosoftAppType must be one of {', '.join(APP_TYPES)}.")
        if self.app_id and self.app_type != "UserAssignedMSI" and not self.app_password:
            raise SettingsError("MicrosoftAppPassword is required when MicrosoftAppId is set.")
        if self.app_type == "SingleTenant" and self.app_id and not self.app_tenant_id:
            raise SettingsError("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.")
        if not self.connection_name:
            raise SettingsError("ConnectionName must not be empty.")
        for name, value in (("PORT", self.port), ("SANDBOX_PORT", self.sandbox_port)):
            if not 0 <= value <= 65535:
                raise SettingsError(f"{name} must be a port number between 0 and 65535.")
        for name, url in (("GRAPH_BASE_URL", self.graph_base_url), ("SANDBOX_URL", self.sandbox_url)):
            if url and urlparse(url).scheme not in ("http", "https"):
                raise SettingsError(f"{name} must be an http or https URL.")
        if self.sandbox_url and not self.local_mode:
            raise SettingsError("SANDBOX_URL works only in local mode, without MicrosoftAppId.")
        if urlparse(self.storage_url).scheme not in STORAGE_SCHEMES:
            raise SettingsError(
                f"STORAGE_URL must start with one of {', '.join(s + '://' for s in STORAGE_SCHEMES)}."
            )
        if self.storage_ttl_seconds <= 0:
            raise SettingsError("STORAGE_TTL_SECONDS must be a positive number of seconds.")
        if self.log_level not in LOG_LEVELS:
            raise SettingsError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}.")
        return self


def _read_dotenv(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    from dotenv import dotenv_values  # small, and only needed when a .env exists

    return {k: v for k, v in dotenv_values(path).items() if v is not None}


def _lookup(sources: Mapping[str, str], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = sources.get(name)
        if value not in (None, ""):
            return value
    return None


def _as_int(name: str, raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number.") from None


def _as_bool(name: str, raw: str) -> bool:
    lowered = raw.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off", ""):
        return False
    raise SettingsError(f"{name} must be true or false.")


def _check_names(env: Mapping[str, str], dotenv: Mapping[str, str]) -> None:
    """Unknown keys in .env, and environment names that differ from a known one only by case, stop start-up."""
    accepted = {n for n, (_, aliases) in KNOWN.items() for n in (n, *aliases)}
    by_folded = {n.casefold(): n for n in accepted}
    for key in dotenv:
        if key not in accepted:
            hint = by_folded.get(key.casefold())
            suffix = f"; did you mean {hint}?" if hint else "."
            raise SettingsError(f"Unknown setting {key} in .env{suffix}")
    for key in env:
        hint = by_folded.get(key.casefold())
        if hint and key != hint and key not in accepted:
            raise SettingsError(f"Unknown setting {key}; did you mean {hint}?")


def load_settings(env: Mapping[str, str] | None = None, *, dotenv_path: Path | None = None) -> Settings:
    """Settings from the environment, then `.env` for anything the environment does not set."""
    return read_settings(env, dotenv_path=dotenv_path).validate()


def read_settings(env: Mapping[str, str] | None = None, *, dotenv_path: Path | None = None) -> Settings:
    """The settings as written, not yet checked for consistency (`make doctor` reports every problem)."""
    env = dict(os.environ if env is None else env)
    dotenv = _read_dotenv(dotenv_path if dotenv_path is not None else Path.cwd() / ".env")
    _check_names(env, dotenv)
    sources = {**dotenv, **{k: v for k, v in env.items() if v != ""}}
    values: dict[str, object] = {}
    defaults = Settings()
    for name, (attr, aliases) in KNOWN.items():
        raw = _lookup(sources, (name, *aliases))
        if raw is None:
            continue
        current = getattr(defaults, attr)
        if isinstance(current, bool):
            values[attr] = _as_bool(name, raw)
        elif isinstance(current, int):
            values[attr] = _as_int(name, raw)
        else:
            values[attr] = raw.strip()
    if "log_level" in values:
        values["log_level"] = str(values["log_level"]).upper()
    if "graph_base_url" in values:
        values["graph_base_url"] = str(values["graph_base_url"]).rstrip("/")
    return Settings(**values)  # type: ignore[arg-type]
