"""The built manifest and its French localization validate offline against the official Teams schemas."""

from __future__ import annotations

import copy
import json
import re
from datetime import UTC, datetime
from typing import Any

from jsonschema import Draft4Validator

from language import recognize

from .conftest import APP_ID, APP_PACKAGE, BOT_DOMAIN, SCHEMA_DIR

COPILOT_STARTERS = {  # prompt starter -> the intent MIPA must recognize it as
    "What's on my calendar today?": "calendar.agenda",
    "Show me my day": "digest.today",
    "When am I free tomorrow?": "calendar.availability",
    "What are my tasks?": "todo.list",
    "Show my flagged emails": "mail.flagged",
    "What can you do?": "general.help",
}
MAIN_COMMANDS = ["what's on my calendar today", "my day", "my tasks", "flagged mail", "help", "sign out"]


def schema_errors(document: dict[str, Any], schema: dict[str, Any]) -> list[str]:
    validator = Draft4Validator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)
    return [
        f"/{'/'.join(map(str, error.path))}: {error.message}"
        for error in sorted(validator.iter_errors(document), key=lambda error: list(error.path))
    ]


def test_built_manifest_validates_against_its_schema(built_manifest, manifest_schema) -> None:
    assert schema_errors(built_manifest, manifest_schema) == []


def test_schema_check_catches_a_broken_manifest(built_manifest, manifest_schema) -> None:
    broken = copy.deepcopy(built_manifest)
    broken["bots"][0]["botId"] = "not-a-guid"
    broken["bots"][0]["scopes"].append("everywhere")
    errors = schema_errors(broken, manifest_schema)
    assert any(error.startswith("/bots/0/botId") for error in errors)
    assert any(error.startswith("/bots/0/scopes") for error in errors)


def test_manifest_is_on_a_current_schema(built_manifest) -> None:
    major, minor = (int(part) for part in built_manifest["manifestVersion"].split("."))
    assert (major, minor) >= (1, 22)
    assert f"/v{built_manifest['manifestVersion']}/" in built_manifest["$schema"]


def test_settings_fill_the_placeholders(built_files, built_manifest) -> None:
    for name in ("manifest.json", "fr.json"):
        assert "{{" not in built_files[name].decode("utf-8")
    assert built_manifest["version"] == "1.2.3"
    bot = built_manifest["bots"][0]
    assert bot["botId"] == APP_ID
    assert built_manifest["webApplicationInfo"] == {"id": APP_ID, "resource": f"api://botid-{APP_ID}"}
    assert built_manifest["validDomains"] == ["token.botframework.com", BOT_DOMAIN]
    for key in ("websiteUrl", "privacyUrl", "termsOfUseUrl"):
        assert built_manifest["developer"][key].startswith(f"https://{BOT_DOMAIN}/")


def test_bot_scopes_commands_and_files(built_manifest) -> None:
    bot = built_manifest["bots"][0]
    assert set(bot["scopes"]) == {"personal", "team", "groupChat", "copilot"}
    assert bot["supportsFiles"] is False
    personal = next(group for group in bot["commandLists"] if group["scopes"] == ["personal"])
    assert [command["title"] for command in personal["commands"]] == MAIN_COMMANDS
    listed_scopes = {scope for group in bot["commandLists"] for scope in group["scopes"]}
    assert listed_scopes == set(bot["scopes"])


def test_descriptions_say_what_mipa_does_and_that_it_stores_no_data(built_manifest, built_files) -> None:
    full = built_manifest["description"]["full"]
    for word in (
        "calendar",
        "To Do",
        "Planner",
        "mail",
        "files",
        "SharePoint",
        "My day",
        "stores none of your data",
    ):
        assert word in full
    french = json.loads(built_files["fr.json"])
    assert "ne conserve aucune de vos données" in french["description.full"]


