"""OneDrive files: recent and shared with me (both deprecated by Microsoft; an empty list is a valid answer)."""

from __future__ import annotations

from typing import Any

from ._json import obj
from .models import DriveItem
from .session import Session
from .timezones import parse_offset_datetime

__all__ = ["FilesService", "parse_drive_item"]


def parse_drive_item(item: dict[str, Any]) -> DriveItem:
    remote = obj(item.get("remoteItem"))
    source = {**remote, **{k: v for k, v in item.items() if v is not None}} if remote else item
    file = obj(source.get("file"))
    parent = (remote or item).get("parentReference")
    parent = parent if isinstance(parent, dict) else {}
    shared = obj(remote.get("shared"))
    shared_by = obj(shared.get("sharedBy"))
    shared_user = obj(shared_by.get("user"))
    fs = obj(item.get("fileSystemInfo"))
    return DriveItem(
        id=str(remote.get("id") or item["id"]),
        name=str(source.get("name") or ""),
        web_url=source.get("webUrl"),
        last_modified=parse_offset_datetime(
            fs.get("lastAccessedDateTime") or source.get("lastModifiedDateTime")
        ),
        size=source.get("size") if isinstance(source.get("size"), int) else None,
        mime_type=file.get("mimeType"),
        drive_id=parent.get("driveId"),
        is_folder="folder" in source,
        shared_by=shared_user.get("displayName"),
    )


class FilesService:
    def __init__(self, *, session: Session) -> None:
        self._session = session

    async def recent(self, *, limit: int = 10) -> list[DriveItem]:
        response = await self._session.get("/me/drive/recent", {"$top": limit})
        return [parse_drive_item(i) for i in response.values()][:limit]

    async def shared_with_me(self, *, limit: int = 10) -> list[DriveItem]:
        response = await self._session.get("/me/drive/sharedWithMe", {"$top": limit})
        return [parse_drive_item(i) for i in response.values()][:limit]
