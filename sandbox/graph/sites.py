"""SharePoint: site search, /sites/{id}, its lists, columns and list items with expand=fields (reference §5.8)."""

from __future__ import annotations

import base64
import re
from typing import Any

from ..errors import GraphError
from ..odata import ODataError, apply_orderby, parse_filter, parse_orderby
from ..tenant.sites_seed import COLUMNS, STATUS_CHOICES, list_item
from ..timezones import parse_offset_datetime, utc_stamp
from .core import CONTEXT_BASE, Ctx, GraphResponse, Router, next_link, no_content, ok

__all__ = ["register"]

READ = ("Sites.Read.All", "Sites.ReadWrite.All")
WRITE = ("Sites.ReadWrite.All",)


def _public(item: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in item.items() if not k.startswith("_")}


def _site(ctx: Ctx) -> dict[str, Any]:
    key = ctx.params["site"]
    sites = ctx.state.tenant.sites
    if key == "root":
        return next(iter(sites.values()))
    site = sites.get(key) or next((s for s in sites.values() if key.endswith(":/sites/" + s["name"].lower() + ":")), None)
    if site is None:
        raise GraphError(404, "itemNotFound", "Requested site could not be found")
    return site


def _list(ctx: Ctx) -> dict[str, Any]:
    site = _site(ctx)
    key = ctx.params["list"]
    for found in ctx.state.tenant.lists.values():
        if found["_siteId"] == site["id"] and key.lower() in (found["id"].lower(), found["displayName"].lower()):
            return found
    raise GraphError(404, "itemNotFound", "The specified list was not found")


async def get_site(ctx: Ctx) -> GraphResponse:
    return ok({"@odata.context": CONTEXT_BASE + "sites/$entity", **_site(ctx)})


def _matches(site: dict[str, Any], words: list[str]) -> bool:
    """Every word starts a word of the site's name, description or address (`*` alone matches all)."""
    text = " ".join(str(site.get(k) or "") for k in ("name", "displayName", "description", "webUrl"))
    tokens = [t for t in re.split(r"[^\w]+", text.casefold()) if t]
    return all(any(t.startswith(w) for t in tokens) for w in words)


async def search_sites(ctx: Ctx) -> GraphResponse:
    """GET /sites?search=words: the sites matching every word; `*` or empty: all; no `search`: none."""
    q = ctx.request.query
    sites = list(ctx.state.tenant.sites.values())
    if "search" not in q:
        found: list[dict[str, Any]] = []
    else:
        words = [w for w in re.split(r"[^\w]+", q["search"].casefold()) if w]
        found = [s for s in sites if _matches(s, words)]
    found.sort(key=lambda s: s["createdDateTime"])
    value = [{k: v for k, v in s.items() if k not in ("root", "siteCollection")} for s in found]
    return ok({"@odata.context": CONTEXT_BASE + "sites", "value": value})


async def get_lists(ctx: Ctx) -> GraphResponse:
    site = _site(ctx)
    lists = [_public(x) for x in ctx.state.tenant.lists.values() if x["_siteId"] == site["id"]]
    return ok({"@odata.context": CONTEXT_BASE + f"sites('{site['id']}')/lists", "value": lists})


async def get_list(ctx: Ctx) -> GraphResponse:
    return ok({"@odata.context": CONTEXT_BASE + "lists/$entity", **_public(_list(ctx))})


def _column_json(name: str, kind: str, required: bool, indexed: bool) -> dict[str, Any]:
    column: dict[str, Any] = {"columnGroup": "Custom Columns", "description": "", "displayName": name, "enforceUniqueValues": False, "hidden": False, "id": base64.b16encode(name.encode()).decode().lower()[:32].ljust(32, "0"), "indexed": indexed, "name": name, "readOnly": False, "required": required}
    column[kind] = {"choices": STATUS_CHOICES, "displayAs": "dropDownMenu"} if kind == "choice" else {}
    return column


