"""What every dialog needs per turn: locale, time zone, recognition, the user's Graph facade, replies."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from botbuilder.core import ConversationState, MessageFactory, StatePropertyAccessor, TurnContext, UserState
from botbuilder.dialogs.prompts import OAuthPrompt
from botbuilder.schema import Activity, ActivityTypes, Attachment

from cards import CONTENT_TYPE
from clock import Clock, SystemClock, local_now
from config import Settings
from dialogs.alert_settings import AlertSettings
from dialogs.context import ConversationContext
from dialogs.undo import UndoLog, UndoRegistry
from graph import GraphClient, GraphError, UserGraph
from language import Recognition, detect_locale, normalize_locale, recognize, t
from language.recognizer import recognize_intent, recognized

__all__ = ["CLOCK_KEY", "Services", "TurnFacts", "card_activity"]

logger = logging.getLogger(__name__)

_TOKEN_KEY = "mipa.token"
_FACTS_KEY = "mipa.facts"
#: turn_state key under which the bot puts the app's clock at the start of every turn.
CLOCK_KEY = "mipa.clock"


def _valid_zone(name: str | None) -> str | None:
    if not name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    return name


def card_activity(card: dict[str, Any], *, text: str | None = None, summary: str | None = None) -> Activity:
    """A message carrying one Adaptive Card and its one-sentence summary, which is also its text unless `text` is
    given: that sentence is what notifications and screen readers show, and the card holds the rest."""
    sentence = summary.split("\n", 1)[0] if summary else None
    content = Attachment(content_type=CONTENT_TYPE, content=card)
    activity: Activity = MessageFactory.attachment(content, text=text if text is not None else sentence)
    if sentence:
        activity.summary = sentence
    return activity


class TurnFacts:
    """Locale, time zone, "now" and recognition of the current activity, computed once per turn."""

    def __init__(self, context: TurnContext) -> None:
        activity = context.activity
        clock: Clock = context.turn_state.get(CLOCK_KEY) or SystemClock()
        #: The instant of this turn (aware, UTC), from the app's clock: one "now" for the whole turn.
        self.now: datetime = clock.now()
        self.text: str = (activity.text or "").strip() if activity.type == ActivityTypes.message else ""
        client_info = next(
            (e for e in (activity.entities or []) if getattr(e, "type", None) == "clientInfo"), None
        )
        info: dict[str, Any] = client_info.additional_properties if client_info is not None else {}
        locale = info.get("locale") or activity.locale
        self.locale: str = normalize_locale(locale) if locale else detect_locale(self.text)
        #: the tag as sent ("en-GB"): its region tells the order of numeric dates (10/12 is 10 December in en-GB)
        self.locale_tag: str = str(locale) if locale and normalize_locale(locale) == self.locale else self.locale
        self.client_tz: str | None = _valid_zone(info.get("timezone") or activity.local_timezone)
        self._recognitions: dict[str, Recognition] = {}

    def intent(self) -> str:
        """The intent of this turn's text, from a recognition already made this turn (MainDialog makes one, off the
        loop, on every message), else read alone: the intent depends on neither the zone nor the instant, and
        reading it never runs the date reader (which may take tens of milliseconds)."""
        for recognition in self._recognitions.values():
            return recognition.intent
        return recognize_intent(self.text, self.locale_tag)

    async def recognize_off_loop(self, tz: str, now: datetime) -> Recognition:
        """This turn's text recognised in the zone `tz`, in a worker thread the first time: the date recognizer can
        take tens of milliseconds, which must not hold the event loop (other conversations) that long. Nothing in
        a coroutine calls `language.recognize` itself (tests/test_off_loop.py)."""
        if tz not in self._recognitions:
            # the tag as sent ("en-GB"), as `recognize` does: its region tells the order of numeric dates.
            # A sentence read this minute (a common request, "yes") is looked up without the thread's hand-off.
            found = recognized(self.text, self.locale_tag, now, tz)
            if found is None:
                found = await asyncio.to_thread(recognize, self.text, self.locale_tag, now, tz)
            self._recognitions[tz] = found
        return self._recognitions[tz]

    @staticmethod
    def of(context: TurnContext) -> TurnFacts:
        facts = context.turn_state.get(_FACTS_KEY)
        if facts is None:
            facts = context.turn_state[_FACTS_KEY] = TurnFacts(context)
        return facts


@dataclass(slots=True)
class Services:
    """Long-lived collaborators shared by the dialogs; nothing here holds a user's data or token."""

    settings: Settings
    graph: GraphClient
    user_state: UserState
    signin: OAuthPrompt
    conversation_state: ConversationState
    #: The kinds of write that can be undone (dialogs/undo_kinds.py), made in app.py.
    undo_registry: UndoRegistry | None = None
    profile: StatePropertyAccessor | None = None
    undo: UndoLog | None = None
    #: The one clock (clock.py), made in app.py: every user-facing "now" in dialogs and bots.
    clock: Clock = field(default_factory=SystemClock)
    #: Opt-in alerts (dialogs/notify.py): the shared store and the notification URL; None when not wired.
    alerts: AlertSettings | None = None
    #: The conversation context (dialogs/context/): last request, last list shown, last item; ids only, 30 min.
    context: ConversationContext = field(init=False)

    def __post_init__(self) -> None:
        # The only thing kept about a user: their time zone name, with the store's time to live.
        self.profile = self.user_state.create_property("profile")
        self.undo = UndoLog(self.conversation_state, self.undo_registry or UndoRegistry(), self.clock)
        self.context = ConversationContext(self.conversation_state, self.clock)

    # ---- tokens and Graph -------------------------------------------------------------------
    def now(self, tz: str | None = None) -> datetime:
        """The clock's "now" in the zone `tz` (UTC when None)."""
        return local_now(self.clock, tz)

    def remember_token(self, context: TurnContext, token: str) -> None:
        """Keep the token for the rest of this turn only (turn state is never stored)."""
        context.turn_state[_TOKEN_KEY] = token

    async def user_graph(self, context: TurnContext) -> UserGraph | None:
        """The Graph facade for the signed-in user of this turn, or None when not signed in."""
        token = context.turn_state.get(_TOKEN_KEY)
        if token is None:
            response = await self.signin.get_user_token(context)
            if response is None or not response.token:
                return None
            token = context.turn_state[_TOKEN_KEY] = response.token
        return self.graph.for_user(token, time_zone=await self.known_time_zone(context))

    def forget_token(self, context: TurnContext) -> None:
        context.turn_state.pop(_TOKEN_KEY, None)

    # ---- locale and time zone ---------------------------------------------------------------
    def locale(self, context: TurnContext) -> str:
        return TurnFacts.of(context).locale

    async def known_time_zone(self, context: TurnContext) -> str | None:
        """Teams clientInfo / activity time zone, else the one remembered from mailbox settings."""
        facts = TurnFacts.of(context)
        if facts.client_tz:
            return facts.client_tz
        assert self.profile is not None
        profile = await self.profile.get(context, dict)
        return _valid_zone(profile.get("tz"))

    async def time_zone(self, context: TurnContext, graph: UserGraph | None) -> str:
        """The user's zone: client, then remembered mailbox settings, then Graph, then UTC."""
        tz = await self.known_time_zone(context)
        if tz:
            return tz
        if graph is not None:
            try:
                settings = await graph.mailbox.settings()
            except GraphError as exc:
                logger.info("mailbox settings unavailable: %s", type(exc).__name__)
            else:
                tz = _valid_zone(settings.time_zone)
                if tz:
                    assert self.profile is not None
                    profile = await self.profile.get(context, dict)
                    profile["tz"] = tz
                    await self.profile.set(context, profile)
                    return tz
        return "UTC"

    # ---- replies ----------------------------------------------------------------------------
    async def say(self, context: TurnContext, key: str, /, **params: Any) -> None:
        await context.send_activity(MessageFactory.text(t(key, self.locale(context), **params)))

    async def send_card(self, context: TurnContext, card: dict[str, Any], *, summary: str = "") -> None:
        await context.send_activity(card_activity(card, summary=summary))
