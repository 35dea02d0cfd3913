"""jsonpickle (de)serialisation of bot state that refuses to build types outside an allowlist.

botbuilder keeps Python objects in dialog state (`DialogState`, `DialogInstance`, `PromptOptions`
holding an `Activity`, `datetime`, `CallerInfo`, enums) and botbuilder-azure stores them with
jsonpickle. jsonpickle's decoder imports and builds whatever a payload names, so a payload written
by anyone with access to the store could run code. `StateSerializer.loads` walks the JSON first and
only hands it to jsonpickle when every type it names is allowed:

- `py/object`, `py/type`: the module must be `botbuilder`, `botframework` (or below), an extra
  module given by the application, or one of a few standard types (datetime, collections);
- `py/reduce` (which *calls* its first element): only standard value types and enums;
- `py/function`, `py/mod`, `py/repr`, `py/property`, `py/newargs*`, `py/initargs`: always refused.
"""

from __future__ import annotations

import enum
import importlib
import json
import logging
import re
from collections.abc import Iterable
from typing import Any

from jsonpickle.pickler import Pickler
from jsonpickle.unpickler import Unpickler

from .errors import StorageError, UnsafePayload

__all__ = ["DEFAULT_ALLOWED_MODULES", "StateSerializer", "e_tag_of", "set_e_tag"]

logger = logging.getLogger(__name__)

DEFAULT_ALLOWED_MODULES: tuple[str, ...] = ("botbuilder", "botframework")

# Standard types that may be named anywhere, and called by py/reduce.
_STANDARD_TYPES = frozenset(
    {
        "datetime.datetime",
        "datetime.date",
        "datetime.time",
        "datetime.timedelta",
        "datetime.timezone",
        "collections.OrderedDict",
        "collections.deque",
        "decimal.Decimal",
        "uuid.UUID",
    }
)
_NAMED_TAGS = ("py/object", "py/type")
_REFUSED_TAGS = ("py/function", "py/mod", "py/repr", "py/property", "py/newargs", "py/newargsex", "py/initargs")
_MAX_DEPTH = 200
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


def e_tag_of(item: object) -> str | None:
    """The eTag a caller attached to an item (dict key or attribute), as botbuilder's stores read it."""
    if isinstance(item, dict):
        value = item.get("e_tag")
    else:
        value = getattr(item, "e_tag", None)
    return None if value is None else str(value)


def set_e_tag(item: object, e_tag: str) -> None:
    """Record a new eTag on the caller's item so a second save in the same turn does not conflict."""
    if isinstance(item, dict):
        item["e_tag"] = e_tag
    elif hasattr(item, "__dict__"):
        try:
            item.e_tag = e_tag  # type: ignore[attr-defined]
        except AttributeError:  # frozen or slotted objects keep their own value
            pass