async def get_columns(ctx: Ctx) -> GraphResponse:
    _list(ctx)
    columns = [_column_json(name, kind, required, indexed) for name, (kind, required, indexed) in COLUMNS.items()]
    return ok({"@odata.context": CONTEXT_BASE + "columns", "value": columns})


def _expand(ctx: Ctx) -> tuple[bool, list[str]]:
    raw = ctx.request.query.get("expand", "")
    if not raw:
        return False, []
    match = re.fullmatch(r"fields(?:\((?:\$?select=([^)]*))\))?", raw.strip())
    if match is None:
        raise GraphError(400, "invalidRequest", f'The expression "{raw}" is not valid.')
    return True, [c.strip() for c in (match.group(1) or "").split(",") if c.strip()]


async def get_items(ctx: Ctx) -> GraphResponse:
    the_list = _list(ctx)
    q = ctx.request.query
    items = list(ctx.state.tenant.list_items[the_list["id"]].values())
    honour = "honornonindexedqquerieswarningmayfailrandomly" in (ctx.request.header("prefer") or "").lower().replace("-", "") or "honornonindexedquerieswarningmayfailrandomly" in (ctx.request.header("prefer") or "").lower()
    try:
        for option in ("filter", "orderby"):
            text = q.get(option, "")
            for column in re.findall(r"fields/(\w+)", text):
                if column in COLUMNS and not COLUMNS[column][2] and not honour:
                    raise GraphError(400, "invalidRequest", f"Field '{column}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.")
        if q.get("filter"):
            predicate, _ops = parse_filter(q["filter"])
            items = [i for i in items if predicate(i)]
        if q.get("orderby"):
            items = apply_orderby(items, parse_orderby(q["orderby"]))
    except ODataError as exc:
        raise GraphError(400, "invalidRequest", exc.message) from exc
    top = 200
    if "top" in q:
        try:
            top = max(1, min(int(q["top"]), 5000))
        except ValueError as exc:
            raise GraphError(400, "invalidRequest", "Invalid $top value.") from exc
    offset = 0
    if q.get("skiptoken"):
        try:
            decoded = base64.b64decode(q["skiptoken"] + "=" * (-len(q["skiptoken"]) % 4)).decode()
            offset = int(re.fullmatch(r"Paged=TRUE&p_ID=(\d+)", decoded).group(1))  # type: ignore[union-attr]
        except (ValueError, AttributeError, UnicodeDecodeError) as exc:
            raise GraphError(400, "invalidRequest", "Invalid skip token.") from exc
    expand, columns = _expand(ctx)
    page = []
    for item in items[offset : offset + top]:
        out = _public(item)
        if not expand:
            out.pop("fields")
            out["fields@odata.navigationLink"] = f"sites/{the_list['_siteId']}/lists/{the_list['id']}/items/{item['id']}/fields"
        elif columns:
            out["fields"] = {"@odata.etag": item["fields"]["@odata.etag"], **{c: item["fields"].get(c) for c in columns if c in item["fields"]}}
        page.append(out)
    body: dict[str, Any] = {"@odata.context": CONTEXT_BASE + f"sites('{the_list['_siteId']}')/lists('{the_list['id']}')/items", "value": page}
    if offset + top < len(items):
        token = base64.b64encode(f"Paged=TRUE&p_ID={offset + top}".encode()).decode().rstrip("=")
        body["@odata.nextLink"] = next_link(ctx.request, {"skiptoken": token}, top_default=None)
    return ok(body)


def _typed(name: str, value: Any) -> Any:
    kind = COLUMNS[name][0]
    if value is None:
        return None
    if kind == "number" and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise GraphError(400, "invalidRequest", f"Invalid value for field '{name}': a number is expected.")
    if kind == "boolean" and not isinstance(value, bool):
        raise GraphError(400, "invalidRequest", f"Invalid value for field '{name}': a boolean is expected.")
    if kind == "choice" and value not in STATUS_CHOICES:
        raise GraphError(400, "invalidRequest", f"Invalid choice for field '{name}'.")
    if kind == "dateTime":
        try:
            return utc_stamp(parse_offset_datetime(str(value))).replace(".0000000Z", "Z")
        except ValueError as exc:
            raise GraphError(400, "invalidRequest", f"Invalid date for field '{name}'.") from exc
    if kind == "text" and not isinstance(value, str):
        raise GraphError(400, "invalidRequest", f"Invalid value for field '{name}': text is expected.")
    return value


