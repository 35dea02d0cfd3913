"""The "my day" card: today's meetings, To Do due or overdue, Planner work, flagged mail (Outlook-ready 1.4)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime, tzinfo
from typing import Any

from cards._access import get
from cards.actions import Verb, action_data, with_extra
from cards.base import (
    OUTLOOK_VERSION,
    Card,
    adaptive_card,
    execute_action,
    refresh_block,
    text_block,
)
from cards.calendar import event_rows
from cards.mail import mail_rows
from cards.tasks import due_date, is_done, planner_rows, todo_rows
from cards.text import text
from language.formatting import format_day, to_zone

__all__ = ["MAX_PER_SECTION", "digest_card", "my_day_card"]

MAX_PER_SECTION = 6


def _section(key: str, count: int, rows: list[dict[str, Any]], locale: str) -> list[dict[str, Any]]:
    header = text_block(text(f"cards.digest.{key}", locale, count=count), weight="Bolder", size="Medium",
                        separator=True, spacing="Large")
    if not rows:
        return [header, text_block(text(f"cards.digest.{key}_empty", locale), isSubtle=True, spacing="None")]
    out = [header, *rows[:MAX_PER_SECTION]]
    if count > MAX_PER_SECTION:
        out.append(text_block(text("cards.list.and_more", locale, count=count - MAX_PER_SECTION),
                              isSubtle=True, size="Small"))
    return out


def my_day_card(
    *,
    events: Sequence[Any],
    todo_tasks: Sequence[Any],
    planner_tasks: Sequence[Any],
    flagged: Sequence[Any],
    locale: str,
    tz: tzinfo | str,
    now: datetime,
    originator: str | None = None,
    user_ids: Sequence[str] | None = None,
    partial: Sequence[str] = (),
    extra: Mapping[str, str] | None = None,
) -> Card:
    """One card for today. Tasks are filtered here: To Do due today or overdue, Planner due by today
    or in progress; done ones are left out. `user_ids` (MRIs) get their own state by `refresh`.
    `extra` keys are added to the data of every button (and of the refresh), after their ids."""
    today: date = now.astimezone(to_zone(tz)).date() if now.tzinfo else now.date()
    todo = [t for t in todo_tasks if not is_done(t) and (d := due_date(t, tz)) is not None and d <= today]
    planner = [t for t in planner_tasks if not is_done(t) and (
        ((d := due_date(t, tz)) is not None and d <= today) or get(t, "percent_complete", "percentComplete", default=0))]
    body: list[dict[str, Any]] = [
        text_block(text("cards.digest.title", locale), size="Large", weight="Bolder"),
        text_block(format_day(today, locale), isSubtle=True, spacing="None"),
    ]
    if partial:
        body.append(text_block(text("cards.digest.partial", locale), color="Warning", size="Small"))
    body += _section("meetings", len(events), event_rows(events[:MAX_PER_SECTION], locale=locale, tz=tz, now=now),
                     locale)
    body += _section("todo", len(todo), todo_rows(todo[:MAX_PER_SECTION], locale=locale, tz=tz, today=today,
                                                  extra=extra), locale)
    body += _section("planner", len(planner),
                     planner_rows(planner[:MAX_PER_SECTION], locale=locale, tz=tz, today=today, extra=extra), locale)
    body += _section("mail", len(flagged), mail_rows(flagged[:MAX_PER_SECTION], locale=locale, tz=tz, today=today,
                                                     extra=extra), locale)
    refresh = refresh_block(Verb.DIGEST_REFRESH, with_extra(action_data(Verb.DIGEST_REFRESH), extra),
                            user_ids=user_ids)
    actions = [execute_action(text("cards.action.refresh", locale), Verb.DIGEST_REFRESH,
                              with_extra(action_data(Verb.DIGEST_REFRESH), extra))]
    return adaptive_card(body, actions, version=OUTLOOK_VERSION, originator=originator, refresh=refresh)


def digest_card(
    digest: Any,
    *,
    locale: str,
    now: datetime,
    originator: str | None = None,
    user_ids: Sequence[str] | None = None,
    extra: Mapping[str, str] | None = None,
) -> Card:
    """`my_day_card` from a `graph.models.Digest` (its own time zone; overdue To Do first)."""
    return my_day_card(
        events=tuple(get(digest, "meetings", default=())),
        todo_tasks=(*get(digest, "todo_overdue", default=()), *get(digest, "todo_due", default=())),
        planner_tasks=tuple(get(digest, "planner", default=())),
        flagged=tuple(get(digest, "flagged", default=())),
        locale=locale,
        tz=get(digest, "time_zone", default="UTC"),
        now=now,
        originator=originator,
        user_ids=user_ids,
        partial=tuple(get(digest, "partial", default=())),
        extra=extra,
    )
