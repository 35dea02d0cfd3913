"""`appPackage/build.py` writes exactly the package's files, and stops on a bad setting with one sentence."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from .conftest import APP_ID, APP_PACKAGE, BOT_DOMAIN, run_build

PACKAGE_FILES = {"manifest.json", "fr.json", "color.png", "outline.png"}


def test_zip_holds_exactly_the_package_files_at_its_root(
    built_zip: Path, built_manifest, build_module
) -> None:
    with zipfile.ZipFile(built_zip) as archive:
        names = archive.namelist()
        assert archive.testzip() is None
    assert sorted(names) == sorted(PACKAGE_FILES)
    assert set(build_module.package_files(built_manifest)) == PACKAGE_FILES
    assert all("/" not in name for name in names)


def test_icons_are_copied_unchanged(built_files) -> None:
    for name in ("color.png", "outline.png"):
        assert built_files[name] == (APP_PACKAGE / name).read_bytes()


def test_same_settings_give_the_same_bytes(tmp_path: Path, build_module) -> None:
    settings = build_module.PackageSettings(app_id=APP_ID, bot_domain=BOT_DOMAIN)
    first = build_module.build(settings, output=tmp_path / "a.zip").read_bytes()
    second = build_module.build(settings, output=tmp_path / "b.zip").read_bytes()
    assert first == second


def _one_sentence(text: str) -> str:
    lines = text.strip().splitlines()
    assert len(lines) == 1, text
    line = lines[0]
    assert "Traceback" not in line
    assert line.endswith(".")
    assert ". " not in line[:-1], f"more than one sentence: {line}"
    return line


def test_missing_app_id_stops_with_one_sentence_and_exit_2(tmp_path: Path) -> None:
    output = tmp_path / "out.zip"
    result = run_build(tmp_path, {"BOT_DOMAIN": BOT_DOMAIN}, "--output", str(output))
    assert result.returncode == 2
    assert "MicrosoftAppId" in _one_sentence(result.stderr)
    assert result.stdout == ""
    assert not output.exists()


@pytest.mark.parametrize(
    ("env", "setting"),
    [
        ({"MicrosoftAppId": "not-a-guid", "BOT_DOMAIN": BOT_DOMAIN}, "MicrosoftAppId"),
        ({"MicrosoftAppId": APP_ID}, "BOT_DOMAIN"),
        ({"MicrosoftAppId": APP_ID, "BOT_DOMAIN": f"https://{BOT_DOMAIN}/api/messages"}, "BOT_DOMAIN"),
        ({"MicrosoftAppId": APP_ID, "BOT_DOMAIN": "localhost"}, "BOT_DOMAIN"),
        ({"MicrosoftAppId": APP_ID, "BOT_DOMAIN": BOT_DOMAIN, "APP_VERSION": "1.0"}, "APP_VERSION"),
        ({"MicrosoftAppId": APP_ID, "BOT_DOMAIN": BOT_DOMAIN, "TEAMS_APP_ID": "mipa"}, "TEAMS_APP_ID"),
    ],
)
def test_malformed_settings_are_named(tmp_path: Path, env: dict[str, str], setting: str) -> None:
    result = run_build(tmp_path, env, "--output", str(tmp_path / "out.zip"))
    assert result.returncode == 2
    assert setting in _one_sentence(result.stderr)


def test_client_id_and_dotenv_are_read_and_the_environment_wins(tmp_path: Path) -> None:
    env_file = tmp_path / "settings.env"
    env_file.write_text(
        f"CLIENT_ID={APP_ID}\nBOT_DOMAIN=from-dotenv.example.com\nAPP_VERSION=2.0.0\n", encoding="utf-8"
    )
    output = tmp_path / "out.zip"
    result = run_build(
        tmp_path, {"BOT_DOMAIN": BOT_DOMAIN.upper()}, "--env-file", str(env_file), "--output", str(output)
    )
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(output) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["bots"][0]["botId"] == APP_ID
    assert manifest["version"] == "2.0.0"
    assert manifest["validDomains"][1] == BOT_DOMAIN