async def create_item(ctx: Ctx) -> GraphResponse:
    the_list = _list(ctx)
    if not ctx.request.header("content-type"):
        raise GraphError(415, "invalidRequest", "A missing or empty content type header was found when trying to read a message.")
    body = ctx.request.json()
    fields = body.get("fields")
    if not isinstance(fields, dict):
        raise GraphError(400, "invalidRequest", "Invalid request: fields are required.")
    for name in fields:
        if name not in COLUMNS:
            raise GraphError(400, "invalidRequest", f"Field '{name}' is not recognized")
    for name, (_kind, required, _indexed) in COLUMNS.items():
        if required and fields.get(name) in (None, ""):
            raise GraphError(400, "invalidRequest", f"Field '{name}' is required.")
    typed = {name: _typed(name, value) for name, value in fields.items()}
    items = ctx.state.tenant.list_items[the_list["id"]]
    item_id = str(max((int(i) for i in items), default=0) + 1)
    item = list_item(ctx.state.tenant, the_list["id"], item_id, typed, ctx.principal.oid, utc_stamp(ctx.state.clock.now()).replace(".0000000Z", "Z"))
    items[item_id] = item
    return ok({"@odata.context": CONTEXT_BASE + f"sites('{the_list['_siteId']}')/lists('{the_list['id']}')/items/$entity", **_public(item)}, 201)


def _item(ctx: Ctx) -> tuple[dict[str, Any], dict[str, Any]]:
    the_list = _list(ctx)
    item = ctx.state.tenant.list_items[the_list["id"]].get(ctx.params["item"])
    if item is None:
        raise GraphError(404, "itemNotFound", "The resource could not be found.")
    return the_list, item


async def get_item(ctx: Ctx) -> GraphResponse:
    the_list, item = _item(ctx)
    out = _public(item)
    expand, columns = _expand(ctx)
    if not expand:
        out.pop("fields")
    elif columns:
        out["fields"] = {"@odata.etag": item["fields"]["@odata.etag"], **{c: item["fields"].get(c) for c in columns if c in item["fields"]}}
    return ok({"@odata.context": CONTEXT_BASE + f"sites('{the_list['_siteId']}')/lists('{the_list['id']}')/items/$entity", **out})


async def delete_item(ctx: Ctx) -> GraphResponse:
    the_list = _list(ctx)
    if ctx.state.tenant.list_items[the_list["id"]].pop(ctx.params["item"], None) is None:
        raise GraphError(404, "itemNotFound", "The resource could not be found.")
    return no_content()


def register(router: Router) -> None:
    router.add("GET", "/sites", search_sites, scopes=READ, workload="files")
    router.add("GET", "/sites/{site}", get_site, scopes=READ, workload="files")
    router.add("GET", "/sites/{site}/lists", get_lists, scopes=READ, workload="files")
    router.add("GET", "/sites/{site}/lists/{list}", get_list, scopes=READ, workload="files")
    router.add("GET", "/sites/{site}/lists/{list}/columns", get_columns, scopes=READ, workload="files")
    router.add("GET", "/sites/{site}/lists/{list}/items", get_items, scopes=READ, workload="files")
    router.add("POST", "/sites/{site}/lists/{list}/items", create_item, scopes=WRITE, workload="files")
    router.add("GET", "/sites/{site}/lists/{list}/items/{item}", get_item, scopes=READ, workload="files")
    router.add("DELETE", "/sites/{site}/lists/{list}/items/{item}", delete_item, scopes=WRITE, workload="files")
