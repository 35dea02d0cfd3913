"""T2: each activity a turn sends copies the turn's three accounts through `copy.copy`'s generic protocol.

`TurnContext.send_activities` (botbuilder-core 4.17.1) builds the conversation reference of every activity it sends
with `copy(activity.from_property)`, `copy(activity.recipient)` and `copy(activity.conversation)`. msrest models have
no `__copy__`, so each copy goes through `__reduce_ex__`, copyreg and `copy._reconstruct`: ~3 µs an account, three a
sent activity (issue 25).

`install()` (called by `bots.sdkfix`) gives `ChannelAccount` and `ConversationAccount` (and so their subclasses,
such as `TeamsChannelAccount`) a `__copy__` that does what that protocol does for them: a new instance of the same
class, without `__init__`, whose `__dict__` is a shallow copy of the original's (~1 µs).
"""

from __future__ import annotations

from typing import Any, TypeVar

from botbuilder.schema import ChannelAccount, ConversationAccount

__all__ = ["ACCOUNT_CLASSES", "SDK_COPIES", "install", "installed", "shallow_copy"]

#: The classes whose copies `install()` makes direct.
ACCOUNT_CLASSES: tuple[type, ...] = (ChannelAccount, ConversationAccount)
#: Their own `__copy__` before `install()` (None in botbuilder-schema 4.17.1), for tests/bots/test_sdk_defects.py.
SDK_COPIES: dict[type, Any] = {cls: vars(cls).get("__copy__") for cls in ACCOUNT_CLASSES}

T = TypeVar("T")


def shallow_copy(self: T) -> T:
    """`copy.copy(self)` for an object whose state is its `__dict__`: same class, the same attribute values."""
    kind = type(self)
    copied: Any = kind.__new__(kind)
    copied.__dict__.update(self.__dict__)
    return copied  # type: ignore[no-any-return]


def installed() -> bool:
    """Whether `install()` has given the account classes their `__copy__` in this process."""
    return all(vars(cls).get("__copy__") is shallow_copy for cls in ACCOUNT_CLASSES)


def install() -> None:
    """`__copy__` on the account classes (idempotent)."""
    for cls in ACCOUNT_CLASSES:
        cls.__copy__ = shallow_copy  # type: ignore[attr-defined]
