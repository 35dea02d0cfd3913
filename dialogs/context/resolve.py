"""Turns a message that leans on the context into a full request: follow-ups, references and "more"."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from dialogs.context.models import Context, LastRequest, ShownList
from dialogs.context.options import with_context
from language import WRITE_INTENTS, Entities, Recognition
from language.followups import SOURCES, followup, is_more, only_reference, reference, says_day

__all__ = ["DATED", "Redirect", "asked_span", "resolve"]

logger = logging.getLogger(__name__)

#: Requests whose date span a follow-up may change ("and tomorrow?").
DATED = frozenset({"calendar.agenda", "calendar.availability"})
#: The kind of item each intent acts on, for "it" and "the second one".
_KIND = {
    "calendar.details": "event", "calendar.join": "event", "calendar.update": "event", "calendar.cancel": "event",
    "calendar.accept": "event", "calendar.decline": "event", "calendar.tentative": "event",
    "todo.complete": "todo", "todo.delete": "todo", "planner.complete": "planner",
}

_NAMES_MEETING = re.compile(r"\b(?:meetings?|r[ée]unions?|rendez-vous|events?|calls?)\b", re.IGNORECASE)

#: "mark it done" completes whichever kind of task "it" is.
_DONE = {"todo.complete": "todo", "planner.complete": "planner"}


@dataclass(frozen=True, slots=True)
class Redirect:
    """Either options for a feature dialog (`intent` in them) or a sentence to say (a catalog key)."""

    options: dict[str, Any] | None = None
    say: str | None = None


def asked_span(intent: str, entities: Entities, now: datetime) -> LastRequest | None:
    """The request to remember for follow-ups: a dated one with its whole days (today when none was said)."""
    if intent not in DATED:
        return None
    start = (entities.start or now).astimezone(now.tzinfo)
    day = start.replace(hour=0, minute=0, second=0, microsecond=0)
    end = entities.end.astimezone(now.tzinfo) if entities.end is not None and entities.end > start else None
    return LastRequest(intent, day, end if end is not None and end > day + timedelta(days=1) else day + timedelta(days=1))


def _options(intent: str, recognition: Recognition, tz: str, entities: Entities, **extra: Any) -> dict[str, Any]:
    base = {"intent": intent, "locale": recognition.locale, "tz": tz, "entities": entities.to_json()}
    return with_context(base, **extra)


def resolve(ctx: Context, recognition: Recognition, text: str, *, tz: str) -> Redirect | None:
    """What this message means given the context, or None when it stands on its own."""
    if recognition.intent == "general.more" or is_more(text):
        return _more(ctx, recognition, tz)
    if recognition.intent not in WRITE_INTENTS:
        found = _followup(ctx, recognition, text, tz)
        if found is not None:
            return found
    return _reference(ctx, recognition, text, tz)


def _more(ctx: Context, recognition: Recognition, tz: str) -> Redirect:
    shown, request = ctx.shown, ctx.pager
    if shown is None or not shown.more or request is None:
        return Redirect(say="context.more.none")
    entities = Entities(start=request.start, end=request.end)
    logger.info("more: page %d of %s", shown.page + 1, request.intent)
    return Redirect(options=_options(request.intent, recognition, tz, entities, page=shown.page + 1,
                                     container=request.container))


def _followup(ctx: Context, recognition: Recognition, text: str, tz: str) -> Redirect | None:
    said = followup(text, recognition.entities)
    if said is None:
        return None
    base = ctx.request
    start: datetime | None
    end: datetime | None
    if said.shift_days:
        if base is None or base.start is None:
            return Redirect(say="context.followup.no_base") if base is None else None
        start = base.start + timedelta(days=said.shift_days)
        end = (base.end + timedelta(days=said.shift_days)) if base.end and base.end - base.start <= timedelta(days=1) \
            else start + timedelta(days=1)
        entities = Entities(start=start, end=end, all_day=True)
        return Redirect(options=_options(base.intent if base.intent in DATED else "calendar.agenda", recognition, tz,
                                         entities))
    if said.source is not None:
        intent = SOURCES[said.source]
        start = said.start or (base.start if base is not None and base.intent in DATED else None)
        end = said.end if said.start else (base.end if base is not None and base.intent in DATED else None)
        if intent not in DATED:
            start = end = None
        logger.info("follow-up: source %s", said.source)
        return Redirect(options=_options(intent, recognition, tz, Entities(start=start, end=end)))
    if said.people:
        start = base.start if base is not None and base.intent in DATED else None
        end = base.end if base is not None and base.intent in DATED else None
        entities = Entities(start=start, end=end, people=said.people)
        return Redirect(options=_options("calendar.availability", recognition, tz, entities))
    intent = base.intent if base is not None and base.intent in DATED else "calendar.agenda"
    logger.info("follow-up: new dates for %s", intent)
    entities = Entities(start=said.start, end=said.end, time_given=said.time_given, all_day=not said.time_given)
    return Redirect(options=_options(intent, recognition, tz, entities))


def _reference(ctx: Context, recognition: Recognition, text: str, tz: str) -> Redirect | None:
    pointed = reference(text, recognition.entities)
    if pointed is None:
        return None
    intent = recognition.intent
    if intent not in _KIND:
        if intent == "general.cancel" and pointed.it:
            intent = "calendar.cancel"  # "cancel that": the meeting just shown or made
        elif only_reference(text):
            intent = "calendar.details" if _latest_kind(ctx) == "event" else ""
            if not intent:
                return Redirect(say="context.reference.what") if _latest_kind(ctx) else None
        else:
            return None
    latest = _latest_kind(ctx)
    if intent in _DONE and latest in _DONE.values() and _KIND[intent] != latest:
        intent = next(i for i, k in _DONE.items() if k == latest)  # "mark it done": a To Do or a Planner task
    kind = _KIND[intent]
    entities = recognition.entities
    shown = ctx.shown if ctx.shown is not None and ctx.shown.kind == kind else None
    item = ctx.item if ctx.item is not None and ctx.item.kind == kind else None
    if pointed.ordinal is not None:
        if shown is None or (says_day(text) and _NAMES_MEETING.search(text)):
            return None  # "cancel my second meeting tomorrow": counted in that day, not in the list shown
        ids = shown.at(pointed.ordinal)
        if ids is None:
            return Redirect(say="context.reference.no_such")
        logger.info("reference: ordinal %d of the list shown", pointed.ordinal)
        return Redirect(options=_options(intent, recognition, tz, replace(entities, ordinal=None), target=(kind, ids)))
    if pointed.people:
        if shown is None:
            return None
        return Redirect(options=_options(intent, recognition, tz, entities, among=(kind, list(shown.ids))))
    # "it", "that": the latest of the item and the list; a list of several is asked about.
    if item is not None and (ctx.latest == "item" or shown is None):
        logger.info("reference: the last %s", kind)
        return Redirect(options=_options(intent, recognition, tz, entities, target=(kind, item.ids)))
    if shown is not None:
        return _among(intent, kind, shown, recognition, tz, entities)
    if intent == "calendar.cancel" and recognition.intent == "general.cancel":
        return None  # nothing to point at: "cancel" keeps its meaning
    return None


def _among(intent: str, kind: str, shown: ShownList, recognition: Recognition, tz: str,
           entities: Entities) -> Redirect:
    if len(shown.ids) == 1:
        return Redirect(options=_options(intent, recognition, tz, entities, target=(kind, shown.ids[0])))
    return Redirect(options=_options(intent, recognition, tz, entities, among=(kind, list(shown.ids))))


def _latest_kind(ctx: Context) -> str | None:
    if ctx.latest == "item" and ctx.item is not None:
        return ctx.item.kind
    if ctx.shown is not None:
        return ctx.shown.kind
    return ctx.item.kind if ctx.item is not None else None
