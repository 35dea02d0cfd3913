"""Directory dialogs on botbuilder's TestAdapter with a fake Graph: cases the demo tenant cannot show (no
files at all, a list with several required columns of every type asked in turn, a write that fails)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from botbuilder.core import ConversationState, MemoryStorage, MessageFactory, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.dialogs import DialogSet, DialogTurnStatus
from botbuilder.schema import Activity, Attachment

from clock import PinnedClock, local_now
from dialogs.directory import AddListItemDialog, FilesDialog
from dialogs.feature import FeatureDialog
from dialogs.request import Request
from graph import ListColumn, ListItem, Site, SiteList
from graph.lists import validate_fields
from language import Entities, t


class FakeFiles:
    async def recent(self, *, limit: int = 10) -> list[Any]:
        return []

    async def shared_with_me(self, *, limit: int = 10) -> list[Any]:
        return []


COLUMNS = [
    ListColumn(name="Title", display_name="Title", type="text", required=True),
    ListColumn(name="Qty", display_name="Quantity", type="number", required=True),
    ListColumn(name="Due", display_name="Due date", type="dateTime", required=True),
    ListColumn(name="Ok", display_name="Approved", type="boolean", required=True),
    ListColumn(name="Stage", display_name="Stage", type="choice", required=True, choices=("Draft", "Final")),
    ListColumn(name="Notes", display_name="Notes", type="text"),
    ListColumn(name="Modified", display_name="Modified", type="dateTime", read_only=True),
]


@dataclass
class FakeLists:
    added: list[dict[str, Any]] = field(default_factory=list)
    sites: list[Site] = field(default_factory=lambda: [Site(id="host,1,2", name="Projects")])

    async def find_sites(self, name: str) -> list[Site]:
        return self.sites

    async def lists(self, site_id: str) -> list[SiteList]:
        return [SiteList(id="L1", name="Tracker", display_name="Tracker", site_id=site_id)]

    async def columns(self, site_id: str, list_id: str) -> list[ListColumn]:
        return COLUMNS

    async def add_item(self, site_id: str, list_id: str, fields: dict[str, Any], *,
                       columns: list[ListColumn] | None = None) -> ListItem:
        typed = validate_fields(columns or COLUMNS, fields)  # the real validation of graph.lists
        self.added.append(typed)
        return ListItem(id="7", fields=typed, web_url="https://contoso.sharepoint.com/sites/p/Lists/Tracker/7_.000")


class FakeGraph:
    def __init__(self) -> None:
        self.files = FakeFiles()
        self.lists = FakeLists()


class FakeUndo:
    def __init__(self) -> None:
        self.remembered: list[tuple[str, dict[str, str]]] = []

    async def remember(self, context: TurnContext, kind: str, ids: dict[str, str], *,
                       kept: dict[str, str] | None = None) -> str:
        self.remembered.append((kind, dict(ids)))
        return "undo1"


class FakeServices:
    """What a feature dialog uses of `Services`, without sign-in or storage."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self.graph = FakeGraph()
        self.undo = FakeUndo()
        self.clock = PinnedClock(datetime(2026, 12, 5, 21, 40, tzinfo=UTC))  # a Saturday evening

    def now(self, tz: str | None = None) -> datetime:
        return local_now(self.clock, tz)

    async def user_graph(self, context: TurnContext) -> FakeGraph:
        return self.graph

    async def say(self, context: TurnContext, key: str, /, **params: Any) -> None:
        await context.send_activity(MessageFactory.text(t(key, self.locale, **params)))

    async def send_card(self, context: TurnContext, card: dict[str, Any], *, summary: str = "") -> None:
        activity = MessageFactory.attachment(
            Attachment(content_type="application/vnd.microsoft.card.adaptive", content=card))
        activity.summary = summary
        await context.send_activity(activity)


class Harness:
    """Runs one feature dialog, started with `request`, on a TestAdapter; `say` returns the replies."""

    def __init__(self, dialog_type: type[FeatureDialog], request: Request) -> None:
        self.services = FakeServices(request.locale)
        self.dialog = dialog_type(self.services)  # type: ignore[arg-type]
        state = ConversationState(MemoryStorage())
        self.accessor = state.create_property("dialogs")
        self.dialogs = DialogSet(self.accessor)
        self.dialogs.add(self.dialog)
        self.request = request
        self.status: DialogTurnStatus | None = None

        async def logic(context: TurnContext) -> None:
            dc = await self.dialogs.create_context(context)
            result = await dc.continue_dialog()
            if result.status == DialogTurnStatus.Empty:
                result = await dc.begin_dialog(self.dialog.id, self.request.to_options())
            self.status = result.status
            await state.save_changes(context)

        self.adapter = TestAdapter(logic)

    async def say(self, text: str) -> list[Activity]:
        before = len(self.adapter.activity_buffer)
        await self.adapter.receive_activity(Activity(type="message", text=text, locale=self.request.locale))
        return list(self.adapter.activity_buffer[before:])


