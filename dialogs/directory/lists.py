"""lists.items and lists.add: pick a SharePoint list by name, show its items, add an item column by column."""

from __future__ import annotations

import asyncio
import logging
import re
from datetime import date
from typing import Any

from botbuilder.dialogs import DialogTurnResult, WaterfallDialog, WaterfallStepContext

from cards import choice_card, list_items_card
from dialogs.asking import ASK_ID, AskDialog, ask_options
from dialogs.context import LastRequest, ShownList
from dialogs.context.options import container_of, page_of
from dialogs.context.paging import page_line, paged, with_page_line
from dialogs.directory.cards import list_confirm_card, list_result_card
from dialogs.directory.columns import (
    SETTABLE,
    column_from_json,
    column_json,
    display_value,
    readable_item,
    values_in_sentence,
)
from dialogs.directory.common import utterance
from dialogs.directory.parsing import site_name
from dialogs.feature import FeatureDialog
from dialogs.prompts import ConfirmDialog, PickDialog, new_ref
from dialogs.request import Request
from dialogs.services import Services, card_activity
from dialogs.writes import Done, Proposal, Undo, WriteFlow
from graph import BadRequest, FieldError, NotFound, Site, SiteList, UserGraph
from language import t
from language.corrections import Correction
from language.matching import best

__all__ = ["AddListItemDialog", "ListItemsDialog", "find_lists"]

logger = logging.getLogger(__name__)

MAX_SITES = 5
_TITLE_COLUMN = "Title"
SHOWN_ITEMS = 10
#: How far "more" pages through a list's items.
POOL = 50
#: "show my SharePoint lists", "what lists are on …", "les listes du site …": the lists, not one list's items.
_ASKS_LISTS = re.compile(r"\b(?:lists|listes)\b", re.IGNORECASE)
_NOT_NAMES = {"sharepoint", "sharepoint list", "liste sharepoint", "list", "liste", "site"}


async def _sites(graph: UserGraph, name: str | None) -> list[Site]:
    """Sites matching `name` (all when None); the root site when the tenant cannot search sites."""
    try:
        sites = await graph.lists.find_sites(name or "*")
    except (BadRequest, NotFound):
        logger.info("site search unavailable; using the root site")
        sites = [await graph.lists.root_site()]
        if name and name.casefold() not in sites[0].name.casefold():
            return []
    return sites[:MAX_SITES]


async def find_lists(graph: UserGraph, list_name: str, site: str | None) -> list[tuple[Site, SiteList]]:
    """Lists named `list_name` (exact name first, else names containing it) in the sites matching `site`."""
    wanted = list_name.casefold().strip()
    exact: list[tuple[Site, SiteList]] = []
    partial: list[tuple[Site, SiteList]] = []
    contained: list[tuple[Site, SiteList]] = []
    every: list[tuple[Site, SiteList]] = []
    for found_site in await _sites(graph, site):
        for found in await graph.lists.lists(found_site.id):
            every.append((found_site, found))
            names = (found.name.casefold(), found.display_name.casefold())
            if wanted in names:
                exact.append((found_site, found))
            elif any(wanted in n for n in names):
                partial.append((found_site, found))
            elif any(re.search(r"\b" + re.escape(n) + r"\b", wanted) for n in names if n):
                contained.append((found_site, found))
    if exact or partial:
        return exact or partial
    # A name recognised with trailing words ("Orders list with quantity 12"): lists whose name it contains.
    contained = [(s, li) for s, li in contained if len(li.display_name) >= 3]
    # Else a name said loosely ("the inventry list", "la liste Commandes"): the best fuzzy matches.
    return contained or best(list_name, every, lambda found: found[1].display_name)


class _ListDialog(FeatureDialog):
    """Common steps: the list name (asked if missing), then the list (picked if several match)."""

    def _setup(self, steps: list[Any]) -> None:
        name = type(self).__name__
        self.add_dialog(AskDialog())
        self.add_dialog(PickDialog(f"{name}.pick"))
        self.waterfall([self.name_step, self.find_step, self.chosen_step,
                                                              *steps])

    async def name_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        text = utterance(step.context, request)
        step.values["site"] = site_name(text)
        step.values["text"] = text
        name = request.entities.list_name
        if name and name.casefold().strip() not in _NOT_NAMES:
            return await step.next(name)
        return await step.begin_dialog(ASK_ID, ask_options("directory.lists.ask_list", locale=request.locale))

    async def find_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if not step.result:
            return await step.end_dialog()
        request = self.request(step)
        list_name = str(step.result)
        matches = await find_lists(await self.graph(step.context), list_name, step.values.get("site"))
        logger.info("%s: %d list(s) match", request.intent, len(matches))
        if not matches:
            await self.say(step.context, "directory.lists.not_found", name=list_name)
            return await step.end_dialog()
        step.values["matches"] = [
            {"site_id": s.id, "site": s.name, "list_id": li.id, "list": li.display_name} for s, li in matches
        ]
        if len(matches) == 1:
            return await step.next(0)
        labels = [f"{m['list']} ({m['site']})" for m in step.values["matches"]]
        ref = new_ref()
        card = choice_card("site_list", labels, ref=ref, locale=request.locale)
        text = t("directory.lists.which", request.locale, count=len(labels))
        return await step.begin_dialog(f"{type(self).__name__}.pick",
                                       {"card": card, "text": text, "ref": ref, "size": len(labels)})

    async def chosen_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if step.result is None:
            return await step.end_dialog()
        step.values["list"] = step.values["matches"][int(step.result)]
        return await self.with_list(step, self.request(step), step.values["list"])

    async def with_list(self, step: WaterfallStepContext, request: Request, chosen: dict[str, str]) -> DialogTurnResult:
        raise NotImplementedError


