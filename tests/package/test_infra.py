"""Static checks on infra/: the Bicep parses, every parameter and app setting is documented, SSO lines up.

No Bicep compiler can be installed offline (the Bicep CLI is a .NET binary that the Azure CLI downloads),
so the files are parsed with pycep-parser and checked for what the deployment guide promises.
"""

from __future__ import annotations

import json
import re
import subprocess
from typing import Any

import pytest
from pycep import BicepParser

from .conftest import REPO

INFRA = REPO / "infra"
APP_SETTINGS = {
    "MicrosoftAppId",
    "MicrosoftAppPassword",
    "MicrosoftAppType",
    "MicrosoftAppTenantId",
    "ConnectionName",
    "STORAGE_URL",
    "OUTLOOK_ORIGINATOR_ID",
    "READ_ONLY",
}
BICEP_FILES = ["main.bicep", "modules/appService.bicep", "modules/azureBot.bicep"]


@pytest.fixture(scope="module")
def bicep() -> dict[str, dict[str, Any]]:
    parser = BicepParser(cache=False)
    return {name: parser.parse(file_path=INFRA / name) for name in BICEP_FILES}


def _resource(document: dict[str, Any], resource_type: str) -> list[dict[str, Any]]:
    found = []
    for resource in document.get("resources", {}).values():
        if resource["type"] == resource_type:
            config = resource["config"]
            found.append(config.get("config", config) if "condition" in config else config)
    return found


