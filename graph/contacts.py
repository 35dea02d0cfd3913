"""Outlook contacts: search by name or address, create (a failed create is looked up before a resend)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from . import odata
from ._json import arr
from .models import Contact
from .response import GraphResponse
from .session import Session

__all__ = ["CONTACT_SELECT", "ContactsService", "parse_contact"]

CONTACT_SELECT = "id,displayName,givenName,surname,emailAddresses,businessPhones,mobilePhone,companyName,jobTitle"


def parse_contact(item: dict[str, Any]) -> Contact:
    emails = arr(item.get("emailAddresses"))
    phones = list(item.get("businessPhones") or []) + ([item["mobilePhone"]] if item.get("mobilePhone") else [])
    return Contact(
        id=str(item["id"]),
        display_name=str(item.get("displayName") or ""),
        emails=tuple(str(e["address"]) for e in emails if isinstance(e, dict) and e.get("address")),
        phones=tuple(str(p) for p in phones if p),
        company=item.get("companyName"),
        job_title=item.get("jobTitle"),
    )


def name_filter(name: str) -> str:
    text = name.strip()
    return odata.or_(
        odata.startswith("displayName", text), odata.startswith("givenName", text), odata.startswith("surname", text)
    )


class ContactsService:
    def __init__(self, *, session: Session) -> None:
        self._session = session

    async def search(self, text: str, *, limit: int = 10) -> list[Contact]:
        flt = odata.any_eq("emailAddresses", "address", text.strip()) if "@" in text else name_filter(text)
        response = await self._session.get("/me/contacts", {"$filter": flt, "$select": CONTACT_SELECT, "$top": limit})
        return [parse_contact(i) for i in response.values()]

    async def create(
        self,
        *,
        given_name: str,
        surname: str | None = None,
        email: str | None = None,
        phone: str | None = None,
        company: str | None = None,
    ) -> Contact:
        payload: dict[str, Any] = {"givenName": given_name}
        if surname:
            payload["surname"] = surname
        if email:
            payload["emailAddresses"] = [{"address": email, "name": " ".join(p for p in (given_name, surname) if p)}]
        if phone:
            payload["businessPhones"] = [phone]
        if company:
            payload["companyName"] = company

        async def reconcile() -> GraphResponse | None:
            if email:
                flt = odata.any_eq("emailAddresses", "address", email)
            else:
                flt = odata.and_(odata.eq("givenName", given_name), odata.eq("surname", surname or ""))
            found = await self._session.get("/me/contacts", {"$filter": flt, "$top": 1})
            values = found.values()
            return GraphResponse(status=201, body=values[0]) if values else None

        response = await self._session.post("/me/contacts", payload, reconcile=reconcile)
        return parse_contact(response.json())

    async def delete(self, contact_id: str) -> None:
        await self._session.delete(f"/me/contacts/{quote(contact_id, safe='')}")
