"""dialogs/context without a network: the stored shape (ids only), the time to live on a pinned clock, what a
follow-up, a reference or "more" turns into, and the page arithmetic."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from botbuilder.core import ConversationState, MemoryStorage, TurnContext
from botbuilder.core.adapters import TestAdapter
from botbuilder.schema import Activity, ActivityTypes, ChannelAccount, ConversationAccount

from clock import PinnedClock
from dialogs.context import (
    LIFETIME_SECONDS,
    Context,
    ConversationContext,
    Item,
    LastRequest,
    ShownList,
    item_of_undo,
)
from dialogs.context.options import among_of, container_of, page_of, target_of
from dialogs.context.paging import page_line, paged
from dialogs.context.resolve import asked_span, resolve
from language import Entities, recognize

NOW = datetime(2027, 5, 12, 9, 0, tzinfo=UTC)
TZ = "Europe/Paris"
DAY = datetime(2027, 5, 13, 0, 0, tzinfo=UTC)


def turn(adapter: TestAdapter) -> TurnContext:
    activity = Activity(type=ActivityTypes.message, text="hi", channel_id="test", from_property=ChannelAccount(id="u"),
                        conversation=ConversationAccount(id="c"), recipient=ChannelAccount(id="bot"))
    return TurnContext(adapter, activity)


def redirect(ctx: Context, text: str, locale: str = "en") -> Any:
    return resolve(ctx, recognize(text, locale, NOW, TZ), text, tz=TZ)


def test_the_context_round_trips_as_plain_json_of_ids_and_dates() -> None:
    ctx = Context(request=LastRequest("calendar.agenda", DAY, DAY + timedelta(days=1)),
                  shown=ShownList("event", (("e1",), ("e2",)), page=1, total=12, more=True),
                  item=Item("todo", ("l1", "t1")), at=5.0, latest="item",
                  pager=LastRequest("todo.list", container="l0"))
    raw = ctx.to_json()
    assert Context.from_json(raw) == ctx
    assert Context.from_json({"request": {"nope": 1}}) == Context()  # another version's shape: start afresh
    assert ctx.shown is not None and ctx.shown.at(2) == ("e2",) and ctx.shown.at(-1) == ("e2",)
    assert ctx.shown.at(3) is None


async def remembered_event(clock: PinnedClock) -> tuple[ConversationState, ConversationContext, TurnContext]:
    """A conversation's state and context store on `clock`, and a first turn that remembered the meeting e1."""
    state = ConversationState(MemoryStorage())
    store = ConversationContext(state, clock)
    context = turn(TestAdapter())
    await state.load(context)
    await store.remember_item(context, Item("event", ("e1",)))
    return state, store, context


async def test_the_context_ends_after_thirty_minutes_of_silence_and_on_clear() -> None:
    clock = PinnedClock(NOW, running=False)
    _, store, context = await remembered_event(clock)
    clock.advance(LIFETIME_SECONDS - 1)
    assert (await store.touch(context)).item == Item("event", ("e1",))
    clock.advance(LIFETIME_SECONDS - 1)  # silence counts from the last message, not from the write
    assert (await store.get(context)).item == Item("event", ("e1",))
    clock.advance(2)
    assert (await store.get(context)).item is None
    await store.remember_item(context, Item("event", ("e2",)))
    await store.clear(context)
    assert (await store.get(context)).item is None


async def test_a_turn_parses_the_stored_context_once_and_stores_what_it_would_have(monkeypatch: Any) -> None:
    clock = PinnedClock(NOW, running=False)
    state, store, first = await remembered_event(clock)
    await state.save_changes(first)

    parsed: list[dict[str, Any]] = []
    real = Context.from_json.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(Context, "from_json", classmethod(lambda cls, raw: parsed.append(raw) or real(cls, raw)))
    second = turn(TestAdapter())
    await state.load(second)
    clock.advance(60)
    assert (await store.touch(second)).item == Item("event", ("e1",))
    request = LastRequest("calendar.agenda", DAY, DAY + timedelta(days=1))
    await store.remember_request(second, request)
    await store.remember_list(second, ShownList("event", (("e2",),)), request=request)
    found = await store.get(second)
    assert len(parsed) == 1  # touch read the stored dict; the other reads got what the turn saved
    stored = (await state.create_property("context").get(second))
    assert Context.from_json(stored) == found  # what a later turn will read is what this turn saw
    assert found == Context(request=request, shown=ShownList("event", (("e2",),)), item=Item("event", ("e1",)),
                            at=NOW.timestamp() + 60, latest="list", pager=request)


def test_a_dated_request_is_remembered_as_whole_days() -> None:
    local = NOW.astimezone(ZoneInfo(TZ))
    today = local.replace(hour=0, minute=0, second=0, microsecond=0)
    assert asked_span("calendar.availability", Entities(), local) == LastRequest(
        "calendar.availability", today, today + timedelta(days=1))
    afternoon = Entities(start=today + timedelta(days=1, hours=14), time_given=True)
    assert asked_span("calendar.agenda", afternoon, local) == LastRequest(
        "calendar.agenda", today + timedelta(days=1), today + timedelta(days=2))
    assert asked_span("calendar.update", afternoon, local) is None


