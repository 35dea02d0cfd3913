"""Typed answers to a question: a number, a yes/no, a date, one of some choices, an e-mail, a short text."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from language import recognize
from language.text import fold

__all__ = ["EMAIL", "MAX_TEXT", "AnswerError", "is_skip", "parse_answer"]

EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_SKIP = {"no", "non", "none", "nope", "skip", "pass", "passer", "aucun", "aucune", "rien", "-", "n/a"}
_YES = {"yes", "y", "true", "oui", "o", "vrai", "yep", "yeah", "ouais"}
_NO = {"no", "n", "false", "non", "faux", "nope"}
_NUMBER = re.compile(r"^[-+]?\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?$|^[-+]?\d+(?:[.,]\d+)?$")
MAX_TEXT = 255


class AnswerError(ValueError):
    """A typed answer does not fit what was asked; `key` names the catalog message to show."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def is_skip(text: str) -> bool:
    return fold(text.strip(" .!")) in _SKIP


def _number(text: str) -> int | float:
    cleaned = text.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if not _NUMBER.match(cleaned):
        raise AnswerError("directory.answer.number")
    cleaned = cleaned.replace(" ", "").replace(",", ".")
    value = float(cleaned)
    return int(value) if value.is_integer() else value


def _date(text: str, *, locale: str, tz: str, now: datetime) -> date:
    cleaned = text.strip()
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    slash = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", cleaned)
    if slash:
        a, b, year = (int(x) for x in slash.groups())
        day, month = (a, b) if locale.startswith("fr") else (b, a)
        try:
            return date(year, month, day)
        except ValueError as exc:
            raise AnswerError("directory.answer.date") from exc
    start = recognize(cleaned, locale, now, tz).entities.start
    if start is None:
        raise AnswerError("directory.answer.date")
    return start.date()


def _choice(text: str, choices: tuple[str, ...], *, locale: str, now: datetime) -> str:
    wanted = fold(text.strip(" .!\"'"))
    for choice in choices:
        if fold(choice) == wanted:
            return choice
    number = re.fullmatch(r"\s*(\d{1,2})\s*", text)
    index = int(number.group(1)) - 1 if number else None
    if index is None:
        ordinal = recognize(text, locale, now, "UTC").entities.ordinal
        if ordinal is not None:
            index = len(choices) - 1 if ordinal == -1 else ordinal - 1
    if index is not None and 0 <= index < len(choices):
        return choices[index]
    raise AnswerError("directory.answer.choice")


def parse_answer(kind: str, text: str, *, locale: str, tz: str, now: datetime, choices: tuple[str, ...] = ()) -> Any:
    """The typed value of an answer for a column of type `kind`; AnswerError when it does not fit.

    `now` (aware) is the instant relative dates ("tomorrow") are read against.

    Dates come back as ISO strings (JSON-safe for dialog state)."""
    cleaned = text.strip()
    if not cleaned:
        raise AnswerError("directory.answer.empty")
    if kind in ("number", "currency"):
        return _number(cleaned)
    if kind == "boolean":
        folded = fold(cleaned.strip(" .!"))
        if folded in _YES:
            return True
        if folded in _NO:
            return False
        raise AnswerError("directory.answer.boolean")
    if kind == "dateTime":
        return _date(cleaned, locale=locale, tz=tz, now=now).isoformat()
    if kind == "choice":
        return _choice(cleaned, choices, locale=locale, now=now) if choices else cleaned[:MAX_TEXT]
    if kind == "email":
        match = EMAIL.fullmatch(cleaned)
        if not match:
            raise AnswerError("directory.answer.email")
        return cleaned
    if len(cleaned) > MAX_TEXT:
        raise AnswerError("directory.answer.too_long")
    return cleaned
