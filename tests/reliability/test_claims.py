"""A claims challenge mid-conversation: one sign-out, one sentence saying why, the request completes; never a loop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from language import t
from sandbox.testing import AdminClient
from tests.reliability.support import reply_text, todays_subjects
from tests.support.bot import BotServer, texts

AGENDA = "what's on my calendar today?"
RENEW = t("bot.signin.renew", "en")
FAILED = t("bot.signin.failed", "en")


def _challenge(once: bool) -> dict[str, Any]:
    return {"rules": [{"match": {"path": "/v1.0/me/calendarView*"}, "fault": "cae_challenge", "once": once}]}


async def test_one_challenge_mid_conversation_renews_once_and_completes(
    bot: BotServer, sandbox: AdminClient, graph_as: Any, summary: Callable[..., None]
) -> None:
    summary(load="1 user, 3 turns", faults="claims challenge once")
    me = sandbox.users()[0]
    conv = bot.conversation(user_id=me["userPrincipalName"])
    subjects = todays_subjects(graph_as, me["id"])
    first = reply_text(await conv.say(AGENDA))
    assert any(s in first for s in subjects)  # signed in, token cached

    sandbox.set_faults(_challenge(once=True))
    sandbox.clear_requests()
    replies = await conv.say(AGENDA)
    said = texts(replies)
    assert said.count(RENEW) == 1, said
    assert FAILED not in said
    assert any(s in reply_text(replies) for s in subjects), "the request completed after the new sign-in"
    calls = [r for r in sandbox.requests() if "/calendarView" in r["path"]]
    assert [r["status"] for r in calls][0] == 401
    assert [r["status"] for r in calls][-1] == 200
    assert len([r for r in calls if r["status"] == 401]) == 1

    sandbox.clear_requests()  # the next turn uses the new token without another renewal
    again = await conv.say(AGENDA)
    assert RENEW not in texts(again)
    assert any(s in reply_text(again) for s in subjects)
    assert all(r["status"] == 200 for r in sandbox.requests())


async def test_a_permanent_challenge_ends_with_one_failure_sentence(
    bot: BotServer, sandbox: AdminClient, summary: Callable[..., None]
) -> None:
    summary(load="1 user, 2 turns", faults="claims challenge always")
    me = sandbox.users()[1]
    conv = bot.conversation(user_id=me["userPrincipalName"])
    sandbox.set_faults(_challenge(once=False))
    replies = await conv.say(AGENDA)
    said = texts(replies)
    assert said.count(RENEW) == 1, said
    assert said.count(FAILED) == 1, said
    assert len(said) <= 3, said
    challenged = [r for r in sandbox.requests() if r["status"] == 401]
    assert 1 <= len(challenged) <= 4, len(challenged)
    # The conversation is usable afterwards: once the challenge stops, the same request works.
    sandbox.clear_faults()
    after = await conv.say(AGENDA)
    assert FAILED not in texts(after) and RENEW not in texts(after)


async def test_a_revoked_token_mid_conversation_renews_once_and_completes(
    bot: BotServer, sandbox: AdminClient, graph_as: Any, summary: Callable[..., None]
) -> None:
    summary(load="1 user, 2 turns", faults="401 token revoked once")
    me = sandbox.users()[2]
    conv = bot.conversation(user_id=me["userPrincipalName"])
    subjects = todays_subjects(graph_as, me["id"])
    first = reply_text(await conv.say(AGENDA))
    assert any(s in first for s in subjects)
    revoked = {"status": 401, "body": {"error": {"code": "InvalidAuthenticationToken",
                                                 "message": "Access token has been revoked."}}}
    sandbox.set_faults({"rules": [{"match": {"path": "/v1.0/me/calendarView*", "nth": 1}, "respond": revoked}]})
    replies = await conv.say(AGENDA)
    said = texts(replies)
    assert said.count(RENEW) == 1, said
    assert FAILED not in said
    assert any(s in reply_text(replies) for s in subjects)
