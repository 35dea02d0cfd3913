"""The OData subset the assistant uses: $filter parsing and evaluation, $orderby and $select."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from .timezones import parse_offset_datetime

__all__ = ["ODataError", "apply_orderby", "apply_select", "get_path", "parse_filter", "parse_orderby"]

Predicate = Callable[[Any], bool]
Getter = Callable[[Any], Any]

_TOKEN = re.compile(
    r"""\s*(?:
        (?P<str>'(?:[^']|'')*')
      | (?P<dt>\d{4}-\d{2}-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?)
      | (?P<guid>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})
      | (?P<num>-?\d+(?:\.\d+)?)
      | (?P<punct>[(),:])
      | (?P<name>[A-Za-z_@][A-Za-z0-9_./@]*)
    )""",
    re.VERBOSE,
)
_COMPARE = {"eq", "ne", "gt", "ge", "lt", "le"}
_FUNCTIONS = {"startswith", "endswith", "contains"}


class ODataError(ValueError):
    """A query option the sandbox (like Graph) cannot accept; `operator` names what was wrong."""

    def __init__(self, message: str, *, operator: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.operator = operator


def get_path(item: Any, path: str) -> Any:
    """The value at `a/b/c` in nested dicts (None when absent)."""
    return _get_parts(item, path.split("/"))


def _get_parts(item: Any, parts: list[str]) -> Any:
    value = item
    for part in parts:
        if not isinstance(value, dict):
            return None
        value = value.get(part)
    return value


class _Const:
    """A literal operand: the same value for every item (comparisons normalise it once)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __call__(self, item: Any) -> Any:
        return self.value


def _equality(op: str, left: Getter, constant: Any) -> Predicate:
    """`left eq constant` / `left ne constant` exactly as `_compare` decides it, the constant folded once."""
    folded = _norm(constant)
    equal = op == "eq"

    def predicate(item: Any) -> bool:
        value = left(item)
        if isinstance(value, datetime):
            return _compare(op, value, constant)
        if isinstance(value, str):
            value = value.casefold()
        return bool(value == folded) if equal else bool(value != folded)

    return predicate


