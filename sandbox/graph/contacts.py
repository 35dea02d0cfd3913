"""Contacts: GET /me/contacts (OData), GET one, POST, DELETE (reference §5.5)."""

from __future__ import annotations

from typing import Any

from ..errors import GraphError
from ..tenant.content import contact_json
from ..tenant.model import etag
from ..timezones import utc_stamp
from .core import (
    Ctx,
    GraphResponse,
    Router,
    list_response,
    no_content,
    ok,
    reject_unknown,
    require_content_type,
    select_entity,
)

__all__ = ["register"]

READ = ("Contacts.Read", "Contacts.ReadWrite")
WRITE = ("Contacts.ReadWrite",)
FIELDS = {"givenName", "surname", "displayName", "middleName", "nickName", "title", "companyName", "department", "jobTitle", "officeLocation", "businessPhones", "homePhones", "mobilePhone", "emailAddresses", "personalNotes", "categories", "birthday", "businessAddress", "homeAddress"}


async def list_contacts(ctx: Ctx) -> GraphResponse:
    return list_response(ctx, list(ctx.mailbox.contacts.values()), context=f"users('{ctx.principal.oid}')/contacts")


async def get_contact(ctx: Ctx) -> GraphResponse:
    contact = ctx.mailbox.contacts.get(ctx.params["id"])
    if contact is None:
        raise GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.")
    return ok(select_entity(ctx, contact, f"users('{ctx.principal.oid}')/contacts"))


async def create_contact(ctx: Ctx) -> GraphResponse:
    body = require_content_type(ctx)
    reject_unknown(body, FIELDS, "Microsoft.OutlookServices.Contact")
    emails = body.get("emailAddresses") or []
    if not isinstance(emails, list) or not all(isinstance(e, dict) and "address" in e for e in emails):
        raise GraphError(400, "ErrorPropertyValidationFailure", "At least one property failed validation.")
    tenant = ctx.state.tenant
    contact_id = tenant.new_id("AAMkAGCt")
    key, tag = etag(tenant.rng)
    contact: dict[str, Any] = contact_json(
        contact_id, tag, key, utc_stamp(ctx.state.clock.now()), str(body.get("givenName") or ""), str(body.get("surname") or ""),
        str(body.get("companyName") or ""), emails, list(body.get("businessPhones") or []), display=body.get("displayName"),
    )
    for name in FIELDS - {"givenName", "surname", "displayName", "companyName", "emailAddresses", "businessPhones"}:
        if name in body:
            contact[name] = body[name]
    ctx.mailbox.contacts[contact_id] = contact
    return ok(select_entity(ctx, contact, f"users('{ctx.principal.oid}')/contacts"), 201)


async def delete_contact(ctx: Ctx) -> GraphResponse:
    if ctx.mailbox.contacts.pop(ctx.params["id"], None) is None:
        raise GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.")
    return no_content()


def register(router: Router) -> None:
    router.add("GET", "/me/contacts", list_contacts, scopes=READ, workload="outlook")
    router.add("POST", "/me/contacts", create_contact, scopes=WRITE, workload="outlook")
    router.add("GET", "/me/contacts/{id}", get_contact, scopes=READ, workload="outlook")
    router.add("DELETE", "/me/contacts/{id}", delete_contact, scopes=WRITE, workload="outlook")
