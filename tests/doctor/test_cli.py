"""`python -m doctor` as an admin runs it: one line per check, exit status, no secret, no stack trace."""

from __future__ import annotations

import asyncio
import os
import re
import sys
from pathlib import Path

from appPackage import build

from .conftest import APP_ID, BOT_DOMAIN, SECRET, TENANT_ID, FakeMicrosoft

REPO = Path(__file__).resolve().parents[2]
LINE = re.compile(r"^\[(  ok|FAIL|warn|skip)\] (\S.*?)  +(\S.*)$")


async def _doctor(tmp_path: Path, env: dict[str, str], *args: str) -> tuple[int, str, str]:
    """Run the real command in a child process with only `env` as settings (an empty .env)."""
    empty = tmp_path / "empty.env"
    empty.write_text("", encoding="utf-8")
    base = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "LANG", "SYSTEMROOT")}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "doctor", "--env-file", str(empty), "--package", str(tmp_path / "none.zip"), *args,
        cwd=REPO, env={**base, **env}, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=90)
    assert process.returncode is not None
    return process.returncode, stdout.decode(), stderr.decode()


def _lines(stdout: str) -> list[tuple[str, str, str]]:
    *checks, summary = stdout.strip().splitlines()
    assert re.match(r"^\d+ checks: \d+ ok, \d+ failed, \d+ warnings, \d+ skipped$", summary), summary
    parsed = []
    for line in checks:
        match = LINE.match(line)
        assert match, line
        parsed.append((match.group(1).strip(), match.group(2).strip(), match.group(3)))
    return parsed


ISSUE_SETTINGS = {"MicrosoftAppId": APP_ID, "MicrosoftAppPassword": "x", "BOT_DOMAIN": BOT_DOMAIN}


async def test_the_settings_of_the_issue_pass_with_at_least_five_checks(tmp_path: Path) -> None:
    code, stdout, stderr = await _doctor(tmp_path, ISSUE_SETTINGS, "--offline")
    assert code == 0, stdout + stderr
    lines = _lines(stdout)
    assert len(lines) >= 5
    assert [status for status, _, _ in lines].count("ok") >= 5
    assert "FAIL" not in {status for status, _, _ in lines}
    names = [name for _, name, _ in lines]
    for name in ("MicrosoftAppId", "credentials", "MicrosoftAppTenantId", "BOT_DOMAIN", "ConnectionName",
                 "webApplicationInfo", "validDomains", "icons", "Copilot agent", "OUTLOOK_ORIGINATOR_ID",
                 "STORAGE_URL", "Entra OpenID", "app token", "sign-in resource"):
        assert name in names, name


async def test_an_app_id_that_is_not_a_guid_fails_and_is_named(tmp_path: Path) -> None:
    code, stdout, stderr = await _doctor(tmp_path, {**ISSUE_SETTINGS, "MicrosoftAppId": "not-a-guid"}, "--offline")
    assert code == 1
    assert stderr == ""
    failed = {name: detail for status, name, detail in _lines(stdout) if status == "FAIL"}
    assert "MicrosoftAppId" in failed and "not a GUID" in failed["MicrosoftAppId"]
    assert set(failed) == {"MicrosoftAppId"}  # the rest of the issue's settings are fine


async def test_nothing_set_is_local_mode_and_fails(tmp_path: Path) -> None:
    code, stdout, _ = await _doctor(tmp_path, {}, "--offline")
    assert code == 1
    lines = {name: (status, detail) for status, name, detail in _lines(stdout)}
    assert lines["MicrosoftAppId"][0] == "FAIL" and "local mode" in lines["MicrosoftAppId"][1]
    assert lines["BOT_DOMAIN"][0] == "FAIL"


async def test_no_secret_is_printed(tmp_path: Path) -> None:
    redis_password = "redis-pass-that-stays-hidden"
    env = {
        "MicrosoftAppId": APP_ID, "MicrosoftAppPassword": SECRET, "BOT_DOMAIN": BOT_DOMAIN,
        "MicrosoftAppType": "UserAssignedMSI",  # a secret with a managed identity: a failure that is about it
        "STORAGE_URL": f"redis://:{redis_password}@127.0.0.1:1/0", "STORAGE_KEY": "storage-key-hidden-too",
    }
    code, stdout, stderr = await _doctor(tmp_path, env, "--offline")
    assert code == 1
    for secret in (SECRET, redis_password, "storage-key-hidden-too"):
        assert secret not in stdout and secret not in stderr
    lines = {name: (status, detail) for status, name, detail in _lines(stdout)}
    assert lines["credentials"][0] == "FAIL" and "UserAssignedMSI" in lines["credentials"][1]
    assert lines["STORAGE_URL"][0] == "FAIL"


async def test_unknown_setting_in_dotenv_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    env_file = tmp_path / "bad.env"
    env_file.write_text(f"MicrosoftAppID={APP_ID}\n", encoding="utf-8")
    code, stdout, stderr = await _doctor(tmp_path, {}, "--offline", "--env-file", str(env_file))
    assert code == 1
    assert "Traceback" not in stdout + stderr
    lines = _lines(stdout)
    assert lines[0][:2] == ("FAIL", "settings") and "did you mean MicrosoftAppId?" in lines[0][2]


async def test_built_zip_from_other_settings_fails(tmp_path: Path) -> None:
    zip_path = tmp_path / "appPackage.zip"
    build.build(build.PackageSettings(app_id="22222222-3333-4444-5555-666666666666", bot_domain=BOT_DOMAIN),
                output=zip_path)
    code, stdout, _ = await _doctor(tmp_path, ISSUE_SETTINGS, "--offline", "--package", str(zip_path))
    assert code == 1
    lines = {name: (status, detail) for status, name, detail in _lines(stdout)}
    assert lines["package zip"][0] == "FAIL" and "make package" in lines["package zip"][1]


async def test_online_run_against_local_services(tmp_path: Path, fake_microsoft: FakeMicrosoft) -> None:
    env = {"MicrosoftAppId": APP_ID, "MicrosoftAppPassword": SECRET, "BOT_DOMAIN": BOT_DOMAIN,
           "MicrosoftAppType": "SingleTenant", "MicrosoftAppTenantId": TENANT_ID}
    args = ("--login-url", fake_microsoft.url, "--token-service-url", fake_microsoft.url,
            "--ca-bundle", fake_microsoft.ca_bundle)
    code, stdout, stderr = await _doctor(tmp_path, env, *args)
    assert code == 0, stdout + stderr
    lines = {name: (status, detail) for status, name, detail in _lines(stdout)}
    for name in ("Entra OpenID", "app token", "sign-in resource"):
        assert lines[name][0] == "ok", lines[name]
    assert SECRET not in stdout and "fake-bot-framework-token" not in stdout
    fake_microsoft.connections = {"graph": f"api://{BOT_DOMAIN}/botid-{APP_ID}"}
    code, stdout, _ = await _doctor(tmp_path, env, *args)
    assert code == 1
    lines = {name: (status, detail) for status, name, detail in _lines(stdout)}
    assert lines["sign-in resource"][0] == "FAIL" and "resourcematchfailed" in lines["sign-in resource"][1]
