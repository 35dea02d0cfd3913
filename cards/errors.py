"""The exception tree of the card package.

    CardError
    ├── MissingTextError        a catalog key is missing for a locale
    └── InvalidActionError      an incoming card action value is malformed
        └── UnknownVerbError    ... or names a verb MIPA does not know
"""

from __future__ import annotations

__all__ = ["CardError", "InvalidActionError", "MissingTextError", "UnknownVerbError"]


class CardError(Exception):
    """Base class of every error raised by `cards`."""


class MissingTextError(CardError):
    """A user-visible string is missing from the message catalog of a locale."""

    def __init__(self, key: str, lang: str) -> None:
        super().__init__(f"missing catalog key {key!r} for {lang!r}")
        self.key = key
        self.lang = lang


class InvalidActionError(CardError):
    """An `Action.Execute` / `Action.Submit` value does not follow the data contract."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class UnknownVerbError(InvalidActionError):
    """The action names a verb that is not in the catalogue."""