def _table_first_column(markdown: str, heading: str) -> set[str]:
    section = markdown.split(heading, 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([^`]+)` \|", section, flags=re.MULTILINE))


def test_every_bicep_file_parses(bicep) -> None:
    assert set(bicep) == set(BICEP_FILES)
    assert set(bicep["main.bicep"]["modules"]) == {"appService", "azureBot"}


def test_every_parameter_of_main_is_documented_and_described(bicep) -> None:
    readme = (INFRA / "README.md").read_text(encoding="utf-8")
    parameters = bicep["main.bicep"]["parameters"]
    assert _table_first_column(readme, "## Parameters of `main.bicep`") == set(parameters)
    for name, parameter in parameters.items():
        assert any(d["type"] == "description" for d in parameter["decorators"]), name


def test_modules_receive_exactly_their_parameters(bicep) -> None:
    main = bicep["main.bicep"]
    for module in main["modules"].values():
        path = module["detail"]["path"]
        assert set(module["config"]["params"]) == set(bicep[path]["parameters"]), path


def test_example_parameters_file_matches_main(bicep) -> None:
    parameters = bicep["main.bicep"]["parameters"]
    example = json.loads((INFRA / "main.parameters.json").read_text(encoding="utf-8"))["parameters"]
    assert set(example) <= set(parameters)
    required = {name for name, parameter in parameters.items() if parameter.get("default") is None}
    assert required <= set(example)


def test_secrets_are_secure_parameters(bicep) -> None:
    for document, names in (
        (bicep["main.bicep"], ("botAppPassword", "storageUrl")),
        (bicep["modules/appService.bicep"], ("botAppPassword", "storageUrl")),
        (bicep["modules/azureBot.bicep"], ("botAppPassword",)),
    ):
        for name in names:
            assert {"type": "secure"} in document["parameters"][name]["decorators"], name


def test_app_service_runs_app_py_on_python_311_with_documented_settings(bicep) -> None:
    (site,) = _resource(bicep["modules/appService.bicep"], "Microsoft.Web/sites")
    (plan,) = _resource(bicep["modules/appService.bicep"], "Microsoft.Web/serverfarms")
    assert plan["properties"]["reserved"] is True  # Linux
    config = site["properties"]["siteConfig"]
    assert config["linuxFxVersion"] == "PYTHON|3.11"
    assert config["appCommandLine"] == "python app.py"
    settings = {setting["name"] for setting in config["appSettings"]}
    assert APP_SETTINGS <= settings
    readme = (INFRA / "README.md").read_text(encoding="utf-8")
    assert _table_first_column(readme, "## App settings of the web app") == settings
    deploy = (REPO / "docs" / "deploy.md").read_text(encoding="utf-8")
    for name in settings:
        assert f"`{name}`" in deploy, name


def test_bot_has_teams_and_outlook_channels_and_the_messages_endpoint(bicep) -> None:
    bot_module = bicep["modules/azureBot.bicep"]
    (bot,) = _resource(bot_module, "Microsoft.BotService/botServices")
    assert bot["kind"] == "azurebot"
    assert bot["location"] == "global"
    assert set(bot["properties"]) >= {"endpoint", "msaAppId", "msaAppType", "msaAppTenantId"}
    channels = {
        c["properties"]["channelName"]
        for c in _resource(bot_module, "Microsoft.BotService/botServices/channels")
    }
    assert channels == {"MsTeamsChannel", "OutlookChannel"}
    endpoint = bicep["main.bicep"]["modules"]["azureBot"]["config"]["params"]["endpoint"]
    assert endpoint.startswith("https://") and endpoint.endswith("/api/messages")


def test_oauth_connection_carries_token_exchange_url_and_scopes(bicep) -> None:
    bot_module = bicep["modules/azureBot.bicep"]
    (connection,) = _resource(bot_module, "Microsoft.BotService/botServices/connections")
    properties = connection["properties"]
    variables = {name: variable["value"] for name, variable in bot_module["variables"].items()}
    assert variables[properties["serviceProviderId"]] == "30dd229c-58e3-4a48-bdfd-91ec48eb906c"
    assert properties["serviceProviderDisplayName"] == "Azure Active Directory v2"
    assert properties["scopes"] == "scopes"
    parameters = {item["key"]: item["value"] for item in properties["parameters"]}
    assert variables[parameters["tokenExchangeUrl"]] == "api://botid-${botAppId}"
    assert "tenantID" in parameters
    main = bicep["main.bicep"]
    assert main["parameters"]["connectionName"]["default"] == "graph"
    assert (
        main["variables"]["graphScopes"]["value"]["function"]["parameters"]["file_path"]
        == "graph-scopes.json"
    )
    scopes = main["modules"]["azureBot"]["config"]["params"]["scopes"]["function"]
    assert scopes["type"] == "join" and scopes["parameters"]["delimiter"] == " "


def test_scope_lists_are_consistent() -> None:
    scopes = json.loads((INFRA / "graph-scopes.json").read_text(encoding="utf-8"))
    assert scopes["signIn"] == ["openid", "profile", "offline_access"]
    read_write, read_only = scopes["readWrite"], scopes["readOnly"]
    assert "User.Read" in read_write and "User.Read" in read_only
    assert not [scope for scope in read_only if "ReadWrite" in scope]
    assert len(read_write) == len(set(read_write)) and len(read_only) == len(set(read_only))


def test_entra_script_sets_up_sso() -> None:
    script = (INFRA / "entra-app.sh").read_text(encoding="utf-8")
    assert '--identifier-uris "api://botid-$APP_ID"' in script
    assert "REDIRECT_URI=https://token.botframework.com/.auth/web/redirect" in script
    assert '\\"value\\": \\"access_as_user\\"' in script
    assert "graph-scopes.json" in script
    trusted = set(re.findall(r"^  ([0-9a-f-]{36}) #", script, flags=re.MULTILINE))
    assert {"1fec8e78-bce4-4aaf-ab1b-5451cc387264", "5e3ce6c0-2b1f-4285-8d4b-75ee78787346"} <= trusted
    deploy = (REPO / "docs" / "deploy.md").read_text(encoding="utf-8")
    assert trusted == set(re.findall(r"^\s*\| [^|]+ \| `([0-9a-f-]{36})` \|$", deploy, flags=re.MULTILINE))


def test_entra_script_is_valid_bash() -> None:
    result = subprocess.run(
        ["bash", "-n", str(INFRA / "entra-app.sh")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