class ListItemsDialog(_ListDialog):
    """Shows the first items of a list with their main fields; "show my SharePoint lists" / "what lists are on the
    Marketing site?" shows the lists themselves, site by site."""

    intents = ("lists.items",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self._setup([])

    async def name_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        container = container_of(step.options)  # "more": "<site id>/<list id>" of the list shown before
        if container is None or "/" not in container:
            return await self._name_step(step)
        site_id, list_id = container.rsplit("/", 1)
        found = [li for li in await (await self.graph(step.context)).lists.lists(site_id) if li.id == list_id]
        if not found:
            await self.say(step.context, "context.more.none")
            return await step.end_dialog()
        chosen = {"site_id": site_id, "list_id": list_id, "list": found[0].display_name}
        return await self.with_list(step, self.request(step), chosen)

    async def _name_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        text = utterance(step.context, request)
        name = request.entities.list_name
        if _ASKS_LISTS.search(text) and (not name or name.casefold().strip() in _NOT_NAMES | {"lists", "listes"}):
            return await self._show_lists(step, site_name(text))
        return await super().name_step(step)

    async def _show_lists(self, step: WaterfallStepContext, site: str | None) -> DialogTurnResult:
        locale = self.request(step).locale
        graph = await self.graph(step.context)
        sites = await _sites(graph, site)
        if not sites:
            await self.say(step.context, "directory.lists.no_site", site=site or "")
            return await step.end_dialog()
        lines = []
        for found in sites:
            names = sorted(li.display_name for li in await graph.lists.lists(found.id))
            lines.append(t("directory.lists.on_site", locale, site=found.name, names=", ".join(names)) if names
                         else t("directory.lists.site_empty", locale, site=found.name))
        logger.info("lists.items: the lists of %d site(s) shown", len(sites))
        await step.context.send_activity("\n\n".join(lines))
        return await step.end_dialog()

    async def with_list(self, step: WaterfallStepContext, request: Request, chosen: dict[str, str]) -> DialogTurnResult:
        graph = await self.graph(step.context)
        pool = await graph.lists.items(chosen["site_id"], chosen["list_id"], limit=POOL)
        page = paged(pool, page_of(step.options), SHOWN_ITEMS)
        columns = await graph.lists.columns(chosen["site_id"], chosen["list_id"])
        items = [readable_item(item, columns, locale=request.locale) for item in page.items]
        if not items:
            await self.say(step.context, "directory.lists.empty", name=chosen["list"])
            return await step.end_dialog()
        line = page_line(page, request.locale)
        summary = t("directory.lists.header", request.locale, name=chosen["list"], count=len(items))
        card = with_page_line(list_items_card(items, locale=request.locale, list_name=chosen["list"]), line)
        text = f"{summary}\n{line}" if line else None  # the page line is said, not only shown
        await step.context.send_activity(card_activity(card, text=text, summary=summary))
        await self.services.context.remember_list(
            step.context, ShownList("list_item", tuple((item.id,) for item in page.items), page=page.index,
                                    total=page.total, more=page.more),
            request=LastRequest("lists.items", container=f"{chosen['site_id']}/{chosen['list_id']}"))
        return await step.end_dialog()


class _FieldsDialog(WaterfallDialog):
    """Asks the pending columns one at a time (typed answers); ends with all the fields, or None."""

    def __init__(self, dialog_id: str) -> None:
        super().__init__(dialog_id, [self.ask_step, self.store_step])

    async def ask_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        options: dict[str, Any] = dict(step.options or {})
        if not options["pending"]:
            return await step.end_dialog(options["fields"])
        column = column_from_json(next(c for c in options["columns"] if c["name"] == options["pending"][0]))
        return await step.begin_dialog(ASK_ID, ask_options(
            "directory.lists.ask_column", locale=options["locale"], tz=options["tz"], kind=column.type,
            choices=column.choices, column=column.display_name))

    async def store_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if step.result is None:
            return await step.end_dialog(None)  # gave up; AskDialog said so
        options: dict[str, Any] = dict(step.options or {})
        name = options["pending"][0]
        options["fields"] = {**options["fields"], name: step.result}
        options["pending"] = options["pending"][1:]
        return await step.replace_dialog(self.id, options)


class AddListItemDialog(_ListDialog):
    """Adds an item: values said in the sentence, then each missing required column asked in turn, typed."""

    intents = ("lists.add",)

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.add_dialog(ConfirmDialog("AddListItemDialog.confirm"))
        self.writes = WriteFlow(services, "AddListItemDialog.confirm")
        self.add_dialog(_FieldsDialog("AddListItemDialog.fields"))
        self._setup([self.confirm_step, self.write_step])

    async def with_list(self, step: WaterfallStepContext, request: Request, chosen: dict[str, str]) -> DialogTurnResult:
        graph = await self.graph(step.context)
        columns = [c for c in await graph.lists.columns(chosen["site_id"], chosen["list_id"])
                   if not c.read_only and c.type in SETTABLE]
        step.values["columns"] = [column_json(c) for c in columns]
        found, invalid = await asyncio.to_thread(  # typed values: dates and ordinals may take the date reader
            values_in_sentence, step.values.get("text") or "", columns, locale=request.locale, tz=request.tz,
            now=self.services.clock.now(), title=request.entities.title)
        # Asked in turn: columns said with a value that does not fit, then required columns without a value.
        pending = [c.name for c in columns if c.name in invalid] + [
            c.name for c in columns if c.required and c.name not in found and c.name not in invalid]
        logger.info("lists.add: %d column(s) from the sentence, %d to ask", len(found), len(pending))
        return await step.begin_dialog("AddListItemDialog.fields", {
            "columns": step.values["columns"], "fields": found, "pending": pending,
            "locale": request.locale, "tz": request.tz})

    async def confirm_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        if step.result is None:
            return await step.end_dialog()
        request = self.request(step)
        step.values["fields"] = dict(step.result)
        return await self.writes.ask(step, self._proposal(step, request), request.locale)

    def _proposal(self, step: WaterfallStepContext, request: Request) -> Proposal:
        chosen = step.values["list"]
        shown = self._shown(step, request)
        text = t("directory.lists.confirm", request.locale, name=chosen["list"])
        # A correction may change the item's title ("change the title to …") when the list has a Title column.
        corrects = ("title",) if any(c["name"] == _TITLE_COLUMN for c in step.values["columns"]) else ()
        return Proposal("lists.add", shown, text=text, corrects=corrects, card=lambda ref: list_confirm_card(
            chosen["list"], shown, ref=ref, locale=request.locale))

    async def amend(self, step: WaterfallStepContext, correction: Correction) -> Proposal:
        if correction.title:
            step.values["fields"] = {**step.values["fields"], _TITLE_COLUMN: correction.title}
        return self._proposal(step, self.request(step))

    @staticmethod
    def _shown(step: WaterfallStepContext, request: Request) -> list[tuple[str, str]]:
        fields = step.values["fields"]
        columns = [column_from_json(c) for c in step.values["columns"]]
        return [(c.display_name, display_value(c, fields[c.name], locale=request.locale))
                for c in columns if c.name in fields]

    async def write_step(self, step: WaterfallStepContext) -> DialogTurnResult:
        request = self.request(step)
        if (pending := await self.writes.settle(step, "directory.lists.kept", self.amend)) is not None:
            return pending
        chosen = step.values["list"]
        columns = [column_from_json(c) for c in step.values["columns"]]
        kinds = {c.name: c.type for c in columns}
        fields = {name: date.fromisoformat(value) if kinds.get(name) == "dateTime" else value
                  for name, value in step.values["fields"].items()}
        graph = await self.graph(step.context)
        try:
            item = await graph.lists.add_item(chosen["site_id"], chosen["list_id"], fields, columns=columns)
        except FieldError:
            logger.info("lists.add: fields rejected before the write")
            await self.say(step.context, "directory.lists.invalid")
            return await step.end_dialog()
        logger.info("list item created: id=%s", item.id)
        shown = self._shown(step, request)
        done = Done("lists.add", shown, summary=t("directory.lists.added", request.locale),
                    undo=Undo("lists.create", {"siteId": chosen["site_id"], "listId": chosen["list_id"],
                                               "itemId": item.id}),
                    card=lambda ref: list_result_card(chosen["list"], shown, locale=request.locale,
                                                      web_url=item.web_url, undo_ref=ref))
        return await self.writes.answer(step, done, request.locale)
