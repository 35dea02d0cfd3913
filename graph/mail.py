"""Mail: flagged, recent and unread messages, search by sender or words, flag / complete / clear."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote

from . import odata
from ._json import obj
from .models import Message
from .session import Session
from .timezones import format_graph_datetime, parse_date_time_zone, parse_offset_datetime

__all__ = ["FLAGGED_FILTER", "MESSAGE_SELECT", "MailService", "parse_message"]

MESSAGE_SELECT = "id,subject,from,sender,receivedDateTime,isRead,flag,webLink"
# $orderby properties must lead the $filter on messages, hence the always-true date clause.
FLAGGED_FILTER = "receivedDateTime ge 1900-01-01T00:00:00Z and flag/flagStatus eq 'flagged'"
_NEWEST = "receivedDateTime desc"


def parse_message(item: dict[str, Any]) -> Message:
    who = item.get("from") or item.get("sender") or {}
    address = who.get("emailAddress") if isinstance(who, dict) else None
    address = address if isinstance(address, dict) else {}
    flag = obj(item.get("flag"))
    return Message(
        id=str(item["id"]),
        subject=str(item.get("subject") or ""),
        sender_name=address.get("name"),
        sender_email=address.get("address"),
        received=parse_offset_datetime(item.get("receivedDateTime")),
        is_read=bool(item.get("isRead")),
        flag_status=str(flag.get("flagStatus") or "notFlagged"),
        flag_due=parse_date_time_zone(flag.get("dueDateTime")),
        web_link=item.get("webLink"),
    )


class MailService:
    """The signed-in user's messages (all folders)."""

    def __init__(self, *, session: Session) -> None:
        self._session = session

    async def _list(self, params: dict[str, str | int | bool | None], limit: int) -> list[Message]:
        params = {"$select": MESSAGE_SELECT, "$top": min(limit, 50), **params}
        items = await self._session.get_all("/me/messages", params, limit=limit)
        return [parse_message(i) for i in items]

    async def flagged(self, *, limit: int = 10) -> list[Message]:
        return await self._list({"$filter": FLAGGED_FILTER, "$orderby": _NEWEST}, limit)

    async def recent(self, *, limit: int = 10) -> list[Message]:
        return await self._list({"$orderby": _NEWEST}, limit)

    async def unread(self, *, limit: int = 10) -> list[Message]:
        flt = "receivedDateTime ge 1900-01-01T00:00:00Z and isRead eq false"
        return await self._list({"$filter": flt, "$orderby": _NEWEST}, limit)

    async def search(self, *, words: str | None = None, sender: str | None = None, limit: int = 10) -> list[Message]:
        """KQL `$search` (no `$orderby` allowed with it): by sender, words, or both."""
        terms = []
        if sender:
            terms.append("from:" + odata.search_phrase(sender).strip('"'))
        if words:
            terms.append(odata.search_phrase(words).strip('"'))
        if not terms:
            raise ValueError("search needs words or a sender")
        messages = await self._list({"$search": '"' + " ".join(terms) + '"'}, limit)
        return sorted(messages, key=lambda m: m.received or datetime.min, reverse=True) if all(
            m.received for m in messages
        ) else messages

    async def get(self, message_id: str) -> Message:
        """One message's header fields and flag, as they are now."""
        response = await self._session.get(f"/me/messages/{quote(message_id, safe='')}", {"$select": MESSAGE_SELECT})
        return parse_message(response.json())

    async def _set_flag(self, message_id: str, flag: dict[str, Any]) -> Message:
        response = await self._session.patch(f"/me/messages/{quote(message_id, safe='')}", {"flag": flag})
        return parse_message(response.json())

    async def flag(self, message_id: str, *, start: datetime | None = None, due: datetime | None = None) -> Message:
        flag: dict[str, Any] = {"flagStatus": "flagged"}
        if due is not None:
            flag["startDateTime"] = format_graph_datetime(start or due, "UTC")
            flag["dueDateTime"] = format_graph_datetime(due, "UTC")
        return await self._set_flag(message_id, flag)

    async def complete(self, message_id: str) -> Message:
        return await self._set_flag(message_id, {"flagStatus": "complete"})

    async def clear_flag(self, message_id: str) -> Message:
        return await self._set_flag(message_id, {"flagStatus": "notFlagged"})
