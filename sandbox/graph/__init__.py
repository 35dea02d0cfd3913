"""The Graph v1.0 simulator: one module per resource, all registered on one router."""

from __future__ import annotations

import importlib

from .core import Router

__all__ = ["MODULES", "build_router"]

#: Resource modules under `sandbox.graph`, each with `register(router)`.
MODULES = ("users", "mailbox_settings", "calendar", "todo", "planner", "batch", "mail", "contacts", "files", "sites", "schedule", "meeting_times", "subscriptions", "delta")


def build_router() -> Router:
    router = Router()
    for name in MODULES:
        importlib.import_module(f"{__name__}.{name}").register(router)
    return router
