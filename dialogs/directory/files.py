"""files.recent and files.shared: the files a person worked on or that were shared with them, as links."""

from __future__ import annotations

import logging

from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext

from cards import files_card
from dialogs.context import LastRequest, ShownList
from dialogs.context.options import page_of
from dialogs.context.paging import page_line, paged, with_page_line
from dialogs.feature import FeatureDialog
from dialogs.services import Services, card_activity
from language import t

__all__ = ["FilesDialog"]

logger = logging.getLogger(__name__)

LIMIT = 10
#: How far "more" pages.
POOL = 50


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
        pool = await (graph.files.shared_with_me(limit=POOL) if shared else graph.files.recent(limit=POOL))
        page = paged(pool, page_of(step.options), LIMIT)
        files = page.items
        logger.info("%s: %d of %d file(s)", request.intent, len(files), page.total)
        kind = "shared" if shared else "recent"
        if not files:
            await self.say(step.context, f"directory.files.{kind}_empty")
            return await step.end_dialog()
        line = page_line(page, request.locale)
        summary = t(f"directory.files.{kind}_header", request.locale, count=len(files))
        card = with_page_line(files_card(files, locale=request.locale, tz=request.tz, shared=shared), line)
        await step.context.send_activity(card_activity(card, text=f"{summary}\n{line}" if line else None,
                                                       summary=summary))
        await self.services.context.remember_list(
            step.context, ShownList("file", tuple((f.id,) for f in files), page=page.index, total=page.total,
                                    more=page.more), request=LastRequest(request.intent))
        return await step.end_dialog()
