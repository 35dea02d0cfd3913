"""Mail: /me/messages with flag and isRead filters, $search, and PATCH of flag (reference §5.6)."""

from __future__ import annotations

import re
from typing import Any

from ..errors import GraphError
from ..odata import parse_orderby
from ..tenant.model import etag
from ..timezones import from_graph, to_graph, utc_stamp
from .core import (
    Ctx,
    GraphResponse,
    Router,
    list_response,
    ok,
    reject_unknown,
    require_content_type,
    select_entity,
)

__all__ = ["register"]

READ = ("Mail.ReadBasic", "Mail.Read", "Mail.ReadWrite")
WRITE = ("Mail.ReadWrite",)
_KEYWORDS = {"and", "or", "not", "eq", "ne", "gt", "ge", "lt", "le", "true", "false", "null", "startswith", "endswith", "contains", "any", "all", "in"}


def _filter_properties(text: str) -> list[str]:
    stripped = re.sub(r"'(?:[^']|'')*'", "''", text)
    names = re.findall(r"[A-Za-z_][A-Za-z0-9_/]*", stripped)
    out: list[str] = []
    for name in names:
        if name.lower() in _KEYWORDS or re.fullmatch(r"\d{4}", name):
            continue
        if name not in out:
            out.append(name)
    return out


def _search(messages: list[dict[str, Any]], raw: str) -> list[dict[str, Any]]:
    term = raw.strip().strip('"').strip()
    field, _, value = term.partition(":")
    if not value:
        field, value = "", term
    value = value.strip().strip('"').casefold()

    def hit(message: dict[str, Any]) -> bool:
        sender = message["from"]["emailAddress"]
        if field.lower() == "from":
            return value in sender["address"].casefold() or value in sender["name"].casefold()
        if field.lower() == "subject":
            return value in message["subject"].casefold()
        haystack = " ".join([message["subject"], message["bodyPreview"], sender["name"], sender["address"]]).casefold()
        return all(word in haystack for word in value.split())

    found = [m for m in messages if hit(m)]
    return sorted(found, key=lambda m: m["receivedDateTime"], reverse=True)[:1000]


async def list_messages(ctx: Ctx) -> GraphResponse:
    q = ctx.request.query
    messages = list(ctx.mailbox.messages.values())
    if "search" in q:
        if q.get("orderby"):
            raise GraphError(400, "BadRequest", "The query parameter '$orderby' is not supported with '$search'.")
        messages = _search(messages, q["search"])
    elif q.get("filter") and q.get("orderby"):
        ordered = [path for path, _desc in parse_orderby(q["orderby"])]
        props = _filter_properties(q["filter"])
        if props[: len(ordered)] != ordered:
            raise GraphError(400, "InefficientFilter", "The restriction or sort order is too complex for this operation.")
    else:
        messages.sort(key=lambda m: m["receivedDateTime"], reverse=True)
    return list_response(ctx, messages, context=f"users('{ctx.principal.oid}')/messages")


def _message(ctx: Ctx) -> dict[str, Any]:
    message = ctx.mailbox.messages.get(ctx.params["id"])
    if message is None:
        raise GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.")
    return message


async def get_message(ctx: Ctx) -> GraphResponse:
    return ok(select_entity(ctx, _message(ctx), f"users('{ctx.principal.oid}')/messages"))


async def update_message(ctx: Ctx) -> GraphResponse:
    message = _message(ctx)
    body = require_content_type(ctx)
    reject_unknown(body, {"flag", "isRead", "categories", "importance", "inferenceClassification", "subject", "body"}, "microsoft.graph.message")
    if ("subject" in body or "body" in body) and not message["isDraft"]:
        raise GraphError(400, "ErrorInvalidPropertyUpdateSentMessage", "Update operation is not allowed on a sent message property.")
    for key, value in body.items():
        if key != "flag":
            message[key] = value
            continue
        if not isinstance(value, dict) or value.get("flagStatus", message["flag"]["flagStatus"]) not in ("notFlagged", "flagged", "complete"):
            raise GraphError(400, "ErrorInvalidArgument", "The flag is invalid.")
        if value.get("dueDateTime") and not value.get("startDateTime"):
            raise GraphError(400, "ErrorInvalidArgument", "The StartDate property must be set when the DueDate property is set.")
        flag: dict[str, Any] = {"flagStatus": value.get("flagStatus", message["flag"]["flagStatus"])}
        for date_key in ("startDateTime", "dueDateTime"):
            if value.get(date_key):
                try:
                    flag[date_key] = to_graph(from_graph(value[date_key]), str(value[date_key].get("timeZone") or "UTC"))
                except ValueError as exc:
                    raise GraphError(400, "ErrorInvalidArgument", f"The {date_key} is invalid.") from exc
        if flag["flagStatus"] == "complete":
            flag["completedDateTime"] = to_graph(ctx.state.clock.now(), "UTC")
        message["flag"] = flag
    key, message["@odata.etag"] = etag(ctx.state.tenant.rng)
    message["changeKey"] = key
    message["lastModifiedDateTime"] = utc_stamp(ctx.state.clock.now())
    return ok(select_entity(ctx, message, f"users('{ctx.principal.oid}')/messages"))


def register(router: Router) -> None:
    for prefix in ("/me/messages", "/me/mailFolders/inbox/messages"):
        router.add("GET", prefix, list_messages, scopes=READ, workload="outlook")
    router.add("GET", "/me/messages/{id}", get_message, scopes=READ, workload="outlook")
    router.add("PATCH", "/me/messages/{id}", update_message, scopes=WRITE, workload="outlook")
