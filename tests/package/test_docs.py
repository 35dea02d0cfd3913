"""docs/deploy.md names every value to copy, covers every feature's scopes, and the common SSO errors."""

from __future__ import annotations

import json
import re

import pytest

from .conftest import REPO

DEPLOY = REPO / "docs" / "deploy.md"
FEATURES = [
    "calendar",
    "Microsoft To Do",
    "Planner",
    "flagged mail",
    "mail reading",
    "contacts and people",
    "files",
    "SharePoint lists",
    "my day",
]


@pytest.fixture(scope="module")
def deploy() -> str:
    return DEPLOY.read_text(encoding="utf-8")


def _scope_table(deploy: str) -> dict[str, tuple[set[str], set[str]]]:
    section = deploy.split("## Step 4.", 1)[1].split("\n### ", 1)[0]
    rows: dict[str, tuple[set[str], set[str]]] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and "`" in line:
            rows[cells[0]] = (
                set(re.findall(r"`([^`]+)`", cells[1])),
                set(re.findall(r"`([^`]+)`", cells[2])),
            )
    return rows


def test_scope_table_covers_every_feature(deploy: str) -> None:
    rows = _scope_table(deploy)
    for feature in FEATURES:
        assert any(row.startswith(feature) for row in rows), feature
    for read_write, read_only in rows.values():
        assert read_write and read_only


def test_scope_table_matches_the_deployed_scopes(deploy: str) -> None:
    scopes = json.loads((REPO / "infra" / "graph-scopes.json").read_text(encoding="utf-8"))
    rows = _scope_table(deploy).values()
    assert set().union(*(read_write for read_write, _ in rows)) == set(scopes["readWrite"])
    assert set().union(*(read_only for _, read_only in rows)) == set(scopes["readOnly"])


@pytest.mark.parametrize(
    "value",
    [
        "MicrosoftAppId",
        "MicrosoftAppPassword",
        "MicrosoftAppTenantId",
        "MicrosoftAppType",
        "api://botid-{MicrosoftAppId}",
        "https://{BOT_DOMAIN}/api/messages",
        "https://token.botframework.com/.auth/web/redirect",
        "`graph`",
        "BOT_DOMAIN",
        "OUTLOOK_ORIGINATOR_ID",
        "READ_ONLY=true",
        "az ad app permission admin-consent",
        "Actionable Email Developer Dashboard",
        "**Outlook channel**",
        "appPackage/build/appPackage.zip",
    ],
)
def test_names_every_value_to_copy(deploy: str, value: str) -> None:
    assert value in deploy


@pytest.mark.parametrize(
    "symptom",
    [
        "412",
        "resourcematchfailed",
        "signin/failure",
        "Application ID URI",
        "validDomains",
        "Token Exchange URL",
        "SingleTenant",
        "401",
    ],
)
def test_troubleshooting_covers_common_sso_errors(deploy: str, symptom: str) -> None:
    troubleshooting = deploy.split("## Troubleshooting SSO", 1)[1].split("\n## ", 1)[0]
    assert symptom in troubleshooting


def test_read_only_mode_lists_the_requests_it_cannot_do(deploy: str) -> None:
    section = deploy.split("### Read-only mode", 1)[1].split("\n## ", 1)[0]
    for request in (
        "create, reschedule or cancel a meeting",
        "To Do task",
        "Planner task",
        "add a contact",
        "SharePoint list item",
    ):
        assert request in section


def _doctor_names() -> list[str]:
    import asyncio

    from doctor import run_checks

    env = {"MicrosoftAppId": "11111111-2222-3333-4444-555555555555", "MicrosoftAppPassword": "x",
           "BOT_DOMAIN": "mipa.example.com"}
    checks, _ = asyncio.run(run_checks(env, env_file=None, offline=True))
    return [check.name for check in checks]


def test_doctor_table_lists_exactly_the_lines_it_prints(deploy: str) -> None:
    section = deploy.split("## Check a deployment: `make doctor`", 1)[1].split("\n## ", 1)[0]
    assert re.findall(r"^\| `([^`]+)` \|", section, flags=re.MULTILINE) == _doctor_names()


def test_troubleshooting_rows_name_real_doctor_lines(deploy: str) -> None:
    troubleshooting = deploy.split("## Troubleshooting SSO", 1)[1].split("\n## ", 1)[0]
    names = set(_doctor_names())
    rows = [line for line in troubleshooting.splitlines() if line.startswith("| ") and "---" not in line][1:]
    assert len(rows) >= 12
    referred = set()
    for row in rows:
        cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
        assert len(cells) == 4, row
        referred |= set(re.findall(r"`([^`]+)`", cells[3]))
    assert referred <= names
    assert {"webApplicationInfo", "sign-in resource", "validDomains", "credentials", "app token"} <= referred


def test_copilot_section_quotes_the_prompt_starters_of_the_package(deploy: str) -> None:
    section = " ".join(deploy.split("## Step 11. Microsoft 365 Copilot", 1)[1].split("\n## ", 1)[0].split())
    manifest = json.loads((REPO / "appPackage" / "manifest.json").read_text(encoding="utf-8"))
    french = json.loads((REPO / "appPackage" / "fr.json").read_text(encoding="utf-8"))
    groups = manifest["bots"][0]["commandLists"]
    (index,) = [i for i, group in enumerate(groups) if group["scopes"] == ["copilot"]]
    for position, command in enumerate(groups[index]["commands"]):
        assert f"*{command['title']}*" in section
        assert f"*{french[f'bots[0].commandLists[{index}].commands[{position}].title']}*" in section
    for words in ("customEngineAgents", "`copilot`", "Token Exchange URL", "access_as_user", "verification code"):
        assert words in section


def test_readme_puts_make_doctor_next_to_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("## Two commands", 1)[1].split("```", 2)[1]
    assert [line.split()[1] for line in block.strip().splitlines()[1:]] == ["run", "test", "doctor"]
