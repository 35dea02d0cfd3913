"""The demo tenant: data model and deterministic seed."""

from __future__ import annotations

from .model import Mailbox, Person, Tenant
from .seed import build_tenant

__all__ = ["Mailbox", "Person", "Tenant", "build_tenant"]
