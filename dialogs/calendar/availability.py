"""calendar.availability: free time within working hours for a day or a range, optionally with named people."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext

from cards import free_slots_card
from dialogs.calendar.create import PEOPLE, ResolvePeopleDialog
from dialogs.feature import FeatureDialog
from dialogs.request import Request
from dialogs.services import Services
from graph import BadRequest, NotFound
from graph.models import TimeSlot
from language import t, tn

__all__ = ["AvailabilityDialog", "search_span"]

logger = logging.getLogger(__name__)

MAX_SLOTS = 12
QUARTER = timedelta(minutes=15)


def search_span(request: Request, now: datetime) -> tuple[datetime, datetime]:
    """The span to search: the one asked for (default today), never before now (rounded up to 15 min)."""
    zone = ZoneInfo(request.tz)
    now = now.astimezone(zone)
    entities = request.entities
    if entities.start is None:
        start = now.replace(hour=0, minute=0, second=0, microsecond=0)
        end = start + timedelta(days=1)
    else:
        start = entities.start.astimezone(zone)
        end = entities.end.astimezone(zone) if entities.end is not None and entities.end > start else \
            start.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1)
    if start < now:
        floor = now.replace(second=0, microsecond=0)
        rest = (floor - floor.replace(minute=0)) % QUARTER
        start = floor + (QUARTER - rest if rest else timedelta(0))
    return start, max(start, end)


def slots_summary(slots: list[TimeSlot], request: Request, *, with_people: bool) -> str:
    """The free-time card's one sentence: how many slots (the card lists them)."""
    if not slots:
        return t("calendar.free.none_with" if with_people else "calendar.free.none", request.locale)
    return tn("calendar.free.summary_with" if with_people else "calendar.free.summary", len(slots), request.locale)


class AvailabilityDialog(FeatureDialog):
    """Free slots of at least 30 minutes in working hours; with people, when everyone is free."""

    intents = ("calendar.availability",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.add_dialog(ResolvePeopleDialog(services))
        self.waterfall([self.people_step, self.show_step])

    async def people_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        names = list(request.entities.people)
        if not names:
            return await step.next({"found": [], "missing": []})
        return await step.begin_dialog(PEOPLE, {"names": names, "found": [], "missing": [], "locale": request.locale})

    async def show_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        resolved: dict[str, Any] = dict(step.result or {})
        if resolved.get("missing"):
            await self.say(step.context, "calendar.person.missing", names=", ".join(resolved["missing"]))
        emails = [str(p["email"]) for p in resolved.get("found") or []]
        graph = await self.graph(step.context)
        start, end = search_span(request, self.services.now(request.tz))
        try:
            slots = await graph.calendar.availability(start, end, with_people=emails)
        except (NotFound, BadRequest) as exc:
            if not emails:
                raise
            logger.info("schedules unavailable: %s", type(exc).__name__)
            await self.say(step.context, "calendar.free.others_unknown")
            emails = []
            slots = await graph.calendar.availability(start, end)
        slots = slots[:MAX_SLOTS]
        card = free_slots_card(slots, locale=request.locale, tz=request.tz)
        await self.services.send_card(step.context, card, summary=slots_summary(slots, request, with_people=bool(emails)))
        return await step.end_dialog()