def test_localization_validates_and_translates_every_command(
    built_manifest, built_files, localization_schema
) -> None:
    french = json.loads(built_files["fr.json"])
    assert schema_errors(french, localization_schema) == []
    assert built_manifest["localizationInfo"]["additionalLanguages"] == [
        {"languageTag": "fr", "file": "fr.json"}
    ]
    expected = {
        f"bots[0].commandLists[{g}].commands[{c}].{field}"
        for g, group in enumerate(built_manifest["bots"][0]["commandLists"])
        for c, _ in enumerate(group["commands"])
        for field in ("title", "description")
    }
    command_keys = {key for key in french if key.startswith("bots[")}
    assert command_keys == expected
    for key in ("name.short", "name.full", "description.short", "description.full"):
        assert french[key]


def test_template_placeholders_are_the_known_ones() -> None:
    known = {"MicrosoftAppId", "BOT_DOMAIN", "APP_VERSION", "TEAMS_APP_ID"}
    for name in ("manifest.json", "fr.json"):
        text = (APP_PACKAGE / name).read_text(encoding="utf-8")
        assert set(re.findall(r"\{\{(\w+)\}\}", text)) <= known


def test_bot_is_a_copilot_custom_engine_agent(built_manifest) -> None:
    bot = built_manifest["bots"][0]
    agents = built_manifest["copilotAgents"]
    assert set(agents) == {"customEngineAgents"}  # a custom engine agent cannot coexist with declarative agents
    assert agents["customEngineAgents"] == [{"type": "bot", "id": bot["botId"]}]
    assert agents["customEngineAgents"][0]["id"] == APP_ID
    assert {"copilot", "personal"} <= set(bot["scopes"])  # the schema says the agent's bot needs personal scope


def _copilot_starters(manifest: dict[str, Any]) -> tuple[int, list[dict[str, str]]]:
    groups = manifest["bots"][0]["commandLists"]
    (index,) = [i for i, group in enumerate(groups) if "copilot" in group["scopes"]]
    return index, groups[index]["commands"]


def test_copilot_prompt_starters_are_mipa_requests_in_english_and_french(built_manifest, built_files) -> None:
    index, starters = _copilot_starters(built_manifest)
    assert [command["title"] for command in starters] == list(COPILOT_STARTERS)
    french = json.loads(built_files["fr.json"])
    now = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)  # recognition only; any date works
    for position, (command, intent) in enumerate(zip(starters, COPILOT_STARTERS.values(), strict=True)):
        assert recognize(command["title"], "en", now, "UTC").intent == intent, command["title"]
        french_title = french[f"bots[0].commandLists[{index}].commands[{position}].title"]
        assert french_title != command["title"]
        assert recognize(french_title, "fr", now, "UTC").intent == intent, french_title
        assert french[f"bots[0].commandLists[{index}].commands[{position}].description"] != command["description"]


def test_schema_check_catches_a_broken_copilot_agent(built_manifest, manifest_schema) -> None:
    wrong_type = copy.deepcopy(built_manifest)
    wrong_type["copilotAgents"]["customEngineAgents"][0]["type"] = "tab"
    assert any(error.startswith("/copilotAgents/customEngineAgents/0/type") for error in schema_errors(wrong_type, manifest_schema))
    both = copy.deepcopy(built_manifest)
    both["copilotAgents"]["declarativeAgents"] = [{"id": "agent", "file": "agent.json"}]
    assert any(error.startswith("/copilotAgents") for error in schema_errors(both, manifest_schema))
    two = copy.deepcopy(built_manifest)
    two["copilotAgents"]["customEngineAgents"].append({"type": "bot", "id": APP_ID})
    assert schema_errors(two, manifest_schema) != []


def test_manifest_schema_of_an_older_version_rejects_the_copilot_scope(built_manifest) -> None:
    older = json.loads((SCHEMA_DIR / "v1.20" / "MicrosoftTeams.schema.json").read_text(encoding="utf-8"))
    assert any(error.startswith("/bots/0/scopes") for error in schema_errors(built_manifest, older))
