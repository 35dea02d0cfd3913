"""files.recent and files.shared: the files a person worked on or that were shared with them, as links."""

from __future__ import annotations

import logging

from botbuilder.dialogs import WaterfallStepContext

from cards import files_card
from dialogs.feature import Answer, ReadDialog
from dialogs.request import Request
from graph import UserGraph
from language import t

__all__ = ["FilesDialog"]

logger = logging.getLogger(__name__)

LIMIT = 10


class FilesDialog(ReadDialog):
    """Recent files, or files shared with me; an empty answer says so (Microsoft is retiring these lists)."""

    intents = ("files.recent", "files.shared")

    async def read(self, step: WaterfallStepContext, request: Request, graph: UserGraph) -> Answer:
        shared = request.intent == "files.shared"
        files = await (graph.files.shared_with_me(limit=LIMIT) if shared else graph.files.recent(limit=LIMIT))
        logger.info("%s: %d file(s)", request.intent, len(files))
        kind = "shared" if shared else "recent"
        if not files:
            return Answer(t(f"directory.files.{kind}_empty", request.locale))
        return Answer(t(f"directory.files.{kind}_header", request.locale, count=len(files)),
                      files_card(files, locale=request.locale, tz=request.tz, shared=shared))
