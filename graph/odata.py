"""OData helpers: `$filter` built safely from user text, `$select` lists, and query strings with a literal `$`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from functools import lru_cache
from urllib.parse import quote

__all__ = [
    "and_",
    "any_eq",
    "contains",
    "eq",
    "ge",
    "le",
    "literal",
    "ne",
    "or_",
    "query_string",
    "search_phrase",
    "select",
    "startswith",
]

_PROPERTY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:/[A-Za-z_@][A-Za-z0-9_.@]*)*$")
# Characters kept as they are in a query value; everything else (space, +, #, &, =, %, ...) is
# percent-encoded. `$` stays literal in option names because To Do rejects `%24top`.
_SAFE_VALUE = "$'(),:/@!*"


def _prop(name: str) -> str:
    if not _PROPERTY.match(name):
        raise ValueError("not an OData property path")
    return name


def literal(value: str | bool | int | float | datetime | date | None) -> str:
    """An OData literal: strings quoted with inner quotes doubled, datetimes in UTC with Z."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime in a filter")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).replace("\x00", "")
    return "'" + text.replace("'", "''") + "'"


def _compare(op: str, prop: str, value: str | bool | int | float | datetime | date | None) -> str:
    return f"{_prop(prop)} {op} {literal(value)}"


def eq(prop: str, value: str | bool | int | float | datetime | date | None) -> str:
    return _compare("eq", prop, value)


def ne(prop: str, value: str | bool | int | float | datetime | date | None) -> str:
    return _compare("ne", prop, value)


def ge(prop: str, value: str | int | float | datetime | date) -> str:
    return _compare("ge", prop, value)


def le(prop: str, value: str | int | float | datetime | date) -> str:
    return _compare("le", prop, value)


def startswith(prop: str, text: str) -> str:
    return f"startswith({_prop(prop)},{literal(text)})"


def contains(prop: str, text: str) -> str:
    return f"contains({_prop(prop)},{literal(text)})"


def any_eq(collection: str, prop: str, value: str) -> str:
    """``collection/any(a:a/prop eq 'value')``, e.g. contacts by e-mail address."""
    return f"{_prop(collection)}/any(a:a/{_prop(prop)} eq {literal(value)})"


def and_(*clauses: str) -> str:
    return " and ".join(f"({c})" if " or " in c else c for c in clauses if c)


def or_(*clauses: str) -> str:
    parts = [c for c in clauses if c]
    return "(" + " or ".join(parts) + ")" if len(parts) > 1 else "".join(parts)


def select(fields: Iterable[str]) -> str:
    """A `$select` value from property names (validated)."""
    return ",".join(_prop(f) for f in fields)


def search_phrase(text: str) -> str:
    """A `$search` value for messages: one quoted KQL phrase, with quotes and backslashes removed."""
    cleaned = re.sub(r'["\\]', " ", text).strip()
    return '"' + " ".join(cleaned.split()) + '"'


def query_string(params: Mapping[str, str | int | bool | None]) -> str:
    """`?a=b&c=d` with names left literal (``$top``, never ``%24top``) and values percent-encoded."""
    parts = []
    for name, value in params.items():
        if value is None:
            continue
        if isinstance(value, bool):
            value = "true" if value else "false"
        parts.append(_pair(name, str(value)))
    return "?" + "&".join(parts) if parts else ""


@lru_cache(maxsize=1024)
def _pair(name: str, value: str) -> str:
    """`name=value`, percent-encoded: the same few pairs come back on every request (`$select`, `$top`, a day)."""
    return f"{quote(name, safe='$')}={quote(value, safe=_SAFE_VALUE)}"
