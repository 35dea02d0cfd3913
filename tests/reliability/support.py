"""Helpers for the reliability tests: read effects from the sandbox, flatten replies, find writes."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sandbox.testing import AdminClient
from tests.support.clock import suite_clock

__all__ = ["case_variant", "pseudo_word", "reply_text", "tasks_titled", "todays_subjects", "writes"]


def writes(sandbox: AdminClient) -> list[dict[str, Any]]:
    """Graph requests in the sandbox's log that could change something (a `$batch` is judged by its items)."""
    return [
        r for r in sandbox.requests()
        if r["method"] not in ("GET", "HEAD") and not r["path"].split("?", 1)[0].endswith("/$batch")
    ]


def todays_subjects(graph_as: Any, user: str, tz: str = "Europe/Paris") -> list[str]:
    """Today's meeting subjects for `user`, read from the sandbox's Graph (not from the bot)."""
    zone = ZoneInfo(tz)
    start = suite_clock().now().astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    response = graph_as(user).get(
        "/me/calendarView",
        params={"startDateTime": start.isoformat(), "endDateTime": (start + timedelta(days=1)).isoformat(),
                "$top": "100"},
        headers={"Prefer": f'outlook.timezone="{tz}"'},
    )
    response.raise_for_status()
    return [e["subject"] for e in response.json()["value"] if not e.get("isCancelled")]


def tasks_titled(graph_as: Any, user: str, title: str) -> list[dict[str, Any]]:
    """Every To Do task of `user`, in any list, whose title is exactly `title`."""
    graph = graph_as(user)
    found: list[dict[str, Any]] = []
    lists = graph.get("/me/todo/lists")
    lists.raise_for_status()
    for todo_list in lists.json()["value"]:
        url: str | None = f"/me/todo/lists/{todo_list['id']}/tasks"
        while url:
            page = graph.get(url)
            page.raise_for_status()
            body = page.json()
            found += [t for t in body["value"] if t.get("title") == title]
            url = body.get("@odata.nextLink")
    return found


def reply_text(replies: list[dict[str, Any]]) -> str:
    """Everything a user could read in the replies: texts and card JSON."""
    parts: list[str] = []
    for reply in replies:
        if reply.get("type") != "message":
            continue
        parts.append(reply.get("text") or "")
        for attachment in reply.get("attachments") or []:
            parts.append(json.dumps(attachment.get("content"), ensure_ascii=False))
    return "\n".join(parts)


def case_variant(upn: str, n: int) -> str:
    """The n-th upper/lower-case spelling of a UPN: a distinct channel id the sandbox maps to the same person."""
    letters = [i for i, c in enumerate(upn) if c.isalpha()]
    chars = list(upn)
    for bit, index in enumerate(letters[:16]):
        if n >> bit & 1:
            chars[index] = chars[index].upper()
    return "".join(chars)


def pseudo_word(n: int) -> str:
    """A pronounceable made-up word per number (no digits: a digit in a title could read as a date)."""
    consonants, vowels = "bdfgklpvz", "aiou"
    syllables = []
    for _ in range(4):
        n, c = divmod(n, len(consonants))
        n, v = divmod(n, len(vowels))
        syllables.append(consonants[c] + vowels[v])
    return "".join(syllables)
