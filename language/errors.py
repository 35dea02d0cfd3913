"""Exceptions raised by the language package.

LanguageError
 ├── MessageError            a catalog problem
 │    ├── MissingMessageError     no such key in that locale
 │    └── MessageParameterError   a placeholder was not given
 └── ModelError              the intent model file is missing or malformed
"""

from __future__ import annotations

__all__ = ["LanguageError", "MessageError", "MessageParameterError", "MissingMessageError", "ModelError"]


class LanguageError(Exception):
    """Base class of every error raised by `language`."""


class MessageError(LanguageError):
    """A message catalog lookup failed."""


class MissingMessageError(MessageError, KeyError):
    """The key is not in the catalog of the requested locale."""

    def __init__(self, key: str, locale: str) -> None:
        super().__init__(f"message {key!r} missing for locale {locale!r}")
        self.key = key
        self.locale = locale

    def __str__(self) -> str:
        return str(self.args[0])


class MessageParameterError(MessageError):
    """A `{placeholder}` of the message was not given a value."""

    def __init__(self, key: str, locale: str, name: str) -> None:
        super().__init__(f"message {key!r} ({locale}) needs parameter {name!r}")
        self.key = key
        self.locale = locale
        self.name = name


class ModelError(LanguageError):
    """The intent model data could not be loaded."""
