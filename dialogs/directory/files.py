"""files.recent and files.shared: the files a person worked on or that were shared with them, as links."""

from __future__ import annotations

import logging

from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext

from cards import files_card
from dialogs.feature import FeatureDialog
from dialogs.services import Services
from language import t

__all__ = ["FilesDialog"]

logger = logging.getLogger(__name__)

LIMIT = 10


class FilesDialog(FeatureDialog):
    """Recent files, or files shared with me; an empty answer says so (Microsoft is retiring these lists)."""

    intents = ("files.recent", "files.shared")

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([self.show_step])

    async def show_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        graph = await self.graph(step.context)
        shared = request.intent == "files.shared"
        files = await (graph.files.shared_with_me(limit=LIMIT) if shared else graph.files.recent(limit=LIMIT))
        logger.info("%s: %d file(s)", request.intent, len(files))
        kind = "shared" if shared else "recent"
        if not files:
            await self.say(step.context, f"directory.files.{kind}_empty")
            return await step.end_dialog()
        summary = t(f"directory.files.{kind}_header", request.locale, count=len(files))
        card = files_card(files, locale=request.locale, tz=request.tz, shared=shared)
        await self.services.send_card(step.context, card, summary=summary)
        return await step.end_dialog()
