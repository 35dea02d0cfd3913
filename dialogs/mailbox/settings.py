"""Mailbox settings: show out of office, working hours and time zone; change working hours or time zone, with undo."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import time

from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext

from cards import settings_card
from cards.mailbox import days_text, hours_text
from dialogs.feature import Answer, ReadDialog
from dialogs.mailbox.common import MailboxFeature
from dialogs.request import Request
from dialogs.services import Services
from dialogs.writes import Undo
from graph import BadRequest, MailboxSettings, UserGraph, WorkingHours
from language import t
from language.mailbox import find_time_zone, parse_hours

__all__ = ["SettingsDialog", "SettingsUpdateDialog", "settings_ids"]

logger = logging.getLogger(__name__)


def settings_ids(before: MailboxSettings, after: WorkingHours, zone: str) -> dict[str, str]:
    """What the undo keeps: the working hours and zones before and after (no personal text)."""
    hours = before.working_hours
    return {
        "days": ",".join(hours.days), "start": hours.start.isoformat(), "end": hours.end.isoformat(),
        "hoursZone": hours.time_zone, "zone": before.graph_time_zone,
        "toDays": ",".join(after.days), "toStart": after.start.isoformat(), "toEnd": after.end.isoformat(),
        "toZone": zone,
    }


class SettingsDialog(ReadDialog):
    """ "what are my working hours?", "is my out of office on?": one card with all three."""

    intents = ("mailbox.settings",)

    async def read(self, step: WaterfallStepContext, request: Request, graph: UserGraph) -> Answer:
        settings = await graph.mailbox.fresh()
        logger.info("mailbox.settings shown")
        return Answer(t("mailbox.settings.summary", request.locale),
                      settings_card(settings, locale=request.locale, tz=request.tz))


class SettingsUpdateDialog(MailboxFeature):
    """ "my working hours are 8 to 4, Monday to Thursday", "mon fuseau horaire est Montréal": confirm, write, undo."""

    intents = ("mailbox.settings.update",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([self.propose_step, self.write_step])

    async def propose_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        text = self.utterance(step)
        said = parse_hours(text)
        zone = find_time_zone(text)
        if said.days is None and said.start is None and said.end is None and zone is None:
            await self.say(step.context, "mailbox.update.what")
            return await step.end_dialog()
        graph = await self.graph(step.context)
        current = await graph.mailbox.fresh()
        hours = current.working_hours
        wanted = WorkingHours(
            days=said.days or hours.days,
            start=said.start or hours.start,
            end=said.end or hours.end,
            time_zone=zone or hours.time_zone,
        )
        new_zone = zone or current.graph_time_zone
        if wanted == hours and (zone is None or zone == current.time_zone):
            await self.say(step.context, "mailbox.update.same")
            return await step.end_dialog()
        if wanted.end <= wanted.start:
            await self.say(step.context, "mailbox.refused", reason=t("mailbox.refused.hours", request.locale))
            return await step.end_dialog()
        step.values["wanted"] = {"days": list(wanted.days), "start": wanted.start.isoformat(),
                                 "end": wanted.end.isoformat(), "hoursZone": wanted.time_zone, "zone": new_zone,
                                 "zoneChanged": zone is not None}
        return await self.ask(step, "mailbox.settings.update", self._fields(wanted, new_zone, request.locale))

    @staticmethod
    def _fields(hours: WorkingHours, zone: str, locale: str) -> list[tuple[str, str]]:
        return [("days", days_text(hours.days, locale)), ("hours", hours_text(hours.start, hours.end, locale)),
                ("time_zone", zone)]

    async def write_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if step.result is not True:
            return await self.not_done(step)
        request = self.request(step)
        values = step.values["wanted"]
        wanted = WorkingHours(days=tuple(values["days"]), start=time.fromisoformat(values["start"]),
                              end=time.fromisoformat(values["end"]), time_zone=values["hoursZone"])
        graph = await self.graph(step.context)
        before = await graph.mailbox.fresh()
        zone = values["zone"] if values["zoneChanged"] else None
        try:
            after = await graph.mailbox.update(working_hours=wanted, time_zone=zone)
        except BadRequest as exc:
            logger.info("mailbox.settings.update refused: %s", exc.code)
            return await self.refused(step, exc)
        if zone is not None:
            await self._remember_zone(step, after.time_zone)
        logger.info("mailbox.settings.update: done")
        undo = Undo("mailbox.settings", settings_ids(before, after.working_hours, after.graph_time_zone))
        written = replace(wanted, time_zone=after.working_hours.time_zone)
        return await self.answer(step, "mailbox.settings.update",
                                 self._fields(written, after.graph_time_zone, request.locale), undo)

    async def _remember_zone(self, step: WaterfallStepContext, zone: str) -> None:
        """The next turns read dates in the new zone (services.time_zone remembers the mailbox's)."""
        profile_property = self.services.profile
        if profile_property is None:
            return
        profile = await profile_property.get(step.context, dict)
        profile["tz"] = zone
        await profile_property.set(step.context, profile)