def test_written_items_come_from_undo_ids() -> None:
    assert item_of_undo("calendar.create", {"eventId": "e"}) == Item("event", ("e",))
    assert item_of_undo("todo.create", {"listId": "l", "itemId": "t"}) == Item("todo", ("l", "t"))
    assert item_of_undo("todo.delete", {"listId": "l", "itemId": "t"}) is None  # gone: nothing to point at
    assert item_of_undo("calendar.create", {}) is None


def test_more_asks_for_the_next_page_of_the_last_list() -> None:
    ctx = Context(request=LastRequest("calendar.availability", DAY, DAY + timedelta(days=1)),  # asked since
                  pager=LastRequest("todo.list", container="list-1"),
                  shown=ShownList("todo", (("list-1", "t1"),), page=0, total=30, more=True))
    found = redirect(ctx, "show me more")
    assert found.options["intent"] == "todo.list"
    assert page_of(found.options) == 1 and container_of(found.options) == "list-1"
    assert redirect(Context(), "more").say == "context.more.none"
    last = Context(pager=ctx.pager, shown=ShownList("todo", (), page=1, total=30, more=False))
    assert redirect(last, "suivant", "fr").say == "context.more.none"


def test_follow_ups_rebuild_the_previous_request() -> None:
    ctx = Context(request=LastRequest("calendar.agenda", DAY, DAY + timedelta(days=1)))
    after = redirect(ctx, "and the day after?")
    assert after.options["intent"] == "calendar.agenda"
    assert after.options["entities"]["start"] == (DAY + timedelta(days=1)).isoformat()
    planner = redirect(ctx, "what about Planner?")
    assert planner.options["intent"] == "planner.list"
    megan = redirect(Context(request=LastRequest("calendar.availability", DAY, DAY + timedelta(days=1))),
                     "and for Megan?")
    assert megan.options["intent"] == "calendar.availability" and megan.options["entities"]["people"] == ["Megan"]
    assert redirect(Context(), "et le lendemain ?", "fr").say == "context.followup.no_base"
    assert redirect(ctx, "add milk to my shopping list") is None


def test_references_pick_ids_from_the_last_list_or_item() -> None:
    listed = Context(shown=ShownList("event", (("e1",), ("e2",), ("e3",))), latest="list")
    second = redirect(listed, "the second one")
    assert second.options["intent"] == "calendar.details" and target_of(second.options, "event") == ("e2",)
    assert redirect(listed, "the fifth one").say == "context.reference.no_such"
    ambiguous = redirect(listed, "move it to 4pm")
    assert ambiguous.options["intent"] == "calendar.update"
    assert among_of(ambiguous.options, "event") == [("e1",), ("e2",), ("e3",)]
    made = Context(shown=listed.shown, item=Item("event", ("e9",)), latest="item")
    assert target_of(redirect(made, "move it to 4pm").options, "event") == ("e9",)
    assert target_of(redirect(made, "cancel that").options, "event") == ("e9",)
    tasks = Context(shown=ShownList("todo", (("l", "t1"), ("l", "t2"))), latest="list")
    done = redirect(tasks, "mark the second one done")
    assert done.options["intent"] == "todo.complete" and target_of(done.options, "todo") == ("l", "t2")
    assert target_of(redirect(tasks, "supprime le premier", "fr").options, "todo") == ("l", "t1")
    planner = Context(item=Item("planner", ("p1",)), latest="item")
    done_planner = redirect(planner, "mark it as done")
    assert done_planner.options["intent"] == "planner.complete" and target_of(done_planner.options, "planner") == ("p1",)
    assert redirect(Context(), "cancel that") is None  # nothing to point at: "cancel" keeps its meaning
    assert redirect(listed, "cancel my second meeting tomorrow") is None  # counted in that day, not in the list


def test_pages_count_n_to_m_of_n() -> None:
    page = paged(list(range(45)), 1, 20)
    assert (page.first, page.last, page.total, page.more) == (21, 40, 45, True)
    assert page_line(page, "en") == 'Showing 21 to 40 of 45. Say "more" for the next 5.'
    assert paged(list(range(45)), 9, 20).items == list(range(40, 45))  # past the end: the last page
    assert page_line(paged(list(range(5)), 0, 20), "fr") is None


def test_a_turns_saves_reuse_the_dicts_of_parts_they_wrote_and_give_the_same_json() -> None:
    from dataclasses import replace as changed
    from itertools import product

    from dialogs.context.models import Context, Item, LastRequest, ShownList

    paris = ZoneInfo("Europe/Paris")
    requests = [None, LastRequest("calendar.agenda", datetime(2026, 12, 6, tzinfo=paris), datetime(2026, 12, 7, tzinfo=paris)),
                LastRequest("todo.list", container="list-1")]
    shown = [None, ShownList("event", (("e1",), ("e2",)), page=1, total=12, more=True, cursor="c")]
    items = [None, Item("todo", ("list-1", "t1"))]
    known: dict[int, tuple[object, dict[str, object]]] = {}
    answers = []
    for request, pager, page, item in product(requests, requests, shown, items):
        context = Context(request=request, shown=page, item=item, at=12.5, latest="list", pager=pager)
        for _ in range(2):  # written twice: the second time every part's dict is reused
            raw = context.to_json(known)
            assert raw == context.to_json() and list(raw) == list(context.to_json())
            parts = [id(value) for value in raw.values() if isinstance(value, dict)]
            assert len(parts) == len(set(parts))  # no dict twice in one answer
            answers.append(raw)
        assert changed(context, at=1.0).to_json(known) == changed(context, at=1.0).to_json()
    assert len(answers) == 72 and known
