"""digest.today ("my day"): one Outlook-ready card of today's meetings, due tasks, Planner work and flagged mail."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.dialogs import WaterfallStepContext

from cards import Verb, action_data, digest_card, execute_action
from cards.base import Card, action_set, text_block
from dialogs.feature import Answer, ReadDialog
from dialogs.request import Request
from graph import Digest, UserGraph
from language import t, tn

__all__ = ["DIGEST_SOURCE", "SOURCE_KEY", "DigestDialog", "MyDay", "build_my_day", "with_notice"]

logger = logging.getLogger(__name__)

#: Extra key in every button of the "my day" card: the action router answers it with a refreshed "my day".
SOURCE_KEY = "source"
DIGEST_SOURCE = "digest"
_MARK = MappingProxyType({SOURCE_KEY: DIGEST_SOURCE})


def with_notice(card: Card, notice: str, *, locale: str, undo_ref: str | None = None,
                source: str | None = DIGEST_SOURCE) -> Card:
    """Put a one-line outcome (and an undo button) under the card's title; `notice` is catalog text."""
    items: list[dict[str, Any]] = [text_block(notice, weight="Bolder", color="Good")]
    if undo_ref:
        data = action_data(Verb.UNDO, ref=undo_ref)
        if source:
            data[SOURCE_KEY] = source
        items.append(action_set([execute_action(t("cards.action.undo", locale), Verb.UNDO, data)]))
    body = card.setdefault("body", [])
    position = 2 if len(body) >= 2 else len(body)
    body.insert(position, {"type": "Container", "style": "emphasis", "items": items})
    return card


@dataclass(frozen=True, slots=True)
class MyDay:
    """The "my day" card and its one-line text summary."""

    card: Card
    summary: str
    digest: Digest


def summary_text(digest: Digest, locale: str) -> str:
    key = "actions.digest.summary_partial" if digest.partial else "actions.digest.summary"
    return t(
        key, locale,
        meetings=tn("actions.digest.meetings", len(digest.meetings), locale),
        todo=tn("actions.digest.todo", len(digest.todo_due) + len(digest.todo_overdue), locale),
        planner=tn("actions.digest.planner", len(digest.planner), locale),
        mail=tn("actions.digest.mail", len(digest.flagged), locale),
    )


async def build_my_day(
    graph: UserGraph,
    *,
    locale: str,
    originator: str | None,
    user_ids: Sequence[str] | None,
    now: datetime,
) -> MyDay:
    """Read the digest (two Graph round trips) and build the card, every button marked as "my day"."""
    moment = now
    digest = await graph.digest.today(moment)
    if digest.partial:
        logger.info("my day is partial: %s", ",".join(digest.partial))
    # The answers' decoding and parsing, the card, and the reply's encoding are three segments of the event loop
    # (each under ~0.5 ms of CPU on a quiet machine) rather than one that held the loop for ~1.3 ms.
    await asyncio.sleep(0)
    card = digest_card(digest, locale=locale, now=moment, originator=originator or None, user_ids=user_ids,
                       extra=_MARK)  # every button marked as it is built (tests/dialogs/test_digest_source.py)
    my_day = MyDay(card=card, summary=summary_text(digest, locale), digest=digest)
    await asyncio.sleep(0)
    return my_day


def viewer_ids(context: TurnContext) -> list[str] | None:
    """The MRI of the person viewing the card, so Teams refreshes it for them with their own data."""
    sender = context.activity.from_property
    return [sender.id] if sender is not None and sender.id else None


class DigestDialog(ReadDialog):
    """Sends the "my day" card (Adaptive Card 1.4 with the Outlook originator) and a one-line summary."""

    intents = ("digest.today",)

    async def read(self, step: WaterfallStepContext, request: Request, graph: UserGraph) -> Answer:
        my_day = await build_my_day(
            graph, locale=request.locale, originator=self.services.settings.outlook_originator_id,
            user_ids=viewer_ids(step.context), now=self.services.clock.now(),
        )
        return Answer(my_day.summary, my_day.card)
