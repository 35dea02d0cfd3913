"""mail.list and mail.search: recent or unread messages, and a search by sender or words (read-only)."""

from __future__ import annotations

import logging

from botbuilder.dialogs import DialogTurnResult, WaterfallStepContext

from dialogs.asking import ASK_ID, AskDialog, ask_options
from dialogs.context import LastRequest, ShownList
from dialogs.context.options import container_of, page_of
from dialogs.context.paging import page_line, paged, with_page_line
from dialogs.directory.cards import mail_list_card
from dialogs.directory.common import utterance
from dialogs.directory.parsing import mail_query, mentions_unread
from dialogs.feature import FeatureDialog
from dialogs.request import Request
from dialogs.services import Services, card_activity
from graph.models import Message
from language import t

__all__ = ["MailListDialog", "MailSearchDialog"]

logger = logging.getLogger(__name__)

LIMIT = 10
#: How far "more" pages through the newest or unread messages.
POOL = 50


def _from(message: Message, sender: str) -> bool:
    wanted = sender.casefold().strip()
    return any(wanted in (value or "").casefold() for value in (message.sender_name, message.sender_email))


class _MailDialog(FeatureDialog):
    async def show(self, step: WaterfallStepContext, request: Request, messages: list[Message], *,
                   title: str, empty: str, line: str | None = None, more: bool = False, page: int = 0,
                   container: str | None = None) -> DialogTurnResult:
        if not messages:
            await step.context.send_activity(empty)
            return await step.end_dialog()
        today = self.services.now(request.tz).date()
        card = with_page_line(mail_list_card(messages, title=title, locale=request.locale, tz=request.tz, today=today,
                                             empty=empty), line)
        text = f"{title}\n{line}" if line else None  # the page line is said, not only shown
        await step.context.send_activity(card_activity(card, text=text, summary=title))
        await self.services.context.remember_list(
            step.context, ShownList("mail", tuple((m.id,) for m in messages), page=page, more=more),
            request=LastRequest(request.intent, container=container))
        return await step.end_dialog()


class MailListDialog(_MailDialog):
    """The newest messages, or the unread ones when the sentence says so."""

    intents = ("mail.list",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.waterfall([self.show_step])

    async def show_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        graph = await self.graph(step.context)
        container = container_of(step.options)  # "more": "unread" or "recent", as the first page said
        unread = container == "unread" if container else mentions_unread(utterance(step.context, request))
        limit = request.entities.count if request.entities.count and 0 < request.entities.count <= 25 else LIMIT
        pool = await (graph.mail.unread(limit=POOL) if unread else graph.mail.recent(limit=POOL))
        page = paged(pool, page_of(step.options), limit)
        messages = page.items
        kind = "unread" if unread else "recent"
        logger.info("mail.list %s: %d of %d message(s)", kind, len(messages), page.total)
        return await self.show(step, request, messages,
                               title=t(f"directory.mail.{kind}_title", request.locale, count=len(messages)),
                               empty=t(f"directory.mail.{kind}_empty", request.locale),
                               line=page_line(page, request.locale), more=page.more, page=page.index, container=kind)


class MailSearchDialog(_MailDialog):
    """Messages from a sender and/or with some words; the words travel as one quoted `$search` phrase."""

    intents = ("mail.search",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.add_dialog(AskDialog())
        self.waterfall([self.query_step, self.search_step])

    async def query_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        query = mail_query(utterance(step.context, request), query=request.entities.query,
                           people=request.entities.people)
        if query.words or query.sender:
            return await step.next({"words": query.words, "sender": query.sender})
        return await step.begin_dialog(ASK_ID, ask_options("directory.mail.ask_query", locale=request.locale))

    async def search_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        result = step.result
        if not result:
            return await step.end_dialog()
        query = result if isinstance(result, dict) else {"words": str(result), "sender": None}
        words, sender = query.get("words"), query.get("sender")
        graph = await self.graph(step.context)
        if words and sender:
            # One KQL phrase cannot hold both a sender restriction and free words: search the words, keep the
            # sender's messages.
            found = await graph.mail.search(words=words, limit=LIMIT * 5)
            messages = [m for m in found if _from(m, sender)][:LIMIT]
        else:
            messages = await graph.mail.search(words=words, sender=sender, limit=LIMIT)
        logger.info("mail.search: sender=%s words=%s -> %d message(s)", bool(sender), bool(words), len(messages))
        if sender and words:
            title = t("directory.mail.search_both", request.locale, sender=sender, words=words)
        elif sender:
            title = t("directory.mail.search_sender", request.locale, sender=sender)
        else:
            title = t("directory.mail.search_words", request.locale, words=words)
        return await self.show(step, request, messages, title=title,
                               empty=t("directory.mail.search_empty", request.locale))
