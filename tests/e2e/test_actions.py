"""Card actions over HTTP: `adaptiveCard/action` invokes from Teams and Outlook against the real app and the
sandbox process; each test checks the HTTP status, the invoke body and the sandbox's own state."""

from __future__ import annotations

import asyncio
import re
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import quote
from zoneinfo import ZoneInfo

import httpx
import pytest

from cards import action_data
from graph import odata
from language import t
from sandbox.testing import AdminClient
from tests.e2e.conftest import set_signin
from tests.support.bot import BotServer, Conversation
from tests.support.clock import day_start

CHANNELS = ("msteams", "outlook")
CARD = "application/vnd.microsoft.card.adaptive"
MESSAGE = "application/vnd.microsoft.activity.message"
ERROR = "application/vnd.microsoft.error"


# ---- helpers (also used by test_digest.py) ----------------------------------------------------------
async def execute(conv: Conversation, verb: str, data: dict[str, Any], *,
                  trigger: str = "manual") -> tuple[httpx.Response, dict[str, Any]]:
    """Send one Action.Execute invoke; return the HTTP response and its Universal Actions body."""
    response, _ = await conv.invoke(
        "adaptiveCard/action",
        {"action": {"type": "Action.Execute", "verb": verb, "data": data}, "trigger": trigger},
    )
    assert response.status_code == 200, response.text
    return response, response.json()


