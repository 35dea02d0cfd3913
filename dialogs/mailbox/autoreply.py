"""Out of office: turn it on now or for dates, with messages and an audience; change its dates; turn it off; undo."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext

from cards.mailbox import audience_text, autoreply_status_text, last_day
from dialogs.mailbox.common import MailboxFeature
from dialogs.services import Services
from dialogs.writes import Proposal, Undo
from graph import AutomaticReplies, BadRequest
from language import format_date, t
from language.corrections import Correction
from language.mailbox import parse_autoreply

__all__ = ["AutoReplyDialog", "AutoReplyOffDialog", "autoreply_ids", "replies_from_values", "replies_values"]

logger = logging.getLogger(__name__)

#: What a correction at the out-of-office card may change: the last day away ("no, until Friday").
CORRECTS = ("day",)


def replies_values(replies: AutomaticReplies) -> dict[str, str]:
    """A JSON-safe copy for dialog state (the write happens on the next turn)."""
    return {
        "status": replies.status, "audience": replies.external_audience, "internal": replies.internal_message,
        "external": replies.external_message, "start": replies.start.isoformat() if replies.start else "",
        "end": replies.end.isoformat() if replies.end else "",
    }


def replies_from_values(values: dict[str, str]) -> AutomaticReplies:
    return AutomaticReplies(
        status=values["status"], external_audience=values["audience"], internal_message=values["internal"],
        external_message=values["external"], start=datetime.fromisoformat(values["start"]) if values["start"] else None,
        end=datetime.fromisoformat(values["end"]) if values["end"] else None,
    )


def autoreply_ids(before: AutomaticReplies, after: AutomaticReplies) -> dict[str, str]:
    """What the undo keeps in conversation state: states and instants only, never the messages."""
    def stamp(moment: datetime | None) -> str:
        return moment.isoformat() if moment else ""

    return {"from": before.status, "audience": before.external_audience, "start": stamp(before.start),
            "end": stamp(before.end), "to": after.status, "newStart": stamp(after.start), "newEnd": stamp(after.end)}


def _fields(replies: AutomaticReplies, locale: str, tz: str) -> list[tuple[str, str]]:
    fields = [("status", autoreply_status_text(replies, locale, tz))]
    if replies.status != "disabled":
        fields.append(("audience", audience_text(replies.external_audience, locale)))
        fields.append(("internal_message", replies.internal_message))
        if replies.external_audience != "none" and replies.external_message != replies.internal_message:
            fields.append(("external_message", replies.external_message))
    return fields


class AutoReplyDialog(MailboxFeature):
    """ "set my out of office from December 21 to 25 saying ...": propose, confirm, write, undo."""

    intents = ("mailbox.autoreply.set",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([self.propose_step, self.write_step])

    async def propose_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        zone = ZoneInfo(request.tz)
        now = self.now(step)
        said = await asyncio.to_thread(parse_autoreply, self.utterance(step), request.locale, now, zone)  # dates
        graph = await self.graph(step.context)
        current = (await graph.mailbox.fresh()).automatic_replies
        if said.end is not None and said.end <= now:
            await self.say(step.context, "mailbox.autoreply.over",
                           day=format_date(last_day(said.end, zone), request.locale, zone))
            return await step.end_dialog()
        scheduled = said.start is not None and said.end is not None
        if said.message:
            message = said.message
        elif current.is_on and current.internal_message.strip():
            message = current.internal_message  # "change my out-of-office dates" keeps its words
        elif scheduled and said.end is not None:
            message = t("mailbox.autoreply.default_until", request.locale,
                        day=format_date(last_day(said.end, zone), request.locale, zone))
        else:
            message = t("mailbox.autoreply.default", request.locale)
        external = message if said.message or not current.is_on or not current.external_message.strip() \
            else current.external_message
        wanted = AutomaticReplies(
            status="scheduled" if scheduled else "alwaysEnabled",
            external_audience=said.audience or (current.external_audience if current.is_on else "all"),
            internal_message=message,
            external_message=external,
            start=said.start if scheduled else current.start,
            end=said.end if scheduled else current.end,
        )
        step.values["wanted"] = replies_values(wanted)
        return await self.ask(step, "mailbox.autoreply.set", _fields(wanted, request.locale, request.tz),
                              corrects=CORRECTS)

    async def amend(self, step: WaterfallStepContext, correction: Correction) -> Proposal:
        """"no, until Friday" / "plutôt jusqu'à jeudi": the last day away (the replies stop at the next midnight)."""
        request = self.request(step)
        zone = ZoneInfo(request.tz)
        wanted = replies_from_values(step.values["wanted"])
        if correction.day is not None:
            end = datetime.combine(correction.day + timedelta(days=1), time(0), zone)
            start = wanted.start if wanted.status == "scheduled" and wanted.start else self.now(step)
            if end > start:
                wanted = replace(wanted, status="scheduled", start=start, end=end)
            else:
                await self.say(step.context, "mailbox.autoreply.over", day=format_date(correction.day, request.locale,
                                                                                        zone))
        step.values["wanted"] = replies_values(wanted)
        return self.proposal(step, "mailbox.autoreply.set", _fields(wanted, request.locale, request.tz),
                             corrects=CORRECTS)

    async def write_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if (pending := await self.writes.settle(step, "mailbox.not_done", self.amend)) is not None:
            return pending
        request = self.request(step)
        wanted = replies_from_values(step.values["wanted"])
        graph = await self.graph(step.context)
        before = (await graph.mailbox.fresh()).automatic_replies
        try:
            written = await graph.mailbox.set_automatic_replies(wanted)
        except BadRequest as exc:
            logger.info("mailbox.autoreply.set refused: %s", exc.code)
            return await self.refused(step, exc)
        logger.info("mailbox.autoreply.set: %s", written.status)
        undo = Undo("mailbox.autoreply", autoreply_ids(before, written),
                    kept={"internal": before.internal_message, "external": before.external_message})
        return await self.answer(step, "mailbox.autoreply.set", _fields(written, request.locale, request.tz), undo)


class AutoReplyOffDialog(MailboxFeature):
    """ "turn off my out of office": says so when it is already off; otherwise confirm, write, undo."""

    intents = ("mailbox.autoreply.off",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([self.propose_step, self.write_step])

    async def propose_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        graph = await self.graph(step.context)
        current = (await graph.mailbox.fresh()).automatic_replies
        if not current.is_on:
            await self.say(step.context, "mailbox.autoreply.already_off")
            return await step.end_dialog()
        fields = [("status", t("cards.mailbox.off", request.locale)),
                  ("internal_message", current.internal_message or "-")]
        return await self.ask(step, "mailbox.autoreply.off", fields)

    async def write_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if step.result is not True:
            return await self.not_done(step)
        request = self.request(step)
        graph = await self.graph(step.context)
        before = (await graph.mailbox.fresh()).automatic_replies
        try:
            written = await graph.mailbox.set_automatic_replies(replace(before, status="disabled"))
        except BadRequest as exc:
            logger.info("mailbox.autoreply.off refused: %s", exc.code)
            return await self.refused(step, exc)
        logger.info("mailbox.autoreply.off: done")
        undo = Undo("mailbox.autoreply", autoreply_ids(before, written),
                    kept={"internal": before.internal_message, "external": before.external_message})
        return await self.answer(step, "mailbox.autoreply.off", [("status", autoreply_status_text(written, request.locale, request.tz))], undo)
