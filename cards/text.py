"""Localised strings for cards (catalog `cards.json`, English and French); dates and times: language.formatting."""

from __future__ import annotations

import json
import logging
from functools import cache, lru_cache
from pathlib import Path

from cards.errors import MissingTextError
from language.errors import MissingMessageError
from language.messages import t, tn

__all__ = ["LANGUAGES", "catalog", "lang_of", "plural", "text"]

logger = logging.getLogger(__name__)

LANGUAGES = ("en", "fr")
_MESSAGES = Path(__file__).resolve().parent.parent / "language" / "messages"


@lru_cache(maxsize=256)
def lang_of(locale: str | None) -> str:
    """'fr-CA' -> 'fr'; anything unsupported -> 'en'."""
    lang = (locale or "en").replace("_", "-").split("-")[0].lower()
    return lang if lang in LANGUAGES else "en"


@cache
def catalog(lang: str) -> dict[str, str]:
    """This package's own catalog file of one language (`cards.json`), for checks and tools."""
    path = _MESSAGES / lang / "cards.json"
    with path.open(encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise MissingTextError("<catalog>", lang)
    return data


def text(key: str, locale: str | None, /, **params: object) -> str:
    """The string `key` in the locale's language with `{name}` placeholders filled in (language/messages)."""
    if not params:
        return _fixed(key, lang_of(locale))
    try:
        return t(key, lang_of(locale), **params)
    except MissingMessageError as exc:
        raise MissingTextError(key, lang_of(locale)) from exc


@lru_cache(maxsize=1024)
def _fixed(key: str, lang: str) -> str:
    """A string without parameters: the same for every card of a language (dozens of lookups per card)."""
    try:
        return t(key, lang)
    except MissingMessageError as exc:
        raise MissingTextError(key, lang) from exc


def plural(key: str, count: int, locale: str | None, /, **params: object) -> str:
    """`key.one` or `key.other` by the language's plural rule (French: 0 and 1 are singular), `{count}` filled."""
    try:
        return tn(key, count, lang_of(locale), **params)
    except MissingMessageError as exc:
        raise MissingTextError(key, lang_of(locale)) from exc
