"""Sign-in: the OAuthPrompt, plus a silent check for a token completed outside the chat."""

from __future__ import annotations

import re

from botbuilder.dialogs import DialogContext, DialogTurnResult
from botbuilder.dialogs.prompts import OAuthPrompt, OAuthPromptSettings
from botbuilder.schema import ActivityTypes

__all__ = ["SignInPrompt", "signin_settings"]

_MAGIC_CODE = re.compile(r"(?<!\d)\d{6}(?!\d)")
PROMPT_TIMEOUT_MS = 15 * 60 * 1000


def signin_settings(connection_name: str, *, title: str, text: str) -> OAuthPromptSettings:
    return OAuthPromptSettings(
        connection_name=connection_name, title=title, text=text, timeout=PROMPT_TIMEOUT_MS
    )


class SignInPrompt(OAuthPrompt):
    """OAuthPrompt that also accepts a sign-in finished on the sign-in page without a magic code.

    The stock prompt only looks for a token when the message is a 6-digit code; when the token service
    completed sign-in without one (e.g. the sandbox's page, or a verifyState that reached another
    instance), the next message would be treated as invalid and the card sent again.
    """

    async def continue_dialog(self, dialog_context: DialogContext) -> DialogTurnResult:
        activity = dialog_context.context.activity
        if activity.type == ActivityTypes.message and not _MAGIC_CODE.search(activity.text or ""):
            response = await self.get_user_token(dialog_context.context)
            if response is not None and response.token:
                return await dialog_context.end_dialog(response)
        return await super().continue_dialog(dialog_context)