def actions_in(node: Any, verb: str | None = None) -> list[dict[str, Any]]:
    """Every Action.Execute in a card (optionally with one verb), in document order."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if node.get("type") == "Action.Execute" and (verb is None or node.get("verb") == verb):
            found.append(node)
        for value in node.values():
            found += actions_in(value, verb)
    elif isinstance(node, list):
        for item in node:
            found += actions_in(item, verb)
    return found


def user_zone(client: httpx.Client) -> ZoneInfo:
    from graph.timezones import to_iana

    settings = client.get("/me/mailboxSettings").raise_for_status().json()
    return ZoneInfo(to_iana(settings.get("timeZone")))


def todo_lists(client: httpx.Client) -> list[dict[str, Any]]:
    lists = client.get("/me/todo/lists").raise_for_status().json()["value"]
    return [li for li in lists if li.get("wellknownListName") != "flaggedEmails"]


def todo_tasks(client: httpx.Client, list_id: str) -> list[dict[str, Any]]:
    return client.get(f"/me/todo/lists/{quote(list_id, safe='')}/tasks"
                      ).raise_for_status().json()["value"]


def todo_task(client: httpx.Client, list_id: str, task_id: str) -> dict[str, Any]:
    return client.get(f"/me/todo/lists/{quote(list_id, safe='')}/tasks/{quote(task_id, safe='')}"
                      ).raise_for_status().json()


def open_task(client: httpx.Client, *, status: str = "notStarted") -> tuple[str, dict[str, Any]]:
    for todo_list in todo_lists(client):
        for task in todo_tasks(client, todo_list["id"]):
            if task["status"] == status:
                return todo_list["id"], task
    raise AssertionError(f"the seed has no To Do task with status {status}")


def writes(sandbox: AdminClient) -> list[dict[str, Any]]:
    """Graph writes seen by the sandbox (top-level or inside a $batch)."""
    return [r for r in sandbox.requests()
            if r["method"] in ("POST", "PATCH", "DELETE") and "/$batch" not in r["path"]]


def flagged(client: httpx.Client) -> list[dict[str, Any]]:
    return client.get("/me/messages", params={"$filter": "flag/flagStatus eq 'flagged'",
                                              "$select": "id,flag,webLink,subject", "$top": "50"}
                      ).raise_for_status().json()["value"]


def users(sandbox: AdminClient) -> tuple[dict[str, Any], dict[str, Any]]:
    everyone = sandbox.users()
    return everyone[0], everyone[1]


# ---- To Do ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("channel_id", CHANNELS)
async def test_complete_twice_completes_once(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                             channel_id: str) -> None:
    user, _ = users(sandbox)
    client = graph_as(user["id"])
    list_id, task = open_task(client)
    conv = bot.conversation(user_id=user["userPrincipalName"], channel_id=channel_id)
    sandbox.clear_requests()
    _, first = await execute(conv, "todo.complete", action_data("todo.complete", list_id=list_id, item_id=task["id"]))
    assert first["statusCode"] == 200 and first["type"] == CARD
    card = first["value"]
    assert card["version"] == "1.4"
    assert "Task completed." in str(card)
    assert len(actions_in(card, "undo")) == 1
    assert todo_task(client, list_id, task["id"])["status"] == "completed"
    _, second = await execute(conv, "todo.complete", action_data("todo.complete", list_id=list_id, item_id=task["id"]))
    assert second == {"statusCode": 200, "type": MESSAGE,
                      "value": "This task was already completed: nothing changed."}
    assert len([w for w in writes(sandbox) if w["method"] == "PATCH"]) == 1


async def test_double_click_writes_once(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    user, _ = users(sandbox)
    client = graph_as(user["id"])
    list_id, task = open_task(client)
    conv = bot.conversation(user_id=user["userPrincipalName"])
    data = action_data("todo.complete", list_id=list_id, item_id=task["id"])
    sandbox.clear_requests()
    (_, one), (_, two) = await asyncio.gather(execute(conv, "todo.complete", data),
                                              execute(conv, "todo.complete", data))
    assert sorted([one["type"], two["type"]]) == sorted([CARD, MESSAGE])
    assert len(writes(sandbox)) == 1
    assert todo_task(client, list_id, task["id"])["status"] == "completed"


@pytest.mark.parametrize("channel_id", CHANNELS)
async def test_undo_reopens_and_only_once(bot: BotServer, sandbox: AdminClient, graph_as: Any, channel_id: str) -> None:
    user, _ = users(sandbox)
    client = graph_as(user["id"])
    list_id, task = open_task(client)
    conv = bot.conversation(user_id=user["userPrincipalName"], channel_id=channel_id)
    _, done = await execute(conv, "todo.complete", action_data("todo.complete", list_id=list_id, item_id=task["id"]))
    undo = actions_in(done["value"], "undo")[0]
    _, undone = await execute(conv, "undo", undo["data"])
    assert undone["type"] == CARD and t("undo.done.todo.complete", "en") in str(undone["value"])
    assert actions_in(undone["value"], "undo") == []
    assert todo_task(client, list_id, task["id"])["status"] == "notStarted"
    _, again = await execute(conv, "undo", undo["data"])
    assert again["value"] == t("undo.already", "en")
    assert todo_task(client, list_id, task["id"])["status"] == "notStarted"


@pytest.mark.parametrize("channel_id", CHANNELS)
async def test_reopen_a_completed_task(bot: BotServer, sandbox: AdminClient, graph_as: Any, channel_id: str) -> None:
    user, _ = users(sandbox)
    client = graph_as(user["id"])
    list_id, task = open_task(client, status="completed")
    conv = bot.conversation(user_id=user["userPrincipalName"], channel_id=channel_id, locale="fr-FR")
    data = action_data("todo.reopen", list_id=list_id, item_id=task["id"])
    _, first = await execute(conv, "todo.reopen", data)
    assert first["type"] == CARD and "Tâche rouverte." in str(first["value"])
    assert todo_task(client, list_id, task["id"])["status"] == "notStarted"
    _, second = await execute(conv, "todo.reopen", data)
    assert second["value"] == "Cette tâche est déjà ouverte : rien n'a changé."


@pytest.mark.parametrize("channel_id", CHANNELS)
async def test_snooze_moves_the_due_date_once(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                              channel_id: str) -> None:
    user, _ = users(sandbox)
    client = graph_as(user["id"])
    list_id, task = open_task(client)
    conv = bot.conversation(user_id=user["userPrincipalName"], channel_id=channel_id, timezone="Europe/Paris")
    data = action_data("todo.snooze", list_id=list_id, item_id=task["id"], days=1)
    _, first = await execute(conv, "todo.snooze", data)
    assert first["type"] == CARD and "Task moved to" in str(first["value"])
    tomorrow = day_start("Europe/Paris", 1).date()
    assert todo_task(client, list_id, task["id"])["dueDateTime"]["dateTime"][:10] == tomorrow.isoformat()
    _, second = await execute(conv, "todo.snooze", data)
    assert second["type"] == MESSAGE and "already due" in second["value"]


# ---- Planner ----------------------------------------------------------------------------------------------
def planner_task(client: httpx.Client, *, done: bool = False) -> dict[str, Any]:
    tasks = client.get("/me/planner/tasks").raise_for_status().json()["value"]
    return next(t for t in tasks if (t["percentComplete"] == 100) == done)


@pytest.mark.parametrize("channel_id", CHANNELS)
async def test_planner_progress_then_complete(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                              channel_id: str) -> None:
    user, _ = users(sandbox)
    client = graph_as(user["id"])
    task = planner_task(client)
    conv = bot.conversation(user_id=user["userPrincipalName"], channel_id=channel_id)
    progress = action_data("planner.progress", item_id=task["id"], percent=50)
    _, first = await execute(conv, "planner.progress", progress)
    assert first["type"] == CARD and "Planner task set to 50%." in str(first["value"])
    assert client.get(f"/planner/tasks/{task['id']}").json()["percentComplete"] == 50
    _, again = await execute(conv, "planner.progress", progress)
    assert again["value"] == "This Planner task is already at 50%: nothing changed."
    complete = action_data("planner.complete", item_id=task["id"])
    _, done = await execute(conv, "planner.complete", complete)
    assert "Planner task completed." in str(done["value"])
    assert client.get(f"/planner/tasks/{task['id']}").json()["percentComplete"] == 100
    _, twice = await execute(conv, "planner.complete", complete)
    assert twice["value"] == "This Planner task was already completed: nothing changed."
    # Undo of the completion goes back to 50%.
    _, undone = await execute(conv, "undo", actions_in(done["value"], "undo")[0]["data"])
    assert "Undone:" in str(undone["value"])
    assert client.get(f"/planner/tasks/{task['id']}").json()["percentComplete"] == 50


# ---- mail ----------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("channel_id", CHANNELS)
async def test_flag_complete_and_clear(bot: BotServer, sandbox: AdminClient, graph_as: Any, channel_id: str) -> None:
    user, _ = users(sandbox)
    client = graph_as(user["id"])
    first_mail, second_mail = flagged(client)[:2]
    conv = bot.conversation(user_id=user["userPrincipalName"], channel_id=channel_id)
    done = action_data("mail.flag.complete", item_id=first_mail["id"])
    _, one = await execute(conv, "mail.flag.complete", done)
    assert "Flag marked as done." in str(one["value"])
    assert client.get(f"/me/messages/{first_mail['id']}").json()["flag"]["flagStatus"] == "complete"
    _, again = await execute(conv, "mail.flag.complete", done)
    assert again["type"] == MESSAGE and "already marked as done" in again["value"]
    clear = action_data("mail.flag.clear", item_id=second_mail["id"])
    _, two = await execute(conv, "mail.flag.clear", clear)
    assert "Flag cleared." in str(two["value"])
    assert client.get(f"/me/messages/{second_mail['id']}").json()["flag"]["flagStatus"] == "notFlagged"
    _, undone = await execute(conv, "undo", actions_in(two["value"], "undo")[0]["data"])
    assert "Undone:" in str(undone["value"])
    assert client.get(f"/me/messages/{second_mail['id']}").json()["flag"]["flagStatus"] == "flagged"


@pytest.mark.parametrize("channel_id", CHANNELS)
async def test_mail_to_task_creates_one_linked_task(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                                    channel_id: str) -> None:
    user, _ = users(sandbox)
    client = graph_as(user["id"])
    message = flagged(client)[0]
    default = next(li for li in todo_lists(client) if li.get("wellknownListName") == "defaultList")

    def same_title() -> list[dict[str, Any]]:
        # To Do refuses `%24filter`: the option name must keep its literal `$`.
        query = quote(odata.eq("title", message["subject"]), safe="")
        return client.get(f"/me/todo/lists/{quote(default['id'], safe='')}/tasks?$filter={query}"
                          ).raise_for_status().json()["value"]

    before = len(same_title())
    conv = bot.conversation(user_id=user["userPrincipalName"], channel_id=channel_id)
    data = action_data("mail.to_task", item_id=message["id"])
    _, first = await execute(conv, "mail.to_task", data)
    assert "To Do task created from the message." in str(first["value"])
    tasks = same_title()
    assert len(tasks) == before + 1
    created = tasks[-1]
    links = client.get(f"/me/todo/lists/{quote(default['id'], safe='')}/tasks/{quote(created['id'], safe='')}"
                       "/linkedResources").raise_for_status().json()["value"]
    assert [link["webUrl"] for link in links] == [message["webLink"]]
    _, second = await execute(conv, "mail.to_task", data)
    assert second["value"] == "A To Do task already exists for this message: nothing changed."
    assert len(same_title()) == before + 1
    _, undone = await execute(conv, "undo", actions_in(first["value"], "undo")[0]["data"])
    assert "Undone:" in str(undone["value"])
    assert len(same_title()) == before


# ---- meetings --------------------------------------------------------------------------------------------------
def invitation(client: httpx.Client, start: datetime) -> dict[str, Any]:
    """The first meeting after `start` that this user attends but does not organise and has not answered."""
    events = client.get("/me/calendarView", params={
        "startDateTime": start.isoformat(), "endDateTime": (start + timedelta(days=14)).isoformat(), "$top": "50",
    }).raise_for_status().json()["value"]
    pending = [e for e in events if not e.get("isOrganizer") and not e.get("isCancelled")
               and e["responseStatus"]["response"] in ("none", "notResponded")]
    return min(pending, key=lambda e: e["start"]["dateTime"])


@pytest.mark.parametrize("channel_id", CHANNELS)
async def test_meeting_responses(bot: BotServer, sandbox: AdminClient, graph_as: Any, channel_id: str,
                                 at: Any) -> None:
    now = at("08:00", "Europe/Paris")  # this morning's invitations are still to come
    user, _ = users(sandbox)
    client = graph_as(user["id"])
    event = invitation(client, now)
    conv = bot.conversation(user_id=user["userPrincipalName"], channel_id=channel_id)
    for verb, state, said in (("event.tentative", "tentativelyAccepted", "Meeting tentatively accepted."),
                              ("event.accept", "accepted", "Meeting accepted.")):
        data = action_data(verb, item_id=event["id"])
        _, first = await execute(conv, verb, data)
        assert first["type"] == CARD and said in str(first["value"])
        # A first answer has reached the organiser: no undo; a changed answer can be given back.
        assert (actions_in(first["value"], "undo") != []) == (state == "accepted")
        seen = client.get(f"/me/events/{event['id']}").raise_for_status().json()
        assert seen["responseStatus"]["response"] == state
        _, again = await execute(conv, verb, data)
        assert again["value"] == "You had already given this answer: nothing changed."
    decline = action_data("event.decline", item_id=event["id"])
    _, asked = await execute(conv, "event.decline", decline)  # a declined meeting cannot be given back: asked first
    assert asked["type"] == CARD and actions_in(asked["value"], "confirm")
    assert client.get(f"/me/events/{event['id']}").status_code == 200
    _, declined = await execute(conv, "confirm", actions_in(asked["value"], "confirm")[0]["data"])
    assert "Meeting declined" in str(declined["value"])
    # A declined meeting leaves the attendee's calendar, so a second click finds nothing to change.
    assert client.get(f"/me/events/{event['id']}").status_code == 404
    sandbox.clear_requests()
    _, again = await execute(conv, "event.decline", decline)
    assert again["type"] == MESSAGE and again["value"].startswith("I cannot find this item")
    assert writes(sandbox) == []


# ---- who may act ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("channel_id", CHANNELS)
async def test_someone_elses_items_are_refused(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                               channel_id: str) -> None:
    me, other = users(sandbox)
    theirs = graph_as(other["id"])
    list_id, task = open_task(theirs)
    message = flagged(theirs)[0] if flagged(theirs) else theirs.get("/me/messages").json()["value"][0]
    conv = bot.conversation(user_id=me["userPrincipalName"], channel_id=channel_id)
    sandbox.clear_requests()
    for verb, data in (("todo.complete", action_data("todo.complete", list_id=list_id, item_id=task["id"])),
                       ("mail.flag.clear", action_data("mail.flag.clear", item_id=message["id"])),
                       ("mail.to_task", action_data("mail.to_task", item_id=message["id"]))):
        _, body = await execute(conv, verb, data)
        assert body["statusCode"] == 200 and body["type"] == MESSAGE
        assert body["value"].startswith("I cannot find this item with your account")
    assert writes(sandbox) == []
    assert todo_task(theirs, list_id, task["id"])["status"] == task["status"]


# ---- malformed invokes: a 400 body, never a 500 ---------------------------------------------------------------
@pytest.mark.parametrize("channel_id", CHANNELS)
@pytest.mark.parametrize(("value", "code"), [
    ({"action": {"type": "Action.Submit", "data": {"verb": "todo.complete"}}}, "NotSupported"),
    ({"action": {"type": "Action.Execute", "verb": "todo.explode", "data": {}}}, "UnknownVerb"),
    ({"action": {"type": "Action.Execute", "verb": "todo.complete", "data": {"itemId": "x"}}}, "BadRequest"),
    ({"action": {"type": "Action.Execute", "verb": "todo.snooze",
                 "data": {"listId": "l", "itemId": "i", "days": "many"}}}, "BadRequest"),
    ({"action": {"type": "Action.Execute", "verb": "undo", "data": "not an object"}}, "BadRequest"),
    ({"action": "Action.Execute"}, "NotSupported"),
    (["not", "an", "object"], "NotSupported"),
])
async def test_malformed_actions_get_a_400_body(bot: BotServer, sandbox: AdminClient, channel_id: str,
                                                value: Any, code: str) -> None:
    conv = bot.conversation(user_id=sandbox.users()[0]["userPrincipalName"], channel_id=channel_id)
    response, _ = await conv.invoke("adaptiveCard/action", value)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["statusCode"] == 400 and body["type"] == ERROR
    assert body["value"]["code"] == code and body["value"]["message"]


# ---- the dialog's own buttons and sign-in ---------------------------------------------------------------------
@pytest.mark.parametrize("verb", ["confirm", "reject"])
async def test_confirm_without_a_waiting_dialog_says_so(bot: BotServer, sandbox: AdminClient, verb: str) -> None:
    conv = bot.conversation(user_id=sandbox.users()[0]["userPrincipalName"])
    _, body = await execute(conv, verb, action_data(verb, ref="abc123"))
    assert body["type"] == MESSAGE and body["value"].startswith("This card is no longer waiting")
    assert bot.channel.activities(conv.conversation_id) == []


@pytest.mark.parametrize("channel_id", CHANNELS)
async def test_not_signed_in_gets_a_login_request(manual_bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                                  channel_id: str) -> None:
    user, _ = users(sandbox)
    list_id, task = open_task(graph_as(user["id"]))
    conv = manual_bot.conversation(channel_id=channel_id)
    sandbox.clear_requests()
    _, body = await execute(conv, "todo.complete", action_data("todo.complete", list_id=list_id, item_id=task["id"]))
    assert body["statusCode"] == 401 and body["type"] == "application/vnd.microsoft.activity.loginRequest"
    card = body["value"]
    assert card["connectionName"] == "graph"
    button = card["buttons"][0]
    assert button["type"] == "signin" and button["value"].startswith("http")
    assert writes(sandbox) == []


def card_in(replies: list[dict[str, Any]]) -> dict[str, Any]:
    return next(a["content"] for r in replies for a in r.get("attachments") or [] if a["contentType"] == CARD)


def titled(client: httpx.Client, title: str) -> list[dict[str, Any]]:
    """Tasks with this title in any list (To Do refuses `%24filter`: the `$` stays literal)."""
    query = quote(odata.eq("title", title), safe="")
    found: list[dict[str, Any]] = []
    for todo_list in todo_lists(client):
        found += client.get(f"/me/todo/lists/{quote(todo_list['id'], safe='')}/tasks?$filter={query}"
                            ).raise_for_status().json()["value"]
    return found


async def test_confirm_button_runs_the_waiting_dialog_once(bot: BotServer, sandbox: AdminClient,
                                                           graph_as: Any) -> None:
    user, _ = users(sandbox)
    conv = bot.conversation(user_id=user["userPrincipalName"])
    confirm = actions_in(card_in(await conv.say("add water the plants to my tasks")), "confirm")[0]
    sandbox.clear_requests()
    _, body = await execute(conv, "confirm", confirm["data"])
    assert body["statusCode"] == 200 and body["type"] == CARD  # the result card replaces the clicked one
    result = body["value"]
    assert actions_in(result, "undo") and not actions_in(result, "confirm") and not actions_in(result, "reject")
    assert len(titled(graph_as(user["id"]), "water the plants")) == 1
    # Once confirmed the dialog has ended: a second click cannot write twice.
    _, again = await execute(conv, "confirm", confirm["data"])
    assert again["value"].startswith("This card is no longer waiting")
    assert len([w for w in writes(sandbox) if w["method"] == "POST"]) == 1
    assert len(titled(graph_as(user["id"]), "water the plants")) == 1


async def test_reject_button_writes_nothing(bot: BotServer, sandbox: AdminClient, graph_as: Any) -> None:
    user, _ = users(sandbox)
    conv = bot.conversation(user_id=user["userPrincipalName"])
    reject = actions_in(card_in(await conv.say("add water the plants to my tasks")), "reject")[0]
    sandbox.clear_requests()
    _, body = await execute(conv, "reject", reject["data"])
    assert body["statusCode"] == 200 and body["type"] == CARD  # "nothing changed" replaces the card
    assert not actions_in(body["value"], "confirm") and not actions_in(body["value"], "reject")
    assert writes(sandbox) == []
    assert titled(graph_as(user["id"]), "water the plants") == []


async def test_a_stale_button_while_another_dialog_waits(bot: BotServer, sandbox: AdminClient) -> None:
    conv = bot.conversation(user_id=users(sandbox)[0]["userPrincipalName"])
    await conv.say("add water the plants to my tasks")
    sandbox.clear_requests()
    _, body = await execute(conv, "confirm", action_data("confirm", ref="0123456789ab"))
    assert body == {"statusCode": 200, "type": MESSAGE, "value": "This card is no longer waiting for an answer."}
    assert writes(sandbox) == []


async def test_login_request_then_magic_code_in_state_acts(manual_bot: BotServer, sandbox: AdminClient,
                                                          sandbox_url: str, graph_as: Any) -> None:
    """Universal Actions sign-in: 401 loginRequest, the person signs in, the client repeats the invoke with
    the magic code in `state`; the action then runs with that person's token."""
    set_signin(sandbox_url, magicCode=True)
    user, _ = users(sandbox)
    client = graph_as(user["id"])
    list_id, task = open_task(client)
    conv = manual_bot.conversation(channel_id="outlook")
    data = action_data("todo.complete", list_id=list_id, item_id=task["id"])
    _, login = await execute(conv, "todo.complete", data)
    link = login["value"]["buttons"][0]["value"]
    page = await manual_bot.http.get(link)
    state = re.search(r'name="state" value="([^"]+)"', page.text)
    assert page.status_code == 200 and state
    done = await manual_bot.http.post(f"{sandbox_url}/api/botsignin/signin",
                                      data={"state": state.group(1), "user": user["id"]})
    code = re.search(r'id="magic-code">(\d{6})<', done.text)
    assert code
    response, _ = await conv.invoke("adaptiveCard/action", {
        "action": {"type": "Action.Execute", "verb": "todo.complete", "data": data}, "state": code.group(1)})
    body = response.json()
    assert body["statusCode"] == 200 and "Task completed." in str(body["value"])
    assert todo_task(client, list_id, task["id"])["status"] == "completed"


