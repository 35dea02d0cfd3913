"""SharePoint lists: find a site and a list by name, columns, items with fields, add a validated item."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from urllib.parse import quote

from ._json import obj
from .models import ListColumn, ListItem, Site, SiteList
from .session import Session

__all__ = ["FieldError", "ListsService", "parse_column", "validate_fields"]


class FieldError(ValueError):
    """A field value does not fit its column (the message names the column, never the value)."""


_TYPES = ("text", "number", "boolean", "dateTime", "choice", "currency", "personOrGroup", "lookup")


def parse_column(item: dict[str, Any]) -> ListColumn:
    kind = next((t for t in _TYPES if t in item), "other")
    choice = obj(item.get("choice"))
    return ListColumn(
        name=str(item.get("name") or ""),
        display_name=str(item.get("displayName") or item.get("name") or ""),
        type=kind,
        required=bool(item.get("required")),
        read_only=bool(item.get("readOnly")),
        choices=tuple(str(c) for c in choice.get("choices") or []),
    )


def _coerce(column: ListColumn, value: Any) -> Any:
    if column.type in ("number", "currency"):
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            raise FieldError(f"column {column.name} expects a number")
        try:
            number = float(value)
        except ValueError as exc:
            raise FieldError(f"column {column.name} expects a number") from exc
        return int(number) if number.is_integer() else number
    if column.type == "boolean":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false", "yes", "no", "oui", "non"):
            return value.lower() in ("true", "yes", "oui")
        raise FieldError(f"column {column.name} expects yes or no")
    if column.type == "dateTime":
        if isinstance(value, datetime | date):
            return value.isoformat()
        raise FieldError(f"column {column.name} expects a date")
    if column.type == "choice":
        match = next((c for c in column.choices if c.casefold() == str(value).casefold()), None)
        if column.choices and match is None:
            raise FieldError(f"column {column.name} expects one of its choices")
        return match or str(value)
    if column.type in ("text", "other"):
        return str(value)
    raise FieldError(f"column {column.name} cannot be set by MIPA")


def validate_fields(columns: list[ListColumn], fields: dict[str, Any]) -> dict[str, Any]:
    """Fields keyed by internal name, typed per column; unknown, read-only or missing required raise."""
    by_key = {c.name.casefold(): c for c in columns} | {c.display_name.casefold(): c for c in columns}
    out: dict[str, Any] = {}
    for key, value in fields.items():
        column = by_key.get(key.casefold())
        if column is None:
            raise FieldError("unknown column")
        if column.read_only:
            raise FieldError(f"column {column.name} is read-only")
        out[column.name] = _coerce(column, value)
    for column in columns:
        if column.required and not column.read_only and column.name not in out:
            raise FieldError(f"column {column.name} is required")
    return out


class ListsService:
    def __init__(self, *, session: Session) -> None:
        self._session = session

    async def find_sites(self, name: str) -> list[Site]:
        response = await self._session.get("/sites", {"search": name.replace('"', " ")})
        return [
            Site(id=str(i["id"]), name=str(i.get("displayName") or i.get("name") or ""), web_url=i.get("webUrl"))
            for i in response.values()
        ]

    async def lists(self, site_id: str) -> list[SiteList]:
        items = await self._session.get_all(f"/sites/{quote(site_id, safe=',')}/lists")
        return [
            SiteList(
                id=str(i["id"]),
                name=str(i.get("name") or ""),
                display_name=str(i.get("displayName") or i.get("name") or ""),
                site_id=site_id,
                web_url=i.get("webUrl"),
            )
            for i in items
        ]

    async def find_list(self, site_id: str, name: str) -> SiteList | None:
        wanted = name.casefold().strip()
        lists = await self.lists(site_id)
        return next((li for li in lists if wanted in (li.name.casefold(), li.display_name.casefold())), None)

    async def root_site(self) -> Site:
        """The tenant's root SharePoint site (where site search is unavailable)."""
        root = (await self._session.get("/sites/root")).json()
        return Site(id=str(root["id"]), name=str(root.get("displayName") or root.get("name") or ""),
                    web_url=root.get("webUrl"))

    async def delete_item(self, site_id: str, list_id: str, item_id: str) -> None:
        await self._session.delete(f"{self._list_path(site_id, list_id)}/items/{quote(item_id, safe='')}")

    def _list_path(self, site_id: str, list_id: str) -> str:
        return f"/sites/{quote(site_id, safe=',')}/lists/{quote(list_id, safe='')}"

    async def columns(self, site_id: str, list_id: str) -> list[ListColumn]:
        items = await self._session.get_all(self._list_path(site_id, list_id) + "/columns")
        return [parse_column(i) for i in items]

    async def items(self, site_id: str, list_id: str, *, limit: int = 50) -> list[ListItem]:
        items = await self._session.get_all(
            self._list_path(site_id, list_id) + "/items", {"$expand": "fields", "$top": min(limit, 200)}, limit=limit
        )
        return [
            ListItem(
                id=str(i["id"]),
                fields={k: v for k, v in (i.get("fields") or {}).items() if not k.startswith("@")},
                web_url=i.get("webUrl"),
                etag=i.get("eTag") or i.get("@odata.etag"),
            )
            for i in items
        ]

    async def add_item(
        self, site_id: str, list_id: str, fields: dict[str, Any], *, columns: list[ListColumn] | None = None
    ) -> ListItem:
        """Validate ``fields`` against the columns, then create the item (not resent after a 5xx)."""
        typed = validate_fields(columns if columns is not None else await self.columns(site_id, list_id), fields)
        response = await self._session.post(self._list_path(site_id, list_id) + "/items", {"fields": typed})
        body = response.json()
        return ListItem(
            id=str(body.get("id")),
            fields={k: v for k, v in (body.get("fields") or {}).items() if not k.startswith("@")},
            web_url=body.get("webUrl"),
            etag=body.get("eTag"),
        )
