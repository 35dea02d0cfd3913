"""calendar.availability: free time within working hours for a day or a range, optionally with named people."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext

from cards import free_slots_card
from cards.mailbox import days_text, hours_text
from dialogs.calendar.conflicts import blocking, conflicts_text, within_hours
from dialogs.calendar.create import PEOPLE, ResolvePeopleDialog
from dialogs.feature import FeatureDialog
from dialogs.request import Request
from dialogs.services import Services, TurnFacts
from graph import BadRequest, NotFound, UserGraph
from graph.calendar import free_slots
from graph.models import MailboxSettings, TimeSlot, WorkingHours
from language import t, tn
from language.formatting import format_day, format_time_range
from language.freetime import yes_no_span

__all__ = ["AvailabilityDialog", "search_span"]

logger = logging.getLogger(__name__)

MAX_SLOTS = 12
QUARTER = timedelta(minutes=15)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


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


def working_hours_text(hours: WorkingHours, locale: str, tz: str) -> str:
    """"Monday to Friday, 8:00 AM – 5:00 PM" (with the zone when it is not the person's own)."""
    said = t("calendar.free.hours", locale, days=days_text(hours.days, locale),
             hours=hours_text(hours.start, hours.end, locale))
    if hours.time_zone != tz:
        said = t("calendar.free.hours_zone", locale, hours=said, zone=hours.time_zone)
    return said[0].lower() + said[1:] if locale.startswith("fr") else said


def outside_text(start: datetime, end: datetime, settings: MailboxSettings, locale: str, tz: str) -> str:
    """Why there is no free time: the asked days, or the asked hours, fall outside the working hours."""
    hours = working_hours_text(settings.working_hours, locale, tz)
    zone = ZoneInfo(tz)
    first, last = start.astimezone(zone).date(), (end.astimezone(zone) - timedelta(microseconds=1)).date()
    days = [first + timedelta(days=i) for i in range((last - first).days + 1)]
    if days and all(_WEEKDAYS[d.weekday()] not in settings.working_hours.days for d in days):
        when = format_day(first, locale) if first == last else t(
            "calendar.free.day_span", locale, first=format_day(first, locale), last=format_day(last, locale))
        key = "calendar.free.outside_day" if first == last else "calendar.free.outside_days"
        return t(key, locale, when=when, hours=hours)
    return t("calendar.free.outside_time", locale, hours=hours)


class AvailabilityDialog(FeatureDialog):
    """Free slots of at least 30 minutes in working hours; with people, when everyone is free.

    "am I free tomorrow at 3pm?" gets a yes or a no, with what is in the way; a span outside the working
    hours is said to be so, with the working hours.
    """

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
        asked = yes_no_span(request.entities, TurnFacts.of(step.context).text)
        if asked is not None and not emails:
            return await self.yes_no(step, graph, request, *asked)
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
        if not slots:
            settings = await graph.mailbox.settings()
            if not free_slots([], start=start, end=end, settings=settings):
                await step.context.send_activity(outside_text(start, end, settings, request.locale, request.tz))
                return await step.end_dialog()
        card = free_slots_card(slots, locale=request.locale, tz=request.tz)
        await self.services.send_card(step.context, card, summary=slots_summary(slots, request, with_people=bool(emails)))
        return await step.end_dialog()

    async def yes_no(self, step: WaterfallStepContext, graph: UserGraph, request: Request,
                     start: datetime, end: datetime) -> DialogTurnResult:
        """Yes or no for one span, naming the meetings in the way, and the working hours when it is outside them."""
        when = format_time_range(start, end, request.locale, request.tz)
        busy = await blocking(graph, start, end)
        if busy:
            said = t("calendar.free.no", request.locale, when=when,
                     meetings=conflicts_text(busy, request.locale, request.tz))
        else:
            settings = await graph.mailbox.settings()
            if within_hours(start, end, settings.working_hours):
                said = t("calendar.free.yes", request.locale, when=when)
            else:
                said = t("calendar.free.yes_outside", request.locale, when=when,
                         hours=working_hours_text(settings.working_hours, request.locale, request.tz))
        logger.info("free-time question answered: busy=%s", bool(busy))
        await step.context.send_activity(said)
        return await step.end_dialog()