@pytest.mark.parametrize("channel_id", CHANNELS)
async def test_planner_task_of_a_plan_i_am_not_in_is_refused(bot: BotServer, sandbox: AdminClient, graph_as: Any,
                                                             channel_id: str) -> None:
    everyone = sandbox.users()
    pair = None
    for clicker in everyone:
        for owner in everyone:
            if owner is clicker or pair:
                continue
            for task in graph_as(owner["id"]).get("/me/planner/tasks").raise_for_status().json()["value"]:
                if graph_as(clicker["id"]).get(f"/planner/tasks/{task['id']}").status_code == 403:
                    pair = (clicker, owner, task)
                    break
    assert pair, "the seed has plans that not everyone belongs to"
    clicker, owner, task = pair
    conv = bot.conversation(user_id=clicker["userPrincipalName"], channel_id=channel_id)
    sandbox.clear_requests()
    _, body = await execute(conv, "planner.complete", action_data("planner.complete", item_id=task["id"]))
    assert body == {"statusCode": 200, "type": MESSAGE,
                    "value": "Your account is not allowed to change this item. Nothing was changed."}
    assert writes(sandbox) == []
    after = graph_as(owner["id"]).get(f"/planner/tasks/{task['id']}").json()
    assert after["percentComplete"] == task["percentComplete"]


