"""Privacy: a full scenario with every logger at DEBUG; the logs hold no text, name, address, subject, title or token."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

import pytest

from app import QUIET_LOGGERS, configure_logging
from sandbox.testing import AdminClient
from tests.reliability.support import reply_text, tasks_titled, todays_subjects
from tests.support.bot import BotServer

JWT = re.compile(r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}")
TITLE = "ring Zephyrine about the quarterly invoice"
FAILED_TITLE = "send Quillon the renewal draft"


def _captured(caplog: pytest.LogCaptureFixture) -> str:
    lines = []
    for record in caplog.records:
        lines.append(f"{record.name} {record.levelname} {record.getMessage()}")
        if record.exc_info:
            lines.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(lines)


async def test_full_scenario_logs_no_personal_data(
    bot: BotServer, sandbox: AdminClient, graph_as: Any, caplog: pytest.LogCaptureFixture,
    summary: Callable[..., None],
) -> None:
    summary(load="1 user, 9 turns", faults="claims challenge, 100% 503/504", notes="all loggers at DEBUG")
    users = sandbox.users()
    me = users[0]
    subjects = todays_subjects(graph_as, me["id"])
    assert subjects, "the seed gives every user meetings today"
    saved = {name: logging.getLogger(name).level for name in QUIET_LOGGERS}
    try:
        configure_logging("DEBUG")  # what `python app.py` does with LOG_LEVEL=DEBUG
        caplog.set_level(logging.DEBUG)  # the root logger: every logger the app does not quieten
        await _scenario(bot, sandbox, graph_as, caplog, subjects, users)
    finally:
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)


async def _scenario(
    bot: BotServer, sandbox: AdminClient, graph_as: Any, caplog: pytest.LogCaptureFixture,
    subjects: list[str], users: list[dict[str, Any]],
) -> None:
    me = users[0]
    utterances = [
        "what's on my calendar today?", "my day", f"add {TITLE} to my tasks", "yes", "help", "sign out",
    ]
    conv = bot.conversation(user_id=me["userPrincipalName"])
    sender = {"id": conv.user_id, "name": me["displayName"], "aadObjectId": me["id"]}
    seen = ""
    for text in utterances:
        seen += reply_text(await conv.say(text, **{"from": sender}))
    assert any(subject in seen for subject in subjects), "the agenda was shown"
    assert len(tasks_titled(graph_as, me["id"], TITLE)) == 1, "the confirmed task was written"
    # The unhappy paths log too: a claims challenge, then a write while Graph fails every call.
    sandbox.set_faults({"rules": [{"match": {"path": "/v1.0/me/calendarView*"}, "fault": "cae_challenge"}]})
    await conv.say(utterances[0], **{"from": sender})
    sandbox.set_faults({"rate": 100, "allowedErrors": [503, 504], "retryAfterInSeconds": 1})
    await conv.say(f"add {FAILED_TITLE} to my tasks", **{"from": sender})
    await conv.say("yes", **{"from": sender})
    sandbox.clear_faults()
    utterances.append(f"add {FAILED_TITLE} to my tasks")

    logs = _captured(caplog)
    logs = logs + "\n" + unquote(logs)  # URL-encoded values count too (%40 for @)
    assert len(caplog.records) > 10, "logging was captured"
    assert any(r.levelno >= logging.WARNING for r in caplog.records), "the failure paths were logged"
    secrets: dict[str, str] = {"task title": TITLE, "failed task title": FAILED_TITLE}
    secrets.update({f"utterance {u!r}": u for u in utterances if len(u) > 8})
    for user in users:
        secrets[f"name of {user['id']}"] = user["displayName"]
        secrets[f"UPN of {user['id']}"] = user["userPrincipalName"]
    secrets.update({f"subject {i}": s for i, s in enumerate(subjects)})
    token = sandbox.token(me["id"])
    secrets["token signature"] = token.rsplit(".", 1)[-1]
    leaks = [label for label, value in secrets.items() if value.lower() in logs.lower()]
    assert leaks == [], leaks
    assert not JWT.search(logs), "a JWT appears in the logs"
    assert "contoso" not in logs.lower(), "a tenant e-mail domain appears in the logs"


@pytest.mark.parametrize("level", ["DEBUG", "INFO"])
def test_url_logging_libraries_stay_quiet_at_any_level(level: str) -> None:
    """httpx logs each Graph URL at INFO, and a `$filter`/`$search` holds the name or words looked for."""
    saved = {name: logging.getLogger(name).level for name in QUIET_LOGGERS}
    try:
        configure_logging(level)
        assert not logging.getLogger("httpx").isEnabledFor(logging.INFO)
        assert not logging.getLogger("urllib3.connectionpool").isEnabledFor(logging.DEBUG)
        assert logging.getLogger("httpx").isEnabledFor(logging.WARNING)
        assert logging.getLogger("graph.client").getEffectiveLevel() == logging.root.level
    finally:
        for name, lvl in saved.items():
            logging.getLogger(name).setLevel(lvl)
