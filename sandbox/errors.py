"""The sandbox's exception tree: Graph-shaped errors raised by handlers and turned into responses.

    SandboxError
     └── GraphError (status, code, message, optional inner code and headers)
"""

from __future__ import annotations

__all__ = ["GraphError", "SandboxError"]


class SandboxError(Exception):
    """Base of every error the sandbox raises on purpose."""


class GraphError(SandboxError):
    """An error answered with Graph's envelope `{"error": {"code", "message", "innerError"}}`."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        inner_code: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}")
        self.status = status
        self.code = code
        self.message = message
        self.inner_code = inner_code
        self.headers = dict(headers or {})


def not_found_outlook() -> GraphError:
    return GraphError(404, "ErrorItemNotFound", "The specified object was not found in the store.")


def bad_request(message: str, code: str = "BadRequest") -> GraphError:
    return GraphError(400, code, message)
