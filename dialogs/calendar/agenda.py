"""calendar.agenda: the meetings of a day or a range, in the user's time zone."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from botbuilder.dialogs import DialogTurnResult, WaterfallDialog, WaterfallStepContext

from dialogs.feature import FeatureDialog
from dialogs.services import Services
from graph.models import Event
from language import t
from language.formatting import format_date, format_time_range

__all__ = ["AgendaDialog", "agenda_range"]


def agenda_range(start: datetime | None, end: datetime | None, tz: str) -> tuple[datetime, datetime, bool]:
    """The span asked for (default: today in the user's zone), and whether it is exactly today."""
    zone = ZoneInfo(tz)
    today = datetime.now(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    if start is None:
        return today, today + timedelta(days=1), True
    start = start.astimezone(zone)
    if end is None or end <= start:
        day = start.replace(hour=0, minute=0, second=0, microsecond=0)
        return day, day + timedelta(days=1), day == today
    return start, end.astimezone(zone), start == today and end.astimezone(zone) == today + timedelta(days=1)


def agenda_text(events: list[Event], start: datetime, end: datetime, *, is_today: bool, locale: str, tz: str) -> str:
    last_day = end - timedelta(microseconds=1)
    if is_today or last_day.date() == start.date():
        date = format_date(start, locale, tz)
        if not events:
            return t("calendar.agenda.empty_today" if is_today else "calendar.agenda.empty_range", locale,
                     date=date, start=date, end=date)
        header = t("calendar.agenda.header_today", locale, date=date)
    else:
        first, last = format_date(start, locale, tz), format_date(last_day, locale, tz)
        if not events:
            return t("calendar.agenda.empty_range", locale, start=first, end=last)
        header = t("calendar.agenda.header_range", locale, start=first, end=last)
    lines = [header]
    for event in events:
        when = t("calendar.agenda.all_day", locale) if event.is_all_day else format_time_range(
            event.start, event.end, locale, tz)
        subject = event.subject or t("calendar.agenda.no_subject", locale)
        if event.location:
            lines.append(t("calendar.agenda.item_location", locale, time=when, subject=subject,
                           location=event.location))
        else:
            lines.append(t("calendar.agenda.item", locale, time=when, subject=subject))
    return "\n".join(lines)


class AgendaDialog(FeatureDialog):
    """Lists the meetings of the requested span (today by default)."""

    intents = ("calendar.agenda",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.add_dialog(WaterfallDialog("AgendaDialog.waterfall", [self.show_step]))
        self.initial_dialog_id = "AgendaDialog.waterfall"

    async def show_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        graph = await self.graph(step.context)
        start, end, is_today = agenda_range(request.entities.start, request.entities.end, request.tz)
        events = [e for e in await graph.calendar.view(start, end) if not e.is_cancelled]
        text = agenda_text(events, start, end, is_today=is_today, locale=request.locale, tz=request.tz)
        await step.context.send_activity(text)
        return await step.end_dialog()