async def test_choose_then_confirm_buttons_drive_the_dialog(bot: BotServer, sandbox: AdminClient,
                                                            graph_as: Any) -> None:
    user, _ = users(sandbox)
    conv = bot.conversation(user_id=user["userPrincipalName"])
    choices = card_in(await conv.say("complete a task"))
    rows = [block for block in choices["body"] if block.get("type") == "ColumnSet"]
    second = rows[1]["columns"][1]["items"][0]["inlines"][0]["text"]
    choose = actions_in(rows[1], "choose")[0]
    _, picked = await execute(conv, "choose", choose["data"])
    assert picked == {"statusCode": 200, "type": MESSAGE, "value": "Got it."}
    confirmation = card_in(bot.channel.activities(conv.conversation_id)[-1:])
    assert second in str(confirmation)
    assert next(t for t in titled(graph_as(user["id"]), second))["status"] != "completed"
    _, confirmed = await execute(conv, "confirm", actions_in(confirmation, "confirm")[0]["data"])
    assert confirmed["type"] == CARD and not actions_in(confirmed["value"], "confirm")
    assert any(t["status"] == "completed" for t in titled(graph_as(user["id"]), second))
    # The choice card's buttons are no longer waited for.
    _, stale = await execute(conv, "choose", choose["data"])
    assert stale["value"].startswith("This card is no longer waiting")
