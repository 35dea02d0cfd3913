"""MIPA sandbox: a local Microsoft Graph v1.0, Bot Framework token service, demo tenant and faults."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aiohttp import web

__all__ = ["create_app"]


def create_app(**kwargs: Any) -> web.Application:
    """See `sandbox.app.create_app` (imported lazily so `import sandbox` stays cheap)."""
    from .app import create_app as factory

    return factory(**kwargs)
