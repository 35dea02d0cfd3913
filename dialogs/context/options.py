"""What the context adds to a feature dialog's options: the item meant, the items to choose among, the page."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["among_of", "container_of", "page_of", "target_of", "with_context"]


def with_context(options: dict[str, Any], *, target: tuple[str, tuple[str, ...]] | None = None,
                 among: tuple[str, list[tuple[str, ...]]] | None = None, page: int | None = None,
                 container: str | None = None) -> dict[str, Any]:
    """`Request.to_options()` plus the context's pointers (ids and numbers only)."""
    out = dict(options)
    if target is not None:
        out["target"] = {"kind": target[0], "ids": list(target[1])}
    if among is not None:
        out["among"] = {"kind": among[0], "ids": [list(i) for i in among[1]]}
    if page is not None:
        out["page"] = page
    if container is not None:
        out["container"] = container
    return out


def target_of(options: Mapping[str, Any] | None, kind: str) -> tuple[str, ...] | None:
    """The ids of the item a reference picked ("move it", "the second one"), when it is of `kind`."""
    target = (options or {}).get("target")
    if isinstance(target, dict) and target.get("kind") == kind and target.get("ids"):
        return tuple(str(i) for i in target["ids"])
    return None


def among_of(options: Mapping[str, Any] | None, kind: str) -> list[tuple[str, ...]] | None:
    """The items an ambiguous reference may mean (the list last shown), when they are of `kind`."""
    among = (options or {}).get("among")
    if isinstance(among, dict) and among.get("kind") == kind and among.get("ids"):
        return [tuple(str(x) for x in i) for i in among["ids"]]
    return None


def page_of(options: Mapping[str, Any] | None) -> int:
    """The page asked for by "more" (0 for the first)."""
    page = (options or {}).get("page")
    return page if isinstance(page, int) and page > 0 else 0


def container_of(options: Mapping[str, Any] | None) -> str | None:
    """The To Do list or plan the previous request read, for its next page."""
    container = (options or {}).get("container")
    return str(container) if container else None
