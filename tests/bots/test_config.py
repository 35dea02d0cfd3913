"""Settings: defaults, aliases, .env, and one sentence naming a bad setting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from config import SettingsError, load_settings

ROOT = Path(__file__).resolve().parents[2]


def test_defaults_are_local_mode(tmp_path: Path) -> None:
    settings = load_settings({}, dotenv_path=tmp_path / "missing.env")
    assert settings.local_mode
    assert settings.connection_name == "graph"
    assert settings.port == 3978
    assert settings.sandbox_port == 3979
    assert settings.storage_url == "memory://"
    assert settings.bot_config().APP_ID == ""


def test_sample_names_and_toolkit_aliases(tmp_path: Path) -> None:
    settings = load_settings(
        {"CLIENT_ID": "app", "CLIENT_SECRET": "s3cret", "MicrosoftAppType": "SingleTenant",
         "TENANT_ID": "tenant", "ConnectionName": "graph2", "PORT": "8080", "READ_ONLY": "true"},
        dotenv_path=tmp_path / "none",
    )
    assert (settings.app_id, settings.app_password, settings.app_tenant_id) == ("app", "s3cret", "tenant")
    assert settings.connection_name == "graph2" and settings.port == 8080 and settings.read_only
    assert not settings.local_mode
    assert "s3cret" not in repr(settings)


def test_dotenv_fills_what_the_environment_does_not(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("PORT=4000\nLOG_LEVEL=debug\n")
    settings = load_settings({"PORT": "5000"}, dotenv_path=env_file)
    assert settings.port == 5000
    assert settings.log_level == "DEBUG"


@pytest.mark.parametrize(
    ("env", "dotenv", "named"),
    [
        ({"MicrosoftAppType": "Tenantless"}, "", "MicrosoftAppType"),
        ({"MicrosoftAppId": "app"}, "", "MicrosoftAppPassword"),
        ({"MicrosoftAppId": "a", "MicrosoftAppPassword": "p", "MicrosoftAppType": "SingleTenant"}, "",
         "MicrosoftAppTenantId"),
        ({"PORT": "eighty"}, "", "PORT"),
        ({"STORAGE_URL": "mysql://x"}, "", "STORAGE_URL"),
        ({"connectionName": "graph"}, "", "connectionName"),
        ({}, "SANDBOX_PROT=1\n", "SANDBOX_PROT"),
        ({"MicrosoftAppId": "a", "MicrosoftAppPassword": "p", "SANDBOX_URL": "http://x"}, "", "SANDBOX_URL"),
    ],
)
def test_bad_settings_name_themselves(tmp_path: Path, env: dict[str, str], dotenv: str, named: str) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(dotenv)
    with pytest.raises(SettingsError) as info:
        load_settings(env, dotenv_path=env_file)
    message = str(info.value)
    assert named in message
    assert message.rstrip().endswith((".", "?")) and "\n" not in message


def test_python_app_py_stops_with_one_sentence(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "app.py")],
        env={"PATH": "/usr/bin:/bin", "MicrosoftAppType": "Nope", "HOME": str(tmp_path)},
        cwd=tmp_path, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 2
    assert "MicrosoftAppType" in result.stderr
    assert "Traceback" not in result.stderr
