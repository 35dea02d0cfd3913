"""Per-locale message catalogs: every user-visible string, looked up by dotted key with `t` and `tn`."""

from __future__ import annotations

import json
import logging
import string
from collections.abc import Callable
from functools import cache
from pathlib import Path

from babel import Locale

from ..errors import MessageError, MessageParameterError, MissingMessageError
from ..grammar import elide_template
from ..text import normalize_locale

__all__ = ["LOCALES", "catalog", "placeholders", "t", "tn"]

logger = logging.getLogger(__name__)

LOCALES: tuple[str, ...] = ("en", "fr")
_ROOT = Path(__file__).resolve().parent
_FORMATTER = string.Formatter()


@cache
def catalog(locale: str) -> dict[str, str]:
    """All messages of one locale ("en" or "fr"), merged from every `messages/<locale>/*.json` file.

    A key defined in two files of the same locale is an error.
    """
    lang = normalize_locale(locale)
    merged: dict[str, str] = {}
    origin: dict[str, str] = {}
    for path in sorted((_ROOT / lang).glob("*.json")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise MessageError(f"cannot read catalog {path.name} ({lang}): {exc}") from exc
        if not isinstance(data, dict):
            raise MessageError(f"catalog {path.name} ({lang}) is not a JSON object")
        for key, value in data.items():
            if not isinstance(value, str):
                raise MessageError(f"message {key!r} in {path.name} ({lang}) is not a string")
            if key in merged:
                raise MessageError(f"message {key!r} defined in {origin[key]} and {path.name} ({lang})")
            merged[key] = value
            origin[key] = path.name
    logger.debug("loaded %d messages for %s", len(merged), lang)
    return merged


def placeholders(template: str) -> frozenset[str]:
    """The `{name}` placeholders of a message template."""
    names = set()
    for _, name, _, _ in _FORMATTER.parse(template):
        if name is not None:
            names.add(name.split(".")[0].split("[")[0])
    return frozenset(n for n in names if n)


def t(key: str, locale: str, /, **params: object) -> str:
    """The message `key` in `locale`, with `{placeholders}` filled from `params`.

    Raises `MissingMessageError` when the key is absent and `MessageParameterError` when a
    placeholder has no value. Extra parameters are ignored.
    """
    lang = normalize_locale(locale)
    try:
        template = catalog(lang)[key]
    except KeyError as exc:
        raise MissingMessageError(key, lang) from exc
    if lang == "fr":
        template = elide_template(template, params)
    try:
        return template.format(**params)
    except KeyError as exc:
        raise MessageParameterError(key, lang, str(exc.args[0])) from exc
    except (IndexError, ValueError) as exc:
        raise MessageError(f"message {key!r} ({lang}) cannot be formatted: {exc}") from exc


def tn(key: str, count: int, locale: str, /, **params: object) -> str:
    """A message that depends on a number: looks up `key.one`, `key.other` (or `key.zero` for 0 if present).

    The plural category comes from Babel's CLDR rules (French: 0 and 1 are "one"; English: only 1).
    `count` is passed to the template as `{count}`.
    """
    lang = normalize_locale(locale)
    messages = catalog(lang)
    if count == 0 and f"{key}.zero" in messages:
        form = "zero"
    else:
        form = _plural_form(lang)(abs(count))
        if f"{key}.{form}" not in messages:
            form = "other"
    return t(f"{key}.{form}", lang, count=count, **params)


@cache
def _plural_form(lang: str) -> Callable[[float], str]:
    """Babel's CLDR plural rule of a language, parsed once (`Locale.parse` on every `tn` call was most of its time)."""
    return Locale.parse(lang).plural_form
