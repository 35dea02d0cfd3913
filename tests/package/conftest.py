"""Fixtures for the Teams package tests: paths, the official manifest schemas and a built package."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
APP_PACKAGE = REPO / "appPackage"
SCHEMA_DIR = REPO / "node_modules" / "@microsoft" / "app-manifest" / "build" / "json-schemas" / "teams"

APP_ID = "3f2504e0-4f89-41d3-9a0c-0305e82c3301"
BOT_DOMAIN = "mipa-test.azurewebsites.net"


def run_build(tmp_path: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """`python appPackage/build.py` in a child process with only `env` as settings (no .env file)."""
    base = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "LANG", "SYSTEMROOT")}
    empty_env_file = tmp_path / "empty.env"
    empty_env_file.write_text("", encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(APP_PACKAGE / "build.py"), "--env-file", str(empty_env_file), *args],
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.fixture(scope="session")
def build_module() -> ModuleType:
    """appPackage/build.py imported as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("mipa_app_package_build", APP_PACKAGE / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _schema(version: str, name: str) -> dict[str, Any]:
    path = SCHEMA_DIR / f"v{version}" / name
    assert path.is_file(), f"{path} is missing: run `make pytest` (npm ci installs @microsoft/app-manifest)"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def manifest_template() -> dict[str, Any]:
    return json.loads((APP_PACKAGE / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def manifest_schema(manifest_template: dict[str, Any]) -> dict[str, Any]:
    return _schema(manifest_template["manifestVersion"], "MicrosoftTeams.schema.json")


@pytest.fixture(scope="session")
def localization_schema(manifest_template: dict[str, Any]) -> dict[str, Any]:
    return _schema(manifest_template["manifestVersion"], "MicrosoftTeams.Localization.schema.json")


@pytest.fixture(scope="session")
def built_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package built by the real script in a subprocess, with settings in the environment."""
    tmp_path = tmp_path_factory.mktemp("package")
    output = tmp_path / "appPackage.zip"
    result = run_build(
        tmp_path,
        {"MicrosoftAppId": APP_ID, "BOT_DOMAIN": BOT_DOMAIN, "APP_VERSION": "1.2.3"},
        "--output",
        str(output),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(output)
    return output


@pytest.fixture(scope="session")
def built_files(built_zip: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(built_zip) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.fixture(scope="session")
def built_manifest(built_files: dict[str, bytes]) -> dict[str, Any]:
    return json.loads(built_files["manifest.json"])
