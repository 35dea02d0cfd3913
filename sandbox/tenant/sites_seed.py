"""Seed SharePoint: an Operations site whose Orders list has two required columns and typed ones, a short Inventory
list beside it, and a Marketing site."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from ..timezones import utc_stamp
from .model import Tenant

__all__ = ["COLUMNS", "list_item", "seed_sites"]

#: name → (type, required, indexed)
COLUMNS: dict[str, tuple[str, bool, bool]] = {
    "Title": ("text", True, True),
    "Status": ("choice", False, False),
    "Quantity": ("number", True, False),
    "DueDate": ("dateTime", False, False),
    "Approved": ("boolean", False, False),
}
STATUS_CHOICES = ["New", "In progress", "Done"]


def seed_sites(tenant: Tenant, today: date) -> None:
    site_guid = str(uuid.UUID(int=tenant.rng.getrandbits(128), version=4))
    web_guid = str(uuid.UUID(int=tenant.rng.getrandbits(128), version=4))
    site_id = f"contoso.sharepoint.com,{site_guid},{web_guid}"
    tenant.sites[site_id] = {
        "id": site_id,
        "name": "Operations",
        "displayName": "Operations",
        "description": "Sites d'équipe / Team site",
        "webUrl": "https://contoso.sharepoint.com/sites/operations",
        "createdDateTime": utc_stamp(datetime.combine(today - timedelta(days=400), time(9), tzinfo=UTC)),
        "siteCollection": {"hostname": "contoso.sharepoint.com"},
        "root": {},
    }
    list_id = str(uuid.UUID(int=tenant.rng.getrandbits(128), version=4))
    tenant.lists[list_id] = {
        "id": list_id,
        "_siteId": site_id,
        "name": "Orders",
        "displayName": "Orders",
        "description": "Purchase orders / Bons de commande",
        "webUrl": "https://contoso.sharepoint.com/sites/operations/Lists/Orders",
        "createdDateTime": tenant.sites[site_id]["createdDateTime"],
        "lastModifiedDateTime": tenant.sites[site_id]["createdDateTime"],
        "list": {"contentTypesEnabled": False, "hidden": False, "template": "genericList"},
        "_etag_guid": str(uuid.UUID(int=tenant.rng.getrandbits(128), version=4)),
    }
    items: dict[str, dict[str, Any]] = {}
    products = ["Widget", "Gadget", "Bidule", "Sprocket", "Machin", "Gizmo"]
    for n in range(1, 231):
        fields = {
            "Title": f"{products[n % len(products)]} {n}",
            "Status": STATUS_CHOICES[n % 3],
            "Quantity": (n * 37) % 500,
            "DueDate": f"{today + timedelta(days=n % 20 - 5)}T00:00:00Z",
            "Approved": n % 2 == 0,
        }
        items[str(n)] = list_item(tenant, list_id, str(n), fields, tenant.people[n % len(tenant.people)].id, tenant.sites[site_id]["createdDateTime"])
    tenant.list_items[list_id] = items
    _seed_inventory(tenant, site_id, site_guid, today)
    _seed_second_site(tenant, site_guid, today)


def _seed_inventory(tenant: Tenant, site_id: str, site_guid: str, today: date) -> None:
    """A second, short list on the Operations site (its ids use no rng draw, so the rest of the tenant keeps its own)."""
    list_id = str(uuid.uuid5(uuid.UUID(site_guid), "inventory"))
    created = tenant.sites[site_id]["createdDateTime"]
    tenant.lists[list_id] = {
        "id": list_id,
        "_siteId": site_id,
        "name": "Inventory",
        "displayName": "Inventory",
        "description": "Stock on hand / Stock disponible",
        "webUrl": "https://contoso.sharepoint.com/sites/operations/Lists/Inventory",
        "createdDateTime": created,
        "lastModifiedDateTime": created,
        "list": {"contentTypesEnabled": False, "hidden": False, "template": "genericList"},
        "_etag_guid": str(uuid.uuid5(uuid.UUID(site_guid), "inventory-etag")),
    }
    things = ["Laptop", "Monitor", "Headset", "Docking station", "Keyboard", "Webcam"]
    tenant.list_items[list_id] = {
        str(n): list_item(tenant, list_id, str(n), {
            "Title": things[n - 1], "Status": STATUS_CHOICES[n % 3], "Quantity": n * 4,
            "DueDate": f"{today + timedelta(days=n)}T00:00:00Z", "Approved": n % 2 == 1,
        }, tenant.people[n % len(tenant.people)].id, created)
        for n in range(1, len(things) + 1)
    }


def _seed_second_site(tenant: Tenant, first_guid: str, today: date) -> None:
    """A Marketing site with no lists, so site search has something not to match (its ids use no rng draw)."""
    site_guid = str(uuid.uuid5(uuid.UUID(first_guid), "marketing"))
    web_guid = str(uuid.uuid5(uuid.UUID(first_guid), "marketing-web"))
    site_id = f"contoso.sharepoint.com,{site_guid},{web_guid}"
    tenant.sites[site_id] = {
        "id": site_id,
        "name": "Marketing",
        "displayName": "Marketing",
        "description": "Campagnes et événements / Campaigns and events",
        "webUrl": "https://contoso.sharepoint.com/sites/marketing",
        "createdDateTime": utc_stamp(datetime.combine(today - timedelta(days=200), time(9), tzinfo=UTC)),
        "siteCollection": {"hostname": "contoso.sharepoint.com"},
    }


def list_item(tenant: Tenant, list_id: str, item_id: str, fields: dict[str, Any], author: str, when: str) -> dict[str, Any]:
    person = tenant.person(author)
    user = {"user": {"id": author, "displayName": person.display_name if person else "", "email": person.mail if person else ""}}
    tag = f"\"{tenant.lists[list_id]['_etag_guid']},1\""
    site_id = tenant.lists[list_id]["_siteId"]
    return {
        "@odata.etag": tag,
        "id": item_id,
        "eTag": tag,
        "createdDateTime": when,
        "lastModifiedDateTime": when,
        "webUrl": f"https://contoso.sharepoint.com/sites/operations/Lists/{tenant.lists[list_id]['name']}/{item_id}_.000",
        "createdBy": user,
        "lastModifiedBy": user,
        "parentReference": {"id": list_id, "siteId": site_id},
        "contentType": {"id": "0x0100", "name": "Item"},
        "fields": {"@odata.etag": tag, **fields, "id": item_id, "Created": when, "Modified": when},
    }