def _tokens(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if not match or match.end() == pos:
            raise ODataError(f"Invalid filter clause: syntax error at position {pos}.")
        kind = match.lastgroup or ""
        out.append((kind, match.group(kind)))
        pos = match.end()
        while pos < len(text) and text[pos].isspace():
            pos += 1
    return out


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return value.casefold()
    return value


def _as_datetime(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, dict) and "dateTime" in value:
        value = value["dateTime"]
    if isinstance(value, str):
        try:
            return parse_offset_datetime(value[:26] if "." in value and not value.endswith("Z") else value)
        except ValueError:
            return None
    return None


def _compare(op: str, left: Any, right: Any) -> bool:
    if isinstance(left, datetime) or isinstance(right, datetime):
        left, right = _as_datetime(left), _as_datetime(right)
    else:
        left, right = _norm(left), _norm(right)
    if op == "eq":
        return bool(left == right)
    if op == "ne":
        return bool(left != right)
    if left is None or right is None:
        return False
    try:
        if op == "gt":
            return bool(left > right)
        if op == "ge":
            return bool(left >= right)
        if op == "lt":
            return bool(left < right)
        return bool(left <= right)
    except TypeError:
        return False


class _Parser:
    def __init__(self, text: str) -> None:
        self.tokens = _tokens(text)
        self.pos = 0
        self.operators: set[str] = set()

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self, value: str | None = None) -> tuple[str, str]:
        token = self.peek()
        if token is None or (value is not None and token[1].lower() != value):
            raise ODataError("Invalid filter clause: '%s' expected." % (value or "operand"))
        self.pos += 1
        return token

    def parse(self) -> Predicate:
        pred = self.or_expr()
        if self.peek() is not None:
            raise ODataError(f"Invalid filter clause: unexpected '{self.peek()[1]}'.")  # type: ignore[index]
        return pred

    def or_expr(self) -> Predicate:
        parts = [self.and_expr()]
        while (tok := self.peek()) is not None and tok[1].lower() == "or":
            self.take()
            self.operators.add("or")
            parts.append(self.and_expr())
        return parts[0] if len(parts) == 1 else (lambda item: any(p(item) for p in parts))

    def and_expr(self) -> Predicate:
        parts = [self.not_expr()]
        while (tok := self.peek()) is not None and tok[1].lower() == "and":
            self.take()
            parts.append(self.not_expr())
        return parts[0] if len(parts) == 1 else (lambda item: all(p(item) for p in parts))

    def not_expr(self) -> Predicate:
        tok = self.peek()
        if tok is not None and tok[0] == "name" and tok[1].lower() == "not":
            self.take()
            self.operators.add("not")
            inner = self.not_expr()
            return lambda item: not inner(item)
        return self.comparison()

    def comparison(self) -> Predicate:
        tok = self.peek()
        if tok is not None and tok[1] == "(":
            self.take("(")
            inner = self.or_expr()
            self.take(")")
            return inner
        left = self.operand()
        tok = self.peek()
        if tok is None or tok[1].lower() not in _COMPARE | {"in"}:
            return lambda item: bool(left(item))
        op = self.take()[1].lower()
        self.operators.add(op)
        if op == "in":
            self.take("(")
            values = [self.operand()]
            while (t := self.peek()) is not None and t[1] == ",":
                self.take(",")
                values.append(self.operand())
            self.take(")")
            return lambda item: any(_compare("eq", left(item), v(item)) for v in values)
        right = self.operand()
        if op in ("eq", "ne") and isinstance(right, _Const) and not isinstance(right.value, datetime):
            return _equality(op, left, right.value)
        return lambda item: _compare(op, left(item), right(item))

    def operand(self) -> Getter:
        kind, value = self.take()
        if kind == "str":
            return _Const(value[1:-1].replace("''", "'"))
        if kind == "dt":
            return _Const(parse_offset_datetime(value))
        if kind in ("num",):
            return _Const(float(value) if "." in value else int(value))
        if kind == "guid":
            return _Const(value)
        if kind != "name":
            raise ODataError(f"Invalid filter clause: unexpected '{value}'.")
        lowered = value.lower()
        if lowered in ("true", "false"):
            return _Const(lowered == "true")
        if lowered == "null":
            return _Const(None)
        nxt = self.peek()
        if nxt is not None and nxt[1] == "(":
            return self.call(value)
        parts = value.split("/")
        return lambda item: _get_parts(item, parts)

    def call(self, name: str) -> Getter:
        lowered = name.lower()
        self.take("(")
        if lowered.endswith("/any") or lowered.endswith("/all"):
            collection, _, func = name.rpartition("/")
            var = self.take()[1]
            self.take(":")
            inner = self.or_expr()
            self.take(")")
            self.operators.add(func.lower())
            prefix = var + "/"

            def lam(item: Any) -> bool:
                values = get_path(item, collection) or []
                checks = [inner(_Scoped(prefix, v)) for v in values]
                return any(checks) if func.lower() == "any" else all(checks)

            return lam
        if lowered not in _FUNCTIONS:
            raise ODataError(f"Invalid filter clause: unknown function '{name}'.", operator=name)
        self.operators.add(lowered)
        first = self.operand()
        self.take(",")
        second = self.operand()
        self.take(")")

        def func_value(item: Any) -> bool:
            a, b = first(item), second(item)
            if not isinstance(a, str) or not isinstance(b, str):
                return False
            a, b = a.casefold(), b.casefold()
            if lowered == "startswith":
                return a.startswith(b)
            if lowered == "endswith":
                return a.endswith(b)
            return b in a

        return func_value


class _Scoped(dict):  # type: ignore[type-arg]
    """Item view inside a lambda: `a/address` reads `address` of the element."""

    def __init__(self, prefix: str, element: Any) -> None:
        super().__init__()
        self.prefix = prefix
        self.element = element

    def get(self, key: Any, default: Any = None) -> Any:
        if key == self.prefix[:-1]:
            return self.element
        return default


def parse_filter(text: str) -> tuple[Predicate, set[str]]:
    """A predicate for `$filter` and the operators it used; ODataError when invalid."""
    if not text.strip():
        raise ODataError("Invalid filter clause: the filter is empty.")
    parser = _Parser(text)
    return parser.parse(), parser.operators


def parse_orderby(text: str) -> list[tuple[str, bool]]:
    """`a/b desc, c` as [(path, descending)]."""
    out: list[tuple[str, bool]] = []
    for part in text.split(","):
        words = part.split()
        if not words or len(words) > 2 or (len(words) == 2 and words[1].lower() not in ("asc", "desc")):
            raise ODataError("Invalid $orderby clause.")
        out.append((words[0], len(words) == 2 and words[1].lower() == "desc"))
    return out


def apply_orderby(items: list[dict[str, Any]], keys: list[tuple[str, bool]]) -> list[dict[str, Any]]:
    result = list(items)
    for path, desc in reversed(keys):

        def key(item: dict[str, Any], path: str = path) -> tuple[int, Any]:
            value = get_path(item, path)
            if isinstance(value, dict) and "dateTime" in value:
                value = value["dateTime"]
            if value is None:
                return (0, "")
            return (1, _norm(value))

        result.sort(key=key, reverse=desc)
    return result


def apply_select(item: dict[str, Any], fields: Iterable[str], always: Iterable[str] = ()) -> dict[str, Any]:
    wanted = list(always) + [f for f in fields if f not in always]
    return {k: item[k] for k in wanted if k in item}
