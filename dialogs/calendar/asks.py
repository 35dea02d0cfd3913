"""Questions the calendar dialogs ask one at a time: a date and time, a title; reading the answers."""

from __future__ import annotations

from datetime import datetime, timedelta

from botbuilder.core import MessageFactory
from botbuilder.dialogs.prompts import PromptOptions, PromptValidatorContext, TextPrompt

from dialogs.services import TurnFacts
from language import Entities, recognize, t

__all__ = ["TITLE_PROMPT", "WHEN_PROMPT", "TitlePrompt", "WhenPrompt", "read_when", "title_options", "when_options"]

WHEN_PROMPT = "calendar.ask.when"
TITLE_PROMPT = "calendar.ask.title"
MAX_TITLE = 255


def read_when(text: str, locale: str, tz: str, now: datetime) -> Entities | None:
    """The date and time in an answer such as "tomorrow at 3pm" / "demain à 15h" (read at `now`), or None."""
    entities = recognize(text, locale, now, tz).entities
    return entities if entities.start is not None else None


def when_options(key: str, locale: str, tz: str) -> PromptOptions:
    return PromptOptions(
        prompt=MessageFactory.text(t(key, locale)),
        retry_prompt=MessageFactory.text(t("calendar.ask.when_retry", locale)),
        validations={"tz": tz, "locale": locale},
    )


def title_options(locale: str) -> PromptOptions:
    return PromptOptions(
        prompt=MessageFactory.text(t("calendar.create.ask_title", locale)),
        retry_prompt=MessageFactory.text(t("calendar.create.ask_title", locale)),
    )


async def _valid_when(prompt: PromptValidatorContext) -> bool:
    if not prompt.recognized.succeeded or not prompt.recognized.value:
        return False
    validations = prompt.options.validations or {}
    locale = str(validations.get("locale") or TurnFacts.of(prompt.context).locale)
    now = TurnFacts.of(prompt.context).now
    return read_when(str(prompt.recognized.value), locale, str(validations.get("tz") or "UTC"), now) is not None


async def _valid_title(prompt: PromptValidatorContext) -> bool:
    value = str(prompt.recognized.value or "").strip() if prompt.recognized.succeeded else ""
    return 0 < len(value) <= MAX_TITLE


class WhenPrompt(TextPrompt):
    """Asks for a date and time until the answer holds one (three tries, then MainDialog's cancel works)."""

    def __init__(self) -> None:
        super().__init__(WHEN_PROMPT, _valid_when)


class TitlePrompt(TextPrompt):
    def __init__(self) -> None:
        super().__init__(TITLE_PROMPT, _valid_title)


def clock_on(day_start: datetime, clock: datetime) -> datetime:
    """`day_start`'s date at `clock`'s time of day, in `day_start`'s zone."""
    local = clock.astimezone(day_start.tzinfo)
    return day_start.replace(hour=local.hour, minute=local.minute, second=0, microsecond=0)


def positive(delta: timedelta | None) -> timedelta | None:
    return delta if delta is not None and delta > timedelta(0) else None
