"""The root dialog: answer what needs no sign-in, sign in, then route the request to its feature dialog."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from typing import Any

from botbuilder.core import TurnContext
from botbuilder.dialogs import (
    ComponentDialog,
    Dialog,
    DialogContext,
    DialogTurnResult,
    DialogTurnStatus,
    WaterfallDialog,
    WaterfallStepContext,
)

from dialogs.asking import AskDialog
from dialogs.calendar.agenda import MoreDialog
from dialogs.context.resolve import Redirect, asked_span, resolve
from dialogs.conversation import SMALL_TALK, ClarifyDialog, clarification, decline, small_talk
from dialogs.dropped import answer_stray_confirm, dropped
from dialogs.feature import FeatureDialog
from dialogs.prompts import ConfirmDialog, PickDialog, correction_for
from dialogs.request import CLICKED_REQUEST, Request
from dialogs.services import Services, TurnFacts
from dialogs.typed_undo import UNDO_INTENT, as_undo
from language import WRITE_INTENTS, Recognition, t
from language.close_calls import settle
from language.corrections import looks_like_request
from language.followups import reference

__all__ = ["MainDialog"]

logger = logging.getLogger(__name__)

# Intents answered without signing in, from any point of a conversation.
_INTERRUPTIONS = ("general.cancel", "general.signout", "general.help")
INTERRUPTION_SCORE = 0.5
NEW_REQUEST_SCORE = 0.6


async def _innermost(dialog_context: DialogContext) -> tuple[Dialog | None, dict[str, Any]]:
    """The innermost active dialog and its state (a confirmation, a pick, a question, a waterfall...).

    ComponentDialog is not a DialogContainer in botbuilder-python, so `DialogContext.child` stops at
    the first component; walk the persisted stacks instead."""
    find = dialog_context.find_dialog
    stack = dialog_context.stack
    dialog: Dialog | None = None
    state: dict[str, Any] = {}
    while stack:
        instance = stack[0]  # the top of a botbuilder stack is its first item
        dialog = await find(instance.id)
        state = instance.state if isinstance(instance.state, dict) else {}
        if not isinstance(dialog, ComponentDialog):
            break
        inner = instance.state.get(ComponentDialog.persisted_dialog_state)
        find, stack = dialog.find_dialog, (inner.dialog_stack if inner is not None else [])
    return dialog, state


class MainDialog(ComponentDialog):
    """Greets, helps, cancels and signs out; otherwise signs in and starts the feature for the intent."""

    def __init__(self, services: Services, features: Iterable[FeatureDialog]) -> None:
        super().__init__(MainDialog.__name__)
        self.services = services
        self.add_dialog(services.signin)
        self.add_dialog(ClarifyDialog())
        self._routes: dict[str, str] = {}
        for feature in features:
            self.add_dialog(feature)
            for intent in feature.intents:
                self._routes[intent] = feature.id
        self.add_dialog(
            WaterfallDialog(
                "MainDialog.waterfall",
                [self.intro_step, self.clarified_step, self.signin_step, self.dispatch_step],
            )
        )
        self.initial_dialog_id = "MainDialog.waterfall"

    # ---- interruptions while another dialog waits ---------------------------------------------
    async def on_continue_dialog(self, inner_dc: DialogContext) -> DialogTurnResult:
        result = await self._interrupt(inner_dc)
        if result is not None:
            return result
        return await super().on_continue_dialog(inner_dc)

    async def _interrupt(self, inner_dc: DialogContext) -> DialogTurnResult | None:
        context = inner_dc.context
        facts = TurnFacts.of(context)
        if not facts.text:
            return None
        tz = await self.services.known_time_zone(context) or "UTC"
        recognition = as_undo(await facts.recognize_off_loop(tz, self.services.clock.now()), facts.text)
        intent = recognition.intent
        if intent == UNDO_INTENT:
            # "annule la dernière action" reverts the last write; a pending question (nothing written) is left.
            logger.info("typed undo replaces a pending dialog")
            await inner_dc.cancel_all_dialogs()
            return await inner_dc.begin_dialog(self.initial_dialog_id)
        waiting, state = await _innermost(inner_dc)
        if isinstance(waiting, ConfirmDialog) and await correction_for(context, state) is not None:
            return None  # "no, Thursday", "add Megan too": the confirmation takes it and asks again
        if isinstance(waiting, AskDialog) and looks_like_request(facts.text) and (
                intent in self._routes and recognition.score >= NEW_REQUEST_SCORE or facts.text.endswith("?")):
            # "what's on the 10th?" while a title is asked: a new request, never the title.
            logger.info("new request %s replaces a pending question", intent)
            await inner_dc.cancel_all_dialogs()
            return await inner_dc.begin_dialog(self.initial_dialog_id)
        if intent in self._routes and recognition.score >= NEW_REQUEST_SCORE \
                and isinstance(waiting, (ConfirmDialog, PickDialog)):
            # A yes/no or "which one" question is pending and the person asked for something else:
            # leave the unconfirmed request (nothing was written), say so, and answer the new one.
            logger.info("new request %s replaces a pending question", intent)
            await inner_dc.cancel_all_dialogs()
            if isinstance(waiting, ConfirmDialog):
                await dropped(self.services, context, str(state.get("operation") or ""))
            return await inner_dc.begin_dialog(self.initial_dialog_id)
        # A waiting dialog keeps the answer unless the person clearly wants out (an e-mail address
        # given as an answer must not turn into "help").
        if intent not in _INTERRUPTIONS or recognition.score < INTERRUPTION_SCORE:
            return None
        if intent == "general.cancel" and isinstance(waiting, MoreDialog) \
                and (pointed := reference(facts.text, recognition.entities)) is not None and pointed.it:
            return None  # "cancel that" after an agenda page: the meeting, not the paging (dialogs/context/resolve.py)
        logger.info("interruption: %s", intent)
        if intent == "general.help":
            await self.services.say(context, "bot.help")
            return DialogTurnResult(DialogTurnStatus.Waiting)
        await inner_dc.cancel_all_dialogs()
        if intent == "general.signout":
            await self.sign_out(context)
        else:
            await self.services.say(context, "bot.cancelled")
        return DialogTurnResult(DialogTurnStatus.Complete)

    async def sign_out(self, context: TurnContext) -> None:
        await self.services.signin.sign_out_user(context)
        await self.services.context.clear(context)
        self.services.forget_token(context)
        await self.services.say(context, "bot.signout.done")

    # ---- the waterfall ----------------------------------------------------------------------
    async def intro_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        context = step.context
        facts = TurnFacts.of(context)
        clicked = context.turn_state.get(CLICKED_REQUEST)
        if isinstance(clicked, Request):  # a card button that asks first ("Decline"): its request, not words
            step.values.update(request=clicked.to_options(), tz_known=True, activity_id=context.activity.id)
            return await step.next(None)
        if not facts.text:
            await self.services.say(context, "bot.text_only")
            return await step.end_dialog()
        known_tz = await self.services.known_time_zone(context)
        recognition = as_undo(await facts.recognize_off_loop(known_tz or "UTC", self.services.clock.now()), facts.text)
        if len(recognition.alternatives) == 2:  # a close call: `settle` may read the entities again (dates)
            recognition = await asyncio.to_thread(settle, recognition, facts.text, now=self.services.clock.now(),
                                                  tz=known_tz or "UTC")
        intent = recognition.intent
        logger.info("recognised intent %s (score %.2f, locale %s)", intent, recognition.score, facts.locale)
        redirect = await self._lean_on_context(context, recognition, facts.text, known_tz or "UTC")
        if redirect is not None and redirect.say:
            await self.services.say(context, redirect.say)
            return await step.end_dialog()
        if redirect is not None and redirect.options:
            return await self._start(step, redirect.options, tz_known=True)
        if intent in SMALL_TALK:
            await small_talk(context, intent, facts.locale)
            return await step.end_dialog()
        if len([i for i in recognition.alternatives if i in self._routes]) == 2:
            return await step.begin_dialog(ClarifyDialog.__name__, await asyncio.to_thread(
                clarification, recognition, facts.text, now=self.services.clock.now(), tz=known_tz or "UTC"))
        if intent == "none":
            await decline(context, facts.locale)
            return await step.end_dialog()
        if intent == "general.help":
            await self.services.say(context, "bot.help")
            return await step.end_dialog()
        if intent == "general.greeting":
            await self.services.say(context, "bot.greeting")
            return await step.end_dialog()
        if intent == "general.cancel":
            await self.services.say(context, "bot.nothing_to_cancel")
            return await step.end_dialog()
        if intent == "general.signout":
            await self.sign_out(context)
            return await step.end_dialog()
        if intent == UNDO_INTENT and self.services.undo is not None and await self.services.undo.last_ref(context) is None:
            await self.services.say(context, "undo.nothing")  # no sign-in needed to say so
            return await step.end_dialog()
        if intent in ("general.confirm", "general.reject") and await answer_stray_confirm(self.services, context):
            return await step.end_dialog()
        if intent not in self._routes:
            key = "bot.not_understood" if intent in ("none", "general.confirm", "general.reject") else "bot.not_available"
            await self.services.say(context, key)
            return await step.end_dialog()
        options = Request.from_recognition(recognition, tz=known_tz or "UTC").to_options()
        return await self._start(step, options, tz_known=known_tz is not None)

    async def _lean_on_context(self, context: TurnContext, recognition: Recognition, text: str,
                               tz: str) -> Redirect | None:
        """A follow-up, a reference or "more", read against the conversation context (dialogs/context/)."""
        found = resolve(await self.services.context.touch(context), recognition, text, tz=tz)
        if found is not None and found.options and found.options["intent"] not in self._routes:
            return None
        return found

    async def _start(self, step: WaterfallStepContext, options: dict[str, Any], *, tz_known: bool) -> DialogTurnResult:
        context = step.context
        intent = str(options["intent"])
        if self.services.settings.read_only and intent in WRITE_INTENTS:
            # What MIPA would have done, and why it will not (DESIGN.md, conversation rules).
            action = t(f"bot.read_only.action.{intent}", TurnFacts.of(context).locale)
            await self.services.say(context, "bot.read_only.would", action=action)
            return await step.end_dialog()
        step.values["request"] = options
        step.values["tz_known"] = tz_known
        step.values["activity_id"] = context.activity.id
        return await step.next(None)

    async def clarified_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        """After a clarification (dialogs/conversation/clarify.py): the chosen request, or nothing, or a new one."""
        if "request" not in step.values:
            choice = step.result
            if not isinstance(choice, dict):
                return await step.end_dialog()
            if choice.get("retry"):
                return await step.replace_dialog(self.initial_dialog_id)
            step.values["request"] = choice
            step.values["tz_known"] = True
        return await step.begin_dialog(self.services.signin.id)

    async def signin_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        context = step.context
        token = step.result
        if token is None or not getattr(token, "token", None):
            await self.services.say(context, "bot.signin.failed")
            return await step.end_dialog()
        self.services.remember_token(context, token.token)
        options: dict[str, Any] = step.values["request"]  # Request.to_options(), passed on as it is
        same_turn = step.values.get("activity_id") == context.activity.id
        if same_turn and not step.values.get("tz_known"):
            # Dates were read in UTC for lack of a zone; now that Graph is reachable, read them again.
            tz = await self.services.time_zone(context, self.services.graph.for_user(token.token))
            if tz != Request.from_options(options).tz:
                facts = TurnFacts.of(context)
                recognition = await facts.recognize_off_loop(tz, facts.now)
                options = Request.from_recognition(as_undo(recognition, facts.text), tz=tz).to_options()
        return await step.next(options)

    async def dispatch_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        options: dict[str, Any] = step.result
        request = Request.from_options(options)
        asked = asked_span(request.intent, request.entities, self.services.now(request.tz))
        if asked is not None:  # what "and tomorrow?" / "and for Megan?" will lean on (dialogs/context/)
            await self.services.context.remember_request(step.context, asked)
        return await step.begin_dialog(self._routes[request.intent], options)