def texts(replies: list[Activity]) -> str:
    return "\n".join((r.text or "") + (getattr(r, "summary", None) or "") for r in replies)


async def test_no_recent_files_says_microsoft_is_retiring_the_list() -> None:
    harness = Harness(FilesDialog, Request(intent="files.recent", locale="en", tz="UTC", entities=Entities()))
    replies = await harness.say("show my recent files")
    assert "I found no recent files. Microsoft is retiring" in texts(replies)
    assert not any(r.attachments for r in replies)


async def test_nothing_shared_in_french() -> None:
    harness = Harness(FilesDialog, Request(intent="files.shared", locale="fr", tz="UTC", entities=Entities()))
    replies = await harness.say("fichiers partagés avec moi")
    assert "Je n'ai trouvé aucun fichier partagé avec vous" in texts(replies)


async def test_each_required_column_is_asked_in_turn_and_typed() -> None:
    entities = Entities(list_name="Tracker")
    harness = Harness(AddListItemDialog, Request(intent="lists.add", locale="en", tz="Europe/Paris",
                                                 entities=entities))
    first = await harness.say("add Launch plan to the Tracker SharePoint list with approved maybe")
    # "maybe" does not fit the boolean column: asked first, then the required columns left, in column order
    assert 'What should "Approved" be?' in texts(first)
    assert "yes or no" in texts(await harness.say("perhaps"))
    assert 'What should "Quantity" be?' in texts(await harness.say("no"))
    assert 'What should "Due date" be?' in texts(await harness.say("1 250,5"))
    assert "I need a date" in texts(await harness.say("someday"))
    stage = await harness.say("2026-03-31")
    assert 'What should "Stage" be?' in texts(stage) and "1. Draft, 2. Final" in texts(stage)
    confirm = await harness.say("the last one")
    assert "Shall I add this item to Tracker?" in texts(confirm)
    assert harness.services.graph.lists.added == [], "nothing written before the confirmation"
    done = await harness.say("yes")
    assert "List item added" in texts(done)
    assert harness.services.graph.lists.added == [
        {"Title": "Launch plan", "Ok": False, "Qty": 1250.5, "Due": "2026-03-31", "Stage": "Final"}]
    assert harness.services.undo.remembered == [("lists.create", {"siteId": "host,1,2", "listId": "L1", "itemId": "7"})]
    assert harness.status == DialogTurnStatus.Complete  # ended with the write: a second "yes" cannot write again


async def test_three_wrong_answers_give_up_without_writing() -> None:
    harness = Harness(AddListItemDialog, Request(intent="lists.add", locale="fr", tz="UTC",
                                                 entities=Entities(list_name="Tracker", title="Plan")))
    await harness.say("ajoute Plan à la liste SharePoint Tracker")
    for answer in ("beaucoup", "plein", "trop"):
        replies = await harness.say(answer)
    assert "D'accord, j'arrête." in texts(replies)
    assert harness.status == DialogTurnStatus.Complete
    assert harness.services.graph.lists.added == []


async def test_a_list_in_several_sites_is_picked_by_position() -> None:
    harness = Harness(AddListItemDialog, Request(intent="lists.add", locale="en", tz="UTC",
                                                 entities=Entities(title="a SharePoint list")))
    harness.services.graph.lists.sites = [Site(id="host,1,2", name="Projects"), Site(id="host,3,4", name="Sales")]
    assert "Which SharePoint list?" in texts(await harness.say("add an item to a SharePoint list"))
    pick = await harness.say("tracker")
    assert "2 lists match. Which one?" in texts(pick)
    card = pick[-1].attachments[0].content
    assert "Tracker (Sales)" in str(card)
    assert 'What should "Title" be?' in texts(await harness.say("the second one"))
    for answer in ("Kickoff", "3", "2026-01-05", "yes", "Draft"):
        replies = await harness.say(answer)
    assert "Shall I add this item to Tracker?" in texts(replies)
    await harness.say("yes")
    assert harness.services.undo.remembered[0][1]["siteId"] == "host,3,4"
    assert harness.services.graph.lists.added[0]["Title"] == "Kickoff"
