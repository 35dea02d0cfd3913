"""Seed content beyond calendars: To Do, mail, contacts, files, Planner and SharePoint."""

from __future__ import annotations

from datetime import date

from .model import Tenant

__all__ = ["seed_content"]


def seed_content(tenant: Tenant, seed_date: date) -> None:
    """Fill the tenant's other workloads (deterministic for a seed date)."""
    del tenant, seed_date
