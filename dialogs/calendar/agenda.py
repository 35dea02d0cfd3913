"""calendar.agenda: the meetings of a day or a range in the user's zone, conflicts marked, "more" for the next page."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from botbuilder.dialogs import (
    Dialog,
    DialogContext,
    DialogTurnResult,
    WaterfallStepContext,
)

from cards import agenda_card, meeting_card
from cards.actions import Verb
from dialogs.calendar.common import asks_next, event_summary, live
from dialogs.context import Item, LastRequest, ShownList
from dialogs.context.options import page_of
from dialogs.feature import FeatureDialog, NotSignedIn
from dialogs.prompts import _button, new_ref
from dialogs.services import Services, TurnFacts
from graph.models import Event
from language import t, tn
from language.followups import is_more
from language.formatting import format_date

__all__ = ["PAGE_SIZE", "AgendaDialog", "MoreDialog", "agenda_range", "agenda_summary", "conflicts"]

logger = logging.getLogger(__name__)

PAGE_SIZE = 8
MORE = "calendar.more"
_MORE_WORDS = re.compile(
    r"^\s*(show |voir |en |afficher )?(more|plus|la suite|suite|next( page)?|page suivante|suivant(e|s)?|encore)"
    r"( please| s'il (te|vous) pla[iî]t)?\s*[.!]?\s*$",
    re.IGNORECASE,
)


def agenda_range(start: datetime | None, end: datetime | None, tz: str,
                 now: datetime) -> tuple[datetime, datetime, bool]:
    """The span asked for (default: today in the user's zone at `now`), and whether it is exactly today."""
    zone = ZoneInfo(tz)
    today = now.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    if start is None:
        return today, today + timedelta(days=1), True
    start = start.astimezone(zone)
    if end is None or end <= start:
        day = start.replace(hour=0, minute=0, second=0, microsecond=0)
        return day, day + timedelta(days=1), day == today
    return start, end.astimezone(zone), start == today and end.astimezone(zone) == today + timedelta(days=1)


def conflicts(events: Sequence[Event]) -> set[str]:
    """Ids of timed, busy meetings that overlap another one."""
    timed = [e for e in events if not e.is_all_day and not e.is_cancelled and e.show_as != "free"]
    found: set[str] = set()
    for i, a in enumerate(timed):
        for b in timed[i + 1:]:
            if a.start < b.end and b.start < a.end:
                found.update((a.id, b.id))
    return found


def agenda_summary(events: Sequence[Event], start: datetime, end: datetime, *, is_today: bool, locale: str,
                   tz: str, clashes: AbstractSet[str] = frozenset(), cursor: int = 0, shown: int | None = None) -> str:
    """The one sentence an agenda card carries as its text: the span, how many meetings, how many overlap, and
    what "more" would show. `events` are all the meetings of the span; the card shows `shown` from `cursor`."""
    count = len(events)
    shown = count - cursor if shown is None else shown
    left = count - cursor - shown
    more = t("calendar.agenda.more_hint", locale, count=left) if left > 0 else ""
    if cursor:
        return t("calendar.agenda.header_more", locale, first=cursor + 1, last=cursor + shown, count=count, more=more)
    last_day = end - timedelta(microseconds=1)
    meetings = tn("calendar.agenda.meetings", count, locale)
    overlapping = len(clashes & {e.id for e in events})
    if overlapping:
        meetings += tn("calendar.agenda.overlapping", overlapping, locale)
    if is_today or last_day.date() == start.date():
        date = format_date(start, locale, tz)
        if not events:
            return t("calendar.agenda.empty_today" if is_today else "calendar.agenda.empty_range", locale,
                     date=date, start=date, end=date)
        return t("calendar.agenda.header_today" if is_today else "calendar.agenda.header_day", locale, date=date,
                 meetings=meetings, more=more)
    first, last = format_date(start, locale, tz), format_date(last_day, locale, tz)
    if not events:
        return t("calendar.agenda.empty_range", locale, start=first, end=last)
    return t("calendar.agenda.header_range", locale, start=first, end=last, meetings=meetings, more=more)


async def show_page(dialog: FeatureDialog, context: Any, state: dict[str, Any]) -> bool:
    """Send the page at `state["cursor"]`; True when another page follows (the cursor is moved on)."""
    graph = await dialog.services.user_graph(context)
    if graph is None:
        raise NotSignedIn
    locale, tz = str(state["locale"]), str(state["tz"])
    start, end = datetime.fromisoformat(state["start"]), datetime.fromisoformat(state["end"])
    events = live(await graph.calendar.view(start, end))
    cursor = int(state.get("cursor") or 0)
    page = events[cursor:cursor + PAGE_SIZE]
    following = cursor + PAGE_SIZE if cursor + PAGE_SIZE < len(events) else None
    clashes = conflicts(events)
    zone = ZoneInfo(tz)
    text = agenda_summary(events, start, end, is_today=bool(state.get("today")), locale=locale, tz=tz,
                          clashes=clashes, cursor=cursor, shown=len(page))
    last_day = end - timedelta(microseconds=1)
    card = agenda_card(page, locale=locale, tz=zone, now=dialog.services.now(tz), day=start,
                       end_day=last_day if last_day.date() != start.date() else None,
                       more_ref=str(state["ref"]) if following is not None else None,
                       more_cursor=str(following) if following is not None else None)
    await dialog.services.send_card(context, card, summary=text)
    await dialog.services.context.remember_list(
        context, ShownList("event", tuple((e.id,) for e in page), page=cursor // PAGE_SIZE, total=len(events),
                           more=following is not None),
        request=LastRequest("calendar.agenda", start, end))
    state["cursor"] = following
    return following is not None


class MoreDialog(Dialog):
    """Waits after a page: "more" / "plus" or the card's `more` button shows the next one; anything else is
    handled as a new request (MainDialog starts over with this very message)."""

    def __init__(self, owner: FeatureDialog) -> None:
        super().__init__(MORE)
        self._owner = owner

    async def begin_dialog(self, dialog_context: DialogContext, options: object = None) -> DialogTurnResult:
        dialog_context.active_dialog.state["page"] = dict(options or {})  # type: ignore[call-overload]
        return Dialog.end_of_turn

    async def continue_dialog(self, dialog_context: DialogContext) -> DialogTurnResult:
        context = dialog_context.context
        state: dict[str, Any] = dialog_context.active_dialog.state["page"]
        button = _button(context)
        if button is not None and button.verb is Verb.MORE and button.ref == state.get("ref"):
            # The invoke itself is answered by the action router (bots/card_actions.py).
            state["cursor"] = button.cursor
        elif button is not None or not (_MORE_WORDS.match(TurnFacts.of(context).text or "")
                                        or is_more(TurnFacts.of(context).text)):
            return await self._start_over(dialog_context)
        if await show_page(self._owner, context, state):
            return Dialog.end_of_turn
        return await dialog_context.end_dialog()

    @staticmethod
    async def _start_over(dialog_context: DialogContext) -> DialogTurnResult:
        root = dialog_context
        while root.parent is not None:
            root = root.parent
        main = root.active_dialog.id if root.active_dialog is not None else None
        await root.cancel_all_dialogs()
        if main is not None:
            await root.begin_dialog(main)
        return Dialog.end_of_turn


class AgendaDialog(FeatureDialog):
    """The meetings of the requested span (today by default), a page at a time; "my next meeting" in detail."""

    intents = ("calendar.agenda",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.add_dialog(MoreDialog(self))
        self.waterfall([self.show_step])

    async def show_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        entities = request.entities
        if entities.start is None and asks_next(TurnFacts.of(step.context).text):
            return await self._next_meeting(step)
        start, end, is_today = agenda_range(entities.start, entities.end, request.tz, self.services.clock.now())
        state = {"ref": new_ref(), "cursor": page_of(step.options) * PAGE_SIZE, "start": start.isoformat(),
                 "end": end.isoformat(),
                 "today": is_today, "locale": request.locale, "tz": request.tz}
        if await show_page(self, step.context, state):
            return await step.begin_dialog(MORE, state)
        return await step.end_dialog()

    async def _next_meeting(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        graph = await self.graph(step.context)
        now = self.services.now(request.tz)
        event = await graph.calendar.next_meeting(now)
        if event is None:
            await self.say(step.context, "calendar.next.none")
        else:
            card = meeting_card(event, locale=request.locale, tz=request.tz, now=now)
            await self.services.send_card(step.context, card, summary=event_summary(event, request.locale, request.tz, now))
            await self.services.context.remember_item(step.context, Item("event", (event.id,)))
        return await step.end_dialog()
