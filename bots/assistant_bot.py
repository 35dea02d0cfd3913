"""The activity handler: messages and sign-in invokes run the main dialog; welcome; card actions."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Protocol

from botbuilder.core import (
    ActivityHandler,
    ConversationState,
    InvokeResponse,
    MessageFactory,
    TurnContext,
    UserState,
)
from botbuilder.core.teams import TeamsActivityHandler
from botbuilder.dialogs import DialogExtensions, DialogSet
from botbuilder.schema import ChannelAccount

from bots.alerts import Alerts
from bots.memory_scopes import MemoryScopes
from cards.notify import settings_button_text
from dialogs import MainDialog, Services
from dialogs.feature import NotSignedIn
from dialogs.services import CLOCK_KEY
from graph import ClaimsChallenge, Forbidden, GraphError, Unauthorized
from language import t

__all__ = ["AssistantBot", "InvokeHandler"]

logger = logging.getLogger(__name__)

_RETRIED_SIGNIN = "mipa.retried_signin"

class InvokeHandler(Protocol):
    """Card buttons: `adaptiveCard/action` invokes (which the SDK cannot answer itself, B1), and the
    `Action.Submit` fallback of the same buttons, which arrives as a message with a value."""

    async def __call__(self, turn_context: TurnContext) -> InvokeResponse: ...

    async def submit(self, turn_context: TurnContext) -> bool: ...


class AssistantBot(TeamsActivityHandler):
    """Routes activities; saves conversation and user state at the end of every turn."""

    def __init__(
        self,
        *,
        conversation_state: ConversationState,
        user_state: UserState,
        dialog: MainDialog,
        services: Services,
        card_actions: InvokeHandler | None = None,
        alerts: Alerts | None = None,
    ) -> None:
        super().__init__()
        self._conversation_state = conversation_state
        self._user_state = user_state
        self._dialog = dialog
        self._services = services
        self._dialog_state = conversation_state.create_property("DialogState")
        self._welcomed = conversation_state.create_property("welcomed")
        self._card_actions = card_actions
        self._alerts = alerts
        self._memory_scopes = MemoryScopes()

    async def on_turn(self, turn_context: TurnContext) -> None:
        turn_context.turn_state[CLOCK_KEY] = self._services.clock
        self._memory_scopes.put(turn_context)
        await super().on_turn(turn_context)
        await self._conversation_state.save_changes(turn_context)
        await self._user_state.save_changes(turn_context)

    # ---- messages and sign-in ---------------------------------------------------------------
    async def on_message_activity(self, turn_context: TurnContext) -> None:
        if self._alerts is not None:
            await self._alerts.remember(turn_context)
        value = turn_context.activity.value
        if isinstance(value, dict) and isinstance(value.get("notify"), str) and not (turn_context.activity.text or "").strip():
            # The alerts card's buttons outside Teams (no messageBack): the button's sentence, as typed.
            turn_context.activity.text = settings_button_text(value["notify"], self._services.locale(turn_context))
            turn_context.activity.value = None
        if self._card_actions is not None and await self._card_actions.submit(turn_context):
            return
        await self.run_dialog(turn_context)

    async def on_teams_signin_verify_state(self, turn_context: TurnContext) -> None:
        # Also reached for signin/tokenExchange (after the SSO middleware let one of them through).
        await self.run_dialog(turn_context)

    async def on_token_response_event(self, turn_context: TurnContext) -> None:
        await self.run_dialog(turn_context)

    async def run_dialog(self, turn_context: TurnContext) -> None:
        try:
            await DialogExtensions.run_dialog(self._dialog, turn_context, self._dialog_state)
        except (ClaimsChallenge, Unauthorized, NotSignedIn) as exc:
            await self._renew_sign_in(turn_context, exc)
        except Forbidden as exc:
            logger.warning("graph forbidden: code=%s request_id=%s", exc.code, exc.request_id)
            await self._reset(turn_context, "bot.graph_forbidden")
        except GraphError as exc:
            logger.warning("graph unavailable: %s request_id=%s", type(exc).__name__,
                           getattr(exc, "request_id", None))
            await self._reset(turn_context, "bot.graph_unavailable")

    async def _renew_sign_in(self, turn_context: TurnContext, exc: Exception) -> None:
        """One sign-out and one new prompt with a sentence saying why; never a loop."""
        logger.info("sign-in renewal after %s", type(exc).__name__)
        await self._services.signin.sign_out_user(turn_context)
        self._services.forget_token(turn_context)
        if turn_context.turn_state.get(_RETRIED_SIGNIN):
            await self._reset(turn_context, "bot.signin.failed")
            return
        turn_context.turn_state[_RETRIED_SIGNIN] = True
        await self._clear_dialogs(turn_context)
        await self._services.say(turn_context, "bot.signin.renew")
        await self.run_dialog(turn_context)

    async def _reset(self, turn_context: TurnContext, key: str) -> None:
        await self._clear_dialogs(turn_context)
        if turn_context.activity.type == "invoke":
            return
        await self._services.say(turn_context, key)

    async def _clear_dialogs(self, turn_context: TurnContext) -> None:
        dialog_set = DialogSet(self._dialog_state)
        dialog_set.add(self._dialog)
        dialog_context = await dialog_set.create_context(turn_context)
        await dialog_context.cancel_all_dialogs()

    # ---- installation: keep or forget the conversation reference for alerts ---------------
    async def on_installation_update_add(self, turn_context: TurnContext) -> None:
        if self._alerts is not None:
            await self._alerts.remember(turn_context)

    async def on_installation_update_remove(self, turn_context: TurnContext) -> None:
        if self._alerts is not None:
            await self._alerts.forget(turn_context)

    # ---- welcome ----------------------------------------------------------------------------
    async def on_conversation_update_activity(self, turn_context: TurnContext) -> None:
        # The Teams handler dereferences channelData.team; an update without channelData would crash it.
        if turn_context.activity.channel_data is None:
            await ActivityHandler.on_conversation_update_activity(self, turn_context)
            return
        await super().on_conversation_update_activity(turn_context)

    async def on_members_added_activity(
        self, members_added: list[ChannelAccount], turn_context: TurnContext
    ) -> None:
        bot_id = turn_context.activity.recipient.id if turn_context.activity.recipient else None
        if not any(m.id != bot_id for m in members_added):
            return
        if await self._welcomed.get(turn_context, False):
            return
        await self._welcomed.set(turn_context, True)
        locale = self._services.locale(turn_context)
        text = t("bot.welcome", locale)
        if self._services.settings.local_mode:
            text += "\n\n" + t("bot.welcome.sample_data", locale)
        await turn_context.send_activity(MessageFactory.text(text))

    # ---- invokes ----------------------------------------------------------------------------
    async def on_invoke_activity(self, turn_context: TurnContext) -> InvokeResponse:
        name = turn_context.activity.name
        if name == "adaptiveCard/action" and self._card_actions is not None:
            return await self._card_actions(turn_context)
        if name == "signin/failure":
            value = turn_context.activity.value or {}
            code = value.get("code") if isinstance(value, dict) else None
            logger.warning("Teams SSO failure reported by the client: code=%s", code)
            return InvokeResponse(status=HTTPStatus.OK)
        return await super().on_invoke_activity(turn_context)
