"""Graph request and response values, routing, and the list helpers ($select, paging, Prefer)."""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NoReturn
from urllib.parse import parse_qsl, quote, unquote

from ..errors import GraphError
from ..odata import ODataError, apply_orderby, apply_select, parse_filter, parse_orderby
from ..timezones import zone

if TYPE_CHECKING:
    from ..state import SandboxState
    from ..tenant.model import Mailbox
    from ..tokens import Principal

JSON_CONTENT_TYPE = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8"
CONTEXT_BASE = "https://graph.microsoft.com/v1.0/$metadata#"

#: Workload → (403 code, 403 message).
FORBIDDEN: dict[str, tuple[str, str]] = {
    "outlook": ("ErrorAccessDenied", "Access is denied. Check credentials and try again."),
    "directory": ("Authorization_RequestDenied", "Insufficient privileges to complete the operation."),
    "planner": ("", "You do not have the required permissions to access this item."),
    "files": ("accessDenied", "Access denied"),
}


@dataclass(slots=True)
class GraphRequest:
    """One Graph call, from HTTP or from inside a `$batch`."""

    method: str
    path: str
    raw_query: str
    headers: dict[str, str]
    body: bytes
    base_url: str
    in_batch: bool = False
    query: dict[str, str] = field(default_factory=dict)
    #: The `Prefer` header's preferences (lower-cased names, first one wins), parsed on first use.
    preferences: dict[str, str] | None = None

    def __post_init__(self) -> None:
        if not self.query:
            for name, value in parse_qsl(self.raw_query, keep_blank_values=True):
                self.query.setdefault(name.lower().lstrip("$"), value)

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())

    def json(self) -> dict[str, Any]:
        if not self.body:
            raise GraphError(
                400,
                "BadRequest",
                "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
            )
        try:
            data = json.loads(self.body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise GraphError(
                400,
                "BadRequest",
                "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
            ) from exc
        if not isinstance(data, dict):
            raise GraphError(400, "BadRequest", "The request payload must be a JSON object.")
        return data


@dataclass(slots=True)
class GraphResponse:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Ctx:
    """What a handler gets: the request, the caller, the state and route parameters."""

    request: GraphRequest
    principal: Principal
    state: SandboxState
    params: dict[str, str]

    @property
    def mailbox(self) -> Mailbox:
        return self.state.tenant.mailbox(self.principal.oid)

    def prefer(self, name: str) -> str | None:
        preferences = self.request.preferences
        if preferences is None:
            preferences = self.request.preferences = {}
            for part in (self.request.header("prefer") or "").split(","):
                key, _, value = part.strip().partition("=")
                preferences.setdefault(key.strip().lower(), value.strip().strip('"'))
        return preferences.get(name.lower())

    def output_zone(self) -> str:
        """The Prefer outlook.timezone zone (validated), else UTC."""
        name = self.prefer("outlook.timezone")
        if name is None:
            return "UTC"
        zone(name)
        return name


Handler = Callable[[Ctx], Awaitable[GraphResponse]]


@dataclass(frozen=True, slots=True)
class Route:
    method: str
    pattern: re.Pattern[str]
    handler: Handler
    scopes: frozenset[str]
    workload: str


#: Distinct (method, path) matches a router remembers before it starts over.
MATCH_CACHE_SIZE = 4096


class Router:
    """(method, path pattern) → handler, with the scopes that allow it and the workload it belongs to."""

    def __init__(self) -> None:
        self.routes: list[Route] = []
        #: (method, path) → (route, raw parameters), or None for no route: the routes are fixed once served.
        self._matches: dict[tuple[str, str], tuple[Route, dict[str, str]] | None] = {}

    def add(self, method: str, path: str, handler: Handler, *, scopes: tuple[str, ...], workload: str) -> None:
        regex = "^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(path)) + "$"
        self.routes.append(Route(method, re.compile(regex, re.IGNORECASE), handler, frozenset(scopes), workload))
        self._matches.clear()

    def match(self, method: str, path: str) -> tuple[Route, dict[str, str]]:
        key = (method, path)
        try:
            found = self._matches[key]
        except KeyError:
            found = self._find(method, path)
            if len(self._matches) >= MATCH_CACHE_SIZE:
                self._matches.clear()
            self._matches[key] = found
        if found is None:
            self._refuse(method, path)
        route, params = found
        return route, dict(params)

    def _find(self, method: str, path: str) -> tuple[Route, dict[str, str]] | None:
        for route in self.routes:
            found = route.pattern.match(path)
            if found is not None and route.method == method:
                return route, {k: unquote(v) for k, v in found.groupdict().items()}
        return None

    def _refuse(self, method: str, path: str) -> NoReturn:
        if any(route.pattern.match(path) for route in self.routes):
            raise GraphError(405, "Request_BadRequest", "Specified HTTP method is not allowed for the request target.")
        segment = path.rstrip("/").rsplit("/", 1)[-1] or path
        raise GraphError(400, "BadRequest", f"Resource not found for the segment '{segment}'.")


def ok(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> GraphResponse:
    return GraphResponse(status, body, dict(headers or {}))


def no_content(status: int = 204) -> GraphResponse:
    return GraphResponse(status, None, {})


def odata_error(workload: str, exc: ODataError) -> GraphError:
    if workload == "directory":
        return GraphError(400, "Request_UnsupportedQuery", exc.message)
    if workload == "outlook":
        return GraphError(400, "ErrorInvalidUrlQueryFilter", exc.message if "filter" in exc.message else exc.message)
    return GraphError(400, "BadRequest", exc.message)


def list_response(
    ctx: Ctx,
    items: list[dict[str, Any]],
    *,
    context: str,
    workload: str = "outlook",
    page_size: int = 10,
    max_top: int = 1000,
    always: tuple[str, ...] = ("@odata.etag", "id"),
    filterable: bool = True,
    default_order: bool = True,
) -> GraphResponse:
    """Apply $filter, $orderby, $count, $top/$skip paging and $select the Outlook way."""
    q = ctx.request.query
    try:
        if filterable and q.get("filter"):
            predicate, _ops = parse_filter(q["filter"])
            items = [item for item in items if predicate(item)]
        if q.get("orderby"):
            items = apply_orderby(items, parse_orderby(q["orderby"]))
    except ODataError as exc:
        raise odata_error(workload, exc) from exc
    top = page_size
    if "top" in q:
        try:
            top = int(q["top"])
        except ValueError as exc:
            raise GraphError(400, "BadRequest", f"Invalid value '{q['top']}' for $top query option.") from exc
        if top < 1 or top > max_top:
            raise GraphError(400, "BadRequest", f"Invalid page size specified: '{top}'. Must be between 1 and {max_top} inclusive.")
    try:
        skip = int(q.get("skip", "0") or 0)
    except ValueError as exc:
        raise GraphError(400, "BadRequest", "Invalid value for $skip query option.") from exc
    page = items[skip : skip + top]
    selected = [s.strip() for s in q.get("select", "").split(",") if s.strip()]
    if selected:
        known = set().union(*(item.keys() for item in items)) if items else set(selected)
        unknown = [s for s in selected if s not in known]
        if unknown:
            raise GraphError(400, "RequestBroker--ParseUri", f"Could not find a property named '{unknown[0]}' on type 'microsoft.graph.entity'.")
        page = [apply_select(item, selected, always) for item in page]
        context = f"{context}({','.join(selected)})"
    body: dict[str, Any] = {"@odata.context": CONTEXT_BASE + context}
    if q.get("count", "").lower() == "true":
        body["@odata.count"] = len(items)
    body["value"] = page
    if skip + top < len(items):
        body["@odata.nextLink"] = next_link(ctx.request, {"skip": str(skip + top)}, top_default=None)
    return ok(body)


def next_link(request: GraphRequest, replace: dict[str, str], *, top_default: int | None) -> str:
    """The absolute nextLink: every original option kept (names as sent), `replace` values set with `$`."""
    pairs = [(k, v) for k, v in parse_qsl(request.raw_query, keep_blank_values=True) if k.lower().lstrip("$") not in replace]
    pairs += [("$" + k, v) for k, v in replace.items()]
    query = "&".join(f"{quote(k, safe='$')}={quote(v, safe=chr(39) + '$,:()/@ ').replace(' ', '%20')}" for k, v in pairs)
    return f"{request.base_url}{request.path}?{query}"


def select_entity(ctx: Ctx, entity: dict[str, Any], context: str, always: tuple[str, ...] = ("@odata.etag", "id")) -> dict[str, Any]:
    selected = [s.strip() for s in ctx.request.query.get("select", "").split(",") if s.strip()]
    body: dict[str, Any]
    if selected:
        unknown = [s for s in selected if s not in entity]
        if unknown:
            raise GraphError(400, "RequestBroker--ParseUri", f"Could not find a property named '{unknown[0]}' on type 'microsoft.graph.entity'.")
        body = {"@odata.context": f"{CONTEXT_BASE}{context}({','.join(selected)})/$entity"}
        body.update(apply_select(entity, selected, always))
    else:
        body = {"@odata.context": f"{CONTEXT_BASE}{context}/$entity"}
        body.update(entity)
    return body


def require_content_type(ctx: Ctx) -> dict[str, Any]:
    if not ctx.request.header("content-type"):
        raise GraphError(
            415,
            "RequestBodyRead",
            "A missing or empty content type header was found when trying to read a message. The content type header is required.",
        )
    return ctx.request.json()


def reject_unknown(body: dict[str, Any], allowed: set[str], type_name: str) -> None:
    for key in body:
        if key not in allowed and not key.startswith("@odata"):
            raise GraphError(
                400,
                "RequestBodyRead",
                f"The property '{key}' does not exist on type '{type_name}'. Make sure to only use property names "
                "that are defined by the type or mark the type as open type.",
            )
