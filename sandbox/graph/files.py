"""Files: /me/drive/recent and /me/drive/sharedWithMe, empty when the deprecation switch is on (reference §5.7)."""

from __future__ import annotations

from .core import CONTEXT_BASE, Ctx, GraphResponse, Router, list_response, ok

__all__ = ["register"]

READ = ("Files.Read", "Files.Read.All", "Files.ReadWrite", "Files.ReadWrite.All", "Sites.Read.All", "Sites.ReadWrite.All")


async def recent(ctx: Ctx) -> GraphResponse:
    if ctx.state.settings.drive_lists_empty(ctx.principal.oid):
        return ok({"@odata.context": CONTEXT_BASE + "Collection(driveItem)", "value": []})
    items = sorted(ctx.mailbox.recent_files, key=lambda i: i["fileSystemInfo"]["lastAccessedDateTime"], reverse=True)
    response = list_response(ctx, items, context="Collection(driveItem)", workload="files", page_size=200, always=("id",), filterable=False)
    response.body["@odata.context"] = CONTEXT_BASE + "Collection(driveItem)"
    return response


async def shared_with_me(ctx: Ctx) -> GraphResponse:
    if ctx.state.settings.drive_lists_empty(ctx.principal.oid):
        return ok({"@odata.context": CONTEXT_BASE + "Collection(driveItem)", "value": []})
    response = list_response(ctx, list(ctx.mailbox.shared_files), context="Collection(driveItem)", workload="files", page_size=200, always=("id",), filterable=False)
    response.body["@odata.context"] = CONTEXT_BASE + "Collection(driveItem)"
    return response


def register(router: Router) -> None:
    router.add("GET", "/me/drive/recent()", recent, scopes=READ, workload="files")
    router.add("GET", "/me/drive/recent", recent, scopes=READ, workload="files")
    router.add("GET", "/me/drive/sharedWithMe()", shared_with_me, scopes=READ, workload="files")
    router.add("GET", "/me/drive/sharedWithMe", shared_with_me, scopes=READ, workload="files")
