"""The one router for every Action.Execute button (Teams and Outlook): `adaptiveCard/action` -> InvokeResponse.

Each answer is `InvokeResponse(status=200, body=AdaptiveCardInvokeResponse(...))` with the body kept as an
msrest Model (B1): a refreshed card, a message, a 400 error body for anything malformed (B2, never a
500), or a 401 login request when there is no token for the clicking user.

- Item buttons (complete, snooze, reopen, progress, flag, mail to task, accept / tentative)
  run `bots.actions.items`: the item is read with the clicker's token first, so a second click changes
  nothing and says so, and someone else's item is refused before anything is written.
- Decline cannot be given back (the meeting leaves the calendar), so its button asks first, like a typed
  "decline": the item is checked the same way, then the typed request's dialog runs with the meeting's id
  (`CLICKED_REQUEST`) and its confirmation (dialogs/writes.py WriteFlow) replaces the clicked card.
- Buttons of the "my day" card carry `source: "digest"`; they are answered with a refreshed "my day"
  (each viewer's own state, `refresh.userIds`), with the outcome and an undo button on top. Other cards
  are replaced by a small outcome card with undo when something changed, or left as they are with a
  message when nothing changed.
- `confirm`, `reject`, `choose` and `more` belong to the dialog waiting for them: the dialog runs.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from botbuilder.core import InvokeResponse, MessageFactory, TurnContext
from botbuilder.dialogs import DialogState
from botbuilder.schema import (
    ActionTypes,
    ActivityTypes,
    Attachment,
    CardAction,
    OAuthCard,
)
from botframework.connector.auth import UserTokenClient

from bots.actions.items import ITEM_HANDLERS, Click
from bots.sdkfix.b1_invoke_body import keep_model_body
from bots.sdkfix.b2_execute_only import execute_action
from cards import OUTLOOK_VERSION, Action, CardError, UnknownVerbError, Verb, adaptive_card, parse_action
from dialogs.digest import DIGEST_SOURCE, SOURCE_KEY, build_my_day, viewer_ids, with_notice
from dialogs.invoke import (
    CARD,
    ERROR,
    LOGIN,
    MESSAGE,
    UniversalActionResponse,
    card_response,
    error_response,
    message_response,
)
from dialogs.invoke import (
    answer as invoke_answer,
)
from dialogs.request import CLICKED_REQUEST, Request
from dialogs.services import Services, TurnFacts
from dialogs.undo import UndoResult
from dialogs.undo_dialog import undo_message_key
from dialogs.writes import record_undo
from graph import (
    ClaimsChallenge,
    Forbidden,
    GraphError,
    NotFound,
    PreconditionFailed,
    Unauthorized,
    UserGraph,
)
from language import Entities, t

__all__ = ["CARD", "ERROR", "LOGIN", "MESSAGE", "CardActions", "UniversalActionResponse"]

logger = logging.getLogger(__name__)


#: Verbs answered by the dialog that is waiting for them (ConfirmDialog, PickDialog, paging).
DIALOG_VERBS = frozenset({Verb.CONFIRM, Verb.REJECT, Verb.CHOOSE, Verb.MORE})
#: Buttons that change nothing; every other verb is refused in read-only mode.
READ_VERBS = frozenset({Verb.DIGEST_REFRESH})
#: Buttons whose write cannot be undone: like the typed request, their dialog shows the write and asks first.
ASKING_VERBS = {Verb.EVENT_DECLINE: "calendar.decline"}

#: What `_handle` returns for an Action.Submit button whose dialog already posted its question.
_ASKED = message_response("")



class CardActions:
    """`await card_actions(turn_context)` answers one `adaptiveCard/action` invoke."""

    def __init__(self, *, services: Services, run_dialog: Callable[[TurnContext], Awaitable[None]]) -> None:
        self._services = services
        self._run_dialog = run_dialog
        self._dialog_state = services.conversation_state.create_property("DialogState")
        # A double click sends two invokes at once: one item's actions run one after the other, so the
        # second one reads the state the first one wrote (several instances rely on Graph state alone).
        self._locks: dict[str, asyncio.Lock] = {}
        self._waiting: dict[str, int] = {}

    async def __call__(self, turn_context: TurnContext) -> InvokeResponse:
        activity = turn_context.activity
        locale = TurnFacts.of(turn_context).locale
        value = activity.value
        if execute_action(value) is None:  # B2: the SDK's own 400 answer cannot be serialised
            logger.info("card action refused: not an Action.Execute (channel %s)", activity.channel_id)
            return error_response("NotSupported", t("actions.error.not_execute", locale))
        try:
            action = parse_action(value)
        except UnknownVerbError:
            logger.info("card action refused: unknown verb (channel %s)", activity.channel_id)
            return error_response("UnknownVerb", t("actions.error.unknown_verb", locale))
        except CardError:
            logger.info("card action refused: malformed data (channel %s)", activity.channel_id)
            return error_response("BadRequest", t("actions.error.invalid", locale))
        logger.info("card action %s (trigger %s, channel %s)", action.verb, action.trigger, activity.channel_id)
        if action.verb in DIALOG_VERBS:
            return await self._to_dialog(turn_context, locale)
        return await self._handle(turn_context, action, locale)

    async def submit(self, turn_context: TurnContext) -> bool:
        """The `Action.Submit` fallback of a button (a message whose value holds the verb and ids, from
        clients without Universal Actions): act and post the outcome to the chat. False when the
        activity is not such a button, or belongs to the waiting dialog (confirm, reject, choose, more)."""
        activity = turn_context.activity
        value = activity.value
        if (activity.type != ActivityTypes.message or (activity.text or "").strip()
                or not isinstance(value, dict) or "verb" not in value):
            return False
        locale = TurnFacts.of(turn_context).locale
        try:
            action = parse_action(value)
        except CardError:
            logger.info("card submit refused: malformed (channel %s)", activity.channel_id)
            await turn_context.send_activity(MessageFactory.text(t("actions.error.invalid", locale)))
            return True
        if action.verb in DIALOG_VERBS:
            return False
        logger.info("card submit %s (channel %s)", action.verb, activity.channel_id)
        response = await self._handle(turn_context, action, locale)
        if response is _ASKED:  # the dialog posted its question itself
            return True
        answer = response.body
        if answer.type == CARD:
            await turn_context.send_activity(
                MessageFactory.attachment(Attachment(content_type=CARD, content=answer.value)))
        elif answer.type == MESSAGE:
            await turn_context.send_activity(MessageFactory.text(answer.value))
        else:  # a login request: the chat's own sign-in is one message away
            await turn_context.send_activity(MessageFactory.text(t("actions.signin.text", locale)))
        return True

    async def _handle(self, turn_context: TurnContext, action: Action, locale: str) -> InvokeResponse:
        if self._services.settings.read_only and action.verb not in READ_VERBS:
            logger.info("card action refused in read-only mode: %s", action.verb)
            return message_response(t("bot.read_only", locale))
        graph = await self._graph(turn_context)
        if graph is None:
            return await self._login_request(turn_context, locale)
        try:
            async with self._lock(action):
                return await self._act(turn_context, graph, action, locale)
        except (ClaimsChallenge, Unauthorized) as exc:
            logger.info("card action needs a new sign-in: %s", type(exc).__name__)
            await self._services.signin.sign_out_user(turn_context)
            self._services.forget_token(turn_context)
            return await self._login_request(turn_context, locale)
        except NotFound as exc:
            logger.info("card action on an unreadable item: request_id=%s", exc.request_id)
            return message_response(t("actions.not_found", locale))
        except Forbidden as exc:
            logger.info("card action forbidden: request_id=%s", exc.request_id)
            return message_response(t("actions.forbidden", locale))
        except PreconditionFailed as exc:
            logger.info("card action lost a Planner etag race: request_id=%s", exc.request_id)
            return message_response(t("actions.planner.changed", locale))
        except GraphError as exc:
            logger.warning("card action failed: %s request_id=%s", type(exc).__name__,
                           getattr(exc, "request_id", None))
            return message_response(t("actions.unavailable", locale))

    @asynccontextmanager
    async def _lock(self, action: Action) -> AsyncIterator[None]:
        key = f"{action.list_id or ''}/{action.item_id or action.ref or ''}"
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:
                yield
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:
                del self._waiting[key], self._locks[key]

    # ---- the dialog's own buttons -----------------------------------------------------------
    async def _to_dialog(self, turn_context: TurnContext, locale: str) -> InvokeResponse:
        state = await self._dialog_state.get(turn_context)
        if not isinstance(state, DialogState) or not state.dialog_stack:
            return message_response(t("actions.expired", locale))
        await self._run_dialog(turn_context)
        return self._dialog_answered(turn_context, locale)

    async def _ask_first(self, turn_context: TurnContext, graph: UserGraph, action: Action,
                         locale: str) -> InvokeResponse:
        """Decline: checked like any item button, then the typed request's dialog shows it and asks to confirm
        (dialogs/writes.py WriteFlow); the confirmation replaces the clicked card."""
        event = await graph.calendar.get(action.item_id or "")
        said = None
        if event.is_organizer:
            said = "actions.event.organizer"
        elif event.is_cancelled:
            said = "actions.event.cancelled"
        elif event.my_response == "declined":
            said = "actions.event.already"
        if said is not None:
            return message_response(t(said, locale))
        tz = await self._services.time_zone(turn_context, graph)
        turn_context.turn_state[CLICKED_REQUEST] = Request(
            intent=ASKING_VERBS[action.verb], locale=locale, tz=tz, entities=Entities(), item_id=event.id)
        # A question left pending elsewhere in the chat gives way to the click (nothing was written for it).
        await self._dialog_state.set(turn_context, DialogState())
        await self._run_dialog(turn_context)
        if turn_context.activity.type != ActivityTypes.invoke:
            return _ASKED
        return self._dialog_answered(turn_context, locale)

    @staticmethod
    def _dialog_answered(turn_context: TurnContext, locale: str) -> InvokeResponse:
        # When the waiting dialog answered the invoke itself, the handler's answer is not sent again;
        # make sure that answer can be serialised (B1).
        keep_model_body(turn_context)
        return message_response(t("actions.answered", locale))

    # ---- tokens -----------------------------------------------------------------------------
    async def _graph(self, turn_context: TurnContext) -> UserGraph | None:
        value = turn_context.activity.value if isinstance(turn_context.activity.value, dict) else {}
        code = value.get("state")
        if isinstance(code, str) and code.isdigit():
            # After a 401 login request, the client sends the magic code back in `state`.
            response = await self._services.signin.get_user_token(turn_context, code)
            if response is not None and response.token:
                self._services.remember_token(turn_context, response.token)
        return await self._services.user_graph(turn_context)

    async def _login_request(self, turn_context: TurnContext, locale: str) -> InvokeResponse:
        """401 with an OAuthCard (teams-and-outlook.md §2.2); a message asking to sign in in the chat otherwise."""
        client = turn_context.turn_state.get(UserTokenClient.__name__)
        connection = self._services.settings.connection_name
        if client is None:
            return message_response(t("actions.signin.text", locale))
        try:
            resource = await client.get_sign_in_resource(connection, turn_context.activity, None)
        except Exception as exc:  # the token service may be down: say what to do instead
            logger.warning("sign-in link unavailable: %s", type(exc).__name__)
            return message_response(t("actions.signin.text", locale))
        card = OAuthCard(
            text=t("actions.signin.text", locale),
            connection_name=connection,
            buttons=[CardAction(type=ActionTypes.signin, title=t("actions.signin.title", locale),
                                value=resource.sign_in_link)],
            token_exchange_resource=resource.token_exchange_resource,
        )
        return invoke_answer(401, LOGIN, card.serialize())

    # ---- acting -----------------------------------------------------------------------------
    async def _act(self, turn_context: TurnContext, graph: UserGraph, action: Action, locale: str) -> InvokeResponse:
        from_digest = action.inputs.get(SOURCE_KEY) == DIGEST_SOURCE
        if action.verb is Verb.DIGEST_REFRESH:
            return card_response(await self._my_day(turn_context, graph, locale))
        if action.verb in ASKING_VERBS:
            return await self._ask_first(turn_context, graph, action, locale)
        if action.verb is Verb.UNDO:
            assert action.ref is not None and self._services.undo is not None
            undone = await self._services.undo.undo(turn_context, graph, action.ref)
            result = undone.result
            notice = t(undo_message_key(undone), locale)  # the same sentence as a typed undo
            if from_digest:
                return card_response(await self._my_day(turn_context, graph, locale, notice=notice))
            if result is UndoResult.DONE:
                return card_response(self._outcome_card(notice, locale))
            return message_response(notice)
        handler = ITEM_HANDLERS[action.verb]
        tz = await self._services.time_zone(turn_context, graph) if action.verb is Verb.TODO_SNOOZE else "UTC"
        outcome = await handler(graph, Click(action=action, locale=locale, tz=tz, now=self._services.clock.now()))
        logger.info("card action %s: changed=%s", action.verb, outcome.changed)
        undo_ref = await record_undo(self._services, turn_context, outcome.undo)
        if from_digest:
            return card_response(
                await self._my_day(turn_context, graph, locale, notice=outcome.notice, undo_ref=undo_ref)
            )
        if outcome.changed:
            return card_response(self._outcome_card(outcome.notice, locale, undo_ref=undo_ref))
        return message_response(outcome.notice)

    async def _my_day(self, turn_context: TurnContext, graph: UserGraph, locale: str, *,
                      notice: str | None = None, undo_ref: str | None = None) -> dict[str, Any]:
        my_day = await build_my_day(graph, locale=locale, originator=self._services.settings.outlook_originator_id,
                                    user_ids=viewer_ids(turn_context), now=self._services.clock.now())
        if notice:
            with_notice(my_day.card, notice, locale=locale, undo_ref=undo_ref)
        return my_day.card

    def _outcome_card(self, notice: str, locale: str, *, undo_ref: str | None = None) -> dict[str, Any]:
        """A small card replacing the clicked one: what happened, and an undo button while it makes sense."""
        card = adaptive_card([], version=OUTLOOK_VERSION,
                             originator=self._services.settings.outlook_originator_id or None)
        return with_notice(card, notice, locale=locale, undo_ref=undo_ref, source=None)