class StateSerializer:
    """Encode store items to JSON text and decode them back, building only allowlisted types."""

    def __init__(self, *, allowed_modules: Iterable[str] = ()) -> None:
        self._modules = tuple(DEFAULT_ALLOWED_MODULES) + tuple(m.strip(".") for m in allowed_modules if m)
        self._class_cache: dict[str, type | None] = {}

    def dumps(self, item: object) -> str:
        """JSON text for `item`, without its `e_tag` (the store keeps eTags next to the value)."""
        try:
            flat = Pickler(unpicklable=True, keys=False, warn=False).flatten(item, reset=True)
        except Exception as exc:  # jsonpickle raises whatever the object raises
            raise StorageError(f"cannot serialise a {type(item).__name__}") from exc
        if isinstance(flat, dict):
            flat.pop("e_tag", None)
        return json.dumps(flat, separators=(",", ":"), ensure_ascii=False)

    def loads(self, text: str | bytes, *, e_tag: str | None = None) -> Any:
        """Decode `text`; set `e_tag` on the top-level item; `UnsafePayload` if a type is not allowed."""
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError) as exc:
            logger.warning("stored value is not JSON; refusing it")
            raise UnsafePayload("stored value is not valid JSON") from exc
        return self.restore(data, e_tag=e_tag)

    def restore(self, data: Any, *, e_tag: str | None = None) -> Any:
        """Build objects from already-parsed JSON `data` (as Cosmos DB returns it), after the checks."""
        self._check(data, depth=0)
        if e_tag is not None and isinstance(data, dict):
            data["e_tag"] = e_tag
        try:
            return Unpickler(keys=False, safe=True, on_missing="error").restore(data, reset=True)
        except Exception as exc:  # anything jsonpickle or a constructor raises
            logger.warning("stored value could not be decoded (%s)", type(exc).__name__)
            raise StorageError("stored value could not be decoded") from exc

    # -- allowlist -------------------------------------------------------------------------------

    def is_allowed(self, name: object) -> bool:
        """Whether a `py/object`/`py/type` name may be imported and built.

        Besides the module prefix, the name must be the class's canonical `module.qualname`, so an
        attribute chain through an allowed module (`botbuilder.x.os.system`) cannot reach elsewhere.
        """
        if not isinstance(name, str) or not name:
            return False
        if name in _STANDARD_TYPES:
            return True
        if not any(name.startswith(module + ".") for module in self._modules):
            return False
        return self._resolve(name) is not None

    def _callable_allowed(self, name: object) -> bool:
        """Whether py/reduce may call `name`: standard value types and allowlisted enums only."""
        if not isinstance(name, str):
            return False
        if name in _STANDARD_TYPES:
            return True
        cls = self._resolve(name) if self.is_allowed(name) else None
        return cls is not None and issubclass(cls, enum.Enum)

    def _resolve(self, name: str) -> type | None:
        """The class `name` canonically denotes, or None; only called for allowlisted prefixes."""
        if name not in self._class_cache:
            found: type | None = None
            parts = name.split(".")
            for cut in range(len(parts) - 1, 0, -1):
                try:
                    obj: object = importlib.import_module(".".join(parts[:cut]))
                except ImportError:
                    continue
                for attr in parts[cut:]:
                    obj = getattr(obj, attr, None)
                if isinstance(obj, type) and f"{obj.__module__}.{obj.__qualname__}" == name:
                    found = obj
                break
            self._class_cache[name] = found
        return self._class_cache[name]

    def _reject(self, reason: str, name: object = None) -> UnsafePayload:
        # Only a dotted identifier is shown (a type name); anything else could carry data.
        shown = name[:120] if isinstance(name, str) and _IDENTIFIER.fullmatch(name) else "<value>"
        if name is None:
            logger.warning("refused a stored value: %s", reason)
            return UnsafePayload(f"stored value refused: {reason} is not allowed")
        logger.warning("refused a stored value: %s %r", reason, shown)
        return UnsafePayload(f"stored value refused: {reason} {shown!r} is not allowed")

    def _check(self, node: object, *, depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise self._reject(f"nesting deeper than {_MAX_DEPTH}")
        if isinstance(node, list):
            for child in node:
                self._check(child, depth=depth + 1)
            return
        if not isinstance(node, dict):
            return
        for tag in _REFUSED_TAGS:
            if tag in node:
                raise self._reject(f"tag {tag}")
        for tag in _NAMED_TAGS:
            if tag in node and not self.is_allowed(node[tag]):
                raise self._reject(f"type in {tag}", node[tag])
        if "py/reduce" in node:
            self._check_reduce(node["py/reduce"])
        if "__reduce__" in node:  # jsonpickle's handler form for datetime: [{"py/type": ...}, [args]]
            self._check_reduce(node["__reduce__"])
        for child in node.values():
            self._check(child, depth=depth + 1)

    def _check_reduce(self, value: object) -> None:
        if not isinstance(value, list) or not value:
            raise self._reject("malformed py/reduce")
        func = value[0]
        if func == "py/newobj":  # cls.__new__ only; args[0] is checked as a py/type by the walk
            return
        if not (isinstance(func, dict) and set(func) == {"py/type"} and self._callable_allowed(func["py/type"])):
            name = func.get("py/type", func.get("py/function", "")) if isinstance(func, dict) else func
            raise self._reject("callable in py/reduce", name)
